import { parentPort } from "node:worker_threads";
import { type MilpOptions, solveLpHere } from "./milp-highs.js";

/** Worker entry: solves one LP text model per message so a long solve never blocks the server's event loop. */
parentPort?.on("message", async (request: { id: number; lp: string; options: MilpOptions }) => {
  try {
    const solution = await solveLpHere(request.lp, request.options);
    parentPort!.postMessage({
      id: request.id,
      ok: true,
      solution: { ...solution, values: [...solution.values] },
    });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, ok: false, message: (error as Error).message });
  }
});
