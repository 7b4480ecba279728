import type { AgentProfileBody, QueueSettings } from "@sentra/core";
import type { Services } from "../services.js";

export interface SeededPerson {
  readonly userId: string;
  readonly email: string;
  readonly locale: "en" | "id";
  readonly team: string;
}

const SKILLS = ["tabungan", "kartu-kredit", "penagihan", "komplain"] as const;
type SkillName = (typeof SKILLS)[number];

/** Skill levels (1–10) of the demo agents, by email. */
const LEVELS: Record<string, Partial<Record<SkillName, number>>> = {
  "agent1@demo.sentra.local": { tabungan: 8, "kartu-kredit": 6, komplain: 5 },
  "agent2@demo.sentra.local": { tabungan: 5, "kartu-kredit": 8, komplain: 7 },
  "agent3@demo.sentra.local": { penagihan: 7, "kartu-kredit": 4 },
  "agent4@demo.sentra.local": { penagihan: 9, komplain: 4 },
  "supervisor@demo.sentra.local": { tabungan: 9, "kartu-kredit": 9, penagihan: 8, komplain: 9 },
};

const DAYTIME: [string, string][] = [["08:00", "20:00"]];
/** Monday (1) to Saturday (6); Sunday closed. */
const COLLECTION_WEEK = {
  "1": DAYTIME,
  "2": DAYTIME,
  "3": DAYTIME,
  "4": DAYTIME,
  "5": DAYTIME,
  "6": DAYTIME,
};

/**
 * Queues of a small Indonesian bank's center, in both languages: customer-service chat, a credit-card line,
 * an English desk and a collection queue that keeps the legal calling hours (Mon–Sat 08:00–20:00 WIB).
 */
function demoQueues(
  skill: (name: SkillName) => string,
  team: (name: string) => string,
): { name: string; settings: QueueSettings }[] {
  const base = { priority: 0, serviceLevel: { targetPercent: 80, thresholdMs: 20_000 } };
  return [
    {
      name: "Layanan Nasabah — Chat",
      settings: {
        ...base,
        channels: ["chat", "message"],
        skills: [{ skill: skill("tabungan"), minLevel: 5 }],
        teamIds: [team("Layanan Nasabah")],
        policy: "longest_idle",
        relaxation: [
          { afterMs: 30_000, maxRequiredLevel: 3 },
          { afterMs: 60_000, anyAgent: true },
        ],
      },
    },
    {
      name: "Kartu Kredit — Telepon",
      settings: {
        ...base,
        channels: ["voice", "callback"],
        skills: [{ skill: skill("kartu-kredit"), minLevel: 6 }],
        teamIds: [],
        policy: "most_skilled",
        priority: 10,
        maxWaitMs: 300_000,
        relaxation: [{ afterMs: 45_000, maxRequiredLevel: 4 }],
      },
    },
    {
      name: "Customer Service (English)",
      settings: {
        ...base,
        channels: ["chat", "email"],
        skills: [],
        teamIds: [],
        policy: "least_occupied",
        relaxation: [],
      },
    },
    {
      name: "Penagihan Bucket 1",
      settings: {
        ...base,
        serviceLevel: { targetPercent: 90, thresholdMs: 30_000 },
        channels: ["outbound", "voice"],
        skills: [{ skill: skill("penagihan"), minLevel: 4 }],
        teamIds: [team("Collections")],
        policy: "round_robin",
        relaxation: [],
        calendar: { timeZone: "Asia/Jakarta", weekly: COLLECTION_WEEK, holidays: [] },
        closedAction: { type: "close", message: "Di luar jam penagihan (Senin–Sabtu 08.00–20.00 WIB)." },
      },
    },
  ];
}

/** Skills, queues and agent profiles for the demo tenant; pushed into the engine when routing runs here. */
export async function seedDemoRouting(
  services: Services,
  tenantId: string,
  people: readonly SeededPerson[],
  teamIds: ReadonlyMap<string, string>,
): Promise<void> {
  const skillIds = new Map<string, string>();
  for (const name of SKILLS) {
    const row = await services.db
      .insertInto("skills")
      .values({ tenant_id: tenantId, name })
      .returning("id")
      .executeTakeFirstOrThrow();
    skillIds.set(name, row.id);
  }
  const queues = demoQueues(
    (name) => skillIds.get(name)!,
    (name) => teamIds.get(name)!,
  );
  for (const queue of queues) {
    const row = await services.db
      .insertInto("queues")
      .values({ tenant_id: tenantId, name: queue.name, config: JSON.stringify(queue.settings) })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (services.routingRuntime.active)
      await services.routingWork.applyQueue(tenantId, row.id, queue.settings);
  }
  for (const person of people) {
    const levels = LEVELS[person.email];
    if (!levels) continue;
    const profile: AgentProfileBody = {
      skills: Object.fromEntries(Object.entries(levels).map(([name, level]) => [skillIds.get(name)!, level])),
      languages: person.locale === "en" ? ["en", "id"] : ["id"],
      capacity: {
        max: { voice: 1, chat: 3, message: 3, email: 5, callback: 1, outbound: 1 },
        exclusive: ["voice", "outbound"],
      },
    };
    await services.db
      .insertInto("agent_profiles")
      .values({
        user_id: person.userId,
        tenant_id: tenantId,
        skills: JSON.stringify(profile.skills),
        languages: JSON.stringify(profile.languages),
        capacity: JSON.stringify(profile.capacity),
      })
      .execute();
  }
}
