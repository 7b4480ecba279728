import { Badge, Burger, Button, Divider, Group, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useLogout } from "../api/session";
import type { Me, Tenant } from "../api/types";
import { IconLogout } from "../components/icons";
import { LanguageSwitch } from "./LanguageSwitch";
import { SentraMark } from "./SentraMark";
import { ThemeToggle } from "./ThemeToggle";

interface AppHeaderProps {
  me: Me;
  tenant: Tenant | undefined;
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ me, tenant, navOpened, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? t("shell.closeNav") : t("shell.openNav")}
        />
        <SentraMark />
        <Divider orientation="vertical" />
        <Title order={1} size="h5" fw={600} lineClamp={1} data-testid="tenant-name">
          {tenant?.name ?? ""}
        </Title>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Group gap={6} wrap="nowrap" visibleFrom="sm">
          <Text size="sm" fw={500} lineClamp={1}>
            {me.name}
          </Text>
          <Badge variant="light" size="sm" radius="sm">
            {t(`roles.${me.role}`)}
          </Badge>
        </Group>
        <LanguageSwitch />
        <ThemeToggle />
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<IconLogout size={16} aria-hidden />}
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
        >
          {t("shell.logout")}
        </Button>
      </Group>
    </Group>
  );
}
