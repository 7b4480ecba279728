import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Radio, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type DuplicatePair, type Merge, useDuplicates, useMerge, useUndoMerge } from "../api/customers";
import { IconArrowBackUp, IconGitMerge } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import { useFormat } from "../i18n/useFormat";

function PairCard({ pair, onMerged }: { pair: DuplicatePair; onMerged: (merge: Merge) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const merge = useMerge();
  const [survivorId, setSurvivorId] = useState(pair.a.id);
  const duplicateId = survivorId === pair.a.id ? pair.b.id : pair.a.id;
  return (
    <Paper withBorder p="md" radius="md" data-testid="duplicate">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge color={pair.score >= 0.9 ? "red" : "orange"} variant="light">
              {t("duplicates.score", { score: format.number(Math.round(pair.score * 100)) })}
            </Badge>
            {pair.reasons.map((reason) => (
              <Badge
                key={reason.kind}
                color={reason.weight < 0 ? "gray" : "blue"}
                variant="outline"
                size="sm"
              >
                {reason.detail}
              </Badge>
            ))}
          </Group>
          <Button
            size="xs"
            leftSection={<IconGitMerge size={14} aria-hidden />}
            loading={merge.isPending}
            onClick={() => merge.mutate({ survivorId, duplicateId }, { onSuccess: onMerged })}
          >
            {t("duplicates.merge")}
          </Button>
        </Group>
        <Radio.Group value={survivorId} onChange={setSurvivorId} label={t("duplicates.keep")}>
          <Stack gap={6} mt={4}>
            {[pair.a, pair.b].map((customer) => (
              <Radio
                key={customer.id}
                value={customer.id}
                label={
                  <Anchor component={Link} to={`/customers/${customer.id}`} size="sm">
                    {customer.fullName}
                  </Anchor>
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        {merge.isError ? (
          <Text size="sm" c="red">
            {apiErrorText(merge.error, t)}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Likely duplicates with their score and why; the supervisor picks the record to keep, and may undo. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const duplicates = useDuplicates();
  const undo = useUndoMerge();
  const [lastMerge, setLastMerge] = useState<Merge | null>(null);
  return (
    <>
      <PageHeader title={t("duplicates.title")} description={t("duplicates.description")} />
      {duplicates.isError ? <QueryError error={duplicates.error} /> : null}
      {lastMerge ? (
        <Alert color="teal" variant="light" mb="md" data-testid="merged">
          <Group justify="space-between">
            <Text size="sm">{t("duplicates.merged")}</Text>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              loading={undo.isPending}
              onClick={() => undo.mutate(lastMerge.mergeId, { onSuccess: () => setLastMerge(null) })}
            >
              {t("duplicates.undo")}
            </Button>
          </Group>
          {undo.isError ? (
            <Text size="sm" c="red">
              {apiErrorText(undo.error, t)}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {duplicates.isPending ? <Loader size="sm" /> : null}
      {duplicates.data?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("duplicates.none")}
        </Text>
      ) : null}
      <Stack gap="sm">
        {(duplicates.data ?? []).map((pair) => (
          <PairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} onMerged={setLastMerge} />
        ))}
      </Stack>
    </>
  );
}
