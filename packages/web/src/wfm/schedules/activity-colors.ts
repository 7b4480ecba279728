import type { ActivityKind } from "../../api/wfm";

/** Mantine colour variables per activity, shared by the Gantt, the agent's own schedule and adherence. */
export const ACTIVITY_COLOR: Record<ActivityKind, string> = {
  work: "var(--mantine-color-teal-6)",
  break: "var(--mantine-color-yellow-5)",
  lunch: "var(--mantine-color-orange-5)",
  prayer: "var(--mantine-color-indigo-4)",
  training: "var(--mantine-color-grape-5)",
  off: "var(--mantine-color-gray-4)",
};

export const ACTIVITY_KINDS = Object.keys(ACTIVITY_COLOR) as ActivityKind[];

export function activityColor(kind: string | null): string {
  return ACTIVITY_COLOR[kind as ActivityKind] ?? "var(--mantine-color-gray-5)";
}
