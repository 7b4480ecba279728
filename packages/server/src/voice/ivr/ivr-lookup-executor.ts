import type { IvrEvent, LookupRequest } from "@sentra/core";

export interface IvrLookupOptions {
  /** Largest response body read, in bytes; a bigger answer fails the lookup. */
  readonly maxBytes?: number;
  /**
   * Which hosts a flow may call. Flows are written by tenant admins, so an installation that must keep them
   * away from internal services passes a predicate here; by default every host is allowed.
   */
  readonly hostAllowed?: (hostname: string) => boolean;
}

const DEFAULT_MAX_BYTES = 64 * 1024;

/**
 * Carries out an IVR `httpLookup` command and turns the outcome into the event the interpreter expects:
 * `lookupResult` with the parsed JSON body, or `lookupFailed` with a short reason. Never throws.
 */
export class IvrLookupExecutor {
  readonly #maxBytes: number;
  readonly #hostAllowed: (hostname: string) => boolean;

  constructor(options: IvrLookupOptions = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#hostAllowed = options.hostAllowed ?? (() => true);
  }

  async execute(request: LookupRequest): Promise<IvrEvent> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return failed("bad_url");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return failed("bad_scheme");
    if (!this.#hostAllowed(url.hostname)) return failed("host_not_allowed");
    const signal = AbortSignal.timeout(request.timeoutMs);
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: {
          accept: "application/json",
          ...(request.body ? { "content-type": "application/json" } : {}),
        },
        ...(request.body ? { body: JSON.stringify(request.body) } : {}),
        signal,
        redirect: "follow",
      });
      if (!response.ok) {
        await response.body?.cancel();
        return failed(`status_${response.status}`);
      }
      const text = await this.#readLimited(response);
      if (text === undefined) return failed("too_large");
      try {
        return { type: "lookupResult", body: JSON.parse(text) as unknown };
      } catch {
        return failed("not_json");
      }
    } catch (error) {
      return failed(signal.aborted ? "timeout" : errorReason(error));
    }
  }

  /** The body as text, or undefined once it grows past the limit (the rest is not read). */
  async #readLimited(response: Response): Promise<string | undefined> {
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > this.#maxBytes) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.body) return "";
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.#maxBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString("utf8");
  }
}

const failed = (reason: string): IvrEvent => ({ type: "lookupFailed", reason });

const errorReason = (error: unknown): string =>
  error instanceof Error && error.name === "AbortError" ? "timeout" : "unreachable";
