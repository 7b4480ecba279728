import { Anchor, Box, Button, Group, LoadingOverlay, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useCustomerSearch } from "../api/customers";
import { useCan } from "../api/permissions";
import { CursorPager } from "../components/CursorPager";
import { IconDownload, IconPlus, IconSearch } from "../components/icons";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useCursorPages } from "../components/useCursorPages";
import { CustomerFormModal } from "./CustomerFormModal";

/** Find a customer by name, phone, email or id; the list shows what this viewer may see (masked or not). */
export function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [settled] = useDebouncedValue(query.trim(), 300);
  const pages = useCursorPages();
  const customers = useCustomerSearch(settled, pages.cursor);
  const [creating, setCreating] = useState(false);
  const canWrite = useCan("customers:write");
  const canExport = useCan("customers:export");
  const items = customers.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("customers.title")}
        description={t("customers.description")}
        actions={
          <>
            {canExport ? (
              <Button
                component="a"
                href="/api/v1/customers/export.csv"
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t("customers.exportAll")}
              </Button>
            ) : null}
            {canWrite ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t("customers.new")}
              </Button>
            ) : null}
          </>
        }
      />
      <TextInput
        mb="md"
        leftSection={<IconSearch size={16} aria-hidden />}
        placeholder={t("customers.searchPlaceholder")}
        aria-label={t("customers.search")}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          pages.first();
        }}
      />
      {customers.isError ? <QueryError error={customers.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={customers.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover withTableBorder aria-label={t("customers.tableLabel")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("customers.fields.fullName")}</Table.Th>
                <Table.Th>{t("customers.fields.phones")}</Table.Th>
                <Table.Th>{t("customers.fields.emails")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && !customers.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {t("customers.empty")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {items.map((customer) => (
                <Table.Tr key={customer.id} data-testid="customer-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${customer.id}`} size="sm" fw={500}>
                      {customer.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{customer.phones.join(", ") || "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{customer.emails.join(", ") || "—"}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Group justify="flex-end">
        <CursorPager
          page={pages.page}
          nextCursor={customers.data?.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={customers.isFetching}
        />
      </Group>
      {creating ? (
        <CustomerFormModal
          customer={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(`/customers/${saved.id}`)}
        />
      ) : null}
    </>
  );
}
