import { useContext, useEffect, useRef } from "react";
import { RealtimeContext } from "./RealtimeProvider";
import type { RealtimeListener } from "./realtime-client";

/**
 * Calls onEvent for each event on the topic while the component is mounted. The latest onEvent is used
 * without re-subscribing, so callers may pass an inline function. Without a provider, or with an empty topic
 * (a caller whose role may not watch it), it does nothing.
 */
export function useRealtime(topic: string, onEvent: RealtimeListener): void {
  const client = useContext(RealtimeContext);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!client || !topic) return;
    return client.subscribe(topic, (event) => handler.current(event));
  }, [client, topic]);
}
