import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The Maven build passes the jar's static/ui directory; a bare `npm run build` writes to dist/.
const outDir = process.env.EXQRESS_WEB_OUT_DIR ?? 'dist';

export default defineConfig({
  base: '/ui/',
  build: {
    outDir,
    emptyOutDir: true,
    // Everything as files from /ui/: the Content-Security-Policy allows no data: URLs.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        courier: resolve(import.meta.dirname, 'courier.html'),
        track: resolve(import.meta.dirname, 'track.html'),
        admin: resolve(import.meta.dirname, 'admin.html'),
      },
    },
  },
});
