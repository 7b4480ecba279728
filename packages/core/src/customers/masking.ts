import { z } from "zod";

/** Personal fields a tenant may choose to hide until the caller on an interaction is verified. */
export const MASKABLE_FIELDS = [
  "birth_date",
  "customer_number",
  "account_numbers",
  "address",
  "emails",
  "phones",
  "mothers_maiden_name",
] as const;
export type MaskableField = (typeof MASKABLE_FIELDS)[number];

export const maskedFieldsSchema = z
  .array(z.enum(MASKABLE_FIELDS))
  .max(MASKABLE_FIELDS.length)
  .refine((fields) => new Set(fields).size === fields.length, "List each field once.");

export const DEFAULT_MASKED_FIELDS: readonly MaskableField[] = [
  "birth_date",
  "account_numbers",
  "address",
  "emails",
  "phones",
  "mothers_maiden_name",
];

/** The personal part of a customer view; other fields pass through masking untouched. */
export interface PersonalData {
  readonly birthDate: string | null;
  readonly customerNumber: string | null;
  readonly accountNumbers: readonly string[];
  readonly address: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly mothersMaidenName: string | null;
  readonly customFields: Readonly<Record<string, unknown>>;
}

const HIDDEN = "••••";

/** Keeps the last four digits so an agent can say "the number ending 5678" and nothing more. */
export const maskDigits = (value: string): string => `${HIDDEN}${value.replace(/\D/g, "").slice(-4)}`;

/** First letter of the mailbox and the top-level domain only: "b••••@••••.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const tld = email.slice(email.lastIndexOf(".") + 1);
  return at <= 0 ? HIDDEN : `${email[0]}${HIDDEN}@${HIDDEN}.${tld}`;
}

const maskText = (value: string | null): string | null => (value === null ? null : HIDDEN);

/**
 * The data with the chosen fields (and custom fields whose definition is marked sensitive) replaced by
 * masks. Masks never contain more than the last four digits or an email's first letter and top-level domain.
 */
export function maskPersonalData<T extends PersonalData>(
  data: T,
  masked: ReadonlySet<MaskableField>,
  sensitiveCustomFields: ReadonlySet<string>,
): T {
  const customFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data.customFields)) {
    customFields[key] = sensitiveCustomFields.has(key) && value !== null ? HIDDEN : value;
  }
  return {
    ...data,
    birthDate: masked.has("birth_date") ? maskText(data.birthDate) : data.birthDate,
    customerNumber:
      masked.has("customer_number") && data.customerNumber
        ? maskDigits(data.customerNumber)
        : data.customerNumber,
    accountNumbers: masked.has("account_numbers") ? data.accountNumbers.map(maskDigits) : data.accountNumbers,
    address: masked.has("address") ? maskText(data.address) : data.address,
    emails: masked.has("emails") ? data.emails.map(maskEmail) : data.emails,
    phones: masked.has("phones") ? data.phones.map(maskDigits) : data.phones,
    mothersMaidenName: masked.has("mothers_maiden_name")
      ? maskText(data.mothersMaidenName)
      : data.mothersMaidenName,
    customFields,
  };
}
