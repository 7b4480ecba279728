import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import { z } from "zod";
import type { Origin } from "../tenancy/actor.js";

/** The Fastify instance route modules receive: zod schemas type their requests and replies. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The whole server application, as built by buildApp. */
export type SentraApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  Logger
>;

export const errorReply = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** The error statuses every authenticated route can answer with, for the OpenAPI document. */
export const commonErrors = {
  400: errorReply,
  401: errorReply,
  403: errorReply,
  404: errorReply,
  409: errorReply,
};

export const idParams = z.object({ id: z.uuid("The id in the URL is not a valid id.") });

/** Where a request came from, for the audit log. */
export const originOf = (request: FastifyRequest): Origin => ({
  ip: request.ip ?? null,
  userAgent: request.headers["user-agent"] ?? null,
});
