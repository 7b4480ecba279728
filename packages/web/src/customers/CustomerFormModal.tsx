import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Customer, type CustomerBody, PROFILE_FIELDS, useSaveCustomer } from "../api/customers";
import { apiErrorText } from "../i18n/api-error";

interface CustomerFormModalProps {
  /** null: a new customer. */
  customer: Customer | null;
  onClose: () => void;
  onSaved?: (saved: Customer) => void;
}

type Draft = Record<"name" | (typeof PROFILE_FIELDS)[number], string>;

const draftOf = (customer: Customer | null): Draft => ({
  name: customer?.name ?? "",
  email: "",
  phone: "",
  dateOfBirth: "",
  nationalId: "",
  address: "",
  // Masked values are not the data: editing starts from them only when the viewer may see them.
  ...(customer
    ? Object.fromEntries(
        PROFILE_FIELDS.filter((field) => !customer.maskedFields.includes(field)).map((field) => [
          field,
          customer[field] ?? "",
        ]),
      )
    : {}),
});

/** Create or edit; on edit only changed fields are sent, so masked fields left blank stay as they are. */
export function CustomerFormModal({ customer, onClose, onSaved }: CustomerFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveCustomer();
  const initial = draftOf(customer);
  const [draft, setDraft] = useState<Draft>(initial);
  const [missingName, setMissingName] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) return setMissingName(true);
    const changed = (Object.keys(draft) as (keyof Draft)[]).filter(
      (key) => draft[key].trim() !== initial[key].trim() && (customer === null || draft[key].trim() !== ""),
    );
    if (customer && changed.length === 0) return onClose();
    const body: Partial<CustomerBody> = Object.fromEntries(changed.map((key) => [key, draft[key].trim()]));
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
  const field = (key: keyof Draft, type = "text") => (
    <TextInput
      key={key}
      label={t(key === "name" ? "customers.fields.name" : `customers.fields.${key}`)}
      type={type}
      required={key === "name"}
      value={draft[key]}
      placeholder={customer?.maskedFields.includes(key as never) ? t("customers.keepMasked") : undefined}
      error={key === "name" && missingName ? t("validation.required") : undefined}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setDraft((current) => ({ ...current, [key]: value }));
      }}
    />
  );

  return (
    <Modal opened onClose={onClose} title={customer ? t("customers.editTitle") : t("customers.createTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError ? (
            <Alert color="red" variant="light" role="alert">
              {apiErrorText(save.error, t)}
            </Alert>
          ) : null}
          {field("name")}
          {field("email", "email")}
          {field("phone", "tel")}
          {field("dateOfBirth", "date")}
          {field("nationalId")}
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
