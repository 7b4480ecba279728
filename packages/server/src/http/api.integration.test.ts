import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

type ErrorBody = { error: { code: string; message: string } };
type Page = { items: { id: string; email: string }[]; nextCursor: string | null };

describeEachStore("HTTP API", (target) => {
  let platform: TestPlatform;
  let anonymous: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    platform = await startTestPlatform(target, {
      SENTRA_LOGIN_MAX_FAILURES: "3",
      SENTRA_BODY_LIMIT_BYTES: "4096",
    });
    anonymous = new ApiClient(platform.app);
    admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(() => platform?.dispose());

  describe("login", () => {
    it("logs in with the right password, returns a token and sets an HTTP-only session cookie", async () => {
      const reply = await platform.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      });
      expect(reply.statusCode).toBe(200);
      const body = reply.json<{ token: string; user: { email: string; role: string } }>();
      expect(body.user).toMatchObject({ email: ADMIN_EMAIL, role: "admin" });
      const cookie = reply.cookies.find((c) => c.name === "sentra_session");
      expect(cookie).toMatchObject({ value: body.token, httpOnly: true, sameSite: "Lax", path: "/" });
      const me = await platform.app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        cookies: { sentra_session: body.token },
      });
      expect(me.json()).toMatchObject({ kind: "user", role: "admin" });
    });

    it("answers 401 for a wrong password and for an unknown email, with the same message", async () => {
      const wrong = await anonymous.post<ErrorBody>("/api/v1/auth/login", {
        email: ADMIN_EMAIL,
        password: "nope",
      });
      const unknown = await anonymous.post<ErrorBody>("/api/v1/auth/login", {
        email: "ghost@acme.test",
        password: "nope",
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.error.message).toBe(unknown.body.error.message);
    });

    it("answers 400 with the field named for a malformed login body", async () => {
      const reply = await anonymous.post<ErrorBody>("/api/v1/auth/login", { email: "not-an-email" });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe("invalid_request");
      expect(reply.body.error.message).toContain("email");
    });

    it("locks an account after repeated failures, even against the right password, and audits it", async () => {
      await admin.post("/api/v1/users", {
        email: "locked@acme.test",
        displayName: "Locked Out",
        role: "agent",
        password: "the-real-password-1",
      });
      for (let i = 0; i < 3; i++) {
        const reply = await anonymous.post("/api/v1/auth/login", {
          email: "locked@acme.test",
          password: "guess",
        });
        expect(reply.status).toBe(401);
      }
      const locked = await anonymous.post<ErrorBody>("/api/v1/auth/login", {
        email: "locked@acme.test",
        password: "the-real-password-1",
      });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe("account_locked");
      const audit = await admin.get<{ items: { action: string }[] }>("/api/v1/audit?limit=20");
      const actions = audit.body.items.map((e) => e.action);
      expect(actions).toContain("auth.account_locked");
      expect(actions).toContain("auth.login_refused_locked");
    });

    it("ends the session on logout", async () => {
      const session = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      expect((await session.post("/api/v1/auth/logout")).status).toBe(204);
      expect((await session.get("/api/v1/auth/me")).status).toBe(401);
    });
  });

  describe("API keys", () => {
    it("authenticates an integration by API key with the key's role, and stops after revocation", async () => {
      const created = await admin.post<{ id: string; key: string; prefix: string }>("/api/v1/api-keys", {
        name: "CRM sync",
        role: "supervisor",
      });
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^sk_[0-9a-f]{12}_/);
      const integration = anonymous.as(created.body.key);
      expect((await integration.get("/api/v1/auth/me")).body).toMatchObject({
        kind: "api_key",
        role: "supervisor",
      });
      expect((await integration.get("/api/v1/users")).status).toBe(200);
      expect((await integration.post("/api/v1/users", {})).status).toBe(403);
      const listed = await admin.get<{ items: Record<string, unknown>[] }>("/api/v1/api-keys");
      expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
      expect((await admin.delete(`/api/v1/api-keys/${created.body.id}`)).status).toBe(200);
      expect((await integration.get("/api/v1/auth/me")).status).toBe(401);
    });

    it("rejects a made-up key", async () => {
      const fake = anonymous.as(`sk_000000000000_${"A".repeat(43)}`);
      expect((await fake.get("/api/v1/auth/me")).status).toBe(401);
    });
  });

  describe("RBAC", () => {
    let agent: ApiClient;
    beforeAll(async () => {
      await admin.post("/api/v1/users", {
        email: "agent.rbac@acme.test",
        displayName: "Agent Rbac",
        role: "agent",
        password: "agent-password-123",
      });
      agent = await anonymous.login("agent.rbac@acme.test", "agent-password-123");
    });

    it.each([
      ["GET", "/api/v1/users"],
      ["POST", "/api/v1/users"],
      ["GET", "/api/v1/api-keys"],
      ["POST", "/api/v1/api-keys"],
      ["GET", "/api/v1/audit"],
      ["POST", "/api/v1/teams"],
    ] as const)("refuses an agent %s %s with 403", async (method, url) => {
      const reply = await agent.request<ErrorBody>(method, url, method === "GET" ? undefined : {});
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe("forbidden");
    });

    it("lets an agent read their own identity and tenant", async () => {
      expect((await agent.get("/api/v1/auth/me")).status).toBe(200);
      expect((await agent.get("/api/v1/tenant")).body).toMatchObject({
        slug: "demo",
        timeZone: "Asia/Jakarta",
      });
    });

    it("answers 401 to anonymous calls on protected routes", async () => {
      expect((await anonymous.get("/api/v1/users")).status).toBe(401);
      expect((await anonymous.get("/api/v1/tenant")).status).toBe(401);
    });
  });

  describe("users and teams", () => {
    it("pages through users with a cursor, every user once", async () => {
      for (let i = 0; i < 5; i++) {
        await admin.post("/api/v1/users", {
          email: `page${i}@acme.test`,
          displayName: `Page ${i}`,
          role: "agent",
        });
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
        const page: Page = (await admin.get<Page>(url)).body;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((u) => u.email));
        cursor = page.nextCursor;
      } while (cursor);
      const all = (await admin.get<Page>("/api/v1/users?limit=200")).body.items.map((u) => u.email);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it("answers 400 for a forged cursor and a non-uuid id", async () => {
      expect((await admin.get<ErrorBody>("/api/v1/users?cursor=garbage")).body.error.code).toBe(
        "invalid_cursor",
      );
      expect((await admin.get("/api/v1/users/not-a-uuid")).status).toBe(400);
    });

    it("refuses a duplicate email with 409", async () => {
      const reply = await admin.post<ErrorBody>("/api/v1/users", {
        email: ADMIN_EMAIL.toUpperCase(),
        displayName: "Dup",
        role: "agent",
      });
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe("email_taken");
    });

    it("disabling a user ends their sessions and is audited with the actor and origin", async () => {
      const created = await admin.post<{ id: string }>("/api/v1/users", {
        email: "leaver@acme.test",
        displayName: "Leaver",
        role: "agent",
        password: "leaver-password-1",
      });
      const leaver = await anonymous.login("leaver@acme.test", "leaver-password-1");
      expect((await admin.patch(`/api/v1/users/${created.body.id}`, { disabled: true })).status).toBe(200);
      expect((await leaver.get("/api/v1/auth/me")).status).toBe(401);
      const audit = await admin.get<{
        items: { action: string; targetId: string; actorType: string; ip: string }[];
      }>("/api/v1/audit?limit=5");
      const entry = audit.body.items.find(
        (e) => e.action === "user.updated" && e.targetId === created.body.id,
      );
      expect(entry).toMatchObject({ actorType: "user", ip: "127.0.0.1" });
    });

    it("creates a team with members of the tenant and refuses unknown member ids", async () => {
      const users = (await admin.get<Page>("/api/v1/users")).body.items;
      const team = await admin.post<{ id: string; memberIds: string[] }>("/api/v1/teams", {
        name: "Tele-collection B2",
        memberIds: [users[0]!.id],
      });
      expect(team.status).toBe(201);
      expect(team.body.memberIds).toEqual([users[0]!.id]);
      const bad = await admin.post<ErrorBody>("/api/v1/teams", {
        name: "Ghosts",
        memberIds: ["00000000-0000-4000-8000-000000000000"],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("unknown_members");
    });
  });

  describe("bad input never hurts the server", () => {
    it("answers malformed JSON with 400 malformed_json and keeps serving", async () => {
      const reply = await platform.app.inject({
        method: "POST",
        url: "/api/v1/users",
        headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
        payload: '{"email": ',
      });
      expect(reply.statusCode).toBe(400);
      expect(reply.json<ErrorBody>().error.code).toBe("malformed_json");
      expect((await anonymous.get("/health")).status).toBe(200);
    });

    it("answers an oversized body with 413 payload_too_large and keeps serving", async () => {
      const reply = await admin.post<ErrorBody>("/api/v1/teams", { name: "x".repeat(10_000) });
      expect(reply.status).toBe(413);
      expect(reply.body.error.code).toBe("payload_too_large");
      expect((await anonymous.get("/health")).status).toBe(200);
    });

    it("answers a non-JSON content type with 415", async () => {
      const reply = await platform.app.inject({
        method: "POST",
        url: "/api/v1/teams",
        headers: { authorization: `Bearer ${admin.token}`, "content-type": "text/plain" },
        payload: "name=x",
      });
      expect(reply.statusCode).toBe(415);
    });

    it("answers an unknown route with a JSON 404", async () => {
      const reply = await anonymous.get<ErrorBody>("/api/v1/nothing-here");
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe("route_not_found");
    });
  });

  describe("operations", () => {
    it("reports health with a database round trip", async () => {
      expect((await anonymous.get("/health")).body).toEqual({
        status: "ok",
        database: "ok",
        events: "in-process",
        routing: "active",
      });
    });

    it("serves Prometheus metrics", async () => {
      const reply = await anonymous.get<string>("/metrics");
      expect(reply.status).toBe(200);
      expect(reply.body).toContain("sentra_http_request_duration_seconds");
      expect(reply.body).toContain("sentra_process_cpu_seconds_total");
    });

    it("publishes an OpenAPI 3 document listing the v1 routes, and browsable docs", async () => {
      const doc = await anonymous.get<{ openapi: string; paths: Record<string, unknown> }>(
        "/api/openapi.json",
      );
      expect(doc.body.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/auth/login",
          "/api/v1/users",
          "/api/v1/users/{id}",
          "/api/v1/teams",
        ]),
      );
      const docs = await platform.app.inject({ method: "GET", url: "/api/docs/" });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toContain("swagger");
    });

    it("keeps the audit log append-only at the database level", async () => {
      const { sql } = await import("kysely");
      await expect(sql`delete from audit_log`.execute(platform.services.db)).rejects.toThrow(/append-only/);
      await expect(sql`update audit_log set action = 'x'`.execute(platform.services.db)).rejects.toThrow(
        /append-only/,
      );
    });
  });
});
