import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ShiftBreakRule } from "../../api/wfm";
import { useSaveShiftTemplate } from "../../api/wfm-queries";
import { IconPlus, IconTrash } from "../../components/icons";
import { apiErrorText } from "../../i18n/api-error";
import { clockText, parseClock, type TemplateDraft, templateProblem } from "./template-form";

/** ISO weekdays, 1 = Monday, as the API stores them. */
const DAYS = [1, 2, 3, 4, 5, 6, 7];

function ClockInput({
  label,
  minute,
  onChange,
}: {
  label: string;
  minute: number;
  onChange: (m: number) => void;
}) {
  return (
    <TextInput
      type="time"
      label={label}
      value={clockText(minute)}
      onChange={(event) => {
        const parsed = parseClock(event.currentTarget.value);
        if (parsed !== null) onChange(parsed);
      }}
      w={130}
    />
  );
}

export function TemplateFormModal({ initial, onClose }: { initial: TemplateDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveShiftTemplate();
  const [draft, setDraft] = useState(initial);
  const problem = templateProblem(draft);
  const set = (patch: Partial<TemplateDraft>) => setDraft({ ...draft, ...patch });
  const setBreak = (index: number, patch: Partial<ShiftBreakRule>) =>
    set({ breaks: draft.breaks.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) });
  const minutes = (value: string | number, fallback: number) =>
    typeof value === "number" ? value : fallback;

  return (
    <Modal
      opened
      onClose={onClose}
      title={draft.id ? t("wfm.templates.edit") : t("wfm.templates.new")}
      size="xl"
    >
      <Stack gap="sm">
        <TextInput
          label={t("wfm.templates.name")}
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          data-autofocus
        />
        <Group gap="sm" align="flex-end">
          <ClockInput
            label={t("wfm.templates.earliestStart")}
            minute={draft.earliestStartMinute}
            onChange={(m) => set({ earliestStartMinute: m })}
          />
          <ClockInput
            label={t("wfm.templates.latestStart")}
            minute={draft.latestStartMinute}
            onChange={(m) => set({ latestStartMinute: m })}
          />
          <NumberInput
            label={t("wfm.templates.step")}
            value={draft.startStepMinutes}
            onChange={(v) => set({ startStepMinutes: minutes(v, 30) })}
            min={15}
            step={15}
            w={130}
          />
          <NumberInput
            label={t("wfm.templates.length")}
            value={draft.lengthMinutes / 60}
            onChange={(v) => set({ lengthMinutes: Math.round(minutes(v, 8) * 60) })}
            min={1}
            max={16}
            step={0.5}
            decimalScale={2}
            w={130}
          />
          <NumberInput
            label={t("wfm.templates.cost")}
            value={draft.cost}
            onChange={(v) => set({ cost: minutes(v, 0) })}
            min={0}
            w={110}
          />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("wfm.templates.days")}
          </Text>
          <Chip.Group
            multiple
            value={draft.weekdays.map(String)}
            onChange={(values) => set({ weekdays: values.map(Number).sort() })}
          >
            <Group gap={6}>
              {DAYS.map((day) => (
                <Chip key={day} value={String(day)} size="xs">
                  {t(`wfm.weekdays.${day - 1}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <Text size="sm" fw={500}>
          {t("wfm.templates.breaks")}
        </Text>
        {draft.breaks.map((rule, index) => (
          // Break rules have no identity of their own; their position is what the planner edits.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <Select
              label={t("wfm.templates.breakKind")}
              data={(["break", "lunch"] as const).map((kind) => ({
                value: kind,
                label: t(`wfm.activities.${kind}`),
              }))}
              value={rule.kind}
              onChange={(kind) => kind && setBreak(index, { kind: kind as ShiftBreakRule["kind"] })}
              allowDeselect={false}
              w={120}
            />
            <NumberInput
              label={t("wfm.templates.duration")}
              value={rule.durationMinutes}
              onChange={(v) => setBreak(index, { durationMinutes: minutes(v, 15) })}
              min={5}
              step={5}
              w={110}
            />
            <NumberInput
              label={t("wfm.templates.earliestOffset")}
              value={rule.earliestOffsetMinutes}
              onChange={(v) => setBreak(index, { earliestOffsetMinutes: minutes(v, 0) })}
              min={0}
              step={15}
              w={140}
            />
            <NumberInput
              label={t("wfm.templates.latestEnd")}
              value={rule.latestEndOffsetMinutes}
              onChange={(v) => setBreak(index, { latestEndOffsetMinutes: minutes(v, 0) })}
              min={0}
              step={15}
              w={140}
            />
            <Checkbox
              label={t("wfm.templates.paid")}
              checked={rule.paid}
              onChange={(e) => setBreak(index, { paid: e.currentTarget.checked })}
              mb={8}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t("wfm.templates.removeBreak")}
              onClick={() => set({ breaks: draft.breaks.filter((_, i) => i !== index) })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            set({
              breaks: [
                ...draft.breaks,
                {
                  kind: "break",
                  durationMinutes: 15,
                  earliestOffsetMinutes: 60,
                  latestEndOffsetMinutes: 180,
                  paid: true,
                },
              ],
            })
          }
        >
          {t("wfm.templates.addBreak")}
        </Button>
        {problem ? (
          <Text size="sm" c="orange">
            {t(problem)}
          </Text>
        ) : null}
        {save.isError ? (
          <Alert color="red" role="alert">
            {apiErrorText(save.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            disabled={problem !== null}
            loading={save.isPending}
            onClick={() => save.mutate({ ...draft, name: draft.name.trim() }, { onSuccess: onClose })}
          >
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
