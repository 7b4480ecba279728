import { ActionIcon, Anchor, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { type ArticleHit, useKbSuggestions } from "../api/knowledge";
import { IconClipboard, IconCopy, IconLink } from "../components/icons";

interface KbSuggestionsProps {
  /** What the conversation is about so far: the subject and the agent's notes. */
  text: string;
  /** The conversation's language (the customer's, else the agent's). */
  language: string;
  /** Puts a snippet into the reply box (today: the notes field). */
  onInsert: (snippet: string) => void;
}

export const articlePath = (id: string) => `/kb/${id}`;

/** The text a snippet carries: the title and a link the customer can open, optionally the excerpt too. */
export function snippetOf(hit: ArticleHit, origin: string, withExcerpt: boolean): string {
  const link = `${hit.title} — ${origin}${articlePath(hit.id)}`;
  return withExcerpt ? `${hit.excerpt}\n${link}` : link;
}

/** Articles that fit the conversation, re-asked after the text settles for a moment. */
export function KbSuggestions({ text, language, onInsert }: KbSuggestionsProps) {
  const { t } = useTranslation();
  const [settled] = useDebouncedValue(text, 600);
  const suggestions = useKbSuggestions(settled, language);
  const hits = suggestions.data ?? [];
  const origin = window.location.origin;
  const copy = (snippet: string) => void navigator.clipboard?.writeText(snippet).catch(() => {});

  return (
    <Stack gap="xs" data-testid="kb-suggestions">
      <Text fw={600} size="sm">
        {t("kb.suggestions")}
      </Text>
      {settled.trim().length < 3 ? (
        <Text size="xs" c="dimmed">
          {t("kb.suggestHint")}
        </Text>
      ) : hits.length === 0 && !suggestions.isFetching ? (
        <Text size="xs" c="dimmed">
          {t("kb.noSuggestions")}
        </Text>
      ) : null}
      {hits.map((hit) => (
        <Paper key={hit.id} withBorder p="xs" radius="sm" data-testid="kb-suggestion">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor href={articlePath(hit.id)} target="_blank" size="sm" fw={500}>
                {hit.title}
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {hit.excerpt}
              </Text>
            </Stack>
            <Group gap={2} wrap="nowrap">
              <Tooltip label={t("kb.insertLink")}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t("kb.insertLink")}
                  onClick={() => onInsert(snippetOf(hit, origin, false))}
                >
                  <IconLink size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t("kb.insertExcerpt")}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t("kb.insertExcerpt")}
                  onClick={() => onInsert(snippetOf(hit, origin, true))}
                >
                  <IconClipboard size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t("kb.copy")}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t("kb.copy")}
                  onClick={() => copy(snippetOf(hit, origin, true))}
                >
                  <IconCopy size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
