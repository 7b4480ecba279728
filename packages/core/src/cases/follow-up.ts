import type { BusinessCalendar } from "../routing/types.js";
import { addBusinessTime } from "./business-time.js";
import { type EscalationTier, tierRank } from "./case-lifecycle.js";

export const FOLLOW_UP_CHANNELS = ["callback", "outbound"] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

/** What happened to a case that may call for getting back to the customer. */
export type FollowUpTrigger =
  | { readonly kind: "callback_requested"; readonly reason: string; readonly dueAt?: number | undefined }
  | { readonly kind: "escalated"; readonly toTier: EscalationTier }
  | { readonly kind: "resolved"; readonly highestTier: EscalationTier };

export interface FollowUpPlan {
  readonly channel: FollowUpChannel;
  readonly dueAt: number;
  readonly reason: string;
}

export interface FollowUpContext {
  readonly now: number;
  readonly calendar?: BusinessCalendar | undefined;
  /** Business time within which the customer should hear back. */
  readonly followUpMs: number;
}

/**
 * The house rule for follow-ups: a customer who asked to be called back gets a callback; a customer whose case
 * went to the back office is told so; a customer whose escalated case is resolved is told the result. Plain
 * resolutions at the first tier need none — the agent told the customer in the conversation.
 */
export function followUpFor(trigger: FollowUpTrigger, context: FollowUpContext): FollowUpPlan | null {
  const soon = () => addBusinessTime(context.calendar, context.now, context.followUpMs);
  switch (trigger.kind) {
    case "callback_requested":
      return { channel: "callback", dueAt: trigger.dueAt ?? soon(), reason: trigger.reason };
    case "escalated":
      return trigger.toTier === "back_office"
        ? {
            channel: "outbound",
            dueAt: soon(),
            reason: "Tell the customer the case went to the back office and when to expect an answer.",
          }
        : null;
    case "resolved":
      return tierRank(trigger.highestTier) > tierRank("agent")
        ? { channel: "outbound", dueAt: soon(), reason: "Inform the customer of the escalation result." }
        : null;
  }
}
