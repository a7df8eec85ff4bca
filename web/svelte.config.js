import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build' }),
    // Scripts only from our origin or with SvelteKit's per-response nonce; tiles and map
    // styles may come from any https host (MAP_STYLE is chosen at run time).
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:', 'https:'],
        'connect-src': ['self', 'https:'],
        'worker-src': ['self', 'blob:'],
        'child-src': ['self', 'blob:'],
        'font-src': ['self', 'data:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
    typescript: {
      config: (c) => {
        c.compilerOptions.allowImportingTsExtensions = true;
        c.compilerOptions.noUncheckedIndexedAccess = true;
        return c;
      },
    },
  },
};
