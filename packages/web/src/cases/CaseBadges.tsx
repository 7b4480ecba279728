import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CasePriority, CaseStatus } from "../api/cases";

const STATUS_COLORS: Record<CaseStatus, string> = {
  new: "blue",
  open: "cyan",
  pending_customer: "yellow",
  escalated: "red",
  resolved: "teal",
  closed: "gray",
};

const PRIORITY_COLORS: Record<CasePriority, string> = {
  low: "gray",
  normal: "blue",
  high: "orange",
  urgent: "red",
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? "gray"} variant="light" size="sm" data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

export function CasePriorityBadge({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? "gray"} variant="outline" size="sm">
      {t(`cases.priority.${priority}`)}
    </Badge>
  );
}
