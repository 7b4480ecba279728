import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SentraError } from "../errors/sentra-error.js";
import { canTake } from "./capacity.js";
import type { RoutingCommand } from "./commands.js";
import type { RoutingEvent } from "./events.js";
import { RoutingEngine } from "./routing-engine.js";
import type { AgentProfile, Channel, QueueConfig, RoutingPolicy } from "./types.js";

const TENANTS = ["t1", "t2"] as const;
const SKILLS = ["billing", "tech", "sales"] as const;
const CHANNELS_USED: readonly Channel[] = ["voice", "chat", "email"];
const POLICIES: readonly RoutingPolicy[] = ["longest_idle", "most_skilled", "least_occupied", "round_robin"];

const level = fc.integer({ min: 1, max: 10 });
const skillReqs = fc
  .subarray([...SKILLS], { maxLength: 2 })
  .chain((skills) => fc.tuple(...skills.map((skill) => level.map((minLevel) => ({ skill, minLevel })))));

const queueArb = (tenantId: string, index: number, queueCount: number) =>
  fc
    .record({
      channels: fc.subarray([...CHANNELS_USED, "callback"] as Channel[], { minLength: 1 }),
      skills: skillReqs,
      priority: fc.integer({ min: 0, max: 2 }),
      teamIds: fc.subarray(["red", "blue"]),
      policy: fc.constantFrom(...POLICIES),
      maxWaitMs: fc.option(fc.constantFrom(20_000, 60_000), { nil: undefined }),
      maxSize: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      overflow: fc.option(
        fc.oneof(
          fc
            .integer({ min: 0, max: queueCount - 1 })
            .map((q) => ({ type: "queue" as const, queueId: `q${q}` })),
          fc.constant({ type: "callback" as const }),
          fc.constant({ type: "close" as const, message: "sorry" }),
        ),
        { nil: undefined },
      ),
      relaxation: fc.array(
        fc.record({
          afterMs: fc.constantFrom(5_000, 10_000, 30_000),
          maxRequiredLevel: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
          anyAgent: fc.option(fc.boolean(), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
      offerTimeoutMs: fc.constantFrom(5_000, 15_000),
      wrapUpLimitMs: fc.constantFrom(0, 10_000),
      affinityTimeoutMs: fc.constantFrom(0, 10_000),
      rejectCooldownMs: fc.constantFrom(0, 8_000),
    })
    .map((q): QueueConfig => ({ ...q, tenantId, queueId: `q${index}` }));

const agentArb = (tenantId: string, index: number) =>
  fc
    .record({
      skills: fc.dictionary(fc.constantFrom(...SKILLS), level),
      languages: fc.subarray(["id", "en"], { minLength: 1 }),
      teamIds: fc.subarray(["red", "blue"]),
      capacity: fc.oneof(
        fc.constant({ max: { voice: 1, chat: 3, email: 5 }, exclusive: ["voice"] as Channel[] }),
        fc.constant({ max: { chat: 2, email: 2, callback: 1 }, maxTotal: 3 }),
        fc.constant({ max: { voice: 1, callback: 1 } }),
      ),
    })
    .map((a): AgentProfile => ({ ...a, tenantId, agentId: `a${index}` }));

const centerArb = fc.integer({ min: 1, max: 3 }).chain((queueCount) =>
  fc.record({
    queues: fc.tuple(
      ...TENANTS.map((t) =>
        fc.tuple(...Array.from({ length: queueCount }, (_, i) => queueArb(t, i, queueCount))),
      ),
    ),
    agents: fc.tuple(
      ...TENANTS.map((t) =>
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agentArb(t, i)))),
      ),
    ),
  }),
);

/** Abstract steps; `pick` selects among what exists when the step runs, so streams stay meaningful. */
const stepArb = fc.record({
  dt: fc.constantFrom(0, 0, 500, 1_000, 1_000, 3_000, 7_000, 20_000),
  tenant: fc.constantFrom(...TENANTS),
  pick: fc.nat(50),
  other: fc.nat(50),
  kind: fc.constantFrom(
    "enqueue",
    "enqueue",
    "enqueue",
    "login",
    "state",
    "state",
    "accept",
    "accept",
    "accept",
    "accept",
    "reject",
    "complete",
    "complete",
    "close_wrap",
    "abandon",
    "fail",
    "transfer",
    "tick",
    "requeue_config",
    "wrong_accept",
  ),
  channel: fc.constantFrom(...CHANNELS_USED),
  language: fc.option(fc.constantFrom("id", "en"), { nil: undefined }),
  skills: skillReqs,
  priority: fc.integer({ min: 0, max: 3 }),
  prefer: fc.boolean(),
  stateChoice: fc.constantFrom("available", "available", "offline", "break", "missed"),
  policy: fc.constantFrom(...POLICIES),
});

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;
type Center = typeof centerArb extends fc.Arbitrary<infer T> ? T : never;

function toCommand(
  step: Step,
  at: number,
  n: number,
  ref: RoutingEngine,
  center: Center,
): RoutingCommand | undefined {
  const tenantId = step.tenant;
  const t = TENANTS.indexOf(step.tenant);
  const queues = center.queues[t]!;
  const agents = center.agents[t]!;
  const agentId = agents[step.other % agents.length]!.agentId;
  const live = ref.liveInteractions().filter((i) => i.tenantId === tenantId);
  const pickFrom = (states: readonly string[]) => {
    const list = live.filter((i) => states.includes(i.state));
    return list.length === 0 ? undefined : list[step.pick % list.length];
  };
  const base = { at, tenantId, eventId: `e${n}` };
  switch (step.kind) {
    case "enqueue": {
      const queue = queues[step.pick % queues.length]!;
      const channel = queue.channels.includes(step.channel) ? step.channel : queue.channels[0]!;
      const interaction = {
        interactionId: `i${n}`,
        channel,
        queueId: queue.queueId,
        language: step.language,
        skills: step.skills,
        priority: step.priority,
        ...(step.prefer ? { preferredAgentId: agentId } : {}),
      };
      return { ...base, type: "interaction_enqueued", interaction };
    }
    case "login":
      return { ...base, type: "agent_logged_in", profile: agents[step.other % agents.length]! };
    case "state": {
      const s = step.stateChoice;
      const state = s === "available" || s === "offline" ? s : { notReady: s };
      return { ...base, type: "agent_state_set", agentId, state };
    }
    case "accept":
    case "reject":
    case "wrong_accept": {
      const i = pickFrom(["offered"]);
      if (i === undefined) return undefined;
      const who = step.kind === "wrong_accept" ? agentId : i.agentId!;
      const type = step.kind === "reject" ? "offer_rejected" : "offer_accepted";
      return { ...base, type, interactionId: i.interactionId, agentId: who };
    }
    case "complete":
    case "close_wrap":
    case "abandon":
    case "fail": {
      const i = pickFrom(
        step.kind === "complete"
          ? ["connected", "queued"]
          : step.kind === "close_wrap"
            ? ["wrap_up", "connected"]
            : ["queued", "offered", "connected", "wrap_up"],
      );
      if (i === undefined) return undefined;
      const type = (
        {
          complete: "interaction_completed",
          close_wrap: "wrap_up_closed",
          abandon: "interaction_abandoned",
          fail: "interaction_failed",
        } as const
      )[step.kind];
      return { ...base, type, interactionId: i.interactionId };
    }
    case "transfer": {
      const i = pickFrom(["connected", "queued", "offered"]);
      if (i === undefined) return undefined;
      const to = step.prefer ? { agentId } : { queueId: queues[step.other % queues.length]!.queueId };
      return { ...base, type: "interaction_transferred", interactionId: i.interactionId, to };
    }
    case "requeue_config": {
      const queue = queues[step.pick % queues.length]!;
      return {
        ...base,
        type: "queue_upserted",
        queue: { ...queue, policy: step.policy, priority: step.priority },
      };
    }
    case "tick":
      return { ...base, type: "clock_ticked" };
  }
}

type Outcome = { events: RoutingEvent[] } | { error: string };

function run(engine: RoutingEngine, command: RoutingCommand): Outcome {
  try {
    return { events: engine.apply(command) };
  } catch (error) {
    if (error instanceof SentraError) return { error: error.code };
    throw error;
  }
}

function checkInvariants(engine: RoutingEngine, center: Center): void {
  expect(engine.findUnmatchedPair()).toBeUndefined();
  const offered = new Set<string>();
  for (const offer of engine.pendingOffers()) {
    const key = `${offer.tenantId}/${offer.agentId}`;
    expect(offered.has(key), `two offers ring for ${key}`).toBe(false);
    offered.add(key);
  }
  center.agents.forEach((agents, t) => {
    for (const profile of agents) {
      let view: ReturnType<RoutingEngine["agent"]>;
      try {
        view = engine.agent(TENANTS[t]!, profile.agentId);
      } catch {
        continue;
      }
      // Removing one unit from any held channel must leave a load the profile accepts: nobody over capacity.
      for (const channel of CHANNELS_USED) {
        if (view.load[channel] === 0) continue;
        const before = { ...view.load, [channel]: view.load[channel] - 1 };
        expect(canTake(profile.capacity, before, channel), `${profile.agentId} over capacity`).toBe(true);
      }
    }
  });
}

describe("indexed router against the reference router", () => {
  it("makes exactly the same decisions on random centers and event streams, keeping every invariant", () => {
    fc.assert(
      fc.property(
        centerArb,
        fc.array(stepArb, { minLength: 5, maxLength: 60 }),
        fc.nat(60),
        (center, steps, restoreAt) => {
          let fast = new RoutingEngine({ router: "indexed" });
          const ref = new RoutingEngine({ router: "reference" });
          const setup: RoutingCommand[] = [];
          TENANTS.forEach((tenantId, t) => {
            setup.push({ type: "tenant_configured", at: 0, tenantId, notReadyReasons: ["break"] });
            for (const queue of center.queues[t]!)
              setup.push({ type: "queue_upserted", at: 0, tenantId, queue });
            for (const profile of center.agents[t]!)
              setup.push({ type: "agent_logged_in", at: 0, tenantId, profile });
          });
          for (const command of setup) expect(run(fast, command)).toEqual(run(ref, command));
          let at = 0;
          steps.forEach((step, n) => {
            at += step.dt;
            const command = toCommand(step, at, n, ref, center);
            if (command === undefined) return;
            expect(run(fast, command)).toEqual(run(ref, command));
            if (n === restoreAt) fast = RoutingEngine.restore(fast.snapshot());
            checkInvariants(fast, center);
            expect(fast.nextDeadline()).toEqual(ref.nextDeadline());
          });
          const end = at + 120_000;
          expect(run(fast, { type: "clock_ticked", at: end, tenantId: "" })).toEqual(
            run(ref, { type: "clock_ticked", at: end, tenantId: "" }),
          );
          checkInvariants(fast, center);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
