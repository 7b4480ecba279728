/**
 * SDP offer/answer (RFC 3264) for one G.711 audio stream with RFC 4733 telephone events, on `sdp-transform`.
 * Sentra offers PCMU and PCMA plus telephone-event; answering picks the first offered codec it supports,
 * mirrors the direction (a hold offer "sendonly" is answered "recvonly") and keeps the offer's payload
 * number for telephone-event. Bad or unusable SDP is a typed result, never an exception.
 */

import type { MediaDescription, SessionDescription } from "sdp-transform";
import * as sdpTransform from "sdp-transform";
import type { G711Codec } from "./g711.js";
import { G711_PAYLOAD_TYPES } from "./g711.js";

export type MediaDirection = "sendrecv" | "sendonly" | "recvonly" | "inactive";

export interface LocalAudio {
  readonly address: string;
  readonly port: number;
  /** In order of preference; default PCMU then PCMA. */
  readonly codecs?: readonly G711Codec[];
  /** Default 101; null to not offer DTMF events. */
  readonly telephoneEventPayloadType?: number | null;
  readonly rtcpMux?: boolean;
  readonly direction?: MediaDirection;
  /** o= session id and version; increase the version for each re-offer (hold, resume). */
  readonly sessionId?: number;
  readonly sessionVersion?: number;
}

export interface NegotiatedAudio {
  readonly codec: G711Codec;
  readonly payloadType: number;
  readonly telephoneEventPayloadType: number | null;
  /** Where to send RTP (and RTCP) to. */
  readonly remote: { readonly address: string; readonly port: number; readonly rtcpPort: number };
  readonly rtcpMux: boolean;
  readonly ptimeMs: number;
  /** The direction from Sentra's point of view after negotiation. */
  readonly direction: MediaDirection;
}

export type SdpErrorCode = "sdp_unparseable" | "sdp_no_audio" | "sdp_no_common_codec" | "sdp_no_address";

export type SdpResult<T> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly error: { readonly code: SdpErrorCode; readonly message: string } };

const fail = <T>(code: SdpErrorCode, message: string): SdpResult<T> => ({
  ok: false,
  error: { code, message },
});

const REVERSED: Record<MediaDirection, MediaDirection> = {
  sendrecv: "sendrecv",
  sendonly: "recvonly",
  recvonly: "sendonly",
  inactive: "inactive",
};

function describe(local: LocalAudio, codecs: readonly G711Codec[], eventPt: number | null): string {
  const ipVer = local.address.includes(":") ? 6 : 4;
  const payloads = [...codecs.map((c) => G711_PAYLOAD_TYPES[c]), ...(eventPt === null ? [] : [eventPt])];
  const media: MediaDescription = {
    type: "audio",
    port: local.port,
    protocol: "RTP/AVP",
    payloads: payloads.join(" "),
    rtp: [
      ...codecs.map((codec) => ({ payload: G711_PAYLOAD_TYPES[codec], codec, rate: 8000 })),
      ...(eventPt === null ? [] : [{ payload: eventPt, codec: "telephone-event", rate: 8000 }]),
    ],
    fmtp: eventPt === null ? [] : [{ payload: eventPt, config: "0-16" }],
    ptime: 20,
    direction: local.direction ?? "sendrecv",
    ...(local.rtcpMux ? { rtcpMux: "rtcp-mux" as const } : {}),
  };
  const session: SessionDescription = {
    version: 0,
    origin: {
      username: "sentra",
      sessionId: local.sessionId ?? Date.now(),
      sessionVersion: local.sessionVersion ?? 1,
      netType: "IN",
      ipVer,
      address: local.address,
    },
    name: "Sentra",
    connection: { version: ipVer, ip: local.address },
    timing: { start: 0, stop: 0 },
    media: [media],
  };
  return sdpTransform.write(session);
}

export function createAudioOffer(local: LocalAudio): string {
  return describe(local, local.codecs ?? ["PCMU", "PCMA"], local.telephoneEventPayloadType ?? 101);
}

interface RemoteAudio {
  readonly offered: { codec: G711Codec; payloadType: number }[];
  readonly telephoneEventPayloadType: number | null;
  readonly address: string;
  readonly port: number;
  readonly rtcpPort: number;
  readonly rtcpMux: boolean;
  readonly ptimeMs: number;
  readonly direction: MediaDirection;
}

function readRemote(sdp: string): SdpResult<{ remote: RemoteAudio }> {
  let session: SessionDescription;
  try {
    session = sdpTransform.parse(sdp);
  } catch {
    return fail("sdp_unparseable", "The SDP could not be parsed.");
  }
  const media = (session.media ?? []).find((m) => m.type === "audio" && m.port > 0);
  if (!media) return fail("sdp_no_audio", "The SDP has no active audio stream.");
  const address = media.connection?.ip ?? session.connection?.ip;
  if (!address) return fail("sdp_no_address", "The SDP gives no connection address for audio.");
  const payloads = String(media.payloads ?? "")
    .split(/\s+/)
    .filter((p) => /^\d+$/.test(p))
    .map(Number);
  const rtpmaps = media.rtp ?? [];
  const offered: { codec: G711Codec; payloadType: number }[] = [];
  let eventPt: number | null = null;
  for (const pt of payloads) {
    const map = rtpmaps.find((r) => r.payload === pt);
    const name = (map?.codec ?? (pt === 0 ? "PCMU" : pt === 8 ? "PCMA" : "")).toUpperCase();
    if ((name === "PCMU" || name === "PCMA") && (map?.rate ?? 8000) === 8000)
      offered.push({ codec: name, payloadType: pt });
    if (name === "TELEPHONE-EVENT" && (map?.rate ?? 8000) === 8000 && eventPt === null) eventPt = pt;
  }
  const direction = (media.direction ?? session.direction ?? "sendrecv") as MediaDirection;
  return {
    ok: true,
    remote: {
      offered,
      telephoneEventPayloadType: eventPt,
      address,
      port: media.port,
      rtcpPort: media.rtcp?.port ?? media.port + 1,
      rtcpMux: media.rtcpMux === "rtcp-mux",
      ptimeMs: media.ptime ?? 20,
      direction,
    },
  };
}

/** Answers an audio offer; `negotiated` tells the RTP session what to use. */
export function answerAudioOffer(
  offerSdp: string,
  local: LocalAudio,
): SdpResult<{ answer: string; negotiated: NegotiatedAudio }> {
  const read = readRemote(offerSdp);
  if (!read.ok) return read;
  const { remote } = read;
  const supported = local.codecs ?? ["PCMU", "PCMA"];
  const chosen = remote.offered.find((o) => supported.includes(o.codec));
  if (!chosen) return fail("sdp_no_common_codec", "The offer has neither PCMU nor PCMA at 8 kHz.");
  const eventPt = local.telephoneEventPayloadType === null ? null : remote.telephoneEventPayloadType;
  const direction = REVERSED[remote.direction];
  const rtcpMux = remote.rtcpMux && (local.rtcpMux ?? false);
  const answer = describe({ ...local, direction, rtcpMux }, [chosen.codec], eventPt);
  return {
    ok: true,
    answer,
    negotiated: {
      codec: chosen.codec,
      payloadType: chosen.payloadType,
      telephoneEventPayloadType: eventPt,
      remote: {
        address: remote.address,
        port: remote.port,
        rtcpPort: rtcpMux ? remote.port : remote.rtcpPort,
      },
      rtcpMux,
      ptimeMs: remote.ptimeMs,
      direction,
    },
  };
}

/** Reads the answer to an offer Sentra made. */
export function readAudioAnswer(
  answerSdp: string,
  local: LocalAudio,
): SdpResult<{ negotiated: NegotiatedAudio }> {
  const read = readRemote(answerSdp);
  if (!read.ok) return read;
  const { remote } = read;
  const supported = local.codecs ?? ["PCMU", "PCMA"];
  const chosen = remote.offered.find((o) => supported.includes(o.codec));
  if (!chosen) return fail("sdp_no_common_codec", "The answer chose no codec Sentra offered.");
  const rtcpMux = remote.rtcpMux && (local.rtcpMux ?? false);
  return {
    ok: true,
    negotiated: {
      codec: chosen.codec,
      payloadType: chosen.payloadType,
      telephoneEventPayloadType:
        local.telephoneEventPayloadType === null ? null : remote.telephoneEventPayloadType,
      remote: {
        address: remote.address,
        port: remote.port,
        rtcpPort: rtcpMux ? remote.port : remote.rtcpPort,
      },
      rtcpMux,
      ptimeMs: remote.ptimeMs,
      direction: REVERSED[remote.direction],
    },
  };
}
