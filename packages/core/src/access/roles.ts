/**
 * Who may do what. Roles are fixed by the product (they map to the screens people use); permissions are the
 * finer-grained actions the API checks on every route.
 */
export const ROLES = ["admin", "supervisor", "agent", "qa", "wfm"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "tenant:read",
  "users:read",
  "users:manage",
  "teams:read",
  "teams:manage",
  "api_keys:manage",
  "audit:read",
  "realtime:wallboard",
  "realtime:queue",
  "realtime:own_work",
  "routing:configure",
  "routing:read",
  "routing:work",
  "routing:supervise",
  "interactions:create",
  "stats:read",
  "wfm:read",
  "wfm:plan",
  "cases:read",
  "cases:work",
  "cases:manage",
  "kb:read",
  "kb:write",
  "customers:read",
  "customers:write",
  "customers:merge",
  "customers:import",
  "customers:export",
  "customers:erase",
  "customers:unmask",
  "privacy:manage",
  "conversations:read",
  "conversations:reply",
  "channels:manage",
  "voice:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  supervisor: [
    "routing:read",
    "routing:work",
    "routing:supervise",
    "interactions:create",
    "stats:read",
    "tenant:read",
    "users:read",
    "teams:read",
    "teams:manage",
    "audit:read",
    "realtime:wallboard",
    "realtime:queue",
    "realtime:own_work",
    "wfm:read",
    "wfm:plan",
    "cases:read",
    "cases:work",
    "cases:manage",
    "kb:read",
    "kb:write",
    "customers:read",
    "customers:write",
    "customers:merge",
    "customers:import",
    "customers:export",
    "customers:unmask",
    "conversations:read",
    "conversations:reply",
  ],
  agent: [
    "tenant:read",
    "teams:read",
    "realtime:own_work",
    "realtime:queue",
    "routing:read",
    "routing:work",
    "cases:read",
    "cases:work",
    "kb:read",
    "customers:read",
    "customers:write",
    "conversations:read",
    "conversations:reply",
  ],
  qa: [
    "tenant:read",
    "users:read",
    "teams:read",
    "realtime:own_work",
    "routing:read",
    "stats:read",
    "cases:read",
    "kb:read",
    "kb:write",
    "customers:read",
    "conversations:read",
  ],
  wfm: [
    "routing:read",
    "stats:read",
    "tenant:read",
    "users:read",
    "teams:read",
    "realtime:wallboard",
    "realtime:queue",
    "realtime:own_work",
    "wfm:read",
    "wfm:plan",
    "kb:read",
  ],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
