/**
 * Indonesian personal names as written by agents, customers and old bank records: honorifics and academic
 * degrees around the name, pre-1972 Dutch-era spellings (Soekarno/Sukarno, Djoko/Joko, Tjahjo/Cahyo) and
 * doubled letters. Everything here is pure string work so the server, the import and the benchmark agree.
 */

/** Honorifics, religious titles and degrees, compared after dots are removed ("S.Kom." → "skom"). */
const TITLES = new Set([
  "bapak",
  "bpk",
  "pak",
  "ibu",
  "bu",
  "sdr",
  "sdri",
  "saudara",
  "saudari",
  "tn",
  "tuan",
  "ny",
  "nyonya",
  "nn",
  "nona",
  "mas",
  "mbak",
  "mba",
  "kak",
  "h",
  "hj",
  "haji",
  "hajjah",
  "hajah",
  "kh",
  "dr",
  "drs",
  "dra",
  "ir",
  "prof",
  "se",
  "sh",
  "skom",
  "st",
  "spd",
  "sos",
  "ssos",
  "sked",
  "ssi",
  "sag",
  "spsi",
  "sfarm",
  "sip",
  "sikom",
  "shum",
  "skep",
  "mm",
  "mba",
  "msi",
  "mkom",
  "mh",
  "mpd",
  "mt",
  "msc",
  "phd",
  "amd",
  "apt",
  "spa",
  "spog",
  "sppd",
  "ak",
  "cpa",
]);

/** Spellings of Muhammad that are one name in practice (the abbreviations are how forms truncate it). */
const MUHAMMAD = new Set([
  "muhammad",
  "muhamad",
  "mohammad",
  "mohamad",
  "mohammed",
  "mochammad",
  "mochamad",
  "muhammed",
  "moh",
  "muh",
  "mhd",
  "mohd",
  "moch",
  "mochd",
]);

const stripDiacritics = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "");

/**
 * The name's own tokens in written order, lower-case, without titles, degrees or punctuation.
 * A token made only of titles is dropped; if that would leave nothing, the input's tokens are kept.
 */
export function nameTokens(raw: string): string[] {
  const lowered = stripDiacritics(raw.toLowerCase()).replace(/[,;/()[\]"-]+/g, " ");
  const tokens: string[] = [];
  const fallback: string[] = [];
  for (const word of lowered.split(/\s+/)) {
    const undotted = word.replace(/[.'`’]/g, "");
    if (!undotted) continue;
    fallback.push(undotted.replace(/[^a-z0-9]/g, ""));
    if (TITLES.has(undotted)) continue;
    // "H.Ahmad" or "Dr.Ir." glue titles to the name without a space: split on the dots and look again.
    const parts = word.includes(".") ? word.split(".") : [undotted];
    for (const part of parts) {
      const clean = part.replace(/[^a-z0-9]/g, "");
      if (clean && !TITLES.has(clean)) tokens.push(clean);
    }
  }
  return tokens.length > 0 ? tokens : fallback.filter(Boolean);
}

/**
 * One spelling per sound, so old and new orthography compare equal: oe→u, dj→j, tj→c, nj→ny, sj→sy,
 * ch→kh, and j/y folded together (old j is new y, old dj is new j, so no single direction is right).
 * A final y after a consonant reads as i (Hendry/Hendri), a final h after a vowel is dropped
 * (Fatimah/Fatima) and doubled letters collapse (Iwan/Iwann, Muhammad/Muhamad).
 */
export function canonicalToken(token: string): string {
  if (MUHAMMAD.has(token)) return "muhamad";
  let t = token
    .replace(/oe/g, "u")
    .replace(/dj/g, "j")
    .replace(/tj/g, "c")
    .replace(/nj/g, "ny")
    .replace(/sj/g, "sy")
    .replace(/ch/g, "kh")
    .replace(/ph/g, "f");
  t = t.replace(/([^aiueo])y$/, "$1i").replace(/y/g, "j");
  if (t.length > 3) t = t.replace(/([aiueo])h$/, "$1");
  return t.replace(/(.)\1+/g, "$1");
}

/** The canonical tokens of a name, in written order. */
export function normalizeName(raw: string): string[] {
  return nameTokens(raw).map(canonicalToken);
}

/**
 * A short sound key for blocking: first letter, then consonants with similar ones merged, at most 4 chars.
 * Two spellings that differ by a vowel or a typo in a late letter still usually share it.
 */
export function phoneticKey(canonical: string): string {
  if (!canonical) return "";
  const groups: Record<string, string> = { b: "p", f: "p", v: "p", d: "t", g: "k", q: "k", c: "s", z: "s" };
  const head = canonical[0]!;
  let key = head;
  for (const ch of canonical.slice(1)) {
    if ("aiueoh".includes(ch)) continue;
    const mapped = groups[ch] ?? ch;
    if (key.at(-1) !== mapped) key += mapped;
    if (key.length === 4) break;
  }
  return key;
}
