/**
 * Weekly scheduling at contact-centre scale: 200 agents, 15-minute intervals, two templates whose starts step
 * by 15 minutes, a realistic weekday/weekend demand curve, mixed contracts (full and part time, availability
 * gaps, Friday prayer opt-in). Times `scheduleWeek` end to end: model building, the solver path it chooses
 * (the agent-level MILP for small instances, the greedy heuristic above the column limit), break placement
 * and coverage.
 */
import { type ExampleAgent, exampleWeekProblem, type ScheduleResult } from "@sentra/core";
import { scheduleWeek } from "@sentra/server";

const AGENTS = 200;

function agents(count: number): ExampleAgent[] {
  // Deterministic mix: every fourth agent part time, every fifth unavailable one weekday, a third opted in to
  // the Friday prayer, some who must finish by 18:00.
  return Array.from({ length: count }, (_, i) => ({
    maxHours: i % 4 === 0 ? 24 : 40,
    restHours: 11,
    daysOff: i % 4 === 0 ? 3 : 2,
    prayerOptIn: i % 3 === 0,
    unavailableDay: i % 5 === 0 ? i % 7 : null,
    latestEndHour: i % 6 === 0 ? 18 : null,
  }));
}

export async function measureWeekScheduleDetail(): Promise<{
  schedule_agents: number;
  schedule_seconds: number;
  solver: string;
  fallback_reason: string | null;
  shifts: number;
  understaffed_intervals: number;
  total_shortfall: number;
}> {
  const problem = exampleWeekProblem({
    intervalMinutes: 15,
    peak: 70,
    agents: agents(AGENTS),
    startStepMinutes: 15,
    underStaffPenalty: 50,
  });
  const started = performance.now();
  const result: ScheduleResult = await scheduleWeek(problem, { timeLimitSeconds: 60 });
  const seconds = (performance.now() - started) / 1000;
  return {
    schedule_agents: AGENTS,
    schedule_seconds: Math.round(seconds * 1000) / 1000,
    solver: result.solver.solver,
    fallback_reason: result.solver.fallbackReason ?? null,
    shifts: result.shifts.length,
    understaffed_intervals: result.understaffedIntervals,
    total_shortfall: result.totalShortfall,
  };
}

export async function measureWeekSchedule(): Promise<{ schedule_agents: number; schedule_seconds: number }> {
  const { schedule_agents, schedule_seconds } = await measureWeekScheduleDetail();
  return { schedule_agents, schedule_seconds };
}

export async function run(): Promise<void> {
  console.log(JSON.stringify({ bench: "wfm-schedule", ...(await measureWeekScheduleDetail()) }));
}
