import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { NodeSummary } from "./flow-text";

const KNOWN_TYPES = new Set([
  "play",
  "menu",
  "collect",
  "setLanguage",
  "businessHours",
  "httpLookup",
  "condition",
  "transfer",
  "voicemail",
  "callback",
  "hangup",
]);

/** Each node with the nodes it leads to, in document order: a quick read of the flow beside its JSON. */
export function FlowSummary({ nodes }: { nodes: readonly NodeSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" fw={600}>
        {t("ivr.summaryTitle")}
      </Title>
      {nodes.map((node) => (
        <Card key={node.id} withBorder padding="xs" radius="sm" data-testid="ivr-summary-node">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" fw={600}>
              {node.id}
            </Text>
            <Badge size="xs" variant="light" color={node.invalid ? "red" : "blue"}>
              {KNOWN_TYPES.has(node.type) ? t(`ivr.nodeTypes.${node.type}`) : node.type}
            </Badge>
            {node.entry ? (
              <Badge size="xs" variant="filled" color="teal">
                {t("ivr.entryBadge")}
              </Badge>
            ) : null}
          </Group>
          {node.invalid ? (
            <Text size="xs" c="red">
              {t("ivr.invalidNode")}
            </Text>
          ) : node.targets.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t("ivr.ends")}
            </Text>
          ) : (
            node.targets.map((target) => (
              <Text key={target.field} size="xs" ff="monospace" c={target.missing ? "red" : undefined}>
                {target.field} → {target.target}
                {target.missing ? ` (${t("ivr.missingTarget")})` : ""}
              </Text>
            ))
          )}
        </Card>
      ))}
    </Stack>
  );
}
