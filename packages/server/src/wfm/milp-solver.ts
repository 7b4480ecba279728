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
import { type MilpOptions, type MilpSolution, solveLp } from "./milp-worker-client.js";

export { type MilpOptions, type MilpSolution, solveLp } from "./milp-worker-client.js";

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
