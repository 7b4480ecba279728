import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The core is bundled from source: the web app needs only its pure contracts and role matrix, and this keeps
// the web build independent of whether `tsc -b` has emitted the core yet.
const coreSrc = fileURLToPath(new URL("../core/src/index.ts", import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@sentra/core": coreSrc } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Libraries in one chunk that changes rarely, so browsers keep it cached across app releases.
    rollupOptions: {
      output: { manualChunks: (id) => (id.includes("/node_modules/") ? "vendor" : undefined) },
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
