import { Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFollowUp, useFollowUps } from "../api/cases";
import { QueryError } from "../components/QueryError";
import { useFormat } from "../i18n/useFormat";

/** A reminder on the case for a given time (the browser's local time, sent as an instant). */
export function FollowUpForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const followUp = useFollowUp();
  const planned = useFollowUps(caseId);
  const format = useFormat();
  const [when, setWhen] = useState("");
  const [text, setText] = useState("");
  const [channel, setChannel] = useState<"callback" | "outbound">("callback");
  const valid = when !== "" && !Number.isNaN(Date.parse(when)) && text.trim() !== "";
  return (
    <Stack gap="xs">
      {(planned.data ?? []).map((item) => (
        <Text key={item.id} size="sm" data-testid="follow-up">
          {t("cases.followUp.planned", {
            when: format.dateTimeShort(item.dueAt),
            how: t(`cases.followUp.${item.channel}`),
            reason: item.reason,
          })}
        </Text>
      ))}
      {followUp.isError ? <QueryError error={followUp.error} /> : null}
      <Group align="flex-end" grow>
        <TextInput
          type="datetime-local"
          label={t("cases.followUp.when")}
          value={when}
          onChange={(event) => setWhen(event.currentTarget.value)}
        />
        <Select
          label={t("cases.followUp.channel")}
          data={[
            { value: "callback", label: t("cases.followUp.callback") },
            { value: "outbound", label: t("cases.followUp.outbound") },
          ]}
          value={channel}
          allowDeselect={false}
          onChange={(value) => setChannel(value === "outbound" ? "outbound" : "callback")}
        />
        <TextInput
          label={t("cases.followUp.what")}
          value={text}
          maxLength={500}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      </Group>
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="default"
          disabled={!valid}
          loading={followUp.isPending}
          onClick={() =>
            followUp.mutate(
              { id: caseId, dueAt: new Date(when).toISOString(), reason: text.trim(), channel },
              {
                onSuccess: () => {
                  setWhen("");
                  setText("");
                },
              },
            )
          }
        >
          {t("cases.followUp.add")}
        </Button>
      </Group>
    </Stack>
  );
}
