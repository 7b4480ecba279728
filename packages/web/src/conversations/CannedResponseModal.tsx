import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import {
  CANNED_LANGUAGES,
  CANNED_PLACEHOLDERS,
  type CannedLanguage,
  cannedResponseBody,
  unknownPlaceholders,
} from "@sentra/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CannedResponse, useSaveCannedResponse } from "../api/conversations";
import { apiErrorText } from "../i18n/api-error";
import { fieldErrors } from "../i18n/validation";

const placeholderList = CANNED_PLACEHOLDERS.map((name) => `{{${name}}}`).join(" ");

/** Creates or edits one canned response; the placeholder check is the API's own schema. */
export function CannedResponseModal({
  editing,
  onClose,
}: {
  editing: CannedResponse | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCannedResponse();
  const [language, setLanguage] = useState<CannedLanguage>(editing?.language ?? "id");
  const [shortcut, setShortcut] = useState(editing?.shortcut ?? "");
  const [title, setTitle] = useState(editing?.title ?? "");
  const [body, setBody] = useState(editing?.body ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = cannedResponseBody.safeParse({ language, shortcut, title, body });
    if (!parsed.success) {
      const next = fieldErrors(parsed.error, t);
      // The schema refuses unknown placeholders; the form names them in the user's language.
      const names = unknownPlaceholders(body);
      if (names.length > 0) {
        next.body = t("cannedResponses.unknownPlaceholders", {
          names: names.map((name) => `{{${name}}}`).join(", "),
          allowed: placeholderList,
        });
      }
      setErrors(next);
      return;
    }
    setErrors({});
    save.mutate({ id: editing?.id ?? null, body: parsed.data }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? t("cannedResponses.editTitle") : t("cannedResponses.newTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select
              label={t("cannedResponses.language")}
              data={CANNED_LANGUAGES.map((code) => ({
                value: code,
                label: t(`cannedResponses.languages.${code}`),
              }))}
              value={language}
              onChange={(value) => value && setLanguage(value as CannedLanguage)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t("cannedResponses.shortcut")}
              description={t("cannedResponses.shortcutHint")}
              value={shortcut}
              onChange={(event) => setShortcut(event.currentTarget.value)}
              error={errors.shortcut}
              leftSection={<Text size="sm">/</Text>}
            />
          </Group>
          <TextInput
            label={t("cannedResponses.titleLabel")}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label={t("cannedResponses.body")}
            description={t("cannedResponses.bodyHint", { placeholders: placeholderList })}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
            autosize
            minRows={4}
            maxRows={12}
          />
          {save.isError ? (
            <Text size="sm" c="red" role="alert">
              {apiErrorText(save.error, t)}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
