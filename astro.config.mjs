// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

// SITE_URL and BASE_PATH let the same build serve from a domain root or a project page
// (https://user.github.io/commonplace/ → SITE_URL=https://user.github.io BASE_PATH=/commonplace/).
// COMMONPLACE_OUT_DIR and COMMONPLACE_CACHE_DIR let the benchmark build generated lists beside the real one.
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  ...(process.env.COMMONPLACE_OUT_DIR ? { outDir: process.env.COMMONPLACE_OUT_DIR } : {}),
  ...(process.env.COMMONPLACE_CACHE_DIR ? { cacheDir: process.env.COMMONPLACE_CACHE_DIR } : {}),
  // The default ('jsx') drops a newline between an inline tag and text; `true` is lossless, so
  // quotes reach the page word for word.
  compressHTML: true,
  // Stylesheets stay files so the Content-Security-Policy needs no 'unsafe-inline'.
  // Likewise scripts: Astro inlines small ones unless the inline limit is 0.
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  // `npm run build` (src/cli/build.ts) then checks the output and builds the search index.
  // The prose pages (src/pages/*.mdx) show code blocks plain: highlighting writes inline styles,
  // which the Content-Security-Policy refuses.
  experimental: { incrementalBuild: true },
  integrations: [mdx({ syntaxHighlight: false }), sitemap()],
});
