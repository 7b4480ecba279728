import type { NewUserBody, TeamBody, UserPatchBody } from "@sentra/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, pageQuery } from "./http";
import { queryKeys } from "./keys";
import type { Page, Team, User } from "./types";

export const USERS_PAGE_SIZE = 20;

export function useUsersPage(cursor: string | null) {
  return useQuery({
    queryKey: queryKeys.usersPage(cursor),
    queryFn: () => api<Page<User>>(`/users${pageQuery(USERS_PAGE_SIZE, cursor)}`),
    placeholderData: (previous) => previous,
  });
}

/** Pages through every list page; for pickers and name lookups, where a tenant's staff fits in memory. */
async function fetchAll<T>(path: string): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>(`${path}${pageQuery(200, cursor)}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < 10_000);
  return all;
}

export function useAllUsers(enabled = true) {
  return useQuery({ queryKey: queryKeys.allUsers, queryFn: () => fetchAll<User>("/users"), enabled });
}

export function useTeams() {
  return useQuery({ queryKey: queryKeys.teams, queryFn: () => fetchAll<Team>("/teams") });
}

export function useSaveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; patch: UserPatchBody } | { id: null; body: NewUserBody }) =>
      input.id === null
        ? api<User>("/users", { method: "POST", body: input.body })
        : api<User>(`/users/${input.id}`, { method: "PATCH", body: input.patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useSaveTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: TeamBody }) =>
      input.id === null
        ? api<Team>("/teams", { method: "POST", body: input.body })
        : api<Team>(`/teams/${input.id}`, { method: "PATCH", body: input.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.teams }),
  });
}

export function useDeleteTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/teams/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.teams }),
  });
}
