import { roleAllows } from "@sentra/core";
import { z } from "zod";
import type { Actor } from "../tenancy/actor.js";
import { type SoftphoneServerMessage, softphoneClientMessages } from "../voice/webrtc/softphone-protocol.js";

/**
 * The realtime protocol, validated like any other boundary. Clients subscribe to topics; the server pushes
 * every event published on a topic the client may see.
 */
export const clientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("subscribe"), topic: z.string().min(1).max(120) }),
  z.object({ type: z.literal("unsubscribe"), topic: z.string().min(1).max(120) }),
  z.object({ type: z.literal("ping") }),
  ...softphoneClientMessages,
]);
export type ClientMessage = z.infer<typeof clientMessage>;

export type ServerMessage =
  | { type: "welcome"; actor: { id: string; tenantId: string; role: string; name: string } }
  | { type: "subscribed" | "unsubscribed"; topic: string }
  | { type: "event"; topic: string; event: unknown }
  | { type: "pong" }
  | { type: "error"; error: { code: string; message: string; details?: unknown } }
  | SoftphoneServerMessage;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TopicDecision = { ok: true; topic: string } | { ok: false; code: string; message: string };

/** Resolves aliases (`agent:me`) and checks the actor may watch the topic. */
export function authorizeTopic(actor: Pick<Actor, "id" | "role">, requested: string): TopicDecision {
  const topic = requested === "agent:me" ? `agent:${actor.id}` : requested;
  const [kind, id] = topic.split(":", 2);
  const deny = (message: string): TopicDecision => ({ ok: false, code: "topic_forbidden", message });
  switch (kind) {
    case "tenant":
      return roleAllows(actor.role, "users:read")
        ? { ok: true, topic }
        : deny("Your role may not watch tenant changes.");
    case "wallboard":
      return roleAllows(actor.role, "realtime:wallboard")
        ? { ok: true, topic }
        : deny("Your role may not watch the wallboard.");
    case "queue":
      if (!id || !UUID.test(id)) break;
      return roleAllows(actor.role, "realtime:queue")
        ? { ok: true, topic }
        : deny("Your role may not watch queues.");
    case "conversation":
      if (!id || !UUID.test(id)) break;
      return roleAllows(actor.role, "conversations:read")
        ? { ok: true, topic }
        : deny("Your role may not read conversations.");
    case "agent":
      if (!id || !UUID.test(id)) break;
      if (id === actor.id && roleAllows(actor.role, "realtime:own_work")) return { ok: true, topic };
      return roleAllows(actor.role, "realtime:wallboard")
        ? { ok: true, topic }
        : deny("You may only watch your own work.");
  }
  return {
    ok: false,
    code: "unknown_topic",
    message: `Unknown topic "${requested}"; use tenant, wallboard, queue:<id>, agent:<id>, agent:me or conversation:<id>.`,
  };
}
