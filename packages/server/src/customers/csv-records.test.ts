import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type CsvRecord, csvRecords, MalformedCsv } from "./csv-records.js";

async function read(chunks: string[]): Promise<{ records: CsvRecord[]; error: unknown }> {
  const records: CsvRecord[] = [];
  try {
    for await (const record of csvRecords(Readable.from(chunks))) records.push(record);
    return { records, error: null };
  } catch (error) {
    return { records, error };
  }
}

describe("csvRecords", () => {
  it("maps header aliases, trims, and numbers records by the line they end on", async () => {
    const { records, error } = await read(['Name , Phone,EMAIL\nAni,0811,a@b.id\n\n"Budi\nSantoso",0812,\n']);
    expect(error).toBeNull();
    expect(records).toEqual([
      { record: { full_name: "Ani", phones: "0811", emails: "a@b.id" }, line: 2 },
      { record: { full_name: "Budi\nSantoso", phones: "0812", emails: "" }, line: 5 },
    ]);
  });

  it("reads a quote inside an unquoted field as a character", async () => {
    const { records } = await read(['name\nAndi "Bob" Wijaya\n']);
    expect(records[0]!.record.full_name).toBe('Andi "Bob" Wijaya');
  });

  it("yields every record before a structural error, then names the line the broken record starts on", async () => {
    const { records, error } = await read([
      'name,phone\nAni,0811\nBudi,0812\n"Never closed,0813\nLost,0814\n',
    ]);
    expect(records.map((r) => r.record.full_name)).toEqual(["Ani", "Budi"]);
    expect(error).toBeInstanceOf(MalformedCsv);
    expect((error as MalformedCsv).line).toBe(4);
    expect((error as MalformedCsv).message).toContain("Quote Not Closed");
  });

  it("handles records split across chunks", async () => {
    const { records } = await read(["name,ph", "one\nAn", "i,08", "11\nBudi,0812"]);
    expect(records).toEqual([
      { record: { full_name: "Ani", phones: "0811" }, line: 2 },
      { record: { full_name: "Budi", phones: "0812" }, line: 3 },
    ]);
  });
});
