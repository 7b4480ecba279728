// @vitest-environment jsdom
import "../test/dom-setup";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { MarkdownView } from "./MarkdownView";

describe("MarkdownView", () => {
  it("renders Markdown, shows raw HTML as text and drops script links", () => {
    const source = [
      "# Kartu terblokir",
      "",
      "1. Verifikasi identitas",
      "2. Buka **blokir** di [portal](https://bank.example/unblock)",
      "",
      '<img src=x onerror="alert(1)"><script>alert(2)</script>',
      "",
      "[klik](javascript:alert(3))",
    ].join("\n");
    renderApp(<MarkdownView source={source} />);
    const body = screen.getByTestId("article-body");
    expect(body.querySelector("h1")?.textContent).toBe("Kartu terblokir");
    expect(body.querySelectorAll("ol li")).toHaveLength(2);
    expect(body.querySelector("strong")?.textContent).toBe("blokir");
    expect(body.querySelector('a[href="https://bank.example/unblock"]')).toBeTruthy();
    expect(body.querySelector("img, script")).toBeNull();
    const scriptLink = [...body.querySelectorAll("a")].find((a) => a.textContent === "klik");
    expect(scriptLink?.getAttribute("href") ?? "").not.toContain("javascript");
  });
});
