import type { AgentProfile, CapacityProfile, QueueConfig } from "./types.js";

/** Defaults for the fields tests, demos and benchmarks rarely care about. */
export const VOICE_OR_CHATS: CapacityProfile = { max: { voice: 1, chat: 3, email: 5 }, exclusive: ["voice"] };

export function agentProfile(fields: Partial<AgentProfile> & Pick<AgentProfile, "agentId">): AgentProfile {
  return {
    tenantId: "t1",
    skills: {},
    languages: ["id"],
    teamIds: [],
    capacity: VOICE_OR_CHATS,
    ...fields,
  };
}

export function queueConfig(fields: Partial<QueueConfig> & Pick<QueueConfig, "queueId">): QueueConfig {
  return {
    tenantId: "t1",
    channels: ["voice", "chat", "email", "message", "callback", "outbound"],
    policy: "longest_idle",
    ...fields,
  };
}
