import type { Locale, Role } from "@sentra/core";

/** The shapes the API answers with (see packages/server/src/http/routes). */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Me {
  kind: "user" | "api_key";
  id: string;
  tenantId: string;
  role: Role;
  name: string;
}

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultLocale: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface LoginReply {
  token: string;
  expiresAt: string;
  user: User;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  /** The full key: shown once, never retrievable again. */
  key: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
}
