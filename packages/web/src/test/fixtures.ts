import type { Me, Tenant, User } from "../api/types";

export const tenant: Tenant = {
  id: "11111111-1111-4111-8111-111111111111",
  slug: "acme",
  name: "Acme Jakarta",
  timeZone: "Asia/Jakarta",
  defaultLocale: "id",
};

export const admin: Me = {
  kind: "user",
  id: "22222222-2222-4222-8222-222222222222",
  tenantId: tenant.id,
  role: "admin",
  name: "Ayu Admin",
};

export function user(overrides: Partial<User> = {}): User {
  return {
    id: "33333333-3333-4333-8333-333333333333",
    email: "budi@acme.test",
    displayName: "Budi Santoso",
    role: "agent",
    locale: "id",
    disabled: false,
    lockedUntil: null,
    createdAt: "2026-03-01T02:30:00.000Z",
    ...overrides,
  };
}
