import { createHighlighter, type ShikiTransformer } from "shiki";
import { ensureContrast } from "./contrast.ts";

// Code highlighted at build time with two themes at once (light and dark as CSS variables,
// `defaultColor: false`). Each token's inline style becomes a short class shared across the
// site, so a page carries `class="t3"` instead of a long style per token (and plain text no
// span at all); the classes' CSS (every colour checked for contrast on the site's code
// backgrounds) goes in the stylesheet.

const THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;
/** The languages lessons use; anything else (text, dot …) is shown plain. */
const LANGS = ["ts", "json", "sh"] as const;

/** The code backgrounds of site.css, which token colours must stand out from. */
export const CODE_BACKGROUND = { light: "#f6f8fa", dark: "#161b22" } as const;

/** Highlights code for the site and collects the CSS of the classes it used. */
export interface CodeHighlighter {
  /** A `<pre class="shiki">` of `code`; languages the site does not load come out plain. */
  highlight(code: string, lang: string): string;
  /** The CSS of every token class handed out so far. */
  css(): string;
}

/** Loads shiki with the site's two themes and languages (~100 ms). */
export async function createCodeHighlighter(): Promise<CodeHighlighter> {
  const shiki = await createHighlighter({ themes: Object.values(THEMES), langs: [...LANGS] });
  const classes = new Map<string, string>();
  // Tokens in the theme's own text colour need no span: the page's text colour is the same.
  const plain =
    `--shiki-light:${shiki.getTheme(THEMES.light).fg};--shiki-dark:${shiki.getTheme(THEMES.dark).fg}`.toLowerCase();
  const toClasses: ShikiTransformer = {
    pre(node) {
      node.properties.class = "shiki";
      delete node.properties.style;
    },
    line(node) {
      node.children = node.children.flatMap((child) => {
        if (child.type !== "element" || typeof child.properties.style !== "string") return [child];
        const style = child.properties.style;
        if (style.toLowerCase() === plain) return child.children;
        if (!classes.has(style)) classes.set(style, `t${classes.size}`);
        child.properties.class = classes.get(style);
        delete child.properties.style;
        return [child];
      });
    },
  };
  return {
    highlight(code, lang) {
      const known = (LANGS as readonly string[]).includes(lang) ? lang : "text";
      return shiki.codeToHtml(code.replace(/\n$/, ""), {
        lang: known,
        themes: THEMES,
        defaultColor: false,
        transformers: [toClasses],
      });
    },
    css() {
      return [...classes].map(([style, name]) => `.shiki .${name}{${readable(style)}}`).join("\n");
    },
  };
}

/** A token's style with each colour nudged, if needed, to 4.5:1 on its theme's code background. */
function readable(style: string): string {
  return style.replace(
    /--shiki-(light|dark):(#[0-9a-fA-F]{3,8})/g,
    (_all, theme: "light" | "dark", color: string) =>
      `--shiki-${theme}:${ensureContrast(color, CODE_BACKGROUND[theme])}`,
  );
}
