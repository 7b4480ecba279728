import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveQueue } from "../../api/routing-admin";
import {
  CHANNEL_NAMES,
  POLICIES,
  type Policy,
  type Queue,
  type Skill,
  type Weekday,
} from "../../api/routing-types";
import type { Team } from "../../api/types";
import { IconPlus, IconTrash } from "../../components/icons";
import { apiErrorText } from "../../i18n/api-error";
import { pathErrors } from "../../i18n/validation";
import { ActionFields } from "./ActionFields";
import { queueBodySchema } from "./contracts";
import {
  emptyQueueForm,
  formErrors,
  inSeconds,
  type QueueForm,
  queueToForm,
  rowKey,
  TIME_ZONES,
  toQueueBody,
  WEEKDAYS,
} from "./queue-form";

interface QueueFormModalProps {
  queue: Queue | null;
  queues: Queue[];
  skills: Skill[];
  teams: Team[];
  tenantTimeZone?: string;
  onClose: () => void;
}

type Tab = "general" | "routing" | "service" | "hours";
const TAB_FIELDS: Record<Tab, RegExp> = {
  general: /^(name|channels|priority|teamIds)/,
  routing: /^(skills|policy|relaxation)/,
  service: /^(sl|maxWait|maxSize|offerTimeout|wrapUp|overflow)/,
  hours: /^(days|holidays|timeZone|calendar|closedAction)/,
};

export function QueueFormModal({
  queue,
  queues,
  skills,
  teams,
  tenantTimeZone,
  onClose,
}: QueueFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveQueue();
  const [form, setForm] = useState<QueueForm>(() =>
    queue ? queueToForm(queue, tenantTimeZone) : emptyQueueForm(tenantTimeZone),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tab, setTab] = useState<Tab>("general");
  const patch = (change: Partial<QueueForm>) => setForm((previous) => ({ ...previous, ...change }));

  const skillOptions = skills.map((skill) => ({ value: skill.id, label: skill.name }));
  const otherQueues = queues.filter((q) => q.id !== queue?.id).map((q) => ({ value: q.id, label: q.name }));
  const zones = TIME_ZONES.includes(form.timeZone as (typeof TIME_ZONES)[number])
    ? TIME_ZONES
    : [...TIME_ZONES, form.timeZone];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = queueBodySchema.safeParse(toQueueBody(form));
    if (!parsed.success) {
      const found = formErrors(pathErrors(parsed.error, t, inSeconds));
      setErrors(found);
      const first = (Object.keys(TAB_FIELDS) as Tab[]).find((name) =>
        Object.keys(found).some((field) => TAB_FIELDS[name].test(field)),
      );
      if (first && !Object.keys(found).some((field) => TAB_FIELDS[tab].test(field))) setTab(first);
      return;
    }
    setErrors({});
    save.mutate({ id: queue?.id ?? null, body: parsed.data }, { onSuccess: onClose });
  };

  const tabLabel = (name: Tab) => {
    const count = Object.keys(errors).filter((field) => TAB_FIELDS[name].test(field)).length;
    return (
      <Group gap={6} wrap="nowrap">
        {t(`queues.tabs.${name}`)}
        {count > 0 ? (
          <Badge size="xs" color="red" circle aria-label={t("queues.tabErrors", { count })}>
            {count}
          </Badge>
        ) : null}
      </Group>
    );
  };

  const seconds = (key: keyof QueueForm, label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      suffix={` ${t("queues.secondsSuffix")}`}
      min={0}
      allowDecimal={false}
      value={form[key] as number | string}
      error={errors[key]}
      onChange={(value) => patch({ [key]: value } as Partial<QueueForm>)}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={queue ? t("queues.editTitle", { name: queue.name }) : t("queues.createTitle")}
      size={760}
    >
      <form onSubmit={submit} noValidate aria-label={t("queues.formLabel")}>
        <Stack gap="md">
          {save.isError ? (
            <Alert color="red" variant="light" role="alert">
              {apiErrorText(save.error, t)}
            </Alert>
          ) : null}
          <Tabs
            value={tab}
            onChange={(value) => setTab((value as Tab | null) ?? "general")}
            keepMounted={false}
          >
            <Tabs.List mb="md">
              {(Object.keys(TAB_FIELDS) as Tab[]).map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {tabLabel(name)}
                </Tabs.Tab>
              ))}
            </Tabs.List>

            <Tabs.Panel value="general">
              <Stack gap="sm">
                <TextInput
                  label={t("queues.fields.name")}
                  required
                  value={form.name}
                  error={errors.name}
                  onChange={(e) => patch({ name: e.currentTarget.value })}
                  data-autofocus
                />
                <MultiSelect
                  label={t("queues.fields.channels")}
                  description={t("queues.fields.channelsHint")}
                  required
                  data={CHANNEL_NAMES.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
                  value={form.channels}
                  onChange={(value) => patch({ channels: value as QueueForm["channels"] })}
                  error={errors.channels}
                  comboboxProps={{ withinPortal: true }}
                />
                <MultiSelect
                  label={t("queues.fields.teams")}
                  description={t("queues.fields.teamsHint")}
                  data={teams.map((team) => ({ value: team.id, label: team.name }))}
                  value={form.teamIds}
                  onChange={(teamIds) => patch({ teamIds })}
                  searchable
                  clearable
                  error={errors.teamIds}
                  comboboxProps={{ withinPortal: true }}
                />
                <NumberInput
                  label={t("queues.fields.priority")}
                  description={t("queues.fields.priorityHint")}
                  min={-100}
                  max={100}
                  allowDecimal={false}
                  value={form.priority}
                  error={errors.priority}
                  onChange={(priority) => patch({ priority })}
                  w={220}
                />
              </Stack>
            </Tabs.Panel>

            <Tabs.Panel value="routing">
              <Stack gap="md">
                <Select
                  label={t("queues.fields.policy")}
                  description={t(`queues.policyHint.${form.policy}`)}
                  data={POLICIES.map((p) => ({ value: p, label: t(`queues.policies.${p}`) }))}
                  value={form.policy}
                  allowDeselect={false}
                  onChange={(policy) => patch({ policy: (policy as Policy | null) ?? "longest_idle" })}
                  comboboxProps={{ withinPortal: true }}
                />
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Text size="sm" fw={500}>
                      {t("queues.fields.skills")}
                    </Text>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      disabled={skills.length === 0}
                      onClick={() =>
                        patch({
                          skills: [
                            ...form.skills,
                            { key: rowKey(), skill: skillOptions[0]?.value ?? "", minLevel: 1 },
                          ],
                        })
                      }
                    >
                      {t("queues.addSkill")}
                    </Button>
                  </Group>
                  {form.skills.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {skills.length === 0 ? t("queues.noSkillsDefined") : t("queues.noSkillRequirements")}
                    </Text>
                  ) : (
                    form.skills.map((requirement, index) => (
                      <Group
                        key={requirement.key}
                        gap="xs"
                        align="flex-start"
                        wrap="nowrap"
                        data-testid="skill-requirement"
                      >
                        <Select
                          aria-label={t("queues.fields.skill")}
                          data={skillOptions}
                          value={requirement.skill || null}
                          allowDeselect={false}
                          searchable
                          error={errors[`skills.${index}.skill`]}
                          onChange={(skill) =>
                            patch({
                              skills: form.skills.map((r, i) =>
                                i === index ? { ...r, skill: skill ?? "" } : r,
                              ),
                            })
                          }
                          style={{ flex: 1 }}
                          comboboxProps={{ withinPortal: true }}
                        />
                        <NumberInput
                          aria-label={t("queues.fields.minLevel")}
                          prefix={`${t("queues.levelPrefix")} `}
                          min={1}
                          max={10}
                          allowDecimal={false}
                          value={requirement.minLevel}
                          error={errors[`skills.${index}.minLevel`]}
                          onChange={(minLevel) =>
                            patch({
                              skills: form.skills.map((r, i) => (i === index ? { ...r, minLevel } : r)),
                            })
                          }
                          w={140}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          aria-label={t("queues.removeRow")}
                          onClick={() => patch({ skills: form.skills.filter((_, i) => i !== index) })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    ))
                  )}
                </Stack>
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {t("queues.fields.relaxation")}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("queues.fields.relaxationHint")}
                      </Text>
                    </Stack>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      disabled={form.relaxation.length >= 10}
                      onClick={() =>
                        patch({
                          relaxation: [
                            ...form.relaxation,
                            {
                              key: rowKey(),
                              afterSeconds: 30 * (form.relaxation.length + 1),
                              maxRequiredLevel: "",
                              anyAgent: false,
                            },
                          ],
                        })
                      }
                    >
                      {t("queues.addStep")}
                    </Button>
                  </Group>
                  {form.relaxation.map((step, index) => {
                    const update = (change: Partial<typeof step>) =>
                      patch({
                        relaxation: form.relaxation.map((s, i) => (i === index ? { ...s, ...change } : s)),
                      });
                    return (
                      <Group
                        key={step.key}
                        gap="xs"
                        align="flex-start"
                        wrap="nowrap"
                        data-testid="relaxation-step"
                      >
                        <NumberInput
                          label={t("queues.fields.afterSeconds")}
                          suffix={` ${t("queues.secondsSuffix")}`}
                          min={0}
                          allowDecimal={false}
                          value={step.afterSeconds}
                          error={errors[`relaxation.${index}.afterSeconds`]}
                          onChange={(afterSeconds) => update({ afterSeconds })}
                          w={150}
                        />
                        <NumberInput
                          label={t("queues.fields.maxRequiredLevel")}
                          min={1}
                          max={10}
                          allowDecimal={false}
                          value={step.maxRequiredLevel}
                          disabled={step.anyAgent}
                          error={errors[`relaxation.${index}.maxRequiredLevel`]}
                          onChange={(maxRequiredLevel) => update({ maxRequiredLevel })}
                          style={{ flex: 1 }}
                        />
                        <Checkbox
                          label={t("queues.fields.anyAgent")}
                          checked={step.anyAgent}
                          onChange={(e) => update({ anyAgent: e.currentTarget.checked })}
                          mt={30}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          mt={24}
                          aria-label={t("queues.removeRow")}
                          onClick={() => patch({ relaxation: form.relaxation.filter((_, i) => i !== index) })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    );
                  })}
                </Stack>
              </Stack>
            </Tabs.Panel>

            <Tabs.Panel value="service">
              <Stack gap="md">
                <SimpleGrid cols={2} spacing="sm">
                  <NumberInput
                    label={t("queues.fields.slTarget")}
                    description={t("queues.fields.slTargetHint")}
                    suffix="%"
                    min={1}
                    max={100}
                    value={form.slTargetPercent}
                    error={errors.slTargetPercent}
                    onChange={(slTargetPercent) => patch({ slTargetPercent })}
                  />
                  {seconds(
                    "slThresholdSeconds",
                    t("queues.fields.slThreshold"),
                    t("queues.fields.slThresholdHint"),
                  )}
                  {seconds(
                    "offerTimeoutSeconds",
                    t("queues.fields.offerTimeout"),
                    t("queues.fields.offerTimeoutHint"),
                  )}
                  {seconds(
                    "wrapUpLimitSeconds",
                    t("queues.fields.wrapUpLimit"),
                    t("queues.fields.wrapUpLimitHint"),
                  )}
                  {seconds("maxWaitSeconds", t("queues.fields.maxWait"), t("queues.fields.maxWaitHint"))}
                  <NumberInput
                    label={t("queues.fields.maxSize")}
                    description={t("queues.fields.maxSizeHint")}
                    min={1}
                    allowDecimal={false}
                    value={form.maxSize}
                    error={errors.maxSize}
                    onChange={(maxSize) => patch({ maxSize })}
                  />
                </SimpleGrid>
                <ActionFields
                  label={t("queues.fields.overflow")}
                  description={t("queues.fields.overflowHint")}
                  value={form.overflow}
                  queues={otherQueues}
                  errors={{
                    queueId: errors["overflow.queueId"] ?? "",
                    message: errors["overflow.message"] ?? "",
                  }}
                  onChange={(overflow) => patch({ overflow })}
                />
              </Stack>
            </Tabs.Panel>

            <Tabs.Panel value="hours">
              <Stack gap="md">
                <Switch
                  label={t("queues.fields.hoursEnabled")}
                  description={t("queues.fields.hoursEnabledHint")}
                  checked={form.hoursEnabled}
                  onChange={(e) => patch({ hoursEnabled: e.currentTarget.checked })}
                />
                {form.hoursEnabled ? (
                  <>
                    <Group align="flex-end" gap="sm">
                      <Text size="sm" fw={500}>
                        {t("queues.fields.timeZone")}
                      </Text>
                      <SegmentedControl
                        aria-label={t("queues.fields.timeZone")}
                        data={zones.map((zone) => ({
                          value: zone,
                          label: t(`queues.zones.${zone.replace("/", "_")}`, { defaultValue: zone }),
                        }))}
                        value={form.timeZone}
                        onChange={(timeZone) => patch({ timeZone })}
                        size="xs"
                      />
                    </Group>
                    <Paper withBorder p={0}>
                      <Table verticalSpacing={2} aria-label={t("queues.fields.weekly")}>
                        <Table.Tbody>
                          {WEEKDAYS.map((day) => {
                            const d = form.days[day];
                            const set = (change: Partial<typeof d>) =>
                              patch({ days: { ...form.days, [day]: { ...d, ...change } } });
                            const error = errors[`days.${day}`];
                            return (
                              <Table.Tr key={day} data-testid={`hours-${day}`}>
                                <Table.Td w={160}>
                                  <Switch
                                    label={t(`queues.weekdays.${day as Weekday}`)}
                                    checked={d.open}
                                    onChange={(e) => set({ open: e.currentTarget.checked })}
                                  />
                                </Table.Td>
                                <Table.Td>
                                  {d.open ? (
                                    <Group gap="xs" wrap="nowrap">
                                      <TextInput
                                        type="time"
                                        aria-label={t("queues.fields.opens", {
                                          day: t(`queues.weekdays.${day}`),
                                        })}
                                        value={d.from}
                                        error={error ? true : undefined}
                                        onChange={(e) => set({ from: e.currentTarget.value })}
                                        size="xs"
                                        w={110}
                                      />
                                      <Text size="xs" c="dimmed">
                                        {t("queues.until")}
                                      </Text>
                                      <TextInput
                                        type="time"
                                        aria-label={t("queues.fields.closes", {
                                          day: t(`queues.weekdays.${day}`),
                                        })}
                                        value={d.to}
                                        error={error ? true : undefined}
                                        onChange={(e) => set({ to: e.currentTarget.value })}
                                        size="xs"
                                        w={110}
                                      />
                                      {error ? (
                                        <Text size="xs" c="red">
                                          {t("validation.time")}
                                        </Text>
                                      ) : null}
                                    </Group>
                                  ) : (
                                    <Text size="sm" c="dimmed">
                                      {t("queues.closedAllDay")}
                                    </Text>
                                  )}
                                </Table.Td>
                              </Table.Tr>
                            );
                          })}
                        </Table.Tbody>
                      </Table>
                    </Paper>
                    <SimpleGrid cols={2} spacing="sm">
                      <TagsInput
                        label={t("queues.fields.holidays")}
                        description={t("queues.fields.holidaysHint")}
                        placeholder={t("queues.fields.holidaysPlaceholder")}
                        value={form.holidays}
                        onChange={(holidays) => patch({ holidays })}
                        error={errors.holidays ? t("validation.date") : undefined}
                        clearable
                      />
                      <ActionFields
                        label={t("queues.fields.closedAction")}
                        description={t("queues.fields.closedActionHint")}
                        value={form.closedAction}
                        queues={otherQueues}
                        errors={{
                          queueId: errors["closedAction.queueId"] ?? "",
                          message: errors["closedAction.message"] ?? "",
                        }}
                        onChange={(closedAction) => patch({ closedAction })}
                      />
                    </SimpleGrid>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("queues.alwaysOpen")}
                  </Text>
                )}
              </Stack>
            </Tabs.Panel>
          </Tabs>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {queue ? t("common.save") : t("queues.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
