// @vitest-environment jsdom
import "../test/dom-setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Conversation } from "../api/conversations";
import { renderApp, stubApi } from "../test/render";
import { ConversationComposer } from "./ConversationComposer";

const conversation: Conversation = {
  id: "c-1",
  channel: "chat",
  status: "open",
  subject: null,
  customerId: null,
  contactAddress: "siti@visitor.test",
  currentInteractionId: "i-1",
  queueId: "q-1",
  language: "id",
  messages: [],
};

const canned = [
  {
    id: "r-1",
    language: "id",
    shortcut: "salam",
    title: "Salam",
    body: "Halo {{customer.name}}, saya {{agent.name}}.",
  },
  { id: "r-2", language: "en", shortcut: "salam", title: "Greeting", body: "Hello {{customer.name}}" },
];

function setUp() {
  const calls = stubApi({
    "GET /api/v1/canned-responses": () => ({ status: 200, body: { items: canned } }),
    "POST /api/v1/conversations/c-1/typing": () => ({ status: 204 }),
    "POST /api/v1/conversations/c-1/messages": (init) => ({
      status: 201,
      body: { id: "m-1", bodyText: JSON.parse(String(init?.body)).body },
    }),
    "POST /api/v1/conversations/c-1/notes": () => ({ status: 201, body: { id: "n-1" } }),
  });
  const onSent = vi.fn();
  renderApp(
    <ConversationComposer
      conversation={conversation}
      values={{ "customer.name": "Siti", "agent.name": "Rani", "conversation.id": "c-1" }}
      onSent={onSent}
    />,
  );
  return { calls, onSent, box: screen.getByRole("textbox", { name: "Reply" }) };
}

describe("ConversationComposer", () => {
  it("sends on Enter, keeps Shift+Enter as a line break, and tells the visitor the agent is typing", async () => {
    const { calls, onSent, box } = setUp();
    await userEvent.type(box, "Halo{Shift>}{Enter}{/Shift}Bu{Enter}");
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    const sent = calls.filter((c) => c.key === "POST /api/v1/conversations/c-1/messages");
    expect(sent).toEqual([{ key: "POST /api/v1/conversations/c-1/messages", body: { body: "Halo\nBu" } }]);
    const typing = calls.filter((c) => c.key.endsWith("/typing")).map((c) => c.body);
    expect(typing).toEqual([{ typing: true }, { typing: false }]);
    expect((box as HTMLTextAreaElement).value).toBe("");
  });

  it("writes an internal note to the notes endpoint and never signals typing for it", async () => {
    const { calls, box } = setUp();
    await userEvent.click(screen.getByRole("switch", { name: "Internal note" }));
    const noteBox = screen.getByRole("textbox", { name: "Note for colleagues" });
    expect(noteBox).toBe(box);
    await userEvent.type(noteBox, "Cek limit dulu{Enter}");
    await waitFor(() => expect(calls.some((c) => c.key.endsWith("/notes"))).toBe(true));
    expect(calls.some((c) => c.key.endsWith("/messages"))).toBe(false);
    expect(calls.some((c) => c.key.endsWith("/typing"))).toBe(false);
  });

  it("inserts the canned response for /shortcut in the conversation's language with placeholders filled", async () => {
    const { calls, box } = setUp();
    await userEvent.type(box, "/sal");
    await screen.findByRole("option", { name: /\/salam · Salam/ });
    expect(screen.queryByRole("option", { name: /Greeting/ })).toBeNull();
    await userEvent.keyboard("{Enter}");
    expect((box as HTMLTextAreaElement).value).toBe("Halo Siti, saya Rani.");
    expect(calls.some((c) => c.key.endsWith("/messages"))).toBe(false);
  });
});
