import type { Highs } from "highs";

export interface MilpSolution {
  /** optimal | time_limit | infeasible | … (HiGHS model status, snake_cased). */
  readonly status: string;
  /** Whether `values` hold a feasible solution (optimal, or the incumbent at a limit). */
  readonly feasible: boolean;
  readonly objective: number | null;
  readonly gap: number | null;
  readonly values: ReadonlyMap<string, number>;
}

export interface MilpOptions {
  readonly timeLimitSeconds?: number;
  readonly relativeGap?: number;
}

type HighsLoader = () => Promise<Highs>;

let loading: Promise<Highs> | undefined;

/** HiGHS (compiled to wasm) is loaded once, on first use, and shared by every solve in the process. */
export function loadSolver(): Promise<Highs> {
  loading ??= import("highs")
    .then((module) => {
      // The package ships CommonJS typings but an ES build: the loader is the default export at run time,
      // while TypeScript sees it one `default` deeper. Accept either shape.
      const outer = module.default as unknown as HighsLoader | { default: HighsLoader };
      return (typeof outer === "function" ? outer : outer.default)();
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

const FEASIBLE_STATUSES = new Set([
  "optimal",
  "time_limit",
  "iteration_limit",
  "solution_limit",
  "interrupted",
]);

/** Solves a CPLEX LP text model on this thread, blocking it for up to the time limit (the wasm build is single-threaded). */
export async function solveLpHere(lp: string, options: MilpOptions = {}): Promise<MilpSolution> {
  const highs = await loadSolver();
  return highs.withModel({ format: "lp", data: lp }, (model) => {
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? 10,
      mip_rel_gap: options.relativeGap ?? 1e-4,
    });
    model.run();
    const status = statusName(highs, model.getModelStatus());
    const solution = model.getSolution();
    const values = new Map<string, number>();
    const feasible = FEASIBLE_STATUSES.has(status) && hasFeasibleSolution(model);
    if (feasible) {
      for (let index = 0; index < solution.colValue.length; index++) {
        values.set(model.getColName(index), solution.colValue[index]!);
      }
    }
    return {
      status,
      feasible,
      objective: feasible ? model.getObjectiveValue() : null,
      gap: feasible ? gapOf(model) : null,
      values,
    };
  });
}

// HiGHS reports 2 ("feasible") as the primal solution status when an incumbent exists, even at a limit.
function hasFeasibleSolution(model: { info: { get(name: string): number | bigint } }): boolean {
  try {
    return Number(model.info.get("primal_solution_status")) === 2;
  } catch {
    return false;
  }
}

function gapOf(model: { info: { get(name: string): number | bigint } }): number | null {
  try {
    const gap = Number(model.info.get("mip_gap"));
    return Number.isFinite(gap) ? gap : null;
  } catch {
    return null;
  }
}

function statusName(highs: Highs, code: number): string {
  const names = highs.constants.modelStatus as Record<string, number>;
  const name = Object.keys(names).find((key) => names[key] === code) ?? `status_${code}`;
  return name.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
}
