import { type ArticleBody, type QueueSettings, type SlaPolicyBody, slaPolicyBody } from "@sentra/core";
import type { Services } from "../services.js";
import type { Actor } from "../tenancy/actor.js";

const OFFICE_HOURS: [string, string][] = [["08:00", "17:00"]];
/** The demo bank's back office works Monday to Friday, 08:00–17:00 WIB, closed on Independence Day. */
const JAKARTA_OFFICE = {
  timeZone: "Asia/Jakarta",
  weekly: { "1": OFFICE_HOURS, "2": OFFICE_HOURS, "3": OFFICE_HOURS, "4": OFFICE_HOURS, "5": OFFICE_HOURS },
  holidays: ["2026-08-17", "2027-08-17"],
};

const FOLLOW_UP_QUEUE: QueueSettings = {
  channels: ["callback", "outbound"],
  skills: [],
  priority: 0,
  teamIds: [],
  policy: "longest_idle",
  serviceLevel: { targetPercent: 80, thresholdMs: 3_600_000 },
  relaxation: [],
};

type PolicySeed = Omit<SlaPolicyBody, "queueId" | "backOfficeTeamId" | "calendar" | "escalations">;
const POLICIES: PolicySeed[] = [
  {
    name: "Keluhan mendesak",
    caseType: "complaint",
    priority: "urgent",
    firstResponseMinutes: 30,
    resolutionMinutes: 480,
    followUpMinutes: 60,
  },
  {
    name: "Keluhan",
    caseType: "complaint",
    priority: null,
    firstResponseMinutes: 120,
    resolutionMinutes: 2_700,
    followUpMinutes: 240,
  },
  {
    name: "Permintaan",
    caseType: "request",
    priority: null,
    firstResponseMinutes: 240,
    resolutionMinutes: 2_700,
    followUpMinutes: 480,
  },
  {
    name: "Standar",
    caseType: null,
    priority: null,
    firstResponseMinutes: 480,
    resolutionMinutes: 4_500,
    followUpMinutes: 480,
  },
];

const CATEGORIES = ["Kartu / Cards", "Pembayaran / Payments", "Pengaduan / Complaints"] as const;
type Category = (typeof CATEGORIES)[number];

const ARTICLES: (Omit<ArticleBody, "categoryId"> & { category: Category })[] = [
  {
    category: "Kartu / Cards",
    language: "id",
    title: "Pemblokiran kartu yang hilang atau dicuri",
    tags: ["kartu", "blokir", "hilang"],
    body: "## Langkah\n\n1. Verifikasi identitas nasabah (nama lengkap, tanggal lahir, nama ibu kandung).\n2. Blokir kartu di sistem kartu segera; pemblokiran berlaku saat itu juga.\n3. Tawarkan kartu pengganti; kartu baru dikirim ke alamat terdaftar dalam 5 hari kerja.\n\nJika ada transaksi yang tidak dikenali, buat **kasus keluhan** dan lampirkan daftar transaksinya.",
  },
  {
    category: "Kartu / Cards",
    language: "en",
    title: "Blocking a lost or stolen card",
    tags: ["card", "block", "lost"],
    body: "## Steps\n\n1. Verify the customer's identity (full name, date of birth, mother's maiden name).\n2. Block the card in the card system at once; the block takes effect immediately.\n3. Offer a replacement card; it is sent to the registered address within 5 working days.\n\nIf there are transactions the customer does not recognise, open a **complaint case** and attach the list.",
  },
  {
    category: "Pembayaran / Payments",
    language: "id",
    title: "Cara membayar tagihan kartu kredit",
    tags: ["tagihan", "pembayaran"],
    body: "Nasabah dapat membayar tagihan kartu kredit melalui ATM, mobile banking, internet banking, atau teller cabang.\n\n- Pembayaran minimum harus diterima paling lambat pada tanggal jatuh tempo.\n- Pembayaran lewat ATM bank lain dapat memerlukan 1 hari kerja.\n- Bila pembayaran sudah dilakukan tetapi belum tercatat, minta bukti bayar dan buat kasus permintaan.",
  },
  {
    category: "Pembayaran / Payments",
    language: "en",
    title: "Paying a credit card bill",
    tags: ["bill", "payment"],
    body: "Customers can pay their credit card bill at ATMs, in mobile or internet banking, or at a branch teller.\n\n- The minimum payment must arrive by the due date.\n- Payments from another bank's ATM can take one working day.\n- If a payment was made but is not shown yet, ask for the receipt and open a request case.",
  },
  {
    category: "Pengaduan / Complaints",
    language: "id",
    title: "Prosedur penanganan keluhan nasabah",
    tags: ["keluhan", "mengeluh", "pengaduan", "prosedur"],
    body: "1. Dengarkan dan catat keluhan nasabah dalam **kasus** baru dengan jenis *keluhan*.\n2. Berikan nomor kasus kepada nasabah.\n3. Bila tidak dapat diselesaikan dalam percakapan, eskalasikan ke supervisor dengan alasan yang jelas.\n4. Nasabah dihubungi kembali dengan hasilnya; sistem membuat tugas tindak lanjut secara otomatis setelah kasus eskalasi diselesaikan.",
  },
  {
    category: "Pengaduan / Complaints",
    language: "en",
    title: "Customer complaint procedure",
    tags: ["complaint", "procedure"],
    body: "1. Listen to the complaint and record it in a new **case** of type *complaint*.\n2. Give the customer the case number.\n3. If it cannot be solved in the conversation, escalate to a supervisor with a clear reason.\n4. The customer is called back with the result; the system creates the follow-up task automatically once an escalated case is resolved.",
  },
];

/**
 * Demo cases and knowledge: a follow-up queue, SLA policies in Jakarta office hours (back office = the
 * customer-service team), and published bilingual articles on card blocking, bill payment and complaints.
 */
export async function seedDemoCasesAndKnowledge(
  services: Services,
  tenantId: string,
  teamIds: ReadonlyMap<string, string>,
): Promise<void> {
  const actor: Actor = { kind: "api_key", id: "demo-seed", tenantId, role: "admin", name: "Demo seed" };
  const origin = { ip: null, userAgent: null };
  const queue = await services.db
    .insertInto("queues")
    .values({ tenant_id: tenantId, name: "Tindak Lanjut Kasus", config: JSON.stringify(FOLLOW_UP_QUEUE) })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (services.routingRuntime.active)
    await services.routingWork.applyQueue(tenantId, queue.id, FOLLOW_UP_QUEUE);
  for (const policy of POLICIES) {
    const body = slaPolicyBody.parse({
      ...policy,
      calendar: JAKARTA_OFFICE,
      queueId: queue.id,
      backOfficeTeamId: teamIds.get("Layanan Nasabah") ?? null,
    });
    await services.cases.policies.create(actor, body, origin);
  }
  const categoryIds = new Map<string, string>();
  for (const name of CATEGORIES) {
    categoryIds.set(name, (await services.knowledge.articles.createCategory(actor, name, origin)).id);
  }
  for (const { category, ...article } of ARTICLES) {
    const created = await services.knowledge.articles.create(
      actor,
      { ...article, categoryId: categoryIds.get(category) ?? null },
      origin,
    );
    await services.knowledge.articles.setStatus(actor, created.id, "published", origin);
  }
}
