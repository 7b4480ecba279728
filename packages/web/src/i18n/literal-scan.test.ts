import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import { findUntranslatedText, translationKeys } from "./literal-scan";

const src = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path, extensions);
    return extensions.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function lookup(key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
}

describe("no untranslated text in the UI", () => {
  it("flags JSX text, literal children and literal visible props (self-check)", () => {
    const sample = `const A = () => <div title="Hello">Save <b>{"Cancel"}</b><Input label={cond ? "Yes" : t("x")} aria-label={\`Edit \${name}\`} data-testid="ok-row" /> {" — "} {name}</div>;`;
    expect(findUntranslatedText("sample.tsx", sample).map((f) => f.text)).toEqual([
      "title=Hello",
      "Save",
      "Cancel",
      "label=Yes",
      "aria-label=Edit",
    ]);
  });

  it("every .tsx under src renders text only through t()", () => {
    const findings = sources(src, /\.tsx$/).flatMap((path) =>
      findUntranslatedText(path, readFileSync(path, "utf8")).map(
        (f) => `${relative(src, path)}:${f.line} ${JSON.stringify(f.text)}`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it("every key passed to t() exists in en.json", () => {
    const missing: string[] = [];
    for (const path of sources(src, /\.tsx?$/)) {
      const { exact, prefixes } = translationKeys(path, readFileSync(path, "utf8"));
      for (const key of exact) {
        const found = typeof lookup(key) === "string" || typeof lookup(`${key}_other`) === "string";
        if (!found) missing.push(`${relative(src, path)}: ${key}`);
      }
      for (const prefix of prefixes) {
        if (typeof lookup(prefix.replace(/\.$/, "")) !== "object")
          missing.push(`${relative(src, path)}: ${prefix}*`);
      }
    }
    expect(missing).toEqual([]);
  });
});
