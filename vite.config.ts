import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const backend = process.env.NORMSPACE_BACKEND ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': backend,
      '/sync': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
});
