import { describe, expect, it } from "vitest";
import { agentProfile, queueConfig } from "./builders.js";
import type { NewInteraction, RoutingCommand } from "./commands.js";
import type { RoutingEvent } from "./events.js";
import { RoutingEngine } from "./routing-engine.js";
import type { AgentProfile, QueueConfig, RoutingPolicy } from "./types.js";

const T = "t1";

function offers(events: readonly RoutingEvent[]) {
  return events.flatMap((e) => (e.type === "offer_made" ? [e] : []));
}
const pairs = (events: readonly RoutingEvent[]) =>
  offers(events).map((o) => `${o.interactionId}->${o.agentId}`);

function setUp(queue: Partial<QueueConfig>, agents: readonly Partial<AgentProfile>[], router?: "reference") {
  const engine = new RoutingEngine(router ? { router } : {});
  engine.upsertQueue({ at: 0, tenantId: T, queue: queueConfig({ queueId: "q", ...queue }) });
  agents.forEach((a, n) => {
    engine.agentLogin({ at: 0, tenantId: T, profile: agentProfile({ agentId: `a${n + 1}`, ...a }) });
  });
  return engine;
}

const chat = (id: string, extra: Partial<NewInteraction> = {}): NewInteraction => ({
  interactionId: id,
  channel: "chat",
  queueId: "q",
  ...extra,
});

function enqueue(engine: RoutingEngine, at: number, interaction: NewInteraction) {
  return engine.enqueue({ at, tenantId: T, interaction });
}

describe("routing policies", () => {
  // Three free agents: a1 idle longest, a3 most skilled, a2 already holding a chat (more occupied).
  it.each<[RoutingPolicy, string, string]>([
    ["longest_idle", "a1", "the agent idle the longest"],
    ["most_skilled", "a3", "the agent with the highest skill level"],
    ["least_occupied", "a1", "an agent with nothing open, longest idle among them"],
    ["round_robin", "a3", "the next agent after the last one chosen"],
  ])("%s offers to %s: %s", (policy, expected) => {
    const engine = setUp({ policy, skills: [{ skill: "billing", minLevel: 2 }] }, [
      { skills: { billing: 4 } },
      { skills: { billing: 6 } },
      { skills: { billing: 9 } },
    ]);
    engine.setAgentState({ at: 10, tenantId: T, agentId: "a2", state: { notReady: "break" } });
    engine.setAgentState({ at: 20, tenantId: T, agentId: "a3", state: { notReady: "break" } });
    engine.setAgentState({ at: 30, tenantId: T, agentId: "a2", state: "available" });
    engine.setAgentState({ at: 40, tenantId: T, agentId: "a3", state: "available" });
    // a2 takes a chat first so it is the busiest; for round-robin it is the last one chosen.
    const first = enqueue(engine, 50, chat("warmup", { preferredAgentId: "a2", affinityTimeoutMs: 5_000 }));
    expect(pairs(first)).toEqual(["warmup->a2"]);
    engine.accept({ at: 60, tenantId: T, interactionId: "warmup", agentId: "a2" });
    expect(pairs(enqueue(engine, 70, chat("c1")))).toEqual([`c1->${expected}`]);
  });

  it("routes the longest-waiting chat to the idle agent with the highest skill", () => {
    const engine = setUp({ policy: "most_skilled", skills: [{ skill: "tech", minLevel: 1 }] }, [
      { skills: { tech: 3 }, capacity: { max: { chat: 1 } } },
      { skills: { tech: 8 }, capacity: { max: { chat: 1 } } },
    ]);
    engine.setAgentState({ at: 0, tenantId: T, agentId: "a1", state: { notReady: "break" } });
    engine.setAgentState({ at: 0, tenantId: T, agentId: "a2", state: { notReady: "break" } });
    enqueue(engine, 100, chat("old"));
    enqueue(engine, 200, chat("new"));
    engine.setAgentState({ at: 300, tenantId: T, agentId: "a1", state: "available" });
    const out = engine.setAgentState({ at: 300, tenantId: T, agentId: "a2", state: "available" });
    expect(pairs(out)).toEqual(["new->a2"]);
    expect(
      engine
        .pendingOffers()
        .map((o) => `${o.interactionId}->${o.agentId}`)
        .sort(),
    ).toEqual(["new->a2", "old->a1"]);
  });

  it("breaks ties by agent id so every run decides the same", () => {
    const engine = setUp({ policy: "most_skilled" }, [{}, {}, {}]);
    expect(pairs(enqueue(engine, 1, chat("c1")))).toEqual(["c1->a1"]);
  });
});

describe("queue order", () => {
  it("serves higher priority first, until waiting time outweighs it (one point per aging interval)", () => {
    const engine = setUp({}, [{ capacity: { max: { chat: 1 } } }]);
    engine.setAgentState({ at: 0, tenantId: T, agentId: "a1", state: { notReady: "break" } });
    enqueue(engine, 0, chat("low-old"));
    enqueue(engine, 30_000, chat("high-new", { priority: 1 }));
    enqueue(engine, 90_000, chat("high-newest", { priority: 1 }));
    // Rank = priority × 60 s − enqueue time: low-old 0, high-new 30 s, high-newest −30 s.
    expect(engine.waitingOrder(T, "q")).toEqual(["high-new", "low-old", "high-newest"]);
  });

  it("puts an interaction whose offer rang out back at its original place in line", () => {
    const engine = setUp({ offerTimeoutMs: 10_000 }, [{ capacity: { max: { chat: 1 } } }, {}]);
    engine.setAgentState({ at: 0, tenantId: T, agentId: "a2", state: "offline" });
    enqueue(engine, 0, chat("first"));
    enqueue(engine, 1_000, chat("second"));
    expect(engine.waitingOrder(T, "q")).toEqual(["second"]);
    engine.tick(10_000);
    expect(engine.waitingOrder(T, "q")).toEqual(["first", "second"]);
    expect(engine.interaction(T, "first")?.enqueuedAt).toBe(0);
  });
});

describe("skill relaxation", () => {
  const relaxing: Partial<QueueConfig> = {
    skills: [{ skill: "billing", minLevel: 5 }],
    relaxation: [
      { afterMs: 30_000, maxRequiredLevel: 3 },
      { afterMs: 60_000, anyAgent: true },
    ],
  };

  it("accepts a level-3 agent once the interaction has waited 30 s, not before", () => {
    const engine = setUp(relaxing, [{ skills: { billing: 3 } }]);
    expect(pairs(enqueue(engine, 0, chat("c1")))).toEqual([]);
    expect(engine.nextDeadline()).toBe(30_000);
    expect(pairs(engine.tick(29_999))).toEqual([]);
    const out = engine.tick(30_000);
    expect(out.find((e) => e.type === "relaxed")).toMatchObject({ step: 1 });
    expect(offers(out)[0]?.explanation).toMatchObject({
      relaxationStep: 1,
      requirements: [{ skill: "billing", minLevel: 3 }],
    });
  });

  it("after 60 s offers to any agent of the team, even without the skill", () => {
    const engine = setUp({ ...relaxing, teamIds: ["red"] }, [
      { skills: {}, teamIds: ["red"] },
      { skills: { billing: 9 }, teamIds: ["blue"] },
    ]);
    enqueue(engine, 0, chat("c1"));
    expect(pairs(engine.tick(30_000))).toEqual([]);
    expect(pairs(engine.tick(60_000))).toEqual(["c1->a1"]);
  });

  it("never relaxes the language", () => {
    const engine = setUp({ relaxation: [{ afterMs: 1_000, anyAgent: true }] }, [{ languages: ["id"] }]);
    enqueue(engine, 0, chat("c1", { language: "en" }));
    expect(pairs(engine.tick(5_000))).toEqual([]);
  });
});

describe("offers", () => {
  it("withdraws an unanswered offer, marks the agent not ready (missed) and offers the next agent", () => {
    const engine = setUp({ offerTimeoutMs: 15_000 }, [{}, {}]);
    engine.setAgentState({ at: 0, tenantId: T, agentId: "a2", state: { notReady: "break" } });
    expect(pairs(enqueue(engine, 0, chat("c1")))).toEqual(["c1->a1"]);
    engine.setAgentState({ at: 1_000, tenantId: T, agentId: "a2", state: "available" });
    const out = engine.tick(15_000);
    expect(out.find((e) => e.type === "offer_withdrawn")).toMatchObject({
      agentId: "a1",
      reason: "offer_timeout",
    });
    expect(engine.agent(T, "a1").label).toBe("not_ready(missed)");
    const a1Changes = out.flatMap((e) => (e.type === "agent_state_changed" && e.agentId === "a1" ? [e] : []));
    expect(a1Changes.map((e) => [e.from.kind, e.to.kind])).toEqual([["reserved", "not_ready"]]);
    expect(pairs(out)).toEqual(["c1->a2"]);
  });

  it("keeps a rejecting agent available but does not re-offer them the same interaction during the cooldown", () => {
    const engine = setUp({ rejectCooldownMs: 20_000 }, [{}]);
    enqueue(engine, 0, chat("c1"));
    const out = engine.reject({ at: 1_000, tenantId: T, interactionId: "c1", agentId: "a1" });
    expect(pairs(out)).toEqual([]);
    expect(engine.agent(T, "a1").label).toBe("available");
    expect(pairs(enqueue(engine, 2_000, chat("c2")))).toEqual(["c2->a1"]);
    engine.reject({ at: 3_000, tenantId: T, interactionId: "c2", agentId: "a1" });
    expect(pairs(engine.tick(21_000))).toEqual(["c1->a1"]);
  });

  it("explains each offer: policy, score, the other candidates and how many there were", () => {
    const engine = setUp({ policy: "most_skilled", skills: [{ skill: "tech", minLevel: 1 }] }, [
      { skills: { tech: 2 } },
      { skills: { tech: 7 } },
      { skills: { tech: 5 } },
    ]);
    const [offer] = offers(enqueue(engine, 0, chat("c1")));
    expect(offer?.explanation).toMatchObject({
      rule: "policy",
      policy: "most_skilled",
      score: 7,
      candidateCount: 3,
      candidates: [
        { agentId: "a2", score: 7 },
        { agentId: "a3", score: 5 },
        { agentId: "a1", score: 2 },
      ],
    });
  });

  it("refuses to accept an offer made to somebody else", () => {
    const engine = setUp({}, [{}, {}]);
    enqueue(engine, 0, chat("c1"));
    expect(() => engine.accept({ at: 1, tenantId: T, interactionId: "c1", agentId: "a2" })).toThrow(
      expect.objectContaining({ code: "no_pending_offer", reason: "conflict" }),
    );
  });
});

describe("capacity and agent state", () => {
  it("offers a second chat to an agent with one open chat; the agent shows busy, then reserved", () => {
    const engine = setUp({}, [{}]);
    enqueue(engine, 0, chat("c1"));
    engine.accept({ at: 1, tenantId: T, interactionId: "c1", agentId: "a1" });
    expect(engine.agent(T, "a1").label).toBe("busy");
    expect(pairs(enqueue(engine, 2, chat("c2")))).toEqual(["c2->a1"]);
    expect(engine.agent(T, "a1").label).toBe("reserved");
  });

  it("does not offer a chat to an agent on a voice call when voice is exclusive", () => {
    const engine = setUp({}, [{}]);
    enqueue(engine, 0, { interactionId: "v1", channel: "voice", queueId: "q" });
    engine.accept({ at: 1, tenantId: T, interactionId: "v1", agentId: "a1" });
    expect(pairs(enqueue(engine, 2, chat("c1")))).toEqual([]);
    engine.complete({ at: 3, tenantId: T, interactionId: "v1" });
    expect(engine.agent(T, "a1").label).toBe("wrap_up");
    expect(
      pairs(engine.closeWrapUp({ at: 4, tenantId: T, interactionId: "v1", disposition: "sold" })),
    ).toEqual(["c1->a1"]);
  });

  it("closes wrap-up by itself when the limit passes and the agent returns to available", () => {
    const engine = setUp({ wrapUpLimitMs: 30_000 }, [{}]);
    enqueue(engine, 0, chat("c1"));
    engine.accept({ at: 1, tenantId: T, interactionId: "c1", agentId: "a1" });
    engine.complete({ at: 10, tenantId: T, interactionId: "c1" });
    const out = engine.tick(30_010);
    expect(out.find((e) => e.type === "wrap_up_closed")).toMatchObject({ automatic: true, agentId: "a1" });
    expect(engine.agent(T, "a1").label).toBe("available");
    expect(engine.interaction(T, "c1")).toBeUndefined();
  });

  it("will not log out an agent with a live conversation", () => {
    const engine = setUp({}, [{}]);
    enqueue(engine, 0, chat("c1"));
    engine.accept({ at: 1, tenantId: T, interactionId: "c1", agentId: "a1" });
    expect(() => engine.setAgentState({ at: 2, tenantId: T, agentId: "a1", state: "offline" })).toThrow(
      expect.objectContaining({ code: "agent_has_work" }),
    );
  });

  it("accepts only the tenant's own not-ready reasons (and the system's missed)", () => {
    const engine = setUp({}, [{}]);
    engine.configureTenant({ at: 0, tenantId: T, notReadyReasons: ["lunch"] });
    expect(() =>
      engine.setAgentState({ at: 1, tenantId: T, agentId: "a1", state: { notReady: "nap" } }),
    ).toThrow(expect.objectContaining({ code: "unknown_not_ready_reason" }));
    engine.setAgentState({ at: 1, tenantId: T, agentId: "a1", state: { notReady: "lunch" } });
    expect(engine.agent(T, "a1").label).toBe("not_ready(lunch)");
  });
});

describe("affinity and transfers", () => {
  it("waits for the preferred agent while they are logged in, then offers to anyone", () => {
    const engine = setUp({ affinityTimeoutMs: 20_000 }, [{}, {}]);
    engine.setAgentState({ at: 0, tenantId: T, agentId: "a2", state: { notReady: "break" } });
    expect(pairs(enqueue(engine, 0, chat("c1", { preferredAgentId: "a2" })))).toEqual([]);
    const out = engine.tick(20_000);
    expect(out.some((e) => e.type === "affinity_expired")).toBe(true);
    expect(pairs(out)).toEqual(["c1->a1"]);
  });

  it("does not wait for a preferred agent who is logged out", () => {
    const engine = setUp({ affinityTimeoutMs: 20_000 }, [{}, {}]);
    engine.setAgentState({ at: 0, tenantId: T, agentId: "a2", state: "offline" });
    expect(pairs(enqueue(engine, 0, chat("c1", { preferredAgentId: "a2" })))).toEqual(["c1->a1"]);
  });

  it("transfers a connected chat to a named agent, freeing the first agent's slot", () => {
    const engine = setUp({}, [{}, {}]);
    enqueue(engine, 0, chat("c1"));
    engine.accept({ at: 1, tenantId: T, interactionId: "c1", agentId: "a1" });
    const out = engine.transfer({ at: 2, tenantId: T, interactionId: "c1", to: { agentId: "a2" } });
    expect(pairs(out)).toEqual(["c1->a2"]);
    expect(offers(out)[0]?.explanation.rule).toBe("affinity");
    expect(engine.agent(T, "a1").load.chat).toBe(0);
  });

  it("transfers to another queue, where the interaction starts a fresh wait", () => {
    const engine = setUp({}, [{ teamIds: ["red"] }]);
    engine.upsertQueue({ at: 0, tenantId: T, queue: queueConfig({ queueId: "vip", teamIds: ["gold"] }) });
    enqueue(engine, 0, chat("c1"));
    engine.accept({ at: 1, tenantId: T, interactionId: "c1", agentId: "a1" });
    engine.transfer({ at: 5, tenantId: T, interactionId: "c1", to: { queueId: "vip" } });
    expect(engine.interaction(T, "c1")).toMatchObject({ state: "queued", queueId: "vip", enqueuedAt: 5 });
  });
});

describe("overflow and business hours", () => {
  it("moves an interaction to the overflow queue when it has waited the maximum", () => {
    const engine = setUp({ maxWaitMs: 60_000, overflow: { type: "queue", queueId: "backup" } }, []);
    engine.upsertQueue({ at: 0, tenantId: T, queue: queueConfig({ queueId: "backup" }) });
    enqueue(engine, 0, chat("c1"));
    const out = engine.tick(60_000);
    expect(out.find((e) => e.type === "overflowed")).toMatchObject({ reason: "max_wait", fromQueueId: "q" });
    expect(engine.interaction(T, "c1")).toMatchObject({ queueId: "backup", state: "queued" });
  });

  it("offers a callback instead when the queue is full", () => {
    const engine = setUp({ maxSize: 1, overflow: { type: "callback" } }, []);
    enqueue(engine, 0, chat("c1"));
    const out = enqueue(engine, 1, chat("c2"));
    expect(out.find((e) => e.type === "overflowed")).toMatchObject({ reason: "queue_full" });
    expect(engine.interaction(T, "c2")).toBeUndefined();
    expect(engine.interaction(T, "c2:callback")).toMatchObject({ channel: "callback", state: "queued" });
  });

  it("closes contacts with a message outside business hours", () => {
    const calendar = { timeZone: "Asia/Jakarta", weekly: { 1: [["08:00", "17:00"]] as [string, string][] } };
    const engine = setUp({ calendar, closedAction: { type: "close", message: "Open Mon 08-17 WIB" } }, [{}]);
    const sundayNoon = Date.UTC(2025, 7, 24, 5, 0);
    const out = enqueue(engine, sundayNoon, chat("c1"));
    expect(out.find((e) => e.type === "overflowed")).toMatchObject({ reason: "queue_closed" });
    expect(out.find((e) => e.type === "interaction_transitioned" && e.to === "closed")).toBeDefined();
  });
});

describe("tenants", () => {
  it("never offers an interaction to an agent of another tenant, even with the same ids", () => {
    const engine = new RoutingEngine();
    engine.upsertQueue({ at: 0, tenantId: "t1", queue: queueConfig({ queueId: "q" }) });
    engine.upsertQueue({ at: 0, tenantId: "t2", queue: queueConfig({ queueId: "q", tenantId: "t2" }) });
    engine.agentLogin({ at: 0, tenantId: "t2", profile: agentProfile({ agentId: "a1", tenantId: "t2" }) });
    expect(pairs(enqueue(engine, 1, chat("c1")))).toEqual([]);
    expect(pairs(engine.enqueue({ at: 2, tenantId: "t2", interaction: chat("c1") }))).toEqual(["c1->a1"]);
  });
});

describe("persistence", () => {
  const commands: RoutingCommand[] = [
    { type: "queue_upserted", eventId: "e1", at: 0, tenantId: T, queue: queueConfig({ queueId: "q" }) },
    { type: "agent_logged_in", eventId: "e2", at: 0, tenantId: T, profile: agentProfile({ agentId: "a1" }) },
    { type: "interaction_enqueued", eventId: "e3", at: 5, tenantId: T, interaction: chat("c1") },
    {
      type: "interaction_enqueued",
      eventId: "e4",
      at: 6,
      tenantId: T,
      interaction: { ...chat("v1"), channel: "voice" },
    },
    { type: "interaction_enqueued", eventId: "e5", at: 7, tenantId: T, interaction: chat("c2") },
  ];

  it("rebuilds the same state by replaying the command log, ignoring ids it has already seen", () => {
    const live = new RoutingEngine();
    const events = live.replay(commands);
    const rebuilt = new RoutingEngine();
    expect(rebuilt.replay([...commands, ...commands])).toEqual(events);
    expect(rebuilt.waitingOrder(T, "q")).toEqual(live.waitingOrder(T, "q"));
    expect(rebuilt.snapshot()).toEqual(live.snapshot());
  });

  it("restores from a snapshot with the offer in flight, which still times out on schedule", () => {
    const live = new RoutingEngine();
    live.replay(commands);
    const restored = RoutingEngine.restore(JSON.parse(JSON.stringify(live.snapshot())));
    expect(restored.pendingOffers()).toEqual(live.pendingOffers());
    expect(restored.waitingOrder(T, "q")).toEqual(["v1", "c2"]);
    expect(restored.nextDeadline()).toBe(live.nextDeadline());
    expect(restored.tick(60_000)).toEqual(live.tick(60_000));
  });
});

describe("queue configuration", () => {
  it("refuses to add a queue twice or update one that does not exist", () => {
    const engine = setUp({}, []);
    expect(() => engine.addQueue({ at: 1, tenantId: T, queue: queueConfig({ queueId: "q" }) })).toThrow(
      expect.objectContaining({ code: "queue_exists" }),
    );
    expect(() => engine.updateQueue({ at: 1, tenantId: T, queue: queueConfig({ queueId: "nope" }) })).toThrow(
      expect.objectContaining({ code: "queue_not_found" }),
    );
  });

  it("applies an update to contacts already waiting, keeping their place and wait time", () => {
    const engine = setUp({ skills: [{ skill: "tech", minLevel: 8 }] }, [{ skills: { tech: 4 } }]);
    enqueue(engine, 0, chat("c1"));
    const out = engine.updateQueue({
      at: 5_000,
      tenantId: T,
      queue: queueConfig({ queueId: "q", skills: [{ skill: "tech", minLevel: 4 }] }),
    });
    expect(pairs(out)).toEqual(["c1->a1"]);
    expect(offers(out)[0]?.explanation.waitedMs).toBe(5_000);
  });
});
