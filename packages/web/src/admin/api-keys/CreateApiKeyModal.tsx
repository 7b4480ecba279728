import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { apiKeyBody, ROLES, type Role } from "@sentra/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreateApiKey } from "../../api/admin";
import { IconAlertTriangle, IconCheck, IconCopy } from "../../components/icons";
import { apiErrorText } from "../../i18n/api-error";
import { fieldErrors } from "../../i18n/validation";
import { roleOptions } from "../options";

/** The new key, shown once: the server keeps only a hash of it. */
function CreatedKey({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
        {t("apiKeys.shownOnce")}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block style={{ flex: 1, wordBreak: "break-all" }} data-testid="created-api-key">
          {secret}
        </Code>
        <CopyButton value={secret} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t("apiKeys.copied") : t("apiKeys.copy")}>
              <ActionIcon
                variant="light"
                size="lg"
                color={copied ? "teal" : undefined}
                aria-label={copied ? t("apiKeys.copied") : t("apiKeys.copy")}
                onClick={copy}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t("apiKeys.usage")}
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t("apiKeys.done")}</Button>
      </Group>
    </Stack>
  );
}

export function CreateApiKeyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = apiKeyBody.safeParse({ name, role });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, t));
    setErrors({});
    create.mutate(parsed.data);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={create.data ? t("apiKeys.createdTitle") : t("apiKeys.createTitle")}
      // Once the key is on screen, only the explicit Done button closes: a stray click must not lose it.
      closeOnClickOutside={!create.data}
      closeOnEscape={!create.data}
    >
      {create.data ? (
        <CreatedKey secret={create.data.key} onDone={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {create.isError ? (
              <Alert color="red" variant="light" role="alert">
                {apiErrorText(create.error, t)}
              </Alert>
            ) : null}
            <TextInput
              label={t("apiKeys.fields.name")}
              description={t("apiKeys.nameHint")}
              required
              value={name}
              error={errors.name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-autofocus
            />
            <Select
              label={t("apiKeys.fields.role")}
              description={t("apiKeys.roleHint")}
              data={roleOptions(t)}
              value={role}
              allowDeselect={false}
              error={errors.role}
              onChange={(value) => setRole(ROLES.find((r) => r === value) ?? role)}
            />
            <Group justify="flex-end" gap="xs" mt="sm">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t("apiKeys.create")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
