import { useTranslation } from "react-i18next";
import { PlaceholderPage } from "../components/PlaceholderPage";

export function WallboardPage() {
  const { t } = useTranslation();
  return (
    <PlaceholderPage title={t("wallboard.title")} body={t("wallboard.body")} note={t("wallboard.note")} />
  );
}
