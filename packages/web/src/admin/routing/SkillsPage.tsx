import {
  Alert,
  Box,
  Button,
  Group,
  LoadingOverlay,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueues } from "../../api/routing";
import { useCreateSkill, useSkills } from "../../api/routing-admin";
import { IconPlus } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { apiErrorText } from "../../i18n/api-error";
import { fieldErrors } from "../../i18n/validation";
import { skillBodySchema } from "./contracts";

function CreateSkillModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSkill();
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = skillBodySchema.safeParse({ name });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, t));
    setErrors({});
    create.mutate(parsed.data, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t("skills.createTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {create.isError ? (
            <Alert color="red" variant="light" role="alert">
              {apiErrorText(create.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("skills.fields.name")}
            description={t("skills.fields.nameHint")}
            required
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" gap="xs" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("skills.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function SkillsPage() {
  const { t } = useTranslation();
  const skills = useSkills();
  const queues = useQueues();
  const [creating, setCreating] = useState(false);
  const list = [...(skills.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const usedBy = (skillId: string) =>
    (queues.data ?? []).filter((q) => q.settings.skills?.some((r) => r.skill === skillId)).map((q) => q.name);

  return (
    <>
      <PageHeader
        title={t("skills.title")}
        description={t("skills.description")}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t("skills.new")}
          </Button>
        }
      />
      {skills.isError ? <QueryError error={skills.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={skills.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <Table striped highlightOnHover withTableBorder aria-label={t("skills.tableLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("skills.columns.name")}</Table.Th>
              <Table.Th>{t("skills.columns.queues")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.length === 0 && !skills.isPending ? (
              <Table.Tr>
                <Table.Td colSpan={2}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {t("skills.empty")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {list.map((skill) => {
              const names = usedBy(skill.id);
              return (
                <Table.Tr key={skill.id} data-testid="skill-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {skill.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={names.length ? undefined : "dimmed"}>
                      {names.length ? names.join(", ") : t("skills.unused")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Box>
      {creating ? <CreateSkillModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
