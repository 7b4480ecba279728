import type { Locale } from "@sentra/core";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { vi } from "vitest";
import { AppProviders } from "../AppProviders";
import { createI18n } from "../i18n/i18n";
import type { SocketLike } from "../realtime/realtime-client";

type Route = (init: RequestInit | undefined) => { status: number; body?: unknown };

/** Answers fetch from a table of "METHOD /path" handlers; anything else is a test bug and fails loudly. */
export function stubApi(routes: Record<string, Route>) {
  const calls: { key: string; body: unknown }[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://sentra.test");
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    calls.push({ key, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const route = routes[key];
    if (!route) throw new Error(`unexpected request ${key}`);
    const { status, body } = route(init);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchStub);
  return calls;
}

/** A socket that never connects: the realtime client stays idle. */
const idleSocket = (): SocketLike => ({
  readyState: 0,
  send: () => {},
  close: () => {},
  onopen: null,
  onclose: null,
  onmessage: null,
});

export function renderApp(
  ui: ReactElement,
  {
    locale = "en" as Locale,
    path = "/",
    socket = idleSocket,
  }: { locale?: Locale; path?: string; socket?: () => SocketLike } = {},
) {
  const i18n = createI18n(locale);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <AppProviders i18n={i18n} queryClient={queryClient} openSocket={socket}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, i18n, queryClient };
}
