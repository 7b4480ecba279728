import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useIntraday } from "../api/routing-admin";
import type { Queue } from "../api/routing-types";
import { QueryError } from "../components/QueryError";
import { useRealtime } from "../realtime/useRealtime";

// ECharts is the largest library on the page: loaded with the wallboard, not with the app.
const IntradayCharts = lazy(() => import("./IntradayCharts"));

/** At most one intraday refetch per this long, however often KPIs are pushed. */
export const KPI_REFRESH_THROTTLE_MS = 15_000;

/** Today vs yesterday per 15 minutes: refetched every 60 s and, throttled, when live KPIs change. */
export function IntradayPanel({ queues, target, live }: { queues: Queue[]; target: number; live: boolean }) {
  const client = useQueryClient();
  const [queueId, setQueueId] = useState<string | null>(null);
  const intraday = useIntraday(queueId);
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  // Throttled with a trailing refresh: a burst of KPI pushes gives one refetch now and one at the window's end.
  useRealtime(live ? "wallboard" : "", (event) => {
    if (event.type !== "kpi.updated" || pending.current) return;
    const refresh = () => {
      pending.current = null;
      last.current = Date.now();
      void client.invalidateQueries({ queryKey: ["routing", "intraday"] });
    };
    const wait = last.current + KPI_REFRESH_THROTTLE_MS - Date.now();
    if (wait <= 0) refresh();
    else pending.current = setTimeout(refresh, wait);
  });

  const selected = queues.find((q) => q.id === queueId);
  if (intraday.isError) return <QueryError error={intraday.error} />;
  if (!intraday.data) return null;
  return (
    <Suspense fallback={null}>
      <IntradayCharts
        report={intraday.data}
        target={selected?.settings.serviceLevel.targetPercent ?? target}
        queueId={queueId}
        queues={queues.map((q) => ({ value: q.id, label: q.name }))}
        onQueueChange={setQueueId}
      />
    </Suspense>
  );
}
