import { createContext, type ReactNode, useState } from "react";
import { browserSocket, RealtimeClient, type SocketLike } from "./realtime-client";

export const RealtimeContext = createContext<RealtimeClient | null>(null);

/** One realtime connection for the whole app; tests pass `open` to use a fake socket. */
export function RealtimeProvider({
  children,
  open = browserSocket,
}: {
  children: ReactNode;
  open?: () => SocketLike;
}) {
  const [client] = useState(() => new RealtimeClient(open));
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}
