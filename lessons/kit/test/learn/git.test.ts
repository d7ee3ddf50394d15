import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hiddenFromGit } from "../../learn/git.ts";
import { copyFixture, learnHere, write } from "./fixture.ts";

// After `pnpm learn start`, git must not show the reference code the blanks removed: not in
// `git diff`, not in `git status` (an editor's change gutter asks git the same). A copy of the
// fixture course, made a repository with one commit, is what a learner's clone looks like.

const POWERS = "packages/autograd/src/powers.ts";
const SCALE = "packages/autograd/src/scale.ts";
const FILES = [POWERS, SCALE];

function git(root: string, ...args: string[]): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "t",
    GIT_AUTHOR_EMAIL: "t@t",
    GIT_COMMITTER_NAME: "t",
    GIT_COMMITTER_EMAIL: "t@t",
  };
  return execFileSync("git", args, { cwd: root, encoding: "utf8", env });
}

describe("blanks out of git's sight", () => {
  let root: string;
  beforeAll(() => {
    root = copyFixture();
    writeFileSync(join(root, ".gitignore"), "node_modules\n.gradbook/\n");
    git(root, "init", "-q");
    git(root, "add", "-A");
    git(root, "commit", "-qm", "the course");
  });

  it("start blanks the files and marks them skip-worktree: git diff and git status show nothing", async () => {
    const { status, stdout } = await learnHere(root, "start", "01");
    expect(status).toBe(0);
    expect(stdout).toContain(
      "git does not see changes to 2 files with blanks until the lesson is done",
    );
    expect(git(root, "diff")).toBe("");
    expect(git(root, "status", "--porcelain", "--untracked-files=no")).toBe("");
    expect(hiddenFromGit(root, FILES).sort()).toEqual(FILES.slice().sort());
  });

  it("solution of one exercise keeps a file hidden while another of its exercises is blank", async () => {
    await learnHere(root, "solution", "01", "square");
    expect(hiddenFromGit(root, FILES).sort()).toEqual(FILES.slice().sort());
    expect(git(root, "diff")).toBe("");
  });

  it("once the lesson is done, git sees the learner's code again", async () => {
    write(root, SCALE, "double", "return x + x;");
    write(root, POWERS, "cube", "return square(x) * x;");
    const { status } = await learnHere(root, "check", "01");
    expect(status).toBe(0);
    expect(hiddenFromGit(root, FILES)).toEqual([]);
    const diff = git(root, "diff");
    expect(diff).toContain("+      return x + x;");
    expect(diff).toContain("+  return square(x) * x;");
  });

  it("reset restores the committed code and clears the marks", async () => {
    await learnHere(root, "start", "01", "--force");
    expect(hiddenFromGit(root, FILES)).toHaveLength(2);
    const { status } = await learnHere(root, "reset");
    expect(status).toBe(0);
    expect(hiddenFromGit(root, FILES)).toEqual([]);
    expect(git(root, "status", "--porcelain", "--untracked-files=no")).toBe("");
  });
});

describe("without a repository", () => {
  it("start blanks and says nothing of git", async () => {
    const root = copyFixture();
    try {
      const { status, stdout } = await learnHere(root, "start", "01");
      expect(status).toBe(0);
      expect(stdout).not.toContain("git");
      expect(hiddenFromGit(root, FILES)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
