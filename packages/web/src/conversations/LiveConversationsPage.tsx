import { Badge, Group, Paper, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useLiveConversations } from "../api/conversations";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { ChannelIcon } from "../routing/ChannelIcon";
import { clockDuration } from "../routing/duration";
import { channelLabel } from "../routing/labels";
import { useNow } from "../routing/useNow";

/** Supervisors see every live digital conversation of their tenant and open any of them to read along. */
export function LiveConversationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow(1000);
  const live = useLiveConversations();
  const items = live.data ?? [];
  return (
    <>
      <PageHeader title={t("liveConversations.title")} description={t("liveConversations.description")} />
      {live.isError ? <QueryError error={live.error} /> : null}
      <Paper withBorder radius="md">
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("liveConversations.channel")}</Table.Th>
              <Table.Th>{t("liveConversations.customer")}</Table.Th>
              <Table.Th>{t("liveConversations.agent")}</Table.Th>
              <Table.Th>{t("liveConversations.state")}</Table.Th>
              <Table.Th>{t("liveConversations.waiting")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && !live.isPending ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {t("liveConversations.empty")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {items.map((item) => (
              <Table.Tr
                key={item.id}
                style={{ cursor: "pointer" }}
                onClick={() => navigate(`/conversations/${item.id}`)}
                data-testid="live-conversation-row"
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <ChannelIcon channel={item.channel} />
                    <Text size="sm">{channelLabel(t, item.channel)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.customerName ?? item.contactAddress ?? t("desk.noCustomer")}
                  </Text>
                  {item.subject ? (
                    <Text size="xs" c="dimmed" truncate maw={280}>
                      {item.subject}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.agentName ?? t("liveConversations.unassigned")}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" size="sm">
                    {t(`liveConversations.states.${item.state}`, { defaultValue: item.state })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    className="tabular"
                    c={item.waitingSince && now - Date.parse(item.waitingSince) > 60_000 ? "red" : undefined}
                  >
                    {item.waitingSince ? clockDuration(now - Date.parse(item.waitingSince)) : "—"}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
