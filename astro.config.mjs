// @ts-check
import { defineConfig } from 'astro/config';
import { contentPreview } from './src/integrations/content-preview.ts';

// The site is static HTML: every page is complete without JavaScript.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Styles and scripts are always separate files, so a Content Security
    // Policy without 'unsafe-inline' can be added without changing any page.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      // Astro inlines small scripts unless told otherwise; scripts stay external.
      assetsInlineLimit: (file) => (/\.(js|mjs|css)$/.test(file) ? false : undefined),
      // GOV.UK Frontend keeps an IE 11 hack (`min-width: 0\0`) that Lightning CSS refuses to minify.
      cssMinify: 'esbuild',
    },
    css: {
      preprocessorOptions: {
        scss: {
          // `@use "govuk-frontend/dist/govuk"` resolves from node_modules.
          loadPaths: ['node_modules'],
          // GOV.UK Frontend's own deprecation notices are not ours to fix.
          quietDeps: true,
        },
      },
    },
  },
  devToolbar: { enabled: false },
  integrations: [contentPreview()],
});
