import { z } from "zod";
import { skillRequirement } from "../contracts/routing.js";

/** The messaging providers one channel (`message`) speaks; each account is one number or one bot. */
export const MESSAGING_PROVIDERS = ["whatsapp", "telegram", "sms"] as const;
export type MessagingProvider = (typeof MESSAGING_PROVIDERS)[number];

/**
 * Where each provider's API lives unless an account says otherwise (tests point accounts at a local fake).
 * Graph API version per Meta's "WhatsApp Cloud API – Send messages" reference; Telegram per
 * https://core.telegram.org/bots/api#making-requests (`https://api.telegram.org/bot<token>/METHOD_NAME`).
 */
export const DEFAULT_PROVIDER_API: Readonly<Record<Exclude<MessagingProvider, "sms">, string>> = {
  whatsapp: "https://graph.facebook.com/v21.0",
  telegram: "https://api.telegram.org",
};

const httpUrl = z
  .url("Enter a full http(s) URL.")
  .max(500)
  .refine((u) => /^https?:\/\//i.test(u), "Only http and https URLs are allowed.")
  .transform((u) => u.replace(/\/+$/, ""));

const secret = (what: string, min = 8) =>
  z
    .string()
    .trim()
    .min(min, `The ${what} is at least ${min} characters.`)
    .max(1000, `The ${what} is at most 1000 characters.`);

const language = z
  .string()
  .regex(/^[a-z]{2,3}$/, "A language is a 2–3 letter code, e.g. id or en.")
  .nullable();
const name = z.string().trim().min(1, "Give the account a name.").max(120);
const skills = z.array(skillRequirement).max(20);

const common = {
  name,
  queueId: z.uuid(),
  language: language.default(null),
  skills: skills.default([]),
  enabled: z.boolean().default(true),
};

/** WhatsApp Business Cloud API: one business phone number. */
export const whatsappAccountFields = z.object({
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{5,30}$/, "The phone number id is the numeric id Meta shows."),
  apiBaseUrl: httpUrl.default(DEFAULT_PROVIDER_API.whatsapp),
  accessToken: secret("access token", 16),
  appSecret: secret("app secret", 16),
  verifyToken: secret("verify token"),
});

/** Telegram Bot API: one bot. The secret token's alphabet and length are Telegram's (setWebhook). */
export const telegramAccountFields = z.object({
  apiBaseUrl: httpUrl.default(DEFAULT_PROVIDER_API.telegram),
  botToken: z
    .string()
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "A bot token looks like 123456:ABC-DEF… (from @BotFather)."),
  secretToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "The secret token is 16–256 characters of A-Z, a-z, 0-9, _ and -."),
});

/** Any SMS gateway that can POST JSON to a webhook and accept JSON on a send URL (see README). */
export const smsAccountFields = z.object({
  sendUrl: httpUrl,
  fromNumber: z.string().trim().min(1).max(32),
  signingSecret: secret("signing secret", 16),
});

export const messagingAccountBody = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("whatsapp"), ...common, ...whatsappAccountFields.shape }),
  z.object({ provider: z.literal("telegram"), ...common, ...telegramAccountFields.shape }),
  z.object({ provider: z.literal("sms"), ...common, ...smsAccountFields.shape }),
]);
export type MessagingAccountBody = z.infer<typeof messagingAccountBody>;

/**
 * A change to an account. The provider cannot change (make a new account); secrets are write-only, so a
 * patch that leaves one out keeps the stored value.
 */
export const messagingAccountPatch = z
  .object({
    name,
    queueId: z.uuid(),
    language,
    skills,
    enabled: z.boolean(),
    phoneNumberId: whatsappAccountFields.shape.phoneNumberId,
    apiBaseUrl: httpUrl,
    accessToken: whatsappAccountFields.shape.accessToken,
    appSecret: whatsappAccountFields.shape.appSecret,
    verifyToken: whatsappAccountFields.shape.verifyToken,
    botToken: telegramAccountFields.shape.botToken,
    secretToken: telegramAccountFields.shape.secretToken,
    sendUrl: httpUrl,
    fromNumber: smsAccountFields.shape.fromNumber,
    signingSecret: smsAccountFields.shape.signingSecret,
  })
  .partial()
  .strict();
export type MessagingAccountPatch = z.infer<typeof messagingAccountPatch>;

/** Secrets of each provider, by field name; the API accepts them and never returns them. */
export const MESSAGING_SECRET_FIELDS = {
  whatsapp: ["accessToken", "appSecret", "verifyToken"],
  telegram: ["botToken", "secretToken"],
  sms: ["signingSecret"],
} as const satisfies Record<MessagingProvider, readonly string[]>;
