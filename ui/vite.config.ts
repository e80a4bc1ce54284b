import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Served by Tauri's custom protocol from ui/dist in the app, by Vite on :5173 in `tauri dev`.
export default defineConfig({
  plugins: [svelte()],
  base: './',
  clearScreen: false,
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  server: {
    port: 5173,
    strictPort: true,
    // The message catalogues live in ../locales, outside the UI's own folder.
    fs: { allow: ['..'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No data: URLs: the app's CSP only allows 'self'.
    assetsInlineLimit: 0,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
