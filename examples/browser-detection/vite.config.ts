// `base: './'` makes the build work from any folder or URL prefix (even file-less hosting);
// onnxruntime-web's .wasm is emitted next to the bundle as an asset and loaded from there
// (no CDN: the page works offline).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // The detectors ask only for the WASM execution provider: the WASM-only build of
  // onnxruntime-web ships a 14 MB .wasm instead of the 28 MB one that also carries WebGPU.
  resolve: { alias: [{ find: /^onnxruntime-web$/, replacement: 'onnxruntime-web/wasm' }] },
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
