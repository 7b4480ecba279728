import { Alert, Badge, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  useVerificationSettings,
  useVerificationStatus,
  useVerify,
  type VerificationFact,
  type VerificationStatus,
} from "../api/verification";
import { IconShieldCheck } from "../components/icons";
import { apiErrorText } from "../i18n/api-error";

interface VerificationFormProps {
  customerId: string;
  interactionId: string;
}

const LEVEL_COLORS = { none: "gray", partial: "yellow", verified: "teal" } as const;

function LevelBadge({ status }: { status: VerificationStatus | null | undefined }) {
  const { t } = useTranslation();
  const level = status?.level ?? "none";
  return (
    <Badge
      color={LEVEL_COLORS[level]}
      variant={level === "verified" ? "filled" : "light"}
      leftSection={level === "verified" ? <IconShieldCheck size={12} aria-hidden /> : undefined}
      data-testid="verify-level"
    >
      {t(`verify.levels.${level}`)}
    </Badge>
  );
}

/**
 * Asks the tenant policy's questions and sends what the customer answered; the server compares. Inputs start
 * empty and are cleared after every attempt, so stored values never appear and answers do not linger.
 */
export function VerificationForm({ customerId, interactionId }: VerificationFormProps) {
  const { t } = useTranslation();
  const settings = useVerificationSettings();
  const status = useVerificationStatus(customerId, interactionId);
  const verify = useVerify(customerId);
  const [answers, setAnswers] = useState<Partial<Record<VerificationFact, string>>>({});
  const facts = settings.data?.policy.facts ?? [];
  const current = verify.data ?? status.data;
  const verified = current?.level === "verified";
  const lastAttemptFailed = verify.data !== undefined && verify.data.failed.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const given = Object.fromEntries(
      Object.entries(answers)
        .map(([fact, answer]) => [fact, answer.trim()] as const)
        .filter(([, answer]) => answer.length > 0),
    );
    verify.mutate({ interactionId, answers: given }, { onSettled: () => setAnswers({}) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("verify.title")} data-testid="verify-form">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t("verify.title")}
          </Text>
          <LevelBadge status={current} />
        </Group>
        {settings.isError ? (
          <Text size="sm" c="red">
            {apiErrorText(settings.error, t)}
          </Text>
        ) : null}
        {!verified && settings.data ? (
          <Text size="xs" c="dimmed">
            {settings.data.policy.mode === "all"
              ? t("verify.ruleAll")
              : t("verify.ruleAny", { count: settings.data.policy.required })}
          </Text>
        ) : null}
        {verified
          ? null
          : facts.map((fact) => (
              <TextInput
                key={fact}
                label={t(`verify.facts.${fact}`)}
                autoComplete="off"
                size="xs"
                disabled={current?.locked ?? false}
                value={answers[fact] ?? ""}
                onChange={(event) => {
                  const answer = event.currentTarget.value;
                  setAnswers((given) => ({ ...given, [fact]: answer }));
                }}
              />
            ))}
        {lastAttemptFailed && verify.data ? (
          <Alert color="red" variant="light" role="alert" data-testid="verify-failed">
            {t("verify.failed", {
              facts: verify.data.failed
                .map((fact) => t(`verify.facts.${fact}`, { defaultValue: fact }))
                .join(", "),
            })}{" "}
            {verify.data.locked
              ? t("verify.locked")
              : t("verify.attemptsLeft", { count: verify.data.attemptsLeft })}
          </Alert>
        ) : current?.locked && !verified ? (
          <Alert color="red" variant="light" role="alert" data-testid="verify-locked">
            {t("verify.locked")}
          </Alert>
        ) : null}
        {verify.isError ? (
          <Alert color="red" variant="light" role="alert" data-testid="verify-error">
            {apiErrorText(verify.error, t)}
          </Alert>
        ) : null}
        {verified ? (
          <Text size="sm" c="teal" role="status">
            {t("verify.passed")}
          </Text>
        ) : (
          <Group justify="flex-end">
            <Button
              type="submit"
              size="xs"
              loading={verify.isPending}
              disabled={
                (current?.locked ?? false) || Object.values(answers).every((answer) => !answer?.trim())
              }
            >
              {t("verify.submit")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
