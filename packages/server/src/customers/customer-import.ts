import type { Readable } from "node:stream";
import { customerBody, DUPLICATE_THRESHOLD, prepareRecord, scoreDuplicate, UserError } from "@sentra/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.js";
import type { Actor } from "../tenancy/actor.js";
import { csvRecords, MalformedCsv } from "./csv-records.js";
import type { CustomerService } from "./customer-service.js";
import type { CustomerSettingsView } from "./customer-settings-service.js";
import { dedupRecordOf } from "./customer-views.js";

export interface RowError {
  line: number;
  message: string;
}

export interface PossibleDuplicate {
  line: number;
  customerId: string;
  existingCustomerId: string;
  score: number;
  reasons: string[];
}

export interface ImportReport {
  rows: number;
  imported: number;
  rejected: RowError[];
  /** Imported rows that look like customers already on file; review them with GET /customers/duplicates. */
  possibleDuplicates: PossibleDuplicate[];
  /** Set when the file itself is broken (e.g. an unclosed quote); rows after it were not read. */
  stoppedAt: RowError | null;
}

/** Header names, lower-cased, that a customer CSV may use. `custom.<key>` fills a custom field. */
export const CUSTOMER_CSV_COLUMNS = [
  "full_name",
  "preferred_name",
  "phones",
  "emails",
  "customer_number",
  "account_numbers",
  "address",
  "birth_date",
  "mothers_maiden_name",
  "language",
  "segment",
  "do_not_contact",
] as const;

const list = (value: string | undefined) =>
  value
    ? value
        .split(/[;|]/)
        .map((v) => v.trim())
        .filter(Boolean)
    : undefined;

function yesNo(value: string | undefined): boolean | undefined | string {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (["true", "yes", "ya", "1", "y"].includes(v)) return true;
  if (["false", "no", "tidak", "0", "n"].includes(v)) return false;
  return value;
}

function customValue(type: string | undefined, raw: string): unknown {
  if (type === "number" && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === "boolean") return yesNo(raw);
  return raw;
}

/** A CSV record to the API's request body; the same zod schema then judges it. */
export function bodyFromCsv(record: Record<string, string>, settings: CustomerSettingsView): unknown {
  const get = (column: string) => (record[column] === "" ? undefined : record[column]);
  const customFields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(record)) {
    if (!column.startsWith("custom.") || value === "") continue;
    const key = column.slice("custom.".length);
    customFields[key] = customValue(settings.fields.find((f) => f.key === key)?.type, value);
  }
  return {
    fullName: get("full_name"),
    preferredName: get("preferred_name"),
    phones: list(get("phones")),
    emails: list(get("emails")),
    customerNumber: get("customer_number"),
    accountNumbers: list(get("account_numbers")),
    address: get("address"),
    birthDate: get("birth_date"),
    mothersMaidenName: get("mothers_maiden_name"),
    language: get("language"),
    segment: get("segment"),
    doNotContact: yesNo(get("do_not_contact")),
    customFields,
  };
}

const issueText = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.map(String).join(".") || "row"}: ${i.message}`).join("; ");

/**
 * Streams a customer CSV into the tenant. Each row is validated with the API's schema and created on its own,
 * so a bad row is reported by line and skipped without touching the good ones. A structurally broken file
 * stops the read at the broken record, reported in `stoppedAt` with the line it starts on.
 */
export async function importCustomers(
  deps: { db: Kysely<Database>; customers: CustomerService; settings: CustomerSettingsView },
  tenantId: string,
  actor: Actor | null,
  input: Readable,
  onRow: (report: ImportReport) => void = () => undefined,
): Promise<ImportReport> {
  const report: ImportReport = {
    rows: 0,
    imported: 0,
    rejected: [],
    possibleDuplicates: [],
    stoppedAt: null,
  };
  try {
    for await (const { record, line } of csvRecords(input)) {
      report.rows += 1;
      const parsed = customerBody.safeParse(bodyFromCsv(record, deps.settings));
      if (!parsed.success) {
        report.rejected.push({ line, message: issueText(parsed.error.issues) });
      } else {
        try {
          const row = await deps.customers.create(actor, tenantId, parsed.data);
          report.imported += 1;
          report.possibleDuplicates.push(...(await lookalikes(deps.db, tenantId, row.id, line)));
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          report.rejected.push({ line, message: error.message });
        }
      }
      onRow(report);
    }
  } catch (error) {
    if (!(error instanceof MalformedCsv)) throw error;
    report.stoppedAt = { line: error.line, message: `${error.message}. Nothing after it was read.` };
  }
  return report;
}

/** Customers already on file sharing a phone, email or number with the new one and scoring as duplicates. */
async function lookalikes(
  db: Kysely<Database>,
  tenantId: string,
  customerId: string,
  line: number,
): Promise<PossibleDuplicate[]> {
  const created = await db
    .selectFrom("customers")
    .selectAll()
    .where("id", "=", customerId)
    .executeTakeFirstOrThrow();
  const contains = (column: string, value: string) =>
    sql<boolean>`${sql.ref(column)} @> ${JSON.stringify([value])}::jsonb`;
  const conditions = [
    ...created.phones.map((p) => contains("phones", p)),
    ...created.emails.map((e) => contains("emails", e)),
    ...created.account_numbers.map((a) => contains("account_numbers", a)),
  ];
  if (conditions.length === 0) return [];
  const others = await db
    .selectFrom("customers")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "!=", customerId)
    .where("merged_into", "is", null)
    .where("erased_at", "is", null)
    .where((eb) => eb.or(conditions))
    .limit(20)
    .execute();
  const mine = prepareRecord(dedupRecordOf(created));
  return others.flatMap((other) => {
    const { score, reasons } = scoreDuplicate(mine, prepareRecord(dedupRecordOf(other)));
    return score >= DUPLICATE_THRESHOLD
      ? [{ line, customerId, existingCustomerId: other.id, score, reasons: reasons.map((r) => r.detail) }]
      : [];
  });
}

/** Reads the whole CSV without writing anything; the first structural error, or null when the file is sound. */
export async function findMalformation(input: Readable): Promise<RowError | null> {
  try {
    for await (const _record of csvRecords(input)) {
      // Reading is the check; the records themselves are not needed.
    }
    return null;
  } catch (error) {
    if (!(error instanceof MalformedCsv)) throw error;
    return { line: error.line, message: error.message };
  }
}
