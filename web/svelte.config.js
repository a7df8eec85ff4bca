import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build' }),
    typescript: {
      config: (c) => {
        c.compilerOptions.allowImportingTsExtensions = true;
        c.compilerOptions.noUncheckedIndexedAccess = true;
        return c;
      },
    },
  },
};
