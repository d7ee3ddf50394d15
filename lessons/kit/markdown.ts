import MarkdownIt, { type Options } from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";

// The lesson syntax as a markdown-it plugin, so the test run and the site read lessons alike:
//   - front matter between `---` lines at the very top (key: value pairs);
//   - an include line `<<< path/to/file.ts#region`, a region of a package's source shown on the page.

const INCLUDE = /^<<<\s+(\S+?)#([\w:.-]+)\s*$/;

/** Splits `---` front matter off a lesson; the body keeps its line numbers (the front matter becomes blank lines). */
export function splitFrontMatter(source: string): { meta: Record<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) return { meta: {}, body: source };
  const meta: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = /^(\w[\w-]*):\s*(.*?)\s*$/.exec(line);
    if (pair) meta[pair[1]!] = pair[2]!;
  }
  const blank = "\n".repeat(match[0].split("\n").length - 1);
  return { meta, body: blank + source.slice(match[0].length) };
}

function includeRule(
  state: StateBlock,
  startLine: number,
  _endLine: number,
  silent: boolean,
): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const text = state.src.slice(start, state.eMarks[startLine]);
  const match = INCLUDE.exec(text);
  if (!match || state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (silent) return true;
  const token = state.push("include", "code", 0);
  token.map = [startLine, startLine + 1];
  token.meta = { path: match[1], region: match[2] };
  token.block = true;
  state.line = startLine + 1;
  return true;
}

/** The lesson syntax for a markdown-it instance. */
export function lessonSyntax(md: MarkdownIt): void {
  md.block.ruler.before("fence", "include", includeRule, { alt: ["paragraph"] });
}

/** A markdown-it instance that reads the lesson syntax. */
export function createMarkdown(options: Options = {}): MarkdownIt {
  const md = new MarkdownIt({ html: true, ...options });
  md.use(lessonSyntax);
  return md;
}
