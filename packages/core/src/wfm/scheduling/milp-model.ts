import type { ShiftChoice } from "./break-placement.js";
import { horizonMinutes, MINUTES_PER_DAY, type SchedulingProblem } from "./schedule-model.js";
import {
  agentMayWork,
  expectedPresence,
  hasSkills,
  type ShiftCandidate,
  shiftCandidates,
} from "./shift-candidates.js";

/** A mixed-integer model as CPLEX LP text (what HiGHS reads) plus what each column means, for decoding. */
export interface MilpModel {
  readonly lp: string;
  readonly columns: number;
  readonly rows: number;
  /** Column name → the agent and candidate it assigns (agent models) or the candidate it counts. */
  readonly assignments: ReadonlyMap<
    string,
    { readonly agentIndex: number; readonly candidate: ShiftCandidate }
  >;
}

type Term = readonly [coefficient: number, column: string];

class LpWriter {
  readonly #rows: string[] = [];
  readonly #binaries: string[] = [];
  readonly #integers: string[] = [];
  #objective: Term[] = [];

  objective(terms: Term[]): void {
    this.#objective = terms;
  }
  row(name: string, terms: readonly Term[], sense: ">=" | "<=", rhs: number): void {
    if (terms.length > 0) this.#rows.push(` ${name}: ${expression(terms)} ${sense} ${num(rhs)}`);
  }
  binary(column: string): void {
    this.#binaries.push(column);
  }
  integer(column: string): void {
    this.#integers.push(column);
  }
  get rowCount(): number {
    return this.#rows.length;
  }
  text(): string {
    const sections = ["Minimize", ` obj: ${expression(this.#objective)}`, "Subject To", ...this.#rows];
    if (this.#binaries.length > 0) sections.push("Binary", ...chunks(this.#binaries));
    if (this.#integers.length > 0) sections.push("General", ...chunks(this.#integers));
    sections.push("End", "");
    return sections.join("\n");
  }
}

const num = (value: number): string => String(Math.round(value * 10_000) / 10_000);

// Long rows are split over lines; the LP format allows a row to continue on the next line.
function expression(terms: readonly Term[]): string {
  if (terms.length === 0) return "0";
  const parts = terms.map(
    ([c, name], i) => `${i === 0 && c >= 0 ? "" : c >= 0 ? "+ " : "- "}${num(Math.abs(c))} ${name}`,
  );
  return chunks(parts)
    .map((line) => line.trim())
    .join("\n  ");
}

function chunks(items: readonly string[], size = 10): string[] {
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += size) lines.push(` ${items.slice(i, i + size).join(" ")}`);
  return lines;
}

function coverageRows(
  w: LpWriter,
  cover: Map<number, Term[]>,
  requirement: readonly number[],
  penalty: number | "hard",
  objective: Term[],
): void {
  requirement.forEach((need, i) => {
    if (need <= 0) return;
    const terms = cover.get(i) ?? [];
    if (penalty !== "hard") {
      terms.push([1, `s_${i}`]);
      objective.push([penalty, `s_${i}`]);
    }
    w.row(`cover_${i}`, terms, ">=", need);
  });
}

/**
 * The classic shift-count model: how many of each candidate shift to staff (non-negative integers) so that
 * coverage meets the requirement, at least cost. With `penalty: "hard"` every interval must be covered; with a
 * number, each missing agent-interval costs that much instead.
 */
export function buildShiftCountModel(
  problem: SchedulingProblem,
  penalty: number | "hard" = "hard",
): MilpModel {
  const w = new LpWriter();
  const candidates = shiftCandidates(problem);
  const cover = new Map<number, Term[]>();
  const objective: Term[] = [];
  const assignments = new Map<string, { agentIndex: number; candidate: ShiftCandidate }>();
  for (const c of candidates) {
    const name = `n_${c.index}`;
    assignments.set(name, { agentIndex: -1, candidate: c });
    objective.push([c.template.cost, name]);
    w.integer(name);
    for (const [i, share] of expectedPresence(c, problem.intervalMinutes, problem.requirement.length)) {
      const terms = cover.get(i) ?? [];
      terms.push([share, name]);
      cover.set(i, terms);
    }
  }
  coverageRows(w, cover, problem.requirement, penalty, objective);
  w.objective(objective);
  return { lp: w.text(), columns: assignments.size, rows: w.rowCount, assignments };
}

/**
 * The agent-level weekly model: x[a,c] = 1 when agent a works candidate c. Constraints: coverage (soft, with
 * the under-staffing penalty), one shift per day, weekly minutes, days off, and minimum rest between a shift
 * and any conflicting shift on a later day. Availability, skills and prayer room are enforced by generating
 * only the columns an agent may take. Breaks are placed after solving, so coverage here counts whole spans.
 */
export function buildAgentScheduleModel(problem: SchedulingProblem): MilpModel {
  const w = new LpWriter();
  const candidates = shiftCandidates(problem);
  const days = Math.ceil(horizonMinutes(problem) / MINUTES_PER_DAY);
  const cover = new Map<number, Term[]>();
  const objective: Term[] = [];
  const assignments = new Map<string, { agentIndex: number; candidate: ShiftCandidate }>();
  const shares = candidates.map((c) =>
    expectedPresence(c, problem.intervalMinutes, problem.requirement.length),
  );
  problem.agents.forEach((agent, a) => {
    if (!hasSkills(agent, problem.requiredSkills)) return;
    const mine = candidates.filter((c) => agentMayWork(problem, agent, c));
    const byDay = new Map<number, ShiftCandidate[]>();
    for (const c of mine) {
      const name = `x_${a}_${c.index}`;
      assignments.set(name, { agentIndex: a, candidate: c });
      objective.push([c.template.cost, name]);
      w.binary(name);
      for (const [i, share] of shares[c.index]!) {
        const terms = cover.get(i) ?? [];
        terms.push([share, name]);
        cover.set(i, terms);
      }
      byDay.set(c.day, [...(byDay.get(c.day) ?? []), c]);
    }
    const col = (c: ShiftCandidate): string => `x_${a}_${c.index}`;
    for (const [day, list] of byDay) {
      w.row(
        `day_${a}_${day}`,
        list.map((c) => [1, col(c)] as Term),
        "<=",
        1,
      );
    }
    w.row(
      `hours_${a}`,
      mine.map((c) => [c.template.lengthMinutes, col(c)] as Term),
      "<=",
      agent.contract.maxMinutesPerWeek,
    );
    w.row(
      `off_${a}`,
      mine.map((c) => [1, col(c)] as Term),
      "<=",
      Math.max(0, days - agent.contract.minDaysOff),
    );
    for (const c of mine) {
      for (const [day, list] of byDay) {
        if (day <= c.day) continue;
        const clash = list.filter((n) => n.start < c.end + agent.contract.minRestMinutes);
        if (clash.length > 0) {
          w.row(
            `rest_${a}_${c.index}_${day}`,
            [[1, col(c)], ...clash.map((n) => [1, col(n)] as Term)],
            "<=",
            1,
          );
        }
      }
    }
  });
  coverageRows(w, cover, problem.requirement, problem.underStaffPenalty, objective);
  w.objective(objective);
  return { lp: w.text(), columns: assignments.size, rows: w.rowCount, assignments };
}

/** How many assignment columns the agent model would have, without writing it (for the size check). */
export function agentColumnCount(problem: SchedulingProblem): number {
  const candidates = shiftCandidates(problem);
  let columns = 0;
  for (const agent of problem.agents) {
    if (!hasSkills(agent, problem.requiredSkills)) continue;
    for (const c of candidates) if (agentMayWork(problem, agent, c)) columns++;
  }
  return columns;
}

/** Reads the solver's column values back into chosen shifts (values above 0.5 count as chosen). */
export function decodeAgentSchedule(
  problem: SchedulingProblem,
  model: MilpModel,
  values: ReadonlyMap<string, number>,
): ShiftChoice[] {
  const choices: ShiftChoice[] = [];
  for (const [name, value] of values) {
    const meaning = model.assignments.get(name);
    if (!meaning || meaning.agentIndex < 0 || value < 0.5) continue;
    const { candidate } = meaning;
    choices.push({
      agent: problem.agents[meaning.agentIndex]!,
      template: candidate.template,
      day: candidate.day,
      start: candidate.start,
      end: candidate.end,
    });
  }
  return choices.sort((a, b) => a.start - b.start);
}

/** Reads a shift-count solution: how many of each candidate shift, keeping only positive counts. */
export function decodeShiftCounts(
  model: MilpModel,
  values: ReadonlyMap<string, number>,
): { candidate: ShiftCandidate; count: number }[] {
  const counts: { candidate: ShiftCandidate; count: number }[] = [];
  for (const [name, value] of values) {
    const meaning = model.assignments.get(name);
    const count = Math.round(value);
    if (meaning && meaning.agentIndex < 0 && count > 0) counts.push({ candidate: meaning.candidate, count });
  }
  return counts.sort((a, b) => a.candidate.start - b.candidate.start);
}
