import { Loader, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import {
  type Conversation,
  conversationKeys,
  markRead,
  useConversationByInteraction,
} from "../api/conversations";
import { useCustomer } from "../api/customers";
import { useMe } from "../api/session";
import { QueryError } from "../components/QueryError";
import { ConversationComposer } from "./ConversationComposer";
import { ConversationThread } from "./ConversationThread";
import { useLiveThread } from "./useLiveThread";

/** Whether the element is on screen (its desk tab selected, the browser tab in front). */
function useOnScreen(element: HTMLElement | null): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!element) return;
    // Without IntersectionObserver (old browsers, jsdom) a mounted thread counts as seen.
    if (typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(([entry]) => setVisible(entry?.isIntersecting ?? false));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  const [front, setFront] = useState(() => document.visibilityState === "visible");
  useEffect(() => {
    const update = () => setFront(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible && front;
}

/** Marks the customer's messages read once the agent has the thread on screen. */
function useReadReceipts(conversation: Conversation | null | undefined, onScreen: boolean) {
  const sent = useRef<string | null>(null);
  const lastInbound = conversation?.messages.findLast((m) => m.direction === "inbound");
  const unread = lastInbound && lastInbound.readAt === null ? lastInbound.id : null;
  const conversationId = conversation?.id;
  useEffect(() => {
    if (!onScreen || !unread || !conversationId || sent.current === unread) return;
    sent.current = unread;
    markRead(conversationId, unread).catch(() => {
      sent.current = null;
    });
  }, [onScreen, unread, conversationId]);
}

/**
 * The conversation of a digital interaction on the agent's desk: the live thread, the customer's typing,
 * and the composer. Loaded from the API, so a reload brings the whole history back. Renders nothing for an
 * interaction without a conversation (a call).
 */
export function DeskConversation({ interactionId }: { interactionId: string }) {
  const me = useMe().data;
  const client = useQueryClient();
  const key = conversationKeys.byInteraction(interactionId);
  const query = useConversationByInteraction(interactionId);
  const conversation = query.data;
  const customer = useCustomer(conversation?.customerId ?? null, interactionId);
  const { customerTyping } = useLiveThread(conversation?.id ?? null, key, me ? `agent:${me.id}` : "");
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  useReadReceipts(conversation, useOnScreen(element));

  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return <QueryError error={query.error} />;
  if (!conversation) return null;
  return (
    <Stack gap="sm" ref={setElement} data-testid="desk-conversation">
      <ConversationThread messages={conversation.messages} customerTyping={customerTyping} />
      <ConversationComposer
        conversation={conversation}
        values={{
          "customer.name": customer.data?.preferredName ?? customer.data?.fullName ?? "",
          "agent.name": me?.name ?? "",
          "conversation.id": conversation.id,
        }}
        onSent={(message) =>
          client.setQueryData<Conversation | null>(key, (current) =>
            current && !current.messages.some((m) => m.id === message.id)
              ? { ...current, messages: [...current.messages, message] }
              : current,
          )
        }
      />
    </Stack>
  );
}
