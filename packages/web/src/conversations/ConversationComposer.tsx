import { Box, Button, Group, Stack, Switch, Text, Textarea } from "@mantine/core";
import { type CannedValues, matchCannedResponses, renderCannedResponse } from "@sentra/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CannedResponse,
  type Conversation,
  type ConversationMessage,
  sendReply,
  useCannedResponses,
} from "../api/conversations";
import { IconSend } from "../components/icons";
import { apiErrorText } from "../i18n/api-error";
import { useLocale } from "../i18n/useLocale";
import { CannedMenu, CannedSuggestions } from "./CannedPicker";
import { useTypingSignal } from "./useTypingSignal";

interface ConversationComposerProps {
  conversation: Conversation;
  values: CannedValues;
  onSent: (message: ConversationMessage) => void;
}

/** "/ref" at the start of an otherwise empty composer asks for canned responses starting with "ref". */
const SLASH = /^\/(\S*)$/;

/**
 * The agent's reply box: Enter sends, Shift+Enter breaks the line. The note switch turns the text into an
 * internal note for colleagues, which never leaves Sentra. "/" or the button inserts a canned response in the
 * conversation's language with its placeholders filled in.
 */
export function ConversationComposer({ conversation, values, onSent }: ConversationComposerProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [text, setText] = useState("");
  const [note, setNote] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const canned = useCannedResponses();
  const typing = useTypingSignal(conversation.id, conversation.channel === "chat" && !note);
  const language =
    conversation.language === "en" || conversation.language === "id" ? conversation.language : locale;
  const ofLanguage = (canned.data ?? []).filter((response) => response.language === language);
  const slash = SLASH.exec(text);
  const matches = slash ? matchCannedResponses(ofLanguage, slash[1] ?? "") : [];

  const insert = (response: CannedResponse) => {
    const rendered = renderCannedResponse(response.body, values);
    setText((current) => (SLASH.test(current) || !current.trim() ? rendered : `${current}\n${rendered}`));
    setHighlighted(0);
  };

  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    typing.stop();
    try {
      const message = await sendReply(conversation.id, body, note);
      setText("");
      onSent(message);
    } catch (failure) {
      setError(apiErrorText(failure, t));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (slash && matches.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setHighlighted(
          (current) => (current + step + Math.min(matches.length, 8)) % Math.min(matches.length, 8),
        );
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        const picked = matches[highlighted] ?? matches[0];
        if (picked) insert(picked);
        return;
      }
    }
    if (event.key === "Escape" && slash) {
      setText("");
      return;
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <Stack gap={6}>
      {slash ? <CannedSuggestions matches={matches} highlighted={highlighted} onPick={insert} /> : null}
      <Box>
        <Textarea
          aria-label={note ? t("conversation.noteLabel") : t("conversation.replyLabel")}
          placeholder={note ? t("conversation.notePlaceholder") : t("conversation.replyPlaceholder")}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setHighlighted(0);
            if (event.currentTarget.value) typing.keystroke();
          }}
          onKeyDown={onKeyDown}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={note ? 20_000 : 100_000}
          styles={note ? { input: { background: "var(--mantine-color-yellow-light)" } } : undefined}
          data-testid="composer"
        />
      </Box>
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
      <Group justify="space-between">
        <Group gap="sm">
          <Switch
            label={t("conversation.noteToggle")}
            checked={note}
            onChange={(event) => setNote(event.currentTarget.checked)}
            color="yellow"
            size="sm"
          />
          <CannedMenu responses={ofLanguage} onPick={insert} />
        </Group>
        <Button
          size="xs"
          leftSection={<IconSend size={14} aria-hidden />}
          onClick={() => void send()}
          loading={sending}
          disabled={!text.trim()}
          color={note ? "yellow" : undefined}
        >
          {note ? t("conversation.addNote") : t("conversation.send")}
        </Button>
      </Group>
    </Stack>
  );
}
