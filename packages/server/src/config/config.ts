import { z } from "zod";

/**
 * Sentra is configured by environment variables (documented in README). Everything is validated at start so a
 * wrong value stops the process with a message naming the variable, instead of failing later in a handler.
 */
const port = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 (any free port) and 65535")
    .max(65535, "must be between 0 (any free port) and 65535")
    .default(fallback);

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
    .transform((v) => v === "true" || v === "1" || v === "yes")
    .default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z
  .object({
    SENTRA_PORT: port(3000),
    SENTRA_HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
    SENTRA_DATA_DIR: z.string().trim().min(1, "must not be empty").default("./data"),
    SENTRA_DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    SENTRA_NATS_URL: optionalText.pipe(
      z
        .string()
        .regex(/^(nats|tls|wss?):\/\/[^\s]+$|^[^\s/:]+:\d+$/, "must be a nats://host:port URL")
        .optional(),
    ),
    SENTRA_ADMIN_EMAIL: optionalText.pipe(z.email("must be an email address").optional()),
    SENTRA_ADMIN_PASSWORD: optionalText.pipe(
      z.string().min(12, "must be at least 12 characters (no weak default passwords)").optional(),
    ),
    SENTRA_LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    SENTRA_COOKIE_SECURE: booleanFlag(true),
    SENTRA_SEED_DEMO: booleanFlag(true),
    SENTRA_BODY_LIMIT_BYTES: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(1024, "must be at least 1024")
      .default(1_048_576),
    SENTRA_LOGIN_MAX_FAILURES: z.coerce.number({ error: "must be a number" }).int().min(1).default(5),
    SENTRA_LOGIN_LOCK_MINUTES: z.coerce.number({ error: "must be a number" }).int().min(1).default(15),
    SENTRA_LOGIN_RATE_PER_MINUTE: z.coerce.number({ error: "must be a number" }).int().min(1).default(20),
    SENTRA_SESSION_HOURS: z.coerce.number({ error: "must be a number" }).int().min(1).default(12),
    SENTRA_SMTP_ENABLED: booleanFlag(true),
    SENTRA_SMTP_PORT: port(2525),
    SENTRA_SMTP_HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
    SENTRA_SMTP_MAX_BYTES: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(1024, "must be at least 1024")
      .default(10 * 1024 * 1024),
    SENTRA_SMTP_AUTH_REQUIRED: booleanFlag(false),
    SENTRA_SMTP_RELAY_URL: optionalText.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    SENTRA_SMTP_FROM_DOMAIN: optionalText,
    SENTRA_WEBCHAT_IDLE_MINUTES: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(1, "must be at least 1")
      .default(24 * 60),
    SENTRA_WEBRTC_HOST: z.ipv4("must be an IPv4 address").default("127.0.0.1"),
    SENTRA_IMAP_ENABLED: booleanFlag(true),
    SENTRA_IMAP_POLL_MS: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(100, "must be at least 100 (milliseconds)")
      .default(30_000),
    SENTRA_WEBCHAT_SESSIONS_PER_MINUTE: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(1)
      .default(10),
    SENTRA_WEBCHAT_REQUESTS_PER_MINUTE: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(1)
      .default(60),
    SENTRA_SIP_ENABLED: booleanFlag(true),
    SENTRA_SIP_HOST: z.ipv4("must be an IPv4 address").default("127.0.0.1"),
    SENTRA_SIP_PORT: port(5060),
    SENTRA_SIP_INVITE_RATE: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1 (INVITEs per second per source)")
      .default(20),
    SENTRA_SIP_TRUST_LOOPBACK: booleanFlag(true),
    SENTRA_SIP_MAX_CALLS_PER_TENANT: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .default(200),
    SENTRA_VOICE_ANNOUNCE_SECONDS: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .default(30),
    SENTRA_RTP_PORT_MIN: port(20000),
    SENTRA_RTP_PORT_MAX: port(29998),
  })
  .refine((env) => env.SENTRA_RTP_PORT_MIN + 2 <= env.SENTRA_RTP_PORT_MAX, {
    message: "must be above SENTRA_RTP_PORT_MIN by at least 2",
    path: ["SENTRA_RTP_PORT_MAX"],
  })
  .refine((env) => !(env.SENTRA_ADMIN_PASSWORD && !env.SENTRA_ADMIN_EMAIL), {
    message: "SENTRA_ADMIN_PASSWORD is set but SENTRA_ADMIN_EMAIL is not; set both or neither",
    path: ["SENTRA_ADMIN_EMAIL"],
  });

export interface SentraConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  natsUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  cookieSecure: boolean;
  seedDemo: boolean;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  sessionHours: number;
  loginRatePerMinute: number;
  smtp: SmtpConfig;
  /** The browser softphone's media: the one address its WebRTC endpoints bind and advertise. */
  webrtc: { host: string };
  webChat: WebChatConfig;
  imap: ImapConfig;
  /** Per client IP: chats a visitor may start, and visitor API calls (messages, socket opens). */
  webChatRateLimits: { sessionsPerMinute: number; requestsPerMinute: number };
  sip: SipConfig;
}

/** The voice engine's SIP side and the RTP ports its calls use. */
export interface SipConfig {
  /** Listen for calls at all; off for CLI commands. */
  enabled: boolean;
  host: string;
  /** UDP and TCP; 0 picks a free port (tests). */
  port: number;
  /** INVITEs per second one source address may send (burst twice that). */
  inviteRatePerSecond: number;
  /**
   * Accept calls from loopback without authentication. Trunks with allow-lists and digest are the way in for
   * everything else; this is what lets `sipp` on the same machine reach the demo IVR.
   */
  trustLoopback: boolean;
  /** Concurrent calls one tenant may have; more are refused with 503. */
  maxCallsPerTenant: number;
  rtpPortMin: number;
  rtpPortMax: number;
  /** A queued caller hears their position and expected wait this often, between stretches of music. */
  announceSeconds: number;
}

/** The web chat widget's visitor sessions. */
export interface WebChatConfig {
  /** A visitor token unused for this long is refused (401) and the widget offers a new chat. */
  idleMinutes: number;
}

/** Polling tenants' IMAP mailboxes (accounts are configured per tenant through the API). */
export interface ImapConfig {
  /** Run the poller in this process; several processes may, each account is polled by one at a time. */
  enabled: boolean;
  /** How often each mailbox is checked; new mail also arrives at once while the server pushes (IDLE). */
  pollMs: number;
}

/** The email channel: Sentra's own SMTP receiver and the relay it sends replies through. */
export interface SmtpConfig {
  /** Run the receiver at all; off for CLI commands and tests that do not need it. */
  enabled: boolean;
  port: number;
  host: string;
  maxBytes: number;
  /**
   * Ask senders outside loopback to authenticate. No credentials store exists yet, so when true only
   * loopback senders are accepted; put the receiver behind your MTA.
   */
  authRequired: boolean;
  relayUrl: string | undefined;
  /** The domain of generated Message-IDs; defaults to the replying mailbox's domain. */
  fromDomain: string | undefined;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Sentra cannot start, the configuration is wrong:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Reads and validates the configuration; throws ConfigError listing every wrong variable at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): SentraConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      const given = typeof issue.path[0] === "string" ? env[issue.path[0]] : undefined;
      const shown = given === undefined || /PASSWORD/.test(name) ? "" : ` (got "${given}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  return {
    port: e.SENTRA_PORT,
    host: e.SENTRA_HOST,
    dataDir: e.SENTRA_DATA_DIR,
    databaseUrl: e.SENTRA_DATABASE_URL,
    natsUrl: e.SENTRA_NATS_URL,
    adminEmail: e.SENTRA_ADMIN_EMAIL,
    adminPassword: e.SENTRA_ADMIN_PASSWORD,
    logLevel: e.SENTRA_LOG_LEVEL,
    cookieSecure: e.SENTRA_COOKIE_SECURE,
    seedDemo: e.SENTRA_SEED_DEMO,
    bodyLimitBytes: e.SENTRA_BODY_LIMIT_BYTES,
    loginMaxFailures: e.SENTRA_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.SENTRA_LOGIN_LOCK_MINUTES,
    sessionHours: e.SENTRA_SESSION_HOURS,
    loginRatePerMinute: e.SENTRA_LOGIN_RATE_PER_MINUTE,
    smtp: {
      enabled: e.SENTRA_SMTP_ENABLED,
      port: e.SENTRA_SMTP_PORT,
      host: e.SENTRA_SMTP_HOST,
      maxBytes: e.SENTRA_SMTP_MAX_BYTES,
      authRequired: e.SENTRA_SMTP_AUTH_REQUIRED,
      relayUrl: e.SENTRA_SMTP_RELAY_URL,
      fromDomain: e.SENTRA_SMTP_FROM_DOMAIN,
    },
    webChat: { idleMinutes: e.SENTRA_WEBCHAT_IDLE_MINUTES },
    webrtc: { host: e.SENTRA_WEBRTC_HOST },
    imap: { enabled: e.SENTRA_IMAP_ENABLED, pollMs: e.SENTRA_IMAP_POLL_MS },
    webChatRateLimits: {
      sessionsPerMinute: e.SENTRA_WEBCHAT_SESSIONS_PER_MINUTE,
      requestsPerMinute: e.SENTRA_WEBCHAT_REQUESTS_PER_MINUTE,
    },
    sip: {
      enabled: e.SENTRA_SIP_ENABLED,
      host: e.SENTRA_SIP_HOST,
      port: e.SENTRA_SIP_PORT,
      inviteRatePerSecond: e.SENTRA_SIP_INVITE_RATE,
      trustLoopback: e.SENTRA_SIP_TRUST_LOOPBACK,
      maxCallsPerTenant: e.SENTRA_SIP_MAX_CALLS_PER_TENANT,
      rtpPortMin: e.SENTRA_RTP_PORT_MIN,
      rtpPortMax: e.SENTRA_RTP_PORT_MAX,
      announceSeconds: e.SENTRA_VOICE_ANNOUNCE_SECONDS,
    },
  };
}
