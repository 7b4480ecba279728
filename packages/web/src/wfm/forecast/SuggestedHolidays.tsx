import { Button, Group, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpecialDay } from "../../api/wfm";
import { useSaveSpecialDay, useSuggestedHolidays } from "../../api/wfm-queries";

/** Picks one of the server's Indonesian holidays (SKB 3 Menteri) not yet marked and adds it as a holiday. */
export function SuggestedHolidays({ existing }: { existing: readonly SpecialDay[] }) {
  const { t } = useTranslation();
  const suggested = useSuggestedHolidays(true);
  const save = useSaveSpecialDay();
  const [date, setDate] = useState<string | null>(null);
  const taken = new Set(existing.map((day) => day.date.slice(0, 10)));
  const options = (suggested.data ?? [])
    .filter((holiday) => !taken.has(holiday.date))
    .map((holiday) => ({
      value: holiday.date,
      label: t("wfm.specialDays.suggestion", { date: holiday.date, name: holiday.name }),
    }));
  const chosen = (suggested.data ?? []).find((holiday) => holiday.date === date);

  return (
    <Group align="flex-end" gap="sm" mb="md">
      <Select
        label={t("wfm.specialDays.suggested")}
        placeholder={t("wfm.specialDays.pickHoliday")}
        data={options}
        value={date}
        onChange={setDate}
        searchable
        w={420}
      />
      <Button
        variant="light"
        disabled={!chosen}
        loading={save.isPending}
        onClick={() =>
          chosen &&
          save.mutate(
            { date: chosen.date, kind: "holiday", name: chosen.name, factor: 1 },
            { onSuccess: () => setDate(null) },
          )
        }
      >
        {t("wfm.specialDays.addHoliday")}
      </Button>
    </Group>
  );
}
