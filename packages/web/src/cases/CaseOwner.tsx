import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Case, useAssignCase } from "../api/cases";
import { useAllUsers } from "../api/people";
import { useCan } from "../api/permissions";
import { useMe } from "../api/session";
import { IconHeadset } from "../components/icons";
import { QueryError } from "../components/QueryError";

/** Who holds the case; a worker may take it, a supervisor may hand it to anyone. */
export function CaseOwner({ item }: { item: Case }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const canWork = useCan("cases:work");
  const canManage = useCan("cases:manage");
  const canListStaff = useCan("users:read");
  const staff = useAllUsers(canListStaff);
  const assign = useAssignCase();
  const owner = item.ownerUserId;
  const ownerName =
    owner === null
      ? t("cases.owner.none")
      : owner === me?.id
        ? t("cases.owner.you")
        : (staff.data?.find((user) => user.id === owner)?.displayName ?? t("cases.owner.someone"));

  return (
    <Stack gap="xs">
      {assign.isError ? <QueryError error={assign.error} /> : null}
      <Group gap="sm" align="flex-end">
        {canManage && canListStaff ? (
          <Select
            label={t("cases.owner.label")}
            size="sm"
            w={260}
            searchable
            value={owner}
            placeholder={t("cases.owner.none")}
            data={(staff.data ?? [])
              .filter((user) => !user.disabled && (user.role === "agent" || user.role === "supervisor"))
              .map((user) => ({ value: user.id, label: user.displayName }))}
            disabled={assign.isPending}
            onChange={(value) =>
              value && value !== owner && assign.mutate({ id: item.id, ownerUserId: value })
            }
          />
        ) : (
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t("cases.owner.label")}
            </Text>
            <Text size="sm" fw={500} data-testid="case-owner">
              {ownerName}
            </Text>
          </Stack>
        )}
        {canWork && me && owner !== me.id ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconHeadset size={14} aria-hidden />}
            loading={assign.isPending}
            onClick={() => assign.mutate({ id: item.id, ownerUserId: me.id })}
          >
            {t("cases.owner.take")}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
