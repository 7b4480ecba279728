import { useCallback, useEffect, useRef } from "react";
import { sendTyping } from "../api/conversations";

const IDLE_MS = 3000;

/**
 * Tells a chat visitor the agent is typing: one "typing" when keys start, one "stopped" after a pause or when
 * the message is sent. Nothing is sent for other channels.
 */
export function useTypingSignal(conversationId: string, enabled: boolean) {
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!typing.current) return;
    typing.current = false;
    sendTyping(conversationId, false).catch(() => {});
  }, [conversationId]);

  const keystroke = useCallback(() => {
    if (!enabled) return;
    if (!typing.current) {
      typing.current = true;
      sendTyping(conversationId, true).catch(() => {});
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(stop, IDLE_MS);
  }, [conversationId, enabled, stop]);

  useEffect(() => stop, [stop]);
  return { keystroke, stop };
}
