import { stat } from "node:fs/promises";
import { extname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyReply } from "fastify";
import type { SentraApp } from "./api.js";

/**
 * The web app's build output. Same relative position from src/http (tests) and dist/http (the process).
 */
export const WEB_DIST_DIR = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Paths the SPA must never swallow: unknown API routes keep answering the JSON 404. */
const NOT_THE_APP = /^\/(api|health|metrics)(\/|$|\?)/;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sentra</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}
code{background:#f2f2f2;padding:.1rem .3rem;border-radius:3px}</style></head>
<body><h1>Sentra is running, but the web app is not built</h1>
<p>The API answers under <code>/api/v1</code> (docs at <a href="/api/docs">/api/docs</a>).
To build the web app, run <code>npm run build</code> (or <code>npm run build -w @sentra/web</code>)
in the repository, then reload this page.</p></body></html>
`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The request path as a file inside distDir, or null when it is not a safe relative path. */
function fileInDist(distDir: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.split("?")[0] ?? "/");
  } catch {
    return null;
  }
  const candidate = resolve(distDir, `.${pathname}`);
  const inside = relative(distDir, candidate);
  if (inside === "" || inside.startsWith("..") || inside.includes(`..${sep}`)) return null;
  return inside;
}

function sendIndex(reply: FastifyReply): FastifyReply {
  // index.html names the hashed bundles of the current build, so it must never be cached.
  return reply.header("cache-control", "no-cache").sendFile("index.html", { cacheControl: false });
}

/**
 * Serves the built web app at `/` with an SPA fallback: a GET for a path that is not a file (and not the API,
 * `/health` or `/metrics`) gets index.html so the client router can take it. When the app is not built, a
 * short page says how to build it instead of a bare 404.
 */
export async function registerWebApp(app: SentraApp, distDir: string = WEB_DIST_DIR): Promise<void> {
  const root = resolve(distDir);
  // serve: false — only reply.sendFile; this module owns the route so it can keep the API's JSON 404.
  await app.register(fastifyStatic, { root, serve: false });

  app.get("/*", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    if (NOT_THE_APP.test(request.url)) return reply.callNotFound();
    if (!(await isFile(resolve(root, "index.html")))) {
      return reply.status(503).header("cache-control", "no-store").type("text/html").send(NOT_BUILT_PAGE);
    }
    const file = fileInDist(root, request.url);
    if (file !== null && (await isFile(resolve(root, file)))) {
      // Vite names files under assets/ by content hash: safe to cache for a year.
      const hashed = file.startsWith(`assets${sep}`);
      return reply.sendFile(file, hashed ? { maxAge: "365d", immutable: true } : { maxAge: 0 });
    }
    // A missing file with an extension is a broken link, not a client route.
    if (extname(request.url.split("?")[0] ?? "") !== "") return reply.callNotFound();
    return sendIndex(reply);
  });
}
