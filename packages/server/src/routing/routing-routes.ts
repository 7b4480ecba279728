import {
  agentProfileBody,
  agentProfileView,
  agentStateBody,
  CHANNELS,
  describeExplanation,
  newInteractionBody,
  queueBody,
  queueView,
  routingSettings,
  skillBody,
  skillView,
  transferBody,
  wrapUpBody,
} from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import type { Services } from "../services.js";
import { intradayReport } from "./intraday-report.js";

const agentView = z.object({
  agentId: z.string(),
  displayName: z.string().optional(),
  status: z.object({ kind: z.string(), reason: z.string().optional() }),
  label: z.string(),
  load: z.partialRecord(z.enum(CHANNELS), z.number()),
  offeredInteractionId: z.string().optional(),
  idleSince: z.number(),
});
const interactionView = z.object({
  interactionId: z.string(),
  channel: z.enum(CHANNELS),
  state: z.string(),
  queueId: z.string(),
  enqueuedAt: z.number(),
  relaxationStep: z.number(),
  agentId: z.string().optional(),
  preferredAgentId: z.string().optional(),
  customerId: z.string().optional(),
  live: z.boolean(),
});
const explanationView = z.object({
  offers: z.array(
    z.object({
      at: z.number(),
      agentId: z.string(),
      summary: z.string(),
      explanation: z.looseObject({ rule: z.string() }),
    }),
  ),
});

export function registerRoutingRoutes(api: Api, services: Services): void {
  const { routingConfig: config, routingWork: work } = services;
  const tags = ["routing"];

  api.get(
    "/skills",
    {
      config: { access: "routing:read" },
      schema: { tags, response: { 200: z.object({ items: z.array(skillView) }), ...commonErrors } },
    },
    async (request) => ({ items: await config.listSkills(request.actor!) }),
  );
  api.post(
    "/skills",
    {
      config: { access: "routing:configure" },
      schema: { tags, body: skillBody, response: { 201: skillView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await config.createSkill(request.actor!, request.body.name, originOf(request))),
  );

  api.get(
    "/queues",
    {
      config: { access: "routing:read" },
      schema: { tags, response: { 200: z.object({ items: z.array(queueView) }), ...commonErrors } },
    },
    async (request) => ({ items: await config.listQueues(request.actor!.tenantId) }),
  );
  api.post(
    "/queues",
    {
      config: { access: "routing:configure" },
      schema: { tags, body: queueBody, response: { 201: queueView, ...commonErrors } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const queue = await config.saveQueue(
        actor,
        undefined,
        request.body.name,
        request.body.settings,
        originOf(request),
      );
      await work.applyQueue(actor.tenantId, queue.id, queue.settings);
      services.liveKpis.queueSaved(actor.tenantId, queue.id, queue.settings.serviceLevel.thresholdMs);
      return reply.status(201).send(queue);
    },
  );
  api.get(
    "/queues/:id",
    {
      config: { access: "routing:read" },
      schema: { tags, params: idParams, response: { 200: queueView, ...commonErrors } },
    },
    async (request) => config.getQueue(request.actor!, request.params.id),
  );
  api.put(
    "/queues/:id",
    {
      config: { access: "routing:configure" },
      schema: { tags, params: idParams, body: queueBody, response: { 200: queueView, ...commonErrors } },
    },
    async (request) => {
      const actor = request.actor!;
      const queue = await config.saveQueue(
        actor,
        request.params.id,
        request.body.name,
        request.body.settings,
        originOf(request),
      );
      await work.applyQueue(actor.tenantId, queue.id, queue.settings);
      services.liveKpis.queueSaved(actor.tenantId, queue.id, queue.settings.serviceLevel.thresholdMs);
      return queue;
    },
  );
  api.get(
    "/queues/:id/waiting",
    {
      config: { access: "routing:read" },
      schema: {
        tags,
        summary: "Queued interaction ids in line order",
        params: idParams,
        response: { 200: z.object({ items: z.array(z.string()) }), ...commonErrors },
      },
    },
    async (request) => {
      await config.getQueue(request.actor!, request.params.id);
      return { items: work.waiting(request.actor!, request.params.id) };
    },
  );

  const nullableRatio = z.number().nullable();
  const queueKpis = z.object({
    queueId: z.string(),
    waiting: z.number(),
    longestWaitMs: z.number(),
    serviceLevel: z.object({ today: nullableRatio, last15m: nullableRatio, last30m: nullableRatio }),
    answeredToday: z.number(),
    abandonedToday: z.number(),
    asaMs: nullableRatio,
    ahtMs: nullableRatio,
    abandonRate: nullableRatio,
  });
  api.get(
    "/stats",
    {
      config: { access: "stats:read" },
      schema: {
        tags,
        summary: "Live KPIs of the tenant and each queue (also pushed on the wallboard topic as kpi.updated)",
        response: {
          200: z.object({
            tenant: queueKpis
              .omit({ queueId: true })
              .extend({ agentsByState: z.record(z.string(), z.number()), occupancy: nullableRatio })
              .nullable(),
            queues: z.array(queueKpis),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const stats = services.liveKpis.read(request.actor!.tenantId);
      return {
        tenant: stats.tenant ? { ...stats.tenant, agentsByState: { ...stats.tenant.agentsByState } } : null,
        queues: [...stats.queues],
      };
    },
  );

  const intervalFigures = z.object({
    startMinute: z.number(),
    arrivals: z.number(),
    answered: z.number(),
    abandoned: z.number(),
    serviceLevel: nullableRatio,
  });
  api.get(
    "/stats/intraday",
    {
      config: { access: "stats:read" },
      schema: {
        tags,
        summary: "Arrivals and service level per 15 minutes, today and yesterday, in the tenant's time zone",
        querystring: z.object({ queueId: z.uuid().optional() }),
        response: {
          200: z.object({
            timeZone: z.string(),
            today: z.array(intervalFigures),
            yesterday: z.array(intervalFigures),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = request.actor!;
      if (request.query.queueId) await config.getQueue(actor, request.query.queueId);
      const tenant = await services.tenants.findById(actor.tenantId);
      const thresholds = new Map(
        (await config.listQueues(actor.tenantId)).map((q) => [q.id, q.settings.serviceLevel.thresholdMs]),
      );
      const report = await intradayReport(
        services.db,
        actor.tenantId,
        tenant?.time_zone ?? "Asia/Jakarta",
        (queueId) => thresholds.get(queueId) ?? 20_000,
        Date.now(),
        request.query.queueId,
      );
      return { timeZone: report.timeZone, today: [...report.today], yesterday: [...report.yesterday] };
    },
  );

  api.get(
    "/routing/settings",
    {
      config: { access: "routing:read" },
      schema: { tags, response: { 200: routingSettings, ...commonErrors } },
    },
    async (request) => config.settings(request.actor!.tenantId),
  );
  api.put(
    "/routing/settings",
    {
      config: { access: "routing:configure" },
      schema: { tags, body: routingSettings, response: { 200: routingSettings, ...commonErrors } },
    },
    async (request) => {
      const saved = await config.saveSettings(request.actor!, request.body, originOf(request));
      await work.settingsChanged(request.actor!.tenantId);
      return saved;
    },
  );

  api.get(
    "/agents",
    {
      config: { access: "routing:supervise" },
      schema: {
        tags,
        summary: "Every agent's live state",
        response: { 200: z.object({ items: z.array(agentView) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await work.liveAgents(request.actor!) }),
  );
  api.get(
    "/agents/:id/profile",
    {
      config: { access: "routing:read" },
      schema: { tags, params: idParams, response: { 200: agentProfileView, ...commonErrors } },
    },
    async (request) => {
      const profile = await config.agentProfile(request.actor!.tenantId, request.params.id);
      return {
        userId: profile.agentId,
        ...profile,
        skills: { ...profile.skills },
        languages: [...profile.languages],
        teamIds: [...profile.teamIds],
        capacity: { ...profile.capacity, exclusive: [...(profile.capacity.exclusive ?? [])] },
      };
    },
  );
  api.put(
    "/agents/:id/profile",
    {
      config: { access: "routing:configure" },
      schema: {
        tags,
        params: idParams,
        body: agentProfileBody,
        response: { 200: agentProfileView, ...commonErrors },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const profile = await config.saveAgentProfile(
        actor,
        request.params.id,
        request.body,
        originOf(request),
      );
      await work.profileChanged(actor.tenantId, request.params.id);
      return { userId: profile.agentId, ...request.body, teamIds: [...profile.teamIds] };
    },
  );
  api.get(
    "/agents/me/state",
    {
      config: { access: "routing:work" },
      schema: {
        tags,
        summary: "My own live state (the agent desktop reads it on load; changes then come on agent:me)",
        response: { 200: agentView, ...commonErrors },
      },
    },
    async (request) => work.agent(request.actor!, request.actor!.id),
  );
  api.put(
    "/agents/me/state",
    {
      config: { access: "routing:work" },
      schema: {
        tags,
        summary: "Set my own state",
        body: agentStateBody,
        response: { 200: agentView, ...commonErrors },
      },
    },
    async (request) => work.setAgentState(request.actor!, request.actor!.id, request.body, originOf(request)),
  );
  api.put(
    "/agents/:id/state",
    {
      config: { access: "routing:work" },
      schema: {
        tags,
        summary: "Set an agent's state (supervisors may force others)",
        params: idParams,
        body: agentStateBody,
        response: { 200: agentView, ...commonErrors },
      },
    },
    async (request) => work.setAgentState(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.post(
    "/interactions",
    {
      config: { access: "interactions:create" },
      schema: {
        tags,
        summary: "Create an interaction (the generic channel)",
        body: newInteractionBody,
        response: { 201: interactionView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send((await work.createInteraction(request.actor!, request.body)).interaction),
  );
  api.get(
    "/interactions/:id",
    {
      config: { access: "routing:read" },
      schema: { tags, params: idParams, response: { 200: interactionView, ...commonErrors } },
    },
    async (request) => work.interaction(request.actor!, request.params.id),
  );
  api.get(
    "/interactions/:id/explanation",
    {
      config: { access: "routing:read" },
      schema: {
        tags,
        summary: "Why each offer of this interaction went where it went",
        params: idParams,
        response: { 200: explanationView, ...commonErrors },
      },
    },
    async (request) => ({
      offers: (await work.explanation(request.actor!, request.params.id)).map((offer) => ({
        at: offer.at,
        agentId: offer.agentId,
        summary: describeExplanation(offer.agentId, offer.explanation),
        explanation: { ...offer.explanation },
      })),
    }),
  );

  const action = (
    path: string,
    summary: string,
    run: (actor: Parameters<typeof work.accept>[0], id: string) => ReturnType<typeof work.accept>,
  ) =>
    api.post(
      `/interactions/:id/${path}`,
      {
        config: { access: "routing:work" },
        schema: { tags, summary, params: idParams, response: { 200: interactionView, ...commonErrors } },
      },
      async (request) => run(request.actor!, request.params.id),
    );
  action("accept", "Accept the offer ringing for me", (actor, id) => work.accept(actor, id));
  action("reject", "Decline the offer ringing for me", (actor, id) => work.reject(actor, id));
  action("complete", "End the conversation; the agent enters wrap-up", (actor, id) =>
    work.complete(actor, id),
  );
  action("abandon", "The customer left before being served", (actor, id) => work.abandon(actor, id));

  api.post(
    "/interactions/:id/wrap-up",
    {
      config: { access: "routing:work" },
      schema: {
        tags,
        summary: "Close after-contact work",
        params: idParams,
        body: wrapUpBody,
        response: { 200: interactionView, ...commonErrors },
      },
    },
    async (request) =>
      work.closeWrapUp(request.actor!, request.params.id, request.body.disposition, request.body.notes),
  );
  api.post(
    "/interactions/:id/transfer",
    {
      config: { access: "routing:work" },
      schema: {
        tags,
        summary: "Move to another queue or agent",
        params: idParams,
        body: transferBody,
        response: { 200: interactionView, ...commonErrors },
      },
    },
    async (request) => work.transfer(request.actor!, request.params.id, request.body, originOf(request)),
  );
}
