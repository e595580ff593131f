// The portal is a static site: `npm run build` writes dist/, which a district serves next to its
// RPC node (docs/deployment.md). Preact's JSX runtime replaces React's; nothing else is special.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: [
      // polkadot-api's smoldot provider imports one error class from smoldot's main entry, which
      // inlines smoldot's 2 MB bytecode; the worker already carries it. The entry without the
      // bytecode exports the same classes.
      { find: /^@polkadot-api\/smoldot$/, replacement: 'smoldot/no-auto-bytecode' },
    ],
  },
  build: {
    target: 'es2022',
    // Chunks the first screen does not need (dev accounts, the light client) load on demand.
    chunkSizeWarningLimit: 800,
  },
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
});
