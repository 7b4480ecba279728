import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const cli = fileURLToPath(new URL("../dist/main.js", import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

describe("the sentra command", () => {
  let dataDir: string;
  const sentra = async (...args: string[]): Promise<Outcome> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
        env: { PATH: process.env.PATH ?? "", SENTRA_DATA_DIR: dataDir, SENTRA_LOG_LEVEL: "warn" },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "sentra-cli-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("migrates a new store, then reports it up to date", async () => {
    expect((await sentra("migrate")).stdout).toMatch(/Applied \d+ migration\(s\)/);
    expect((await sentra("migrate")).stdout).toContain("already up to date");
  });

  it("creates a tenant in a given time zone and refuses a bad one", async () => {
    const created = await sentra(
      "tenant",
      "create",
      "bank-sulawesi",
      "--name",
      "Bank Sulawesi",
      "--time-zone",
      "Asia/Makassar",
    );
    expect(created.stdout).toContain("Created tenant bank-sulawesi");
    const bad = await sentra("tenant", "create", "bank-x", "--name", "X", "--time-zone", "Mars/Olympus");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("is not an IANA time zone");
    expect((await sentra("tenant", "list")).stdout).toContain("Asia/Makassar");
  });

  it("creates a user with a generated password printed once", async () => {
    const out = await sentra(
      "user",
      "create",
      "--tenant",
      "bank-sulawesi",
      "--email",
      "spv@sulawesi.test",
      "--name",
      "Spv",
      "--role",
      "supervisor",
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Password \(shown once\): \S{20}/);
    const weak = await sentra(
      "user",
      "create",
      "--tenant",
      "bank-sulawesi",
      "--email",
      "w@sulawesi.test",
      "--name",
      "W",
      "--role",
      "agent",
      "--password",
      "123",
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("at least 12 characters");
  });

  it("imports users from CSV, reporting each bad row by line without dropping the good ones", async () => {
    const csv = path.join(dataDir, "users.csv");
    await writeFile(
      csv,
      [
        "email,name,role,locale",
        "ani@sulawesi.test,Ani Yudhoyono,agent,id",
        "not-an-email,Broken Row,agent,id",
        "rudi@sulawesi.test,Rudi Hartono,janitor,id",
        "spv@sulawesi.test,Duplicate,agent,en",
        "joko@sulawesi.test,Joko Susilo,agent,en",
      ].join("\n"),
    );
    const out = await sentra("import", "users", csv, "--tenant", "bank-sulawesi");
    expect(out.code).toBe(2);
    expect(out.stdout).toContain("Imported 2 user(s); 3 row(s) rejected.");
    expect(out.stdout).toMatch(/line 3: email/);
    expect(out.stdout).toMatch(/line 4: role/);
    expect(out.stdout).toMatch(/line 5: A user with the email spv@sulawesi.test already exists/);
    expect(out.stderr).toContain("importing users");
  });

  it("imports WFM history with a per-line report and backtests a history file", async () => {
    const file = path.join(dataDir, "history.csv");
    await writeFile(
      file,
      [
        "interval_start,queue,channel,arrivals,handled,abandoned,aht_seconds",
        "2026-03-02T08:00:00,Kartu Kredit,voice,12,11,1,190",
        "2026-03-02T08:15:00,Kartu Kredit,voice,many,11,1,190",
        "2026-03-02T08:30:00,Kartu Kredit,voice,9,9,0,",
      ].join("\n"),
    );
    const out = await sentra("wfm", "import", file, "--tenant", "bank-sulawesi");
    expect(out.code).toBe(2);
    expect(out.stdout).toContain("Imported 3 row(s) as intervals: 2 interval(s) stored; 1 row(s) rejected.");
    expect(out.stdout).toMatch(/line 3: arrivals/);
    expect(out.stderr).toContain("importing history");
    const backtest = await sentra("wfm", "backtest", file, "--interval", "60", "--json");
    expect(JSON.parse(backtest.stdout)).toMatchObject({ rows: 3, problems: 1, days: 1 });
  });

  it("explains a configuration error and exits with EX_CONFIG", async () => {
    const { code, stderr } = await run(process.execPath, [cli, "migrate"], {
      env: { PATH: process.env.PATH ?? "", SENTRA_DATABASE_URL: "mysql://nope" },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(code).toBe(78);
    expect(stderr).toContain("SENTRA_DATABASE_URL must be a postgres://");
  });
});
