// The dashboard: Preact, built to dashboard/dist, which the service serves at `/`
// (src/http/dashboard.ts). `vite dashboard` runs a dev server that proxies /graphql (HTTP and
// WebSocket) to a service on http://127.0.0.1:4000.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
