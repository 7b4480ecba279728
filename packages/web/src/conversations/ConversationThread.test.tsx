// @vitest-environment jsdom
import "../test/dom-setup";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ConversationMessage } from "../api/conversations";
import { tenant } from "../test/fixtures";
import { renderApp, stubApi } from "../test/render";
import { ConversationThread } from "./ConversationThread";

const message = (overrides: Partial<ConversationMessage>): ConversationMessage => ({
  id: "m",
  conversationId: "c-1",
  direction: "inbound",
  authorKind: "customer",
  authorId: null,
  fromAddress: null,
  subject: null,
  bodyText: "",
  deliveryStatus: "received",
  lastError: null,
  readAt: null,
  createdAt: "2026-03-01T03:00:00.000Z",
  attachments: [],
  ...overrides,
});

describe("ConversationThread", () => {
  it("shows each side, delivery state, attachments as downloads and notes marked as internal", () => {
    stubApi({ "GET /api/v1/tenant": () => ({ status: 200, body: tenant }) });
    renderApp(
      <ConversationThread
        customerTyping
        messages={[
          message({
            id: "m-1",
            bodyText: "Ini struk transfernya",
            attachments: [
              { id: "a-1", fileName: "struk.pdf", contentType: "application/pdf", sizeBytes: 2048 },
            ],
          }),
          message({
            id: "m-2",
            direction: "outbound",
            authorKind: "user",
            bodyText: "Terima kasih",
            deliveryStatus: "delivered",
          }),
          message({ id: "m-3", direction: "internal_note", authorKind: "user", bodyText: "Cek mutasi" }),
          message({
            id: "m-4",
            direction: "outbound",
            authorKind: "user",
            bodyText: "Halo?",
            deliveryStatus: "failed",
            lastError: "relay refused",
          }),
        ]}
      />,
    );
    const bubbles = screen.getAllByTestId("thread-message");
    expect(bubbles.map((b) => b.dataset.direction)).toEqual([
      "inbound",
      "outbound",
      "internal_note",
      "outbound",
    ]);
    const link = within(bubbles[0]!).getByRole("link", { name: "struk.pdf (2 KB)" });
    expect(link.getAttribute("href")).toBe("/api/v1/attachments/a-1");
    expect(within(bubbles[2]!).getByText("Internal note")).toBeTruthy();
    expect(within(bubbles[1]!).queryByText("Internal note")).toBeNull();
    expect(screen.getAllByTestId("delivery-status").map((s) => s.textContent)).toEqual([
      "Delivered",
      "Not delivered",
    ]);
    expect(screen.getByTestId("typing-indicator").textContent).toBe("Customer is typing…");
  });
});
