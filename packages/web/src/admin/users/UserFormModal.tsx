import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from "@mantine/core";
import {
  LOCALES,
  type Locale,
  newUserBody,
  ROLES,
  type Role,
  type UserPatchBody,
  userPatchBody,
} from "@sentra/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveUser } from "../../api/people";
import type { User } from "../../api/types";
import { apiErrorText } from "../../i18n/api-error";
import { fieldErrors } from "../../i18n/validation";
import { localeOptions, roleOptions } from "../options";

interface UserFormModalProps {
  /** null: create a new user. */
  user: User | null;
  /** The logged-in admin: may not disable themself or change their own role (the API refuses too). */
  selfId: string;
  onClose: () => void;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value ?? "") ? (value as T) : fallback;

export function UserFormModal({ user, selfId, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveUser();
  const [email, setEmail] = useState(user?.email ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? "agent");
  const [locale, setLocale] = useState<Locale>(user?.locale ?? "id");
  const [password, setPassword] = useState("");
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const isSelf = user?.id === selfId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (user === null) {
      const body = { email, displayName, role, locale, ...(password ? { password } : {}) };
      const parsed = newUserBody.safeParse(body);
      if (!parsed.success) return setErrors(fieldErrors(parsed.error, t));
      setErrors({});
      save.mutate({ id: null, body: parsed.data }, { onSuccess: onClose });
      return;
    }
    // Send only what changed, so the audit log records the real change.
    const patch: UserPatchBody = {
      ...(displayName !== user.displayName ? { displayName } : {}),
      ...(role !== user.role ? { role } : {}),
      ...(locale !== user.locale ? { locale } : {}),
      ...(disabled !== user.disabled ? { disabled } : {}),
      ...(password ? { password } : {}),
    };
    if (Object.keys(patch).length === 0) return onClose();
    const parsed = userPatchBody.safeParse(patch);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, t));
    setErrors({});
    save.mutate({ id: user.id, patch: parsed.data }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={user ? t("users.editTitle") : t("users.createTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError ? (
            <Alert color="red" variant="light" role="alert">
              {apiErrorText(save.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("users.fields.email")}
            type="email"
            required
            disabled={user !== null}
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-autofocus={user === null ? true : undefined}
          />
          <TextInput
            label={t("users.fields.displayName")}
            required
            value={displayName}
            error={errors.displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            data-autofocus={user !== null ? true : undefined}
          />
          <Group grow align="flex-start">
            <Select
              label={t("users.fields.role")}
              data={roleOptions(t)}
              value={role}
              allowDeselect={false}
              disabled={isSelf}
              error={errors.role}
              description={isSelf ? t("users.selfRoleHint") : undefined}
              onChange={(value) => setRole(pick(value, ROLES, role))}
            />
            <Select
              label={t("users.fields.language")}
              data={localeOptions(t)}
              value={locale}
              allowDeselect={false}
              error={errors.locale}
              onChange={(value) => setLocale(pick(value, LOCALES, locale))}
            />
          </Group>
          <PasswordInput
            label={user ? t("users.fields.newPassword") : t("users.fields.password")}
            description={user ? t("users.passwordHintEdit") : t("users.passwordHintCreate")}
            autoComplete="new-password"
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {user ? (
            <Switch
              label={t("users.fields.disabled")}
              description={isSelf ? t("users.selfDisableHint") : t("users.disabledHint")}
              checked={disabled}
              disabled={isSelf}
              onChange={(e) => setDisabled(e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {user ? t("common.save") : t("users.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
