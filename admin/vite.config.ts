import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves dist/ at "/" (with SPA fallback) and GraphQL at "/graphql" on the same origin;
// in development the proxy gives the console that same shape.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': 'http://localhost:4000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
