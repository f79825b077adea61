import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app lives in web/ and builds to web/dist, which the Accord server serves at `/`.
 * In development (`npm run dev:web`) the API is proxied to a server started with `npm run demo` (port 3000).
 */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
