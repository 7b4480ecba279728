import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SPECIAL_DAY_KINDS, type SpecialDay, type SpecialDayKind } from "../../api/wfm";
import { useDeleteSpecialDay, useSaveSpecialDay, useSpecialDays } from "../../api/wfm-queries";
import { IconPencil, IconTrash } from "../../components/icons";
import { QueryError } from "../../components/QueryError";
import { apiErrorText } from "../../i18n/api-error";
import { SuggestedHolidays } from "./SuggestedHolidays";

const KIND_COLOR: Record<SpecialDayKind, string> = {
  holiday: "red",
  payday: "teal",
  campaign: "violet",
  other: "gray",
};

type Draft = Omit<SpecialDay, "id"> & { id?: string };
const EMPTY: Draft = { date: "", kind: "holiday", name: "", factor: 1 };

/** Holidays, paydays and campaigns the forecast treats apart from ordinary days. */
export function SpecialDays({ canPlan }: { canPlan: boolean }) {
  const { t } = useTranslation();
  const days = useSpecialDays();
  const save = useSaveSpecialDay();
  const remove = useDeleteSpecialDay();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const sorted = [...(days.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const kindOptions = SPECIAL_DAY_KINDS.map((kind) => ({
    value: kind,
    label: t(`wfm.specialDays.kinds.${kind}`),
  }));

  const submit = () =>
    save.mutate(
      { ...draft, name: draft.name.trim() },
      {
        onSuccess: () => setDraft(EMPTY),
      },
    );

  return (
    <Paper withBorder radius="md" p="md">
      {days.isError ? <QueryError error={days.error} /> : null}
      {canPlan ? <SuggestedHolidays existing={days.data ?? []} /> : null}
      {canPlan ? (
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <TextInput
            type="date"
            label={t("wfm.specialDays.date")}
            value={draft.date.slice(0, 10)}
            onChange={(event) => setDraft({ ...draft, date: event.currentTarget.value })}
            w={160}
          />
          <Select
            label={t("wfm.specialDays.kind")}
            data={kindOptions}
            value={draft.kind}
            onChange={(kind) => kind && setDraft({ ...draft, kind: kind as SpecialDayKind })}
            allowDeselect={false}
            w={150}
          />
          <TextInput
            label={t("wfm.specialDays.name")}
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
            w={220}
          />
          <NumberInput
            label={t("wfm.specialDays.factor")}
            value={draft.factor ?? 1}
            onChange={(value) => setDraft({ ...draft, factor: typeof value === "number" ? value : 1 })}
            min={0}
            max={10}
            step={0.1}
            decimalScale={2}
            w={120}
          />
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={!draft.date || draft.name.trim() === ""}
          >
            {draft.id ? t("common.save") : t("wfm.specialDays.add")}
          </Button>
          {draft.id ? (
            <Button variant="default" onClick={() => setDraft(EMPTY)}>
              {t("common.cancel")}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {save.isError || remove.isError ? (
        <Alert color="red" mb="sm" role="alert">
          {apiErrorText(save.error ?? remove.error, t)}
        </Alert>
      ) : null}
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("wfm.specialDays.empty")}
        </Text>
      ) : (
        <Table striped withTableBorder fz="sm" data-testid="special-days">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("wfm.specialDays.date")}</Table.Th>
              <Table.Th>{t("wfm.specialDays.kind")}</Table.Th>
              <Table.Th>{t("wfm.specialDays.name")}</Table.Th>
              <Table.Th ta="right">{t("wfm.specialDays.factor")}</Table.Th>
              {canPlan ? <Table.Th w={90}>{t("common.actions")}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((day) => (
              <Table.Tr key={day.id}>
                <Table.Td>{day.date.slice(0, 10)}</Table.Td>
                <Table.Td>
                  <Badge color={KIND_COLOR[day.kind] ?? "gray"} variant="light" size="sm">
                    {t(`wfm.specialDays.kinds.${day.kind}`, { defaultValue: day.kind })}
                  </Badge>
                </Table.Td>
                <Table.Td>{day.name}</Table.Td>
                <Table.Td ta="right">{day.factor ?? "–"}</Table.Td>
                {canPlan ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t("wfm.specialDays.edit", { name: day.name })}
                        onClick={() => setDraft(day)}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("wfm.specialDays.remove", { name: day.name })}
                        onClick={() => remove.mutate(day.id)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
