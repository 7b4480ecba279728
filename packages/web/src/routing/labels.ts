import type { TFunction } from "i18next";
import type { Channel, StateKind } from "../api/routing-types";

/** Mantine colour per agent state: green means "can take work", the rest say why not. */
export const STATE_COLOR: Record<StateKind, string> = {
  available: "teal",
  reserved: "yellow",
  busy: "blue",
  wrap_up: "violet",
  not_ready: "orange",
  offline: "gray",
};

export function stateColor(kind: string): string {
  return STATE_COLOR[kind as StateKind] ?? "gray";
}

/** Reason and disposition codes are tenant vocabulary: the known ones are translated, others shown tidied. */
function tidy(code: string): string {
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function reasonLabel(t: TFunction, code: string): string {
  return t(`reasons.${code}`, { defaultValue: tidy(code) });
}

export function dispositionLabel(t: TFunction, code: string): string {
  return t(`dispositions.${code}`, { defaultValue: tidy(code) });
}

export function stateLabel(t: TFunction, kind: string, reason?: string): string {
  const state = t(`agentState.${kind}`, { defaultValue: tidy(kind) });
  return reason ? `${state} · ${reasonLabel(t, reason)}` : state;
}

export function channelLabel(t: TFunction, channel: Channel): string {
  return t(`channels.${channel}`);
}
