import { Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconHourglassHigh } from "./icons";

/** A screen that is promised but not built yet: says so plainly instead of showing fake data. */
export function PlaceholderPage({ title, body, note }: { title: string; body: string; note?: string }) {
  return (
    <Paper withBorder p="xl" radius="md" maw={640}>
      <Stack gap="sm" align="flex-start">
        <ThemeIcon variant="light" size="lg" radius="md">
          <IconHourglassHigh size={20} aria-hidden />
        </ThemeIcon>
        <Title order={2} size="h3" fw={600}>
          {title}
        </Title>
        <Text>{body}</Text>
        {note ? (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
