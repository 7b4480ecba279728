import {
  type CustomerBody,
  customerBody,
  DEFAULT_MASKED_FIELDS,
  DEFAULT_VERIFICATION_POLICY,
} from "@sentra/core";
import type { Services } from "../services.js";

const SEGMENTS = ["Retail", "Prioritas", "UMKM"];

/** A few Indonesian bank customers, one of them on file twice in old spelling, so duplicates show something. */
const DEMO_CUSTOMERS: Partial<CustomerBody>[] = [
  {
    fullName: "Budi Santoso",
    phones: ["0812-3456-7001"],
    emails: ["budi.santoso@example.co.id"],
    customerNumber: "CIF-1000001",
    accountNumbers: ["1230004567"],
    birthDate: "1985-03-07",
    mothersMaidenName: "Siti Aminah",
    address: "Jl. Sudirman No. 12, Jakarta Pusat",
    language: "id",
    segment: "Retail",
    customFields: { npwp: "09.254.294.3-407.000" },
  },
  {
    fullName: "Bpk. Boedi Santosa",
    phones: ["+62 812 3456 7001"],
    birthDate: "1985-03-07",
    language: "id",
  },
  {
    fullName: "Ibu Dewi Lestari, S.E.",
    phones: ["0813-2222-1100"],
    emails: ["dewi.lestari@example.id"],
    customerNumber: "CIF-1000002",
    accountNumbers: ["4560001234"],
    birthDate: "1990-11-21",
    mothersMaidenName: "Sri Wahyuni",
    address: "Jl. Diponegoro No. 5, Bandung",
    language: "id",
    segment: "Prioritas",
  },
  {
    fullName: "Andi Wijaya",
    phones: ["0811-9090-1212"],
    emails: ["andi.wijaya@example.com"],
    customerNumber: "CIF-1000003",
    accountNumbers: ["7890001111"],
    birthDate: "1978-06-30",
    address: "Jl. Pemuda No. 88, Surabaya",
    language: "en",
    segment: "UMKM",
  },
  {
    fullName: "Putu Ayu Maharani",
    phones: ["0361-234567", "0819-3333-4444"],
    emails: ["putu.ayu@example.id"],
    customerNumber: "CIF-1000004",
    birthDate: "1995-01-15",
    address: "Jl. Teuku Umar No. 3, Denpasar",
    language: "id",
    segment: "Retail",
    doNotContact: true,
  },
  {
    fullName: "H. Muhammad Rizki Siregar",
    phones: ["0852-6000-7000"],
    customerNumber: "CIF-1000005",
    accountNumbers: ["3210009876"],
    birthDate: "1969-08-17",
    address: "Jl. Gatot Subroto No. 45, Medan",
    language: "id",
    segment: "Prioritas",
  },
];

/** Demo customers, the tenant's segments and custom fields, and the default verification policy. */
export async function seedDemoCustomers(services: Services, tenantId: string): Promise<void> {
  const { customers } = services;
  await customers.settings.putForTenant(tenantId, {
    segments: SEGMENTS,
    fields: [
      { key: "npwp", label: "NPWP", type: "text", sensitive: true },
      { key: "nasabah_sejak", label: "Nasabah sejak", type: "date", sensitive: false },
    ],
  });
  await customers.verification.putSettings(null, tenantId, {
    policy: DEFAULT_VERIFICATION_POLICY,
    maskedFields: [...DEFAULT_MASKED_FIELDS],
  });
  for (const demo of DEMO_CUSTOMERS) {
    await customers.records.create(null, tenantId, customerBody.parse(demo));
  }
}
