import { Button, Group, Modal, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** A destructive action asks first; Cancel has the focus so Enter does not destroy by accident. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="sm">
      <Text size="sm">{props.message}</Text>
      {props.error ? (
        <Text size="sm" c="red" mt="sm" role="alert">
          {props.error}
        </Text>
      ) : null}
      <Group justify="flex-end" mt="lg" gap="xs">
        <Button variant="default" onClick={props.onClose} data-autofocus>
          {t("common.cancel")}
        </Button>
        <Button color="red" loading={props.busy ?? false} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
