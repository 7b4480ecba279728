import { CHANNELS } from "../../routing/types.js";
import { type ReplicationTally, spreadOverIntervals } from "./replication-tally.js";
import type { SimulationPlan } from "./simulation-plan.js";

/** Where a simulated agent is in its day. */
export const AgentMode = {
  Off: 0,
  Ready: 1,
  /** Not ready for a break, finishing the work in hand first. */
  BreakPending: 2,
  OnBreak: 3,
  /** Shift over, finishing the work in hand before logging out. */
  Closing: 4,
  Gone: 5,
} as const;

const CHANNEL_COUNT = CHANNELS.length;

/**
 * The simulator's mirror of each agent: its mode, the work it holds per channel (as the engine's offers and
 * closes report it) and the books of staffed and busy time. Every change first books the time since the last.
 */
export class AgentRoster {
  readonly #plan: SimulationPlan;
  readonly #tally: ReplicationTally;
  readonly #mode: Uint8Array;
  readonly #load: Int32Array;
  readonly #loadTotal: Int32Array;
  readonly #utilisation: Float64Array;
  readonly #accountedTo: Float64Array;
  readonly #breakMs: Float64Array;

  constructor(plan: SimulationPlan, tally: ReplicationTally) {
    const agents = plan.agents.length;
    this.#plan = plan;
    this.#tally = tally;
    this.#mode = new Uint8Array(agents);
    this.#load = new Int32Array(agents * CHANNEL_COUNT);
    this.#loadTotal = new Int32Array(agents);
    this.#utilisation = new Float64Array(agents);
    this.#accountedTo = new Float64Array(agents);
    this.#breakMs = new Float64Array(agents);
  }

  modeOf(a: number): number {
    return this.#mode[a]!;
  }

  isFree(a: number): boolean {
    return this.#loadTotal[a] === 0;
  }

  pendingBreakMs(a: number): number {
    return this.#breakMs[a]!;
  }

  setMode(a: number, mode: number, now: number, breakMs = 0): void {
    this.account(a, now);
    this.#mode[a] = mode;
    if (mode === AgentMode.BreakPending) this.#breakMs[a] = breakMs;
  }

  changeLoad(a: number, channel: number, delta: number, now: number): void {
    this.account(a, now);
    this.#load[a * CHANNEL_COUNT + channel]! += delta;
    this.#loadTotal[a]! += delta;
    const inverse = this.#plan.agents[a]!.inverseCapacity;
    let utilisation = 0;
    for (let c = 0; c < CHANNEL_COUNT; c++) {
      const held = this.#load[a * CHANNEL_COUNT + c]!;
      if (held === 0) continue;
      const capacity = inverse[c]! > 0 ? Math.round(1 / inverse[c]!) : 0;
      if (held > capacity) this.#tally.capacityExcess = Math.max(this.#tally.capacityExcess, held - capacity);
      utilisation = Math.max(utilisation, capacity > 0 ? held / capacity : 1);
    }
    this.#utilisation[a] = utilisation;
  }

  /** Books the agent's time since the last change into the interval series (inside the day only). */
  account(a: number, until: number): void {
    const from = this.#accountedTo[a]!;
    if (until <= from) return;
    const mode = this.#mode[a];
    const staffed = mode === AgentMode.Ready || mode === AgentMode.BreakPending || mode === AgentMode.Closing;
    const plan = this.#plan;
    if (staffed) {
      const busy = this.#utilisation[a]!;
      spreadOverIntervals(this.#tally.staffedMs, from, until, 1, plan.intervalMs, plan.dayMs);
      if (busy > 0) spreadOverIntervals(this.#tally.busyMs, from, until, busy, plan.intervalMs, plan.dayMs);
      const inDay = Math.max(0, Math.min(until, plan.dayMs) - from);
      const group = plan.agents[a]!.group;
      this.#tally.groupStaffedMs[group]! += inDay;
      this.#tally.groupBusyMs[group]! += busy * inDay;
    }
    this.#accountedTo[a] = until;
  }
}
