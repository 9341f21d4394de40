import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

// The Tauri CLI expects a fixed dev server port (tauri.conf.json: build.devUrl).
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    // WebKitGTK on Debian 12 is 2.50; Chromium is used for browser tests.
    target: "es2022",
    // Never inline assets as data: URIs: the CSP allows fonts only from 'self'.
    assetsInlineLimit: 0,
    // One bundle, read from the app's own files (no network): CodeMirror and its Markdown
    // parser make it ~630 kB, which is not worth splitting for a desktop window.
    chunkSizeWarningLimit: 1024,
    // Three pages: the main window, the prompter window (its own, smaller bundle) and the
    // remote's page for a phone (served by the app's own server, app/src/remote/).
    rollupOptions: {
      input: { main: "index.html", prompter: "prompter.html", remote: "remote.html" },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
