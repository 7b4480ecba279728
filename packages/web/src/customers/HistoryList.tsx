import { Group, Loader, Stack, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCustomerHistory } from "../api/customers";
import type { Channel } from "../api/routing-types";
import { QueryError } from "../components/QueryError";
import { useFormat } from "../i18n/useFormat";
import { ChannelIcon } from "../routing/ChannelIcon";
import { channelLabel } from "../routing/labels";

/** The customer's conversations on every channel, newest first. */
export function HistoryList({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useCustomerHistory(customerId);
  if (history.isPending) return <Loader size="xs" />;
  if (history.isError) return <QueryError error={history.error} />;
  if (history.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("customers.noHistory")}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="customer-history">
      {history.data.map((item) => (
        <Timeline.Item
          key={item.interactionId}
          bullet={<ChannelIcon channel={item.channel as Channel} size={12} />}
        >
          <Stack gap={0}>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {channelLabel(t, item.channel as Channel)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`customers.interactionState.${item.state}`, { defaultValue: item.state })}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {format.dateTimeShort(item.createdAt)}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
