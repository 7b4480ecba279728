/**
 * Connects two sessions so each hears the other (answer, transfer completion). Audio in the same codec is
 * forwarded as G.711 without transcoding. `unbridge()` puts back whatever each side was sending before
 * (e.g. music on hold) — or pass what to send next.
 */
import { FrameRelay, type MediaSource } from "./media-frames.js";
import type { RtpSession } from "./rtp-session.js";

export interface Bridge {
  unbridge(next?: { a?: MediaSource | null; b?: MediaSource | null }): void;
}

export function bridgeSessions(a: RtpSession, b: RtpSession): Bridge {
  const toB = new FrameRelay();
  const toA = new FrameRelay();
  const previousA = a.source;
  const previousB = b.source;
  const removeFromA = a.addSink(toB);
  const removeFromB = b.addSink(toA);
  a.setSource(toA);
  b.setSource(toB);
  let bridged = true;
  return {
    unbridge(next = {}) {
      if (!bridged) return;
      bridged = false;
      removeFromA();
      removeFromB();
      if (a.source === toA) a.setSource(next.a === undefined ? previousA : next.a);
      if (b.source === toB) b.setSource(next.b === undefined ? previousB : next.b);
    },
  };
}
