import { Box, Button, LoadingOverlay } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/keys";
import { useAllUsers, useDeleteTeam, useTeams } from "../../api/people";
import type { Team } from "../../api/types";
import { ConfirmModal } from "../../components/ConfirmModal";
import { IconPlus } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { apiErrorText } from "../../i18n/api-error";
import { useFormat } from "../../i18n/useFormat";
import { useRealtime } from "../../realtime/useRealtime";
import { TeamFormModal } from "./TeamFormModal";
import { TeamsTable } from "./TeamsTable";

type Editing = { mode: "closed" } | { mode: "create" } | { mode: "edit"; team: Team };

export function TeamsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const users = useAllUsers();
  const remove = useDeleteTeam();
  const format = useFormat();
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });
  const [deleting, setDeleting] = useState<Team | null>(null);
  const usersById = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u])), [users.data]);

  useRealtime("tenant", (event) => {
    if (event.type.startsWith("team.")) void client.invalidateQueries({ queryKey: queryKeys.teams });
    if (event.type.startsWith("user.")) void client.invalidateQueries({ queryKey: queryKeys.users });
  });

  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <>
      <PageHeader
        title={t("teams.title")}
        description={t("teams.description")}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ mode: "create" })}
          >
            {t("teams.new")}
          </Button>
        }
      />
      {teams.isError ? <QueryError error={teams.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={teams.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <TeamsTable
          teams={teams.data ?? []}
          usersById={usersById}
          format={format}
          onEdit={(team) => setEditing({ mode: "edit", team })}
          onDelete={setDeleting}
        />
      </Box>
      {editing.mode !== "closed" ? (
        <TeamFormModal
          team={editing.mode === "edit" ? editing.team : null}
          users={users.data ?? []}
          onClose={() => setEditing({ mode: "closed" })}
        />
      ) : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t("teams.deleteTitle")}
        message={t("teams.deleteMessage", { name: deleting?.name ?? "" })}
        confirmLabel={t("common.delete")}
        busy={remove.isPending}
        error={remove.isError ? apiErrorText(remove.error, t) : null}
        onClose={closeDelete}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: closeDelete })}
      />
    </>
  );
}
