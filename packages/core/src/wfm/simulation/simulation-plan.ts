import type { AgentProfile, Channel, QueueConfig } from "../../routing/types.js";
import { CHANNELS } from "../../routing/types.js";
import type { Random } from "./random.js";
import {
  type SimulatedDuration,
  type SimulatedQueue,
  type SimulationInput,
  simulationIntervalCount,
} from "./simulation-input.js";

/** The tenant every simulated record lives in: a simulation never reads or writes a real tenant's data. */
export const SIMULATION_TENANT = "simulation";

const MS_PER_MINUTE = 60_000;
/** Wrap-up ends when the sampled time is up; the engine's own limit only guards against a stuck close. */
const WRAP_UP_GUARD_MS = 86_400_000;

export interface PlannedQueue {
  readonly config: QueueConfig;
  readonly channel: Channel;
  readonly channelIndex: number;
  readonly language: string | undefined;
  readonly arrivals: SimulatedQueue["arrivals"];
  /** Replayed arrivals in ms, sorted, inside the day. */
  readonly replayMs: readonly number[];
  readonly handle: SimulatedDuration;
  readonly wrapUp: SimulatedDuration;
  /** Whether the engine closes wrap-up itself at completion (a fixed wrap-up of zero). */
  readonly instantWrapUp: boolean;
  readonly patienceMeanMs: number | undefined;
}

export interface PlannedAgent {
  readonly profile: AgentProfile;
  readonly shiftStartMs: number;
  readonly shiftEndMs: number;
  readonly breaks: readonly { readonly startMs: number; readonly durationMs: number }[];
  readonly answerDelayMs: number;
  /** 1 / capacity per channel (0 where the agent takes none): load × this is the share of a channel in use. */
  readonly inverseCapacity: Float64Array;
  /** Index of the agent's group in the input. */
  readonly group: number;
}

/** Everything replications share, computed once from the validated input. */
export interface SimulationPlan {
  readonly input: SimulationInput;
  readonly dayMs: number;
  readonly intervalMs: number;
  readonly intervals: number;
  readonly serviceLevelMs: number;
  readonly shortAbandonMs: number;
  readonly queues: readonly PlannedQueue[];
  readonly agents: readonly PlannedAgent[];
}

export function planSimulation(input: SimulationInput): SimulationPlan {
  const dayMs = input.day.lengthMinutes * MS_PER_MINUTE;
  const queues = input.queues.map((q): PlannedQueue => {
    const instantWrapUp = q.wrapUp.kind === "fixed" && q.wrapUp.seconds === 0;
    return {
      config: {
        tenantId: SIMULATION_TENANT,
        queueId: q.id,
        channels: [q.channel],
        skills: q.skills,
        policy: input.routing?.policy ?? q.policy,
        priority: q.priority,
        offerTimeoutMs: q.offerTimeoutSeconds === undefined ? undefined : q.offerTimeoutSeconds * 1000,
        maxWaitMs: q.maxWaitSeconds === undefined ? undefined : q.maxWaitSeconds * 1000,
        wrapUpLimitMs: instantWrapUp ? 0 : WRAP_UP_GUARD_MS,
      },
      channel: q.channel,
      channelIndex: CHANNELS.indexOf(q.channel),
      language: q.language,
      arrivals: q.arrivals,
      replayMs:
        q.arrivals.kind === "replay"
          ? q.arrivals.atSeconds
              .map((s) => s * 1000)
              .filter((ms) => ms < dayMs)
              .sort((a, b) => a - b)
          : [],
      handle: q.handleTime,
      wrapUp: q.wrapUp,
      instantWrapUp,
      patienceMeanMs: q.patience.kind === "exponential" ? q.patience.meanSeconds * 1000 : undefined,
    };
  });
  const agents: PlannedAgent[] = [];
  input.agents.forEach((group, groupIndex) => {
    const inverseCapacity = new Float64Array(CHANNELS.length);
    CHANNELS.forEach((channel, c) => {
      const max = group.capacity.max[channel] ?? 0;
      inverseCapacity[c] = max > 0 ? 1 / max : 0;
    });
    for (let n = 1; n <= group.count; n++) {
      agents.push({
        profile: {
          tenantId: SIMULATION_TENANT,
          agentId: group.count === 1 ? group.id : `${group.id}#${n}`,
          skills: group.skills,
          languages: group.languages,
          teamIds: [],
          capacity: { max: group.capacity.max, exclusive: group.capacity.exclusive },
        },
        shiftStartMs: (group.shift?.startMinute ?? 0) * MS_PER_MINUTE,
        shiftEndMs:
          Math.min(group.shift?.endMinute ?? input.day.lengthMinutes, input.day.lengthMinutes) *
          MS_PER_MINUTE,
        breaks: group.breaks.map((b) => ({
          startMs: b.startMinute * MS_PER_MINUTE,
          durationMs: b.durationMinutes * MS_PER_MINUTE,
        })),
        answerDelayMs: group.answerDelaySeconds * 1000,
        inverseCapacity,
        group: groupIndex,
      });
    }
  });
  return {
    input,
    dayMs,
    intervalMs: input.day.intervalMinutes * MS_PER_MINUTE,
    intervals: simulationIntervalCount(input.day.lengthMinutes, input.day.intervalMinutes),
    serviceLevelMs: input.serviceLevelSeconds * 1000,
    shortAbandonMs: input.shortAbandonSeconds * 1000,
    queues,
    agents,
  };
}

export function sampleMs(random: Random, distribution: SimulatedDuration): number {
  switch (distribution.kind) {
    case "fixed":
      return distribution.seconds * 1000;
    case "exponential":
      return random.exponential(distribution.meanSeconds * 1000);
    case "lognormal":
      return random.lognormal(distribution.meanSeconds * 1000, distribution.sdSeconds * 1000);
  }
}

/**
 * Next Poisson arrival after `fromMs` with a rate constant within each interval (mean count / interval
 * length). Memorylessness makes restarting the draw at an interval boundary exact. +Infinity after the day.
 */
export function nextPoissonArrival(
  random: Random,
  perInterval: readonly number[],
  intervalMs: number,
  dayMs: number,
  fromMs: number,
): number {
  let at = fromMs;
  let k = Math.floor(at / intervalMs);
  while (k < perInterval.length) {
    const end = Math.min((k + 1) * intervalMs, dayMs);
    const rate = perInterval[k]! / (Math.min((k + 1) * intervalMs, dayMs) - k * intervalMs);
    if (rate > 0) {
      const candidate = at + random.exponential(1 / rate);
      if (candidate < end) return candidate;
    }
    at = end;
    k++;
  }
  return Number.POSITIVE_INFINITY;
}
