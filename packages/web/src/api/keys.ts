/** TanStack Query keys in one place, so invalidation after a change or a realtime event hits every view. */
export const queryKeys = {
  me: ["me"] as const,
  tenant: ["tenant"] as const,
  users: ["users"] as const,
  usersPage: (cursor: string | null) => ["users", "page", cursor] as const,
  allUsers: ["users", "all"] as const,
  teams: ["teams"] as const,
  apiKeys: ["api-keys"] as const,
  audit: ["audit"] as const,
  auditPage: (cursor: string | null) => ["audit", "page", cursor] as const,
};
