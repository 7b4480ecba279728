/** A 0–1 ratio as a whole percent in the user's language, or a dash when the server has no data (null). */
export function percent(ratio: number | null, locale: string): string {
  if (ratio === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
