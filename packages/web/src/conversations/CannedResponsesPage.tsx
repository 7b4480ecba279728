import { ActionIcon, Badge, Button, Group, Paper, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CannedResponse, useCannedResponses, useDeleteCannedResponse } from "../api/conversations";
import { ConfirmModal } from "../components/ConfirmModal";
import { IconPencil, IconPlus, IconTrash } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import { CannedResponseModal } from "./CannedResponseModal";

/** Admins keep the tenant's canned responses, per language, for agents to insert with "/shortcut". */
export function CannedResponsesPage() {
  const { t } = useTranslation();
  const responses = useCannedResponses();
  const remove = useDeleteCannedResponse();
  const [editing, setEditing] = useState<CannedResponse | "new" | null>(null);
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };
  const items = responses.data ?? [];
  return (
    <>
      <PageHeader
        title={t("cannedResponses.title")}
        description={t("cannedResponses.description")}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
            {t("cannedResponses.new")}
          </Button>
        }
      />
      {responses.isError ? <QueryError error={responses.error} /> : null}
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("cannedResponses.shortcut")}</Table.Th>
              <Table.Th>{t("cannedResponses.language")}</Table.Th>
              <Table.Th>{t("cannedResponses.titleLabel")}</Table.Th>
              <Table.Th>{t("cannedResponses.body")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && !responses.isPending ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {t("cannedResponses.empty")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {items.map((response) => (
              <Table.Tr key={response.id} data-testid="canned-row">
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    /{response.shortcut}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" size="sm">
                    {response.language.toUpperCase()}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{response.title}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2} maw={420}>
                    {response.body}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t("cannedResponses.edit", { shortcut: response.shortcut })}
                      onClick={() => setEditing(response)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("cannedResponses.delete", { shortcut: response.shortcut })}
                      onClick={() => setDeleting(response)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing ? (
        <CannedResponseModal editing={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t("cannedResponses.deleteTitle")}
        message={t("cannedResponses.deleteMessage", { shortcut: deleting?.shortcut ?? "" })}
        confirmLabel={t("cannedResponses.deleteConfirm")}
        busy={remove.isPending}
        error={remove.isError ? apiErrorText(remove.error, t) : null}
        onClose={closeDelete}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: closeDelete })}
      />
    </>
  );
}
