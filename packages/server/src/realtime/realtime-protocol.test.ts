import { describe, expect, it } from "vitest";
import { authorizeTopic } from "./realtime-protocol.js";

const agent = { id: "11111111-1111-4111-8111-111111111111", role: "agent" as const };
const supervisor = { id: "22222222-2222-4222-8222-222222222222", role: "supervisor" as const };
const queue = "33333333-3333-4333-8333-333333333333";

describe("realtime topic authorization", () => {
  it.each([
    [agent, "agent:me", true, `agent:${agent.id}`],
    [agent, `agent:${agent.id}`, true, `agent:${agent.id}`],
    [agent, `agent:${supervisor.id}`, false, "topic_forbidden"],
    [agent, "wallboard", false, "topic_forbidden"],
    [agent, "tenant", false, "topic_forbidden"],
    [agent, `queue:${queue}`, true, `queue:${queue}`],
    [supervisor, "wallboard", true, "wallboard"],
    [supervisor, `agent:${agent.id}`, true, `agent:${agent.id}`],
    [supervisor, "queue:not-a-uuid", false, "unknown_topic"],
    [supervisor, "weather", false, "unknown_topic"],
  ] as const)("%o subscribing to %s: allowed %s (%s)", (actor, topic, ok, outcome) => {
    const decision = authorizeTopic(actor, topic);
    expect(decision.ok).toBe(ok);
    expect(decision.ok ? decision.topic : decision.code).toBe(outcome);
  });
});
