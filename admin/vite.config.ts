import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves dist/ at "/" (with SPA fallback) and GraphQL at "/graphql" on the same origin;
// in development the proxy gives the console that same shape (API_URL points it at another API).
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': process.env.API_URL ?? 'http://localhost:4000',
      '/export': process.env.API_URL ?? 'http://localhost:4000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the console: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 20 },
            { name: 'react-admin', test: /node_modules[\\/](ra-[a-z-]+|react-admin)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
