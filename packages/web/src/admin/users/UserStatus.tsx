import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../../api/types";
import type { Formatters } from "../../i18n/useFormat";

export function UserStatus({ user, format, now }: { user: User; format: Formatters; now: number }) {
  const { t } = useTranslation();
  if (user.disabled) {
    return (
      <Badge color="gray" variant="light" size="sm">
        {t("users.status.disabled")}
      </Badge>
    );
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) {
    const until = format.dateTime(user.lockedUntil);
    return (
      <Tooltip label={t("users.status.lockedUntil", { time: until })}>
        <Badge color="orange" variant="light" size="sm">
          {t("users.status.locked", { time: until })}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge color="teal" variant="dot" size="sm">
      {t("users.status.active")}
    </Badge>
  );
}
