import { MantineProvider } from "@mantine/core";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { i18n } from "i18next";
import { type ReactNode, useState } from "react";
import { I18nextProvider } from "react-i18next";
import { ApiError } from "./api/http";
import { queryKeys } from "./api/keys";
import { RealtimeProvider } from "./realtime/RealtimeProvider";
import type { SocketLike } from "./realtime/realtime-client";
import { theme } from "./theme/theme";

function newQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A 401 on any query means the session ended (expired, revoked, logged out elsewhere): show the login.
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) client.setQueryData(queryKeys.me, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

export interface AppProvidersProps {
  children: ReactNode;
  i18n: i18n;
  queryClient?: QueryClient;
  openSocket?: () => SocketLike;
}

/** Everything a screen needs around it; tests render screens inside the same providers. */
export function AppProviders({ children, i18n, queryClient, openSocket }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? newQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={client}>
          {openSocket ? (
            <RealtimeProvider open={openSocket}>{children}</RealtimeProvider>
          ) : (
            <RealtimeProvider>{children}</RealtimeProvider>
          )}
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
