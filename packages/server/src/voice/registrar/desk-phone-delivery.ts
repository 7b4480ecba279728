/**
 * Rings an agent's registered SIP phone for a call the routing engine gave them: INVITE to the phone's
 * binding with a PCMU offer, CANCEL when it rings too long, and the answered leg as an AudioEndpoint.
 * The phone's BYE reaches its leg through `handleInDialog`.
 */
import { dialogKey, type SipDialog } from "@sentra/core";
import type { Logger } from "pino";
import { type AgentCallDelivery, RtpLegEndpoint } from "../calls/agent-leg.js";
import { createAudioOffer, readAudioAnswer } from "../media/audio-sdp.js";
import type { MediaScheduler } from "../media/media-scheduler.js";
import type { RtpPortAllocator } from "../media/port-allocator.js";
import { RtpSession } from "../media/rtp-session.js";
import type { IncomingSipRequest } from "../sip/sip-requests.js";
import type { SipUserAgent } from "../sip/user-agent.js";
import type { Registrar } from "./registrar.js";

export interface DeskPhoneDeps {
  readonly registrar: Registrar;
  readonly ua: () => SipUserAgent;
  readonly scheduler: MediaScheduler;
  readonly ports: RtpPortAllocator;
  readonly address: string;
  readonly ringTimeoutMs: number;
  readonly logger: Logger;
}

export class DeskPhoneDelivery implements AgentCallDelivery {
  readonly #legs = new Map<string, RtpLegEndpoint>();

  constructor(private readonly deps: DeskPhoneDeps) {}

  get openLegs(): number {
    return this.#legs.size;
  }

  async ring({ tenantId, agentId, callId }: { tenantId: string; agentId: string; callId: string }) {
    const binding = this.deps.registrar.bindingOf(tenantId, agentId);
    if (!binding) return null;
    const { address } = this.deps;
    const session = await RtpSession.open({
      scheduler: this.deps.scheduler,
      ports: this.deps.ports,
      codec: "PCMU",
      bindAddress: address,
    });
    const local = { address, port: session.localPort, codecs: ["PCMU" as const] };
    const ua = this.deps.ua();
    const invite = ua.newRequest({
      method: "INVITE",
      uri: binding.contact,
      from: `sip:sentra@${address}`,
      to: `sip:${binding.username}@${address}`,
      headers: [
        { name: "Content-Type", value: "application/sdp" },
        { name: "Subject", value: `Sentra call ${callId}` },
      ],
      body: createAudioOffer(local),
      transport: binding.source.transport,
    });
    const outgoing = ua.startRequest(invite, { peer: binding.source });
    const timer = setTimeout(() => void outgoing.cancel(), this.deps.ringTimeoutMs);
    const outcome = await outgoing.outcome;
    clearTimeout(timer);
    const answered = outcome.ok && outcome.response.status >= 200 && outcome.response.status < 300;
    const negotiated = answered ? readAudioAnswer(outcome.response.body, local) : undefined;
    if (!answered || !outcome.dialog || !negotiated?.ok) {
      this.deps.logger.warn(
        {
          agentId,
          status: outcome.ok ? outcome.response.status : outcome.reason,
          sdp: negotiated?.ok === false ? negotiated.error : undefined,
        },
        "desk phone did not take the call",
      );
      if (answered && outcome.dialog) await ua.sendInDialog(outcome.dialog, "BYE");
      await session.close();
      return null;
    }
    session.setRemote(negotiated.negotiated.remote);
    const dialog: SipDialog = outcome.dialog;
    const key = dialogKey(dialog.id);
    const leg = new RtpLegEndpoint(session, async () => {
      const current = ua.dialogs().find((d) => dialogKey(d.id) === key);
      if (current) await ua.sendInDialog(current, "BYE");
    });
    this.#legs.set(key, leg);
    leg.onClose(() => this.#legs.delete(key));
    return leg;
  }

  /** A request inside one of our phone legs (the phone's BYE); false when the dialog is not ours. */
  async handleInDialog(incoming: IncomingSipRequest): Promise<boolean> {
    const leg = incoming.dialog ? this.#legs.get(dialogKey(incoming.dialog.id)) : undefined;
    if (!leg) return false;
    if (incoming.request.method === "BYE") {
      incoming.respond(200);
      await leg.remoteHungUp();
    } else incoming.respond(incoming.request.method === "INFO" ? 200 : 488);
    return true;
  }
}
