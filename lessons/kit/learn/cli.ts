import { fileURLToPath } from "node:url";
import { UsageError } from "./format.ts";

// `pnpm learn …`: exercise mode. Each command lives in its own module, loaded only when it runs
// (vitest and TypeScript take a second to load; `pnpm learn` alone should answer at once). This
// file reads the command line and maps errors to exit codes: 2 for a bad command line (with the
// usage), 1 for a failure the command explains.

/** The repository root (the course `pnpm learn` works on unless GRADBOOK_ROOT names another). */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export const USAGE = `usage: pnpm learn [command]

  pnpm learn                        the lessons in order, with your progress
  pnpm learn start NN [--force]     blank lesson NN's exercises for you to write
                                    (--force: even regions you edited; they are backed up first)
  pnpm learn check [NN]             run the package's tests: which exercises pass, and where one fails
                                    (then the lesson itself, once all pass)
  pnpm learn watch [NN]             check again on every save (Ctrl-C stops)
  pnpm learn hint [NN [NAME]]       the next hint step for an exercise (the next exercise by default)
  pnpm learn solution NN [NAME]     put the reference code back (your code is backed up)
  pnpm learn reset [NN [NAME]]      blank exercises again; with no NN, restore all and forget progress
  pnpm learn verify [NN|PKG...]     maintainers: each exercise is caught by a test (CI runs it;
                                    --all lists every catching test)
  pnpm learn help                   this text

Exercises: a type-along is code the lesson shows (folded away on the page); a problem is one the
page does not answer: a derivation, a variant, a number to predict. Hints come one step at a time.

Git: start marks each file with a blank "skip-worktree" (git update-index --skip-worktree), so
git diff, git status and your editor's change gutter do not show the reference code the blank
replaced; git does not see your edits in those files either. The mark goes when the lesson is done
(check), or when the file holds the reference code again (solution, reset). To see or commit your
work before then: git update-index --no-skip-worktree FILE. Without git, nothing is marked.
Your progress and the reference code live in .gradbook/ (git-ignored).`;

/** The flags each command accepts, and how many positional arguments (at least, at most). */
const COMMANDS: Record<string, { flags: string[]; args: [number, number] }> = {
  list: { flags: [], args: [0, 0] },
  help: { flags: [], args: [0, 0] },
  start: { flags: ["--force"], args: [1, 1] },
  check: { flags: [], args: [0, 1] },
  watch: { flags: [], args: [0, 1] },
  hint: { flags: [], args: [0, 2] },
  solution: { flags: [], args: [1, 2] },
  reset: { flags: [], args: [0, 2] },
  verify: { flags: ["--all"], args: [0, Infinity] },
};

/**
 * Runs a command line (without `node cli.ts`) in the course at `root`; resolves with the exit
 * code. `stop` ends `watch` (the CLI stops it with Ctrl-C instead).
 */
export async function main(argv: string[], root: string, stop?: AbortSignal): Promise<number> {
  try {
    const [first = "list", ...rest] = argv;
    const command = first === "--help" || first === "-h" ? "help" : first;
    const spec = COMMANDS[command];
    if (!spec)
      throw new UsageError(
        command.startsWith("-")
          ? `unknown option ${command}`
          : `unknown command ${JSON.stringify(command)}`,
      );
    const flags = new Set(rest.filter((a) => a.startsWith("-")));
    const args = rest.filter((a) => !a.startsWith("-"));
    for (const flag of flags)
      if (!spec.flags.includes(flag)) throw new UsageError(`${command} takes no option ${flag}`);
    const [min, max] = spec.args;
    if (args.length < min || args.length > max)
      throw new UsageError(
        `${command} takes ${min === max ? min : max === Infinity ? `${min} or more` : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, got ${args.length}`,
      );
    const [a, b] = args;
    switch (command) {
      case "help":
        console.log(USAGE);
        return 0;
      case "start":
        return (await import("./start.ts")).start(root, a!, flags.has("--force"));
      case "check":
        return await (await import("./check.ts")).check(root, a);
      case "watch":
        return await (await import("./watch.ts")).watch(root, a, stop);
      case "hint":
        return (await import("./hint.ts")).hint(root, a, b);
      case "solution":
        return (await import("./solution.ts")).solution(root, a!, b);
      case "reset":
        return (await import("./solution.ts")).reset(root, a, b);
      case "verify":
        return await (await import("./verify.ts")).verify(root, args, flags.has("--all"));
      default:
        return (await import("./list.ts")).list(root);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`pnpm learn: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`pnpm learn: ${(error as Error).message}`);
    return 1;
  }
}

// GRADBOOK_ROOT points the CLI at another course (the kit's tests use a fixture course).
if (import.meta.url === `file://${process.argv[1]}`) {
  // A reader that stops early (`pnpm learn | head`) closes the pipe: end quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
  process.exitCode = await main(process.argv.slice(2), process.env.GRADBOOK_ROOT ?? ROOT);
}
