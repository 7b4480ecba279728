import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../components/PlaceholderPage";

export function AgentDesktopPage() {
  const { t } = useTranslation();
  return (
    <PlaceholderPage
      title={t("agentDesktop.title")}
      body={t("agentDesktop.body")}
      note={t("agentDesktop.note")}
    />
  );
}
