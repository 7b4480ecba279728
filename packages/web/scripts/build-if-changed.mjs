// Builds the web app only when its inputs changed since the last build. `npm start` runs the whole build
// every time; without this, each start would spend ~15 s re-bundling an unchanged app.
//
// Inputs: everything under this package (sources, public files, index.html, configs, manifest), the lockfile
// (a dependency bump changes the output), and every other workspace file the last build actually bundled
// (the core's roles and contracts), taken from Rollup's module graph. Paths, sizes and mtimes are hashed and
// kept with that file list in dist/.build-stamp.json.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("..", import.meta.url));
const repo = join(web, "..", "..");
const dist = join(web, "dist");
const stampFile = join(dist, ".build-stamp.json");

const ownInputs = ["src", "public", "index.html", "vite.config.ts", "package.json", "tsconfig.json"]
  .map((path) => join(web, path))
  .concat(join(repo, "package-lock.json"));

// Tests do not reach the bundle, so editing one must not trigger a rebuild.
const ignored = (name) => /\.test\.tsx?$/.test(name) || name === "node_modules" || name.startsWith(".");

function* files(path) {
  if (!existsSync(path)) {
    yield [path, null];
    return;
  }
  const stat = statSync(path);
  if (stat.isFile()) {
    yield [path, stat];
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (!ignored(entry)) yield* files(join(path, entry));
  }
}

function fingerprint(bundled) {
  const hash = createHash("sha256");
  for (const input of [...ownInputs, ...bundled.map((path) => join(repo, path))]) {
    for (const [path, stat] of files(input)) {
      hash.update(`${relative(repo, path)}\0${stat ? `${stat.size}\0${stat.mtimeMs}` : "missing"}\n`);
    }
  }
  return hash.digest("hex");
}

/** Workspace files outside this package that the build bundled (node_modules is covered by the lockfile). */
function bundledFiles(output) {
  const outputs = Array.isArray(output) ? output : [output];
  const ids = outputs.flatMap((o) => ("output" in o ? o.output : [])).flatMap((c) => c.moduleIds ?? []);
  const paths = ids
    .map((id) => id.split("?")[0])
    .filter((id) => isAbsolute(id) && !id.includes(`${sep}node_modules${sep}`) && !id.startsWith(web));
  return [...new Set(paths.map((path) => relative(repo, path)))].sort();
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    return null;
  }
}

const started = performance.now();
const stamp = readStamp();
const upToDate =
  !process.argv.includes("--force") &&
  stamp !== null &&
  existsSync(join(dist, "index.html")) &&
  stamp.hash === fingerprint(stamp.bundled);

if (upToDate) {
  const ms = Math.round(performance.now() - started);
  console.log(`@sentra/web: up to date, build skipped (checked in ${ms} ms; --force to rebuild)`);
  process.exit(0);
}

const { build } = await import("vite");
const output = await build({ root: web, configFile: join(web, "vite.config.ts"), logLevel: "warn" });
const bundled = bundledFiles(output);
writeFileSync(stampFile, `${JSON.stringify({ hash: fingerprint(bundled), bundled }, null, 2)}\n`);
console.log(`@sentra/web: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
