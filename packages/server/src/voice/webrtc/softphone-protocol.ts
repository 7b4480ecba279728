import { z } from "zod";
import type { EndpointCloseReason } from "./audio-endpoint.js";

/**
 * The softphone's signalling, carried on the agent's realtime WebSocket next to topic subscriptions. One call
 * per connection at a time, named by a client-chosen `callId`. SDP travels whole (non-trickle); trickled
 * candidates are accepted but not needed, as the server is ICE-lite.
 */
const callId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, '-' or '_'");
const sdp = z.string().min(1, "must not be empty").max(20_000, "must be at most 20000 characters");

export const softphoneClientMessages = [
  /** The connection is a softphone that can ring: calls for this agent are offered here first. */
  z.object({ type: z.literal("webrtc.ready"), callId: callId.default("phone") }),
  /** The browser offers a call. `echo_test` (the only purpose so far) echoes the agent's audio back. */
  z.object({ type: z.literal("webrtc.offer"), callId, sdp, purpose: z.literal("echo_test") }),
  /** The browser answers an offer the server made (a call delivered to the agent). */
  z.object({ type: z.literal("webrtc.answer"), callId, sdp }),
  z.object({
    type: z.literal("webrtc.candidate"),
    callId,
    candidate: z.string().max(1000),
    sdpMid: z.string().max(64).nullable().default(null),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().default(null),
  }),
  /** Asks for the server side's packet counters of the call. */
  z.object({ type: z.literal("webrtc.stats"), callId }),
  z.object({ type: z.literal("webrtc.hangup"), callId }),
] as const;

export type SoftphoneClientMessage = z.infer<(typeof softphoneClientMessages)[number]>;

export function isSoftphoneMessage(message: { type: string }): message is SoftphoneClientMessage {
  return message.type.startsWith("webrtc.");
}

export interface SoftphoneStats {
  readonly rtpIn: number;
  readonly rtpOut: number;
}

export type SoftphoneServerMessage =
  | { type: "webrtc.offer"; callId: string; sdp: string }
  | { type: "webrtc.answer"; callId: string; sdp: string }
  | { type: "webrtc.connected"; callId: string }
  | { type: "webrtc.stats"; callId: string; stats: SoftphoneStats }
  | { type: "webrtc.ended"; callId: string; reason: EndpointCloseReason; stats: SoftphoneStats }
  | { type: "error"; error: { code: SoftphoneErrorCode; message: string; details: { callId: string } } };

export type SoftphoneErrorCode =
  | "softphone_forbidden"
  | "softphone_busy"
  | "unknown_call"
  | "invalid_sdp"
  | "negotiation_failed";
