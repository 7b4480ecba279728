import type { DedupRecord } from "./duplicate-scoring.js";

/**
 * A seeded generator of Indonesian customer records with known duplicates, to measure duplicate detection
 * honestly: duplicates carry the mess real data has (titles, typos, old spellings, swapped tokens, phones
 * written 0812-…, +62812…, 62812…, fields missing), and the set includes the hard negatives that break naive
 * matching: namesakes with different birth dates and relatives sharing a phone and an address.
 */

const FIRST = [
  "Budi",
  "Siti",
  "Agus",
  "Dewi",
  "Andi",
  "Putri",
  "Rina",
  "Joko",
  "Sri",
  "Wahyu",
  "Yusuf",
  "Eko",
  "Dian",
  "Fitri",
  "Hendra",
  "Indah",
  "Rudi",
  "Yuni",
  "Bambang",
  "Nurul",
  "Rizki",
  "Ayu",
  "Sukarno",
  "Cahya",
  "Bagus",
  "Lestari",
  "Intan",
  "Fajar",
  "Mega",
  "Taufik",
  "Wulan",
  "Hadi",
  "Kartika",
  "Surya",
  "Ratna",
  "Dimas",
  "Anisa",
  "Yudi",
  "Fatimah",
  "Purnama",
  "Ahmad",
  "Muhammad",
  "Nur",
  "Citra",
  "Gilang",
];
const LAST = [
  "Santoso",
  "Wijaya",
  "Lestari",
  "Pratama",
  "Saputra",
  "Hidayat",
  "Kurniawan",
  "Setiawan",
  "Rahmawati",
  "Susanto",
  "Nugroho",
  "Siregar",
  "Simanjuntak",
  "Harahap",
  "Nasution",
  "Sutrisno",
  "Gunawan",
  "Purnomo",
  "Wibowo",
  "Hartono",
  "Suryadi",
  "Permana",
  "Utami",
  "Sulistyo",
  "Halim",
  "Tanjung",
  "Sihombing",
  "Cahyono",
  "Mulyadi",
  "Prasetyo",
  "Suharjo",
  "Yulianto",
  "Hakim",
  "Maharani",
  "Syahputra",
];
const TITLES = ["Bapak", "Bpk.", "Ibu", "Sdr.", "H.", "Hj.", "Dr.", "Ir.", "Pak", "Bu"];
const DEGREES = ["S.E.", "S.Kom", "S.H.", "M.M.", "S.Pd"];
const STREETS = ["Jl. Sudirman", "Jl. Thamrin", "Jl. Gatot Subroto", "Gg. Mawar", "Jl. Diponegoro"];
const CITIES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Denpasar"];
const DOMAINS = ["gmail.com", "yahoo.co.id", "outlook.com", "bank.co.id"];

/** mulberry32: tiny, fast and good enough to make test data reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedRecord extends DedupRecord {
  /** Records with the same cluster are the same person. */
  readonly cluster: number;
}

export interface DedupTestSet {
  readonly records: readonly GeneratedRecord[];
}

export interface TestSetOptions {
  readonly seed: number;
  readonly people: number;
  /** Share of people who get a duplicate record (some get two). */
  readonly duplicateRate?: number;
}

interface Person {
  first: string;
  last: string;
  birthDate: string;
  mobile: string;
  email: string;
  customerNumber: string | null;
  address: string;
}

export function generateDedupTestSet(options: TestSetOptions): DedupTestSet {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
  const records: GeneratedRecord[] = [];
  let nextId = 0;
  const id = () => `r${String(nextId++).padStart(6, "0")}`;

  const newPerson = (last = pick(LAST), mobile = `812${digits(8)}`, address?: string): Person => {
    const first = pick(FIRST);
    const year = 1950 + Math.floor(random() * 55);
    const birthDate = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
    return {
      first,
      last,
      birthDate,
      mobile,
      email: `${first}.${last}${digits(2)}@${pick(DOMAINS)}`.toLowerCase(),
      customerNumber: chance(0.5) ? `CIF${digits(8)}` : null,
      address: address ?? `${pick(STREETS)} No. ${1 + Math.floor(random() * 200)}, ${pick(CITIES)}`,
    };
  };

  const canonicalRecord = (person: Person, cluster: number): GeneratedRecord => ({
    id: id(),
    cluster,
    name: `${person.first} ${person.last}`,
    phones: [`0${person.mobile}`],
    emails: [person.email],
    customerNumber: person.customerNumber,
    accountNumbers: [],
    birthDate: person.birthDate,
    address: person.address,
  });

  const people: Person[] = [];
  for (let cluster = 0; cluster < options.people; cluster++) {
    // Hard negatives: a relative sharing phone and address, or a namesake born another day.
    const previous = people.at(-1);
    const person =
      previous && chance(0.08)
        ? newPerson(previous.last, previous.mobile, previous.address)
        : previous && chance(0.08)
          ? { ...newPerson(), first: previous.first, last: previous.last }
          : newPerson();
    people.push(person);
    records.push(canonicalRecord(person, cluster));
    const copies = chance(options.duplicateRate ?? 0.3) ? (chance(0.2) ? 2 : 1) : 0;
    for (let c = 0; c < copies; c++) records.push(messyCopy(person, cluster));
  }
  return { records };

  function messyCopy(person: Person, cluster: number): GeneratedRecord {
    let first = person.first;
    let last = person.last;
    if (chance(0.3)) [first, last] = [oldSpelling(first), oldSpelling(last)];
    if (chance(0.3)) last = typo(last);
    else if (chance(0.15)) first = typo(first);
    let name = chance(0.2) ? `${last} ${first}` : `${first} ${last}`;
    if (chance(0.4)) name = `${pick(TITLES)} ${name}`;
    if (chance(0.15)) name = `${name}, ${pick(DEGREES)}`;
    if (chance(0.2)) name = name.toUpperCase();
    const phoneFormats = [
      `0${person.mobile.slice(0, 3)}-${person.mobile.slice(3, 7)}-${person.mobile.slice(7)}`,
      `+62${person.mobile}`,
      `62${person.mobile}`,
      `+62 ${person.mobile.slice(0, 3)} ${person.mobile.slice(3)}`,
    ];
    // Some copies come from a channel that knew another number, or none.
    const phones = chance(0.75) ? [pick(phoneFormats)] : chance(0.5) ? [`0812${digits(8)}`] : [];
    const emails = chance(0.5) ? [person.email.toUpperCase()] : [];
    return {
      id: id(),
      cluster,
      name,
      phones,
      emails: emails.map((e) => e.toLowerCase()),
      customerNumber: chance(0.5) ? person.customerNumber : null,
      accountNumbers: [],
      birthDate: chance(0.8) ? person.birthDate : null,
      address: chance(0.5) ? person.address : null,
    };
  }

  function oldSpelling(word: string): string {
    return word
      .replace(/u/g, "oe")
      .replace(/j/gi, (m) => (m === "J" ? "Dj" : "dj"))
      .replace(/c/g, "tj");
  }

  function typo(word: string): string {
    if (word.length < 4) return word;
    const at = 1 + Math.floor(random() * (word.length - 2));
    const kind = Math.floor(random() * 3);
    if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
    if (kind === 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    return word.slice(0, at) + word[at] + word.slice(at);
  }
}

export interface DedupQuality {
  readonly records: number;
  readonly truePairs: number;
  readonly reportedPairs: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Precision and recall of reported pairs against the generator's clusters. */
export function measureDedup(
  records: readonly GeneratedRecord[],
  reported: readonly { a: string; b: string }[],
): DedupQuality {
  const clusterOf = new Map(records.map((r) => [r.id, r.cluster]));
  const sizes = new Map<number, number>();
  for (const r of records) sizes.set(r.cluster, (sizes.get(r.cluster) ?? 0) + 1);
  let truePairs = 0;
  for (const size of sizes.values()) truePairs += (size * (size - 1)) / 2;
  const truePositives = reported.filter((p) => clusterOf.get(p.a) === clusterOf.get(p.b)).length;
  const precision = reported.length === 0 ? 1 : truePositives / reported.length;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    records: records.length,
    truePairs,
    reportedPairs: reported.length,
    truePositives,
    precision,
    recall,
    f1,
  };
}
