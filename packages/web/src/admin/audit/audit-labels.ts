import type { TFunction } from "i18next";
import type { AuditEntry, Team, User } from "../../api/types";

/** Names the audit rows can resolve ids to; entries also carry a name in their details at creation. */
export interface Directory {
  users: Map<string, User>;
  teams: Map<string, Team>;
  /** Names other entries recorded for a target (an API key's name at creation, for its revocation). */
  recorded: Map<string, string>;
}

export function detailsName(details: unknown): string | null {
  if (typeof details !== "object" || details === null || !("name" in details)) return null;
  return typeof details.name === "string" ? details.name : null;
}

/** Details worth showing: null, undefined and {} mean there is nothing more to say. */
export function hasDetails(details: unknown): boolean {
  if (details === null || details === undefined) return false;
  return typeof details !== "object" || Object.keys(details).length > 0;
}

/** "user.created" → its translation when one exists; routing and later modules' actions show their code. */
export function actionLabel(action: string, t: TFunction): string {
  const key = `audit.actions.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

export function actorLabel(entry: AuditEntry, directory: Directory, t: TFunction): string {
  if (entry.actorType === "user" && entry.actorId) {
    return directory.users.get(entry.actorId)?.displayName ?? entry.actorId.slice(0, 8);
  }
  const type = t(`audit.actorTypes.${entry.actorType}`, { defaultValue: entry.actorType });
  return entry.actorId ? `${type} ${entry.actorId.slice(0, 8)}` : type;
}

export function targetLabel(entry: AuditEntry, directory: Directory, t: TFunction): string {
  if (!entry.targetType) return "";
  const type = t(`audit.targetTypes.${entry.targetType}`, { defaultValue: entry.targetType });
  if (!entry.targetId) return type;
  const name =
    (entry.targetType === "user" ? directory.users.get(entry.targetId)?.displayName : undefined) ??
    (entry.targetType === "team" ? directory.teams.get(entry.targetId)?.name : undefined) ??
    detailsName(entry.details) ??
    directory.recorded.get(entry.targetId) ??
    entry.targetId.slice(0, 8);
  return `${type}: ${name}`;
}
