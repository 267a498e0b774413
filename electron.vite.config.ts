import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress';

/**
 * `RM_BUILD_OUT`: where the three builds go (default `out/`); the bench builds into a temp folder.
 * `RM_RENDERER_BASELINE=1`: the renderer as it was built before issue 9 item 11 — one
 * unminified bundle, no precompressed copies — so that `npm run bench` can load both side by side.
 */
const outRoot = process.env.RM_BUILD_OUT
  ? resolve(process.env.RM_BUILD_OUT)
  : resolve(__dirname, 'out');
const baseline = process.env.RM_RENDERER_BASELINE === '1';

const NODE_MODULES = /[\\/]node_modules[\\/]/;
/** node_modules/<pkg>/ for any of these packages. */
const packages = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](?:${names.join('|')})[\\\\/]`);

export default defineConfig({
  main: {
    build: {
      outDir: resolve(outRoot, 'main'),
      rollupOptions: {
        // `server`: the office server (`node out/main/server.js`, the `reception-server` command),
        // built beside the shell from the same main-process code.
        input: {
          index: resolve(__dirname, 'main/electron/main.ts'),
          server: resolve(__dirname, 'main/server/cli.ts'),
        },
        // Native and napi modules stay outside the bundle and load from node_modules.
        external: ['better-sqlite3', '@node-rs/argon2', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(outRoot, 'preload'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/electron/preload.ts') },
        // A sandboxed preload cannot require() local files: bundle everything into one CJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: baseline ? [react()] : [react(), precompress()],
    build: {
      outDir: resolve(outRoot, 'renderer'),
      // electron-vite leaves the renderer unminified by default; it is most of what a browser
      // downloads before the sign-in form.
      minify: !baseline,
      chunkSizeWarningLimit: 600,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          codeSplitting: baseline
            ? false
            : {
                groups: [
                  // React changes less often than the app: its own file stays in the cache.
                  {
                    name: 'react',
                    test: packages('react', 'react-dom', 'scheduler'),
                    priority: 30,
                  },
                  // The libraries the first screen (session check, sign-in, lock) needs: one
                  // file, kept apart from the app's code so that a release of the app alone
                  // does not make browsers fetch it again.
                  { name: 'vendor', test: NODE_MODULES, tags: ['$initial'], priority: 20 },
                  // The rest of node_modules by the set of screens that use it (the form and
                  // table parts of antd come with the screens that have forms and tables), small
                  // sets merged so that a screen loads a handful of files, not dozens.
                  {
                    name: 'lib',
                    test: NODE_MODULES,
                    entriesAware: true,
                    entriesAwareMergeThreshold: 30_000,
                    priority: 10,
                  },
                ],
              },
          // `lib~RequestFormPage~DossierPage~…` would name every screen sharing the file.
          chunkFileNames: (chunk) =>
            `assets/${chunk.name.startsWith('lib~') ? 'lib' : '[name]'}-[hash].js`,
        },
      },
    },
  },
});
