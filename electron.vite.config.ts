import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
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

/**
 * Fails the preload build if the bundler split a module the two preloads share into a chunk of its
 * own: a sandboxed preload could not load it, and the window would open without its bridge.
 */
function preloadsSelfContained(): Plugin {
  return {
    name: 'preloads-self-contained',
    generateBundle(_options, bundle) {
      const shared = Object.values(bundle).filter((c) => c.type === 'chunk' && !c.isEntry);
      if (shared.length > 0) {
        this.error(
          `a preload must be one file, but ${shared.map((c) => c.fileName).join(', ')} ` +
            'was split off: keep the two preloads from importing the same module.',
        );
      }
    },
  };
}

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
    // Two preloads: the app window's (index.cjs, the contract's invoke and subscribe) and the
    // first-run choice window's (connect-preload.cjs, issue 14). A sandboxed preload cannot
    // require() local files, so each must be one CJS file: `codeSplitting: false` would say so but
    // is refused with two inputs, hence the check below that no shared chunk was made.
    plugins: [preloadsSelfContained()],
    build: {
      outDir: resolve(outRoot, 'preload'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/electron/preload.ts'),
          'connect-preload': resolve(__dirname, 'main/electron/connect-preload.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
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
        // `connect`: the desktop app's first-run choice window (issue 14), a page of its own. Not
        // in the baseline build, which is one bundle (no code splitting: one input only) and only
        // measures the app's first screen.
        input: baseline
          ? { index: resolve(__dirname, 'renderer/index.html') }
          : {
              index: resolve(__dirname, 'renderer/index.html'),
              connect: resolve(__dirname, 'renderer/connect.html'),
            },
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
