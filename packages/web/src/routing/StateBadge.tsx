import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AgentStatus } from "../api/routing-types";
import { stateColor, stateLabel } from "./labels";

export function StateBadge({ status, size = "md" }: { status: AgentStatus; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={stateColor(status.kind)}
      variant="light"
      size={size}
      leftSection={<span className="state-dot" />}
      data-testid="state-badge"
      data-state={status.kind}
    >
      {stateLabel(t, status.kind, status.reason)}
    </Badge>
  );
}
