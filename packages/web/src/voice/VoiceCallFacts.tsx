import { Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api/http";

/** The call behind a voice interaction, as the IVR left it: who called which number, and what they entered. */
interface VoiceCall {
  fromNumber: string | null;
  toNumber: string;
  language: string | null;
  ivrVariables: Record<string, string>;
}

/** Variables the engine sets itself; the rest were entered by the caller or looked up by the flow. */
const OWN = new Set(["dialedNumber", "callerNumber", "language"]);

/** Screen pop for phone calls: the caller's number, the number they dialled and what the IVR collected. */
export function VoiceCallFacts({ interactionId }: { interactionId: string }) {
  const { t } = useTranslation();
  const call = useQuery({
    queryKey: ["voice-call", interactionId],
    queryFn: () => api<VoiceCall>(`/voice/calls/by-interaction/${interactionId}`),
    retry: false,
  });
  if (!call.data) return null;
  const collected = Object.entries(call.data.ivrVariables).filter(([name]) => !OWN.has(name));
  return (
    <Group gap="xl" data-testid="voice-call-facts">
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t("desk.voice.caller")}
        </Text>
        <Text size="sm" fw={500} className="tabular">
          {call.data.fromNumber ?? t("desk.voice.anonymous")}
        </Text>
      </Stack>
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t("desk.voice.dialled")}
        </Text>
        <Text size="sm" fw={500} className="tabular">
          {call.data.toNumber}
        </Text>
      </Stack>
      {collected.map(([name, value]) => (
        <Stack gap={0} key={name}>
          <Text size="xs" c="dimmed">
            {t("desk.voice.entered", { name })}
          </Text>
          <Text size="sm" fw={500} className="tabular">
            {value}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}
