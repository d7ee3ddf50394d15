import { join } from "node:path";
import type { Figure } from "./figure.ts";

// What the test run records of each lesson for the site (vitest-host.ts writes it, the site's
// build reads it): what every block printed and showed, so the site need not run the lessons again.

/** What one block did: the site renders it under the block. */
export interface BlockRecord {
  line: number;
  output: string;
  figures: Figure[];
  error?: string;
}

/** Where a lesson's record goes in a records folder: `lessons/01-chain-rule.md` → `lessons__01-chain-rule.json`. */
export function recordPath(folder: string, file: string): string {
  return join(folder, file.replaceAll("/", "__").replace(/\.md$/, ".json"));
}
