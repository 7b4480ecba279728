import { Typography } from "@mantine/core";
import Markdown from "react-markdown";

/**
 * Article bodies are authored text, so they render through react-markdown: it builds React elements from a
 * Markdown syntax tree and never injects HTML (raw HTML in the source is shown as text unless a rehype-raw
 * plugin is added, which we do not), and its default URL transform drops `javascript:` and other unsafe links.
 */
export function MarkdownView({ source }: { source: string }) {
  return (
    <Typography data-testid="article-body">
      <Markdown>{source}</Markdown>
    </Typography>
  );
}
