import { courseLessons } from "./course.ts";
import { typecheckLessons } from "./typecheck.ts";

// `tsx lessons/kit/cli.ts typecheck`: the lessons' half of `pnpm typecheck`.

const [command] = process.argv.slice(2);
if (command === "typecheck") {
  const lessons = courseLessons();
  const problems = typecheckLessons(lessons);
  for (const p of problems) console.error(p.text);
  console.log(
    `${lessons.length} lessons type-checked: ${problems.length ? `${problems.length} problems` : "no problems"}`,
  );
  process.exitCode = problems.length ? 1 : 0;
} else {
  console.error("usage: tsx lessons/kit/cli.ts typecheck");
  process.exitCode = 2;
}
