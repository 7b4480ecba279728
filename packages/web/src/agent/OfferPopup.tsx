import { Button, Group, Modal, Progress, SimpleGrid, Stack, Text, ThemeIcon } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ChannelIcon } from "../routing/ChannelIcon";
import { clockDuration } from "../routing/duration";
import { channelLabel } from "../routing/labels";
import type { Offer } from "./desk-state";

interface OfferPopupProps {
  offer: Offer | null;
  queueName: string | undefined;
  /** The desk's ticking clock, passed in so the countdown is testable without timers. */
  now: number;
  busy: boolean;
  error: string | null;
  onAccept: (offer: Offer) => void;
  onReject: (offer: Offer) => void;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} className="tabular">
        {value}
      </Text>
    </Stack>
  );
}

/**
 * The ringing offer. It cannot be dismissed by a stray click or Escape: an offer ends by Accept, Reject, the
 * deadline, or the server withdrawing it — the same four ways the routing engine knows.
 */
export function OfferPopup({ offer, queueName, now, busy, error, onAccept, onReject }: OfferPopupProps) {
  const { t } = useTranslation();
  const total = offer?.expiresAt ? Math.max(1, offer.expiresAt - offer.offeredAt) : 0;
  const left = offer?.expiresAt ? Math.max(0, offer.expiresAt - now) : null;
  const seconds = left === null ? null : Math.ceil(left / 1000);
  return (
    <Modal
      opened={offer !== null}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="md"
      title={
        <Group gap="sm">
          <ThemeIcon variant="light" size="lg" radius="md">
            {offer?.channel ? <ChannelIcon channel={offer.channel} size={20} /> : null}
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={600}>{t("desk.offer.title")}</Text>
            <Text size="sm" c="dimmed">
              {offer?.channel ? channelLabel(t, offer.channel) : t("desk.offer.loading")}
            </Text>
          </Stack>
        </Group>
      }
    >
      {offer ? (
        <Stack gap="md" data-testid="offer">
          <SimpleGrid cols={3} spacing="sm">
            <Fact label={t("desk.offer.queue")} value={queueName ?? t("desk.unknownQueue")} />
            <Fact label={t("desk.offer.customer")} value={offer.customerId ?? t("desk.noCustomer")} />
            <Fact
              label={t("desk.offer.waited")}
              value={offer.enqueuedAt ? clockDuration(now - offer.enqueuedAt) : "—"}
            />
          </SimpleGrid>
          {seconds !== null ? (
            <Stack gap={4}>
              <Text size="sm" data-testid="offer-countdown" className="tabular">
                {t("desk.offer.countdown", { count: seconds })}
              </Text>
              <Progress
                value={((left ?? 0) / total) * 100}
                color={seconds <= 5 ? "red" : "sentra"}
                size="sm"
                aria-label={t("desk.offer.countdown", { count: seconds })}
                transitionDuration={250}
              />
            </Stack>
          ) : null}
          {error ? (
            <Text size="sm" c="red">
              {error}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onReject(offer)} disabled={busy}>
              {t("desk.offer.reject")}
            </Button>
            <Button color="teal" onClick={() => onAccept(offer)} loading={busy} data-autofocus>
              {t("desk.offer.accept")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
