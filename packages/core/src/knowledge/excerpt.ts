/** Markdown reduced to plain text for excerpts: no code fences, links keep their text, no emphasis marks. */
export function plainTextOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/^\s*[-*+]\s+/gm, "")
    .replace(/[*_`>~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A snippet of about `width` characters around the first place any of the terms occurs (matching by word
 * prefix, so "bayar" finds "bayarnya"), cut at word boundaries with an ellipsis where text was left out.
 * Without a match it is the start of the text.
 */
export function excerptAround(text: string, terms: readonly string[], width = 200): string {
  const plain = plainTextOf(text);
  if (plain.length <= width) return plain;
  const lower = plain.toLowerCase();
  let hit = -1;
  for (const term of terms) {
    if (term.length === 0) continue;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(term.toLowerCase())}`, "u");
    const match = pattern.exec(lower);
    if (match && (hit === -1 || match.index + match[1]!.length < hit)) hit = match.index + match[1]!.length;
  }
  let start = hit === -1 ? 0 : Math.max(0, hit - Math.floor(width / 3));
  let end = Math.min(plain.length, start + width);
  start = Math.max(0, end - width);
  if (start > 0) {
    const space = plain.indexOf(" ", start);
    if (space !== -1 && space < hit) start = space + 1;
  }
  if (end < plain.length) {
    const space = plain.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  return `${start > 0 ? "…" : ""}${plain.slice(start, end)}${end < plain.length ? "…" : ""}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
