import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The gateway serves the built files at `/` and everything under /api/v1 itself; in
// development the dev server hands those calls to a running gateway.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/console',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': process.env.TALLY_GATEWAY ?? 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
