import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Kysely } from "kysely";
import type { CustomerRow, Database } from "../db/schema.js";
import { CUSTOMER_CSV_COLUMNS } from "./customer-import.js";

const PAGE = 500;

async function* liveCustomers(db: Kysely<Database>, tenantId: string): AsyncGenerator<CustomerRow> {
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom("customers")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("merged_into", "is", null)
      .where("erased_at", "is", null)
      .orderBy("id")
      .limit(PAGE);
    if (after) query = query.where("id", ">", after);
    const rows = await query.execute();
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

const joined = (values: string[]) => values.join(";");

/**
 * The tenant's live customers as CSV in the import's own format (so an export re-imports), read page by page
 * and streamed, never held whole in memory.
 */
export function customersCsv(db: Kysely<Database>, tenantId: string, customFieldKeys: string[]): Readable {
  const header = ["id", ...CUSTOMER_CSV_COLUMNS, ...customFieldKeys.map((k) => `custom.${k}`)];
  const rows = Readable.from(
    (async function* () {
      for await (const c of liveCustomers(db, tenantId)) {
        yield [
          c.id,
          c.full_name,
          c.preferred_name ?? "",
          joined(c.phones),
          joined(c.emails),
          c.customer_number ?? "",
          joined(c.account_numbers),
          c.address ?? "",
          c.birth_date ?? "",
          c.mothers_maiden_name ?? "",
          c.language ?? "",
          c.segment ?? "",
          c.do_not_contact ? "true" : "false",
          ...customFieldKeys.map((k) => {
            const value = c.custom_fields[k];
            return value === undefined || value === null ? "" : String(value);
          }),
        ];
      }
    })(),
  );
  const csv = stringify({ header: true, columns: header });
  rows.on("error", (error) => csv.destroy(error));
  return rows.pipe(csv);
}
