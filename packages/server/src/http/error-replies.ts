import { normaliseError, SentraError, UserError, type UserErrorReason } from "@sentra/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const STATUS_OF: Record<UserErrorReason, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

/** Fastify's own 4xx errors, renamed to stable codes a client can switch on. */
const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "payload_too_large",
    message: "The request body is larger than allowed.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    message: "Send the request body as application/json.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "empty_body",
    message: "The request says it is JSON but has no body.",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "malformed_json", message: "The request body is not valid JSON." },
};

/** The one place HTTP errors are shaped: `{ error: { code, message, details } }` with the right status. */
export function toErrorReply(error: unknown): {
  status: number;
  body: ErrorBody;
  sentra: SentraError | null;
} {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      where: error.validationContext ?? "body",
      path: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || "(root)",
      message: v.message ?? "is not valid",
    }));
    const first = issues[0];
    const summary = first ? `${first.where} ${first.path}: ${first.message}` : "The request is not valid.";
    return {
      status: 400,
      body: { error: { code: "invalid_request", message: summary, details: issues } },
      sentra: null,
    };
  }
  if (error instanceof SentraError) {
    const status =
      error instanceof UserError ? STATUS_OF[error.reason] : error.kind === "operational" ? 503 : 500;
    const details = error.details === undefined ? {} : { details: error.details };
    return {
      status,
      body: { error: { code: error.code, message: error.message, ...details } },
      sentra: error,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (fastifyError instanceof SyntaxError || known?.code === "malformed_json") {
      return {
        status: 400,
        body: {
          error: {
            code: "malformed_json",
            message: `The request body is not valid JSON: ${fastifyError.message}`,
          },
        },
        sentra: null,
      };
    }
    const code = known?.code ?? (status === 429 ? "rate_limited" : "bad_request");
    const message = known?.message ?? fastifyError.message ?? "The request was refused.";
    return { status, body: { error: { code, message } }, sentra: null };
  }
  const unexpected = normaliseError(error);
  return {
    status: 500,
    body: { error: { code: unexpected.code, message: unexpected.message } },
    sentra: unexpected,
  };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body } = toErrorReply(error);
  if (status >= 500) request.log.error({ err: error }, "request failed");
  else request.log.info({ code: body.error.code, status }, "request refused");
  return reply.status(status).type("application/json").send(body);
}
