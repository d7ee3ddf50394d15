import type { Plugin } from "vite";

/** Rewrites the text of one module (an absolute path) before vitest runs it. */
export type Rewrites = Map<string, (code: string) => string>;

/**
 * A Vite plugin that rewrites chosen source files in memory: how `verify` blanks one exercise
 * at a time without touching the files (it runs in CI, and beside a developer's editor).
 * Change `rewrites` between runs and invalidate the files it names (see `runner.ts`).
 */
export function rewritePlugin(rewrites: Rewrites): Plugin {
  return {
    name: "gradbook-learn-rewrite",
    enforce: "pre", // before the TypeScript is stripped: the rewrite sees the file as written
    transform(code, id) {
      const rewrite = rewrites.get(id.replace(/[?#].*$/, ""));
      // The line count changes, so the old map would lie; no map is the honest answer.
      return rewrite ? { code: rewrite(code), map: null } : null;
    },
  };
}
