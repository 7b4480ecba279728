/**
 * The voice engine of one server process: a SIP user agent on SENTRA_SIP_PORT (UDP and TCP), one shared 20 ms
 * media scheduler, an RTP port range and the prompt library, with the call engine answering INVITEs.
 * Started by the platform when SENTRA_SIP_ENABLED; `close` hangs every call up and frees every socket.
 */
import { fileURLToPath } from "node:url";
import { systemClock } from "@sentra/core";
import { sql } from "kysely";
import { toE164 } from "../../customers/contact-normalization.js";
import type { Services } from "../../services.js";
import { MediaScheduler } from "../media/media-scheduler.js";
import { RtpPortAllocator } from "../media/port-allocator.js";
import { PromptLibrary } from "../media/prompt-library.js";
import { DeskPhoneDelivery } from "../registrar/desk-phone-delivery.js";
import type { IncomingSipRequest } from "../sip/sip-requests.js";
import { SipUserAgent } from "../sip/user-agent.js";
import { firstAvailable, softphoneDelivery } from "./agent-leg.js";
import { CallEngine, loopbackPolicy } from "./call-engine.js";
import { VoiceCallStore } from "./voice-call-store.js";

export const PROMPTS_DIR = fileURLToPath(new URL("../../../assets/prompts", import.meta.url));

/** Handles requests of other methods (REGISTER for agents' phones) before the call engine sees them. */
export type SipMethodHandler = (incoming: IncomingSipRequest) => Promise<void>;

/** How long the answer rate of a queue is averaged over for expected-wait announcements. */
const ANSWER_RATE_WINDOW_MS = 15 * 60_000;
/** How long an agent's phone rings before the call is left with them unanswered. */
const AGENT_RING_MS = 30_000;

export class VoiceRuntime {
  readonly #handlers = new Map<string, SipMethodHandler>();

  private constructor(
    readonly ua: SipUserAgent,
    readonly engine: CallEngine,
    readonly scheduler: MediaScheduler,
    readonly store: VoiceCallStore,
    private readonly unsubscribe: () => void,
    readonly deskPhones: DeskPhoneDelivery,
  ) {}

  static async start(services: Services): Promise<VoiceRuntime> {
    const { config, logger } = services;
    const sip = config.sip;
    const log = logger.child({ component: "voice" });
    const scheduler = new MediaScheduler({
      onParticipantError: (error) => log.error({ err: error }, "media participant failed"),
    });
    const ports = new RtpPortAllocator({ min: sip.rtpPortMin, max: sip.rtpPortMax });
    const store = new VoiceCallStore(services.db);
    const answers = new RecentAnswers(ANSWER_RATE_WINDOW_MS);
    let runtime: VoiceRuntime | undefined;
    // An agent accepted a call: ring their phone (on whichever process holds the call).
    const unsubscribe = services.bus.subscribe((event) => {
      if (event.type !== "routing.interaction_transitioned") return;
      const data = event.data as {
        to?: string;
        queueId?: string;
        channel?: string;
        interactionId?: string;
        agentId?: string;
      };
      if (data.to !== "connected" || data.channel !== "voice") return;
      if (data.queueId) answers.record(`${event.tenantId}/${data.queueId}`, Date.now());
      const call = data.interactionId ? runtime?.engine.byInteraction(data.interactionId) : undefined;
      if (call && data.agentId && call.info.tenantId === event.tenantId) void call.connectAgent(data.agentId);
    });
    const uaOf = () => {
      if (!runtime) throw new Error("The voice runtime is not started.");
      return runtime.ua;
    };
    const deskPhones = new DeskPhoneDelivery({
      registrar: services.sipRegistrar,
      ua: uaOf,
      scheduler,
      ports,
      address: sip.host,
      ringTimeoutMs: AGENT_RING_MS,
      logger: log,
    });
    const engine = new CallEngine({
      ua: uaOf,
      scheduler,
      ports,
      prompts: new PromptLibrary(PROMPTS_DIR),
      rtpAddress: sip.host,
      resolveDid: (dialled) => services.ivr.dids.resolveDid(dialled),
      policy: loopbackPolicy(sip.trustLoopback),
      maxCallsPerTenant: sip.maxCallsPerTenant,
      store,
      routing: services.routingWork,
      queuePosition: (tenantId, queueId, interactionId) => {
        const order = services.routingRuntime.engine.waitingOrder(tenantId, queueId);
        return {
          position: order.indexOf(interactionId) + 1,
          answersPerSecond: answers.perSecond(`${tenantId}/${queueId}`, Date.now()),
        };
      },
      lookups: services.ivr.lookups,
      customerByPhone: async (tenantId, phone) => {
        const e164 = toE164(phone);
        if (!e164) return null;
        const row = await services.db
          .selectFrom("customers")
          .select("id")
          .where("tenant_id", "=", tenantId)
          .where("merged_into", "is", null)
          .where("erased_at", "is", null)
          .where(sql<boolean>`phones @> ${JSON.stringify([e164])}::jsonb`)
          .orderBy("created_at")
          .executeTakeFirst();
        return row?.id ?? null;
      },
      clock: systemClock,
      logger: log,
      announceEveryMs: sip.announceSeconds * 1000,
      delivery: firstAvailable(
        deskPhones,
        services.realtime.softphone
          ? softphoneDelivery(services.realtime.softphone, AGENT_RING_MS, log)
          : { ring: async () => null },
      ),
    });
    let handlers: Map<string, SipMethodHandler> | undefined;
    const ua = await SipUserAgent.start({
      host: sip.host,
      udpPort: sip.port,
      tcpPort: sip.port === 0 ? 0 : sip.port,
      logger: log,
      inviteRateLimit: { ratePerSecond: sip.inviteRatePerSecond, burst: sip.inviteRatePerSecond * 2 },
      onRequest: async (incoming) => {
        if (incoming.request.method === "REGISTER") return services.sipRegistrar.handle(incoming);
        if (incoming.dialog && (await deskPhones.handleInDialog(incoming))) return;
        const handler = handlers?.get(incoming.request.method);
        return handler ? handler(incoming) : engine.handle(incoming);
      },
      onDialogEvent: (event) => {
        if (event.kind !== "confirmed") engine.dialogEnded(event.dialog);
      },
    });
    runtime = new VoiceRuntime(ua, engine, scheduler, store, unsubscribe, deskPhones);
    handlers = runtime.#handlers;
    const udp = ua.local("UDP");
    log.info({ host: sip.host, udpPort: udp?.port, tcpPort: ua.local("TCP")?.port }, "SIP listening");
    return runtime;
  }

  /** Where the UA listens over UDP (the port is real even when configured as 0). */
  get sipPort(): number {
    return this.ua.local("UDP")?.port ?? 0;
  }

  /** Lets another capability (the registrar) answer one SIP method. */
  handle(method: string, handler: SipMethodHandler): void {
    this.#handlers.set(method.toUpperCase(), handler);
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.engine.close();
    await this.ua.close();
  }
}

/** Answers per queue over a sliding window, for "expected wait" announcements. */
class RecentAnswers {
  readonly #times = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  record(key: string, at: number): void {
    const list = this.#times.get(key) ?? [];
    list.push(at);
    this.#times.set(key, list);
  }

  perSecond(key: string, now: number): number {
    const list = (this.#times.get(key) ?? []).filter((t) => now - t <= this.windowMs);
    this.#times.set(key, list);
    return list.length / (this.windowMs / 1000);
  }
}
