import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useRealtime } from "../realtime/useRealtime";

const TYPING_TIMEOUT_MS = 8000;

/**
 * Keeps a conversation's cached thread fresh: every `conversation.message_added`/`message_updated` on the
 * conversation's topic refetches it (events carry ids only; the API checks access). With `agentTopic`, also
 * follows the customer's typing on the handling agent's topic; a lost "stopped" clears itself.
 */
export function useLiveThread(conversationId: string | null, queryKey: QueryKey, agentTopic = "") {
  const client = useQueryClient();
  const [customerTyping, setCustomerTyping] = useState(false);
  const clear = useRef<ReturnType<typeof setTimeout> | null>(null);

  useRealtime(conversationId ? `conversation:${conversationId}` : "", (event) => {
    if (event.type === "conversation.message_added") setCustomerTyping(false);
    if (event.type === "conversation.message_added" || event.type === "conversation.message_updated") {
      void client.invalidateQueries({ queryKey });
    }
  });

  useRealtime(conversationId ? agentTopic : "", (event) => {
    if (event.type !== "conversation.typing") return;
    const data = event.data as { conversationId: string; typing: boolean };
    if (data.conversationId !== conversationId) return;
    if (clear.current) clearTimeout(clear.current);
    setCustomerTyping(data.typing);
    if (data.typing) clear.current = setTimeout(() => setCustomerTyping(false), TYPING_TIMEOUT_MS);
  });

  useEffect(
    () => () => {
      if (clear.current) clearTimeout(clear.current);
    },
    [],
  );
  return { customerTyping };
}
