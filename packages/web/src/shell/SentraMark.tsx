import { Group, Text } from "@mantine/core";

/** The product mark: the favicon's glyph plus the name, which is a brand and is not translated. */
export function SentraMark() {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="var(--mantine-primary-color-filled)" />
        <path
          d="M21.5 10.5c-1.3-1.4-3.2-2.1-5.4-2.1-3.4 0-5.8 1.8-5.8 4.5 0 5.6 11.2 3.6 11.2 8 0 1.6-1.6 2.8-4.2 2.8-2.3 0-4.2-.9-5.5-2.4"
          fill="none"
          stroke="#fff"
          strokeWidth="2.6"
          strokeLinecap="round"
        />
      </svg>
      <Text fw={700} size="md" lts={-0.2}>
        {BRAND}
      </Text>
    </Group>
  );
}

export const BRAND = "Sentra";
