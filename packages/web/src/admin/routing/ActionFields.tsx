import { Group, Select, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ActionForm, ActionType } from "./queue-form";

interface ActionFieldsProps {
  label: string;
  description: string;
  value: ActionForm;
  queues: { value: string; label: string }[];
  errors: Record<string, string>;
  onChange: (value: ActionForm) => void;
  /** One field under the other, for a narrow column. */
  stacked?: boolean;
}

const TYPES: ActionType[] = ["none", "queue", "callback", "close"];

/** Overflow and after-hours handling: send to another queue, offer a callback, or close with a message. */
export function ActionFields({
  label,
  description,
  value,
  queues,
  errors,
  onChange,
  stacked = false,
}: ActionFieldsProps) {
  const { t } = useTranslation();
  const fields = (
    <>
      <Select
        label={label}
        description={description}
        data={TYPES.map((type) => ({ value: type, label: t(`queues.actions.${type}`) }))}
        value={value.type}
        allowDeselect={false}
        onChange={(type) => onChange({ ...value, type: (type as ActionType | null) ?? "none" })}
        comboboxProps={{ withinPortal: true }}
      />
      {value.type === "queue" || value.type === "callback" ? (
        <Select
          label={t("queues.fields.targetQueue")}
          description={value.type === "callback" || stacked ? undefined : " "}
          placeholder={value.type === "callback" ? t("queues.fields.callbackQueueHint") : undefined}
          data={queues}
          value={value.queueId || null}
          clearable={value.type === "callback"}
          error={errors.queueId}
          onChange={(queueId) => onChange({ ...value, queueId: queueId ?? "" })}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      {value.type === "close" ? (
        <TextInput
          label={t("queues.fields.closeMessage")}
          description={t("queues.fields.closeMessageHint")}
          value={value.message}
          error={errors.message}
          onChange={(e) => onChange({ ...value, message: e.currentTarget.value })}
        />
      ) : null}
    </>
  );
  return stacked ? (
    <Stack gap="xs">{fields}</Stack>
  ) : (
    <Group align="flex-start" grow wrap="nowrap" gap="sm">
      {fields}
    </Group>
  );
}
