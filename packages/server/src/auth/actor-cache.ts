import type { Actor } from "../tenancy/actor.js";

interface Entry {
  readonly actor: Actor;
  readonly freshUntil: number;
}

/**
 * Remembers resolved tokens for a few seconds so a busy agent's requests do not each cost a database round
 * trip. Logout, disabling a user, a role change and revoking a key clear the entries in this process at once;
 * another process may honour a revoked token for at most `ttlMs`.
 */
export class ActorCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): Actor | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.freshUntil <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.actor;
  }

  set(key: string, actor: Actor, notAfter: number): void {
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { actor, freshUntil: Math.min(this.now() + this.ttlMs, notAfter) });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  forgetActor(kind: Actor["kind"], id: string): void {
    for (const [key, entry] of this.#entries) {
      if (entry.actor.kind === kind && entry.actor.id === id) this.#entries.delete(key);
    }
  }
}
