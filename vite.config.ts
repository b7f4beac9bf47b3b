// Vite builds the client (client/) into dist/client; in dev it proxies /api to the running server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Absolute paths: the build also runs in-process from `npm start` and the browser tests, whatever their cwd.
const root = fileURLToPath(new URL('./client', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/client', import.meta.url));

export default defineConfig({
  root,
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
