import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The run's one temporary folder: every folder a test makes (site builds, copies of the course,
// chromium's profile) goes under it through TMPDIR, which the workers and their children
// inherit, and it is removed when the vitest process exits, so runs leave nothing behind in the
// system's /tmp. An interrupted run (Ctrl-C) may leave part of it: its workers can still be
// writing when vitest exits.

/**
 * Makes the folder and points TMPDIR at it; the root config calls it as it loads, before any
 * project's globalSetup makes a folder (the browser project's site builds). A config loaded
 * again in the same process (watch mode restarts on a config change) keeps the same folder.
 */
export function useRunFolder(): string {
  const env = process.env;
  const own =
    env.GRADBOOK_RUN_FOLDER_PID === String(process.pid) ? env.GRADBOOK_RUN_FOLDER : undefined;
  if (own && existsSync(own)) return own;
  // Under the system's folder, not under a parent run's (a run that spawns vitest passes TMPDIR on).
  const base = (env.GRADBOOK_TMP_BASE ??= tmpdir());
  const folder = mkdtempSync(join(base, "gradbook-test-"));
  Object.assign(env, {
    TMPDIR: folder,
    GRADBOOK_RUN_FOLDER: folder,
    GRADBOOK_RUN_FOLDER_PID: String(process.pid),
  });
  // On exit: after every project's teardown (chromium closed, site builds ended), and also when
  // vitest exits on Ctrl-C or SIGTERM without them. Never throw here: a leftover folder is all.
  process.once("exit", () => {
    try {
      rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // something still writing into it: the system's tmp cleaner will have it
    }
  });
  return folder;
}
