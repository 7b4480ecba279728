import { z } from "zod";

const languageCode = z.string().regex(/^[a-z]{2,3}$/, "A language is a 2–3 letter code, e.g. id or en.");

/** An allowed host page origin for the chat widget, e.g. https://www.bank.example (no path). */
const webOrigin = z
  .string()
  .trim()
  .max(200)
  .transform((value) => value.replace(/\/+$/, "").toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/,
        "An allowed origin is like https://www.bank.example (no path).",
      ),
  );

/** A tenant's web-chat channel key: where chats from one website are routed. */
export const webChatKeyBody = z.object({
  name: z.string().trim().min(1, "Give the chat key a name, e.g. Website.").max(120),
  queueId: z.uuid(),
  language: languageCode.nullable().default(null),
  allowedOrigins: z.array(webOrigin).max(20).default([]),
  /** Pre-chat topics routed to their own queue, e.g. { label: "Credit card", queueId }. */
  topics: z
    .array(z.object({ label: z.string().trim().min(1).max(80), queueId: z.uuid() }))
    .max(20)
    .default([]),
  enabled: z.boolean().default(true),
});
export type WebChatKeyBody = z.infer<typeof webChatKeyBody>;
/** Only the fields given change: the body's defaults would otherwise reset the ones left out. */
export const webChatKeyPatch = z
  .object({
    name: webChatKeyBody.shape.name,
    queueId: webChatKeyBody.shape.queueId,
    language: webChatKeyBody.shape.language.unwrap(),
    allowedOrigins: webChatKeyBody.shape.allowedOrigins.unwrap(),
    topics: webChatKeyBody.shape.topics.unwrap(),
    enabled: webChatKeyBody.shape.enabled.unwrap(),
  })
  .partial();
export type WebChatKeyPatch = z.infer<typeof webChatKeyPatch>;

/** The widget's pre-chat form: a name and at least one way to reach the visitor. */
export const webChatSessionBody = z
  .object({
    key: z.string().regex(/^wc_[A-Za-z0-9_-]{10,64}$/, "The chat key looks like wc_… (from the widget tag)."),
    name: z.string().trim().min(1, "Enter your name.").max(120),
    email: z.email("Enter a valid email address.").max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a valid phone number.")
      .optional(),
    topic: z.string().trim().max(200).optional(),
    language: languageCode.optional(),
  })
  .refine((body) => body.email !== undefined || body.phone !== undefined, {
    message: "Enter an email address or a phone number.",
    path: ["email"],
  });
export type WebChatSessionBody = z.infer<typeof webChatSessionBody>;

export const webChatMessageBody = z.object({
  text: z
    .string()
    .trim()
    .min(1, "A message cannot be empty.")
    .max(4000, "A message is at most 4000 characters."),
});
export type WebChatMessageBody = z.infer<typeof webChatMessageBody>;
