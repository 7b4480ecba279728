/**
 * Errors that cross a boundary carry a stable code and a human message. Three kinds are enough:
 * - `user`: the caller's mistake (bad input, not allowed, not found); shown to them, never alerts.
 * - `operational`: a fault of the environment (database down, broker unreachable); retry, warn.
 * - `unexpected`: a bug; 500, alert.
 * Each transport (HTTP, WebSocket, SIP, SMTP) has one mapper that turns these into its replies.
 */
export type ErrorKind = "user" | "operational" | "unexpected";

/** Why a user error happened; transports map each reason to their own status (HTTP 400, 401, …). */
export type UserErrorReason =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "too_large"
  | "unsupported_media_type";

export class SentraError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: unknown;

  constructor(kind: ErrorKind, code: string, message: string, details?: unknown, options?: ErrorOptions) {
    super(message, options);
    this.name = "SentraError";
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export class UserError extends SentraError {
  readonly reason: UserErrorReason;

  constructor(reason: UserErrorReason, code: string, message: string, details?: unknown) {
    super("user", code, message, details);
    this.name = "UserError";
    this.reason = reason;
  }
}

export class OperationalError extends SentraError {
  constructor(code: string, message: string, details?: unknown, options?: ErrorOptions) {
    super("operational", code, message, details, options);
    this.name = "OperationalError";
  }
}

export class UnexpectedError extends SentraError {
  constructor(code: string, message: string, details?: unknown, options?: ErrorOptions) {
    super("unexpected", code, message, details, options);
    this.name = "UnexpectedError";
  }
}

export const notFound = (what: string, id: string): UserError =>
  new UserError(
    "not_found",
    `${what}_not_found`,
    `No ${what.replaceAll("_", " ")} with id ${id} in this tenant.`,
  );

export const forbidden = (message: string): UserError => new UserError("forbidden", "forbidden", message);

export const conflict = (code: string, message: string): UserError =>
  new UserError("conflict", code, message);

/** Turns anything thrown into a SentraError so a boundary never leaks a raw exception. */
export function normaliseError(thrown: unknown): SentraError {
  if (thrown instanceof SentraError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new UnexpectedError(
    "internal_error",
    "Something went wrong on our side; it has been logged.",
    undefined,
    {
      cause: thrown instanceof Error ? thrown : new Error(message),
    },
  );
}
