import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { conversationKeys, useConversation } from "../api/conversations";
import { IconChevronLeft } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { channelLabel } from "../routing/labels";
import { ConversationThread } from "./ConversationThread";
import { useLiveThread } from "./useLiveThread";

/** A supervisor reading along: the whole thread, updated live, with no way to write into it. */
export function ConversationReadPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const conversation = useConversation(id);
  useLiveThread(id, conversationKeys.detail(id));
  const data = conversation.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/conversations/live" size="sm">
        <Group gap={4}>
          <IconChevronLeft size={14} aria-hidden />
          {t("liveConversations.back")}
        </Group>
      </Anchor>
      <PageHeader
        title={data?.subject ?? t("liveConversations.conversation")}
        description={data?.contactAddress ?? undefined}
        actions={
          data ? (
            <Group gap="xs">
              <Badge variant="light">{channelLabel(t, data.channel)}</Badge>
              <Badge variant="outline" color="gray">
                {t("liveConversations.readOnly")}
              </Badge>
            </Group>
          ) : null
        }
      />
      {conversation.isError ? <QueryError error={conversation.error} /> : null}
      {data ? <ConversationThread messages={data.messages} height={520} /> : null}
      {data?.status === "closed" ? (
        <Text size="sm" c="dimmed">
          {t("liveConversations.closed")}
        </Text>
      ) : null}
    </Stack>
  );
}
