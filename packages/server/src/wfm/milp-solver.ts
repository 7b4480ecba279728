import {
  agentColumnCount,
  buildAgentScheduleModel,
  decodeAgentSchedule,
  finishSchedule,
  type MilpModel,
  type ScheduleResult,
  type SchedulingProblem,
  scheduleGreedily,
} from "@sentra/core";
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

/** Solves a CPLEX LP text model. Blocks the event loop for up to the time limit (the wasm build is single-threaded). */
export async function solveLp(lp: string, options: MilpOptions = {}): Promise<MilpSolution> {
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

export interface WeekScheduleOptions extends MilpOptions {
  /** Above this many assignment columns the MILP is skipped for the heuristic. */
  readonly maxColumns?: number;
  /** Injected for tests; defaults to the HiGHS adapter. */
  readonly solve?: (lp: string, options: MilpOptions) => Promise<MilpSolution>;
  readonly now?: () => number;
}

export const DEFAULT_MAX_COLUMNS = 25_000;

/**
 * Schedules a week: the agent-level MILP when the instance is small enough and the solver answers with a
 * feasible solution in time, otherwise the greedy heuristic — the result says which ran and why.
 */
export async function scheduleWeek(
  problem: SchedulingProblem,
  options: WeekScheduleOptions = {},
): Promise<ScheduleResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const seconds = () => Math.round(now() - started) / 1000;
  const heuristic = (fallbackReason: string) =>
    finishSchedule(problem, scheduleGreedily(problem), {
      solver: "heuristic",
      status: "heuristic",
      gap: null,
      fallbackReason,
      seconds: seconds(),
    });
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const columns = agentColumnCount(problem);
  if (columns > maxColumns) {
    return heuristic(`${columns} assignment columns exceed the MILP limit of ${maxColumns}.`);
  }
  let model: MilpModel;
  try {
    model = buildAgentScheduleModel(problem);
  } catch (error) {
    return heuristic(`The model could not be built: ${(error as Error).message}`);
  }
  if (model.columns === 0) return heuristic("No agent can work any candidate shift.");
  let solution: MilpSolution;
  try {
    solution = await (options.solve ?? solveLp)(model.lp, options);
  } catch (error) {
    return heuristic(`The MILP solver failed: ${(error as Error).message}`);
  }
  if (!solution.feasible)
    return heuristic(`The MILP solver ended with status ${solution.status} and no solution.`);
  const milp = finishSchedule(problem, decodeAgentSchedule(problem, model, solution.values), {
    solver: "milp",
    status: solution.status,
    gap: solution.gap,
    seconds: seconds(),
  });
  if (solution.status === "optimal") return milp;
  // Stopped at a limit: the incumbent may be poor on big instances, and the greedy plan costs little to compute.
  const greedy = heuristic(
    `The MILP stopped (${solution.status}, gap ${formatGap(solution.gap)}) with a costlier schedule than the heuristic.`,
  );
  return greedy.cost < milp.cost ? greedy : milp;
}

const formatGap = (gap: number | null): string =>
  gap === null ? "unknown" : `${Math.round(gap * 1000) / 10}%`;
