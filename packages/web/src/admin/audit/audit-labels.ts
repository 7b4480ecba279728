import type { TFunction } from "i18next";
import type { AuditEntry, User } from "../../api/types";

/** "user.created" → its translation when one exists; routing and later modules' actions show their code. */
export function actionLabel(action: string, t: TFunction): string {
  const key = `audit.actions.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

export function actorLabel(entry: AuditEntry, usersById: Map<string, User>, t: TFunction): string {
  if (entry.actorType === "user" && entry.actorId) {
    return usersById.get(entry.actorId)?.displayName ?? entry.actorId.slice(0, 8);
  }
  const type = t(`audit.actorTypes.${entry.actorType}`, { defaultValue: entry.actorType });
  return entry.actorId ? `${type} ${entry.actorId.slice(0, 8)}` : type;
}

export function targetLabel(entry: AuditEntry, usersById: Map<string, User>, t: TFunction): string {
  if (!entry.targetType) return "";
  const type = t(`audit.targetTypes.${entry.targetType}`, { defaultValue: entry.targetType });
  if (!entry.targetId) return type;
  const user = entry.targetType === "user" ? usersById.get(entry.targetId) : undefined;
  return `${type}: ${user?.displayName ?? entry.targetId.slice(0, 8)}`;
}
