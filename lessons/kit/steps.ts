import { LessonError } from "./errors.ts";

/**
 * The ladder of step packages, in course order. Each step depends only on the steps before it,
 * and a lesson may import only the packages up to the step it pairs with.
 */
export const STEPS = [
  "autograd",
  "neuron",
  "loss",
  "init",
  "optim",
  "train",
  "compile",
  "tensor",
  "classify",
] as const;

/** The `@gradbook/*` packages a lesson pairing with `pkg` may import (null: none of them). */
export function allowedPackages(pkg: string | null): string[] {
  const step = pkg === null ? 0 : STEPS.indexOf(pkg as (typeof STEPS)[number]) + 1;
  return STEPS.slice(0, step).map((name) => `@gradbook/${name}`);
}

/** Throws when a lesson imports a step package beyond its own, or names an unknown package. */
export function checkImport(
  file: string,
  line: number,
  pkg: string | null,
  specifier: string,
): void {
  if (pkg !== null && !STEPS.includes(pkg as (typeof STEPS)[number])) {
    throw new LessonError(
      file,
      1,
      `front matter names unknown package "${pkg}": expected one of ${STEPS.join(", ")} or none`,
    );
  }
  const name = /^@gradbook\/[^/]+/.exec(specifier)?.[0];
  if (!name || name === "@gradbook/lessons") return; // the kit's helpers (figures) are open to every lesson
  const allowed = allowedPackages(pkg);
  if (allowed.includes(name)) return;
  const own = pkg === null ? "no step package" : `step ${allowed.length} (@gradbook/${pkg})`;
  const may = allowed.length ? `only ${allowed.join(", ")}` : "no @gradbook step package";
  const step = STEPS.indexOf(name.slice("@gradbook/".length) as (typeof STEPS)[number]) + 1;
  const what = step > 0 ? `${name} (step ${step})` : `${name}, which is not a step package`;
  throw new LessonError(
    file,
    line,
    `imports ${what}; this lesson pairs with ${own} and may import ${may}`,
  );
}
