import { ActionIcon, Code, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../api/types";
import { IconChevronDown, IconChevronRight } from "../../components/icons";
import type { Formatters } from "../../i18n/useFormat";
import { actionLabel, actorLabel, type Directory, hasDetails, targetLabel } from "./audit-labels";

interface AuditRowProps {
  entry: AuditEntry;
  directory: Directory;
  format: Formatters;
}

export function AuditRow({ entry, directory, format }: AuditRowProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${entry.id}`;
  const action = actionLabel(entry.action, t);
  return (
    <>
      <Table.Tr data-testid="audit-row">
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={open ? t("audit.hideDetails") : t("audit.showDetails")}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
            {format.dateTime(entry.at)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{actorLabel(entry, directory, t)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={500}>
            {action}
          </Text>
          {action !== entry.action ? (
            <Text size="xs" c="dimmed" ff="monospace">
              {entry.action}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{targetLabel(entry, directory, t)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {entry.ip ?? ""}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open ? (
        <Table.Tr id={detailsId}>
          <Table.Td />
          <Table.Td colSpan={5}>
            <Stack gap={4} py={4}>
              <Text size="xs" c="dimmed">
                {t("audit.userAgent")}: {entry.userAgent ?? t("audit.none")}
              </Text>
              {hasDetails(entry.details) ? (
                <Code block fz="xs">
                  {JSON.stringify(entry.details, null, 2)}
                </Code>
              ) : (
                <Text size="xs" c="dimmed">
                  {t("audit.noDetails")}
                </Text>
              )}
            </Stack>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
