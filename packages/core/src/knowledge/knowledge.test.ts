import { describe, expect, it } from "vitest";
import { articleBody } from "./article.js";
import { excerptAround, plainTextOf } from "./excerpt.js";
import { anyOfTsQuery, searchTermsFrom, wordsOf } from "./search-terms.js";

describe("search terms from conversation text", () => {
  it("drops Indonesian greetings and function words and ranks repeated words first", () => {
    const text =
      "Halo mbak, saya mau tanya. Kartu kredit saya hilang, tolong blokir kartu saya ya. Terima kasih";
    expect(searchTermsFrom(text, "id")).toEqual(["kartu", "blokir", "hilang", "kredit", "tanya"]);
  });

  it("drops English stop words and numbers", () => {
    expect(
      searchTermsFrom("Hello, I want to pay my bill of 250000 before the due date, please", "en"),
    ).toEqual(["date", "due", "bill", "pay"]);
  });

  it("caps the number of terms and builds a safe any-of tsquery", () => {
    expect(searchTermsFrom("alpha beta gamma delta", "en", 2)).toHaveLength(2);
    expect(anyOfTsQuery(["kartu", "blokir"])).toBe("kartu | blokir");
    expect(anyOfTsQuery(["a&b", "!x"])).toBeNull();
    expect(anyOfTsQuery([])).toBeNull();
    expect(wordsOf("Kartu's & (blokir) | x")).toEqual(["kartu", "blokir"]);
  });
});

describe("excerpts", () => {
  const body = `# Blocking a card\n\n${"Intro text that is not about the topic. ".repeat(8)}To **block** a lost card, call us or use the [app](https://x.test). ${"Closing words. ".repeat(10)}`;

  it("strips Markdown", () => {
    expect(plainTextOf("# Title\n\n- **bold** [link](http://x)")).toBe("Title bold link");
  });

  it("centres on the first matched term, cut at word boundaries with ellipses", () => {
    const excerpt = excerptAround(body, ["lost"], 120);
    expect(excerpt).toContain("To block a lost card");
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(122);
  });

  it("falls back to the beginning without a match and returns short text whole", () => {
    expect(excerptAround(body, ["zzz"], 60).startsWith("Blocking a card")).toBe(true);
    expect(excerptAround("Short", ["x"])).toBe("Short");
  });
});

describe("article body", () => {
  it("normalises tags and rejects unknown languages", () => {
    expect(articleBody.parse({ title: "T", body: "B", language: "id", tags: ["Kartu"] }).tags).toEqual([
      "kartu",
    ]);
    expect(articleBody.safeParse({ title: "T", body: "B", language: "fr" }).success).toBe(false);
  });
});
