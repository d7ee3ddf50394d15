import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { vi } from "vitest";
import { main } from "../../learn/cli.ts";

// The fixture course (test/fixtures/learn) and ways to run `pnpm learn` on a copy of it.

/** The fixture course in the repository: read it, never write it. */
export const FIXTURE = fileURLToPath(new URL("../fixtures/learn", import.meta.url));
const REPO = fileURLToPath(new URL("../../../..", import.meta.url));
const TSX = join(REPO, "node_modules/tsx/dist/cli.mjs");
const CLI = join(REPO, "lessons/kit/learn/cli.ts");

/** A fresh copy of the fixture course in a temporary folder, with the repository's node_modules. */
export function copyFixture(): string {
  const root = mkdtempSync(join(tmpdir(), "gradbook-learn-"));
  cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.includes("node_modules") });
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** The environment of a child CLI: ours without vitest's worker variables, pointed at `root`. */
function env(root: string): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")),
  );
  return { ...clean, GRADBOOK_ROOT: root, NO_COLOR: "1" };
}

/** Runs `pnpm learn ...args` on the course at `root`, to the end. */
export function learn(
  root: string,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [TSX, CLI, ...args], {
    cwd: REPO,
    env: env(root),
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Rewrites a file of the course at `root` by a function of its text. */
export function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

/** Replaces the blank of `name` in a file with `code` (what a learner does). */
export function write(root: string, file: string, name: string, code: string): void {
  edit(root, file, (text) =>
    text.replace(new RegExp(`throw new Error\\("exercise ${name} .*`), code),
  );
}

/** Runs `fn` with console.log and console.error captured; resolves with its result and what it printed. */
export async function capture<T>(
  fn: () => T | Promise<T>,
): Promise<{ result: T; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi
    .spyOn(console, "log")
    .mockImplementation((...args) => void out.push(`${format(...args)}\n`));
  const error = vi
    .spyOn(console, "error")
    .mockImplementation((...args) => void err.push(`${format(...args)}\n`));
  try {
    const result = await fn();
    return { result, stdout: out.join(""), stderr: err.join("") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Runs `pnpm learn ...args` in this process on the course at `root` (no child: a second faster). */
export async function learnHere(
  root: string,
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  const { result, stdout, stderr } = await capture(() => main(args, root));
  return { status: result, stdout, stderr };
}
