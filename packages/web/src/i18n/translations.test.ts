import { describe, expect, it } from "vitest";
import en from "./en.json";
import id from "./id.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  const enLeaves = new Map(leaves(en));
  const idLeaves = new Map(leaves(id));

  it("en and id have exactly the same keys", () => {
    expect([...idLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it("no value is empty", () => {
    const empty = [...enLeaves, ...idLeaves].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("each id text uses the same {{placeholders}} as its en text", () => {
    const mismatched = [...enLeaves]
      .filter(
        ([key, text]) =>
          JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(idLeaves.get(key) ?? "")),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("uses the product's Indonesian vocabulary", () => {
    expect(id.login.submit).toBe("Masuk");
    expect(id.shell.logout).toBe("Keluar");
    expect(id.nav.users).toBe("Pengguna");
    expect(id.nav.teams).toBe("Tim");
    expect(id.nav.apiKeys).toBe("Kunci API");
    expect(id.nav.audit).toBe("Log audit");
    expect(id.common.save).toBe("Simpan");
    expect(id.common.cancel).toBe("Batal");
  });
});
