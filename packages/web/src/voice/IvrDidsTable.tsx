import { ActionIcon, Alert, Button, Group, Select, Table, Text, TextInput, Tooltip } from "@mantine/core";
import type { IvrDidView, IvrFlowView } from "@sentra/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { IconTrash } from "../components/icons";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import { useCreateIvrDid, useDeleteIvrDid, useIvrDids, useUpdateIvrDid } from "./ivr-api";

/** Number → flow mapping: change a number's flow in place, add one, or remove one. */
export function IvrDidsTable({ flows }: { flows: IvrFlowView[] }) {
  const { t } = useTranslation();
  const dids = useIvrDids();
  const update = useUpdateIvrDid();
  const remove = useDeleteIvrDid();
  const options = flows.map((f) => ({
    value: f.id,
    label: f.publishedVersion === null ? `${f.name} (${t("ivr.noPublished")})` : f.name,
  }));
  const failure = update.error ?? remove.error;
  return (
    <>
      {dids.isError ? <QueryError error={dids.error} /> : null}
      {failure ? (
        <Alert color="red" variant="light" mb="sm">
          {apiErrorText(failure, t)}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder aria-label={t("ivr.didsLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("ivr.columns.number")}</Table.Th>
              <Table.Th>{t("ivr.columns.flow")}</Table.Th>
              <Table.Th>{t("ivr.columns.description")}</Table.Th>
              <Table.Th w={64} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(dids.data ?? []).length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {t("ivr.emptyDids")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {(dids.data ?? []).map((did: IvrDidView) => (
              <Table.Tr key={did.id} data-testid="ivr-did-row">
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {did.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={options}
                    value={did.flowId}
                    aria-label={t("ivr.chooseFlow")}
                    allowDeselect={false}
                    onChange={(flowId) => flowId && update.mutate({ id: did.id, patch: { flowId } })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{did.description}</Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t("ivr.removeDid")}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("ivr.removeDidNamed", { number: did.number })}
                      loading={remove.isPending && remove.variables === did.id}
                      onClick={() => remove.mutate(did.id)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AddDid options={options} />
    </>
  );
}

function AddDid({ options }: { options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const create = useCreateIvrDid();
  const [number, setNumber] = useState("");
  const [flowId, setFlowId] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!flowId) return;
    create.mutate(
      { number, flowId, description },
      {
        onSuccess: () => {
          setNumber("");
          setDescription("");
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" mt="sm" gap="xs">
        <TextInput
          label={t("ivr.columns.number")}
          placeholder={t("ivr.numberPlaceholder")}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          required
        />
        <Select label={t("ivr.chooseFlow")} data={options} value={flowId} onChange={setFlowId} required />
        <TextInput
          label={t("ivr.columns.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Button type="submit" loading={create.isPending} disabled={!flowId || number.trim() === ""}>
          {t("ivr.addDid")}
        </Button>
      </Group>
      {create.isError ? (
        <Alert color="red" variant="light" mt="sm">
          {apiErrorText(create.error, t)}
        </Alert>
      ) : null}
    </form>
  );
}
