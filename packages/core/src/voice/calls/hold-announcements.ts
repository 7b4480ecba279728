import type { PlaybackItem } from "../ivr/ivr-types.js";

/**
 * What a caller waiting in a queue hears between stretches of music: their place in line and, when the queue
 * has a recent answer rate, roughly how long it will take. Pure: the call engine asks at each announcement.
 */
export interface HoldPosition {
  /** 1 = next in line. */
  readonly position: number;
  /** Estimated seconds until an agent answers; null when the queue has no history to estimate from. */
  readonly expectedWaitSeconds: number | null;
}

/** Longest expected wait worth announcing in minutes; beyond it the caller hears "more than N minutes". */
export const MAX_ANNOUNCED_WAIT_MINUTES = 30;

/** The prompts of one announcement (prompt ids are per language; `digits` reads a number out). */
export function holdAnnouncement({ position, expectedWaitSeconds }: HoldPosition): PlaybackItem[] {
  const items: PlaybackItem[] = [];
  if (position >= 1) {
    items.push({ kind: "prompt", id: "position-in-queue" });
    items.push({ kind: "digits", digits: String(Math.min(position, 999)) });
  }
  if (expectedWaitSeconds !== null && expectedWaitSeconds >= 0) {
    const minutes = Math.max(1, Math.ceil(expectedWaitSeconds / 60));
    if (minutes > MAX_ANNOUNCED_WAIT_MINUTES) {
      items.push({ kind: "prompt", id: "wait-more-than" });
      items.push({ kind: "digits", digits: String(MAX_ANNOUNCED_WAIT_MINUTES) });
    } else {
      items.push({ kind: "prompt", id: "expected-wait" });
      items.push({ kind: "digits", digits: String(minutes) });
    }
    items.push({ kind: "prompt", id: "minutes" });
  }
  return items;
}

/**
 * Expected wait from the queue's recent handling: the caller is served after `position` others leave the
 * line, which happens at the rate agents have been answering (answers per second over a recent window).
 */
export function expectedWaitSeconds(position: number, recentAnswersPerSecond: number): number | null {
  if (position < 1 || !(recentAnswersPerSecond > 0)) return null;
  return Math.round(position / recentAnswersPerSecond);
}

/** DTMF received over SIP INFO (`application/dtmf-relay` "Signal=5" or `application/dtmf` "5"). */
export function dtmfFromSipInfo(contentType: string, body: string): string | null {
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  let signal: string | undefined;
  if (type === "application/dtmf-relay") {
    signal = /^\s*signal\s*=\s*(\S+)/im.exec(body)?.[1];
  } else if (type === "application/dtmf") {
    signal = body.trim();
  }
  if (signal === undefined) return null;
  const digit = signal.toUpperCase();
  if (/^[0-9*#]$/.test(digit)) return digit;
  if (digit === "10") return "*";
  if (digit === "11") return "#";
  return null;
}
