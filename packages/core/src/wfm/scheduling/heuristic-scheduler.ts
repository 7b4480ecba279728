import type { ShiftChoice } from "./break-placement.js";
import { canAddShift, type ShiftSpan } from "./contract-rules.js";
import { horizonMinutes, MINUTES_PER_DAY, type SchedulingProblem } from "./schedule-model.js";
import {
  agentMayWork,
  expectedPresence,
  hasSkills,
  type ShiftCandidate,
  shiftCandidates,
} from "./shift-candidates.js";

interface Share {
  readonly interval: number;
  readonly share: number;
}

/**
 * Greedy weekly scheduler for instances too large for the MILP (or when the solver is unavailable): repeatedly
 * staffs the candidate shift whose reduction of the remaining shortfall, valued at the under-staffing penalty,
 * most exceeds its cost, giving it to the eligible agent with the fewest scheduled minutes whose contract
 * still allows it. A candidate no agent can take is dropped for good: adding shifts only ever removes options.
 */
export function scheduleGreedily(problem: SchedulingProblem): ShiftChoice[] {
  const days = Math.ceil(horizonMinutes(problem) / MINUTES_PER_DAY);
  const deficit = [...problem.requirement];
  const agents = problem.agents.filter((agent) => hasSkills(agent, problem.requiredSkills));
  const shifts = new Map<string, ShiftSpan[]>(agents.map((agent) => [agent.id, []]));
  const minutes = new Map<string, number>(agents.map((agent) => [agent.id, 0]));
  const live = new Set<ShiftCandidate>(shiftCandidates(problem));
  const shares = new Map<ShiftCandidate, Share[]>();
  for (const c of live) {
    shares.set(
      c,
      expectedPresence(c, problem.intervalMinutes, deficit.length).map(([interval, share]) => ({
        interval,
        share,
      })),
    );
  }
  const choices: ShiftChoice[] = [];

  for (;;) {
    let best: ShiftCandidate | undefined;
    let bestValue = 0;
    for (const c of live) {
      let reduction = 0;
      for (const { interval, share } of shares.get(c)!)
        reduction += Math.min(share, Math.max(0, deficit[interval]!));
      const value = reduction * problem.underStaffPenalty - c.template.cost;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (best === undefined) break;
    const span = { day: best.day, start: best.start, end: best.end };
    let taker: (typeof agents)[number] | undefined;
    for (const agent of agents) {
      if (taker && minutes.get(agent.id)! >= minutes.get(taker.id)!) continue;
      if (agentMayWork(problem, agent, best) && canAddShift(agent, shifts.get(agent.id)!, span, days))
        taker = agent;
    }
    if (taker === undefined) {
      live.delete(best);
      continue;
    }
    shifts.get(taker.id)!.push(span);
    minutes.set(taker.id, minutes.get(taker.id)! + (best.end - best.start));
    for (const { interval, share } of shares.get(best)!) deficit[interval] = deficit[interval]! - share;
    choices.push({ agent: taker, template: best.template, ...span });
  }
  return choices.sort((a, b) => a.start - b.start);
}
