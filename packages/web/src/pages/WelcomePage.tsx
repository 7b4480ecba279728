import { useTranslation } from "react-i18next";
import type { Me } from "../api/types";
import { PlaceholderPage } from "../components/PlaceholderPage";

/** For roles (QA, WFM) whose own screens arrive with later modules. */
export function WelcomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <PlaceholderPage
      title={t("welcome.title", { name: me.name })}
      body={t("welcome.body", { role: t(`roles.${me.role}`) })}
    />
  );
}
