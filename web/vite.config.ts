import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// @norishiro/data exports its TypeScript source (./src/index.ts): keep it inside the
// bundle (dev, build and SSR) so vite transforms the `.ts` files instead of leaving
// Node to import them at run time.
export default defineConfig({
  plugins: [sveltekit()],
  ssr: { noExternal: ['@norishiro/data'] },
  optimizeDeps: { exclude: ['@norishiro/data'] },
  server: { fs: { allow: ['..'] } },
});
