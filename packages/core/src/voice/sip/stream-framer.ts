/**
 * Cuts a byte stream (TCP, TLS) into SIP messages by Content-Length (RFC 3261 §18.3). Pure: the transport
 * pushes latin1 chunks and gets whole messages, or an error after which the connection must be closed.
 */
export type FramerOutput =
  | { readonly ok: true; readonly messages: readonly string[] }
  | {
      readonly ok: false;
      readonly messages: readonly string[];
      readonly error: "too_large" | "bad_content_length";
    };

export class SipStreamFramer {
  #buffer = "";
  readonly #maxBytes: number;

  constructor(maxBytes = 65_535) {
    this.#maxBytes = maxBytes;
  }

  get buffered(): number {
    return this.#buffer.length;
  }

  push(chunk: string): FramerOutput {
    this.#buffer += chunk;
    const messages: string[] = [];
    for (;;) {
      // Keep-alive CRLFs between messages (RFC 5626 §3.5.1) are skipped.
      let skip = 0;
      while (skip < this.#buffer.length && (this.#buffer[skip] === "\r" || this.#buffer[skip] === "\n"))
        skip += 1;
      if (skip > 0) this.#buffer = this.#buffer.slice(skip);
      const end = this.#buffer.indexOf("\r\n\r\n");
      if (end < 0) {
        if (this.#buffer.length > this.#maxBytes) return { ok: false, messages, error: "too_large" };
        return { ok: true, messages };
      }
      const head = this.#buffer.slice(0, end);
      const match = /\r\n(?:content-length|l)[ \t]*:[ \t]*([^\r\n]*)/i.exec(head);
      const lengthText = match?.[1]?.trim() ?? "0";
      if (!/^\d{1,9}$/.test(lengthText)) return { ok: false, messages, error: "bad_content_length" };
      const total = end + 4 + Number(lengthText);
      if (total > this.#maxBytes) return { ok: false, messages, error: "too_large" };
      if (this.#buffer.length < total) return { ok: true, messages };
      messages.push(this.#buffer.slice(0, total));
      this.#buffer = this.#buffer.slice(total);
    }
  }
}
