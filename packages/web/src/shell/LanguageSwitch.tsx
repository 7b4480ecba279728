import { SegmentedControl } from "@mantine/core";
import { LOCALES, type Locale } from "@sentra/core";
import { useTranslation } from "react-i18next";
import { isLocale } from "../i18n/locale";
import { useLocale } from "../i18n/useLocale";

/** EN / ID toggle. Each option names its language in that language, as language pickers should. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language.label")}
      value={locale}
      onChange={(value) => {
        if (isLocale(value)) setLocale(value);
      }}
      data={LOCALES.map((code: Locale) => ({
        value: code,
        label: <span title={t(`language.${code}`)}>{t(`language.short.${code}`)}</span>,
      }))}
    />
  );
}
