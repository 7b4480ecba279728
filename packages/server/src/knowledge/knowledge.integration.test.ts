import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

type Hit = {
  id: string;
  title: string;
  rank: number;
  excerpt: string;
  highlights: { start: number; length: number }[];
};
type Hits = { items: Hit[] };
type Article = { id: string; version: number; status: string };

const ARTICLES = [
  {
    language: "id",
    title: "Cara membayar tagihan kartu kredit",
    body: "Anda dapat membayar tagihan kartu kredit melalui ATM, mobile banking atau teller cabang. Pembayaran minimum harus diterima sebelum tanggal jatuh tempo agar tidak dikenakan denda.",
    tags: ["tagihan", "kartu-kredit"],
  },
  {
    language: "id",
    title: "Pemblokiran kartu yang hilang atau dicuri",
    body: "Jika kartu Anda hilang atau dicuri, segera hubungi kami untuk memblokir kartu. Petugas akan memverifikasi identitas Anda lalu menerbitkan kartu pengganti.",
    tags: ["kartu", "blokir"],
  },
  {
    language: "en",
    title: "How to pay your credit card bill",
    body: "You can pay the bill through ATMs, mobile banking or at a branch teller. The minimum payment must arrive before the due date to avoid a late fee.",
    tags: ["billing"],
  },
  {
    language: "en",
    title: "Blocking a lost or stolen card",
    body: "If your card is lost or stolen, call us at once so we can block it. The agent verifies your identity and issues a replacement card.",
    tags: ["cards"],
  },
] as const;

describeEachStore("knowledge base search", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let agent: ApiClient;
  const ids: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    const anonymous = new ApiClient(platform.app);
    admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.post("/api/v1/users", {
      email: "budi@acme.test",
      displayName: "Budi",
      role: "agent",
      password: "budi-password-123",
    });
    agent = await anonymous.login("budi@acme.test", "budi-password-123");
    for (const article of ARTICLES) {
      const created = await admin.post<Article>("/api/v1/kb/articles", article);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids.push(created.body.id);
      expect((await admin.post(`/api/v1/kb/articles/${created.body.id}/publish`)).status).toBe(200);
    }
  });
  afterAll(() => platform?.dispose());

  const search = (q: string, lang?: string) =>
    agent.get<Hits>(`/api/v1/kb/search?q=${encodeURIComponent(q)}${lang ? `&lang=${lang}` : ""}`);

  it("stems Indonesian: 'pembayaran' finds the article about 'membayar tagihan' (both are 'bayar')", async () => {
    const hits = (await search("pembayaran", "id")).body.items;
    expect(hits.map((h) => h.title)).toEqual(["Cara membayar tagihan kartu kredit"]);
    const [hit] = hits;
    const marked = hit!.highlights.map((h) => hit!.excerpt.slice(h.start, h.start + h.length).toLowerCase());
    expect(marked).toContain("membayar");
    expect(hit!.excerpt).not.toMatch(/[⟦⟧]/);
    // The Indonesian stemmer strips the prefix too: 'memblokir' and 'pemblokiran' are both 'blokir'.
    expect((await search("blokir", "id")).body.items[0]?.title).toBe(
      "Pemblokiran kartu yang hilang atau dicuri",
    );
  });

  it("pins what the Indonesian snowball stemmer really does, including where it falls short", async () => {
    const { rows } = await sql<{ lexemes: string }>`
      select to_tsvector('indonesian', 'pembayaran membayar dibayar tagihan pemblokiran keluhan mengeluh')::text
        as lexemes
    `.execute(platform.services.db);
    // Prefixes and suffixes go (pem-/mem-/di-, -an), but "keluhan" loses "ke-" as if it were a prefix, so a
    // search for "mengeluh" (complain) does not find "keluhan" (complaint); articles carry both as tags.
    expect(rows[0]?.lexemes).toBe("'bayar':1,2,3 'blokir':5 'eluh':7 'luhan':6 'tagih':4");
  });

  it("stems English: 'blocked cards' finds 'Blocking a lost or stolen card', title matches rank first", async () => {
    const hits = (await search("blocked cards", "en")).body.items;
    expect(hits[0]?.title).toBe("Blocking a lost or stolen card");
    const paying = (await search("paying", "en")).body.items;
    expect(paying.map((h) => h.title)).toEqual(["How to pay your credit card bill"]);
    const card = (await search("card", "en")).body.items;
    expect(card.map((h) => h.title)).toEqual([
      "Blocking a lost or stolen card",
      "How to pay your credit card bill",
    ]);
    expect(card[0]!.rank).toBeGreaterThanOrEqual(card[1]!.rank);
  });

  it("filters by language and searches both without one", async () => {
    expect((await search("kartu", "en")).body.items).toHaveLength(0);
    expect((await search("ATM")).body.items.map((h) => h.title).sort()).toEqual([
      "Cara membayar tagihan kartu kredit",
      "How to pay your credit card bill",
    ]);
  });

  it("suggests articles from conversation text, ignoring greetings and fillers", async () => {
    const reply = await agent.post<Hits & { terms: string[] }>("/api/v1/kb/suggest", {
      text: "Halo mbak, selamat siang. Saya mau bayar tagihan kartu kredit bulan ini, gimana caranya ya?",
      language: "id",
    });
    expect(reply.status).toBe(200);
    expect(reply.body.terms).not.toContain("saya");
    expect(reply.body.terms).not.toContain("mbak");
    expect(reply.body.items[0]?.title).toBe("Cara membayar tagihan kartu kredit");
    const english = await agent.post<Hits>("/api/v1/kb/suggest", {
      text: "Hi, I lost my card yesterday and I think it was stolen. Please help!",
      language: "en",
    });
    expect(english.body.items[0]?.title).toBe("Blocking a lost or stolen card");
    const nothing = await agent.post<Hits>("/api/v1/kb/suggest", {
      text: "halo, terima kasih",
      language: "id",
    });
    expect(nothing.body.items).toEqual([]);
  });

  it("keeps every edit as a version; drafts are hidden from agents and from search", async () => {
    const id = ids[1]!;
    const edited = await admin.patch<Article>(`/api/v1/kb/articles/${id}`, {
      tags: ["kartu", "blokir", "hilang"],
    });
    expect(edited.body.version).toBe(2);
    const versions = await admin.get<{ items: { version: number }[] }>(`/api/v1/kb/articles/${id}/versions`);
    expect(versions.body.items.map((v) => v.version)).toEqual([2, 1]);
    await admin.post(`/api/v1/kb/articles/${id}/unpublish`);
    expect((await agent.get(`/api/v1/kb/articles/${id}`)).status).toBe(404);
    expect((await search("dicuri", "id")).body.items).toHaveLength(0);
    expect((await admin.get(`/api/v1/kb/articles/${id}`)).status).toBe(200);
    expect((await agent.post("/api/v1/kb/articles", ARTICLES[0])).status).toBe(403);
    const agentList = await agent.get<{ items: { id: string }[] }>("/api/v1/kb/articles");
    expect(agentList.body.items.map((a) => a.id)).not.toContain(id);
    await admin.post(`/api/v1/kb/articles/${id}/publish`);
    expect((await search("dicuri", "id")).body.items).toHaveLength(1);
  });

  it("answers bad input with a precise 400", async () => {
    const reply = await agent.get<{ error: { code: string } }>("/api/v1/kb/search?q=&lang=fr");
    expect(reply.status).toBe(400);
  });
});
