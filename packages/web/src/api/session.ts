import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "./http";
import { queryKeys } from "./keys";
import type { LoginReply, Me, Tenant } from "./types";

/** Who is logged in, or null when nobody is (the cookie is missing or expired). */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>("/auth/me");
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useTenant(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.tenant,
    queryFn: () => api<Tenant>("/tenant"),
    enabled,
    staleTime: 30 * 60_000,
  });
}

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Logs in. `beforeSession` runs before the app learns who is logged in — the login page unmounts right after,
 * so per-call callbacks would not run; this is where the user's language is applied.
 */
export function useLogin(beforeSession?: (reply: LoginReply) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      api<LoginReply>("/auth/login", { method: "POST", body: credentials }),
    onSuccess: async (reply) => {
      beforeSession?.(reply);
      await client.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/auth/logout", { method: "POST" }),
    // Whatever the server said, this browser is done with the session: drop every cached answer.
    onSettled: () => {
      client.clear();
      client.setQueryData(queryKeys.me, null);
    },
  });
}
