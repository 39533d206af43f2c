// @ts-check
import { defineConfig } from 'astro/config';
import { contentPreview } from './src/integrations/content-preview.ts';
import { siteBasePath } from './src/site/base-path.ts';

// Served at the path of site.yaml's base_url (`/register/`), or at the root: one setting, not two.
const base = siteBasePath();

// The site is static HTML: every page is complete without JavaScript.
export default defineConfig({
  output: 'static',
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Styles and scripts are always separate files, so a Content Security
    // Policy without 'unsafe-inline' can be added without changing any page.
    inlineStylesheets: 'never',
  },
  vite: {
    // The same path for the register's own addresses (src/site/urls.ts), in pages and browser scripts alike.
    // Not import.meta.env.BASE_URL: in server code Astro lets an environment variable named BASE_URL replace it.
    define: { __REGISTER_BASE_PATH__: JSON.stringify(base) },
    build: {
      // Astro inlines small scripts unless told otherwise; scripts stay external.
      assetsInlineLimit: (file) => (/\.(js|mjs|css)$/.test(file) ? false : undefined),
      // GOV.UK Frontend keeps an IE 11 hack (`min-width: 0\0`) that Lightning CSS refuses to minify.
      cssMinify: 'esbuild',
    },
  },
  // A Content Security Policy on every page, as a <meta http-equiv> in the head
  // (the site is static files: no response headers of its own). Scripts run
  // only from the site's own files: no inline script, no eval, no other origin.
  // A <meta> policy cannot carry frame-ancestors, report-uri/report-to or
  // sandbox (browsers ignore them there): a host that can send headers should
  // add `Content-Security-Policy: frame-ancestors 'none'` itself.
  // test/quality/browser checks the policy on every page and crawls for violations.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // Pagefind's index is WebAssembly. Its worker has no policy of its own
        // here, but when the worker cannot start Pagefind compiles in the page,
        // and a host sending this policy as a header would cover the worker too.
        // 'wasm-unsafe-eval' allows compiling WebAssembly only, never eval().
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
      styleDirective: {
        // The drawn diagrams are inline SVG with their own <style> element and
        // dozens of style attributes, different in every diagram (Mermaid's output).
        // Styles run no code, and default-src/img-src 'self' stop CSS from
        // fetching anything from elsewhere, so inline styles are allowed.
        resources: ["'self'", "'unsafe-inline'"],
      },
    },
  },
  devToolbar: { enabled: false },
  // Astro's terminal output, less its and Vite's notices for developers in the
  // preview (`npm run dev -- --verbose` shows them): see content-preview.ts.
  logger: { entrypoint: './src/integrations/content-preview.ts' },
  integrations: [contentPreview()],
});
