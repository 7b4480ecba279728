import type { SentraApp } from "../http/api.js";

export interface ApiReply<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Drives the API in-process through Fastify's inject, as a given token holder. */
export class ApiClient {
  constructor(
    private readonly app: SentraApp,
    readonly token: string | null = null,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.app, token);
  }

  async request<T = Record<string, unknown>>(
    method: Method,
    url: string,
    payload?: unknown,
  ): Promise<ApiReply<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const reply = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const text = reply.body;
    return {
      status: reply.statusCode,
      body: (text && reply.headers["content-type"]?.toString().includes("json")
        ? JSON.parse(text)
        : text) as T,
      headers: reply.headers,
    };
  }

  get<T = Record<string, unknown>>(url: string) {
    return this.request<T>("GET", url);
  }
  post<T = Record<string, unknown>>(url: string, payload?: unknown) {
    return this.request<T>("POST", url, payload);
  }
  patch<T = Record<string, unknown>>(url: string, payload?: unknown) {
    return this.request<T>("PATCH", url, payload);
  }
  delete<T = Record<string, unknown>>(url: string) {
    return this.request<T>("DELETE", url);
  }

  async login(email: string, password: string): Promise<ApiClient> {
    const reply = await this.post<{ token: string }>("/api/v1/auth/login", { email, password });
    if (reply.status !== 200)
      throw new Error(`login as ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return this.as(reply.body.token);
  }
}
