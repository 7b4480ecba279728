import type { Channel, Interaction } from "../api/routing-types";

/** An offer ringing for this agent. Channel and wait come from GET /interactions/:id once it answers. */
export interface Offer {
  interactionId: string;
  queueId: string;
  /** Epoch ms; null when the desk learned of the offer on load and the server did not say when it ends. */
  expiresAt: number | null;
  offeredAt: number;
  customerId?: string;
  channel?: Channel;
  enqueuedAt?: number;
}

/** A conversation on this desk: talking ("active") or in after-contact work ("wrap_up"). */
export interface WorkItem {
  interactionId: string;
  channel: Channel;
  queueId: string;
  enqueuedAt: number;
  connectedAt: number;
  customerId?: string;
  phase: "active" | "wrap_up";
  wrapUpSince?: number;
}

/** Counted from the events this browser tab saw; the desk labels them "this session" for that reason. */
export interface SessionStats {
  offered: number;
  accepted: number;
  declined: number;
  handled: number;
  handleMs: number;
}

export interface DeskState {
  offer: Offer | null;
  work: WorkItem[];
  stats: SessionStats;
}

export type DeskAction =
  | { type: "offered"; offer: Offer }
  | { type: "offer_details"; interaction: Interaction }
  | { type: "offer_gone"; interactionId: string; declined: boolean }
  | { type: "connected"; interaction: Interaction; at: number; customerId?: string }
  | { type: "wrap_up"; interactionId: string; at: number }
  | { type: "closed"; interactionId: string; at: number }
  | { type: "left"; interactionId: string }
  | { type: "restored"; work: WorkItem[] };

export const EMPTY_STATS: SessionStats = { offered: 0, accepted: 0, declined: 0, handled: 0, handleMs: 0 };

export const INITIAL_DESK: DeskState = { offer: null, work: [], stats: EMPTY_STATS };

const without = (work: WorkItem[], id: string) => work.filter((item) => item.interactionId !== id);

/** Pure, so every realtime event and API reply goes through one place and repeats are harmless. */
export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.type) {
    case "offered":
      if (state.offer?.interactionId === action.offer.interactionId) return state;
      return { ...state, offer: action.offer, stats: { ...state.stats, offered: state.stats.offered + 1 } };
    case "offer_details": {
      const { interaction } = action;
      if (state.offer?.interactionId !== interaction.interactionId) return state;
      return {
        ...state,
        offer: {
          ...state.offer,
          channel: interaction.channel,
          enqueuedAt: interaction.enqueuedAt,
          // The queue topic may not have told this desk who the customer is (it subscribed late).
          ...(interaction.customerId && !state.offer.customerId
            ? { customerId: interaction.customerId }
            : {}),
        },
      };
    }
    case "offer_gone": {
      if (state.offer?.interactionId !== action.interactionId) return state;
      const declined = state.stats.declined + (action.declined ? 1 : 0);
      return { ...state, offer: null, stats: { ...state.stats, declined } };
    }
    case "connected": {
      const { interaction } = action;
      const offer = state.offer?.interactionId === interaction.interactionId ? null : state.offer;
      if (state.work.some((item) => item.interactionId === interaction.interactionId)) {
        return { ...state, offer };
      }
      const item: WorkItem = {
        interactionId: interaction.interactionId,
        channel: interaction.channel,
        queueId: interaction.queueId,
        enqueuedAt: interaction.enqueuedAt,
        connectedAt: action.at,
        phase: "active",
        ...(action.customerId ? { customerId: action.customerId } : {}),
      };
      const stats = { ...state.stats, accepted: state.stats.accepted + 1 };
      return { offer, work: [...state.work, item], stats };
    }
    case "wrap_up":
      return {
        ...state,
        work: state.work.map((item) =>
          item.interactionId === action.interactionId && item.phase === "active"
            ? { ...item, phase: "wrap_up", wrapUpSince: action.at }
            : item,
        ),
      };
    case "closed": {
      const item = state.work.find((candidate) => candidate.interactionId === action.interactionId);
      if (!item) return state;
      const stats = {
        ...state.stats,
        handled: state.stats.handled + 1,
        handleMs: state.stats.handleMs + Math.max(0, action.at - item.connectedAt),
      };
      return { ...state, work: without(state.work, action.interactionId), stats };
    }
    case "left":
      return { ...state, work: without(state.work, action.interactionId) };
    case "restored": {
      const known = new Set(state.work.map((item) => item.interactionId));
      return { ...state, work: [...state.work, ...action.work.filter((w) => !known.has(w.interactionId))] };
    }
  }
}
