import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachStore } from "../testing/services-under-test.js";
import { migrateToLatest, openDatabase } from "./database.js";
import { migrations } from "./migrations/index.js";

describeEachStore("database", (target) => {
  it("migrates an empty store to the latest schema, then finds nothing left to apply", async () => {
    const store = await target.create();
    const handle = await openDatabase({
      databaseUrl: store.env.SENTRA_DATABASE_URL,
      dataDir: store.env.SENTRA_DATA_DIR!,
    });
    try {
      expect(handle.kind).toBe(target.name);
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(handle.db)).toEqual([]);
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name
      `.execute(handle.db);
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          "api_keys",
          "audit_log",
          "sessions",
          "team_members",
          "teams",
          "tenants",
          "users",
        ]),
      );
    } finally {
      await handle.close();
      await store.dispose();
    }
  });

  it("keeps committed rows across close and reopen", async () => {
    const store = await target.create();
    const options = { databaseUrl: store.env.SENTRA_DATABASE_URL, dataDir: store.env.SENTRA_DATA_DIR! };
    try {
      const first = await openDatabase(options);
      await migrateToLatest(first.db);
      await first.db
        .insertInto("tenants")
        .values({ slug: "kept", name: "Kept", time_zone: "Asia/Jayapura", default_locale: "id" })
        .execute();
      await first.close();
      const second = await openDatabase(options);
      const row = await second.db.selectFrom("tenants").select(["slug", "time_zone"]).executeTakeFirst();
      await second.close();
      expect(row).toEqual({ slug: "kept", time_zone: "Asia/Jayapura" });
    } finally {
      await store.dispose();
    }
  });

  it("runs a transaction on its own: a concurrent query neither sees nor joins it", async () => {
    const store = await target.create();
    const handle = await openDatabase({
      databaseUrl: store.env.SENTRA_DATABASE_URL,
      dataDir: store.env.SENTRA_DATA_DIR!,
    });
    try {
      await migrateToLatest(handle.db);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const failing = handle.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("tenants")
          .values({ slug: "rolled-back", name: "R", time_zone: "Asia/Jakarta", default_locale: "id" })
          .execute();
        await gate;
        throw new Error("abort");
      });
      const outside = handle.db
        .insertInto("tenants")
        .values({ slug: "outside", name: "O", time_zone: "Asia/Jakarta", default_locale: "id" })
        .execute();
      release();
      await expect(failing).rejects.toThrow("abort");
      await outside;
      const slugs = (await handle.db.selectFrom("tenants").select("slug").execute()).map((r) => r.slug);
      expect(slugs).toEqual(["outside"]);
    } finally {
      await handle.close();
      await store.dispose();
    }
  });
});
