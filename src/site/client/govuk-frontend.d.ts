/**
 * The part of GOV.UK Frontend's JavaScript the site uses. The package ships no
 * type declarations; these follow its README ("Import JavaScript using a bundler").
 */
declare module 'govuk-frontend' {
  /** A GOV.UK Frontend component class, started on each element with its `data-module`. */
  export class Component {
    constructor($root: Element);
  }
  /** Moves focus to the target of the skip link, for browsers that only scroll to it. */
  export class SkipLink extends Component {}
  /** Starts one component on every matching element in the page, returning the instances. */
  export function createAll<T extends typeof Component>(component: T): InstanceType<T>[];
}
