import { Badge, Drawer, Loader, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useExplanation } from "../api/routing";
import type { AgentView } from "../api/routing-types";
import { QueryError } from "../components/QueryError";
import { useFormat } from "../i18n/useFormat";

/** Why each offer of one interaction went to the agent it went to, as the routing engine recorded it. */
export function ExplanationDrawer({
  interactionId,
  agents,
  onClose,
}: {
  interactionId: string | null;
  agents: AgentView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const offers = useExplanation(interactionId);
  const nameOf = (id: string) => agents.find((agent) => agent.agentId === id)?.displayName ?? id.slice(0, 8);
  return (
    <Drawer
      opened={interactionId !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={t("wallboard.explanation.title", { id: interactionId?.slice(0, 8) ?? "" })}
    >
      {offers.isPending ? <Loader size="sm" /> : null}
      {offers.isError ? <QueryError error={offers.error} /> : null}
      {offers.data?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("wallboard.explanation.none")}
        </Text>
      ) : null}
      <Stack gap="sm">
        {(offers.data ?? []).map((offer) => (
          <Paper key={`${offer.at}-${offer.agentId}`} withBorder p="sm" radius="md">
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {format.dateTime(new Date(offer.at).toISOString())}
              </Text>
              <Text size="sm" fw={600}>
                {t("wallboard.explanation.offeredTo", { name: nameOf(offer.agentId) })}
              </Text>
              <Badge variant="light" w="fit-content">
                {t("wallboard.explanation.rule", { rule: offer.explanation.rule })}
              </Badge>
              <Text size="sm">{offer.summary}</Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Drawer>
  );
}
