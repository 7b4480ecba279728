/** "0:07", "12:34", "1:02:03": a clock face, because agents read elapsed time at a glance, not as prose. */
export function clockDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** A KPI duration, or a dash when the server has no data yet (null), so "0:00" never means "unknown". */
export function kpiDuration(ms: number | null): string {
  return ms === null ? "—" : clockDuration(ms);
}
