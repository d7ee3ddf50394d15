import { existsSync, watch as watchFiles, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { checkable, checkWith, openLessonRunner } from "./check.ts";
import { openSession } from "./session.ts";

/** How long to wait after a change for more (an editor's save can touch a file several times). */
const SETTLE_MS = 150;

/**
 * `pnpm learn watch [NN]`: checks lesson NN (the current one by default) now and again after
 * every save to its package or its lesson, with one warm vitest, until interrupted (Ctrl-C) or
 * `stop` aborts. Resolves with the exit code once stopped: 0, also when there is nothing to watch
 * (it says why).
 */
export async function watch(
  root: string,
  nn: string | undefined,
  stop?: AbortSignal,
): Promise<number> {
  const session = openSession(root);
  const lesson = checkable(session, nn);
  if (!lesson) return 0;
  const runner = await openLessonRunner(root, lesson);
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const recheck = () => {
    running = running.then(async () => {
      for (const file of changed) runner.invalidate(file);
      changed.clear();
      console.log(`\n—— ${new Date().toLocaleTimeString()} ——————————————————————————————`);
      // Re-read the course and the state: lines move as the learner writes, and another command may have run.
      const fresh = openSession(root);
      await checkWith(fresh, fresh.course.find((l) => l.nn === lesson.nn) ?? lesson, runner, true);
      console.log("Watching for changes (Ctrl-C to stop)…");
    });
  };
  const onChange = (dir: string) => (_event: string, name: string | Buffer | null) => {
    if (!name || !/\.(ts|md)$/.test(String(name))) return;
    changed.add(join(dir, String(name)));
    clearTimeout(timer);
    timer = setTimeout(recheck, SETTLE_MS);
  };

  // The package's sources and tests (not its node_modules), and the lessons folder: editors often
  // save by replacing a file, which a watch on the file itself would lose track of.
  const pkg = join(root, "packages", lesson.pkg!);
  const dirs = [join(pkg, "src"), join(pkg, "test")].filter(existsSync);
  const watchers: FSWatcher[] = [
    ...dirs.map((dir) => watchFiles(dir, { recursive: true }, onChange(dir))),
    watchFiles(join(root, "lessons"), onChange(join(root, "lessons"))),
  ];
  recheck();

  await new Promise<void>((resolve) => {
    if (stop)
      return stop.aborted
        ? resolve()
        : stop.addEventListener("abort", () => resolve(), { once: true });
    // vitest's own handler runs first and exits a moment later with a signal's code: being
    // stopped is how watch ends, so say it ended well.
    const interrupted = () => ((process.exitCode = 0), resolve());
    process.once("SIGINT", interrupted);
    process.once("SIGTERM", interrupted);
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
  await runner.close();
  return 0;
}
