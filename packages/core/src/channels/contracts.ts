import { z } from "zod";
import { skillRequirement } from "../contracts/routing.js";
import { CONVERSATION_STATUSES } from "./conversation-rules.js";

export const conversationFilters = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ConversationFilters = z.infer<typeof conversationFilters>;

export const conversationReplyBody = z.object({
  body: z.string().trim().min(1, "A reply needs some text.").max(100_000),
});
export type ConversationReplyBody = z.infer<typeof conversationReplyBody>;

export const conversationNoteBody = z.object({
  body: z.string().trim().min(1, "A note needs some text.").max(20_000),
});

export const emailAddressBody = z.object({
  address: z
    .email("Enter the mailbox address, e.g. support@bank.example.")
    .max(254)
    .transform((a) => a.trim().toLowerCase()),
  queueId: z.uuid(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, "A language is a 2–3 letter code, e.g. id or en.")
    .nullable()
    .default(null),
  skills: z.array(skillRequirement).max(20).default([]),
  displayName: z.string().trim().max(120).nullable().default(null),
});
export type EmailAddressBody = z.infer<typeof emailAddressBody>;
/** Only the fields given change: the body's defaults would otherwise reset the ones left out. */
export const emailAddressPatch = z
  .object({
    queueId: emailAddressBody.shape.queueId,
    language: emailAddressBody.shape.language.unwrap(),
    skills: emailAddressBody.shape.skills.unwrap(),
    displayName: emailAddressBody.shape.displayName.unwrap(),
  })
  .partial();
export type EmailAddressPatch = z.infer<typeof emailAddressPatch>;
