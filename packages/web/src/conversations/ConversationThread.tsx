import { Anchor, Badge, Box, Group, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { attachmentUrl, type ConversationMessage } from "../api/conversations";
import { IconDownload, IconNotes } from "../components/icons";
import { useFormat } from "../i18n/useFormat";

interface ConversationThreadProps {
  messages: ConversationMessage[];
  /** The customer is typing right now (chat). */
  customerTyping?: boolean;
  height?: number;
}

const tone = (message: ConversationMessage) =>
  message.direction === "internal_note"
    ? { bg: "var(--mantine-color-yellow-light)", align: "flex-end" as const }
    : message.direction === "outbound"
      ? { bg: "var(--mantine-color-blue-light)", align: "flex-end" as const }
      : { bg: "var(--mantine-color-default-hover)", align: "flex-start" as const };

function MessageBubble({ message }: { message: ConversationMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { bg, align } = tone(message);
  const note = message.direction === "internal_note";
  return (
    <Box style={{ alignSelf: align, maxWidth: "80%" }}>
      <Paper
        p="xs"
        radius="md"
        bg={bg}
        withBorder={note}
        style={note ? { borderStyle: "dashed", borderColor: "var(--mantine-color-yellow-6)" } : undefined}
        data-testid="thread-message"
        data-direction={message.direction}
      >
        {note ? (
          <Badge size="xs" color="yellow" variant="light" leftSection={<IconNotes size={10} aria-hidden />}>
            {t("conversation.noteBadge")}
          </Badge>
        ) : null}
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {message.bodyText}
        </Text>
        {message.attachments.length > 0 ? (
          <Stack gap={2} mt={4}>
            {message.attachments.map((file) => (
              <Anchor key={file.id} href={attachmentUrl(file.id)} download={file.fileName} size="xs">
                <Group gap={4} wrap="nowrap">
                  <IconDownload size={12} aria-hidden />
                  {t("conversation.attachment", {
                    name: file.fileName,
                    kb: Math.ceil(file.sizeBytes / 1024),
                  })}
                </Group>
              </Anchor>
            ))}
          </Stack>
        ) : null}
      </Paper>
      <Group gap={6} justify={align === "flex-end" ? "flex-end" : "flex-start"} mt={2}>
        <Text size="xs" c="dimmed" className="tabular">
          {format.dateTimeShort(message.createdAt)}
        </Text>
        {message.direction === "outbound" ? (
          <Text
            size="xs"
            c={message.deliveryStatus === "failed" ? "red" : "dimmed"}
            title={message.lastError ?? undefined}
            data-testid="delivery-status"
          >
            {t(`conversation.delivery.${message.deliveryStatus}`)}
          </Text>
        ) : null}
      </Group>
    </Box>
  );
}

/** A conversation's messages, oldest first, scrolled to the newest; internal notes stand apart in yellow. */
export function ConversationThread({
  messages,
  customerTyping = false,
  height = 360,
}: ConversationThreadProps) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const count = messages.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls again whenever a message or typing appears.
  useEffect(() => {
    const element = viewport.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count, customerTyping]);
  return (
    <Paper withBorder radius="md" data-testid="conversation-thread">
      <ScrollArea h={height} viewportRef={viewport} p="sm">
        <Stack gap="sm">
          {messages.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center">
              {t("conversation.empty")}
            </Text>
          ) : null}
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} />
          ))}
          {customerTyping ? (
            <Text size="xs" c="dimmed" fs="italic" data-testid="typing-indicator">
              {t("conversation.customerTyping")}
            </Text>
          ) : null}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
