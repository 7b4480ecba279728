import { Loader } from "@mantine/core";
import { lazy, Suspense } from "react";

const MarkdownView = lazy(() =>
  import("./MarkdownView").then((module) => ({ default: module.MarkdownView })),
);

/** The Markdown renderer loads on first use, so screens without articles do not download it. */
export function ArticleMarkdown({ source }: { source: string }) {
  return (
    <Suspense fallback={<Loader size="xs" />}>
      <MarkdownView source={source} />
    </Suspense>
  );
}
