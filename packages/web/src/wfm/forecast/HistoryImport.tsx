import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useHistory, useImportHistory } from "../../api/wfm-queries";
import { apiErrorText } from "../../i18n/api-error";
import { useFormat } from "../../i18n/useFormat";
import { HistoryRebuild } from "./HistoryRebuild";

/** Stored at 15 minutes, the finest grid: the history and forecasts add intervals up to 30 or 60. */
const IMPORT_QUERY = "?interval=15";

/** Upload of interval history (CSV or TSV) with the server's per-row report; then what history there is. */
export function HistoryImport({ scopeQuery }: { scopeQuery: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportHistory();
  const history = useHistory(scopeQuery, true);
  const report = upload.data;
  const offered = (history.data ?? []).reduce((sum, i) => sum + i.arrivals, 0);

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h5" mb="xs">
          {t("wfm.history.importTitle")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("wfm.history.importHelp")}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t("wfm.history.file")}
            placeholder={t("wfm.history.choose")}
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            value={file}
            onChange={(next) => {
              setFile(next);
              upload.reset();
            }}
            clearable
            w={320}
            data-testid="history-file"
          />
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate({ file, query: IMPORT_QUERY })}
          >
            {t("wfm.history.import")}
          </Button>
        </Group>
        {upload.isError ? (
          <Alert color="red" mt="sm" role="alert">
            {apiErrorText(upload.error, t)}
          </Alert>
        ) : null}
        {report ? (
          <Stack gap={4} mt="sm" data-testid="import-report">
            <Text size="sm" c={report.rejected.length > 0 ? "orange" : "teal"}>
              {t("wfm.history.report", {
                rows: report.rows,
                stored: report.intervalsStored,
                count: report.rejected.length,
              })}
            </Text>
            {report.rejected.length > 0 ? (
              <Table striped withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("wfm.history.row")}</Table.Th>
                    <Table.Th>{t("wfm.history.problem")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rejected.slice(0, 50).map((error) => (
                    <Table.Tr key={`${error.line}-${error.message}`}>
                      <Table.Td>{error.line}</Table.Td>
                      <Table.Td>{error.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Stack>
        ) : null}
      </Paper>
      <HistoryRebuild />
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h5" mb="xs">
          {t("wfm.history.stored")}
        </Title>
        {history.isError ? (
          <Text size="sm" c="red">
            {apiErrorText(history.error, t)}
          </Text>
        ) : (
          <Text size="sm" data-testid="history-summary">
            {t("wfm.history.summary", {
              intervals: format.number(history.data?.length ?? 0),
              offered: format.number(offered),
            })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
