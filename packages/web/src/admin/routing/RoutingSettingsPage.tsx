import { Alert, Button, Paper, SimpleGrid, Stack, TagsInput, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRoutingSettings } from "../../api/routing";
import { useSaveRoutingSettings } from "../../api/routing-admin";
import { IconCheck } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { apiErrorText } from "../../i18n/api-error";
import { dispositionLabel, reasonLabel } from "../../routing/labels";
import { DISPOSITION_CODE, REASON_CODE } from "./contracts";

/** Codes are typed as admins say them ("Follow up") and stored as the API wants them ("follow_up"). */
export const toCode = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_")
    .replace(/[^a-z0-9_]/g, "");

function codeError(codes: string[], pattern: RegExp, t: TFunction) {
  if (codes.length === 0) return t("validation.chooseAtLeast", { min: 1 });
  const bad = codes.find((code) => !pattern.test(code));
  return bad ? t("validation.code", { code: bad }) : null;
}

interface CodeListProps {
  title: string;
  description: string;
  codes: string[];
  label: (code: string) => string;
  error: string | null;
  onChange: (codes: string[]) => void;
}

function CodeList({ title, description, codes, label, error, onChange }: CodeListProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5" fw={600}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        <TagsInput
          aria-label={title}
          placeholder={t("routingSettings.addPlaceholder")}
          value={codes}
          onChange={(values) => onChange([...new Set(values.map(toCode).filter(Boolean))])}
          error={error}
          clearable
          splitChars={[","]}
        />
        {codes.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t("routingSettings.agentsSee", { labels: codes.map(label).join(" · ") })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function RoutingSettingsPage() {
  const { t } = useTranslation();
  const settings = useRoutingSettings();
  const save = useSaveRoutingSettings();
  const [reasons, setReasons] = useState<string[]>([]);
  const [dispositions, setDispositions] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setReasons(settings.data.notReadyReasons);
    setDispositions(settings.data.dispositions);
  }, [settings.data]);

  const reasonError = checked ? codeError(reasons, REASON_CODE, t) : null;
  const dispositionError = checked ? codeError(dispositions, DISPOSITION_CODE, t) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (codeError(reasons, REASON_CODE, t) || codeError(dispositions, DISPOSITION_CODE, t)) return;
    save.mutate({ notReadyReasons: reasons, dispositions });
  };

  return (
    <form onSubmit={submit} noValidate>
      <PageHeader
        title={t("routingSettings.title")}
        description={t("routingSettings.description")}
        actions={
          <Button type="submit" loading={save.isPending} disabled={!settings.data}>
            {t("common.save")}
          </Button>
        }
      />
      {settings.isError ? <QueryError error={settings.error} /> : null}
      {save.isError ? (
        <Alert color="red" variant="light" role="alert" mb="md">
          {apiErrorText(save.error, t)}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert color="teal" variant="light" role="status" mb="md" icon={<IconCheck size={18} aria-hidden />}>
          {t("routingSettings.saved")}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CodeList
          title={t("routingSettings.reasons")}
          description={t("routingSettings.reasonsHint")}
          codes={reasons}
          label={(code) => reasonLabel(t, code)}
          error={reasonError}
          onChange={setReasons}
        />
        <CodeList
          title={t("routingSettings.dispositions")}
          description={t("routingSettings.dispositionsHint")}
          codes={dispositions}
          label={(code) => dispositionLabel(t, code)}
          error={dispositionError}
          onChange={setDispositions}
        />
      </SimpleGrid>
    </form>
  );
}
