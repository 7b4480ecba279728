import { TransientDeliveryError } from "../outbox.js";

/** How long a provider gets to answer one call before Sentra treats it as down and tries later. */
export const PROVIDER_TIMEOUT_MS = 10_000;

export interface ProviderReply {
  readonly status: number;
  readonly json: unknown;
}

/**
 * One HTTP call to a provider. A network failure, a timeout, 429 or a 5xx is transient (the outbox tries
 * again with backoff); any other non-2xx is the provider refusing the message for good (bad token, unknown
 * recipient) and fails it at once. `describe` pulls the provider's own error text out of its reply.
 */
export async function callProvider(
  url: string,
  init: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string },
  describe: (json: unknown) => string | undefined,
): Promise<ProviderReply> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new TransientDeliveryError(`The provider could not be reached: ${reason}`);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) return { status: response.status, json };
  const detail = describe(json) ?? (text.slice(0, 200) || response.statusText);
  const message = `The provider answered ${response.status}: ${detail}`;
  if (response.status === 429 || response.status >= 500) throw new TransientDeliveryError(message);
  throw new Error(message);
}

/** Bytes from a provider (a media file), refused beyond `maxBytes`. */
export async function downloadFromProvider(
  url: string,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<{ content: Uint8Array; contentType: string | null }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`the media download answered ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new Error(`the media file is larger than ${maxBytes} bytes`);
  const content = new Uint8Array(await response.arrayBuffer());
  if (content.byteLength > maxBytes) throw new Error(`the media file is larger than ${maxBytes} bytes`);
  return { content, contentType: response.headers.get("content-type") };
}

/** The `error.message` of a Graph API error reply, or Telegram's `description`, or a generic `error`. */
export function providerErrorText(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const body = json as { error?: unknown; description?: unknown };
  if (typeof body.description === "string") return body.description;
  if (typeof body.error === "string") return body.error;
  if (typeof body.error === "object" && body.error !== null && "message" in body.error)
    return String((body.error as { message: unknown }).message);
  return undefined;
}
