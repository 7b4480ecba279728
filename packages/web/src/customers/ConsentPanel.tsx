import { Button, Group, Loader, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConsents, useRecordConsent, useWithdrawConsent } from "../api/customers";
import { QueryError } from "../components/QueryError";
import { useFormat } from "../i18n/useFormat";

const CONSENT_CHANNELS = ["voice", "sms", "email", "whatsapp"] as const;

/** What the customer agreed to be contacted for, on which channel; recorded and withdrawn, never edited. */
export function ConsentPanel({ customerId, editable }: { customerId: string; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consents = useConsents(customerId);
  const record = useRecordConsent(customerId);
  const withdraw = useWithdrawConsent(customerId);
  const [purpose, setPurpose] = useState("");
  const [channel, setChannel] = useState<string>("sms");
  if (consents.isPending) return <Loader size="xs" />;
  if (consents.isError) return <QueryError error={consents.error} />;
  const failure = record.error ?? withdraw.error;
  return (
    <Stack gap="xs" data-testid="consents">
      {failure ? <QueryError error={failure} /> : null}
      {consents.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("consent.none")}
        </Text>
      ) : (
        <Table aria-label={t("consent.title")}>
          <Table.Tbody>
            {consents.data.map((consent) => (
              <Table.Tr key={consent.id}>
                <Table.Td>{consent.purpose}</Table.Td>
                <Table.Td>
                  {t(`consent.channels.${consent.channel}`, { defaultValue: consent.channel })}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c={consent.withdrawnAt ? "red" : "dimmed"}>
                    {consent.withdrawnAt
                      ? t("consent.withdrawnAt", { time: format.dateTimeShort(consent.withdrawnAt) })
                      : t("consent.givenAt", { time: format.dateTimeShort(consent.givenAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {editable && !consent.withdrawnAt ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={withdraw.isPending}
                      onClick={() => withdraw.mutate(consent.id)}
                    >
                      {t("consent.withdraw")}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable ? (
        <Group align="flex-end" gap="xs">
          <TextInput
            size="xs"
            label={t("consent.purpose")}
            placeholder={t("consent.purposePlaceholder")}
            value={purpose}
            onChange={(event) => setPurpose(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Select
            size="xs"
            label={t("consent.channel")}
            data={CONSENT_CHANNELS.map((value) => ({ value, label: t(`consent.channels.${value}`) }))}
            value={channel}
            allowDeselect={false}
            onChange={(value) => value && setChannel(value)}
            w={130}
          />
          <Button
            size="xs"
            variant="default"
            disabled={!purpose.trim()}
            loading={record.isPending}
            onClick={() =>
              record.mutate(
                { purpose: purpose.trim(), channel, method: "agent_recorded", source: "sentra_web" },
                { onSuccess: () => setPurpose("") },
              )
            }
          >
            {t("consent.record")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
