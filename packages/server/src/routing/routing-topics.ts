import type { RoutingEvent } from "@sentra/core";

/**
 * Which realtime topics see a routing event: the agent concerned sees their own offers and work, a queue's
 * watchers see its traffic, the wallboard sees agent states. Clients filter nothing themselves.
 */
export function topicsOf(event: RoutingEvent): string[] {
  const topics: string[] = [];
  switch (event.type) {
    case "agent_state_changed":
      topics.push(`agent:${event.agentId}`, "wallboard");
      break;
    case "overflowed":
      topics.push(`queue:${event.fromQueueId}`);
      break;
    case "interaction_created":
    case "relaxed":
      topics.push(`queue:${event.queueId}`);
      break;
    case "interaction_transitioned":
    case "offer_made":
    case "offer_withdrawn":
    case "affinity_expired":
    case "wrap_up_closed":
      topics.push(`queue:${event.queueId}`);
      if (event.agentId) topics.push(`agent:${event.agentId}`);
      break;
  }
  return topics;
}
