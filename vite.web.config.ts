import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The same renderer, built for the browser bridge: one extra module script,
 * placed before the app's own, installs a fetch-based `window.api`.
 */
function injectWebApi(): Plugin {
  return {
    name: 'referral-map-web-api',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace('<script type="module"', '<script type="module" src="../web/client/installApi.ts"></script>\n    <script type="module"'),
    },
  }
}

export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [injectWebApi(), react()],
  build: {
    // RM_WEB_OUT lets parallel work build into its own folder; the default is what the bridge serves.
    outDir: resolve(__dirname, process.env.RM_WEB_OUT ?? 'out/web'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
  },
})
