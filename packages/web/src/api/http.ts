/** An API error as the server shapes it: `{ error: { code, message, details } }`, plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorEnvelope | null = null;
  try {
    body = (await response.json()) as ErrorEnvelope;
  } catch {
    // Not JSON (a proxy page, a crash): fall through to a generic error that still carries the status.
  }
  const error = body?.error;
  return new ApiError(
    response.status,
    typeof error?.code === "string" ? error.code : `http_${response.status}`,
    typeof error?.message === "string" ? error.message : response.statusText,
    error?.details,
  );
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** A file sent as its own text (CSV, TSV) instead of a JSON body; the server streams and checks it. */
  text?: { body: string; contentType: string };
  signal?: AbortSignal;
}

/**
 * One JSON request to the Sentra API. The session lives in the HTTP-only cookie the server sets at login, so
 * the browser sends it itself (same origin); the app never sees or stores a token.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method: options.method ?? "GET",
    credentials: "same-origin",
    headers: options.text
      ? { "content-type": options.text.contentType }
      : options.body === undefined
        ? {}
        : { "content-type": "application/json" },
  };
  if (options.text) init.body = options.text.body;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const response = await fetch(`/api/v1${path}`, init);
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** `?limit=…&cursor=…` for the API's cursor-paginated lists. */
export function pageQuery(limit: number, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  return `?${params.toString()}`;
}
