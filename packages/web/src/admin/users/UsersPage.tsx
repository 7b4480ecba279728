import { Box, Button, LoadingOverlay } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/keys";
import { useUsersPage } from "../../api/people";
import { useMe } from "../../api/session";
import type { User } from "../../api/types";
import { CursorPager } from "../../components/CursorPager";
import { IconPlus } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useCursorPages } from "../../components/useCursorPages";
import { useFormat } from "../../i18n/useFormat";
import { useRealtime } from "../../realtime/useRealtime";
import { UserFormModal } from "./UserFormModal";
import { UsersTable } from "./UsersTable";

/** Editing state: closed, creating, or editing one user. */
type Editing = { mode: "closed" } | { mode: "create" } | { mode: "edit"; user: User };

export function UsersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const pages = useCursorPages();
  const users = useUsersPage(pages.cursor);
  const me = useMe().data;
  const format = useFormat();
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });

  // Another admin's change (or this one's, from another tab) shows up without a reload.
  useRealtime("tenant", (event) => {
    if (event.type === "user.created" || event.type === "user.updated") {
      void client.invalidateQueries({ queryKey: queryKeys.users });
    }
  });

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ mode: "create" })}
          >
            {t("users.new")}
          </Button>
        }
      />
      {users.isError ? <QueryError error={users.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={users.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <UsersTable
          users={users.data?.items ?? []}
          format={format}
          onEdit={(user) => setEditing({ mode: "edit", user })}
        />
      </Box>
      <CursorPager
        page={pages.page}
        nextCursor={users.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
        busy={users.isFetching}
      />
      {editing.mode !== "closed" && me ? (
        <UserFormModal
          user={editing.mode === "edit" ? editing.user : null}
          selfId={me.id}
          onClose={() => setEditing({ mode: "closed" })}
        />
      ) : null}
    </>
  );
}
