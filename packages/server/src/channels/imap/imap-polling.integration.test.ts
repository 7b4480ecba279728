import { createServer, type Server, Socket } from "node:net";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../../testing/api-client.js";
import { type Dovecot, describeWithDovecot, startDovecot } from "../../testing/dovecot.js";
import { describeEachStore } from "../../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../../testing/test-platform.js";
import { ImapPoller } from "./imap-poller.js";

type Account = {
  id: string;
  lastUid: number;
  uidValidity: string | null;
  lastPolledAt: string | null;
  lastError: string | null;
};
type Conversation = {
  id: string;
  currentInteractionId: string | null;
  messages: { providerMessageId: string | null; bodyText: string; parseProblem: string | null }[];
};

const MAILBOX = "support@imap.test";
const IMAP_USER = "support";
const IMAP_PASSWORD = "dovecot-secret-1";

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const mail = (id: string, subject: string, body: string, extra = "") =>
  [
    "From: Rina <rina@customer.test>",
    `To: ${MAILBOX}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@customer.test>`,
    "Date: Mon, 23 Nov 2026 10:00:00 +0700",
    ...(extra ? [extra] : []),
    "Content-Type: text/plain; charset=utf-8",
    "",
    body,
    "",
  ].join("\r\n");

/**
 * A loopback TCP relay in front of Dovecot that the test can cut, as a network or server outage does: every
 * open connection drops and new ones are refused until it is restored on the same port.
 */
async function cuttableRelay(targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const open = async () => {
    server = createServer((inbound) => {
      const outbound = new Socket();
      sockets.add(inbound).add(outbound);
      const drop = () => {
        inbound.destroy();
        outbound.destroy();
        sockets.delete(inbound);
        sockets.delete(outbound);
      };
      inbound.on("error", drop).on("close", drop);
      outbound.on("error", drop).on("close", drop);
      outbound.connect(targetPort, "127.0.0.1", () => {
        inbound.pipe(outbound).pipe(inbound);
      });
    });
    await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    port = (server!.address() as { port: number }).port;
  };
  await open();
  return {
    get port() {
      return port;
    },
    async cut() {
      const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closing;
    },
    restore: open,
  };
}

/**
 * Polling a real IMAP server (a private Dovecot): mail APPENDed to the mailbox becomes conversations through
 * the same intake as SMTP, flagged \Seen, never twice, and a poller survives broken mail and a server outage.
 */
describeWithDovecot("IMAP mailbox polling", () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot({ [IMAP_USER]: IMAP_PASSWORD, other: "other-secret-1" });
  });
  afterAll(async () => {
    await dovecot?.dispose();
  });

  const customer = async () => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
      logger: false,
    });
    await client.connect();
    return client;
  };

  describeEachStore("through the intake", (target) => {
    let platform: TestPlatform;
    let admin: ApiClient;
    let accountId: string;
    let folder: string;
    let relay: Awaited<ReturnType<typeof cuttableRelay>>;

    beforeAll(async () => {
      platform = await startTestPlatform(target, {
        SENTRA_IMAP_POLL_MS: "200",
        SENTRA_SMTP_ENABLED: "false",
      });
      admin = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const queueId = (
        await admin.post<{ id: string }>("/api/v1/queues", {
          name: "Email",
          settings: { channels: ["email"] },
        })
      ).body.id;
      const address = await admin.post<{ id: string }>("/api/v1/channels/email-addresses", {
        address: MAILBOX,
        queueId,
      });
      // Each store polls its own folder of the one Dovecot, so the two runs never see each other's mail.
      folder = `Sentra-${target.name.replace(/\W/g, "")}`;
      const client = await customer();
      await client.mailboxCreate(folder);
      await client.logout();
      relay = await cuttableRelay(dovecot.port);
      const created = await admin.post<Account & { password?: string }>("/api/v1/channels/imap-accounts", {
        emailAddressId: address.body.id,
        host: dovecot.host,
        port: relay.port,
        security: "none",
        username: IMAP_USER,
        password: IMAP_PASSWORD,
        folder,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ port: relay.port, security: "none", folder });
      expect(JSON.stringify(created.body)).not.toContain(IMAP_PASSWORD);
      accountId = created.body.id;
    });
    afterAll(async () => {
      await platform?.dispose();
      await relay?.cut();
    });

    const appendHere = async (...raw: string[]) => {
      const client = await customer();
      try {
        for (const m of raw) await client.append(folder, m);
      } finally {
        await client.logout();
      }
    };
    const account = async () =>
      (await admin.get<Account>(`/api/v1/channels/imap-accounts/${accountId}`)).body;
    const conversations = async () =>
      (await admin.get<{ items: { id: string }[] }>("/api/v1/conversations?limit=200")).body.items;
    const detail = async (id: string) => (await admin.get<Conversation>(`/api/v1/conversations/${id}`)).body;
    const allMessages = async () => {
      const out: Conversation["messages"] = [];
      for (const c of await conversations()) out.push(...(await detail(c.id)).messages);
      return out;
    };
    const seenFlags = async () => {
      const client = await customer();
      try {
        const lock = await client.getMailboxLock(folder);
        try {
          const all = await client.fetchAll("1:*", { uid: true, flags: true });
          return all.map((m) => m.flags?.has("\\Seen") ?? false);
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
    };

    it("never returns the password and lets the admin change it without reading it back", async () => {
      const listed = await admin.get<{ items: unknown[] }>("/api/v1/channels/imap-accounts");
      expect(listed.body.items).toHaveLength(1);
      expect(JSON.stringify(listed.body)).not.toContain(IMAP_PASSWORD);
      const patched = await admin.request("PATCH", `/api/v1/channels/imap-accounts/${accountId}`, {
        password: IMAP_PASSWORD,
      });
      expect(patched.status).toBe(200);
      expect(JSON.stringify(patched.body)).not.toContain(IMAP_PASSWORD);
    });

    it("turns appended mail into a routed conversation, threads the reply into it and flags both \\Seen", async () => {
      await appendHere(mail("first", "Kartu saya diblokir", "Tolong buka blokir kartu saya."));
      // The message is stored first and routed right after: wait for both.
      const first = await eventually(async () => {
        const items = await conversations();
        const c = items.length === 1 ? await detail(items[0]!.id) : undefined;
        return c?.currentInteractionId ? c : undefined;
      }, "the first mail as a routed conversation");
      expect(first.messages).toMatchObject([{ providerMessageId: "<first@customer.test>" }]);
      expect(first.messages[0]!.bodyText.trim()).toBe("Tolong buka blokir kartu saya.");
      expect(first.currentInteractionId).not.toBeNull();

      await appendHere(
        mail(
          "second",
          "Re: Kartu saya diblokir",
          "Sudah saya coba lagi.",
          "In-Reply-To: <first@customer.test>",
        ),
      );
      const threaded = await eventually(async () => {
        const c = await detail(first.id);
        return c.messages.length === 2 ? c : undefined;
      }, "the reply in the same conversation");
      expect(threaded.messages[1]!.providerMessageId).toBe("<second@customer.test>");
      expect(await conversations()).toHaveLength(1);
      await eventually(async () => ((await seenFlags()).every(Boolean) ? true : undefined), "\\Seen flags");
      await eventually(async () => ((await account()).lastUid === 2 ? true : undefined), "the cursor at 2");
    });

    it("stores a broken mail as far as it reads and goes on with the next one", async () => {
      const broken = [
        "From: rina@customer.test",
        `To: ${MAILBOX}`,
        "Subject: broken",
        "Message-ID: <broken@customer.test>",
        'Content-Type: multipart/mixed; boundary="never-closed"',
        "Content-Transfer-Encoding: base64",
        "",
        "--never-closed",
        "Content-Type: text/plain; charset=x-unknown-charset",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "=ZZ=XX broken =\u0000 \u00ff\u00fe",
        "",
      ].join("\r\n");
      // PostgreSQL text cannot hold NUL: a mail carrying one must still be stored, not retried forever.
      const withNul = mail("with-nul", "Nul\u0000 di subjek", "Isi dengan \u0000 di tengah");
      await appendHere(broken, withNul, mail("after-broken", "Pertanyaan baru", "Apakah bisa transfer?"));
      const messages = await eventually(async () => {
        const all = await allMessages();
        return all.some((m) => m.providerMessageId === "<after-broken@customer.test>") ? all : undefined;
      }, "the mail after the broken one");
      expect(messages.some((m) => m.providerMessageId === "<broken@customer.test>")).toBe(true);
      const nul = messages.find((m) => m.providerMessageId === "<with-nul@customer.test>");
      expect(nul?.bodyText).toContain("Isi dengan");
      await eventually(async () => ((await account()).lastUid === 5 ? true : undefined), "the cursor at 5");
      expect((await account()).lastError).toBeNull();
    });

    it("fetches nothing twice after the poller restarts, even with every \\Seen flag cleared", async () => {
      const before = (await allMessages()).length;
      const poller = platform.services.channels.imapPoller;
      await poller.stop();
      const client = await customer();
      const lock = await client.getMailboxLock(folder);
      await client.messageFlagsRemove("1:*", ["\\Seen"]);
      lock.release();
      await client.logout();
      poller.start();
      const polledAt = (await account()).lastPolledAt;
      await eventually(
        async () => ((await account()).lastPolledAt !== polledAt ? true : undefined),
        "a poll after the restart",
      );
      await poller.pass();
      expect((await allMessages()).length).toBe(before);

      // Even a lost cursor (UIDVALIDITY forgotten) fetches everything again without a duplicate message.
      await platform.services.db
        .updateTable("imap_accounts")
        .set({ uid_validity: "1", last_uid: 0 })
        .where("id", "=", accountId)
        .execute();
      await eventually(
        async () => ((await account()).uidValidity !== "1" ? true : undefined),
        "the folder read again",
      );
      await eventually(
        async () => ((await account()).lastUid === 5 ? true : undefined),
        "the cursor back at 5",
      );
      expect((await allMessages()).length).toBe(before);
    });

    it("lets one process poll an account while a second one waits for the lease, and hands it over", async () => {
      const { imapAccounts, intake } = platform.services.channels;
      const second = new ImapPoller(imapAccounts, intake, platform.services.logger, {
        intervalMs: 200,
        maxBytes: 1_000_000,
      });
      await second.pass();
      expect(second.held).toEqual([]);
      const first = platform.services.channels.imapPoller;
      expect(first.held).toEqual([accountId]);

      // When the holder stops, its lease is released and the other process takes the account over.
      await first.stop();
      second.start();
      await eventually(async () => (second.held[0] === accountId ? true : undefined), "the takeover");
      await appendHere(mail("taken-over", "Lewat proses kedua", "Halo."));
      await eventually(
        async () =>
          (await allMessages()).some((m) => m.providerMessageId === "<taken-over@customer.test>")
            ? true
            : undefined,
        "mail polled by the second process",
      );
      await second.stop();
      first.start();
      await eventually(async () => (first.held.length === 1 ? true : undefined), "the first process back");
    });

    it("records a server outage, backs off without crashing and delivers once the server is back", async () => {
      await relay.cut();
      await eventually(async () => ((await account()).lastError ? true : undefined), "the outage recorded");
      await relay.restore();
      await appendHere(mail("after-outage", "Masih ada?", "Halo lagi."));
      await eventually(
        async () =>
          (await allMessages()).some((m) => m.providerMessageId === "<after-outage@customer.test>")
            ? true
            : undefined,
        "the mail after the outage",
        400,
      );
      await eventually(
        async () => ((await account()).lastError === null ? true : undefined),
        "error cleared",
      );
    });
  });

  describeEachStore("tenant isolation of accounts", (target) => {
    let platform: TestPlatform;
    it("keeps tenant B's IMAP account invisible and untouchable for tenant A", async () => {
      platform = await startTestPlatform(target, {
        SENTRA_IMAP_ENABLED: "false",
        SENTRA_SMTP_ENABLED: "false",
      });
      try {
        const anonymous = new ApiClient(platform.app);
        const adminA = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        const tenantB = await platform.services.tenants.create({
          slug: "bank-b",
          name: "Bank B",
          timeZone: "UTC",
        });
        await platform.services.users.create(null, tenantB.id, {
          email: "admin@b.test",
          displayName: "B",
          role: "admin",
          locale: "en",
          password: "tenant-b-password",
        });
        const adminB = await anonymous.login("admin@b.test", "tenant-b-password");
        const queueB = (
          await adminB.post<{ id: string }>("/api/v1/queues", {
            name: "B",
            settings: { channels: ["email"] },
          })
        ).body.id;
        const addressB = (
          await adminB.post<{ id: string }>("/api/v1/channels/email-addresses", {
            address: "help@b.test",
            queueId: queueB,
          })
        ).body.id;
        const accountB = (
          await adminB.post<{ id: string }>("/api/v1/channels/imap-accounts", {
            emailAddressId: addressB,
            host: "127.0.0.1",
            port: 1,
            username: "b",
            password: "b-secret",
          })
        ).body.id;
        expect((await adminA.get<{ items: unknown[] }>("/api/v1/channels/imap-accounts")).body.items).toEqual(
          [],
        );
        expect((await adminA.get(`/api/v1/channels/imap-accounts/${accountB}`)).status).toBe(404);
        expect(
          (await adminA.request("PATCH", `/api/v1/channels/imap-accounts/${accountB}`, { enabled: false }))
            .status,
        ).toBe(404);
        expect((await adminA.request("DELETE", `/api/v1/channels/imap-accounts/${accountB}`)).status).toBe(
          404,
        );
        // A cannot attach an account to B's address either.
        expect(
          (
            await adminA.post("/api/v1/channels/imap-accounts", {
              emailAddressId: addressB,
              host: "127.0.0.1",
              username: "a",
              password: "a-secret",
            })
          ).status,
        ).toBe(404);
        expect(
          (await adminB.get<{ enabled: boolean }>(`/api/v1/channels/imap-accounts/${accountB}`)).body.enabled,
        ).toBe(true);
      } finally {
        await platform.dispose();
      }
    });
  });
});
