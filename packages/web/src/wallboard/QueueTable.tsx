import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Queue, Stats } from "../api/routing-types";
import { kpiDuration } from "../routing/duration";
import { percent } from "../routing/percent";
import { serviceLevelTone, TONE_COLOR } from "./service-level";

/** One row per configured queue, in the admin's order; a queue with no traffic yet shows zeros and dashes. */
export function QueueTable({
  queues,
  stats,
  locale,
}: {
  queues: Queue[];
  stats: Stats | undefined;
  locale: string;
}) {
  const { t } = useTranslation();
  const byId = new Map((stats?.queues ?? []).map((row) => [row.queueId, row]));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table withTableBorder highlightOnHover aria-label={t("wallboard.queues.label")} className="tabular">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("wallboard.queues.queue")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.kpi.waiting")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.queues.longestWait")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.queues.slToday")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.queues.sl15")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.queues.answered")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.queues.abandoned")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.queues.asa")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.queues.aht")}</Table.Th>
            <Table.Th ta="right">{t("wallboard.queues.abandonRate")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={10}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t("wallboard.queues.empty")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {queues.map((queue) => {
            const row = byId.get(queue.id);
            const target = queue.settings.serviceLevel.targetPercent;
            const tone = serviceLevelTone(row?.serviceLevel.today ?? null, target);
            return (
              <Table.Tr key={queue.id} data-testid="queue-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {queue.name}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {row?.waiting ?? 0}
                </Table.Td>
                <Table.Td ta="right">{kpiDuration(row ? row.longestWaitMs : null)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                  <Badge color={TONE_COLOR[tone]} variant="light" size="md">
                    {percent(row?.serviceLevel.today ?? null, locale)}
                  </Badge>
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t("wallboard.queues.target", { target })}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{percent(row?.serviceLevel.last15m ?? null, locale)}</Table.Td>
                <Table.Td ta="right">{row?.answeredToday ?? 0}</Table.Td>
                <Table.Td ta="right">{row?.abandonedToday ?? 0}</Table.Td>
                <Table.Td ta="right">{kpiDuration(row?.asaMs ?? null)}</Table.Td>
                <Table.Td ta="right">{kpiDuration(row?.ahtMs ?? null)}</Table.Td>
                <Table.Td ta="right">{percent(row?.abandonRate ?? null, locale)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
