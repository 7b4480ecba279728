import type { DedupRecord, PersonalData } from "@sentra/core";
import { z } from "zod";
import type { CustomerRow } from "../db/schema.js";

export const customerView = z.object({
  id: z.uuid(),
  fullName: z.string(),
  preferredName: z.string().nullable(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  customerNumber: z.string().nullable(),
  accountNumbers: z.array(z.string()),
  address: z.string().nullable(),
  birthDate: z.string().nullable(),
  mothersMaidenName: z.string().nullable(),
  language: z.string().nullable(),
  segment: z.string().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  doNotContact: z.boolean(),
  mergedInto: z.uuid().nullable(),
  erased: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True when personal fields were replaced by masks for this caller. */
  masked: z.boolean(),
});
export type CustomerView = z.infer<typeof customerView>;

/** The full, unmasked view of a stored row. */
export function viewOf(row: CustomerRow): CustomerView & PersonalData {
  return {
    id: row.id,
    fullName: row.full_name,
    preferredName: row.preferred_name,
    phones: row.phones,
    emails: row.emails,
    customerNumber: row.customer_number,
    accountNumbers: row.account_numbers,
    address: row.address,
    birthDate: row.birth_date,
    mothersMaidenName: row.mothers_maiden_name,
    language: row.language,
    segment: row.segment,
    customFields: row.custom_fields,
    doNotContact: row.do_not_contact,
    mergedInto: row.merged_into,
    erased: row.erased_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    masked: false,
  };
}

export function dedupRecordOf(row: CustomerRow): DedupRecord {
  return {
    id: row.id,
    name: row.full_name,
    phones: row.phones,
    emails: row.emails,
    customerNumber: row.customer_number,
    accountNumbers: row.account_numbers,
    birthDate: row.birth_date,
    address: row.address,
  };
}
