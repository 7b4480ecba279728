import WebSocket from "ws";
import type { SentraApp } from "../http/api.js";
import { ApiClient } from "./api-client.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./test-platform.js";

export type VisitorAttachment = { id: string; fileName: string; contentType: string; sizeBytes: number };
export type VisitorMessage = {
  id: string;
  from: "visitor" | "agent";
  text: string;
  createdAt: string;
  attachments: VisitorAttachment[];
};
export type VisitorPush = {
  type: string;
  message?: VisitorMessage;
  typing?: boolean;
  upTo?: string;
  by?: string;
};

/** A visitor's socket that records what the server pushed. */
export class VisitorSocket {
  readonly pushes: VisitorPush[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => this.pushes.push(JSON.parse(String(data)) as VisitorPush));
  }
  static async open(baseUrl: string, token: string, after?: string): Promise<VisitorSocket> {
    const query = `token=${encodeURIComponent(token)}${after ? `&after=${after}` : ""}`;
    const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/v1/webchat/socket?${query}`);
    // Listening before the socket opens: the server may push the missed messages right away.
    const visitor = new VisitorSocket(socket);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return visitor;
  }
  send(frame: unknown): void {
    this.socket.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }
  async next(match: (p: VisitorPush) => boolean): Promise<VisitorPush> {
    for (let i = 0; i < 100; i++) {
      const found = this.pushes.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching push; saw ${JSON.stringify(this.pushes)}`);
  }
  close(): void {
    this.socket.close();
  }
}

export async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The visitor API as one token holder, through inject. */
export function visitorApi(app: SentraApp, token: string) {
  const call = async (method: "GET" | "POST", url: string, payload?: unknown, headers = {}) => {
    const reply = await app.inject({
      method,
      url: `/api/v1/webchat${url}`,
      headers: { "x-webchat-token": token, ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    const json = reply.headers["content-type"]?.toString().includes("json");
    return {
      status: reply.statusCode,
      // biome-ignore lint/suspicious/noExplicitAny: test replies are inspected field by field
      body: (json ? reply.json() : reply.rawPayload) as any,
      headers: reply.headers,
    };
  };
  return {
    get: (url: string) => call("GET", url),
    post: (url: string, payload?: unknown) => call("POST", url, payload ?? {}),
    upload: (bytes: Uint8Array, contentType: string | undefined, fileName: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/webchat/attachments",
        headers: {
          "x-webchat-token": token,
          "x-file-name": encodeURIComponent(fileName),
          ...(contentType ? { "content-type": contentType } : {}),
        },
        payload: Buffer.from(bytes),
      }),
  };
}

/** A tenant ready for chats: an available agent who takes chats and email, a queue for both, a chat key. */
export async function chatTenant(
  app: SentraApp,
  agentEmail: string,
  keyBody: Record<string, unknown> = {},
  adminLogin: { email: string; password: string } = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
) {
  const anonymous = new ApiClient(app);
  const admin = await anonymous.login(adminLogin.email, adminLogin.password);
  const agentId = (
    await admin.post<{ id: string }>("/api/v1/users", {
      email: agentEmail,
      displayName: "Dewi",
      role: "agent",
      password: "dewi-password-123",
    })
  ).body.id;
  const agent = await anonymous.login(agentEmail, "dewi-password-123");
  const queueId = (
    await admin.post<{ id: string }>("/api/v1/queues", {
      name: `Website ${agentEmail}`,
      settings: { channels: ["chat", "email"] },
    })
  ).body.id;
  await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, {
    languages: ["id", "en"],
    capacity: { max: { chat: 3, email: 5 } },
  });
  await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
  const key = await admin.post<{ id: string; publicKey: string }>("/api/v1/channels/web-chat", {
    name: "Website",
    queueId,
    language: "id",
    ...keyBody,
  });
  if (key.status !== 201) throw new Error(`key not created: ${JSON.stringify(key.body)}`);
  const startChat = async (extra: Record<string, unknown> = {}) => {
    const reply = await anonymous.post<{ token: string; conversationId: string }>(
      "/api/v1/webchat/sessions",
      {
        key: key.body.publicKey,
        name: "Budi",
        email: "budi@visitor.test",
        topic: "Kartu kredit",
        ...extra,
      },
    );
    if (reply.status !== 201) throw new Error(`chat not started: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  return { admin, agent, agentId, queueId, keyId: key.body.id, publicKey: key.body.publicKey, startChat };
}
