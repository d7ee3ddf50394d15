// The info string of a fence says what the kit does with the block:
//   ```ts                 runs, in the lesson's shared scope
//   ```ts no-run          shown and type-checked, never run
//   ```ts throws          must throw; ```ts throws=/pattern/ must throw a matching error
//   ```text output        the exact text the code block before it printed
// Any other language is shown as it is.

/** What a fence asks the kit to do. */
export type FenceKind = "run" | "no-run" | "throws" | "output" | "show";

export interface Fence {
  kind: FenceKind;
  lang: string;
  /** For `throws=/pattern/`: the pattern the error message must match. */
  pattern?: RegExp;
}

/** Reads a fence's info string; returns an error message for a misspelt attribute. */
export function parseFence(info: string): Fence | string {
  const [lang = "", ...attrs] = info.trim().split(/\s+/);
  if (lang === "text" && attrs[0] === "output" && attrs.length === 1)
    return { kind: "output", lang };
  if (lang !== "ts") return { kind: "show", lang };
  if (attrs.length === 0) return { kind: "run", lang };
  const attr = attrs.join(" ");
  if (attr === "no-run") return { kind: "no-run", lang };
  if (attr === "throws") return { kind: "throws", lang };
  const match = /^throws=\/(.+)\/([a-z]*)$/.exec(attr);
  if (match) {
    try {
      return { kind: "throws", lang, pattern: new RegExp(match[1]!, match[2]) };
    } catch (error) {
      return `invalid pattern in \`\`\`ts ${attr}: ${(error as Error).message}`;
    }
  }
  return `unknown fence attribute "${attr}": expected \`\`\`ts, \`\`\`ts no-run, \`\`\`ts throws or \`\`\`ts throws=/pattern/`;
}
