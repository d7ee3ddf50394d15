import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The run's one temporary folder: every folder a test makes (site builds, copies of the course,
// chromium's profile) goes under it through TMPDIR, which the workers and their children
// inherit, and it goes when the run ends, so runs leave nothing behind in the system's /tmp.

/**
 * Makes the folder and points TMPDIR at it. The root config calls it as it loads: before any
 * project's globalSetup, some of which make folders (the browser project's site builds).
 */
export function useRunFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "gradbook-test-"));
  process.env.TMPDIR = folder;
  return folder;
}

/** The root's globalSetup: removes the folder once the run ends. */
export default function setup(): () => void {
  const folder = process.env.TMPDIR;
  return () => {
    if (folder?.includes("gradbook-test-")) rmSync(folder, { recursive: true, force: true });
  };
}
