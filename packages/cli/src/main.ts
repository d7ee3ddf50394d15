#!/usr/bin/env tsx
// The gradbook command line: `pnpm xor` runs `gradbook xor`, the assignment; `pnpm digits` runs `gradbook digits`.
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseXorArgs, USAGE } from "./args.ts";
import { DIGITS_USAGE, parseDigitsArgs } from "./digits-args.ts";
import { UsageError } from "./flags.ts";
import type { Out } from "./progress.ts";
import { runDigits } from "./digits.ts";
import { runXor, trainers } from "./xor.ts";

/**
 * Runs the command line `argv` (without `node` and the script), writing to `out` and `err`; returns
 * the exit code.
 */
export function main(argv: string[], out: Out, err: Out): number {
  const [command = "xor", ...rest] = argv[0]?.startsWith("-") ? ["xor", ...argv] : argv;
  const usage = command === "digits" ? DIGITS_USAGE : USAGE;
  try {
    if (command === "digits") {
      const args = parseDigitsArgs(rest);
      return args === "help" ? (out.write(DIGITS_USAGE), 0) : runDigits(args, out);
    }
    if (command !== "xor")
      throw new UsageError(`unknown command "${command}": expected xor or digits`);
    const args = parseXorArgs(rest);
    if (args === "help") return (void out.write(USAGE), 0);
    return runXor(args, out, trainers[args.engine]);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`gradbook: ${error.message}\n\n${usage}`);
      return 2;
    }
    err.write(`gradbook ${command}: ${(error as Error).message}\n`);
    return 1;
  }
}

/** Runs `main` on this process's arguments and streams, when `url` (the caller's `import.meta.url`) is the script started. */
function runAsScript(url: string): void {
  if (!process.argv[1] || url !== pathToFileURL(realpathSync(process.argv[1])).href) return; // imported, by a test
  // A reader that stops early (`pnpm xor | head`) closes the pipe: end quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
  process.exitCode = main(process.argv.slice(2), process.stdout, process.stderr);
}

runAsScript(import.meta.url);
