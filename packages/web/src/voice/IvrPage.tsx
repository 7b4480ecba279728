import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  LoadingOverlay,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { IvrFlowView } from "@sentra/core";
import type { TFunction } from "i18next";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { IconPlus } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import { useFormat } from "../i18n/useFormat";
import { STARTER_FLOW } from "./flow-text";
import { IvrDidsTable } from "./IvrDidsTable";
import { useCreateIvrFlow, useIvrFlows } from "./ivr-api";

/** The tenant's IVR flows and the numbers that lead to them (admin only: `voice:manage`). */
export function IvrPage() {
  const { t } = useTranslation();
  const flows = useIvrFlows();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t("ivr.title")}
        description={t("ivr.description")}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t("ivr.newFlow")}
          </Button>
        }
      />
      {flows.isError ? <QueryError error={flows.error} /> : null}
      <Box pos="relative" mb="xl">
        <LoadingOverlay visible={flows.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <FlowsTable flows={flows.data ?? []} />
      </Box>
      <Stack gap={2} mb="sm">
        <Title order={3} size="h4" fw={600}>
          {t("ivr.didsTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("ivr.didsDescription")}
        </Text>
      </Stack>
      <IvrDidsTable flows={flows.data ?? []} />
      {creating ? <CreateFlowModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

export function flowStatus(flow: IvrFlowView, t: TFunction): string {
  if (flow.publishedVersion === null) return t("ivr.status.draft");
  return flow.changedSincePublish
    ? t("ivr.status.changed", { version: flow.publishedVersion })
    : t("ivr.status.published", { version: flow.publishedVersion });
}

function FlowsTable({ flows }: { flows: IvrFlowView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover withTableBorder aria-label={t("ivr.flowsLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("ivr.columns.name")}</Table.Th>
            <Table.Th>{t("ivr.columns.status")}</Table.Th>
            <Table.Th>{t("ivr.columns.problems")}</Table.Th>
            <Table.Th>{t("ivr.columns.updated")}</Table.Th>
            <Table.Th w={96} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {flows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t("ivr.emptyFlows")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {flows.map((flow) => (
            <Table.Tr key={flow.id} data-testid="ivr-flow-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {flow.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  size="sm"
                  color={
                    flow.publishedVersion === null ? "gray" : flow.changedSincePublish ? "yellow" : "teal"
                  }
                >
                  {flowStatus(flow, t)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={flow.errors.length > 0 ? "red" : "dimmed"}>
                  {flow.errors.length > 0
                    ? t("ivr.problems.errors", { count: flow.errors.length })
                    : t("ivr.problems.none")}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTimeShort(flow.updatedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Button
                  component={Link}
                  to={`/admin/ivr/${flow.id}`}
                  variant="subtle"
                  size="xs"
                  aria-label={t("ivr.openNamed", { name: flow.name })}
                >
                  {t("ivr.open")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CreateFlowModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateIvrFlow();
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), definition: STARTER_FLOW },
      { onSuccess: (flow) => void navigate(`/admin/ivr/${flow.id}`) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("ivr.createTitle")}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t("ivr.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          {create.isError ? (
            <Alert color="red" variant="light">
              {apiErrorText(create.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={name.trim() === ""}>
              {t("ivr.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
