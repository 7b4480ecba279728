import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import {
  browserSignalSocket,
  type SignalSocket,
  SoftphoneClient,
  type SoftphoneSnapshot,
} from "./softphone-client";

const SoftphoneContext = createContext<SoftphoneClient | null>(null);

/**
 * One softphone per agent desk: its own signalling connection on the realtime WebSocket, opened while the desk
 * is mounted, and the hidden audio element the far end plays through.
 */
export function SoftphoneProvider({
  children,
  open = browserSignalSocket,
}: {
  children: ReactNode;
  open?: () => SignalSocket;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const [client] = useState(
    () =>
      new SoftphoneClient(open, (stream) => {
        if (!audio.current) return;
        audio.current.srcObject = stream;
        if (stream) void audio.current.play().catch(() => undefined);
      }),
  );
  useEffect(() => {
    client.connect();
    return () => client.dispose();
  }, [client]);
  return (
    <SoftphoneContext.Provider value={client}>
      {children}
      {/* biome-ignore lint/a11y/useMediaCaption: live call audio has no captions */}
      <audio ref={audio} autoPlay hidden data-testid="softphone-audio" />
    </SoftphoneContext.Provider>
  );
}

export interface Softphone extends SoftphoneSnapshot {
  startTestCall(): void;
  answer(): void;
  hangup(): void;
}

/** The softphone's state and controls; components re-render when it changes. */
export function useSoftphone(): Softphone | null {
  const client = useContext(SoftphoneContext);
  const subscribe = useCallback(
    (listener: () => void) => client?.subscribe(listener) ?? (() => undefined),
    [client],
  );
  const snapshot = useSyncExternalStore(subscribe, () => client?.snapshot ?? null);
  if (!client || !snapshot) return null;
  return {
    ...snapshot,
    startTestCall: () => void client.startTestCall(),
    answer: () => void client.answer(),
    hangup: () => client.hangup(),
  };
}
