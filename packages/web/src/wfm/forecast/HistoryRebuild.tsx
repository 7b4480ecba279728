import { Alert, Button, Group, Paper, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRebuildHistory } from "../../api/wfm-queries";
import { apiErrorText } from "../../i18n/api-error";
import { useFormat } from "../../i18n/useFormat";
import { addDays, zonedDate, zonedMidnight } from "../time";

/** History from Sentra's own routing event log, for the tenant-local days chosen (to is inclusive). */
export function HistoryRebuild() {
  const { t } = useTranslation();
  const format = useFormat();
  const timeZone = format.timeZone ?? "UTC";
  const today = zonedDate(Date.now(), timeZone);
  const [from, setFrom] = useState(() => addDays(today, -28));
  const [to, setTo] = useState(today);
  const rebuild = useRebuildHistory();

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} size="h5" mb="xs">
        {t("wfm.history.rebuildTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("wfm.history.rebuildHelp")}
      </Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t("wfm.history.rebuildFrom")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={160}
        />
        <TextInput
          type="date"
          label={t("wfm.history.rebuildTo")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={160}
        />
        <Button
          variant="light"
          disabled={!from || !to || to < from}
          loading={rebuild.isPending}
          onClick={() =>
            rebuild.mutate({
              from: new Date(zonedMidnight(from, timeZone)).toISOString(),
              to: new Date(zonedMidnight(addDays(to, 1), timeZone)).toISOString(),
              interval: 15,
            })
          }
        >
          {t("wfm.history.rebuild")}
        </Button>
      </Group>
      {rebuild.data ? (
        <Text size="sm" c="teal" mt="sm" data-testid="rebuild-report">
          {t("wfm.history.rebuilt", {
            interactions: rebuild.data.interactions,
            intervals: rebuild.data.intervalsStored,
          })}
        </Text>
      ) : null}
      {rebuild.isError ? (
        <Alert color="red" mt="sm" role="alert">
          {apiErrorText(rebuild.error, t)}
        </Alert>
      ) : null}
    </Paper>
  );
}
