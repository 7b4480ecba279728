import { Alert, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SimulationResult } from "../../api/wfm";
import { useCompareSimulation, useRunSimulation } from "../../api/wfm-queries";
import { PageHeader } from "../../components/PageHeader";
import { apiErrorText } from "../../i18n/api-error";
import { parseClock } from "../schedules/template-form";
import { SimulationForm } from "./SimulationForm";
import { SimulationResults } from "./SimulationResults";
import { DEFAULT_DRAFT, draftToBodies } from "./simulation-form";

/** Runs the discrete-event simulator on a day's arrivals and staffing, alone or against a what-if. */
export function SimulationPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(DEFAULT_DRAFT);
  const [runs, setRuns] = useState<{ name: string; result: SimulationResult }[] | null>(null);
  const single = useRunSimulation();
  const compare = useCompareSimulation();
  const failed = single.error ?? compare.error;

  const run = () => {
    const bodies = draftToBodies(draft);
    if (!bodies.ok) return;
    single.reset();
    compare.reset();
    const base = t("wfm.simulation.base");
    if (!bodies.variant) {
      single.mutate(bodies.base, { onSuccess: (result) => setRuns([{ name: base, result }]) });
      return;
    }
    const variant = t("wfm.simulation.variant", {
      extra: draft.extraAgents > 0 ? `+${draft.extraAgents}` : draft.extraAgents,
    });
    compare.mutate(
      { base: bodies.base, variant: bodies.variant },
      {
        onSuccess: (result) =>
          setRuns([
            { name: base, result: result.base },
            { name: variant, result: result.variant },
          ]),
      },
    );
  };

  return (
    <Stack gap="md">
      <PageHeader title={t("wfm.simulation.title")} description={t("wfm.simulation.description")} />
      <SimulationForm
        draft={draft}
        onChange={setDraft}
        onRun={run}
        running={single.isPending || compare.isPending}
      />
      {failed ? (
        <Alert color="red" role="alert">
          {apiErrorText(failed, t)}
        </Alert>
      ) : null}
      {runs ? <SimulationResults runs={runs} startMinute={parseClock(draft.startClock) ?? 0} /> : null}
    </Stack>
  );
}
