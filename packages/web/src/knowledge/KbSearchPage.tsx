import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ArticleHit, KB_LANGUAGES, useArticles, useKbSearch } from "../api/knowledge";
import { useCan } from "../api/permissions";
import { IconPlus, IconSearch } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";

const ANY = "any";

/** Search the knowledge base, optionally in one language; editors start new articles here. */
export function KbSearchPage() {
  const { t } = useTranslation();
  const canWrite = useCan("kb:write");
  const [query, setQuery] = useState("");
  const [language, setLanguage] = useState(ANY);
  const [settled] = useDebouncedValue(query.trim(), 300);
  const lang = language === ANY ? null : language;
  const searched = useKbSearch(settled, lang);
  const recent = useArticles(lang);
  const results = settled ? searched : recent;
  const hits: ArticleHit[] = (settled ? searched.data : recent.data) ?? [];
  return (
    <>
      <PageHeader
        title={t("kb.title")}
        description={t("kb.description")}
        actions={
          canWrite ? (
            <Button component={Link} to="/kb/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t("kb.newArticle")}
            </Button>
          ) : null
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          leftSection={<IconSearch size={16} aria-hidden />}
          placeholder={t("kb.searchPlaceholder")}
          aria-label={t("kb.search")}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
        <SegmentedControl
          aria-label={t("kb.language")}
          value={language}
          onChange={setLanguage}
          data={[
            { value: ANY, label: t("kb.anyLanguage") },
            ...KB_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) })),
          ]}
        />
      </Group>
      {results.isError ? <QueryError error={results.error} /> : null}
      {!results.isPending && hits.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("kb.noResults")}
        </Text>
      ) : null}
      <Stack gap="sm">
        {hits.map((hit) => (
          <Paper key={hit.id} withBorder p="sm" radius="md" data-testid="kb-hit">
            <Group gap="xs">
              <Anchor component={Link} to={`/kb/${hit.id}`} fw={500}>
                {hit.title}
              </Anchor>
              <Badge size="xs" variant="light" color="gray">
                {t(`language.short.${hit.language}`, { defaultValue: hit.language })}
              </Badge>
              {hit.status === "draft" ? (
                <Badge size="xs" variant="outline" color="gray">
                  {t("kb.status.draft")}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed" lineClamp={2}>
              {hit.excerpt}
            </Text>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
