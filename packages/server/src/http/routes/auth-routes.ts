import { z } from "zod";
import { toUserView, userView } from "../../people/user-views.js";
import type { Services } from "../../services.js";
import { type Api, commonErrors, errorReply, originOf } from "../api.js";
import { SESSION_COOKIE } from "../route-access.js";

const loginBody = z.object({
  email: z.email("Enter a valid email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});

export function registerAuthRoutes(api: Api, services: Services): void {
  api.post(
    "/auth/login",
    {
      config: {
        access: "public",
        rateLimit: { max: services.config.loginRatePerMinute, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary: "Log in with email and password; sets the session cookie",
        security: [],
        body: loginBody,
        response: {
          200: z.object({ token: z.string(), expiresAt: z.string(), user: userView }),
          400: errorReply,
          401: errorReply,
          429: errorReply,
        },
      },
    },
    async (request, reply) => {
      const result = await services.auth.login(request.body.email, request.body.password, originOf(request));
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: "lax",
        secure: services.config.cookieSecure,
        path: "/",
        expires: result.expiresAt,
      });
      return {
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
        user: toUserView(result.user),
      };
    },
  );

  api.post(
    "/auth/logout",
    {
      config: { access: "authenticated" },
      schema: { tags: ["auth"], summary: "End this session", response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      if (request.actor && request.sessionToken) {
        await services.auth.logout(request.sessionToken, request.actor, originOf(request));
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/auth/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Who am I",
        response: {
          200: z.object({
            kind: z.enum(["user", "api_key"]),
            id: z.string(),
            tenantId: z.string(),
            role: z.string(),
            name: z.string(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = request.actor!;
      return { kind: actor.kind, id: actor.id, tenantId: actor.tenantId, role: actor.role, name: actor.name };
    },
  );
}
