import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";

// The site shows the output of the test run itself: the lessons run through vitest (the same
// plugin and runtime as `pnpm test`) with GRADBOOK_RECORD set, and the build fails if one fails.

export interface RecordOptions {
  /** The repository root: vitest runs there. */
  root: string;
  /** The folder the kit's runtime writes its records to (emptied first). */
  dir: string;
  /** A vitest config to use instead of the root's `lessons` project (test fixtures use this). */
  config?: string;
}

/** Runs the lessons through vitest, recording what each block printed and showed. */
export async function recordLessons(options: RecordOptions): Promise<void> {
  rmSync(options.dir, { recursive: true, force: true });
  const vitest = join(options.root, "node_modules/vitest/vitest.mjs");
  const args = options.config
    ? ["run", "--config", options.config, "--root", dirname(options.config)]
    : ["run", "--project", "lessons"];
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [vitest, ...args, "--reporter=dot"], {
      cwd: options.root,
      env: { ...process.env, GRADBOOK_RECORD: options.dir, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0) {
    throw new Error(
      `the lessons did not pass, so the site was not built:\n${Buffer.concat(output).toString("utf8")}`,
    );
  }
}
