import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { fetchInteraction, routingKeys } from "../api/routing";
import type {
  AgentStatus,
  AgentView,
  Interaction,
  OfferMadeData,
  TransitionData,
} from "../api/routing-types";
import type { RealtimeEvent } from "../realtime/realtime-client";
import { useRealtime } from "../realtime/useRealtime";
import { deskReducer, INITIAL_DESK, type WorkItem } from "./desk-state";

const STILL_MINE = new Set(["connected", "wrap_up"]);

function readSaved(key: string): WorkItem[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? "[]");
    return Array.isArray(parsed) ? (parsed as WorkItem[]) : [];
  } catch {
    return [];
  }
}

function fromTransition(data: TransitionData): Interaction {
  return {
    interactionId: data.interactionId,
    channel: data.channel,
    state: data.to,
    queueId: data.queueId,
    enqueuedAt: data.enqueuedAt,
    relaxationStep: 0,
    live: true,
  };
}

/**
 * The agent desk's live state: the ringing offer, the conversations on the desk and this session's counts,
 * driven by the `agent:<id>` topic. Open conversations are kept in sessionStorage so a reload brings the tabs
 * back (checked against the server: only those still connected to this agent return).
 */
export function useAgentDesk(userId: string, initial: AgentView | undefined) {
  const client = useQueryClient();
  const [desk, dispatch] = useReducer(deskReducer, INITIAL_DESK);
  // Customer ids arrive on the queue topics (interaction_created), before the offer names the interaction.
  const customers = useRef(new Map<string, string>());
  const storageKey = `sentra.desk.${userId}`;

  useEffect(() => {
    const saved = readSaved(storageKey);
    if (saved.length === 0) return;
    let cancelled = false;
    void Promise.all(
      saved.map((item) =>
        fetchInteraction(item.interactionId).then(
          (now) => ({ item, now }),
          () => null,
        ),
      ),
    ).then((results) => {
      if (cancelled) return;
      const alive = results.flatMap((result) =>
        result?.now.live && result.now.agentId === userId && STILL_MINE.has(result.now.state)
          ? [
              {
                ...result.item,
                phase: result.now.state === "wrap_up" ? ("wrap_up" as const) : ("active" as const),
              },
            ]
          : [],
      );
      dispatch({ type: "restored", work: alive });
    });
    return () => {
      cancelled = true;
    };
  }, [storageKey, userId]);

  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(desk.work));
  }, [storageKey, desk.work]);

  const showOffer = useCallback((interactionId: string, queueId: string, expiresAt: number | null) => {
    const customerId = customers.current.get(interactionId);
    dispatch({
      type: "offered",
      offer: {
        interactionId,
        queueId,
        expiresAt,
        offeredAt: Date.now(),
        ...(customerId ? { customerId } : {}),
      },
    });
    fetchInteraction(interactionId).then(
      (interaction) => dispatch({ type: "offer_details", interaction }),
      () => {},
    );
  }, []);

  // An offer already ringing when the desk loads (a reload mid-offer): show it, without a known deadline.
  const ringingOnLoad = initial?.offeredInteractionId;
  useEffect(() => {
    if (!ringingOnLoad) return;
    fetchInteraction(ringingOnLoad).then(
      (interaction) => showOffer(ringingOnLoad, interaction.queueId, null),
      () => {},
    );
  }, [ringingOnLoad, showOffer]);

  useRealtime(`agent:${userId}`, (event: RealtimeEvent) => {
    switch (event.type) {
      case "routing.offer_made": {
        const data = event.data as OfferMadeData;
        if (data.agentId === userId) showOffer(data.interactionId, data.queueId, data.expiresAt);
        break;
      }
      case "routing.offer_withdrawn": {
        const data = event.data as { interactionId: string; reason: string };
        const declined = data.reason === "rejected" || data.reason === "offer_timeout";
        dispatch({ type: "offer_gone", interactionId: data.interactionId, declined });
        break;
      }
      case "routing.interaction_transitioned":
        onTransition(event.data as TransitionData, Date.parse(event.at));
        break;
      case "routing.agent_state_changed": {
        const data = event.data as { to: AgentStatus };
        client.setQueryData<AgentView>(routingKeys.myState, (view) =>
          view ? { ...view, status: data.to } : view,
        );
        break;
      }
    }
  });

  const onTransition = (data: TransitionData, at: number) => {
    if (data.to === "connected" && data.agentId === userId) {
      connected(fromTransition(data), at);
    } else if (data.to === "wrap_up") {
      dispatch({ type: "wrap_up", interactionId: data.interactionId, at });
    } else if (data.to === "closed" && data.from === "wrap_up") {
      dispatch({ type: "closed", interactionId: data.interactionId, at });
    } else if (data.from === "connected" || data.from === "wrap_up") {
      dispatch({ type: "left", interactionId: data.interactionId });
    }
  };

  const connected = (interaction: Interaction, at = Date.now()) => {
    const customerId = customers.current.get(interaction.interactionId);
    dispatch({ type: "connected", interaction, at, ...(customerId ? { customerId } : {}) });
  };

  const onQueueEvent = useCallback((event: RealtimeEvent) => {
    if (event.type !== "routing.interaction_created") return;
    const data = event.data as { interactionId: string; customerId?: string };
    if (data.customerId) customers.current.set(data.interactionId, data.customerId);
  }, []);

  return { desk, dispatch, connected, onQueueEvent };
}
