import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The run's one temporary folder: every folder a test makes (site builds, copies of the course,
// chromium's profile) goes under it through TMPDIR, which the workers and their children inherit,
// and it goes when the run ends, so runs leave nothing behind in the system's /tmp.
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), "gradbook-test-"));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
