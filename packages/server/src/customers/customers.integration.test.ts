import { ManualClock } from "@sentra/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";
import { RetentionService } from "./retention-service.js";

type Customer = Record<string, unknown> & { id: string; masked: boolean; phones: string[] };
type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type Status = { level: string; failedAttempts: number; locked: boolean; attemptsLeft: number };

const budi = {
  fullName: "Bpk. Budi Santoso",
  phones: ["0812-3456-7890"],
  emails: ["Budi.Santoso@Example.co.id"],
  customerNumber: "CIF0001",
  accountNumbers: ["123-456-7890"],
  address: "Jl. Sudirman No. 1, Jakarta",
  birthDate: "1985-03-07",
  mothersMaidenName: "Siti Aminah",
};
const SECRETS = ["1985-03-07", "Sudirman", "budi.santoso@", "81234567", "Aminah", "1234567890"];

describeEachStore("customers through the API", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let agent: ApiClient;
  let agentId: string;
  let queueId: string;
  let budiId: string;

  const csv = (body: string) =>
    platform.app.inject({
      method: "POST",
      url: "/api/v1/customers/import",
      headers: { authorization: `Bearer ${admin.token}`, "content-type": "text/csv" },
      payload: body,
    });

  /** An interaction for the customer, offered to and accepted by the test agent. */
  const acceptedInteraction = async (customerId: string) => {
    const created = await admin.post<{ interactionId: string }>("/api/v1/interactions", {
      channel: "chat",
      queueId,
      customerId,
    });
    expect(created.status).toBe(201);
    const id = created.body.interactionId;
    expect((await agent.post(`/api/v1/interactions/${id}/accept`)).status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    const anonymous = new ApiClient(platform.app);
    admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    agentId = (
      await admin.post<{ id: string }>("/api/v1/users", {
        email: "rina@acme.test",
        displayName: "Rina",
        role: "agent",
        password: "rina-password-123",
      })
    ).body.id;
    agent = await anonymous.login("rina@acme.test", "rina-password-123");
    queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", { name: "Umum", settings: { channels: ["chat"] } })
    ).body.id;
    await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, { capacity: { max: { chat: 5 } } });
    await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    const created = await admin.post<Customer>("/api/v1/customers", budi);
    expect(created.status).toBe(201);
    budiId = created.body.id;
  });
  afterAll(() => platform?.dispose());

  it("normalises contact points and finds a customer by name, phone in any format, email and numbers", async () => {
    const full = await admin.get<Customer>(`/api/v1/customers/${budiId}?reveal=true`);
    expect(full.body).toMatchObject({
      masked: false,
      phones: ["+6281234567890"],
      emails: ["budi.santoso@example.co.id"],
      accountNumbers: ["1234567890"],
    });
    for (const q of [
      "budi",
      "SANTOSO",
      "+62 812 3456 7890",
      "6281234567890",
      "budi.santoso@example.co.id",
      "CIF0001",
    ]) {
      const found = await agent.get<{ items: Customer[] }>(`/api/v1/customers?q=${encodeURIComponent(q)}`);
      expect(
        found.body.items.map((c) => c.id),
        q,
      ).toEqual([budiId]);
    }
    const bad = await admin.post<ErrorBody>("/api/v1/customers", { fullName: "X", phones: ["12"] });
    expect(bad.status).toBe(400);
  });

  it("never shows an unverified agent a masked field in clear", async () => {
    const lists = await agent.get("/api/v1/customers?q=budi");
    const view = await agent.get<Customer>(`/api/v1/customers/${budiId}`);
    expect(view.body.masked).toBe(true);
    expect(view.body.phones).toEqual(["••••7890"]);
    for (const reply of [lists, view]) {
      const text = JSON.stringify(reply.body);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
    const reveal = await agent.get<ErrorBody>(`/api/v1/customers/${budiId}?reveal=true`);
    expect(reveal.status).toBe(403);

    const settings = await admin.request("PUT", "/api/v1/customers/settings", {
      segments: [],
      fields: [
        { key: "npwp", label: "NPWP", type: "text", sensitive: true },
        { key: "tier", label: "Tier", type: "text" },
      ],
    });
    expect(settings.status).toBe(200);
    const taxed = await admin.post<Customer>("/api/v1/customers", {
      fullName: "Wajib Pajak",
      customFields: { npwp: "09.254.294.3-407.000", tier: "gold" },
    });
    const masked = await agent.get<Customer>(`/api/v1/customers/${taxed.body.id}`);
    expect(masked.body.customFields).toEqual({ npwp: "••••", tier: "gold" });
    const unknown = await admin.post<ErrorBody>("/api/v1/customers", {
      fullName: "X",
      customFields: { nik: "1" },
    });
    expect(unknown.body.error.code).toBe("invalid_custom_fields");

    const revealed = await admin.get<Customer>(`/api/v1/customers/${taxed.body.id}?reveal=true`);
    expect(revealed.body.customFields).toEqual({ npwp: "09.254.294.3-407.000", tier: "gold" });
    const audit = await admin.get<{ items: { action: string; targetId: string | null }[] }>(
      "/api/v1/audit?limit=20",
    );
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: "customer.revealed", targetId: taxed.body.id }),
    );
  });

  it("locks verification after the policy's failed attempts and unmasks only after success", async () => {
    const policy = await admin.request("PUT", "/api/v1/privacy/verification-policy", {
      policy: {
        mode: "any",
        facts: ["birth_date", "account_last4", "mothers_maiden_name"],
        required: 2,
        maxFailedAttempts: 2,
      },
      maskedFields: ["birth_date", "account_numbers", "address", "emails", "phones", "mothers_maiden_name"],
    });
    expect(policy.status).toBe(200);
    const first = await acceptedInteraction(budiId);
    const wrong = { interactionId: first, answers: { birth_date: "01/01/1990", account_last4: "7890" } };
    expect((await agent.post<Status>(`/api/v1/customers/${budiId}/verification`, wrong)).body).toMatchObject({
      level: "partial",
      failedAttempts: 1,
      attemptsLeft: 1,
    });
    expect((await agent.post<Status>(`/api/v1/customers/${budiId}/verification`, wrong)).body.locked).toBe(
      true,
    );
    const locked = await agent.post<ErrorBody>(`/api/v1/customers/${budiId}/verification`, {
      interactionId: first,
      answers: { birth_date: "07/03/1985", account_last4: "7890" },
    });
    expect(locked.body.error.code).toBe("verification_locked");
    const stillMasked = await agent.get<Customer>(`/api/v1/customers/${budiId}?interactionId=${first}`);
    expect(JSON.stringify(stillMasked.body)).not.toContain("1985-03-07");

    const second = await acceptedInteraction(budiId);
    const ok = await agent.post<Status>(`/api/v1/customers/${budiId}/verification`, {
      interactionId: second,
      answers: { birth_date: "7-3-1985", mothers_maiden_name: "siti  AMINAH" },
    });
    expect(ok.body).toMatchObject({ level: "verified", locked: false });
    const clear = await agent.get<Customer>(`/api/v1/customers/${budiId}?interactionId=${second}`);
    expect(clear.body).toMatchObject({ masked: false, birthDate: "1985-03-07" });
    const status = await agent.get<{ items: Status[] }>(
      `/api/v1/customers/verification?interactionId=${second}`,
    );
    expect(status.body.items).toEqual([expect.objectContaining({ customerId: budiId, level: "verified" })]);

    // Verification is per customer: the verified interaction does not unmask anyone else.
    const other = await admin.post<Customer>("/api/v1/customers", {
      fullName: "Dewi Lestari",
      birthDate: "1990-01-02",
    });
    const otherView = await agent.get<Customer>(`/api/v1/customers/${other.body.id}?interactionId=${second}`);
    expect(otherView.body).toMatchObject({ masked: true, birthDate: "••••" });

    // Verification proves who is on the line now: once the interaction closes it unlocks nothing.
    await agent.post(`/api/v1/interactions/${second}/complete`);
    expect((await agent.get(`/api/v1/customers/${budiId}?interactionId=${second}`)).status).toBe(200);
    await agent.post(`/api/v1/interactions/${second}/wrap-up`, { disposition: "resolved" });
    const ended = await agent.get<ErrorBody>(`/api/v1/customers/${budiId}?interactionId=${second}`);
    expect(ended.status).toBe(403);
    expect(ended.body.error.message).toContain("has ended");

    // An interaction someone else will handle (a queue needing a skill this agent lacks) unlocks nothing.
    const vip = (await admin.post<{ id: string }>("/api/v1/skills", { name: "vip" })).body.id;
    const vipQueue = await admin.post<{ id: string }>("/api/v1/queues", {
      name: "VIP",
      settings: { channels: ["chat"], skills: [{ skill: vip, minLevel: 1 }] },
    });
    const notMine = await admin.post<{ interactionId: string }>("/api/v1/interactions", {
      channel: "chat",
      queueId: vipQueue.body.id,
    });
    const foreign = await agent.get<ErrorBody>(
      `/api/v1/customers/${budiId}?interactionId=${notMine.body.interactionId}`,
    );
    expect(foreign.status).toBe(403);
    const foreignStatus = await agent.get(
      `/api/v1/customers/verification?interactionId=${notMine.body.interactionId}`,
    );
    expect(foreignStatus.status).toBe(403);

    const audit = await admin.get<{ items: { action: string; details: Record<string, unknown> }[] }>(
      "/api/v1/audit?limit=200",
    );
    const failures = audit.body.items.filter((e) => e.action === "customer.verification_failed");
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(audit.body)).not.toContain("01/01/1990");
  });

  it("imports CSV row by row, reporting bad rows and look-alikes by line, and refuses a malformed file whole", async () => {
    const reply = await csv(
      [
        "name,phone,email,birth_date,customer_number",
        "Andi Wijaya,+62 811-1111-2222,andi@example.id,1970-05-05,CIF0100",
        "Bad Email,0811,not-an-email,,",
        "SOEKARNO BOEDI SANTOSO,6281234567890,,1985-03-07,",
        "Rina Kurnia,0813 9999 0000,,1993-02-30,",
        '"Putri, Maharani",0814-5555-6666,,,',
      ].join("\n"),
    );
    expect(reply.statusCode).toBe(200);
    const report = reply.json<{
      rows: number;
      imported: number;
      rejected: { line: number; message: string }[];
      possibleDuplicates: { line: number; existingCustomerId: string }[];
    }>();
    expect(report).toMatchObject({ rows: 5, imported: 3 });
    expect(report.rejected.map((r) => r.line)).toEqual([3, 5]);
    expect(report.rejected[0]!.message).toContain("emails");
    expect(report.possibleDuplicates).toEqual([
      expect.objectContaining({ line: 4, existingCustomerId: budiId }),
    ]);

    const broken = await csv('name,phone\n"Good Row",0811\n"Unclosed,0812\nNext,0813\n');
    expect(broken.statusCode).toBe(400);
    expect(broken.json<ErrorBody>().error).toMatchObject({ code: "malformed_csv" });
    expect(broken.json<ErrorBody>().error.message).toContain("line 3");
    const untouched = await admin.get<{ items: Customer[] }>("/api/v1/customers?q=Good%20Row");
    expect(untouched.body.items).toHaveLength(0);

    const plain = await platform.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers: { authorization: `Bearer ${admin.token}`, "content-type": "text/csv" },
      payload: "name\nX",
    });
    expect(plain.statusCode).toBe(415);
  });

  it("finds duplicates with reasons, merges keeping history, and undoes the merge", async () => {
    const dup = await admin.post<Customer>("/api/v1/customers", {
      fullName: "Boedi Santosa",
      phones: ["+6281234567890", "+6281298765432"],
      birthDate: "1985-03-07",
      segment: null,
    });
    const dupId = dup.body.id;
    const interactionId = (
      await admin.post<{ interactionId: string }>("/api/v1/interactions", {
        channel: "chat",
        queueId,
        customerId: dupId,
      })
    ).body.interactionId;
    const pairs = await admin.get<{
      items: { a: { id: string }; b: { id: string }; score: number; reasons: { kind: string }[] }[];
    }>("/api/v1/customers/duplicates");
    const pair = pairs.body.items.find(
      (p) => [p.a.id, p.b.id].sort().join() === [budiId, dupId].sort().join(),
    );
    expect(pair?.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(["phone", "name", "birth_date"]));
    expect((await agent.get("/api/v1/customers/duplicates")).status).toBe(403);

    const merge = await admin.post<{ mergeId: string }>("/api/v1/customers/merge", {
      survivorId: budiId,
      duplicateId: dupId,
    });
    expect(merge.status).toBe(201);
    const survivor = await admin.get<Customer>(`/api/v1/customers/${budiId}?reveal=true`);
    expect(survivor.body.phones).toEqual(["+6281234567890", "+6281298765432"]);
    expect((await admin.get<Customer>(`/api/v1/customers/${dupId}`)).body.mergedInto).toBe(budiId);
    const history = await admin.get<{ customerIds: string[]; interactions: { interactionId: string }[] }>(
      `/api/v1/customers/${budiId}/history`,
    );
    expect(history.body.customerIds).toEqual([budiId, dupId]);
    expect(history.body.interactions.map((i) => i.interactionId)).toContain(interactionId);
    const again = await admin.post<ErrorBody>("/api/v1/customers/merge", {
      survivorId: budiId,
      duplicateId: dupId,
    });
    expect(again.body.error.code).toBe("customer_merged");

    const undo = await admin.post<{ undoneAt: string | null }>(
      `/api/v1/customers/merges/${merge.body.mergeId}/undo`,
    );
    expect(undo.body.undoneAt).not.toBeNull();
    expect((await admin.get<Customer>(`/api/v1/customers/${budiId}?reveal=true`)).body.phones).toEqual([
      "+6281234567890",
    ]);
    expect((await admin.get<Customer>(`/api/v1/customers/${dupId}`)).body.mergedInto).toBeNull();
    const twice = await admin.post<ErrorBody>(`/api/v1/customers/merges/${merge.body.mergeId}/undo`);
    expect(twice.body.error.code).toBe("merge_already_undone");
  });

  it("records and withdraws consent, exports everything held, and erases personal data", async () => {
    const subject = await admin.post<Customer>("/api/v1/customers", {
      fullName: "Putu Ayu",
      phones: ["081377778888"],
      emails: ["putu@example.id"],
      birthDate: "1999-09-09",
      segment: null,
    });
    const id = subject.body.id;
    const consent = await agent.post<{ id: string; withdrawnAt: string | null }>(
      `/api/v1/customers/${id}/consents`,
      {
        purpose: "marketing",
        channel: "whatsapp",
        method: "verbal on recorded call",
        source: "inbound call",
      },
    );
    expect(consent.status).toBe(201);
    const withdrawn = await agent.post<{ withdrawnAt: string | null }>(
      `/api/v1/customers/${id}/consents/${consent.body.id}/withdraw`,
    );
    expect(withdrawn.body.withdrawnAt).not.toBeNull();

    expect((await agent.get(`/api/v1/customers/${id}/export`)).status).toBe(403);
    const exported = await admin.get<{ customer: Customer; consents: unknown[] }>(
      `/api/v1/customers/${id}/export`,
    );
    expect(exported.body.customer).toMatchObject({ birthDate: "1999-09-09", phones: ["+6281377778888"] });
    expect(exported.body.consents).toHaveLength(1);
    const asCsv = await admin.get<string>(`/api/v1/customers/${id}/export?format=csv`);
    expect(asCsv.headers["content-type"]).toContain("text/csv");
    expect(asCsv.body).toContain("consent,0,purpose,marketing");

    const all = await admin.get<string>("/api/v1/customers/export.csv");
    expect(all.body.split("\n")[0]).toContain("id,full_name,preferred_name,phones");
    expect(all.body).toContain("Putu Ayu");

    const erased = await admin.post<{ erased: boolean }>(`/api/v1/customers/${id}/erase`);
    expect(erased.body.erased).toBe(true);
    const after = await admin.get<Customer>(`/api/v1/customers/${id}?reveal=true`);
    expect(after.body).toMatchObject({
      fullName: "Erased customer",
      phones: [],
      emails: [],
      birthDate: null,
      erased: true,
    });
    expect((await admin.get<string>("/api/v1/customers/export.csv")).body).not.toContain("Putu");
    expect(
      (await admin.get<{ consents: unknown[] }>(`/api/v1/customers/${id}/export`)).body.consents,
    ).toHaveLength(1);

    // Erasing a merged-away record erases the person: the survivor holds its copied contact points.
    const keep = await admin.post<Customer>("/api/v1/customers", {
      fullName: "Kadek Dwi",
      phones: ["0817 1000 2000"],
    });
    const gone = await admin.post<Customer>("/api/v1/customers", {
      fullName: "Kadek Dwi",
      phones: ["0817 3000 4000"],
    });
    await admin.post("/api/v1/customers/merge", { survivorId: keep.body.id, duplicateId: gone.body.id });
    const personExport = await admin.get<{ customer: Customer; mergedCustomers: Customer[] }>(
      `/api/v1/customers/${gone.body.id}/export`,
    );
    expect(personExport.body.customer.id).toBe(keep.body.id);
    expect(personExport.body.mergedCustomers.map((c) => c.id)).toEqual([gone.body.id]);
    await admin.post(`/api/v1/customers/${gone.body.id}/erase`);
    const survivor = await admin.get<Customer>(`/api/v1/customers/${keep.body.id}?reveal=true`);
    expect(survivor.body).toMatchObject({ erased: true, phones: [] });
  });

  it("purges verification attempts past the tenant's retention period", async () => {
    const settings = await admin.request("PUT", "/api/v1/privacy/retention", {
      messagesDays: null,
      recordingsDays: 90,
      verificationAttemptsDays: 30,
    });
    expect(settings.body).toMatchObject({ verificationAttemptsDays: 30, recordingsDays: 90 });
    const clock = new ManualClock(Date.now());
    const retention = new RetentionService(
      platform.services.db,
      platform.services.audit,
      clock,
      platform.services.logger,
    );
    const count = async () =>
      (await platform.services.db.selectFrom("verification_attempts").select("id").execute()).length;
    expect(await count()).toBeGreaterThan(0);
    expect((await retention.runIfDue())?.every((r) => r.removed === 0)).toBe(true);
    clock.advance(43_200_000);
    expect(await retention.runIfDue()).toBeNull();
    clock.advance(31 * 86_400_000);
    const reports = await retention.runIfDue();
    expect(reports?.find((r) => r.purger === "verification_attempts" && r.removed > 0)).toBeDefined();
    expect(await count()).toBe(0);
    await retention.stop();
  });
});
