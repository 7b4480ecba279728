import { Badge, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { STATE_KINDS, type TenantKpis } from "../api/routing-types";
import { kpiDuration } from "../routing/duration";
import { stateColor } from "../routing/labels";
import { percent } from "../routing/percent";
import { serviceLevelTone, TONE_COLOR } from "./service-level";

interface TileProps {
  label: string;
  value: string;
  detail?: string;
  tone?: string;
  testId?: string;
}

function Tile({ label, value, detail, tone, testId }: TileProps) {
  return (
    <Paper
      withBorder
      radius="md"
      px="md"
      py="sm"
      data-testid={testId}
      style={tone ? { borderLeft: `4px solid var(--mantine-color-${tone}-6)` } : undefined}
    >
      <Group justify="space-between" align="baseline" wrap="nowrap" gap="xs">
        <Text size="sm" c="dimmed" fw={500} truncate>
          {label}
        </Text>
        {detail ? (
          <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: "nowrap" }}>
            {detail}
          </Text>
        ) : null}
      </Group>
      <Text
        fz={30}
        fw={600}
        lh={1.15}
        className="tabular"
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </Text>
    </Paper>
  );
}

/** The tenant's headline numbers; every tile reads the same `tenant` object the server pushes. */
interface KpiTilesProps {
  kpis: TenantKpis | null;
  target: number;
  locale: string;
  /** Counts from the live agent list when the viewer may read it, so the strip matches the grid below. */
  agentCounts?: Record<string, number> | undefined;
}

export function KpiTiles({ kpis, target, locale, agentCounts }: KpiTilesProps) {
  const { t } = useTranslation();
  const sl = kpis?.serviceLevel;
  const tone = serviceLevelTone(sl?.today ?? null, target);
  const agents = agentCounts ?? kpis?.agentsByState ?? {};
  const staffed = STATE_KINDS.filter((kind) => kind !== "offline").reduce(
    (sum, k) => sum + (agents[k] ?? 0),
    0,
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Tile
          label={t("wallboard.kpi.waiting")}
          value={String(kpis?.waiting ?? 0)}
          testId="kpi-waiting"
          tone={(kpis?.waiting ?? 0) > 0 ? "sentra" : undefined}
        />
        <Tile label={t("wallboard.kpi.longestWait")} value={kpiDuration(kpis ? kpis.longestWaitMs : null)} />
        <Tile
          label={t("wallboard.kpi.serviceLevel")}
          value={percent(sl?.today ?? null, locale)}
          detail={t("wallboard.kpi.slDetail", { target })}
          tone={TONE_COLOR[tone]}
          testId="kpi-sl"
        />
        <Tile
          label={t("wallboard.kpi.answered")}
          value={String(kpis?.answeredToday ?? 0)}
          detail={t("wallboard.kpi.abandonedDetail", { count: kpis?.abandonedToday ?? 0 })}
          testId="kpi-answered"
        />
        <Tile label={t("wallboard.kpi.asa")} value={kpiDuration(kpis?.asaMs ?? null)} />
        <Tile label={t("wallboard.kpi.aht")} value={kpiDuration(kpis?.ahtMs ?? null)} />
        <Tile label={t("wallboard.kpi.abandonRate")} value={percent(kpis?.abandonRate ?? null, locale)} />
        <Tile label={t("wallboard.kpi.occupancy")} value={percent(kpis?.occupancy ?? null, locale)} />
      </SimpleGrid>
      <Paper withBorder radius="md" px="md" py="xs">
        <Group gap="md" wrap="wrap">
          <Text size="sm" fw={500}>
            {t("wallboard.kpi.agents", { count: staffed })}
          </Text>
          {STATE_KINDS.map((kind) => (
            <Badge
              key={kind}
              color={stateColor(kind)}
              variant="light"
              size="lg"
              leftSection={<span className="state-dot" />}
              data-testid={`agents-${kind}`}
            >
              {t(`agentState.${kind}`)} {agents[kind] ?? 0}
            </Badge>
          ))}
        </Group>
      </Paper>
    </Stack>
  );
}
