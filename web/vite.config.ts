import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The server (`motcua serve`) serves web/dist with a strict Content-Security-Policy, so the build
// must not rely on inline scripts or styles, nor on eval (vue-i18n compiles messages without it).
export default defineConfig({
  plugins: [vue()],
  define: {
    // Compile-time flags that let the bundler drop vue-i18n's legacy API and devtools hooks.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    target: 'es2020',
    // Browsers that run ES modules preload them natively; the polyfill would only add weight.
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Vue, the router and vue-i18n change far less often than the app: one named chunk that
        // browsers keep cached across releases of the screens. uPlot is only for the statistics
        // and leader views: its own chunk, so the citizen's first load never carries it.
        codeSplitting: {
          groups: [
            { name: 'uplot', test: /node_modules[\\/]uplot[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` proxies the API to a locally running `motcua serve`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
})
