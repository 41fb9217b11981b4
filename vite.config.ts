import { defineConfig } from 'vite';

/** One build of the player, shared by every unit's packages: dist of a single ES module, player.js. */
export default defineConfig({
  build: {
    target: 'es2022',
    emptyOutDir: true,
    outDir: '.build-tmp/player',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: 'components/main.ts',
      formats: ['es'],
      fileName: () => 'player.js',
    },
  },
  logLevel: 'warn',
});
