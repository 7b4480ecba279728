import { type IvrFlowInput, validateFlow } from "@sentra/core";
import type { Services } from "../services.js";

/** The numbers that reach the demo IVR: `sip:1000@127.0.0.1:5060` and its Jakarta landline form. */
export const DEMO_IVR_DIDS = ["1000", "+622150001000"] as const;
export const DEMO_IVR_FLOW_NAME = "Demo — Bank Sentra";

const WEEKDAY: [string, string][] = [["08:00", "20:00"]];

/**
 * The demo tenant's phone menu: a welcome, the language choice (1 Bahasa Indonesia, 2 English), opening
 * hours in WIB, then billing, complaints, a callback or any agent; after hours a callback or voicemail.
 * Prompt ids name the recordings the media engine plays in the caller's language.
 */
export function demoIvrFlow(queues: { phone: string }, skills: { komplain: string }): IvrFlowInput {
  const onHold = ["please-hold"];
  return {
    entry: "welcome",
    language: "id",
    nodes: {
      welcome: { type: "play", prompts: ["welcome"], next: "language" },
      language: {
        type: "menu",
        prompts: ["choose-language"],
        choices: { "1": "bahasa", "2": "english" },
        timeoutMs: 4_000,
        maxRetries: 1,
        fallback: "bahasa",
      },
      bahasa: { type: "setLanguage", language: "id", next: "hours" },
      english: { type: "setLanguage", language: "en", next: "hours" },
      hours: {
        type: "businessHours",
        hours: {
          timeZone: "Asia/Jakarta",
          weekly: {
            mon: WEEKDAY,
            tue: WEEKDAY,
            wed: WEEKDAY,
            thu: WEEKDAY,
            fri: WEEKDAY,
            sat: [["08:00", "14:00"]],
          },
          holidays: ["2026-12-25", "2027-01-01", "2027-08-17"],
        },
        open: "main",
        closed: "after-hours",
      },
      main: {
        type: "menu",
        prompts: ["main-menu"],
        choices: { "1": "billing", "2": "complaints", "3": "callback", "0": "agent" },
        invalidPrompts: ["invalid-choice"],
        timeoutPrompts: ["no-input"],
        maxRetries: 2,
        fallback: "agent",
      },
      billing: { type: "transfer", queueId: queues.phone, prompts: onHold },
      complaints: {
        type: "transfer",
        queueId: queues.phone,
        skills: [{ skill: skills.komplain, minLevel: 5 }],
        priority: 20,
        prompts: onHold,
      },
      agent: { type: "transfer", queueId: queues.phone, prompts: onHold },
      callback: {
        type: "callback",
        queueId: queues.phone,
        confirmPrompts: ["callback-confirm", { sayDigits: "callerNumber" }, "callback-press"],
        enterNumberPrompts: ["callback-enter-number"],
        donePrompts: ["callback-done"],
        fallback: "goodbye",
      },
      "after-hours": {
        type: "menu",
        prompts: ["closed-options"],
        choices: { "1": "callback", "2": "voicemail" },
        maxRetries: 1,
        fallback: "goodbye",
      },
      voicemail: { type: "voicemail", prompts: ["leave-message"], maxSeconds: 120 },
      goodbye: { type: "hangup", prompts: ["goodbye"] },
    },
  };
}

/** Publishes the demo flow as version 1 and maps the demo DIDs to it; skipped when the queue is missing. */
export async function seedDemoIvr(services: Services, tenantId: string): Promise<void> {
  const { db } = services;
  const queue = await db
    .selectFrom("queues")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("name", "=", "Kartu Kredit — Telepon")
    .executeTakeFirst();
  const komplain = await db
    .selectFrom("skills")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("name", "=", "komplain")
    .executeTakeFirst();
  if (!queue || !komplain) return;
  const definition = demoIvrFlow({ phone: queue.id }, { komplain: komplain.id });
  const checked = validateFlow(definition);
  if (!checked.ok) throw new Error(`The demo IVR flow is invalid: ${JSON.stringify(checked.errors)}`);
  const json = JSON.stringify(definition);
  const flow = await db
    .insertInto("ivr_flows")
    .values({ tenant_id: tenantId, name: DEMO_IVR_FLOW_NAME, draft: json, published_version: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("ivr_flow_versions")
    .values({ tenant_id: tenantId, flow_id: flow.id, version: 1, definition: json })
    .execute();
  await db
    .insertInto("ivr_dids")
    .values(
      DEMO_IVR_DIDS.map((number) => ({
        tenant_id: tenantId,
        number,
        flow_id: flow.id,
        description: "Demo IVR (loopback SIP)",
      })),
    )
    .onConflict((oc) => oc.column("number").doNothing())
    .execute();
}
