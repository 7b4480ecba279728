import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// "@sentra/core" is bundled from source through src/core.ts, which re-exports only what the web app uses
// (roles, request contracts): no dependency on `tsc -b` having emitted the core, no routing engine in the graph.
const coreSrc = fileURLToPath(new URL("./src/core.ts", import.meta.url));

/** react-markdown and the unified/micromark packages it brings, for the lazily loaded "markdown" chunk. */
const MARKDOWN_PACKAGES =
  /\/node_modules\/(react-markdown|remark-|micromark|mdast-|hast-|unist-|unified|vfile|decode-named-character-reference|character-|is-(alphabetical|alphanumerical|decimal|hexadecimal|plain-obj)|parse-entities|property-information|space-separated-tokens|comma-separated-tokens|stringify-entities|style-to-object|inline-style-parser|trim-lines|trough|zwitch|bail|ccount|devlop|longest-streak|html-url-attributes|estree-util-|@ungap\/structured-clone)/;

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@sentra/core": coreSrc } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Libraries in one chunk that changes rarely, so browsers keep it cached across app releases.
    rollupOptions: {
      // ECharts gets its own chunk, loaded only when the wallboard's intraday chart renders; likewise the
      // Markdown renderer, loaded when a knowledge-base article is shown.
      output: {
        manualChunks: (id) =>
          /\/node_modules\/(echarts|zrender)\//.test(id)
            ? "charts"
            : MARKDOWN_PACKAGES.test(id)
              ? "markdown"
              : id.includes("/node_modules/")
                ? "vendor"
                : undefined,
      },
      // zod's sources carry explanatory comments next to @__PURE__ marks; Rollup reports each one. Harmless.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/zod/")) return;
        warn(warning);
      },
    },
    chunkSizeWarningLimit: 900,
  },
  server: {
    // `npm run dev -w @sentra/web` next to a running `npm start`: the API and realtime go to the server.
    proxy: { "/api": { target: "http://127.0.0.1:3000", ws: true } },
  },
});
