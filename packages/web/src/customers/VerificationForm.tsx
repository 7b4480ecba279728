import { Alert, Badge, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useVerificationPolicy, useVerify, type VerificationQuestion } from "../api/customers";
import { IconShieldCheck } from "../components/icons";
import { apiErrorText } from "../i18n/api-error";

interface VerificationFormProps {
  customerId: string;
  interactionId: string;
  /** The level already reached on this interaction, if any. */
  level: string | null;
}

const questionLabel = (question: VerificationQuestion, t: (key: string) => string) =>
  question.label ?? t(`customers.fields.${question.field}`);

/**
 * Asks the policy's questions and sends what the customer answered; the server compares. Inputs start empty
 * and are cleared after each attempt, so stored values are never on screen and answers do not linger.
 */
export function VerificationForm({ customerId, interactionId, level }: VerificationFormProps) {
  const { t } = useTranslation();
  const policy = useVerificationPolicy();
  const verify = useVerify(customerId);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const questions = policy.data ?? [];
  const result = verify.data;
  const reached = result?.passed ? result.level : level;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const given = Object.fromEntries(
      Object.entries(answers)
        .map(([field, answer]) => [field, answer.trim()] as const)
        .filter(([, answer]) => answer.length > 0),
    );
    verify.mutate({ interactionId, answers: given }, { onSettled: () => setAnswers({}) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("verify.title")}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t("verify.title")}
          </Text>
          {reached ? (
            <Badge
              color="teal"
              leftSection={<IconShieldCheck size={12} aria-hidden />}
              data-testid="verify-level"
            >
              {t("verify.level", { level: reached })}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              {t("verify.notVerified")}
            </Badge>
          )}
        </Group>
        {policy.isError ? (
          <Text size="sm" c="red">
            {apiErrorText(policy.error, t)}
          </Text>
        ) : null}
        {questions.map((question) => (
          <TextInput
            key={question.field}
            label={questionLabel(question, t)}
            autoComplete="off"
            value={answers[question.field] ?? ""}
            onChange={(event) => {
              const answer = event.currentTarget.value;
              setAnswers((current) => ({ ...current, [question.field]: answer }));
            }}
            size="sm"
          />
        ))}
        {result && !result.passed ? (
          <Alert color="red" variant="light" role="alert" data-testid="verify-failed">
            {result.attemptsLeft === undefined
              ? t("verify.failed")
              : t("verify.failedAttempts", { count: result.attemptsLeft })}
          </Alert>
        ) : null}
        {verify.isError ? (
          <Alert color="red" variant="light" role="alert" data-testid="verify-error">
            {apiErrorText(verify.error, t)}
          </Alert>
        ) : null}
        {result?.passed ? (
          <Text size="sm" c="teal" role="status">
            {t("verify.passed", { level: result.level })}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button
            type="submit"
            size="xs"
            loading={verify.isPending}
            disabled={questions.length === 0 || Object.values(answers).every((answer) => !answer.trim())}
          >
            {t("verify.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
