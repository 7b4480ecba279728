import type { RoutingEvent } from "../../routing/events.js";
import { RoutingEngine } from "../../routing/routing-engine.js";
import { AgentMode, AgentRoster } from "./agent-roster.js";
import { EventHeap } from "./event-heap.js";
import { Random, streamSeed } from "./random.js";
import { emptyTally, type ReplicationTally } from "./replication-tally.js";
import { nextPoissonArrival, SIMULATION_TENANT, type SimulationPlan, sampleMs } from "./simulation-plan.js";

// Small integer codes rather than strings: they sit in typed arrays and the event heap.
const Ev = {
  Arrival: 0,
  Patience: 1,
  Accept: 2,
  Complete: 3,
  WrapEnd: 4,
  ShiftStart: 5,
  ShiftEnd: 6,
  BreakStart: 7,
  BreakEnd: 8,
  ReadyAgain: 9,
} as const;

const Call = { Waiting: 0, Offered: 1, Connected: 2, WrapUp: 3, Done: 4, Abandoned: 5, TimedOut: 6 } as const;

const Mode = AgentMode;

const T = SIMULATION_TENANT;
/** After the day, contacts still in the system get this long to be served or to give up. */
const DRAIN_LIMIT_MS = 86_400_000;

/**
 * One simulated day through the real `RoutingEngine`. The event list holds what the outside world does
 * (arrivals, agents answering, finishing, breaks, callers giving up); the engine decides every offer, and
 * its own timers (ring-out, wrap-up limit, maximum wait) fire when the simulated clock reaches
 * `engine.nextDeadline()`. Per-call and per-agent state lives in flat arrays, reused across the run.
 */
export class DaySimulator {
  readonly #plan: SimulationPlan;
  readonly #engine = new RoutingEngine();
  readonly #heap = new EventHeap();
  readonly #tally: ReplicationTally;
  readonly #streams: Random[];
  readonly #agentIndex = new Map<string, number>();
  #now = 0;
  #replayNext: number[];

  // Per call (index = interaction id).
  readonly #callQueue: number[] = [];
  readonly #callArrived: number[] = [];
  readonly #callState: number[] = [];
  readonly #callToken: number[] = [];
  readonly #callAgent: number[] = [];
  readonly #callHandleMs: number[] = [];
  readonly #callWrapMs: number[] = [];

  readonly #roster: AgentRoster;

  constructor(plan: SimulationPlan, replication: number) {
    this.#plan = plan;
    this.#tally = emptyTally(plan.intervals, plan.input.agents.length);
    this.#streams = plan.queues.map((_, q) => new Random(streamSeed(plan.input.seed, replication, q)));
    this.#replayNext = plan.queues.map(() => 0);
    this.#roster = new AgentRoster(plan, this.#tally);
  }

  run(): ReplicationTally {
    const plan = this.#plan;
    for (const queue of plan.queues) this.#engine.upsertQueue({ at: 0, tenantId: T, queue: queue.config });
    for (let q = 0; q < plan.queues.length; q++) this.#scheduleArrival(q, 0);
    // Logins first, then breaks, then logouts: at equal times they apply in this order.
    for (let a = 0; a < plan.agents.length; a++) {
      this.#agentIndex.set(plan.agents[a]!.profile.agentId, a);
      this.#heap.push(plan.agents[a]!.shiftStartMs, Ev.ShiftStart, a);
    }
    for (let a = 0; a < plan.agents.length; a++) {
      const breaks = plan.agents[a]!.breaks;
      for (let n = 0; n < breaks.length; n++) this.#heap.push(breaks[n]!.startMs, Ev.BreakStart, a, n);
    }
    for (let a = 0; a < plan.agents.length; a++) this.#heap.push(plan.agents[a]!.shiftEndMs, Ev.ShiftEnd, a);
    this.#loop(plan.dayMs + DRAIN_LIMIT_MS);
    for (let a = 0; a < plan.agents.length; a++) this.#roster.account(a, Math.max(this.#now, plan.dayMs));
    for (const state of this.#callState)
      if (state === Call.Waiting || state === Call.Offered) this.#tally.waitingAtEnd++;
    return this.#tally;
  }

  #loop(horizon: number): void {
    const heap = this.#heap;
    const engine = this.#engine;
    for (;;) {
      const next = heap.peekTime();
      const deadline = engine.nextDeadline() ?? Number.POSITIVE_INFINITY;
      const at = Math.min(next, deadline);
      if (at === Number.POSITIVE_INFINITY || at > horizon) return;
      this.#now = at;
      this.#tally.events++;
      // On a tie the engine's timer goes first, as `apply` would fire it before the command anyway: an answer
      // at the very instant the offer rings out is too late, and the accept event then finds no offer.
      if (deadline <= next) {
        this.#absorb(engine.tick(deadline));
        continue;
      }
      const kind = heap.topKind();
      const subject = heap.topSubject();
      const token = heap.topToken();
      heap.pop();
      this.#dispatch(kind, subject, token);
    }
  }

  #dispatch(kind: number, subject: number, token: number): void {
    const engine = this.#engine;
    const at = this.#now;
    switch (kind) {
      case Ev.Arrival:
        this.#arrive(subject);
        return;
      case Ev.Patience: {
        const state = this.#callState[subject];
        if (state === Call.Waiting || state === Call.Offered) {
          this.#absorb(engine.abandon({ at, tenantId: T, interactionId: String(subject) }));
        }
        return;
      }
      case Ev.Accept:
        if (this.#callState[subject] === Call.Offered && this.#callToken[subject] === token) {
          const agentId = this.#plan.agents[this.#callAgent[subject]!]!.profile.agentId;
          this.#absorb(engine.accept({ at, tenantId: T, interactionId: String(subject), agentId }));
        }
        return;
      case Ev.Complete:
        this.#absorb(engine.complete({ at, tenantId: T, interactionId: String(subject) }));
        return;
      case Ev.WrapEnd:
        if (this.#callState[subject] === Call.WrapUp) {
          this.#absorb(engine.closeWrapUp({ at, tenantId: T, interactionId: String(subject) }));
        }
        return;
      default:
        this.#agentEvent(kind, subject, token);
        return;
    }
  }

  #arrive(q: number): void {
    const plan = this.#plan;
    const queue = plan.queues[q]!;
    const random = this.#streams[q]!;
    const at = this.#now;
    const call = this.#callState.length;
    this.#callQueue.push(q);
    this.#callArrived.push(at);
    this.#callState.push(Call.Waiting);
    this.#callToken.push(0);
    this.#callAgent.push(-1);
    // Every draw for a contact comes from its queue's stream at arrival, so a variant sees the same contacts.
    this.#callHandleMs.push(sampleMs(random, queue.handle));
    this.#callWrapMs.push(queue.instantWrapUp ? 0 : sampleMs(random, queue.wrapUp));
    if (queue.patienceMeanMs !== undefined) {
      this.#heap.push(at + random.exponential(queue.patienceMeanMs), Ev.Patience, call);
    }
    this.#tally.offered[this.#intervalOf(at)]!++;
    this.#scheduleArrival(q, at);
    this.#absorb(
      this.#engine.enqueue({
        at,
        tenantId: T,
        interaction: {
          interactionId: String(call),
          channel: queue.channel,
          queueId: queue.config.queueId,
          language: queue.language,
        },
      }),
    );
  }

  #scheduleArrival(q: number, fromMs: number): void {
    const plan = this.#plan;
    const queue = plan.queues[q]!;
    let at: number;
    if (queue.arrivals.kind === "poisson") {
      at = nextPoissonArrival(
        this.#streams[q]!,
        queue.arrivals.perInterval,
        plan.intervalMs,
        plan.dayMs,
        fromMs,
      );
    } else {
      const n = this.#replayNext[q]!;
      at = queue.replayMs[n] ?? Number.POSITIVE_INFINITY;
      this.#replayNext[q] = n + 1;
    }
    if (at < plan.dayMs) this.#heap.push(at, Ev.Arrival, q);
  }

  /** Reads what the engine decided and mirrors it into the call and agent arrays. */
  #absorb(events: readonly RoutingEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case "offer_made": {
          const call = Number(e.interactionId);
          const a = this.#agentIndex.get(e.agentId)!;
          this.#callState[call] = Call.Offered;
          this.#callAgent[call] = a;
          const token = ++this.#callToken[call]!;
          this.#changeLoad(a, this.#plan.queues[this.#callQueue[call]!]!.channelIndex, 1);
          this.#heap.push(e.at + this.#plan.agents[a]!.answerDelayMs, Ev.Accept, call, token);
          break;
        }
        case "offer_withdrawn": {
          const call = Number(e.interactionId);
          const a = this.#agentIndex.get(e.agentId)!;
          if (this.#callState[call] === Call.Offered) this.#callState[call] = Call.Waiting;
          this.#changeLoad(a, this.#plan.queues[this.#callQueue[call]!]!.channelIndex, -1);
          this.#afterWorkChange(a);
          break;
        }
        case "interaction_transitioned":
          this.#transitioned(e);
          break;
        case "agent_state_changed":
          if (e.to.kind === "not_ready" && e.to.reason === "missed") {
            const a = this.#agentIndex.get(e.agentId)!;
            if (this.#roster.modeOf(a) === Mode.Ready) this.#heap.push(e.at, Ev.ReadyAgain, a);
          }
          break;
        default:
          break;
      }
    }
  }

  #transitioned(e: Extract<RoutingEvent, { type: "interaction_transitioned" }>): void {
    const call = Number(e.interactionId);
    const tally = this.#tally;
    const k = this.#intervalOf(this.#callArrived[call]!);
    const waited = e.at - this.#callArrived[call]!;
    switch (e.to) {
      case "connected":
        this.#callState[call] = Call.Connected;
        tally.answered[k]!++;
        tally.groupAnswered[this.#plan.agents[this.#agentIndex.get(e.agentId!)!]!.group]!++;
        tally.answeredWaitMs[k]! += waited;
        if (waited <= this.#plan.serviceLevelMs) tally.answeredWithinThreshold[k]!++;
        this.#heap.push(e.at + this.#callHandleMs[call]!, Ev.Complete, call);
        return;
      case "wrap_up":
        this.#callState[call] = Call.WrapUp;
        if (!this.#plan.queues[this.#callQueue[call]!]!.instantWrapUp) {
          this.#heap.push(e.at + this.#callWrapMs[call]!, Ev.WrapEnd, call);
        }
        return;
      case "closed":
        if (e.from === "wrap_up") {
          this.#callState[call] = Call.Done;
          const a = this.#agentIndex.get(e.agentId!)!;
          this.#changeLoad(a, this.#plan.queues[this.#callQueue[call]!]!.channelIndex, -1);
          this.#afterWorkChange(a);
        } else {
          this.#callState[call] = Call.TimedOut;
          tally.timedOut[k]!++;
        }
        return;
      case "timed_out":
        this.#callState[call] = Call.TimedOut;
        tally.timedOut[k]!++;
        return;
      case "abandoned":
        this.#callState[call] = Call.Abandoned;
        tally.abandoned[k]!++;
        if (waited < this.#plan.shortAbandonMs) tally.shortAbandoned[k]!++;
        return;
      default:
        return;
    }
  }

  #agentEvent(kind: number, a: number, token: number): void {
    const engine = this.#engine;
    const agent = this.#plan.agents[a]!;
    const at = this.#now;
    const agentId = agent.profile.agentId;
    const mode = this.#roster.modeOf(a);
    switch (kind) {
      case Ev.ShiftStart:
        this.#setMode(a, Mode.Ready);
        this.#absorb(engine.agentLogin({ at, tenantId: T, profile: agent.profile, state: "available" }));
        return;
      case Ev.BreakStart:
        if (mode !== Mode.Ready) return;
        this.#setMode(a, Mode.BreakPending, agent.breaks[token]!.durationMs);
        this.#absorb(engine.setAgentState({ at, tenantId: T, agentId, state: { notReady: "break" } }));
        this.#afterWorkChange(a);
        return;
      case Ev.BreakEnd:
        if (mode !== Mode.OnBreak) return;
        if (at >= agent.shiftEndMs) {
          this.#logOut(a);
          return;
        }
        this.#setMode(a, Mode.Ready);
        this.#absorb(engine.setAgentState({ at, tenantId: T, agentId, state: "available" }));
        return;
      case Ev.ShiftEnd:
        if (mode === Mode.OnBreak) {
          this.#logOut(a);
          return;
        }
        if (mode === Mode.Ready) {
          this.#setMode(a, Mode.Closing);
          this.#absorb(engine.setAgentState({ at, tenantId: T, agentId, state: { notReady: "shift_end" } }));
        }
        if (mode === Mode.BreakPending) this.#setMode(a, Mode.Closing);
        this.#afterWorkChange(a);
        return;
      case Ev.ReadyAgain:
        if (mode === Mode.Ready)
          this.#absorb(engine.setAgentState({ at, tenantId: T, agentId, state: "available" }));
        return;
      default:
        return;
    }
  }

  /** A break or a logout waits for the agent's hands to be free. */
  #afterWorkChange(a: number): void {
    if (!this.#roster.isFree(a)) return;
    const mode = this.#roster.modeOf(a);
    if (mode === Mode.BreakPending) {
      this.#setMode(a, Mode.OnBreak);
      this.#heap.push(this.#now + this.#roster.pendingBreakMs(a), Ev.BreakEnd, a);
    } else if (mode === Mode.Closing) {
      this.#logOut(a);
    }
  }

  #logOut(a: number): void {
    this.#setMode(a, Mode.Gone);
    const agentId = this.#plan.agents[a]!.profile.agentId;
    this.#absorb(this.#engine.setAgentState({ at: this.#now, tenantId: T, agentId, state: "offline" }));
  }

  #setMode(a: number, mode: number, breakMs = 0): void {
    this.#roster.setMode(a, mode, this.#now, breakMs);
  }

  #changeLoad(a: number, channel: number, delta: number): void {
    this.#roster.changeLoad(a, channel, delta, this.#now);
  }

  #intervalOf(at: number): number {
    return Math.min(Math.floor(at / this.#plan.intervalMs), this.#plan.intervals - 1);
  }
}

export function simulateReplication(plan: SimulationPlan, replication: number): ReplicationTally {
  return new DaySimulator(plan, replication).run();
}
