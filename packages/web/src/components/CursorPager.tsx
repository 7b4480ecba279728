import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconChevronLeft, IconChevronRight } from "./icons";

interface CursorPagerProps {
  page: number;
  nextCursor: string | null | undefined;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
  busy?: boolean;
}

export function CursorPager({ page, nextCursor, onNext, onPrevious, busy = false }: CursorPagerProps) {
  const { t } = useTranslation();
  // One page and nothing after it: a pager with two disabled buttons is only noise.
  if (page <= 1 && !nextCursor) return null;
  return (
    <Group justify="flex-end" gap="xs" mt="sm" component="nav" aria-label={t("pager.label")}>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconChevronLeft size={14} aria-hidden />}
        disabled={page <= 1 || busy}
        onClick={onPrevious}
      >
        {t("pager.previous")}
      </Button>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("pager.page", { page })}
      </Text>
      <Button
        variant="default"
        size="xs"
        rightSection={<IconChevronRight size={14} aria-hidden />}
        disabled={!nextCursor || busy}
        onClick={() => nextCursor && onNext(nextCursor)}
      >
        {t("pager.next")}
      </Button>
    </Group>
  );
}
