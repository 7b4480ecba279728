/**
 * Request contracts for customers and personal-data duties, shared by the API and the web app. Phones are
 * accepted as people write them; the server normalises them to E.164 (default region Indonesia) and rejects
 * what is not a phone number.
 */
import { z } from "zod";
import { maskedFieldsSchema } from "../customers/masking.js";
import { VERIFICATION_FACTS, verificationPolicySchema } from "../customers/verification-policy.js";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 1985-03-07.")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "Not a calendar date.",
  );

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const CUSTOM_FIELD_TYPES = ["text", "number", "boolean", "date"] as const;
const customValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const customerBody = z.object({
  fullName: z.string().trim().min(1, "A name is required.").max(200),
  preferredName: optionalText(200),
  phones: z.array(z.string().trim().min(3).max(40)).max(10).default([]),
  emails: z.array(z.email("Enter valid email addresses.").max(254)).max(10).default([]),
  customerNumber: optionalText(64),
  accountNumbers: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9][0-9 -]{2,39}$/, "Account numbers are digits, spaces or dashes."),
    )
    .max(20)
    .default([]),
  address: optionalText(500),
  birthDate: isoDate.nullable().optional(),
  mothersMaidenName: optionalText(200),
  language: z.string().trim().min(2).max(10).nullable().optional(),
  segment: optionalText(60),
  customFields: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), customValue).default({}),
  doNotContact: z.boolean().default(false),
});
export type CustomerBody = z.infer<typeof customerBody>;

export const customerPatchBody = customerBody
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one field to change.");
export type CustomerPatchBody = z.infer<typeof customerPatchBody>;

export const verificationAnswersBody = z.object({
  interactionId: z.string().trim().min(1).max(100),
  answers: z.partialRecord(z.enum(VERIFICATION_FACTS), z.string().max(200)),
});
export type VerificationAnswersBody = z.infer<typeof verificationAnswersBody>;

export const mergeCustomersBody = z
  .object({ survivorId: z.uuid(), duplicateId: z.uuid() })
  .refine((b) => b.survivorId !== b.duplicateId, "A customer cannot be merged into itself.");
export type MergeCustomersBody = z.infer<typeof mergeCustomersBody>;

export const consentBody = z.object({
  purpose: z.string().trim().min(1).max(100),
  channel: z.string().trim().min(1).max(40),
  method: z.string().trim().min(1).max(100),
  source: z.string().trim().min(1).max(100),
  givenAt: z.iso.datetime({ offset: true }).optional(),
});
export type ConsentBody = z.infer<typeof consentBody>;

export const verificationSettingsBody = z.object({
  policy: verificationPolicySchema,
  maskedFields: maskedFieldsSchema,
});
export type VerificationSettingsBody = z.infer<typeof verificationSettingsBody>;

const days = z.number().int().min(1).max(36_500);
export const retentionSettingsBody = z.object({
  messagesDays: days.nullable(),
  recordingsDays: days.nullable(),
  verificationAttemptsDays: days,
});
export type RetentionSettingsBody = z.infer<typeof retentionSettingsBody>;

export const customerFieldDefinition = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Keys are lower-case letters, digits and _."),
  label: z.string().trim().min(1).max(100),
  type: z.enum(CUSTOM_FIELD_TYPES),
  sensitive: z.boolean().default(false),
});
export const customerSettingsBody = z.object({
  segments: z.array(z.string().trim().min(1).max(60)).max(100),
  fields: z.array(customerFieldDefinition).max(100),
});
export type CustomerSettingsBody = z.infer<typeof customerSettingsBody>;
