import { Button, Grid, Group, Loader, Paper, Stack, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useCases } from "../api/cases";
import { exportCustomer, useCustomer, useErase } from "../api/customers";
import { useCan } from "../api/permissions";
import { CasesTable } from "../cases/CasesTable";
import { ConfirmModal } from "../components/ConfirmModal";
import { IconDownload, IconEraser, IconLockOpen, IconPencil } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import { ConsentPanel } from "./ConsentPanel";
import { CustomerFormModal } from "./CustomerFormModal";
import { HistoryList } from "./HistoryList";
import { ProfileFields } from "./ProfileFields";

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Customer 360 outside a conversation: profile, consent, every channel's history and all cases. */
export function CustomerDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canReveal = useCan("customers:unmask");
  const [reveal, setReveal] = useState(false);
  const customer = useCustomer(id, null, reveal);
  const cases = useCases({ customerId: id });
  const erase = useErase();
  const canWrite = useCan("customers:write");
  const canExport = useCan("customers:export");
  const canErase = useCan("customers:erase");
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  if (customer.isPending) return <Loader size="sm" />;
  if (customer.isError) return <QueryError error={customer.error} />;
  const profile = customer.data;
  const runExport = () =>
    exportCustomer(profile.id).then(
      (blob) => download(blob, `customer-${profile.id}.json`),
      (failure: unknown) => setExportError(failure),
    );

  return (
    <>
      <PageHeader
        title={profile.fullName}
        description={t("customers.detailDescription")}
        actions={
          <Group gap="xs">
            {canWrite ? (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t("customers.edit")}
              </Button>
            ) : null}
            {canReveal && profile.masked ? (
              <Button
                variant="default"
                leftSection={<IconLockOpen size={16} aria-hidden />}
                onClick={() => setReveal(true)}
              >
                {t("customers.reveal")}
              </Button>
            ) : null}
            {canExport ? (
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => void runExport()}
              >
                {t("customers.export")}
              </Button>
            ) : null}
            {canErase && !profile.erased ? (
              <>
                <Button
                  color="red"
                  variant="light"
                  leftSection={<IconEraser size={16} aria-hidden />}
                  onClick={() => setErasing(true)}
                >
                  {t("customers.erase")}
                </Button>
              </>
            ) : null}
          </Group>
        }
      />
      {exportError ? <QueryError error={exportError} /> : null}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <ProfileFields customer={profile} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t("consent.title")}
              </Text>
              <ConsentPanel customerId={profile.id} editable={canWrite} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Tabs defaultValue="cases" mt="md">
        <Tabs.List>
          <Tabs.Tab value="cases">{t("customers.tabs.cases")}</Tabs.Tab>
          <Tabs.Tab value="history">{t("customers.tabs.history")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cases" pt="sm">
          {cases.isError ? <QueryError error={cases.error} /> : null}
          <CasesTable cases={cases.data?.items ?? []} busy={cases.isPending} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <HistoryList customerId={profile.id} />
        </Tabs.Panel>
      </Tabs>
      {editing ? <CustomerFormModal customer={profile} onClose={() => setEditing(false)} /> : null}
      <ConfirmModal
        opened={erasing}
        title={t("customers.eraseTitle")}
        message={t("customers.eraseMessage", { name: profile.fullName })}
        confirmLabel={t("customers.eraseConfirm")}
        busy={erase.isPending}
        error={erase.isError ? apiErrorText(erase.error, t) : null}
        onClose={() => setErasing(false)}
        onConfirm={() => erase.mutate(profile.id, { onSuccess: () => navigate("/customers") })}
      />
    </>
  );
}
