import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { customerKeys, importCustomers } from "../api/customers";
import { IconFileImport } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { apiErrorText } from "../i18n/api-error";

const STATUS_COLORS = { created: "teal", updated: "blue", skipped: "gray", error: "red" } as const;

/** Upload a CSV of customers; the server validates every row and answers with a per-row report. */
export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => importCustomers(await chosen.text()),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
  const report = upload.data;
  return (
    <>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <Stack gap="md" maw={900}>
        <Group align="flex-end">
          <FileInput
            label={t("import.file")}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            style={{ flex: 1 }}
          />
          <Button
            leftSection={<IconFileImport size={16} aria-hidden />}
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            {t("import.upload")}
          </Button>
        </Group>
        {upload.isError ? (
          <Alert color="red" variant="light" role="alert">
            {apiErrorText(upload.error, t)}
          </Alert>
        ) : null}
        {report ? (
          <Stack gap="xs" data-testid="import-report">
            <Text size="sm">
              {t("import.summary", {
                created: report.created,
                updated: report.updated,
                failed: report.failed,
              })}
            </Text>
            <Table withTableBorder striped aria-label={t("import.reportLabel")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("import.columns.row")}</Table.Th>
                  <Table.Th>{t("import.columns.status")}</Table.Th>
                  <Table.Th>{t("import.columns.message")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((row) => (
                  <Table.Tr key={row.row}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[row.status] ?? "gray"} variant="light" size="sm">
                        {t(`import.status.${row.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.message ?? ""}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}
