import { z } from "zod";

/**
 * How the connection to an IMAP server is protected: `tls` connects with TLS (port 993), `starttls` upgrades
 * a plain connection and refuses a server that cannot, `none` stays in cleartext (loopback or a trusted net
 * only: the password crosses the wire as it is).
 */
export const IMAP_SECURITY = ["tls", "starttls", "none"] as const;
export type ImapSecurity = (typeof IMAP_SECURITY)[number];

const imapAccountFields = {
  host: z
    .string()
    .trim()
    .min(1, "Enter the IMAP server's host name.")
    .max(253)
    .regex(/^[A-Za-z0-9.:\-[\]]+$/, "A host is a name or an IP address, e.g. imap.bank.example."),
  port: z.number().int().min(1).max(65535),
  security: z.enum(IMAP_SECURITY),
  username: z.string().trim().min(1, "Enter the IMAP user name.").max(320),
  password: z.string().min(1, "Enter the IMAP password.").max(1000),
  folder: z.string().trim().min(1).max(200),
  enabled: z.boolean(),
};

/** A mailbox Sentra polls over IMAP, delivering what it finds as mail to one of the tenant's addresses. */
export const imapAccountBody = z.object({
  /** The tenant's email address (and so queue, language and skills) the polled mail is received for. */
  emailAddressId: z.uuid(),
  ...imapAccountFields,
  port: imapAccountFields.port.default(993),
  security: imapAccountFields.security.default("tls"),
  folder: imapAccountFields.folder.default("INBOX"),
  enabled: imapAccountFields.enabled.default(true),
});
export type ImapAccountBody = z.infer<typeof imapAccountBody>;

/**
 * Changes to an account: only the fields given change (no defaults here, they would overwrite). A password is
 * only ever written, never read back.
 */
export const imapAccountPatch = z.object(imapAccountFields).partial();
export type ImapAccountPatch = z.infer<typeof imapAccountPatch>;

/** The wait before the next poll of an account that failed `failures` times in a row: doubling, capped. */
export function imapRetryDelayMs(intervalMs: number, failures: number, capMs = 300_000): number {
  if (failures <= 0) return intervalMs;
  return Math.max(intervalMs, Math.min(capMs, intervalMs * 2 ** Math.min(failures, 20)));
}

/**
 * Which UIDs of a folder are new, given what was last seen. A changed UIDVALIDITY means the server renumbered
 * the folder: every message is looked at again (duplicates are then dropped by their Message-ID).
 */
export function imapFetchStart(
  seen: { uidValidity: string | null; lastUid: number },
  current: { uidValidity: string },
): { fromUid: number; reset: boolean } {
  if (seen.uidValidity !== current.uidValidity) return { fromUid: 1, reset: seen.uidValidity !== null };
  return { fromUid: seen.lastUid + 1, reset: false };
}
