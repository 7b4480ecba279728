import { AppShell, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useTenant } from "../api/session";
import type { Me } from "../api/types";
import { storedUserLocale } from "../i18n/locale";
import { AppHeader } from "./AppHeader";
import { AppNavbar } from "./AppNavbar";

export function AppLayout({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const tenant = useTenant(true).data;

  // A reload restores the language this user chose in this browser.
  useEffect(() => {
    const stored = storedUserLocale(me.id);
    if (stored && stored !== i18n.language) void i18n.changeLanguage(stored);
  }, [me.id, i18n]);

  useEffect(() => {
    document.title = tenant ? `${tenant.name} · ${t("app.name")}` : t("app.name");
  }, [tenant, t]);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 216, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t("shell.skipToContent")}
      </a>
      <AppShell.Header>
        <AppHeader me={me} tenant={tenant} navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar>
        <AppShell.Section grow component={ScrollArea}>
          <AppNavbar role={me.role} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
