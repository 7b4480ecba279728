// @vitest-environment jsdom
import "../test/dom-setup";
import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Conversation, ConversationMessage } from "../api/conversations";
import type { SocketLike } from "../realtime/realtime-client";
import { admin, tenant } from "../test/fixtures";
import { renderApp, stubApi } from "../test/render";
import { DeskConversation } from "./DeskConversation";

const agent = { ...admin, role: "agent" as const, name: "Rani", id: "33333333-3333-4333-8333-333333333333" };

const inbound = (id: string, bodyText: string): ConversationMessage => ({
  id,
  conversationId: "c-1",
  direction: "inbound",
  authorKind: "customer",
  authorId: null,
  fromAddress: null,
  subject: null,
  bodyText,
  deliveryStatus: "received",
  lastError: null,
  readAt: null,
  createdAt: "2026-03-01T03:00:00.000Z",
  attachments: [],
});

describe("DeskConversation", () => {
  it("loads the thread, marks what the agent sees read, and follows new messages and typing live", async () => {
    let conversation: Conversation = {
      id: "c-1",
      channel: "chat",
      status: "open",
      subject: "Kartu",
      customerId: null,
      contactAddress: "siti@visitor.test",
      currentInteractionId: "i-1",
      queueId: "q-1",
      language: "id",
      messages: [inbound("m-1", "Kartu saya terblokir")],
    };
    const calls = stubApi({
      "GET /api/v1/auth/me": () => ({ status: 200, body: agent }),
      "GET /api/v1/tenant": () => ({ status: 200, body: tenant }),
      "GET /api/v1/canned-responses": () => ({ status: 200, body: { items: [] } }),
      "GET /api/v1/conversations/by-interaction/i-1": () => ({ status: 200, body: conversation }),
      "POST /api/v1/conversations/c-1/read": () => ({ status: 200, body: { upTo: "m-1", newlyRead: 1 } }),
    });
    let socket: SocketLike | null = null;
    const open = (): SocketLike => {
      socket = { readyState: 1, send: vi.fn(), close: vi.fn(), onopen: null, onclose: null, onmessage: null };
      return socket;
    };
    renderApp(<DeskConversation interactionId="i-1" />, { socket: open });
    await screen.findByText("Kartu saya terblokir");
    await waitFor(() =>
      expect(calls.filter((c) => c.key.endsWith("/read")).map((c) => c.body)).toEqual([{ upTo: "m-1" }]),
    );

    const push = (topic: string, type: string, data: unknown) =>
      act(async () => {
        socket!.onmessage?.({
          data: JSON.stringify({
            type: "event",
            topic,
            event: { id: type, tenantId: tenant.id, topic, type, at: new Date().toISOString(), data },
          }),
        });
      });
    await act(async () => socket!.onopen?.());
    await push(`agent:${agent.id}`, "conversation.typing", { conversationId: "c-1", typing: true });
    await screen.findByText("Customer is typing…");

    conversation = {
      ...conversation,
      messages: [...conversation.messages, inbound("m-2", "Tolong dibantu")],
    };
    await push("conversation:c-1", "conversation.message_added", { conversationId: "c-1", messageId: "m-2" });
    await screen.findByText("Tolong dibantu");
    expect(screen.queryByTestId("typing-indicator")).toBeNull();
    await waitFor(() =>
      expect(calls.filter((c) => c.key.endsWith("/read")).map((c) => c.body)).toEqual([
        { upTo: "m-1" },
        { upTo: "m-2" },
      ]),
    );
  });
});
