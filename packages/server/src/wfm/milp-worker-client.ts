import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type MilpOptions, type MilpSolution, solveLpHere } from "./milp-highs.js";

export type { MilpOptions, MilpSolution } from "./milp-highs.js";

type Reply =
  | { id: number; ok: true; solution: Omit<MilpSolution, "values"> & { values: [string, number][] } }
  | { id: number; ok: false; message: string };

const workerFile = new URL("./milp-worker.js", import.meta.url);
let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (s: MilpSolution) => void; reject: (e: Error) => void }>();
// One solve at a time: the wasm solver is single-threaded and each solve may use its whole time limit.
let queue: Promise<unknown> = Promise.resolve();

function solverWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(fileURLToPath(workerFile));
  created.unref();
  created.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    // An idle worker must not keep the process alive; a busy one must, or a script awaiting it would exit.
    if (pending.size === 0) created.unref();
    if (reply.ok) waiting.resolve({ ...reply.solution, values: new Map(reply.solution.values) });
    else waiting.reject(new Error(reply.message));
  });
  const fail = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker = undefined;
  };
  created.on("error", fail);
  created.on("exit", (code) => fail(new Error(`The solver worker exited (code ${code}).`)));
  worker = created;
  return created;
}

/**
 * Solves a CPLEX LP text model with HiGHS. From the compiled server the solve runs in a worker thread (loaded
 * once, lazily) so HTTP and routing keep running; from TypeScript sources (tests) it runs on this thread.
 */
export function solveLp(lp: string, options: MilpOptions = {}): Promise<MilpSolution> {
  if (!existsSync(fileURLToPath(workerFile))) return solveLpHere(lp, options);
  const run = queue.then(
    () =>
      new Promise<MilpSolution>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const solver = solverWorker();
        solver.ref();
        solver.postMessage({ id, lp, options });
      }),
  );
  queue = run.catch(() => undefined);
  return run;
}
