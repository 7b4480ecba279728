import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from "@mantine/core";
import { teamBody } from "@sentra/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveTeam } from "../../api/people";
import type { Team, User } from "../../api/types";
import { apiErrorText } from "../../i18n/api-error";
import { fieldErrors } from "../../i18n/validation";

interface TeamFormModalProps {
  team: Team | null;
  users: User[];
  onClose: () => void;
}

export function TeamFormModal({ team, users, onClose }: TeamFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveTeam();
  const [name, setName] = useState(team?.name ?? "");
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Disabled users stay listed when already members, so saving does not silently drop them.
  const options = users
    .filter((user) => !user.disabled || memberIds.includes(user.id))
    .map((user) => ({ value: user.id, label: `${user.displayName} · ${user.email}` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = teamBody.safeParse({ name, memberIds });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, t));
    setErrors({});
    save.mutate({ id: team?.id ?? null, body: parsed.data }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={team ? t("teams.editTitle") : t("teams.createTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError ? (
            <Alert color="red" variant="light" role="alert">
              {apiErrorText(save.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("teams.fields.name")}
            required
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <MultiSelect
            label={t("teams.fields.members")}
            placeholder={memberIds.length === 0 ? t("teams.membersPlaceholder") : undefined}
            data={options}
            value={memberIds}
            onChange={setMemberIds}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={240}
            nothingFoundMessage={t("teams.noUsersFound")}
            error={errors.memberIds}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {team ? t("common.save") : t("teams.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
