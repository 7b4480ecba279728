import { ActionIcon, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ShiftTemplate } from "../../api/wfm";
import { useDeleteShiftTemplate, useShiftTemplates } from "../../api/wfm-queries";
import { ConfirmModal } from "../../components/ConfirmModal";
import { IconPencil, IconPlus, IconTrash } from "../../components/icons";
import { QueryError } from "../../components/QueryError";
import { apiErrorText } from "../../i18n/api-error";
import { TemplateFormModal } from "./TemplateFormModal";
import { NEW_TEMPLATE, type TemplateDraft, templateSummary } from "./template-form";

export function ShiftTemplates({ canPlan }: { canPlan: boolean }) {
  const { t } = useTranslation();
  const templates = useShiftTemplates();
  const remove = useDeleteShiftTemplate();
  const [editing, setEditing] = useState<TemplateDraft | null>(null);
  const [deleting, setDeleting] = useState<ShiftTemplate | null>(null);
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };
  const weekdays = (template: ShiftTemplate) =>
    template.weekdays.map((day) => t(`wfm.weekdays.${day - 1}`)).join(" ");

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t("wfm.templates.title")}
        </Title>
        {canPlan ? (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing(NEW_TEMPLATE)}
          >
            {t("wfm.templates.new")}
          </Button>
        ) : null}
      </Group>
      {templates.isError ? <QueryError error={templates.error} /> : null}
      {(templates.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("wfm.templates.empty")}
        </Text>
      ) : (
        <Table striped withTableBorder fz="sm" data-testid="shift-templates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("wfm.templates.name")}</Table.Th>
              <Table.Th>{t("wfm.templates.starts")}</Table.Th>
              <Table.Th>{t("wfm.templates.length")}</Table.Th>
              <Table.Th>{t("wfm.templates.days")}</Table.Th>
              <Table.Th>{t("wfm.templates.breaks")}</Table.Th>
              {canPlan ? <Table.Th w={90}>{t("common.actions")}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(templates.data ?? []).map((template) => {
              const summary = templateSummary(template);
              return (
                <Table.Tr key={template.id}>
                  <Table.Td>{template.name}</Table.Td>
                  <Table.Td>{summary.starts}</Table.Td>
                  <Table.Td>{t("wfm.templates.hours", { hours: summary.hours })}</Table.Td>
                  <Table.Td>{weekdays(template)}</Table.Td>
                  <Table.Td>{summary.breaks}</Table.Td>
                  {canPlan ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t("wfm.templates.editNamed", { name: template.name })}
                          onClick={() => setEditing(template)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("wfm.templates.deleteNamed", { name: template.name })}
                          onClick={() => setDeleting(template)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {editing ? <TemplateFormModal initial={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t("wfm.templates.deleteTitle")}
        message={t("wfm.templates.deleteMessage", { name: deleting?.name ?? "" })}
        confirmLabel={t("common.delete")}
        busy={remove.isPending}
        error={remove.isError ? apiErrorText(remove.error, t) : null}
        onClose={closeDelete}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: closeDelete })}
      />
    </Paper>
  );
}
