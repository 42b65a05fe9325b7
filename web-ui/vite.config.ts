/// <reference types="node" />
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The Quarkus server is the only backend; in `npm run dev` every server path is proxied to it so that the
// session cookie stays same-origin, exactly as in production where the server serves these files itself.
const backend = process.env.VIGIL_BACKEND ?? 'http://localhost:8080';
const proxied = ['/api', '/j_security_check', '/q', '/cds-services'];

export default defineConfig({
  // index.html is served at the server root, so assets are referenced from '/'.
  base: '/',
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend, changeOrigin: false }])),
  },
  build: {
    // Small app; keep the default chunking but do not warn about the React vendor chunk size.
    chunkSizeWarningLimit: 800,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
