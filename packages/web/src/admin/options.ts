import { LOCALES, ROLES } from "@sentra/core";
import type { TFunction } from "i18next";

/** Role and language choices for selects, labelled in the user's language. */
export const roleOptions = (t: TFunction) =>
  ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

export const localeOptions = (t: TFunction) =>
  LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }));
