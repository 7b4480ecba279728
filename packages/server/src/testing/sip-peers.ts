/** Test helpers for SIP: free ports, running sipp as a real peer, a raw UDP peer, a quiet logger. */
import { spawn } from "node:child_process";
import { createSocket, type Socket } from "node:dgram";
import { createServer } from "node:net";
import pino from "pino";

export const quietLogger = pino({ level: process.env.SIP_TEST_LOG ?? "silent" });

/** A port free for both UDP and TCP on loopback at the time of asking. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket("udp4");
      socket.once("error", () => resolve(false));
      socket.bind(port, "127.0.0.1", () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
}

export interface SippResult {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs sipp against a target on loopback and resolves with its exit code (0 = every call succeeded). One call
 * (`-m 1 -l 1`) unless `args` sets `-m` / `-l`.
 */
export async function runSipp(
  target: string,
  args: readonly string[],
  timeoutMs = 30_000,
  localPort?: number,
): Promise<SippResult> {
  const port = localPort ?? (await freePort());
  const child = spawn(
    "/usr/bin/sipp",
    [
      ...(target === "" ? [] : [target]),
      "-i",
      "127.0.0.1",
      "-p",
      String(port),
      ...(args.includes("-m") ? [] : ["-m", "1"]),
      ...(args.includes("-l") ? [] : ["-l", "1"]),
      "-timeout",
      "20s",
      "-timeout_error",
      "-nostdin",
      ...args,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

/** A bare UDP socket that records every datagram with its arrival time. */
export class RawUdpPeer {
  readonly received: { at: number; text: string }[] = [];
  readonly #socket: Socket;
  #waiters: (() => void)[] = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on("message", (buffer) => {
      this.received.push({ at: Date.now(), text: buffer.toString("latin1") });
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  static async open(): Promise<RawUdpPeer> {
    const socket = createSocket("udp4");
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", () => resolve()));
    return new RawUdpPeer(socket);
  }

  get port(): number {
    return this.#socket.address().port;
  }

  send(text: string, port: number): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#socket.send(Buffer.from(text, "latin1"), port, "127.0.0.1", (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  /** Waits until a received datagram satisfies the predicate, or fails after `timeoutMs`. */
  async waitFor(predicate: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.received.find((m) => predicate(m.text));
      if (hit) return hit.text;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`No matching SIP message within ${timeoutMs} ms; got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#socket.close(() => resolve()));
  }
}

/** Counts of libuv handle types now alive in this process (UDP/TCP sockets, timers) for leak checks. */
export function activeHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

/**
 * A baresip process with a generated config dir: one account registering to `registrar` with digest. Options
 * add what an agent's desk phone needs: auto-answer, a WAV file as its microphone, recording what it hears.
 */
export async function startBaresip(options: {
  readonly dir: string;
  readonly registrarPort: number;
  readonly user: string;
  readonly password: string;
  /** Answer incoming calls by itself (the menu module and `answermode=auto`). */
  readonly autoAnswer?: boolean;
  /** An 8 kHz WAV played as the phone's microphone (ausine only runs at 48 kHz); default a 440 Hz sine. */
  readonly microphoneWav?: string;
  /** Write what the phone sends and hears to `<dir>/dump-…-{enc,dec}.wav` (the sndfile module). */
  readonly recordTo?: string;
}): Promise<{ output: () => string; stop: () => Promise<void> }> {
  const { mkdir, writeFile } = await import("node:fs/promises");
  await mkdir(options.dir, { recursive: true });
  if (options.recordTo) await mkdir(options.recordTo, { recursive: true });
  const listenPort = await freePort();
  await writeFile(
    `${options.dir}/config`,
    [
      "poll_method epoll",
      `sip_listen 127.0.0.1:${listenPort}`,
      "sip_transports udp",
      "audio_player aufile,/dev/null",
      options.microphoneWav ? `audio_source aufile,${options.microphoneWav}` : "audio_source ausine,440",
      "module_path /usr/lib/baresip/modules",
      "module account.so",
      "module g711.so",
      "module ausine.so",
      "module aufile.so",
      ...(options.autoAnswer ? ["module menu.so"] : []),
      ...(options.recordTo ? ["module sndfile.so", `snd_path ${options.recordTo}`] : []),
      "net_interface 127.0.0.1",
      "",
    ].join("\n"),
  );
  await writeFile(
    `${options.dir}/accounts`,
    `<sip:${options.user}@127.0.0.1:${options.registrarPort};transport=udp>;auth_pass=${options.password};regint=60${
      options.autoAnswer ? ";answermode=auto" : ""
    }\n`,
  );
  const child = spawn("/usr/bin/baresip", ["-f", options.dir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return {
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
