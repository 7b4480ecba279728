import { Badge, Group, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Customer, PROFILE_FIELDS, type ProfileField } from "../api/customers";
import { IconLock } from "../components/icons";

function FieldValue({ customer, field }: { customer: Customer; field: ProfileField }) {
  const { t } = useTranslation();
  const value = customer[field];
  if (customer.maskedFields.includes(field)) {
    // The server sends a mask, never the value: show it as such so nobody reads it as the real data.
    return (
      <Tooltip label={t("customers.maskedHint")}>
        <Group gap={4} wrap="nowrap" data-testid={`masked-${field}`}>
          <IconLock size={14} aria-label={t("customers.masked")} />
          <Text size="sm" c="dimmed" ff="monospace">
            {value ?? t("customers.masked")}
          </Text>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Text size="sm" fw={500} data-testid={`field-${field}`}>
      {value ?? t("customers.none")}
    </Text>
  );
}

/** A customer's profile facts; masked ones are marked, with the mask the server chose. */
export function ProfileFields({ customer, cols = 2 }: { customer: Customer; cols?: number }) {
  const { t } = useTranslation();
  const masked = customer.maskedFields.length > 0;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600} size="lg" data-testid="customer-name">
          {customer.name}
        </Text>
        {masked ? (
          <Badge color="gray" variant="light" size="sm" leftSection={<IconLock size={12} aria-hidden />}>
            {t("customers.maskedBadge")}
          </Badge>
        ) : (
          <Badge color="teal" variant="light" size="sm" data-testid="unmasked-badge">
            {t("customers.unmaskedBadge")}
          </Badge>
        )}
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
