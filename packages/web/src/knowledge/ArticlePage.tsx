import { Badge, Button, Grid, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useArticle, useArticleVersions, usePublishArticle } from "../api/knowledge";
import { useCan } from "../api/permissions";
import { IconPencil } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useFormat } from "../i18n/useFormat";
import { ArticleMarkdown } from "./ArticleMarkdown";

/** One article rendered from Markdown; editors also see its versions and can publish the draft. */
export function ArticlePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan("kb:write");
  const article = useArticle(id);
  const versions = useArticleVersions(canWrite ? id : null);
  const publish = usePublishArticle();
  if (article.isPending) return <Loader size="sm" />;
  if (article.isError) return <QueryError error={article.error} />;
  const shown = article.data;
  return (
    <>
      <PageHeader
        title={shown.title}
        actions={
          <Group gap="xs">
            <Badge variant="light" color={shown.status === "published" ? "teal" : "gray"}>
              {t(`kb.status.${shown.status}`)}
            </Badge>
            {canWrite ? (
              <>
                <Button
                  component={Link}
                  to={`/kb/${shown.id}/edit`}
                  variant="default"
                  leftSection={<IconPencil size={16} aria-hidden />}
                >
                  {t("kb.edit")}
                </Button>
                {shown.status === "published" ? (
                  <Button
                    variant="default"
                    loading={publish.isPending}
                    onClick={() => publish.mutate({ id: shown.id, publish: false })}
                  >
                    {t("kb.unpublish")}
                  </Button>
                ) : (
                  <Button
                    loading={publish.isPending}
                    onClick={() => publish.mutate({ id: shown.id, publish: true })}
                  >
                    {t("kb.publish")}
                  </Button>
                )}
              </>
            ) : null}
          </Group>
        }
      />
      {publish.isError ? <QueryError error={publish.error} /> : null}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: canWrite ? 8 : 12 }}>
          <Paper withBorder p="lg" radius="md">
            <ArticleMarkdown source={shown.body} />
            <Text size="xs" c="dimmed" mt="md">
              {t("kb.updated", { time: format.dateTimeShort(shown.updatedAt), version: shown.version })}
            </Text>
          </Paper>
        </Grid.Col>
        {canWrite ? (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="md" radius="md">
              <Stack gap="xs">
                <Text fw={600} size="sm">
                  {t("kb.versions")}
                </Text>
                {versions.isError ? <QueryError error={versions.error} /> : null}
                <Table aria-label={t("kb.versions")}>
                  <Table.Tbody>
                    {(versions.data ?? []).map((version) => (
                      <Table.Tr key={version.version}>
                        <Table.Td>{t("kb.versionNumber", { version: version.version })}</Table.Td>
                        <Table.Td>{version.title}</Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {format.dateTimeShort(version.createdAt)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Paper>
          </Grid.Col>
        ) : null}
      </Grid>
    </>
  );
}
