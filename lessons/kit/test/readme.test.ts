import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { courseLessons } from "../course.ts";
import { parseLesson } from "../parse.ts";
import { ROOT } from "../plugin.ts";

describe("README", () => {
  it("lists every lesson of the course, in order, with its title", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = /<!-- lessons[^>]*-->\n([\s\S]*?)<!-- \/lessons -->/.exec(readme)?.[1] ?? "";
    const expected = courseLessons().map((path) => {
      const lesson = parseLesson(`lessons/${basename(path)}`, readFileSync(path, "utf8"));
      return `- [${String(lesson.number).padStart(2, "0")} ${lesson.title}](${lesson.file})`;
    });
    expect(section.trimEnd().split("\n")).toEqual(expected);
  });
});

describe("README's numbers", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");

  it("counts the assignment's network right: 2 → 5 → 4 → 1 has 44 parameters", async () => {
    const { MLP } = await import("@gradbook/neuron");
    expect(readme).toContain("(2 → 5 → 4 → 1, 44 parameters)");
    expect(
      new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" }).parameters(),
    ).toHaveLength(44);
  });

  it("names the port the site is served on by default", () => {
    const port = /process\.env\.PORT \?\? (\d+)/.exec(
      readFileSync(join(ROOT, "site/src/serve.ts"), "utf8"),
    )?.[1];
    expect(readme).toContain(`http://127.0.0.1:${port}`);
  });

  it("gives commands CI runs as written: the test command is .ci/run's", () => {
    const commands = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const test = /^(.*?)\s+# run every test/m.exec(commands)?.[1];
    expect(test).toMatch(/pnpm@[\d.]+ install && .*pnpm@[\d.]+ test$/);
    expect(readFileSync(join(ROOT, ".ci/run"), "utf8").split("\n")).toContain(test);
  });

  it("names the pnpm version pinned in package.json", () => {
    const pinned = /pnpm@([\d.]+)/.exec(readFileSync(join(ROOT, "package.json"), "utf8"))?.[1];
    expect(readme).toContain(`npx -y pnpm@${pinned}`);
  });
});
