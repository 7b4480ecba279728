/**
 * Media parsers never throw on bad input from the network: they return a value that is either the parsed
 * packet or a typed error with a stable code and a human message.
 */
export type MediaErrorCode =
  | "rtp_too_short"
  | "rtp_bad_version"
  | "rtp_bad_padding"
  | "rtp_bad_csrc"
  | "rtp_bad_extension"
  | "rtcp_too_short"
  | "rtcp_bad_version"
  | "rtcp_bad_length"
  | "rtcp_bad_report"
  | "telephone_event_too_short"
  | "telephone_event_unknown";

export interface MediaError {
  readonly code: MediaErrorCode;
  readonly message: string;
}

export type MediaParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: MediaError };

export const mediaOk = <T>(value: T): MediaParseResult<T> => ({ ok: true, value });

export const mediaFail = <T>(code: MediaErrorCode, message: string): MediaParseResult<T> => ({
  ok: false,
  error: { code, message },
});
