import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { SentraApp } from "../../http/api.js";

/** Same relative position from src/channels/web-chat (tests) and dist/channels/web-chat (the process). */
const STATIC_DIR = fileURLToPath(new URL("../../../static/", import.meta.url));

const files = {
  "/widget.js": { file: "widget.js", type: "text/javascript; charset=utf-8" },
  "/demo/chat.html": { file: "demo/chat.html", type: "text/html; charset=utf-8" },
} as const;

/**
 * The chat widget script that host pages include, and a demo host page. Served outside /api/v1 so any site
 * can load the script; it is read per request (a few KB) so an edited widget needs no restart.
 */
export function registerWebChatStaticRoutes(app: SentraApp): void {
  for (const [url, { file, type }] of Object.entries(files)) {
    app.get(url, { config: { access: "public" }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type(type)
        .header("cache-control", "public, max-age=300")
        .header("cross-origin-resource-policy", "cross-origin")
        .send(await readFile(`${STATIC_DIR}${file}`, "utf8")),
    );
  }
}
