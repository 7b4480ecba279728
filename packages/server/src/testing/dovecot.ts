import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { servicesRequired } from "./services-under-test.js";

/**
 * A private Dovecot IMAP server for tests (Debian's `dovecot-imapd`): its own config, maildirs and sockets in
 * a temp dir, plaintext IMAP on a free loopback port, users from a passwd-file. Without the binary the IMAP
 * tests skip and say why — unless SENTRA_REQUIRE_SERVICES=1 (CI), where a missing Dovecot fails.
 */
export const DOVECOT = process.env.SENTRA_DOVECOT ?? "/usr/sbin/dovecot";

const missing = !existsSync(DOVECOT);
if (missing && servicesRequired) {
  throw new Error(`SENTRA_REQUIRE_SERVICES=1 but ${DOVECOT} is missing: apt-get install -y dovecot-imapd`);
}
if (missing) {
  console.warn(`[sentra tests] IMAP tests SKIPPED: ${DOVECOT} not found (apt-get install -y dovecot-imapd)`);
}

export const describeWithDovecot = missing
  ? (name: string, body: () => void) => describe.skip(`${name} [skipped: ${DOVECOT} not found]`, body)
  : describe;

export interface Dovecot {
  readonly host: string;
  readonly port: number;
  /** Starts the server again after stop(), on the same port and maildirs. */
  start(): Promise<void>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

/** The uid/gid Dovecot's mail processes run as: this user, or Dovecot's own user when running as root. */
function mailUser(): { user: string; group: string; uid: number; gid: number } {
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  if (uid !== 0) {
    const name = process.env.USER ?? String(uid);
    return { user: name, group: String(gid), uid, gid };
  }
  // Dovecot refuses to run logins or mail access as root; its package creates these users.
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
  const entry = passwd.find((l) => l.startsWith("dovecot:"))?.split(":");
  if (!entry) throw new Error("running as root but the dovecot system user is missing");
  return { user: "dovecot", group: "dovecot", uid: Number(entry[2]), gid: Number(entry[3]) };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

async function waitForGreeting(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.setTimeout(1_000);
      socket.once("data", (chunk) => {
        socket.destroy();
        resolve(chunk.toString().startsWith("* OK"));
      });
      socket.once("error", () => resolve(false));
      socket.once("timeout", () => {
        socket.destroy();
        resolve(false);
      });
      socket.connect(port, "127.0.0.1");
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not greet on 127.0.0.1:${port}`);
}

/** Starts a Dovecot with the given users (name → password). */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = await mkdtemp(join(tmpdir(), "sentra-dovecot-"));
  const port = await freePort();
  const mail = mailUser();
  const root = (process.getuid?.() ?? 0) === 0;
  await chmod(dir, 0o755);
  const home = join(dir, "home");
  await mkdir(home);
  if (root) await chown(home, mail.uid, mail.gid);
  await writeFile(
    join(dir, "passwd"),
    Object.entries(users)
      .map(([user, password]) => `${user}:{PLAIN}${password}`)
      .join("\n"),
  );
  const conf = join(dir, "dovecot.conf");
  await writeFile(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${mail.user}
default_internal_group = ${mail.group}
default_login_user = ${root ? "dovenull" : mail.user}
first_valid_uid = ${Math.min(mail.uid, 1)}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mail.uid} gid=${mail.gid} home=${home}/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  // Run in the foreground (-F) as this test's child, so stopping it is ending one known process.
  let master: ChildProcess | null = null;
  const dovecot: Dovecot = {
    host: "127.0.0.1",
    port,
    async start() {
      const child = spawn(DOVECOT, ["-F", "-c", conf], { stdio: "ignore" });
      master = child;
      const exited = new Promise<never>((_, reject) =>
        child.once("exit", (code) =>
          reject(new Error(`dovecot exited with ${code}; see ${dir}/dovecot.log`)),
        ),
      );
      exited.catch(() => undefined);
      await Promise.race([waitForGreeting(port), exited]);
    },
    async stop() {
      const child = master;
      master = null;
      if (!child || child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await gone;
    },
    async dispose() {
      await dovecot.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await dovecot.start();
  return dovecot;
}
