import { createTheme, type MantineColorsTuple } from "@mantine/core";

// A calm blue-teal: reads as "operations" without the alarm of red or the noise of saturated blue.
const sentra: MantineColorsTuple = [
  "#e6f8fa",
  "#d3eef2",
  "#a8dce4",
  "#78c9d6",
  "#52b9ca",
  "#38afc3",
  "#27a9c1",
  "#1593aa",
  "#008399",
  "#007285",
];

export const theme = createTheme({
  primaryColor: "sentra",
  colors: { sentra },
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: "sm",
  fontFamily:
    "Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  headings: { fontWeight: "600" },
  // Dense by default: contact-center staff scan long lists on 1366×768 screens.
  components: {
    Table: {
      defaultProps: { verticalSpacing: 6, horizontalSpacing: "sm", fz: "sm" },
      styles: { th: { fontWeight: 600, whiteSpace: "nowrap" } },
    },
    Button: { defaultProps: { size: "sm" } },
    TextInput: { defaultProps: { size: "sm" } },
    Modal: { defaultProps: { centered: true, radius: "md" } },
    // Sentence-case badges: statuses and roles should inform, not shout.
    Badge: { styles: { root: { textTransform: "none", fontWeight: 500, letterSpacing: 0 } } },
  },
});
