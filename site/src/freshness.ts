import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

// A hash of everything a build reads, written into dist/build-info.json: the browser tests
// reuse site/dist only when it was built from exactly the files on disk now.

/** The inputs of a site build, relative to the repository root (folders are walked). */
const INPUTS = [
  "lessons",
  "packages",
  "site/src",
  "site/package.json",
  "tsconfig.base.json",
  "vitest.config.ts",
  "pnpm-lock.yaml",
];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) return yield path;
  for (const name of readdirSync(path).sort()) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    yield* files(join(path, name));
  }
}

/** A hash of the build's input files (names and contents). */
export function inputsHash(root: string, inputs = INPUTS): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of files(join(root, input)))
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
