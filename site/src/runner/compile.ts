import type { CodeBlock, Lesson } from "@gradbook/lessons/kit";
import ts from "typescript";
import { transformWithOxc } from "vite";
import type { BrowserBlock } from "../client/runtime.ts";

// A lesson compiles for the browser to one plain ES module the Run button's worker imports:
//
//   export const blocks = [{ line: 11, kind: "run", expected: "15\n" }, …];
//   export default async function* (__rt) {
//     const { console, show } = __rt.scope;
//     const { Value } = await __rt.import("@gradbook/autograd");   ← every block's imports
//     …block 1…; yield;
//     await __rt.throws(1, async () => { …block 2… }); yield;
//   }
//
// The same shape as the kit's test module (one shared scope, one step per runnable block),
// with imports turned into lookups: import maps do not reach into workers, so the worker hands
// the project's packages to the lesson itself. ```ts no-run blocks are left out.

/** Compiles a parsed lesson to the JavaScript module the browser runner imports. */
export async function compileForBrowser(lesson: Lesson): Promise<string> {
  const runnable = lesson.blocks.filter((b) => b.kind !== "no-run");
  const imports: string[] = [];
  const bodies = runnable.map((block, index) => {
    const { code, lookups } = rewriteImports(block);
    imports.push(...lookups);
    const body = block.kind === "throws" ? `await __rt.throws(${index}, async () => {\n${code}\n});` : code;
    return `// ${lesson.file}:${block.line}\n${body}\nyield;`;
  });
  const blocks: BrowserBlock[] = runnable.map((block) => ({
    line: block.line,
    kind: block.kind as BrowserBlock["kind"],
    expected: block.output?.text ?? "",
    ...(block.pattern ? { pattern: { source: block.pattern.source, flags: block.pattern.flags } } : {}),
  }));
  const source = [
    `export const blocks = ${JSON.stringify(blocks)};`,
    `export default async function* (__rt) {`,
    `const { console, show } = __rt.scope;`,
    ...imports,
    ...bodies,
    `}`,
  ].join("\n");
  const js = await transformWithOxc(source, `${lesson.file}.ts`, { lang: "ts", sourcemap: false });
  return `// Generated from ${lesson.file} by site/src/runner/compile.ts: do not edit.\n${js.code}`;
}

/**
 * Takes a block's top-level imports out of it as `const … = await __rt.import(…)` lookups, and
 * routes its dynamic `import(…)` calls through the runtime too. Type-only imports vanish.
 */
export function rewriteImports(block: CodeBlock): { code: string; lookups: string[] } {
  const sf = ts.createSourceFile("block.ts", block.code, ts.ScriptTarget.Latest, true);
  const lookups: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    edits.push({ start: statement.getStart(sf), end: statement.end, text: "" });
    const lookup = importLookup(statement.importClause, JSON.stringify(statement.moduleSpecifier.text));
    if (lookup) lookups.push(lookup);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      edits.push({ start: node.expression.getStart(sf), end: node.expression.end, text: "__rt.import" });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let code = block.code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
  return { code, lookups };
}

function importLookup(clause: ts.ImportClause | undefined, specifier: string): string | undefined {
  const load = `await __rt.import(${specifier})`;
  if (!clause) return `${load};`; // import "x": for its side effects
  if (clause.isTypeOnly) return undefined;
  const names: string[] = [];
  if (clause.name) names.push(`default: ${clause.name.text}`);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    return clause.name ? `const ${bindings.name.text} = ${load}, { default: ${clause.name.text} } = ${bindings.name.text};` : `const ${bindings.name.text} = ${load};`;
  }
  for (const element of bindings?.elements ?? []) {
    if (element.isTypeOnly) continue;
    names.push(element.propertyName ? `${element.propertyName.getText()}: ${element.name.text}` : element.name.text);
  }
  return names.length ? `const { ${names.join(", ")} } = ${load};` : undefined;
}
