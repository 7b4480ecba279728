import { useCallback, useState } from "react";

/**
 * Back/forward over a cursor-paginated list. The API only gives "next" cursors, so the cursors of the pages
 * already visited are kept to step back.
 */
export function useCursorPages() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const cursor = stack[stack.length - 1] ?? null;
  const next = useCallback((nextCursor: string) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const first = useCallback(() => setStack([null]), []);
  return { cursor, page: stack.length, next, previous, first };
}
