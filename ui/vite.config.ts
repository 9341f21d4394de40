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
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
