/**
 * Vite build of the dashboard: `npm run build:ui -w reference-deploy` writes `ui/dist`, which the
 * API serves at `/ui` (so `base` is `/ui/`). Everything is bundled (uPlot and its CSS included):
 * the page loads nothing from other origins and works offline. `vite --config ui/vite.config.ts`
 * serves it with hot reload and proxies `/api` to an API on 127.0.0.1:8081.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/ui/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:8081' } },
});
