import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CASE_CATEGORY,
  CASE_PRIORITIES,
  CASE_TYPES,
  type Case,
  type CasePriority,
  type CaseType,
  useCreateCase,
} from "../api/cases";
import { apiErrorText } from "../i18n/api-error";

interface NewCaseFormProps {
  customerId: string;
  /** The conversation the case comes from, linked so the case shows where it started. */
  interactionId?: string;
  onCreated: (created: Case) => void;
  onCancel: () => void;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value ?? "") ? (value as T) : fallback;

export function NewCaseForm({ customerId, interactionId, onCreated, onCancel }: NewCaseFormProps) {
  const { t } = useTranslation();
  const create = useCreateCase();
  const [type, setType] = useState<CaseType>("complaint");
  const [subject, setSubject] = useState("");
  const [category, setCategory] = useState("");
  const [priority, setPriority] = useState<CasePriority>("normal");
  const [description, setDescription] = useState("");
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = category.trim();
    if (!subject.trim() || (code && !CASE_CATEGORY.test(code))) return setMissing(true);
    setMissing(false);
    create.mutate(
      {
        customerId,
        ...(interactionId ? { interactionId } : {}),
        type,
        ...(code ? { category: code } : {}),
        subject: subject.trim(),
        priority,
        description: description.trim(),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("cases.new")}>
      <Stack gap="xs">
        {create.isError ? (
          <Alert color="red" variant="light" role="alert">
            {apiErrorText(create.error, t)}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <Select
            label={t("cases.fields.type")}
            data={CASE_TYPES.map((value) => ({ value, label: t(`cases.type.${value}`) }))}
            value={type}
            allowDeselect={false}
            onChange={(value) => setType(pick(value, CASE_TYPES, type))}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t("cases.fields.priority")}
            data={CASE_PRIORITIES.map((value) => ({ value, label: t(`cases.priority.${value}`) }))}
            value={priority}
            allowDeselect={false}
            onChange={(value) => setPriority(pick(value, CASE_PRIORITIES, priority))}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <TextInput
          label={t("cases.fields.subject")}
          required
          value={subject}
          maxLength={300}
          error={missing && !subject.trim() ? t("validation.required") : undefined}
          onChange={(event) => setSubject(event.currentTarget.value)}
        />
        <TextInput
          label={t("cases.fields.category")}
          description={t("cases.categoryHint")}
          value={category}
          maxLength={60}
          error={
            missing && category.trim() && !CASE_CATEGORY.test(category.trim())
              ? t("validation.code", { code: category.trim() })
              : undefined
          }
          onChange={(event) => setCategory(event.currentTarget.value)}
        />
        <Textarea
          label={t("cases.fields.description")}
          autosize
          minRows={3}
          maxLength={10000}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" size="xs" loading={create.isPending}>
            {t("cases.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
