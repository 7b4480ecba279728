// Builds the web app only when its inputs changed since the last build. `npm start` runs the whole build
// every time; without this, each start would spend ~15 s re-bundling an unchanged app.
//
// Inputs: this package's sources, public files, index.html, configs and manifest, the core sources it
// bundles, and the lockfile (a dependency bump changes the output). Their paths, sizes and mtimes are
// hashed; the hash of the last successful build is kept in dist/.build-stamp.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("..", import.meta.url));
const repo = join(web, "..", "..");
const dist = join(web, "dist");
const stampFile = join(dist, ".build-stamp");

const inputs = [
  join(web, "src"),
  join(web, "public"),
  join(web, "index.html"),
  join(web, "vite.config.ts"),
  join(web, "package.json"),
  join(repo, "packages", "core", "src"),
  join(repo, "package-lock.json"),
];

// Tests do not reach the bundle, so editing one must not trigger a rebuild.
const ignored = (name) => /\.test\.tsx?$/.test(name) || name === "node_modules" || name.startsWith(".");

function* files(path) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    yield [path, stat];
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (!ignored(entry)) yield* files(join(path, entry));
  }
}

function fingerprint() {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const [path, stat] of files(input)) {
      hash.update(`${relative(repo, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  return hash.digest("hex");
}

const started = performance.now();
const force = process.argv.includes("--force");
const current = fingerprint();
const previous = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : null;

if (!force && previous === current && existsSync(join(dist, "index.html"))) {
  const ms = Math.round(performance.now() - started);
  console.log(`@sentra/web: up to date, build skipped (checked in ${ms} ms; --force to rebuild)`);
  process.exit(0);
}

const { build } = await import("vite");
await build({ root: web, configFile: join(web, "vite.config.ts"), logLevel: "warn" });
writeFileSync(stampFile, `${current}\n`);
console.log(`@sentra/web: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
