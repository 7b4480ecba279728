import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Radio, Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type DuplicatePair,
  type DuplicateReason,
  type Merge,
  useCustomer,
  useDuplicates,
  useMerge,
  useUndoMerge,
} from "../api/customers";
import { IconArrowBackUp, IconGitMerge } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import { type Formatters, useFormat } from "../i18n/useFormat";

/** Reasons come with English details; known kinds are said in the user's language, others shown as sent. */
function reasonText(reason: DuplicateReason, t: TFunction, format: Formatters): string {
  const similarity = /(\d+\.\d+)/.exec(reason.detail)?.[1];
  if ((reason.kind === "name" || reason.kind === "address") && similarity) {
    const percent = format.number(Math.round(Number(similarity) * 100));
    return t(`duplicates.alike.${reason.kind}`, { percent });
  }
  const direction = reason.weight >= 0 ? "same" : "different";
  return t(`duplicates.${direction}.${reason.kind}`, { defaultValue: reason.detail });
}

/** One record of a pair, with what tells it apart (masked as this viewer sees it). */
function PairMember({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const customer = useCustomer(id).data;
  const facts = customer
    ? [
        ...customer.phones,
        ...customer.emails,
        t("duplicates.since", { time: format.dateTimeShort(customer.createdAt) }),
      ]
    : [];
  return (
    <Group gap="xs">
      <Anchor component={Link} to={`/customers/${id}`} size="sm">
        {name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {facts.join(" · ")}
      </Text>
    </Group>
  );
}

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
                {reasonText(reason, t, format)}
              </Badge>
            ))}
          </Group>
          <Button
            size="xs"
            leftSection={<IconGitMerge size={14} aria-hidden />}
            loading={merge.isPending}
            onClick={() =>
              // The pair leaves the list once merged, unmounting this card: the promise still reports back.
              void merge.mutateAsync({ survivorId, duplicateId }).then(onMerged, () => {})
            }
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
                label={<PairMember id={customer.id} name={customer.fullName} />}
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
