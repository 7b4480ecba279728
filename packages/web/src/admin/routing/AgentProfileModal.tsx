import {
  Alert,
  Button,
  Center,
  Checkbox,
  Chip,
  Group,
  Loader,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAgentProfile, useSaveAgentProfile, useSkills } from "../../api/routing-admin";
import { type AgentProfile, CHANNEL_NAMES, type Channel } from "../../api/routing-types";
import type { User } from "../../api/types";
import { apiErrorText } from "../../i18n/api-error";
import { pathErrors } from "../../i18n/validation";
import { ChannelIcon } from "../../routing/ChannelIcon";
import { agentProfileSchema } from "./contracts";

export const PROFILE_LANGUAGES = ["id", "en"] as const;

interface ProfileForm {
  /** Skill id → level as entered; "" means the agent lacks the skill. */
  skills: Record<string, number | string>;
  languages: string[];
  max: Record<Channel, number | string>;
  maxTotal: number | string;
  exclusive: Channel[];
}

function toForm(profile: AgentProfile): ProfileForm {
  const max = {} as Record<Channel, number | string>;
  for (const channel of CHANNEL_NAMES) max[channel] = profile.capacity.max[channel] ?? 0;
  return {
    skills: { ...profile.skills },
    languages: [...profile.languages],
    max,
    maxTotal: profile.capacity.maxTotal ?? "",
    exclusive: [...profile.capacity.exclusive],
  };
}

function toBody(form: ProfileForm) {
  const skills: Record<string, number> = {};
  for (const [id, level] of Object.entries(form.skills)) if (level !== "") skills[id] = Number(level);
  const max: Partial<Record<Channel, number>> = {};
  for (const channel of CHANNEL_NAMES)
    max[channel] = form.max[channel] === "" ? 0 : Number(form.max[channel]);
  return {
    skills,
    languages: form.languages,
    capacity: {
      max,
      ...(form.maxTotal === "" ? {} : { maxTotal: Number(form.maxTotal) }),
      exclusive: form.exclusive,
    },
  };
}

export function AgentProfileModal({ agent, onClose }: { agent: User; onClose: () => void }) {
  const { t } = useTranslation();
  const profile = useAgentProfile(agent.id);
  return (
    <Modal opened onClose={onClose} title={t("agents.profileTitle", { name: agent.displayName })} size={640}>
      {profile.isError ? (
        <Alert color="red" variant="light" role="alert">
          {apiErrorText(profile.error, t)}
        </Alert>
      ) : profile.data ? (
        <ProfileEditor agentId={agent.id} profile={profile.data} onClose={onClose} />
      ) : (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
    </Modal>
  );
}

function ProfileEditor({
  agentId,
  profile,
  onClose,
}: {
  agentId: string;
  profile: AgentProfile;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const skills = useSkills();
  const save = useSaveAgentProfile();
  const [form, setForm] = useState(() => toForm(profile));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const list = [...(skills.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = agentProfileSchema.safeParse(toBody(form));
    if (!parsed.success) return setErrors(pathErrors(parsed.error, t));
    setErrors({});
    save.mutate({ agentId, body: parsed.data }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.isError ? (
          <Alert color="red" variant="light" role="alert">
            {apiErrorText(save.error, t)}
          </Alert>
        ) : null}
        <Stack gap={6}>
          <Title order={3} size="h6">
            {t("agents.skills")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("agents.skillsHint")}
          </Text>
          {list.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("queues.noSkillsDefined")}
            </Text>
          ) : (
            <Table verticalSpacing={4} withTableBorder aria-label={t("agents.skills")}>
              <Table.Tbody>
                {list.map((skill) => (
                  <Table.Tr key={skill.id} data-testid="profile-skill">
                    <Table.Td>
                      <Text size="sm">{skill.name}</Text>
                    </Table.Td>
                    <Table.Td w={170}>
                      <NumberInput
                        aria-label={t("agents.skillLevel", { name: skill.name })}
                        placeholder={t("agents.noSkill")}
                        min={1}
                        max={10}
                        allowDecimal={false}
                        size="xs"
                        value={form.skills[skill.id] ?? ""}
                        error={errors[`skills.${skill.id}`]}
                        onChange={(level) =>
                          setForm({ ...form, skills: { ...form.skills, [skill.id]: level } })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <Stack gap={6}>
          <Title order={3} size="h6">
            {t("agents.languages")}
          </Title>
          <Chip.Group
            multiple
            value={form.languages}
            onChange={(languages) => setForm({ ...form, languages })}
          >
            <Group gap="xs">
              {PROFILE_LANGUAGES.map((language) => (
                <Chip key={language} value={language} size="sm">
                  {t(`language.${language}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errors.languages ? (
            <Text size="xs" c="red">
              {errors.languages}
            </Text>
          ) : null}
        </Stack>
        <Stack gap={6}>
          <Title order={3} size="h6">
            {t("agents.capacity")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("agents.capacityHint")}
          </Text>
          <Table verticalSpacing={4} withTableBorder aria-label={t("agents.capacity")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("agents.channel")}</Table.Th>
                <Table.Th w={130}>{t("agents.maxAtOnce")}</Table.Th>
                <Table.Th w={120}>{t("agents.exclusive")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CHANNEL_NAMES.map((channel) => (
                <Table.Tr key={channel}>
                  <Table.Td>
                    <Group gap={6}>
                      <ChannelIcon channel={channel} size={14} />
                      <Text size="sm">{t(`channels.${channel}`)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t("agents.maxFor", { channel: t(`channels.${channel}`) })}
                      min={0}
                      max={50}
                      allowDecimal={false}
                      size="xs"
                      value={form.max[channel]}
                      error={errors[`capacity.max.${channel}`]}
                      onChange={(value) => setForm({ ...form, max: { ...form.max, [channel]: value } })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t("agents.exclusiveFor", { channel: t(`channels.${channel}`) })}
                      checked={form.exclusive.includes(channel)}
                      onChange={(e) =>
                        setForm({
                          ...form,
                          exclusive: e.currentTarget.checked
                            ? [...form.exclusive, channel]
                            : form.exclusive.filter((c) => c !== channel),
                        })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <NumberInput
            label={t("agents.maxTotal")}
            description={t("agents.maxTotalHint")}
            min={1}
            max={50}
            allowDecimal={false}
            value={form.maxTotal}
            error={errors["capacity.maxTotal"]}
            onChange={(maxTotal) => setForm({ ...form, maxTotal })}
            w={380}
          />
        </Stack>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
