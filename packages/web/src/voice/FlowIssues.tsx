import { Alert, List, Text } from "@mantine/core";
import type { FlowIssue } from "@sentra/core";
import { useTranslation } from "react-i18next";
import { IconAlertCircle, IconAlertTriangle, IconCheck } from "../components/icons";

const TRANSLATED_CODES = new Set([
  "unknown_target",
  "unknown_entry",
  "unreachable",
  "loop_without_wait",
  "unknown_queue",
  "queue_takes_no_voice",
  "queue_takes_no_callback",
]);

function IssueList({ issues }: { issues: readonly FlowIssue[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2}>
      {issues.map((issue) => (
        <List.Item key={`${issue.code}:${issue.path}:${issue.message}`} data-testid="ivr-issue">
          <Text span size="sm" ff="monospace" fw={500}>
            {issue.path || t("ivr.wholeFlow")}
          </Text>{" "}
          <Text span size="sm">
            {TRANSLATED_CODES.has(issue.code) ? t(`ivr.issueCodes.${issue.code}`) : issue.message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** The draft's problems as the editor types: a JSON syntax error, or errors and warnings with their paths. */
export function FlowIssues({
  parseError,
  errors,
  warnings,
}: {
  parseError?: string;
  errors: readonly FlowIssue[];
  warnings: readonly FlowIssue[];
}) {
  const { t } = useTranslation();
  if (parseError !== undefined)
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />}>
        {parseError === "not_object" ? t("ivr.notObject") : t("ivr.notJson", { message: parseError })}
      </Alert>
    );
  return (
    <>
      {errors.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          title={t("ivr.errorsTitle")}
          icon={<IconAlertCircle size={18} aria-hidden />}
        >
          <IssueList issues={errors} />
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<IconCheck size={18} aria-hidden />}>
          {t("ivr.valid")}
        </Alert>
      )}
      {warnings.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title={t("ivr.warningsTitle")}
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          <IssueList issues={warnings} />
        </Alert>
      ) : null}
    </>
  );
}

export { IssueList };
