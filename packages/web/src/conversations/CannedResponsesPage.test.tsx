// @vitest-environment jsdom
import "../test/dom-setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderApp, stubApi } from "../test/render";
import { CannedResponsesPage } from "./CannedResponsesPage";

describe("CannedResponsesPage", () => {
  it("names an unknown placeholder before saving, then saves the corrected response", async () => {
    const calls = stubApi({
      "GET /api/v1/canned-responses": () => ({ status: 200, body: { items: [] } }),
      "POST /api/v1/canned-responses": (init) => ({
        status: 201,
        body: { id: "r-1", updatedAt: "2026-03-01T00:00:00Z", ...JSON.parse(String(init?.body)) },
      }),
    });
    renderApp(<CannedResponsesPage />);
    await screen.findByText("No canned responses yet.");
    await userEvent.click(screen.getByRole("button", { name: "New response" }));
    const dialog = within(await screen.findByRole("dialog"));
    const fill = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
    fill(dialog.getByRole("textbox", { name: /Shortcut/ }), "refund");
    fill(dialog.getByRole("textbox", { name: "Title" }), "Refund status");
    const body = dialog.getByRole("textbox", { name: /Text/ });
    fill(body, "Dear {{customer.nmae}}, your refund is on its way.");
    await userEvent.click(dialog.getByRole("button", { name: "Save" }));
    await dialog.findByText(/Unknown placeholder \{\{customer\.nmae\}\}; use \{\{customer\.name\}\}/);
    expect(calls.some((c) => c.key.startsWith("POST"))).toBe(false);

    fill(body, "Dear {{customer.name}}, your refund is on its way.");
    await userEvent.click(dialog.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls.some((c) => c.key === "POST /api/v1/canned-responses")).toBe(true));
    expect(calls.find((c) => c.key.startsWith("POST"))?.body).toEqual({
      language: "id",
      shortcut: "refund",
      title: "Refund status",
      body: "Dear {{customer.name}}, your refund is on its way.",
    });
  }, 60_000);
});
