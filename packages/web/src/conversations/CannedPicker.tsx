import { Button, Menu, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CannedResponse } from "../api/conversations";
import { IconTemplate } from "../components/icons";

interface SuggestionsProps {
  matches: CannedResponse[];
  highlighted: number;
  onPick: (response: CannedResponse) => void;
}

/** The responses matching what follows "/" in the composer; arrows move, Enter or a click inserts. */
export function CannedSuggestions({ matches, highlighted, onPick }: SuggestionsProps) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      shadow="sm"
      p={4}
      radius="md"
      role="listbox"
      aria-label={t("conversation.canned.title")}
    >
      {matches.length === 0 ? (
        <Text size="sm" c="dimmed" p="xs">
          {t("conversation.canned.none")}
        </Text>
      ) : (
        <Stack gap={0}>
          {matches.slice(0, 8).map((response, index) => (
            <UnstyledButton
              key={response.id}
              role="option"
              aria-selected={index === highlighted}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(response)}
              p={6}
              style={{
                borderRadius: 6,
                background: index === highlighted ? "var(--mantine-color-default-hover)" : undefined,
              }}
            >
              <Text size="sm" fw={500}>
                /{response.shortcut} · {response.title}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {response.body}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The same responses behind a button, for agents who prefer the mouse. */
export function CannedMenu({
  responses,
  onPick,
}: {
  responses: CannedResponse[];
  onPick: (response: CannedResponse) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="top-start" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={<IconTemplate size={14} aria-hidden />}>
          {t("conversation.canned.button")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {responses.length === 0 ? <Menu.Label>{t("conversation.canned.none")}</Menu.Label> : null}
        {responses.map((response) => (
          <Menu.Item key={response.id} onClick={() => onPick(response)}>
            /{response.shortcut} · {response.title}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
