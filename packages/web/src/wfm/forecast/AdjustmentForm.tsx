import { Alert, Button, Group, NumberInput, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Forecast } from "../../api/wfm";
import { useAdjustForecast } from "../../api/wfm-queries";
import { apiErrorText } from "../../i18n/api-error";

export interface PendingAdjustment {
  from: number;
  to: number;
  percent: number;
}

/**
 * A planner's +/- % over a range of intervals, with a reason for the audit trail. The chart previews it
 * while it is being typed; Apply stores it on the forecast.
 */
export function AdjustmentForm({
  forecast,
  label,
  onPreview,
}: {
  forecast: Forecast;
  label: (iso: string) => string;
  onPreview: (pending: PendingAdjustment | null) => void;
}) {
  const { t } = useTranslation();
  const adjust = useAdjustForecast(forecast.id);
  const last = Math.max(0, forecast.intervals.length - 1);
  const [range, setRange] = useState({ from: 0, to: last });
  const [percent, setPercent] = useState<number>(0);
  const [reason, setReason] = useState("");
  const options = forecast.intervals.map((interval, index) => ({
    value: String(index),
    label: label(interval.intervalStart),
  }));

  const update = (next: { from: number; to: number }, nextPercent: number) => {
    const ordered = { from: Math.min(next.from, next.to), to: Math.max(next.from, next.to) };
    setRange(ordered);
    setPercent(nextPercent);
    onPreview(nextPercent === 0 ? null : { ...ordered, percent: nextPercent });
  };

  const apply = () => {
    const from = forecast.intervals[range.from];
    const to = forecast.intervals[range.to];
    if (!from || !to) return;
    const end =
      forecast.intervals[range.to + 1]?.intervalStart ??
      new Date(Date.parse(to.intervalStart) + forecast.interval * 60_000).toISOString();
    adjust.mutate(
      {
        from: from.intervalStart,
        to: end,
        target: "volume",
        factor: 1 + percent / 100,
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          setPercent(0);
          setReason("");
          onPreview(null);
        },
      },
    );
  };

  return (
    <>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t("wfm.adjust.from")}
          data={options}
          value={String(range.from)}
          onChange={(value) => update({ ...range, from: Number(value ?? 0) }, percent)}
          searchable
          w={170}
        />
        <Select
          label={t("wfm.adjust.to")}
          data={options}
          value={String(range.to)}
          onChange={(value) => update({ ...range, to: Number(value ?? last) }, percent)}
          searchable
          w={170}
        />
        <NumberInput
          label={t("wfm.adjust.percent")}
          value={percent}
          onChange={(value) => update(range, typeof value === "number" ? value : 0)}
          min={-100}
          max={500}
          suffix="%"
          w={110}
        />
        <TextInput
          label={t("wfm.adjust.reason")}
          placeholder={t("wfm.adjust.reasonPlaceholder")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          w={260}
        />
        <Button onClick={apply} loading={adjust.isPending} disabled={percent === 0 || reason.trim() === ""}>
          {t("wfm.adjust.apply")}
        </Button>
      </Group>
      {adjust.isError ? (
        <Alert color="red" mt="sm" role="alert">
          {apiErrorText(adjust.error, t)}
        </Alert>
      ) : null}
    </>
  );
}
