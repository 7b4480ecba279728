import ts from "typescript";

/** Props whose value a user reads or hears (screen readers included). */
const VISIBLE_PROPS = new Set([
  "label",
  "placeholder",
  "title",
  "aria-label",
  "aria-description",
  "alt",
  "description",
  "error",
  "message",
  "confirmLabel",
  "nothingFoundMessage",
]);

const hasWords = (text: string) => /\p{L}/u.test(text);

export interface Finding {
  line: number;
  text: string;
}

/** Text of a literal expression if it contains words; template literals count by their static parts. */
function literalWords(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return hasWords(node.text) ? node.text : null;
  }
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("");
    return hasWords(parts) ? parts : null;
  }
  if (ts.isConditionalExpression(node)) return literalWords(node.whenTrue) ?? literalWords(node.whenFalse);
  if (ts.isBinaryExpression(node)) return literalWords(node.left) ?? literalWords(node.right);
  if (ts.isParenthesizedExpression(node)) return literalWords(node.expression);
  return null;
}

/**
 * Finds user-visible text in a TSX source that does not come from t(…): JSX text, string literals rendered as
 * children, and literals in visible props. Brand names and data are passed as identifiers, never literals.
 */
export function findUntranslatedText(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    findings.push({
      line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
      text: text.trim(),
    });

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      const words = literalWords(node.expression);
      if (words) report(node, words);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(file)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      const words = value ? literalWords(value) : null;
      if (words) report(node, `${node.name.getText(file)}=${words}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

/** The literal keys passed to t("…"), and the static prefixes of template keys (t(`roles.${role}`)). */
export function translationKeys(fileName: string, source: string): { exact: string[]; prefixes: string[] } {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const exact: string[] = [];
  const prefixes: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "t") {
      const key = node.arguments[0];
      if (key && (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key))) exact.push(key.text);
      if (key && ts.isTemplateExpression(key)) prefixes.push(key.head.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { exact, prefixes };
}
