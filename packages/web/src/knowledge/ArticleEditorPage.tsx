import {
  Alert,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { type Article, KB_LANGUAGES, useArticle, usePublishArticle, useSaveArticle } from "../api/knowledge";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import { ArticleMarkdown } from "./ArticleMarkdown";

/** New article (/kb/new) or a new draft version of one (/kb/:id/edit), with a live preview. */
export function ArticleEditorPage() {
  const { id } = useParams();
  const existing = useArticle(id ?? null);
  if (id && existing.isPending) return <Loader size="sm" />;
  if (id && existing.isError) return <QueryError error={existing.error} />;
  return <ArticleEditor article={id ? (existing.data ?? null) : null} />;
}

function ArticleEditor({ article }: { article: Article | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveArticle();
  const publish = usePublishArticle();
  const [language, setLanguage] = useState(article?.language ?? "id");
  const [title, setTitle] = useState(article?.title ?? "");
  const [body, setBody] = useState(article?.body ?? "");
  const [tagText, setTagText] = useState((article?.tags ?? []).join(", "));
  const tags = tagText
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  const valid = title.trim() !== "" && body.trim() !== "";
  const failure = save.error ?? publish.error;

  const store = (andPublish: boolean) =>
    save.mutate(
      { id: article?.id ?? null, body: { language, title: title.trim(), body, tags } },
      {
        onSuccess: (saved) => {
          if (!andPublish) return navigate(`/kb/${saved.id}`);
          publish.mutate({ id: saved.id, publish: true }, { onSuccess: () => navigate(`/kb/${saved.id}`) });
        },
      },
    );

  return (
    <>
      <PageHeader title={article ? t("kb.editTitle") : t("kb.newArticle")} />
      {failure ? (
        <Alert color="red" variant="light" role="alert" mb="md">
          {apiErrorText(failure, t)}
        </Alert>
      ) : null}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t("kb.language")}
              value={language}
              onChange={setLanguage}
              disabled={article !== null}
              data={KB_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
            />
            <TextInput
              label={t("kb.fields.title")}
              required
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
            />
            <TextInput
              label={t("kb.fields.tags")}
              description={t("kb.tagsHint")}
              value={tagText}
              onChange={(event) => setTagText(event.currentTarget.value)}
            />
            <Textarea
              label={t("kb.fields.body")}
              description={t("kb.markdownHint")}
              required
              autosize
              minRows={14}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                disabled={!valid}
                loading={save.isPending}
                onClick={() => store(false)}
              >
                {t("kb.saveDraft")}
              </Button>
              <Button
                disabled={!valid}
                loading={save.isPending || publish.isPending}
                onClick={() => store(true)}
              >
                {t("kb.saveAndPublish")}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="lg" radius="md">
            <Text size="xs" c="dimmed" mb="xs">
              {t("kb.preview")}
            </Text>
            <ArticleMarkdown source={body} />
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
