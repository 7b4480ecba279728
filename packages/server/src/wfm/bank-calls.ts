import { z } from "zod";

/**
 * The "Anonymous Bank" call log (Technion Service Enterprise Engineering Center, Israel 1999): one row per call
 * with its VRU, queue and service times. What Sentra takes from it, per call:
 * - arrival: the call asked for an agent — it entered the queue (q_start ≠ 0:00:00) or went straight to an agent
 *   (outcome AGENT). Calls that ended in the VRU (HANG without a queue start) never asked for an agent, and
 *   PHANTOM rows are not real calls; neither is an arrival.
 * - arrival time: q_start when the call queued, else vru_exit (the moment it was handed to the agent).
 * - handled: outcome AGENT; handle time: ser_time seconds (AHT = the mean over handled calls of the interval).
 * - abandoned: outcome HANG after entering the queue.
 * - queue: the service `type` column (PS, NW, NE, IN, TT, PE); channel: voice.
 * Times are local wall-clock times; the importer places them in the tenant's time zone.
 */
export const BANK_HEADER = [
  "vru+line",
  "call_id",
  "customer_id",
  "priority",
  "type",
  "date",
  "vru_entry",
  "vru_exit",
  "vru_time",
  "q_start",
  "q_exit",
  "q_time",
  "outcome",
  "ser_start",
  "ser_exit",
  "ser_time",
  "server",
] as const;

const clock = z.string().regex(/^\d{1,2}:\d{2}:\d{2}$/, "must be a time h:mm:ss");
const bankRow = z.object({
  type: z.string().trim().min(1, "type (service) is empty").max(40),
  date: z.string().regex(/^\d{6}$/, "date must look like 990201"),
  vru_entry: clock,
  vru_exit: clock,
  q_start: clock,
  outcome: z.enum(["AGENT", "HANG", "PHANTOM"], "outcome must be AGENT, HANG or PHANTOM"),
  ser_time: z.coerce.number("ser_time must be a number").int().min(0),
});

export interface BankCall {
  readonly queue: string;
  /** Local date, YYYY-MM-DD. */
  readonly date: string;
  /** Seconds after local midnight of `date` (may exceed a day when the call crossed midnight). */
  readonly arrivalSecond: number;
  readonly handled: boolean;
  readonly abandoned: boolean;
  readonly handleSeconds: number;
}

export type BankRowResult =
  | { kind: "call"; call: BankCall }
  | { kind: "skipped" }
  | { kind: "error"; message: string };

export function bankCallOf(record: Record<string, string | undefined>): BankRowResult {
  const parsed = bankRow.safeParse(record);
  if (!parsed.success) {
    return {
      kind: "error",
      message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    };
  }
  const row = parsed.data;
  if (row.outcome === "PHANTOM") return { kind: "skipped" };
  const queued = row.q_start !== "0:00:00";
  if (!queued && row.outcome === "HANG") return { kind: "skipped" };
  const yy = Number(row.date.slice(0, 2));
  const month = row.date.slice(2, 4);
  const day = row.date.slice(4, 6);
  const date = `${yy >= 70 ? 1900 + yy : 2000 + yy}-${month}-${day}`;
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    return { kind: "error", message: `date: ${row.date} is not a date` };
  const entry = secondsOf(row.vru_entry);
  let arrival = secondsOf(queued ? row.q_start : row.vru_exit);
  // A call that entered the VRU before midnight and reached the queue after it.
  if (arrival + 12 * 3600 < entry) arrival += 24 * 3600;
  return {
    kind: "call",
    call: {
      queue: row.type,
      date,
      arrivalSecond: arrival,
      handled: row.outcome === "AGENT",
      abandoned: row.outcome === "HANG",
      handleSeconds: row.outcome === "AGENT" ? row.ser_time : 0,
    },
  };
}

function secondsOf(time: string): number {
  const [h, m, s] = time.split(":").map(Number);
  return h! * 3600 + m! * 60 + s!;
}
