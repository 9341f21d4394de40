import { writeFileSync } from "node:fs";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/**
 * Lists the npm packages whose code or files the production bundle holds, in
 * `bundled-packages.json` beside `ui/dist` (not in it): the third-party licence notice
 * (packaging/third-party-licenses.mjs) names exactly these.
 */
function bundledPackages(): Plugin {
  return {
    name: "podium-bundled-packages",
    apply: (_, env) => env.command === "build" && env.mode === "production",
    generateBundle(_, bundle) {
      const ids = [...this.getModuleIds()];
      for (const file of Object.values(bundle)) {
        if (file.type === "asset") ids.push(...file.originalFileNames);
      }
      const names = new Set<string>();
      for (const id of ids) {
        const found = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
        if (found) names.add(found[1]);
      }
      writeFileSync(
        new URL("./bundled-packages.json", import.meta.url),
        `${JSON.stringify([...names].sort(), null, 2)}\n`,
      );
    },
  };
}

// The Tauri CLI expects a fixed dev server port (tauri.conf.json: build.devUrl).
export default defineConfig({
  plugins: [svelte(), bundledPackages()],
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
