import { execFileSync } from "node:child_process";

// Blanking an exercise deletes the reference code from a tracked file, and `git diff` (or an
// editor's change gutter, which asks git) would show it right back in red. So while a file holds
// an exercise that is blank or being written, exercise mode marks it skip-worktree: git then takes
// the file as unchanged, in `git diff`, `git status` and `git add -A` alike. The mark goes when the
// lesson is done, or when the file holds the reference code again (`solution`, `reset`). Without
// git, or outside a repository, or for a file git does not track, there is nothing to hide and
// nothing happens.

/** Marks files (paths from `root`) skip-worktree (`hidden`) or clears the mark; returns the files git accepted. */
export function hideFromGit(root: string, files: string[], hidden: boolean): string[] {
  if (!files.length) return [];
  const tracked = (git(root, ["ls-files", "--", ...files]) ?? "").split("\n").filter(Boolean);
  if (!tracked.length) return [];
  return git(root, [
    "update-index",
    hidden ? "--skip-worktree" : "--no-skip-worktree",
    "--",
    ...tracked,
  ]) === undefined
    ? []
    : tracked;
}

/** The files among `files` that git has marked skip-worktree. */
export function hiddenFromGit(root: string, files: string[]): string[] {
  if (!files.length) return [];
  const listed = git(root, ["ls-files", "-v", "--", ...files]);
  // `ls-files -v` tags a skip-worktree file with S (H for an ordinary tracked one).
  return (listed ?? "")
    .split("\n")
    .filter((line) => line.startsWith("S "))
    .map((line) => line.slice(2));
}

/** Runs git in `root`; its output, or undefined when git is missing or fails (not a repository, untracked file). */
function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}
