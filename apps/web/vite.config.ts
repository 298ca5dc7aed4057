import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the api runs on :3000 and Vite proxies GraphQL to it.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source'] },
  server: {
    proxy: {
      '/graphql': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
      '/api': 'http://localhost:3000',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
