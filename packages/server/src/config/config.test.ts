import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("configuration", () => {
  it("defaults to the embedded store on 127.0.0.1:3000 with data in ./data", () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      dataDir: "./data",
      databaseUrl: undefined,
      natsUrl: undefined,
      cookieSecure: true,
      seedDemo: true,
    });
  });

  it("reads every documented variable", () => {
    const config = loadConfig({
      SENTRA_PORT: "8080",
      SENTRA_HOST: "0.0.0.0",
      SENTRA_DATA_DIR: "/var/lib/sentra",
      SENTRA_DATABASE_URL: "postgres://sentra:pw@db:5432/sentra",
      SENTRA_NATS_URL: "nats://nats:4222",
      SENTRA_ADMIN_EMAIL: "ops@bank.co.id",
      SENTRA_ADMIN_PASSWORD: "a-long-enough-password",
      SENTRA_COOKIE_SECURE: "false",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      dataDir: "/var/lib/sentra",
      databaseUrl: "postgres://sentra:pw@db:5432/sentra",
      natsUrl: "nats://nats:4222",
      adminEmail: "ops@bank.co.id",
      cookieSecure: false,
    });
  });

  it("polls IMAP every 30 s and keeps the web chat's per-IP limits unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({
      imap: { enabled: true, pollMs: 30_000 },
      webChatRateLimits: { sessionsPerMinute: 10, requestsPerMinute: 60 },
    });
    expect(
      loadConfig({
        SENTRA_IMAP_ENABLED: "false",
        SENTRA_IMAP_POLL_MS: "5000",
        SENTRA_WEBCHAT_SESSIONS_PER_MINUTE: "4000",
        SENTRA_WEBCHAT_REQUESTS_PER_MINUTE: "50000",
      }),
    ).toMatchObject({
      imap: { enabled: false, pollMs: 5000 },
      webChatRateLimits: { sessionsPerMinute: 4000, requestsPerMinute: 50000 },
    });
    expect(problemsOf({ SENTRA_IMAP_POLL_MS: "10" })[0]).toMatch(/^SENTRA_IMAP_POLL_MS must be at least 100/);
    expect(problemsOf({ SENTRA_WEBCHAT_REQUESTS_PER_MINUTE: "0" })[0]).toMatch(
      /^SENTRA_WEBCHAT_REQUESTS_PER_MINUTE/,
    );
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ SENTRA_DATABASE_URL: "", SENTRA_NATS_URL: " " })).toMatchObject({
      databaseUrl: undefined,
      natsUrl: undefined,
    });
  });

  it.each([
    [{ SENTRA_PORT: "http" }, "SENTRA_PORT must be a number"],
    [{ SENTRA_PORT: "70000" }, "SENTRA_PORT must be between 0 (any free port) and 65535"],
    [
      { SENTRA_DATABASE_URL: "mysql://localhost/x" },
      "SENTRA_DATABASE_URL must be a postgres:// or postgresql:// URL",
    ],
    [{ SENTRA_NATS_URL: "http://nats" }, "SENTRA_NATS_URL must be a nats://host:port URL"],
    [{ SENTRA_ADMIN_EMAIL: "admin" }, "SENTRA_ADMIN_EMAIL must be an email address"],
    [
      { SENTRA_ADMIN_EMAIL: "a@b.co", SENTRA_ADMIN_PASSWORD: "short" },
      "SENTRA_ADMIN_PASSWORD must be at least 12",
    ],
    [
      { SENTRA_ADMIN_PASSWORD: "long-enough-password" },
      "SENTRA_ADMIN_PASSWORD is set but SENTRA_ADMIN_EMAIL is not",
    ],
    [{ SENTRA_LOG_LEVEL: "loud" }, "SENTRA_LOG_LEVEL must be one of"],
    [{ SENTRA_COOKIE_SECURE: "maybe" }, "SENTRA_COOKIE_SECURE must be true or false"],
  ])("rejects %j with a message naming the variable", (env, expected) => {
    expect(problemsOf(env).join("\n")).toContain(expected);
  });

  it("lists every wrong variable at once, and never echoes a password", () => {
    const problems = problemsOf({
      SENTRA_PORT: "x",
      SENTRA_HOST: "",
      SENTRA_ADMIN_EMAIL: "a@b.co",
      SENTRA_ADMIN_PASSWORD: "secret",
    });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).not.toContain("secret");
  });
});
