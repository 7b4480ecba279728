import { ManualClock } from "@sentra/core";
import { expect } from "vitest";
import { ApiClient } from "./api-client.js";
import {
  FakeMessagingProviders,
  postWebhook,
  signedForWhatsApp,
  TG_BOT_TOKEN,
  WA_ACCESS_TOKEN,
  WA_PHONE_NUMBER_ID,
  whatsappWebhook,
} from "./fake-messaging-providers.js";
import type { StoreTarget } from "./services-under-test.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPlatform, type TestPlatform } from "./test-platform.js";

export const APP_SECRET = "wa-app-secret-0123456789abcdef";
export const VERIFY_TOKEN = "verify-me-please";
export const TG_SECRET = "tg-secret-token_0123456789";
export const SMS_SECRET = "sms-signing-secret-0123456789";

export type Message = {
  id: string;
  direction: string;
  bodyText: string;
  deliveryStatus: string;
  providerMessageId: string | null;
  attempts: number;
  lastError: string | null;
  parseProblem: string | null;
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
};
export type Conversation = {
  id: string;
  channel: string;
  customerId: string | null;
  contactAddress: string | null;
  currentInteractionId: string | null;
  messages: Message[];
};
type Account = { id: string; url: string };

/**
 * A platform (on a ManualClock, so the outbox's backoff can be stepped) with an agent on a messaging queue,
 * a customer known by phone, the local fake providers, and one account per provider pointing at them.
 */
export class MessagingTestBed {
  readonly clock = new ManualClock(Date.now());
  readonly accounts: Record<"whatsapp" | "telegram" | "sms", Account> = {
    whatsapp: { id: "", url: "" },
    telegram: { id: "", url: "" },
    sms: { id: "", url: "" },
  };
  platform!: TestPlatform;
  fake!: FakeMessagingProviders;
  admin!: ApiClient;
  agent!: ApiClient;
  agentId = "";
  /** Siti Rahma, on file with 0812-3456-7890. */
  customerId = "";

  async start(target: StoreTarget): Promise<void> {
    this.fake = await FakeMessagingProviders.start(SMS_SECRET);
    this.platform = await startTestPlatform(target, {}, { clock: this.clock });
    const anonymous = new ApiClient(this.platform.app);
    this.admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    this.agentId = (
      await this.admin.post<{ id: string }>("/api/v1/users", {
        email: "wulan@acme.test",
        displayName: "Wulan",
        role: "agent",
        password: "wulan-password-123",
      })
    ).body.id;
    this.agent = await anonymous.login("wulan@acme.test", "wulan-password-123");
    const queueId = (
      await this.admin.post<{ id: string }>("/api/v1/queues", {
        name: "Messaging",
        settings: { channels: ["message"] },
      })
    ).body.id;
    await this.admin.request("PUT", `/api/v1/agents/${this.agentId}/profile`, {
      capacity: { max: { message: 5 } },
    });
    await this.agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    this.customerId = (
      await this.admin.post<{ id: string }>("/api/v1/customers", {
        fullName: "Siti Rahma",
        phones: ["0812-3456-7890"],
      })
    ).body.id;
    const create = async (body: Record<string, unknown>): Promise<Account> => {
      const reply = await this.admin.post<{ id: string; webhookPath: string }>("/api/v1/channels/messaging", {
        queueId,
        language: "id",
        ...body,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return { id: reply.body.id, url: `${this.platform.url}${reply.body.webhookPath}` };
    };
    this.accounts.whatsapp = await create({
      provider: "whatsapp",
      name: "WhatsApp CS",
      phoneNumberId: WA_PHONE_NUMBER_ID,
      apiBaseUrl: this.fake.graphBase,
      accessToken: WA_ACCESS_TOKEN,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
    });
    this.accounts.telegram = await create({
      provider: "telegram",
      name: "Telegram bot",
      apiBaseUrl: this.fake.url,
      botToken: TG_BOT_TOKEN,
      secretToken: TG_SECRET,
    });
    this.accounts.sms = await create({
      provider: "sms",
      name: "SMS",
      sendUrl: `${this.fake.url}/sms/send`,
      fromNumber: "+6281100000001",
      signingSecret: SMS_SECRET,
    });
  }

  async dispose(): Promise<void> {
    await this.platform?.dispose();
    await this.fake?.close();
  }

  async conversation(id: string): Promise<Conversation> {
    return (await this.admin.get<Conversation>(`/api/v1/conversations/${id}`)).body;
  }

  /** The conversation with this contact (E.164 phone or Telegram chat id), if there is one. */
  async conversationOf(contact: string): Promise<Conversation | undefined> {
    const list = await this.admin.get<{ items: { id: string; contactAddress: string | null }[] }>(
      "/api/v1/conversations?limit=200",
    );
    const found = list.body.items.find((c) => c.contactAddress === contact);
    return found ? this.conversation(found.id) : undefined;
  }

  async messageCount(): Promise<number> {
    const row = await this.platform.services.db
      .selectFrom("messages")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A webhook to the WhatsApp account, signed with the app secret as Meta signs it. */
  postWhatsApp(value: Record<string, unknown>) {
    const body = whatsappWebhook(value);
    return postWebhook(this.accounts.whatsapp.url, body, signedForWhatsApp(APP_SECRET, body));
  }

  waText(id: string, from: string, text: string) {
    return {
      contacts: [{ profile: { name: "Siti R." }, wa_id: from }],
      messages: [{ from, id, timestamp: "1763900000", type: "text", text: { body: text } }],
    };
  }

  waStatus(id: string, status: string, extra: Record<string, unknown> = {}) {
    return { statuses: [{ id, status, timestamp: "1763900100", recipient_id: "6281234567890", ...extra }] };
  }

  /** Waits for background work (the outbox, routing) to make `probe` answer, failing with what it last saw. */
  async eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
    let last: unknown;
    for (let i = 0; i < 100; i++) {
      const value = await probe().catch((error) => {
        last = error;
        return undefined;
      });
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
  }
}
