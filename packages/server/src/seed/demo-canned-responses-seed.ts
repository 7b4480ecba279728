import { cannedResponseBody } from "@sentra/core";
import type { Services } from "../services.js";

const DEMO_CANNED = [
  {
    language: "id",
    shortcut: "salam",
    title: "Salam pembuka",
    body: "Selamat datang, {{customer.name}}. Saya {{agent.name}}, ada yang bisa saya bantu?",
  },
  {
    language: "id",
    shortcut: "tunggu",
    title: "Mohon menunggu",
    body: "Mohon menunggu sebentar, {{customer.name}}, kami sedang memeriksa data Anda.",
  },
  {
    language: "id",
    shortcut: "penutup",
    title: "Penutup",
    body: "Terima kasih telah menghubungi kami. Nomor referensi Anda {{conversation.id}}.",
  },
  {
    language: "en",
    shortcut: "hello",
    title: "Greeting",
    body: "Welcome, {{customer.name}}. I'm {{agent.name}}, how can I help?",
  },
  {
    language: "en",
    shortcut: "wait",
    title: "Please hold",
    body: "One moment please, {{customer.name}}, I'm checking your details.",
  },
] as const;

/** A few canned responses in both languages, so the desk's "/" picker has something to offer. */
export async function seedDemoCannedResponses(services: Services, tenantId: string): Promise<void> {
  const rows = DEMO_CANNED.map((entry) => ({ tenant_id: tenantId, ...cannedResponseBody.parse(entry) }));
  await services.db
    .insertInto("canned_responses")
    .values(rows)
    .onConflict((oc) => oc.columns(["tenant_id", "language", "shortcut"]).doNothing())
    .execute();
}
