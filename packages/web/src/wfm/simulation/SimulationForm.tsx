import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ForecastFill } from "./ForecastFill";
import { draftToBodies, type SimulationDraft } from "./simulation-form";

export function SimulationForm({
  draft,
  onChange,
  onRun,
  running,
}: {
  draft: SimulationDraft;
  onChange: (draft: SimulationDraft) => void;
  onRun: () => void;
  running: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<SimulationDraft>) => onChange({ ...draft, ...patch });
  const checked = draftToBodies(draft);
  const number = (key: keyof SimulationDraft, min: number, max: number) => (
    <NumberInput
      label={t(`wfm.simulation.${key}`)}
      value={draft[key] as number}
      onChange={(value) => typeof value === "number" && set({ [key]: value })}
      min={min}
      max={max}
    />
  );

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <ForecastFill
          onFill={(fill) =>
            onChange({
              ...draft,
              arrivalsText: fill.arrivalsText,
              startClock: fill.startClock,
              intervalMinutes: fill.intervalMinutes,
              ...(fill.agentsText ? { agentsText: fill.agentsText } : {}),
            })
          }
        />
        <Group align="flex-start" grow>
          <Textarea
            label={t("wfm.simulation.arrivals")}
            description={t("wfm.simulation.arrivalsHelp")}
            value={draft.arrivalsText}
            onChange={(e) => set({ arrivalsText: e.currentTarget.value })}
            autosize
            minRows={2}
          />
          <TextInput
            label={t("wfm.simulation.startClock")}
            type="time"
            value={draft.startClock}
            onChange={(e) => set({ startClock: e.currentTarget.value })}
            maw={140}
          />
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          <TextInput
            label={t("wfm.simulation.agentsText")}
            description={t("wfm.simulation.agentsHelp")}
            value={draft.agentsText}
            onChange={(e) => set({ agentsText: e.currentTarget.value })}
          />
          {number("intervalMinutes", 5, 60)}
          {number("ahtSeconds", 1, 7200)}
          {number("patienceSeconds", 1, 3600)}
          {number("slSeconds", 1, 600)}
          {number("replications", 1, 200)}
        </SimpleGrid>
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t("wfm.simulation.extraAgents")}
            description={t("wfm.simulation.extraAgentsHelp")}
            value={draft.extraAgents}
            onChange={(value) => typeof value === "number" && set({ extraAgents: value })}
            min={-50}
            max={50}
            w={220}
          />
          <Button onClick={onRun} loading={running} disabled={!checked.ok}>
            {draft.extraAgents === 0 ? t("wfm.simulation.run") : t("wfm.simulation.compare")}
          </Button>
        </Group>
        {!checked.ok ? (
          <Text size="sm" c="orange">
            {t(`wfm.simulation.problems.${checked.problem}`)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
