import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerDigestChallenge, parseDigestChallenge, type SipRequest } from "@sentra/core";
import { afterEach, describe, expect, it } from "vitest";
import { quietLogger, startBaresip } from "../../testing/sip-peers.js";
import { challengesOf, nodeDigestHash, SipDigestAuthenticator } from "./digest-authenticator.js";
import { type SipRequestOutcome, SipUserAgent } from "./user-agent.js";

const USERS: Record<string, string> = { "1001": "s3cret-1001" };

/** A registrar-like handler: REGISTER must carry valid digest credentials; 200 echoes Contact with Expires. */
async function startRegistrar(algorithms?: ("MD5" | "SHA-256")[]) {
  const registered: { user: string; contact: string }[] = [];
  const verdicts: string[] = [];
  const auth = new SipDigestAuthenticator({
    realm: "sentra.test",
    ...(algorithms ? { algorithms } : {}),
    lookup: async (username) => (USERS[username] ? { password: USERS[username] } : undefined),
  });
  const ua = await SipUserAgent.start({
    udpPort: 0,
    logger: quietLogger,
    onRequest: async (incoming) => {
      if (incoming.request.method !== "REGISTER") return void incoming.respond(405);
      const verdict = await auth.verify(incoming.request);
      verdicts.push(verdict.ok ? "ok" : verdict.reason);
      if (!verdict.ok) return void incoming.respond(verdict.status, { headers: verdict.headers });
      const contact = incoming.request.headers.find((h) => h.name === "Contact")?.value ?? "";
      registered.push({ user: verdict.username, contact });
      incoming.respond(200, {
        headers: [{ name: "Contact", value: `${contact.replace(/;expires=\d+/, "")};expires=60` }],
      });
    },
  });
  return { ua, registered, verdicts, port: ua.local("UDP")?.port ?? 0 };
}

async function register(
  client: SipUserAgent,
  port: number,
  user: string,
  password: string,
  pick: "MD5" | "SHA-256",
) {
  const base = client.newRequest({
    method: "REGISTER",
    uri: `sip:127.0.0.1:${port}`,
    from: `sip:${user}@sentra.test`,
    to: `sip:${user}@sentra.test`,
  });
  const first = await client.sendRequest(base);
  if (!first.ok || first.response.status !== 401) return { first, second: undefined };
  const challenge = challengesOf(first.response)
    .map(parseDigestChallenge)
    .find((c) => c?.algorithm === pick);
  if (!challenge) throw new Error(`no ${pick} challenge`);
  const creds = answerDigestChallenge(
    challenge,
    { method: "REGISTER", uri: base.uri, username: user, password, cnonce: "c0ffee" },
    nodeDigestHash,
  );
  const { formatDigestCredentials } = await import("@sentra/core");
  const again: SipRequest = {
    ...base,
    headers: [
      ...base.headers.map((h) => (h.name === "CSeq" ? { ...h, value: "2 REGISTER" } : h)),
      { name: "Authorization", value: formatDigestCredentials(creds) },
    ],
  };
  const second: SipRequestOutcome = await client.sendRequest(again);
  return { first, second };
}

describe("SIP digest authentication", () => {
  const owned: SipUserAgent[] = [];
  afterEach(async () => {
    await Promise.all(owned.splice(0).map((ua) => ua.close()));
  });

  it.each(["MD5", "SHA-256"] as const)(
    "challenges a REGISTER, then accepts the %s answer of a raw client",
    async (algorithm) => {
      const registrar = await startRegistrar();
      const client = await SipUserAgent.start({
        udpPort: 0,
        logger: quietLogger,
        onRequest: (i) => void i.respond(405),
      });
      owned.push(registrar.ua, client);
      const { first, second } = await register(client, registrar.port, "1001", "s3cret-1001", algorithm);
      expect(first.ok && first.response.status).toBe(401);
      expect(first.ok && challengesOf(first.response).length).toBe(2);
      expect(second?.ok && second.response.status).toBe(200);
      expect(registrar.verdicts).toEqual(["missing", "ok"]);
      expect(registrar.registered[0]?.user).toBe("1001");
    },
  );

  it("refuses a wrong password and an unknown user with a fresh challenge", async () => {
    const registrar = await startRegistrar();
    const client = await SipUserAgent.start({
      udpPort: 0,
      logger: quietLogger,
      onRequest: (i) => void i.respond(405),
    });
    owned.push(registrar.ua, client);
    const wrong = await register(client, registrar.port, "1001", "guess", "SHA-256");
    expect(wrong.second?.ok && wrong.second.response.status).toBe(401);
    const unknown = await register(client, registrar.port, "9999", "x", "MD5");
    expect(unknown.second?.ok && unknown.second.response.status).toBe(401);
    expect(registrar.verdicts).toEqual(["missing", "wrong_password", "missing", "unknown_user"]);
    expect(registrar.registered).toEqual([]);
  });

  it("registers a real baresip phone with digest authentication", async () => {
    const registrar = await startRegistrar(["MD5"]);
    owned.push(registrar.ua);
    const dir = await mkdtemp(join(tmpdir(), "sentra-baresip-"));
    const phone = await startBaresip({
      dir,
      registrarPort: registrar.port,
      user: "1001",
      password: "s3cret-1001",
    });
    try {
      const deadline = Date.now() + 10_000;
      while (registrar.registered.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(
        registrar.registered.map((r) => r.user),
        phone.output(),
      ).toEqual(["1001"]);
      expect(registrar.verdicts[0]).toBe("missing");
    } finally {
      await phone.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
