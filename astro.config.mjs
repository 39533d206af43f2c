// @ts-check
import { defineConfig } from 'astro/config';

// The site is static HTML: every page is complete without JavaScript.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  telemetry: false,
});
