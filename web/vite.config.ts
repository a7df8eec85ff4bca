import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// @norishiro/data exports its TypeScript source (./src/index.ts): keep it inside the
// bundle (dev, build and SSR) so vite transforms the `.ts` files instead of leaving
// Node to import them at run time.
export default defineConfig({
  plugins: [sveltekit()],
  ssr: { noExternal: ['@norishiro/data'] },
  optimizeDeps: { exclude: ['@norishiro/data'] },
  server: {
    fs: { allow: ['..'] },
    // `vite dev` has no API of its own: forward /api to a running service (pnpm start).
    proxy: { '/api': process.env.API_ORIGIN ?? 'http://127.0.0.1:3000' },
  },
});
