import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLogin } from "../api/session";
import { IconAlertCircle } from "../components/icons";
import { apiErrorText } from "../i18n/api-error";
import { isLocale, rememberLocale, storedUserLocale } from "../i18n/locale";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { SentraMark } from "../shell/SentraMark";
import { ThemeToggle } from "../shell/ThemeToggle";

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const login = useLogin(({ user }) => {
    // The user's own choice in this browser wins; otherwise their profile language.
    const locale = storedUserLocale(user.id) ?? (isLocale(user.locale) ? user.locale : null);
    if (locale) {
      rememberLocale(locale, user.id);
      void i18n.changeLanguage(locale);
    }
  });
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(email.trim() ? {} : { email: t("validation.required") }),
      ...(password ? {} : { password: t("validation.required") }),
    };
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    login.mutate({ email: email.trim(), password });
  };

  return (
    <Box mih="100vh" bg="var(--mantine-color-default-hover)">
      <Group justify="space-between" p="md">
        <SentraMark />
        <Group gap="sm">
          <LanguageSwitch />
          <ThemeToggle />
        </Group>
      </Group>
      <Center pt={48} px="md">
        <Paper withBorder shadow="sm" radius="md" p="xl" w={380} component="main">
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <Stack gap={4}>
                <Title id="login-title" order={1} size="h3" fw={600}>
                  {t("login.title")}
                </Title>
                <Text size="sm" c="dimmed">
                  {t("login.subtitle")}
                </Text>
              </Stack>
              {login.isError ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle size={18} aria-hidden />}
                  role="alert"
                >
                  {apiErrorText(login.error, t)}
                </Alert>
              ) : null}
              <TextInput
                label={t("login.email")}
                type="email"
                autoComplete="username"
                required
                value={email}
                error={missing.email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label={t("login.password")}
                autoComplete="current-password"
                required
                value={password}
                error={missing.password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" fullWidth loading={login.isPending}>
                {t("login.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
