import { useRef } from "react";
import type { AgentView } from "../api/routing-types";

/**
 * When the agent entered the state shown. The API reports `idleSince` (the start of being available) but no
 * start time for other states, so for those the desk counts from when it saw the change — at worst from when
 * the page loaded.
 */
export function useStateSince(view: AgentView | undefined): number {
  const seen = useRef<{ key: string; since: number } | null>(null);
  if (!view) return Date.now();
  const key = `${view.status.kind}:${view.status.reason ?? ""}`;
  if (seen.current?.key !== key) {
    const since = view.status.kind === "available" && view.idleSince > 0 ? view.idleSince : Date.now();
    seen.current = { key, since };
  }
  return seen.current.since;
}
