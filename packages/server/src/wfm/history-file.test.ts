import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readHistoryFile } from "./history-file.js";

const read = (text: string, timeZone = "Asia/Jakarta") =>
  readHistoryFile(Readable.from([text]), { intervalMinutes: 30, timeZone });

describe("history files", () => {
  it("reads interval CSV, moving explicit offsets onto the tenant's wall clock", async () => {
    const file = await read(
      [
        "interval_start,queue,channel,arrivals,handled,abandoned,aht_seconds",
        "2026-03-02T01:30:00Z,KK,voice,10,9,1,200",
        "2026-03-02T08:30:00,KK,chat,4,4,0,",
      ].join("\n"),
    );
    expect(file.problems).toEqual([]);
    expect(file.intervals).toEqual([
      expect.objectContaining({
        date: "2026-03-02",
        minuteOfDay: 8 * 60 + 30,
        arrivals: 10,
        ahtSeconds: 200,
      }),
      expect.objectContaining({ channel: "chat", minuteOfDay: 8 * 60 + 30, ahtSeconds: null }),
    ]);
  });

  it("skips rows that are not valid CSV, reporting their lines, and keeps going", async () => {
    const file = await read(
      [
        "interval_start,queue,channel,arrivals,handled,abandoned,aht_seconds",
        '2026-03-02T08:00:00,K"K,voice,10,9,1,200',
        "2026-03-02T09:00:00,KK,voice,3,2,1,150",
        "2026-03-02T09:30:00,KK,voice,2,5,0,150",
      ].join("\n"),
    );
    expect(file.problems).toEqual([
      { line: 2, message: expect.stringMatching(/not valid CSV: Invalid Opening Quote/) },
      { line: 4, message: "handled + abandoned exceed arrivals" },
    ]);
    expect(file.intervals).toEqual([expect.objectContaining({ minuteOfDay: 540, arrivals: 3 })]);
  });

  it("aggregates the Anonymous Bank log: arrivals asked for an agent, HANG in queue is abandoned, PHANTOM ignored", async () => {
    const header =
      "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver";
    const rows = [
      "AA01\t1\t0\t0\tPS\t990201\t8:01:00\t8:01:10\t10\t8:01:10\t8:01:40\t30\tAGENT\t8:01:40\t8:04:00\t140\tDORIT",
      "AA01\t2\t0\t0\tPS\t990201\t8:05:00\t8:05:10\t10\t0:00:00\t0:00:00\t0\tAGENT\t8:05:10\t8:06:50\t100\tDORIT",
      "AA01\t3\t0\t0\tPS\t990201\t8:10:00\t8:10:10\t10\t8:10:10\t8:11:00\t50\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER",
      "AA01\t4\t0\t0\tPS\t990201\t8:12:00\t8:12:10\t10\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER",
      "AA01\t5\t0\t0\tPS\t990201\t8:13:00\t8:13:10\t10\t8:13:10\t8:13:20\t10\tPHANTOM\t0:00:00\t0:00:00\t0\tNO_SERVER",
      "AA01\t6\t0\t0\tNW\t990201\t23:59:50\t23:59:59\t9\t0:00:05\t0:00:30\t25\tAGENT\t0:00:30\t0:02:00\t90\tTOVA",
      "AA01\t7\t0\t0\tNW\t990201\t8:00:00\t8:00:10\t10\t8:00:10\t8:00:20\t10\tLOST\t0:00:00\t0:00:00\t0\tX",
    ];
    const file = await read([header, ...rows].join("\n"));
    expect(file.format).toBe("anonymous_bank");
    expect(file.problems).toEqual([{ line: 8, message: expect.stringMatching(/outcome/) }]);
    const ps = file.intervals.find((i) => i.queueName === "PS")!;
    expect(ps).toMatchObject({
      date: "1999-02-01",
      minuteOfDay: 480,
      arrivals: 3,
      handled: 2,
      abandoned: 1,
      ahtSeconds: 120,
    });
    expect(file.intervals.find((i) => i.queueName === "NW")).toMatchObject({
      date: "1999-02-02",
      minuteOfDay: 0,
      arrivals: 1,
    });
  });
});
