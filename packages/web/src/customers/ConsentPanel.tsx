import { Loader, Stack, Switch, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useConsents, useSetConsent } from "../api/customers";
import { QueryError } from "../components/QueryError";
import { useFormat } from "../i18n/useFormat";

/** What the customer agreed to be contacted for; each switch records a consent change at once. */
export function ConsentPanel({ customerId, editable }: { customerId: string; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consents = useConsents(customerId);
  const change = useSetConsent(customerId);
  if (consents.isPending) return <Loader size="xs" />;
  if (consents.isError) return <QueryError error={consents.error} />;
  return (
    <Stack gap="xs" data-testid="consents">
      {change.isError ? <QueryError error={change.error} /> : null}
      {consents.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("consent.none")}
        </Text>
      ) : null}
      {consents.data.map((consent) => (
        <Switch
          key={`${consent.purpose}-${consent.channel ?? ""}`}
          label={t(`consent.purpose.${consent.purpose}`, { defaultValue: consent.purpose })}
          description={
            consent.updatedAt
              ? t("consent.since", { time: format.dateTimeShort(consent.updatedAt) })
              : undefined
          }
          checked={consent.granted}
          disabled={!editable || change.isPending}
          onChange={(event) =>
            change.mutate({ purpose: consent.purpose, granted: event.currentTarget.checked })
          }
        />
      ))}
    </Stack>
  );
}
