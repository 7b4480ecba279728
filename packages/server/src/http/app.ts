import fastifyCookie from "@fastify/cookie";
import fastifyCors from "@fastify/cors";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import fastifyWebsocket from "@fastify/websocket";
import { roleAllows, UserError } from "@sentra/core";
import Fastify, { type FastifyRequest } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { registerCaseRoutes } from "../cases/case-routes.js";
import { registerSlaPolicyRoutes } from "../cases/sla-policy-routes.js";
import { registerCannedResponseRoutes } from "../channels/canned-responses/canned-response-routes.js";
import { registerConversationDeskRoutes } from "../channels/conversation-desk-routes.js";
import { registerConversationRoutes } from "../channels/conversation-routes.js";
import { registerEmailAddressRoutes } from "../channels/email-address-routes.js";
import { registerImapAccountRoutes } from "../channels/imap/imap-account-routes.js";
import {
  registerMessagingAccountRoutes,
  registerMessagingWebhookRoutes,
} from "../channels/messaging/messaging-routes.js";
import { webChatCors } from "../channels/web-chat/web-chat-cors.js";
import {
  registerWebChatAgentRoutes,
  registerWebChatKeyRoutes,
} from "../channels/web-chat/web-chat-key-routes.js";
import { registerWebChatStaticRoutes } from "../channels/web-chat/web-chat-static-routes.js";
import { registerWebChatVisitorRoutes } from "../channels/web-chat/web-chat-visitor-routes.js";
import { registerCustomerPrivacyRoutes } from "../customers/customer-privacy-routes.js";
import { registerCustomerRoutes } from "../customers/customer-routes.js";
import { registerKbRoutes } from "../knowledge/kb-routes.js";
import { registerRealtimeRoutes } from "../realtime/realtime-routes.js";
import { registerRoutingRoutes } from "../routing/routing-routes.js";
import type { Services } from "../services.js";
import { registerVoiceCallRoutes } from "../voice/calls/voice-call-routes.js";
import { registerIvrRoutes } from "../voice/ivr/ivr-routes.js";
import { registerSipEndpointRoutes } from "../voice/registrar/sip-endpoint-routes.js";
import { registerScheduleRoutes } from "../wfm/schedule-routes.js";
import { registerSimulationRoutes } from "../wfm/simulation-routes.js";
import { registerWfmRoutes } from "../wfm/wfm-routes.js";
import type { SentraApp } from "./api.js";
import { sendError } from "./error-replies.js";
import { type RouteEntry, SESSION_COOKIE } from "./route-access.js";
import { registerApiKeyRoutes } from "./routes/api-key-routes.js";
import { registerAuditRoutes } from "./routes/audit-routes.js";
import { registerAuthRoutes } from "./routes/auth-routes.js";
import { registerSystemRoutes } from "./routes/system-routes.js";
import { registerTeamRoutes } from "./routes/team-routes.js";
import { registerTenantRoutes } from "./routes/tenant-routes.js";
import { registerUserRoutes } from "./routes/user-routes.js";
import { registerWebApp } from "./web-app.js";

/** The token a request presents: `Authorization: Bearer …` first, then the session cookie. */
function presentedToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? match[1]! : null;
  }
  return request.cookies[SESSION_COOKIE] ?? null;
}

export async function buildApp(services: Services): Promise<SentraApp> {
  const app = Fastify({
    loggerInstance: services.logger,
    bodyLimit: services.config.bodyLimitBytes,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only. Refusing text/plain also closes the one "simple" cross-site POST body type.
  app.removeContentTypeParser("text/plain");
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);

  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/v1")) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} does not declare who may call it (config.access).`);
    }
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routeTable.push({ method, url: route.url, access });
    }
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      request,
      reply,
      new UserError("not_found", "route_not_found", `No route ${request.method} ${request.url}.`),
    ),
  );

  await app.register(fastifyCookie);
  await app.register(fastifyCors, { delegator: webChatCors });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: "rate_limited",
      message: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Sentra API",
        version: "1",
        description: "Omnichannel contact-center platform. Errors: { error: { code, message, details } }.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "Session token or API key" },
          cookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === "public") return;
    const token = presentedToken(request);
    const actor = token ? await services.auth.resolve(token) : undefined;
    if (!actor) {
      throw new UserError("unauthenticated", "unauthenticated", "Log in or present a valid API key.");
    }
    request.actor = actor;
    request.sessionToken = token;
    if (access !== "authenticated" && !roleAllows(actor.role, access)) {
      throw new UserError(
        "forbidden",
        "forbidden",
        `Your role (${actor.role}) may not do this (needs ${access}).`,
      );
    }
  });

  app.addHook("onResponse", async (request, reply) => {
    services.metrics.httpDuration
      .labels(request.method, request.routeOptions.url ?? "unmatched", String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  await app.register(async (root) =>
    registerSystemRoutes(root.withTypeProvider<ZodTypeProvider>(), services),
  );
  await app.register(
    async (api) => {
      const v1 = api.withTypeProvider<ZodTypeProvider>();
      registerAuthRoutes(v1, services);
      registerTenantRoutes(v1, services);
      registerUserRoutes(v1, services);
      registerTeamRoutes(v1, services);
      registerApiKeyRoutes(v1, services);
      registerAuditRoutes(v1, services);
      registerRealtimeRoutes(v1, services);
      registerRoutingRoutes(v1, services);
      registerSimulationRoutes(v1, services);
      await registerWfmRoutes(v1, services);
      registerCaseRoutes(v1, services);
      registerSlaPolicyRoutes(v1, services);
      registerKbRoutes(v1, services);
      registerCustomerRoutes(v1, services);
      registerCustomerPrivacyRoutes(v1, services);
      registerScheduleRoutes(v1, services);
      registerConversationDeskRoutes(v1, services);
      registerConversationRoutes(v1, services);
      registerEmailAddressRoutes(v1, services);
      registerWebChatKeyRoutes(v1, services);
      registerWebChatAgentRoutes(v1, services);
      registerWebChatVisitorRoutes(v1, services);
      registerMessagingAccountRoutes(v1, services);
      await registerMessagingWebhookRoutes(v1, services);
      registerCannedResponseRoutes(v1, services);
      registerIvrRoutes(v1, services);
      registerVoiceCallRoutes(v1, services);
      registerSipEndpointRoutes(v1, services);
      registerImapAccountRoutes(v1, services);
    },
    { prefix: "/api/v1" },
  );
  registerWebChatStaticRoutes(app);
  await registerWebApp(app);
  return app;
}
