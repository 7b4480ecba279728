import { Alert, Anchor, Button, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { customerKeys, importCustomers } from "../api/customers";
import { IconFileImport } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { apiErrorText } from "../i18n/api-error";
import { useFormat } from "../i18n/useFormat";

/** Upload a CSV of customers; the server checks every row and reports refused rows and look-alikes by line. */
export function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
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
      <Stack gap="md" maw={960}>
        <Group align="flex-end">
          <FileInput
            label={t("import.file")}
            description={t("import.columnsHint")}
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
                rows: report.rows,
                imported: report.imported,
                rejected: report.rejected.length,
              })}
            </Text>
            {report.stoppedAt ? (
              <Alert color="orange" variant="light">
                {t("import.stopped", { line: report.stoppedAt.line, message: report.stoppedAt.message })}
              </Alert>
            ) : null}
            {report.rejected.length > 0 ? (
              <Table withTableBorder striped aria-label={t("import.rejectedLabel")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t("import.columns.line")}</Table.Th>
                    <Table.Th>{t("import.columns.message")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rejected.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{row.message}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            {report.possibleDuplicates.length > 0 ? (
              <Table withTableBorder striped aria-label={t("import.duplicatesLabel")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t("import.columns.line")}</Table.Th>
                    <Table.Th>{t("import.columns.lookAlike")}</Table.Th>
                    <Table.Th>{t("import.columns.score")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.possibleDuplicates.map((row) => (
                    <Table.Tr key={`${row.line}-${row.existingCustomerId}`}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <Anchor component={Link} to={`/customers/${row.customerId}`} size="sm">
                            {t("import.imported")}
                          </Anchor>
                          <Anchor component={Link} to={`/customers/${row.existingCustomerId}`} size="sm">
                            {t("import.existing")}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {row.reasons.join(", ")}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>{format.number(Math.round(row.score * 100))}%</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}
