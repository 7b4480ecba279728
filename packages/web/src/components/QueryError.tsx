import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { apiErrorText } from "../i18n/api-error";
import { IconAlertCircle } from "./icons";

export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" mb="md">
      {apiErrorText(error, t)}
    </Alert>
  );
}
