import { Autocomplete, Group, Input, SegmentedControl, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useQueues } from "../api/routing";
import { CHANNEL_NAMES } from "../api/routing-types";

/**
 * What the WFM pages plan for: a queue (named as in the history, so imported queues that Sentra does not route
 * count too) and channel, an interval length and a horizon of tenant dates.
 */
export interface Scope {
  queue: string;
  channel: string | null;
  intervalMinutes: number;
  from: string;
  to: string;
}

export function WfmScope({ scope, onChange }: { scope: Scope; onChange: (scope: Scope) => void }) {
  const { t } = useTranslation();
  const queues = useQueues();
  const set = (patch: Partial<Scope>) => onChange({ ...scope, ...patch });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Autocomplete
        label={t("wfm.scope.queue")}
        placeholder={t("wfm.scope.anyQueue")}
        data={[...new Set((queues.data ?? []).map((queue) => queue.name))]}
        value={scope.queue}
        onChange={(queue) => set({ queue })}
        w={200}
      />
      <Select
        label={t("wfm.scope.channel")}
        data={CHANNEL_NAMES.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
        value={scope.channel}
        placeholder={t("wfm.scope.anyChannel")}
        onChange={(channel) => set({ channel })}
        clearable
        w={160}
      />
      <Input.Wrapper label={t("wfm.scope.interval")}>
        <SegmentedControl
          aria-label={t("wfm.scope.interval")}
          data={[15, 30, 60].map((m) => ({ value: String(m), label: t("wfm.scope.minutes", { count: m }) }))}
          value={String(scope.intervalMinutes)}
          onChange={(value) => set({ intervalMinutes: Number(value) })}
          display="flex"
        />
      </Input.Wrapper>
      <TextInput
        type="date"
        label={t("wfm.scope.from")}
        value={scope.from}
        onChange={(event) => set({ from: event.currentTarget.value })}
        w={160}
      />
      <TextInput
        type="date"
        label={t("wfm.scope.to")}
        value={scope.to}
        onChange={(event) => set({ to: event.currentTarget.value })}
        w={160}
      />
    </Group>
  );
}
