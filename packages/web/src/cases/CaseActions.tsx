import { Alert, Button, Group, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Case, useAddNote, useEscalate } from "../api/cases";
import { IconArrowUp, IconNotes } from "../components/icons";
import { apiErrorText } from "../i18n/api-error";

type Mode = "idle" | "note" | "escalate";

/** Add a note or escalate with a reason: the two things an agent does to a case mid-conversation. */
export function CaseActions({ item, compact = false }: { item: Case; compact?: boolean }) {
  const { t } = useTranslation();
  const note = useAddNote();
  const escalate = useEscalate();
  const [mode, setMode] = useState<Mode>("idle");
  const [text, setText] = useState("");
  const failure = note.error ?? escalate.error;
  const closed = item.status === "resolved" || item.status === "closed";
  const done = () => {
    setText("");
    setMode("idle");
  };
  const send = () => {
    if (!text.trim()) return;
    if (mode === "note") note.mutate({ id: item.id, body: text.trim() }, { onSuccess: done });
    if (mode === "escalate") escalate.mutate({ id: item.id, reason: text.trim() }, { onSuccess: done });
  };

  if (mode === "idle") {
    return (
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconNotes size={14} aria-hidden />}
          onClick={() => setMode("note")}
        >
          {t("cases.addNote")}
        </Button>
        {item.status !== "escalated" && !closed ? (
          <Button
            size="xs"
            color="red"
            variant="light"
            leftSection={<IconArrowUp size={14} aria-hidden />}
            onClick={() => setMode("escalate")}
          >
            {t("cases.escalate")}
          </Button>
        ) : null}
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      {failure ? (
        <Alert color="red" variant="light" role="alert">
          {apiErrorText(failure, t)}
        </Alert>
      ) : null}
      <Textarea
        label={mode === "note" ? t("cases.noteLabel") : t("cases.escalationReason")}
        autosize
        minRows={compact ? 2 : 3}
        maxLength={4000}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        data-autofocus
      />
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={done}>
          {t("common.cancel")}
        </Button>
        <Button
          size="xs"
          color={mode === "escalate" ? "red" : undefined}
          loading={note.isPending || escalate.isPending}
          disabled={!text.trim()}
          onClick={send}
        >
          {mode === "note" ? t("cases.saveNote") : t("cases.confirmEscalate")}
        </Button>
      </Group>
    </Stack>
  );
}
