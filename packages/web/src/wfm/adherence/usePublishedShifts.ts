import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/http";
import type { Schedule, ScheduleSummary } from "../../api/wfm";
import { publishedCovering } from "./adherence";

/** Every shift of the published schedules whose week holds the date: what adherence is measured against. */
export function usePublishedShifts(date: string, enabled: boolean) {
  return useQuery({
    queryKey: ["wfm", "schedules", "published", date],
    queryFn: async () => {
      const list = (await api<{ items: ScheduleSummary[] }>("/wfm/schedules")).items;
      const covering = publishedCovering(list, date);
      const full = await Promise.all(covering.map((s) => api<Schedule>(`/wfm/schedules/${s.id}`)));
      return full.flatMap((schedule) => schedule.shifts);
    },
    enabled,
    refetchInterval: 5 * 60_000,
  });
}
