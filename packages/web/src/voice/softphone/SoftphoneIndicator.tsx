import { Badge, Button, Group, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSoftphone } from "./SoftphoneProvider";
import type { SoftphoneStatus } from "./softphone-client";

const COLORS: Record<SoftphoneStatus, string> = {
  offline: "gray",
  idle: "blue",
  ringing: "orange",
  connecting: "yellow",
  in_call: "teal",
};

/** The softphone's status, a test call to hear one's own microphone, and the call's packet counters. */
export function SoftphoneIndicator() {
  const { t } = useTranslation();
  const phone = useSoftphone();
  if (!phone) return null;
  const inCall = phone.status === "connecting" || phone.status === "in_call";
  return (
    <Paper withBorder radius="md" px="md" py="xs">
      <Group justify="space-between" gap="md" wrap="wrap">
        <Group gap="sm" wrap="nowrap">
          <Badge color={COLORS[phone.status]} variant="light" data-testid="softphone-status">
            {t(`softphone.status.${phone.status}`)}
          </Badge>
          {phone.browser ? (
            <Text size="sm" c="dimmed" className="tabular" data-testid="softphone-browser-packets">
              {t("softphone.browserPackets", { ...phone.browser })}
            </Text>
          ) : null}
          {phone.lastCall && !inCall ? (
            <Text size="sm" c="dimmed" className="tabular" data-testid="softphone-server-packets">
              {t("softphone.serverPackets", { ...phone.lastCall.server })}
            </Text>
          ) : null}
          {phone.error ? (
            <Text size="sm" c="red" data-testid="softphone-error">
              {t("softphone.error", { message: phone.error.message })}
            </Text>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {phone.status === "idle" ? (
            <Button variant="light" onClick={phone.startTestCall}>
              {t("softphone.testCall")}
            </Button>
          ) : null}
          {phone.status === "ringing" ? (
            <Button color="teal" onClick={phone.answer}>
              {t("softphone.answer")}
            </Button>
          ) : null}
          {inCall || phone.status === "ringing" ? (
            <Button color="red" variant="light" onClick={phone.hangup}>
              {t("softphone.hangup")}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}
