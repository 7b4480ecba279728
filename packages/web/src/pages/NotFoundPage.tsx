import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" align="flex-start" maw={560}>
      <Title order={2} size="h3" fw={600}>
        {forbidden ? t("notFound.forbiddenTitle") : t("notFound.title")}
      </Title>
      <Text c="dimmed">{forbidden ? t("notFound.forbiddenBody") : t("notFound.body")}</Text>
      <Button component={Link} to="/" variant="light">
        {t("notFound.home")}
      </Button>
    </Stack>
  );
}
