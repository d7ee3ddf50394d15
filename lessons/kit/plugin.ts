import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transformWithOxc, type Plugin } from "vite";
import { compileLesson } from "./compile.ts";
import { lessonName } from "./course.ts";
import { resolveInclude } from "./include.ts";
import { parseLesson, type Lesson } from "./parse.ts";
import { LIMITS } from "../../vitest.limits.ts";

/** The repository root: lesson paths in messages and include paths are relative to it. */
export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const RUNTIME = fileURLToPath(new URL("./runtime.ts", import.meta.url));
/**
 * Where the lessons' run in `pnpm test` records what each block printed and showed: the browser
 * tests' site build takes it from there instead of running the lessons a second time.
 */
export const SUITE_RECORDS = join(ROOT, "node_modules/.cache/gradbook/records");

/** Parses a lesson file and resolves its includes, failing at the lesson's line. */
export function loadLesson(path: string, source: string, root = ROOT): Lesson {
  const lesson = parseLesson(relative(root, path).replaceAll("\\", "/"), source);
  for (const include of lesson.includes) resolveInclude(lesson, include, root);
  return lesson;
}

/**
 * How lessons run, for lessons/vitest.config.ts and for `pnpm learn`'s runner alike. Lessons
 * are small: sharing one worker without isolation runs them ~10× faster, in course order. A
 * block may train a network for seconds, and far longer on a loaded machine: hence LIMITS.
 */
export const LESSON_TEST = {
  pool: "threads",
  isolate: false,
  sequence: { concurrent: false },
  ...LIMITS,
} as const;

/**
 * A Vite plugin that turns `NN-slug.md` lessons into test modules: vitest runs them like
 * any test file, and their source maps point back into the markdown. With `record`, each lesson
 * records its run there (unless GRADBOOK_RECORD names another folder).
 */
export function lessonPlugin(options: { root?: string; record?: string } = {}): Plugin {
  const root = options.root ?? ROOT;
  return {
    name: "gradbook-lessons",
    enforce: "pre",
    async transform(source, id) {
      if (!lessonName(id)) return null;
      const lesson = loadLesson(id, source, root);
      const compiled = compileLesson(lesson, {
        path: id,
        runtime: RUNTIME,
        ...(options.record ? { record: options.record } : {}),
      });
      // Vite strips types only from .ts ids: strip them here, chaining the markdown's map.
      const js = await transformWithOxc(
        compiled.code,
        `${id}.ts`,
        { lang: "ts", sourcemap: true },
        compiled.map,
      );
      // oxc types a map's sources as possibly undefined, rolldown's input does not: the map itself is fine.
      return { code: js.code, map: js.map as never };
    },
  };
}
