import { Box, Button, LoadingOverlay } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiKeys, useRevokeApiKey } from "../../api/admin";
import type { ApiKey } from "../../api/types";
import { ConfirmModal } from "../../components/ConfirmModal";
import { IconPlus } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { apiErrorText } from "../../i18n/api-error";
import { useFormat } from "../../i18n/useFormat";
import { ApiKeysTable } from "./ApiKeysTable";
import { CreateApiKeyModal } from "./CreateApiKeyModal";

export function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };

  return (
    <>
      <PageHeader
        title={t("apiKeys.title")}
        description={t("apiKeys.description")}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t("apiKeys.new")}
          </Button>
        }
      />
      {keys.isError ? <QueryError error={keys.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={keys.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <ApiKeysTable keys={keys.data ?? []} format={format} onRevoke={setRevoking} />
      </Box>
      {creating ? <CreateApiKeyModal onClose={() => setCreating(false)} /> : null}
      <ConfirmModal
        opened={revoking !== null}
        title={t("apiKeys.revokeTitle")}
        message={t("apiKeys.revokeMessage", { name: revoking?.name ?? "" })}
        confirmLabel={t("apiKeys.revoke")}
        busy={revoke.isPending}
        error={revoke.isError ? apiErrorText(revoke.error, t) : null}
        onClose={closeRevoke}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: closeRevoke })}
      />
    </>
  );
}
