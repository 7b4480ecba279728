import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Customer, type CustomerBody, isMaskedValue, useSaveCustomer } from "../api/customers";
import { apiErrorText } from "../i18n/api-error";

interface CustomerFormModalProps {
  /** null: a new customer. */
  customer: Customer | null;
  onClose: () => void;
  onSaved?: (saved: Customer) => void;
}

const TEXT_FIELDS = ["fullName", "customerNumber", "birthDate", "address", "mothersMaidenName"] as const;
const LIST_FIELDS = ["phones", "emails", "accountNumbers"] as const;
type DraftKey = (typeof TEXT_FIELDS)[number] | (typeof LIST_FIELDS)[number];
type Draft = Record<DraftKey, string>;

/** Lists are typed comma-separated. A masked value is not data, so it never pre-fills a field. */
function draftOf(customer: Customer | null): Draft {
  const text = (value: string | null) => (value === null || isMaskedValue(value) ? "" : value);
  const list = (value: readonly string[]) => (isMaskedValue(value) ? "" : value.join(", "));
  return {
    fullName: customer?.fullName ?? "",
    customerNumber: text(customer?.customerNumber ?? null),
    birthDate: text(customer?.birthDate ?? null),
    address: text(customer?.address ?? null),
    mothersMaidenName: text(customer?.mothersMaidenName ?? null),
    phones: list(customer?.phones ?? []),
    emails: list(customer?.emails ?? []),
    accountNumbers: list(customer?.accountNumbers ?? []),
  };
}

const splitList = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** Create or edit; an edit sends only changed fields, so masked fields left blank stay as they are. */
export function CustomerFormModal({ customer, onClose, onSaved }: CustomerFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveCustomer();
  const [initial] = useState(() => draftOf(customer));
  const [draft, setDraft] = useState<Draft>(initial);
  const [missingName, setMissingName] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.fullName.trim()) return setMissingName(true);
    const changed = (Object.keys(draft) as DraftKey[]).filter(
      (key) => draft[key].trim() !== initial[key].trim() && (customer === null || draft[key].trim() !== ""),
    );
    if (customer && changed.length === 0) return onClose();
    const body: Partial<CustomerBody> = {};
    for (const key of changed) {
      const value = draft[key].trim();
      if ((LIST_FIELDS as readonly string[]).includes(key)) Object.assign(body, { [key]: splitList(value) });
      else Object.assign(body, { [key]: value === "" ? null : value });
    }
    save.mutate(
      { id: customer?.id ?? null, body },
      {
        onSuccess: (saved) => {
          onSaved?.(saved);
          onClose();
        },
      },
    );
  };
  const field = (key: DraftKey, type = "text") => (
    <TextInput
      key={key}
      label={t(`customers.fields.${key}`)}
      description={(LIST_FIELDS as readonly string[]).includes(key) ? t("customers.listHint") : undefined}
      type={type}
      required={key === "fullName"}
      value={draft[key]}
      placeholder={customer?.masked && key !== "fullName" ? t("customers.keepMasked") : undefined}
      error={key === "fullName" && missingName ? t("validation.required") : undefined}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setDraft((current) => ({ ...current, [key]: value }));
      }}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={customer ? t("customers.editTitle") : t("customers.createTitle")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError ? (
            <Alert color="red" variant="light" role="alert">
              {apiErrorText(save.error, t)}
            </Alert>
          ) : null}
          {field("fullName")}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field("phones", "tel")}
            {field("emails")}
            {field("customerNumber")}
            {field("birthDate", "date")}
            {field("accountNumbers")}
            {field("mothersMaidenName")}
          </SimpleGrid>
          {field("address")}
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {customer ? t("common.save") : t("customers.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
