/**
 * The registrar for agents' SIP phones (RFC 3261 §10): a REGISTER with a correct digest answer binds the
 * endpoint's username to the phone's Contact for the granted time; `Expires: 0` (or `Contact: *`) removes it.
 * Bindings are kept in memory per process and expire on their own.
 */
import { type Clock, parseSipUri, systemClock } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../db/schema.js";
import { SipDigestAuthenticator } from "../sip/digest-authenticator.js";
import type { IncomingSipRequest } from "../sip/sip-requests.js";
import type { SipPeer } from "../sip/transport.js";

export const SIP_REALM = "sentra";
const MIN_EXPIRES = 60;
const MAX_EXPIRES = 3600;
const DEFAULT_EXPIRES = 3600;

export interface Binding {
  readonly tenantId: string;
  readonly agentId: string;
  readonly username: string;
  /** The Contact URI the phone asked to be reached at. */
  readonly contact: string;
  /** Where its REGISTER came from: requests are sent there (it may sit behind NAT). */
  readonly source: SipPeer;
  readonly expiresAt: number;
  readonly userAgent: string | null;
}

/** The granted expiry: the phone's wish, within [MIN_EXPIRES, MAX_EXPIRES]; 0 unregisters; too short is 423. */
export function grantedExpiry(requested: number | undefined): number | "too_brief" {
  if (requested === undefined) return DEFAULT_EXPIRES;
  if (requested === 0) return 0;
  if (requested < MIN_EXPIRES) return "too_brief";
  return Math.min(requested, MAX_EXPIRES);
}

export class Registrar {
  readonly #bindings = new Map<string, Binding>();
  readonly #auth: SipDigestAuthenticator;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly clock: Clock = systemClock,
  ) {
    this.#auth = new SipDigestAuthenticator({
      realm: SIP_REALM,
      // MD5 only: phones built on libre (baresip 1.0) fail the whole REGISTER with ENOSYS when any challenge
      // names SHA-256, and most deployed desk phones know MD5 only. The digest core speaks both (RFC 8760).
      algorithms: ["MD5"],
      clock,
      lookup: async (username) => {
        const row = await this.#endpoint(username);
        return row ? { password: row.password } : undefined;
      },
    });
  }

  /** The live binding of an agent's phone, if it is registered. */
  bindingOf(tenantId: string, agentId: string): Binding | undefined {
    const now = this.clock.now();
    for (const binding of this.#bindings.values()) {
      if (binding.expiresAt <= now) continue;
      if (binding.tenantId === tenantId && binding.agentId === agentId) return binding;
    }
    return undefined;
  }

  bindingOfUser(username: string): Binding | undefined {
    const binding = this.#bindings.get(username);
    return binding && binding.expiresAt > this.clock.now() ? binding : undefined;
  }

  /** Forgets an endpoint's binding (deleted or disabled). */
  forget(username: string): void {
    this.#bindings.delete(username);
  }

  async handle(incoming: IncomingSipRequest): Promise<void> {
    const { request, peer } = incoming;
    const verdict = await this.#auth.verify(request);
    if (!verdict.ok) {
      if (verdict.reason !== "missing")
        this.logger.warn({ peer: peer.address, reason: verdict.reason }, "sip registration refused");
      incoming.respond(verdict.status, { headers: verdict.headers });
      return;
    }
    const endpoint = await this.#endpoint(verdict.username);
    if (!endpoint?.enabled) return void incoming.respond(403, { reason: "Forbidden" });
    const header = (name: string) => request.headers.find((h) => h.name.toLowerCase() === name)?.value;
    const contactValue = header("contact");
    const expiresHeader = header("expires");
    const contactUri = contactValue
      ? (/<([^>]+)>/.exec(contactValue)?.[1] ?? contactValue.split(";")[0]!)
      : undefined;
    const contactExpires = contactValue ? /;\s*expires=(\d+)/i.exec(contactValue)?.[1] : undefined;
    const requested = contactExpires ?? expiresHeader;
    const granted = grantedExpiry(requested === undefined ? undefined : Number(requested));
    if (granted === "too_brief") {
      return void incoming.respond(423, {
        reason: "Interval Too Brief",
        headers: [{ name: "Min-Expires", value: String(MIN_EXPIRES) }],
      });
    }
    if (contactValue?.trim() === "*" || granted === 0) {
      this.#bindings.delete(endpoint.username);
      return void incoming.respond(200);
    }
    if (!contactUri) {
      // A query: answer with the current binding.
      const current = this.bindingOfUser(endpoint.username);
      return void incoming.respond(200, {
        headers: current
          ? [{ name: "Contact", value: `<${current.contact}>;expires=${this.#left(current)}` }]
          : [],
      });
    }
    if (!parseSipUri(contactUri)) return void incoming.respond(400, { reason: "Bad Contact" });
    const binding: Binding = {
      tenantId: endpoint.tenant_id,
      agentId: endpoint.agent_id,
      username: endpoint.username,
      contact: contactUri,
      source: peer,
      expiresAt: this.clock.now() + granted * 1000,
      userAgent: header("user-agent") ?? null,
    };
    this.#bindings.set(endpoint.username, binding);
    this.logger.info({ username: endpoint.username, contact: contactUri }, "sip phone registered");
    incoming.respond(200, { headers: [{ name: "Contact", value: `<${contactUri}>;expires=${granted}` }] });
  }

  #left(binding: Binding): number {
    return Math.max(0, Math.round((binding.expiresAt - this.clock.now()) / 1000));
  }

  #endpoint(username: string) {
    return this.db
      .selectFrom("sip_endpoints")
      .selectAll()
      .where("username", "=", username)
      .executeTakeFirst();
  }
}
