import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findRegions } from "../regions.ts";
import type { ExerciseInfo } from "./manifest.ts";

// An exercise is a region of a step package's source named `exercise:NAME`:
//
//   // #region exercise:topo
//   …the code the lesson teaches…
//   // #endregion exercise:topo
//
// with what it asks and its hints in the lesson's manifest (manifest.ts). `start` replaces the
// lines between the markers with one `throw`, so they must be whole statements of one body.

/** The prefix that makes a region an exercise. */
export const EXERCISE = "exercise:";

/** One exercise region of a package's source. */
export interface ExerciseRegion {
  /** The name after `exercise:`, unique in its package. */
  name: string;
  /** The step package (`autograd`), i.e. the folder under `packages/`. */
  pkg: string;
  /** Path from the repository root, with forward slashes: `packages/autograd/src/backward.ts`. */
  file: string;
  /** 1-based line of the opening marker. */
  line: number;
  /** Text after the name on the opening marker, which belongs in the manifest instead ("" when none). */
  extra: string;
}

/** An exercise: its region in the package, and what its lesson's manifest says of it. */
export interface Exercise extends ExerciseRegion, ExerciseInfo {}

/** The `.ts` sources of a package (`src/**`, tests and declarations excluded), sorted. */
function packageSources(root: string, pkg: string): string[] {
  const src = join(root, "packages", pkg, "src");
  if (!existsSync(src)) return [];
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .map((f) => f.replaceAll("\\", "/"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !/\.(test|spec)\.ts$/.test(f))
    .sort()
    .map((f) => `packages/${pkg}/src/${f}`);
}

/** The exercises found in one source text, in line order. Throws on a region nested inside an exercise. */
export function exercisesIn(source: string, pkg: string, file: string): ExerciseRegion[] {
  const regions = findRegions(source, file);
  const exercises: ExerciseRegion[] = [];
  for (const region of regions) {
    if (!region.name.startsWith(EXERCISE)) continue;
    // Blanking removes every line between the markers: a region inside would vanish with them.
    const inner = regions.find((r) => r.open > region.open && r.close < region.close);
    if (inner) {
      throw new Error(
        `${file}:${inner.open + 1}: region ${inner.name} is inside exercise region ${region.name}; blanking would remove it`,
      );
    }
    const name = region.name.slice(EXERCISE.length);
    if (!/^[\w.-]+$/.test(name))
      throw new Error(
        `${file}:${region.open + 1}: exercise name "${name}" must be letters, digits, _ . or -`,
      );
    exercises.push({ name, pkg, file, line: region.open + 1, extra: region.hint ?? "" });
  }
  return exercises;
}

/** Every exercise of a package, in source order (files sorted by path). Throws on a name used twice. */
export function packageExercises(root: string, pkg: string): ExerciseRegion[] {
  const all = packageSources(root, pkg).flatMap((file) =>
    exercisesIn(readFileSync(join(root, file), "utf8"), pkg, file),
  );
  const seen = new Map<string, ExerciseRegion>();
  for (const ex of all) {
    const first = seen.get(ex.name);
    if (first)
      throw new Error(
        `${ex.file}:${ex.line}: exercise ${ex.name} is already defined at ${first.file}:${first.line}`,
      );
    seen.set(ex.name, ex);
  }
  return all;
}
