import { type Role, UserError } from "@sentra/core";
import { sql } from "kysely";
import { generatePassword } from "../auth/secrets.js";
import type { Services } from "../services.js";
import { seedDemoCannedResponses } from "./demo-canned-responses-seed.js";
import { seedDemoCasesAndKnowledge } from "./demo-cases-kb-seed.js";
import { seedDemoCustomers } from "./demo-customers-seed.js";
import { seedDemoEmail } from "./demo-email-seed.js";
import { seedDemoIvr } from "./demo-ivr-seed.js";
import { type SeededPerson, seedDemoRouting } from "./demo-routing-seed.js";
import { seedDemoWebChat } from "./demo-web-chat-seed.js";

export interface SeededLogin {
  email: string;
  role: Role;
  password: string;
  generated: boolean;
}

/** A small Jakarta center: bilingual agents in two teams with a supervisor, so a new install looks alive. */
const DEMO_STAFF: { email: string; name: string; role: Role; locale: "en" | "id"; team: string }[] = [
  {
    email: "supervisor@demo.sentra.local",
    name: "Siti Rahmawati",
    role: "supervisor",
    locale: "id",
    team: "Layanan Nasabah",
  },
  {
    email: "agent1@demo.sentra.local",
    name: "Budi Santoso",
    role: "agent",
    locale: "id",
    team: "Layanan Nasabah",
  },
  {
    email: "agent2@demo.sentra.local",
    name: "Dewi Lestari",
    role: "agent",
    locale: "id",
    team: "Layanan Nasabah",
  },
  {
    email: "agent3@demo.sentra.local",
    name: "Andi Wijaya",
    role: "agent",
    locale: "en",
    team: "Collections",
  },
  {
    email: "agent4@demo.sentra.local",
    name: "Putri Maharani",
    role: "agent",
    locale: "id",
    team: "Collections",
  },
  {
    email: "qa@demo.sentra.local",
    name: "Rina Kurniawati",
    role: "qa",
    locale: "id",
    team: "Layanan Nasabah",
  },
  { email: "wfm@demo.sentra.local", name: "Agus Setiawan", role: "wfm", locale: "en", team: "Collections" },
];

/**
 * First start: when no user exists at all, create tenant `demo` with an admin (from SENTRA_ADMIN_EMAIL /
 * SENTRA_ADMIN_PASSWORD, or a generated password) and, unless disabled, demo staff with generated passwords.
 * Returns the logins to show once; nothing is seeded on later starts.
 */
export async function seedFirstStart(services: Services): Promise<SeededLogin[]> {
  try {
    return await seedEmptyStore(services);
  } catch (error) {
    // Several processes starting together on one new PostgreSQL database race to seed it; the loser finds the
    // first admin's email or the demo slug taken. The winner printed the logins, so this one has nothing to say.
    if (error instanceof UserError && error.code === "email_taken") return [];
    if (isUniqueViolation(error)) return [];
    throw error;
  }
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" &&
  error !== null &&
  "code" in error &&
  (error as { code: unknown }).code === "23505";

async function seedEmptyStore(services: Services): Promise<SeededLogin[]> {
  const { count } = await services.db
    .selectFrom("users")
    .select(sql<number>`count(*)::int`.as("count"))
    .executeTakeFirstOrThrow();
  if (count > 0) return [];

  const { config } = services;
  const tenant =
    (await services.tenants.findBySlug("demo")) ??
    (await services.tenants.create({ slug: "demo", name: "Demo Contact Center", timeZone: "Asia/Jakarta" }));
  const logins: SeededLogin[] = [];
  const adminPassword = config.adminPassword ?? generatePassword();
  const adminEmail = config.adminEmail ?? "admin@demo.sentra.local";
  await services.users.create(null, tenant.id, {
    email: adminEmail,
    displayName: "Administrator",
    role: "admin",
    locale: "en",
    password: adminPassword,
  });
  logins.push({
    email: adminEmail,
    role: "admin",
    password: adminPassword,
    generated: !config.adminPassword,
  });

  if (config.seedDemo) {
    const memberIds = new Map<string, string[]>();
    const people: SeededPerson[] = [];
    const teamIds = new Map<string, string>();
    for (const person of DEMO_STAFF) {
      const password = generatePassword();
      const user = await services.users.create(null, tenant.id, {
        email: person.email,
        displayName: person.name,
        role: person.role,
        locale: person.locale,
        password,
      });
      memberIds.set(person.team, [...(memberIds.get(person.team) ?? []), user.id]);
      people.push({ userId: user.id, email: person.email, locale: person.locale, team: person.team });
      logins.push({ email: person.email, role: person.role, password, generated: true });
    }
    for (const [name, members] of memberIds) {
      const team = await services.db
        .insertInto("teams")
        .values({ tenant_id: tenant.id, name })
        .returning("id")
        .executeTakeFirstOrThrow();
      teamIds.set(name, team.id);
      await services.db
        .insertInto("team_members")
        .values(members.map((user_id) => ({ tenant_id: tenant.id, team_id: team.id, user_id })))
        .execute();
    }
    await seedDemoRouting(services, tenant.id, people, teamIds);
    await seedDemoCasesAndKnowledge(services, tenant.id, teamIds);
    await seedDemoCustomers(services, tenant.id);
    await seedDemoEmail(services, tenant.id);
    await seedDemoWebChat(services, tenant.id);
    await seedDemoCannedResponses(services, tenant.id);
    await seedDemoIvr(services, tenant.id);
    await services.audit.record({
      tenantId: tenant.id,
      actor: { kind: "system", id: null },
      action: "tenant.demo_seeded",
      details: { users: logins.length, teams: memberIds.size },
    });
  }
  return logins;
}
