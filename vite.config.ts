/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { minifyCssTemplates } from './build-scripts/minify-css-templates.js';

/** One build of the player, shared by every unit's packages: player.js, and the xAPI code it loads only when reporting to an LRS. */
export default defineConfig({
  plugins: [minifyCssTemplates()],
  build: {
    target: 'es2022',
    emptyOutDir: true,
    outDir: '.build-tmp/player',
    // An application build, not a library one: Vite leaves a library's ES output unminified.
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: false,
    rollupOptions: {
      input: 'components/main.ts',
      preserveEntrySignatures: false,
      output: {
        format: 'es',
        entryFileNames: 'player.js',
        chunkFileNames: 'player-[name].js',
        // The launch parameters, the LRS client and the cmi5 opening make one chunk that imports
        // nothing: a cmi5 launch page loads it on its own, ahead of the player.
        manualChunks: (id) => (/tracking\/(launch-params|xapi\/lrs-client|xapi\/cmi5-opening)\.ts$/.test(id) ? 'launch' : undefined),
      },
    },
  },
  logLevel: 'warn',
  test: {
    fileParallelism: false,
    reporters: ['default', './tests/support/fault-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'components/**/*.test.ts', 'tracking/**/*.test.ts', 'build-scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60000,
          hookTimeout: 180000,
        },
      },
    ],
  },
});
