import { notFound } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors } from "../../http/api.js";
import type { Services } from "../../services.js";
import { VoiceCallStore } from "./voice-call-store.js";

const tags = ["voice"];

const voiceCallView = z.object({
  id: z.string(),
  direction: z.enum(["inbound", "outbound"]),
  fromNumber: z.string().nullable(),
  toNumber: z.string(),
  state: z.enum(["ivr", "queued", "connected", "ended"]),
  interactionId: z.string().nullable(),
  customerId: z.string().nullable(),
  language: z.string().nullable(),
  ivrVariables: z.record(z.string(), z.string()),
  startedAt: z.string(),
  queuedAt: z.string().nullable(),
  connectedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  endedBy: z.enum(["caller", "agent", "system"]).nullable(),
});

/** Calls of the tenant for supervisors, and the call behind an interaction for the agent's screen pop. */
export function registerVoiceCallRoutes(api: Api, services: Services): void {
  const store = new VoiceCallStore(services.db);
  api.get(
    "/voice/calls",
    {
      config: { access: "routing:supervise" },
      schema: {
        tags,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ items: z.array(voiceCallView) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await store.recent(request.actor!.tenantId, request.query.limit) }),
  );
  api.get(
    "/voice/calls/by-interaction/:interactionId",
    {
      config: { access: "routing:work" },
      schema: {
        tags,
        params: z.object({ interactionId: z.uuid("The id in the URL is not a valid id.") }),
        response: { 200: voiceCallView, ...commonErrors },
      },
    },
    async (request) => {
      const call = await store.byInteraction(request.actor!.tenantId, request.params.interactionId);
      if (!call) throw notFound("voice_call", request.params.interactionId);
      return call;
    },
  );
}
