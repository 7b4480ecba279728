// @vitest-environment jsdom
import "../test/dom-setup";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { admin, tenant } from "../test/fixtures";
import { renderApp, stubApi } from "../test/render";
import { KbSuggestions } from "./KbSuggestions";

const HIT = {
  id: "77777777-7777-4777-8777-777777777777",
  title: "Kartu terblokir di luar negeri",
  language: "id",
  excerpt: "Kartu diblokir saat perjalanan tidak diberitahukan.",
  rank: 0.8,
};

describe("KbSuggestions", () => {
  it("asks once the text settles, in the conversation's language, and inserts a link or the excerpt", async () => {
    const calls = stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: { ...admin, role: "agent" } }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
      "POST /api/v1/kb/suggest": () => ({ status: 200, body: { terms: ["kartu", "blokir"], items: [HIT] } }),
    });
    const insert = vi.fn();
    renderApp(<KbSuggestions text="kartu saya terblokir" language="id" onInsert={insert} />);
    expect(await screen.findByText(HIT.title, {}, { timeout: 3_000 })).toBeTruthy();
    expect(calls.filter((call) => call.key === "POST /api/v1/kb/suggest").map((call) => call.body)).toEqual([
      { text: "kartu saya terblokir", language: "id" },
    ]);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Insert link" }));
    expect(insert).toHaveBeenLastCalledWith(`${HIT.title} — ${window.location.origin}/kb/${HIT.id}`);
    await user.click(screen.getByRole("button", { name: "Insert excerpt and link" }));
    expect(insert).toHaveBeenLastCalledWith(
      `${HIT.excerpt}\n${HIT.title} — ${window.location.origin}/kb/${HIT.id}`,
    );
  });

  it("asks nothing for text too short to match", async () => {
    const calls = stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: { ...admin, role: "agent" } }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
    });
    renderApp(<KbSuggestions text="ok" language="en" onInsert={vi.fn()} />);
    expect(await screen.findByText(/Write what the customer asks/, {}, { timeout: 2_000 })).toBeTruthy();
    expect(calls.some((call) => call.key.includes("/kb/"))).toBe(false);
  });
});
