import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BacktestScore } from "../../api/wfm";
import { bestMethod, errorPercent, scoresAreRatios } from "./forecast-series";

/** Rolling-origin backtest: MAPE and WAPE per method, the winner marked. */
export function BacktestTable({ scores, chosen }: { scores: BacktestScore[]; chosen: string }) {
  const { t } = useTranslation();
  if (scores.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("wfm.forecast.noBacktest")}
      </Text>
    );
  }
  const ratios = scoresAreRatios(scores);
  const best = bestMethod(scores);
  const percent = (value: number | null) => {
    const shown = errorPercent(value, ratios);
    return shown === null ? "–" : `${shown}%`;
  };
  return (
    <Table withTableBorder striped fz="sm" data-testid="backtest-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("wfm.forecast.method")}</Table.Th>
          <Table.Th ta="right">{t("wfm.forecast.mape")}</Table.Th>
          <Table.Th ta="right">{t("wfm.forecast.wape")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scores.map((score) => (
          <Table.Tr key={score.method} fw={score.method === chosen ? 600 : undefined}>
            <Table.Td>{t(`wfm.methods.${score.method}`, { defaultValue: score.method })}</Table.Td>
            <Table.Td ta="right">{percent(score.mape)}</Table.Td>
            <Table.Td ta="right">{percent(score.wape)}</Table.Td>
            <Table.Td>
              {score.method === chosen ? (
                <Badge size="sm" color="teal" variant="light">
                  {t("wfm.forecast.used")}
                </Badge>
              ) : score.method === best ? (
                <Badge size="sm" variant="outline">
                  {t("wfm.forecast.best")}
                </Badge>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
