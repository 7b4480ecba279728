import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { FlowIssue } from "@sentra/core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/http";
import { ConfirmModal } from "../components/ConfirmModal";
import { IconChevronLeft } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import { FlowIssues, IssueList } from "./FlowIssues";
import { FlowSummary } from "./FlowSummary";
import { checkFlowText, summariseFlow } from "./flow-text";
import { flowStatus } from "./IvrPage";
import { useDeleteIvrFlow, useIvrFlows, usePublishIvrFlow, useUpdateIvrFlow } from "./ivr-api";

const publishIssues = (error: unknown): FlowIssue[] => {
  if (!(error instanceof ApiError) || error.code !== "ivr_flow_invalid") return [];
  const details = error.details as { issues?: FlowIssue[] } | undefined;
  return details?.issues ?? [];
};

/** Edits one flow's draft as JSON, checked on every keystroke with the server's own rules; saves and publishes. */
export function IvrFlowEditorPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const flows = useIvrFlows();
  const flow = flows.data?.find((f) => f.id === id);
  const update = useUpdateIvrFlow();
  const publish = usePublishIvrFlow();
  const remove = useDeleteIvrFlow();
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    if (flow && loadedId !== flow.id) {
      setName(flow.name);
      setText(JSON.stringify(flow.definition, null, 2));
      setLoadedId(flow.id);
    }
  }, [flow, loadedId]);

  const check = useMemo(() => checkFlowText(text), [text]);
  const summary = useMemo(() => (check.json ? summariseFlow(check.json) : []), [check.json]);

  if (flows.isError) return <QueryError error={flows.error} />;
  if (flows.isPending) return <Loader size="sm" />;
  if (!flow) return <QueryError error={new ApiError(404, "ivr_flow_not_found", "")} />;

  const dirty =
    loadedId === flow.id && (name !== flow.name || text !== JSON.stringify(flow.definition, null, 2));
  const save = () =>
    check.json && update.mutate({ id: flow.id, patch: { name: name.trim(), definition: check.json } });
  const saveAndPublish = () => {
    if (!check.json) return;
    update.mutate(
      { id: flow.id, patch: { name: name.trim(), definition: check.json } },
      { onSuccess: () => publish.mutate(flow.id) },
    );
  };
  const refused = publishIssues(publish.error);
  const failure = update.error ?? (refused.length === 0 ? publish.error : null);

  return (
    <>
      <Anchor component={Link} to="/admin/ivr" size="sm">
        <Group gap={4}>
          <IconChevronLeft size={14} aria-hidden />
          {t("ivr.back")}
        </Group>
      </Anchor>
      <PageHeader
        title={flow.name}
        actions={
          <>
            <Badge variant="light" color={flow.changedSincePublish ? "yellow" : "teal"}>
              {flowStatus(flow, t)}
            </Badge>
            <Button
              variant="default"
              onClick={save}
              disabled={!check.json || !dirty}
              loading={update.isPending}
            >
              {t("ivr.save")}
            </Button>
            <Button
              onClick={saveAndPublish}
              disabled={!check.json || check.errors.length > 0}
              loading={publish.isPending}
            >
              {t("ivr.publish")}
            </Button>
          </>
        }
      />
      {failure ? (
        <Alert color="red" variant="light" mb="sm">
          {apiErrorText(failure, t)}
        </Alert>
      ) : null}
      {refused.length > 0 ? (
        <Alert color="red" variant="light" mb="sm" title={t("ivr.publishErrors")}>
          <IssueList issues={refused} />
        </Alert>
      ) : null}
      {publish.isSuccess && !dirty ? (
        <Alert color="teal" variant="light" mb="sm">
          {t("ivr.published", { version: publish.data.publishedVersion ?? 0 })}
        </Alert>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <TextInput label={t("ivr.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Textarea
              label={t("ivr.editorLabel")}
              description={t("ivr.editorHint")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={18}
              maxRows={40}
              spellCheck={false}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
              data-testid="ivr-json-editor"
            />
            <FlowIssues parseError={check.parseError} errors={check.errors} warnings={check.warnings} />
            <Group>
              <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
                {t("ivr.deleteFlow")}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {summary.length > 0 ? <FlowSummary nodes={summary} /> : <Text size="sm" c="dimmed" />}
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={deleting}
        title={t("ivr.deleteTitle")}
        message={t("ivr.deleteMessage", { name: flow.name })}
        confirmLabel={t("common.delete")}
        busy={remove.isPending}
        error={remove.isError ? apiErrorText(remove.error, t) : null}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(flow.id, { onSuccess: () => void navigate("/admin/ivr") })}
      />
    </>
  );
}
