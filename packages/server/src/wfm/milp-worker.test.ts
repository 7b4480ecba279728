import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The worker only exists in the compiled server (`npm test` builds first); sources solve on the calling thread.
const compiled = fileURLToPath(new URL("../../dist/wfm/milp-worker-client.js", import.meta.url));

describe.skipIf(!existsSync(compiled))("HiGHS in a worker thread (compiled server)", () => {
  it("solves queued models in order without blocking the event loop", async () => {
    const { solveLp } = (await import(compiled)) as typeof import("./milp-worker-client.js");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const lp = (rhs: number) => `Minimize\n obj: x\nSubject To\n c: x >= ${rhs}\nGeneral\n x\nEnd\n`;
    const [two, three] = await Promise.all([solveLp(lp(1.5)), solveLp(lp(2.5))]);
    clearInterval(timer);
    expect([two.status, two.objective, three.objective]).toEqual(["optimal", 2, 3]);
    expect([...two.values]).toEqual([["x", 2]]);
    expect(ticks).toBeGreaterThan(0);
  });
});
