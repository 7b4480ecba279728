/**
 * The SIP side of inbound calls: admits an INVITE (known number, trusted source, tenant under its call
 * limit, usable SDP), answers it with media, and hands the call to an InboundCall. In-dialog BYE and INFO
 * reach the call they belong to. Refusals carry the SIP status a carrier expects.
 */
import { dialogKey, dtmfFromSipInfo, parseSipUri, type SipDialog, tagOf } from "@sentra/core";
import type { Logger } from "pino";
import type { ResolvedDid } from "../ivr/ivr-did-service.js";
import { answerAudioOffer } from "../media/audio-sdp.js";
import type { MediaScheduler } from "../media/media-scheduler.js";
import type { RtpPortAllocator } from "../media/port-allocator.js";
import type { PromptLibrary } from "../media/prompt-library.js";
import { RtpSession } from "../media/rtp-session.js";
import type { IncomingSipRequest } from "../sip/sip-requests.js";
import type { SipUserAgent } from "../sip/user-agent.js";
import { CallMedia } from "./call-media.js";
import { InboundCall, type InboundCallDeps } from "./inbound-call.js";
import type { VoiceCallStore } from "./voice-call-store.js";

/** Who may place calls into Sentra: loopback in the demo; trunks with allow-lists and digest later. */
export interface InboundCallPolicy {
  admits(source: { address: string }, did: ResolvedDid): boolean;
}

export const loopbackPolicy = (trustLoopback: boolean): InboundCallPolicy => ({
  admits: (source) =>
    trustLoopback &&
    (source.address === "127.0.0.1" || source.address === "::1" || source.address.startsWith("127.")),
});

export interface CallEngineDeps extends Omit<InboundCallDeps, "media" | "hangUp"> {
  readonly ua: () => SipUserAgent;
  readonly scheduler: MediaScheduler;
  readonly ports: RtpPortAllocator;
  readonly prompts: PromptLibrary;
  readonly rtpAddress: string;
  readonly resolveDid: (dialled: string) => Promise<ResolvedDid | undefined>;
  readonly policy: InboundCallPolicy;
  readonly maxCallsPerTenant: number;
}

/** The caller's number from the From URI's user part, when it looks like a phone number. */
function callerNumberOf(fromUri: string): string | undefined {
  const user = parseSipUri(fromUri)?.user ?? /^tel:([^;]+)/.exec(fromUri)?.[1];
  return user && /^\+?[0-9]{3,20}$/.test(user) ? user : undefined;
}

export class CallEngine {
  readonly #calls = new Map<string, InboundCall>();
  #closing = false;

  constructor(private readonly deps: CallEngineDeps) {}

  get activeCalls(): number {
    return this.#calls.size;
  }

  /** The live call that became this interaction, if this process holds it. */
  byInteraction(interactionId: string): InboundCall | undefined {
    for (const call of this.#calls.values()) if (call.interactionId === interactionId) return call;
    return undefined;
  }

  /** Live calls, for the leak checks of tests and the metrics. */
  calls(): InboundCall[] {
    return [...this.#calls.values()];
  }

  async handle(incoming: IncomingSipRequest): Promise<void> {
    const { request, dialog } = incoming;
    if (dialog) return this.#inDialog(incoming, dialog);
    if (request.method === "INVITE") return this.#invite(incoming);
    if (request.method === "BYE" || request.method === "INFO") return void incoming.respond(481);
    incoming.respond(501, { reason: "Not Implemented" });
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all([...this.#calls.values()].map((call) => call.hangUp("shutdown")));
  }

  /** The dialog ended without our BYE handling it (ACK never came, or the UA sent BYE itself). */
  dialogEnded(dialog: SipDialog): void {
    const call = this.#calls.get(dialogKey(dialog.id));
    if (call) void call.callerHungUp("dialog_ended");
  }

  async #inDialog(incoming: IncomingSipRequest, dialog: SipDialog): Promise<void> {
    const call = this.#calls.get(dialogKey(dialog.id));
    const { request } = incoming;
    if (request.method === "BYE") {
      // Before answering: the 200 ends the dialog, whose own end report must not speak for the BYE.
      const hungUp = call?.callerHungUp();
      incoming.respond(200);
      await hungUp;
      return;
    }
    if (request.method === "INFO") {
      const contentType = request.headers.find((h) => h.name === "Content-Type")?.value ?? "";
      const digit = dtmfFromSipInfo(contentType, request.body);
      incoming.respond(200);
      if (digit && call) call.dtmf(digit);
      return;
    }
    if (request.method === "INVITE") {
      // Re-INVITE (hold, codec change) is not supported yet: the call keeps its media as it is.
      incoming.respond(488, { reason: "Not Acceptable Here" });
      return;
    }
    incoming.respond(501, { reason: "Not Implemented" });
  }

  async #invite(incoming: IncomingSipRequest): Promise<void> {
    const { request, essentials, peer } = incoming;
    const log = this.deps.logger.child({ sipCallId: essentials.callId, peer: peer.address });
    if (this.#closing) return void incoming.respond(503, { headers: [{ name: "Retry-After", value: "30" }] });
    const did = await this.deps.resolveDid(request.uri);
    if (!did) {
      log.info({ uri: request.uri }, "call to an unknown number refused");
      return void incoming.respond(404, { reason: "Not Found" });
    }
    if (!this.deps.policy.admits(peer, did)) {
      log.warn({ uri: request.uri }, "call from an untrusted source refused");
      return void incoming.respond(403, { reason: "Forbidden" });
    }
    const open = [...this.#calls.values()].filter((c) => c.info.tenantId === did.tenantId).length;
    if (open >= this.deps.maxCallsPerTenant) {
      log.warn({ tenantId: did.tenantId, open }, "tenant call limit reached");
      return void incoming.respond(503, {
        reason: "Call Limit Reached",
        headers: [{ name: "Retry-After", value: "10" }],
      });
    }
    const probe = answerAudioOffer(request.body, { address: this.deps.rtpAddress, port: 9 });
    if (!probe.ok) {
      log.info({ code: probe.error.code }, "call with unusable SDP refused");
      return void incoming.respond(488, { reason: `Not Acceptable Here (${probe.error.message})` });
    }
    const session = await RtpSession.open({
      scheduler: this.deps.scheduler,
      ports: this.deps.ports,
      codec: probe.negotiated.codec,
      bindAddress: this.deps.rtpAddress,
      telephoneEventPayloadType: probe.negotiated.telephoneEventPayloadType,
      remote: probe.negotiated.remote,
    }).catch((error: unknown) => {
      log.error({ err: error }, "no RTP port for a call");
      return null;
    });
    if (!session) return void incoming.respond(503, { reason: "No Media Ports" });
    const answer = answerAudioOffer(request.body, {
      address: this.deps.rtpAddress,
      port: session.localPort,
      codecs: [probe.negotiated.codec],
    });
    if (!answer.ok || incoming.cancelled) {
      await session.close();
      return;
    }
    const callerNumber = callerNumberOf(essentials.from.uri);
    let callId: string;
    try {
      callId = await this.deps.store.begin({
        tenantId: did.tenantId,
        sipCallId: essentials.callId,
        fromNumber: callerNumber ?? null,
        toNumber: did.number,
        flowId: did.flowId,
        flowVersion: did.version,
      });
    } catch (error) {
      await session.close();
      throw error;
    }
    const response = incoming.respond(200, {
      headers: [{ name: "Content-Type", value: "application/sdp" }],
      body: answer.answer,
    });
    const toTag = response.headers.find((h) => h.name === "To")?.value.match(/;tag=([^;\s]+)/)?.[1] ?? "";
    const key = dialogKey({
      callId: essentials.callId,
      localTag: toTag,
      remoteTag: tagOf(essentials.from) ?? "",
    });
    const ua = this.deps.ua();
    const call = new InboundCall(
      {
        ...this.deps,
        media: new CallMedia(session, this.deps.prompts, log),
        logger: log,
        hangUp: async () => {
          const dialog = ua.dialogs().find((d) => dialogKey(d.id) === key);
          if (dialog) await ua.sendInDialog(dialog, "BYE");
        },
      },
      {
        tenantId: did.tenantId,
        callId,
        flow: did.flow,
        callerNumber,
        dialedNumber: did.number,
      },
    );
    this.#calls.set(key, call);
    void call.ended.then(() => this.#calls.delete(key));
    session.onDtmf((press) => call.dtmf(press.digit));
    log.info({ tenantId: did.tenantId, did: did.number, callId }, "call answered");
    call.start();
  }
}
