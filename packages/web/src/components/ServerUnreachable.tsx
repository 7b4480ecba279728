import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function ServerUnreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="md">
      <Stack align="center" gap="sm" maw={420}>
        <Title order={1} size="h3" fw={600}>
          {t("unreachable.title")}
        </Title>
        <Text c="dimmed" ta="center">
          {t("unreachable.body")}
        </Text>
        <Button onClick={onRetry}>{t("unreachable.retry")}</Button>
      </Stack>
    </Center>
  );
}
