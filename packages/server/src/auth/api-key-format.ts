import { randomBytes } from "node:crypto";
import { randomToken } from "./secrets.js";

/**
 * API keys look like `sk_<prefix>_<secret>`. The prefix is stored in clear to find the key in one indexed
 * lookup and to let people recognise a key in a list; only a hash of the secret is stored.
 */
const API_KEY_PATTERN = /^sk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  prefix: string;
  secret: string;
}

export function newApiKey(): { key: string; prefix: string; secret: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomToken(32);
  return { key: `sk_${prefix}_${secret}`, prefix, secret };
}

export function parseApiKey(value: string): ParsedApiKey | undefined {
  const match = API_KEY_PATTERN.exec(value);
  return match ? { prefix: match[1]!, secret: match[2]! } : undefined;
}
