import { NavLink, Stack, Text } from "@mantine/core";
import type { Role } from "@sentra/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { NavIcon } from "./NavIcon";
import { NAV_ITEMS, type NavItem, navItemsFor } from "./navigation";

/** The item whose path is the longest prefix of the page's: /customers/duplicates is not also "Customers". */
function activePath(pathname: string): string | undefined {
  const matches = NAV_ITEMS.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

function Section({ title, items }: { title: string; items: NavItem[] }) {
  const { t } = useTranslation();
  const active = activePath(useLocation().pathname);
  if (items.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4}>
        {title}
      </Text>
      {items.map((item) => (
        <NavLink
          key={item.path}
          component={Link}
          to={item.path}
          label={t(item.labelKey)}
          leftSection={<NavIcon icon={item.icon} />}
          active={item.path === active}
          aria-current={item.path === active ? "page" : undefined}
          variant="light"
          styles={{ root: { borderRadius: "var(--mantine-radius-sm)" } }}
        />
      ))}
    </Stack>
  );
}

export function AppNavbar({ role }: { role: Role }) {
  const { t } = useTranslation();
  const items = navItemsFor(role);
  return (
    <Stack component="nav" aria-label={t("nav.label")} gap="lg" p="sm">
      <Section title={t("nav.work")} items={items.filter((i) => i.section === "work")} />
      <Section title={t("wfm.nav.section")} items={items.filter((i) => i.section === "wfm")} />
      <Section title={t("nav.admin")} items={items.filter((i) => i.section === "admin")} />
    </Stack>
  );
}
