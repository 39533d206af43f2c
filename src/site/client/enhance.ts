/**
 * Runs on every page once the browser has loaded it: marks the page as able to
 * run GOV.UK Frontend's JavaScript (what the GOV.UK template's inline snippet
 * does; our pages allow no inline scripts), then starts the one component that
 * needs it. Nothing on any page depends on this.
 */
import { createAll, SkipLink } from 'govuk-frontend';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');

// Moves focus properly to the main content in browsers that would otherwise only scroll to it.
createAll(SkipLink);
