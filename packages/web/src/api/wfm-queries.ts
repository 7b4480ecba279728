import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./http";
import {
  type AdherenceReport,
  type Forecast,
  type ForecastAdjustmentBody,
  type ForecastSummary,
  type HistoryReply,
  type MySchedule,
  type Schedule,
  type ScheduledShift,
  type ScheduleSummary,
  type ShiftTemplate,
  type SimulationComparison,
  type SimulationRequest,
  type SimulationResult,
  type SpecialDay,
  type StaffingReply,
  uploadHistory,
} from "./wfm";

export const wfmKeys = {
  all: ["wfm"] as const,
  history: (query: string) => ["wfm", "history", query] as const,
  forecasts: ["wfm", "forecasts"] as const,
  forecast: (id: string) => ["wfm", "forecasts", id] as const,
  staffing: (id: string, query: string) => ["wfm", "forecasts", id, "staffing", query] as const,
  specialDays: ["wfm", "special-days"] as const,
  templates: ["wfm", "shift-templates"] as const,
  schedules: ["wfm", "schedules"] as const,
  schedule: (id: string) => ["wfm", "schedules", id] as const,
  mySchedule: (week: string) => ["wfm", "schedules", "me", week] as const,
  adherence: (query: string) => ["wfm", "adherence", query] as const,
};

/** `?a=1&b=x`, skipping empty values; "" when nothing is set. */
export function toQuery(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

const items = <T>(reply: { items: T[] }): T[] => reply.items;

export function useHistory(query: string, enabled: boolean) {
  return useQuery({
    queryKey: wfmKeys.history(query),
    queryFn: async () => (await api<HistoryReply>(`/wfm/history${query}`)).items,
    enabled,
  });
}

export function useImportHistory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, query }: { file: File; query: string }) => uploadHistory(file, query),
    onSuccess: () => client.invalidateQueries({ queryKey: ["wfm", "history"] }),
  });
}

export function useForecasts() {
  return useQuery({
    queryKey: wfmKeys.forecasts,
    queryFn: async () => items(await api<{ items: ForecastSummary[] }>("/wfm/forecasts")),
  });
}

export function useForecast(id: string | null) {
  return useQuery({
    queryKey: wfmKeys.forecast(id ?? ""),
    queryFn: () => api<Forecast>(`/wfm/forecasts/${id}`),
    enabled: id !== null,
  });
}

export interface GenerateForecastBody {
  /** Queue name as in the history; omitted = all queues together. */
  queue?: string;
  channel?: string;
  interval: number;
  horizonStart: string;
  horizonDays: number;
  method: string;
}

export function useGenerateForecast() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateForecastBody) => api<Forecast>("/wfm/forecasts", { method: "POST", body }),
    onSuccess: (forecast) => {
      client.setQueryData(wfmKeys.forecast(forecast.id), forecast);
      void client.invalidateQueries({ queryKey: wfmKeys.forecasts, exact: true });
    },
  });
}

export function useAdjustForecast(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ForecastAdjustmentBody) =>
      api<Forecast>(`/wfm/forecasts/${id}/adjustments`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: wfmKeys.forecast(id) }),
  });
}

export function useStaffing(id: string | null, query: string) {
  return useQuery({
    queryKey: wfmKeys.staffing(id ?? "", query),
    queryFn: async () => (await api<StaffingReply>(`/wfm/forecasts/${id}/staffing${query}`)).intervals,
    enabled: id !== null,
  });
}

export function useSpecialDays() {
  return useQuery({
    queryKey: wfmKeys.specialDays,
    queryFn: async () => items(await api<{ items: SpecialDay[] }>("/wfm/special-days")),
  });
}

export function useSaveSpecialDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Omit<SpecialDay, "id"> & { id?: string }) =>
      id
        ? api<SpecialDay>(`/wfm/special-days/${id}`, { method: "PUT", body })
        : api<SpecialDay>("/wfm/special-days", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: wfmKeys.specialDays }),
  });
}

export function useDeleteSpecialDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/wfm/special-days/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: wfmKeys.specialDays }),
  });
}

export function useShiftTemplates() {
  return useQuery({
    queryKey: wfmKeys.templates,
    queryFn: async () => items(await api<{ items: ShiftTemplate[] }>("/wfm/shift-templates")),
  });
}

export function useSaveShiftTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Omit<ShiftTemplate, "id"> & { id?: string }) =>
      id
        ? api<ShiftTemplate>(`/wfm/shift-templates/${id}`, { method: "PUT", body })
        : api<ShiftTemplate>("/wfm/shift-templates", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: wfmKeys.templates }),
  });
}

export function useDeleteShiftTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/wfm/shift-templates/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: wfmKeys.templates }),
  });
}

/** POST /wfm/schedules/generate (core contracts/wfm-schedule.ts): the requirement covers the whole week. */
export interface GenerateScheduleBody {
  weekStart: string;
  teamId?: string;
  intervalMinutes: number;
  requirement: number[];
  templateIds?: string[];
}

export function useGenerateSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateScheduleBody) =>
      api<Schedule>("/wfm/schedules/generate", { method: "POST", body }),
    onSuccess: (schedule) => {
      client.setQueryData(wfmKeys.schedule(schedule.id), schedule);
      void client.invalidateQueries({ queryKey: wfmKeys.schedules, exact: true });
    },
  });
}

export function useSchedules() {
  return useQuery({
    queryKey: wfmKeys.schedules,
    queryFn: async () => items(await api<{ items: ScheduleSummary[] }>("/wfm/schedules")),
  });
}

export function useSchedule(id: string | null) {
  return useQuery({
    queryKey: wfmKeys.schedule(id ?? ""),
    queryFn: () => api<Schedule>(`/wfm/schedules/${id}`),
    enabled: id !== null,
  });
}

export function useMoveShift(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ shiftId, ...body }: { shiftId: string; start: number; end: number; agentId?: string }) =>
      api<ScheduledShift>(`/wfm/schedules/${scheduleId}/shifts/${shiftId}`, {
        method: "PATCH",
        body,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: wfmKeys.schedule(scheduleId) }),
  });
}

export function usePublishSchedule(scheduleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<Schedule>(`/wfm/schedules/${scheduleId}/publish`, { method: "POST" }),
    onSuccess: (schedule) => {
      client.setQueryData(wfmKeys.schedule(scheduleId), schedule);
      void client.invalidateQueries({ queryKey: wfmKeys.schedules, exact: true });
    },
  });
}

export function useMySchedule(week: string) {
  return useQuery({
    queryKey: wfmKeys.mySchedule(week),
    queryFn: () => api<MySchedule>(`/wfm/schedules/me?week=${week}`),
  });
}

export function useAdherence(query: string) {
  return useQuery({
    queryKey: wfmKeys.adherence(query),
    queryFn: () => api<AdherenceReport>(`/wfm/adherence${query}`),
    refetchInterval: 60_000,
  });
}

export function useRunSimulation() {
  return useMutation({
    mutationFn: (body: SimulationRequest) =>
      api<SimulationResult>("/wfm/simulations", { method: "POST", body }),
  });
}

export function useCompareSimulation() {
  return useMutation({
    mutationFn: (body: { base: SimulationRequest; variant: SimulationRequest }) =>
      api<SimulationComparison>("/wfm/simulations/compare", { method: "POST", body }),
  });
}

export interface SuggestedHoliday {
  date: string;
  name: string;
  type: "national" | "collective_leave";
  provisional: boolean;
}

/** Indonesian national holidays and collective leave the server knows, to add as special days in one click. */
export function useSuggestedHolidays(enabled: boolean) {
  return useQuery({
    queryKey: ["wfm", "holidays"],
    queryFn: async () => items(await api<{ items: SuggestedHoliday[] }>("/wfm/holidays/suggested")),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Recomputes interval history from Sentra's own routing event log over [from, to). */
export function useRebuildHistory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { from: string; to: string; interval: number }) =>
      api<{ interactions: number; intervalsStored: number }>("/wfm/history/rebuild", {
        method: "POST",
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["wfm", "history"] }),
  });
}
