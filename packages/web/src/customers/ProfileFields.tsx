import { Badge, Group, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Customer, isMaskedValue, PROFILE_FIELDS, type ProfileField } from "../api/customers";
import { IconLock } from "../components/icons";

const shown = (value: string | null | readonly string[]): string | null =>
  value === null ? null : typeof value === "string" ? value : value.length ? value.join(", ") : null;

function FieldValue({ customer, field }: { customer: Customer; field: ProfileField }) {
  const { t } = useTranslation();
  const value = customer[field];
  const text = shown(value);
  if (isMaskedValue(value)) {
    // The server sent a mask, not the value: mark it so nobody reads "••••5678" as the real data.
    return (
      <Tooltip label={t("customers.maskedHint")}>
        <Group gap={4} wrap="nowrap" data-testid={`masked-${field}`}>
          <IconLock size={14} aria-label={t("customers.masked")} />
          <Text size="sm" c="dimmed" ff="monospace">
            {text}
          </Text>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Text size="sm" fw={500} data-testid={`field-${field}`}>
      {text ?? t("customers.none")}
    </Text>
  );
}

/** A customer's profile facts; masked ones are marked, with the mask the server chose. */
export function ProfileFields({ customer, cols = 2 }: { customer: Customer; cols?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600} size="lg" data-testid="customer-name">
          {customer.fullName}
        </Text>
        {customer.masked ? (
          <Badge
            color="gray"
            variant="light"
            size="sm"
            leftSection={<IconLock size={12} aria-hidden />}
            data-testid="masked-badge"
          >
            {t("customers.maskedBadge")}
          </Badge>
        ) : (
          <Badge color="teal" variant="light" size="sm" data-testid="unmasked-badge">
            {t("customers.unmaskedBadge")}
          </Badge>
        )}
        {customer.doNotContact ? (
          <Badge color="red" variant="light" size="sm">
            {t("customers.doNotContact")}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: cols }} spacing="sm" verticalSpacing="xs">
        {PROFILE_FIELDS.map((field) => (
          <Stack gap={0} key={field}>
            <Text size="xs" c="dimmed">
              {t(`customers.fields.${field}`)}
            </Text>
            <FieldValue customer={customer} field={field} />
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
