import type { Editor } from "./editor.ts";
import { loadEdits, saveEdit } from "./edits.ts";
import type { LessonData } from "./lesson.ts";
import type { BlockState, Run } from "./session.ts";
import type { TypeCheck } from "./type-check.ts";
import { liveRegion } from "./live.ts";
import { addBlockTools, button, type BlockTools } from "./tools.ts";

// The lesson's runner: the Run button for the whole lesson, Reset all edits, and, on every
// runnable block, Edit (a CodeMirror editor, loaded on the first click), Run (the blocks up to
// this one, earlier ones as edited) and Reset, each reset with an Undo. Edits are kept per lesson
// until reset (edits.ts), and can be shared as a link (share.ts). One run at a time. What a run
// needs (session.ts, results.ts) loads with the first run, and share.ts when it is used: every
// lesson page loads this file. Edited code is type-checked (type-check.ts) as the reader types,
// and at Run: TypeScript loads with the first edit or the first run of edited code.

/** Wires a lesson's `.runner` element and its runnable blocks. */
export function setupRunner(runner: HTMLElement): void {
  const href = runner.dataset.lesson!; // run/NN-slug.json: also the key the edits are stored by
  const workerUrl = new URL(runner.dataset.worker!, location.href);
  let lesson: Promise<LessonData> | undefined;
  const data = () =>
    (lesson ??= fetch(new URL(href, location.href)).then((r) => r.json() as Promise<LessonData>));
  const codes = [...document.querySelectorAll<HTMLElement>(".code[data-line]")];
  const editors = new Map<number, Editor>();
  /** The lesson's blocks as the reader has them: each edited one with its edit. */
  const current = (original: LessonData) => {
    const stored = loadEdits(href);
    return original.blocks.map((block, i) => ({
      ...block,
      code: editors.get(i)?.code() ?? stored.get(block.line) ?? block.code,
    }));
  };
  let active: Run | undefined;
  let busy = false;

  const lessonButton = button("run-button", "Run this lesson in your browser");
  const resetAll = button("reset-all", "Reset all edits");
  const share = button("share-edits", "Share edits", "as a link");
  const lessonStatus = document.createElement("span");
  lessonStatus.className = "run-status";
  runner.append(lessonButton, resetAll, share, lessonStatus);
  // The statuses are shown, not read out: a screen reader hears each message once, from here
  // (a block's Run puts the same message in its status and the lesson's).
  const announce = liveRegion(runner, "run-announcer");
  // Type errors have a region of their own: a check's result may come as a run ends.
  const announceTypes = liveRegion(runner, "type-announcer");
  /** Shows `text` in `status` and says it (or `spoken`, which may tell more). */
  const say = (status: HTMLElement, text: string, spoken = text) => {
    status.textContent = text;
    announce(spoken);
  };
  const showResetAll = () =>
    (resetAll.hidden = share.hidden = loadEdits(href).size === 0 && editors.size === 0);

  const tools: BlockTools[] = codes.map((code, i) => addBlockTools(code, i + 1));
  const runButtons = () => [lessonButton, ...tools.map((t) => t.run)];

  /** Runs blocks 1..upTo+1 (all of them without `upTo`), reporting in `status`. */
  async function run(
    upTo: number | undefined,
    from: HTMLButtonElement,
    status: HTMLElement,
    how = "",
  ): Promise<void> {
    if (busy) return;
    dropUndo();
    // Busy from the click on, before the lesson's code has loaded: one run at a time.
    busy = true;
    runButtons().forEach((b) => (b.disabled = true));
    let original: LessonData;
    let startRun: typeof import("./session.ts").startRun;
    let results: typeof import("./results.ts");
    try {
      [original, { startRun }, results] = await Promise.all([
        data(),
        import("./session.ts"),
        import("./results.ts"),
      ]);
    } catch (error) {
      lesson = undefined;
      busy = false;
      runButtons().forEach((b) => (b.disabled = false));
      say(
        status,
        `Could not load the lesson's code: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const last = upTo ?? original.blocks.length - 1;
    const blocks = current(original).slice(0, last + 1);
    void checkTypes(); // reported, as tsc would; the run goes ahead
    const { clearResults, markRunning, settleResults, showProgress, showResult } = results;
    clearResults(blocks);
    editors.forEach((editor) => editor.markError(undefined));
    const stop = button("stop-button", "Stop", "the run");
    from.after(stop);
    stop.addEventListener("click", () => active?.stop());
    markRunning(blocks[0]);
    say(status, `Running${how}…`);
    lessonStatus.textContent = status.textContent;
    from.classList.add("pressed");
    // Read per run: a test may set its own.
    const limits = {
      quietMs: Number(runner.dataset.timeLimit ?? 30_000),
      totalMs: Number(runner.dataset.runLimit ?? 600_000),
    };
    const states: BlockState[] = [];
    active = startRun(workerUrl, { lesson: { ...original, blocks }, upTo: last }, limits, {
      block(state) {
        states[state.index] = state;
        showResult(blocks[state.index]!, state);
        if (state.error && state.at) editors.get(state.at.block)?.markError(state.at.line);
        if (state.done && !state.error) markRunning(blocks[state.index + 1]);
      },
      progress: (index, done, total) => showProgress(blocks[index]!, done, total),
      end(_ok, message) {
        active = undefined;
        busy = false;
        markRunning(undefined);
        settleResults(blocks, states);
        from.classList.remove("pressed");
        stop.remove();
        runButtons().forEach((b) => (b.disabled = false));
        // "Run again" only where it runs what just ran: the whole lesson.
        if (from === lessonButton) lessonButton.firstChild!.textContent = "Run again";
        for (const t of tools) t.status.textContent = "";
        say(status, message, spokenEnd(message, states));
        lessonStatus.textContent = message;
        if (from.isConnected && !from.hidden) from.focus();
      },
    });
  }

  // One editor a block, however often Edit is asked for while CodeMirror loads.
  const opening = new Map<number, Promise<void>>();
  function openEditor(index: number, focus: boolean): Promise<void> {
    if (editors.has(index)) return Promise.resolve();
    const pending =
      opening.get(index) ?? createBlockEditor(index, focus).finally(() => opening.delete(index));
    opening.set(index, pending);
    return pending;
  }

  async function createBlockEditor(index: number, focus: boolean): Promise<void> {
    const [{ createEditor }, original] = await Promise.all([import("./editor.ts"), data()]);
    const block = original.blocks[index]!;
    const shown = codes[index]!.querySelector<HTMLElement>("pre")!;
    const holder = document.createElement("div");
    holder.className = "block-editor";
    shown.after(holder);
    shown.hidden = true;
    const editor = createEditor(holder, loadEdits(href).get(block.line) ?? block.code, {
      label: `Code of block ${index + 1}`,
      onChange: (code) => {
        saveEdit(href, block.line, code === block.code ? undefined : code);
        checkSoon();
      },
      onRun: () => void run(index, tools[index]!.run, tools[index]!.status, " (Ctrl+Enter)"),
      onEscape: () => tools[index]!.run.focus(),
    });
    editors.set(index, editor);
    const known = typeCheck?.problemsOf(index);
    if (known?.length) editor.setTypeErrors(known);
    tools[index]!.editing(true);
    showResetAll();
    if (focus) editor.focus();
  }

  /** Closes block `index`'s editor and forgets its edit; returns the code it had. */
  function reset(index: number): string | undefined {
    const code = codes[index]!;
    const line = Number(code.dataset.line);
    const had = editors.get(index)?.code() ?? loadEdits(href).get(line);
    editors.get(index)?.destroy();
    editors.delete(index);
    code.querySelector(".block-editor")?.remove();
    code.querySelector<HTMLElement>("pre")!.hidden = false;
    saveEdit(href, line, undefined);
    tools[index]!.editing(false);
    showResetAll();
    checkSoon();
    return had;
  }

  // The last reset can be undone until the next run: the code it threw away, by block.
  let undo: HTMLButtonElement | undefined;
  const dropUndo = () => (undo?.remove(), (undo = undefined));
  function offerUndo(
    after: HTMLElement,
    status: HTMLElement,
    message: string,
    kept: Map<number, string>,
  ): void {
    dropUndo();
    say(status, message);
    if (!kept.size) return;
    undo = button("undo-reset", "Undo", "the reset");
    after.after(undo);
    undo.addEventListener("click", async () => {
      dropUndo();
      for (const [index, code] of kept) {
        saveEdit(href, Number(codes[index]!.dataset.line), code);
        await openEditor(index, false);
      }
      checkSoon();
      say(
        status,
        kept.size === 1 ? "Your edit is back." : `Your edits to ${kept.size} blocks are back.`,
      );
      editors.get([...kept.keys()][0]!)?.focus();
    });
  }

  // The type check: started by the first edit (or run of edited code), never on page load.
  let typeCheck: TypeCheck | undefined;
  let loadingTypeCheck: Promise<TypeCheck> | undefined;
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Type-checks the lesson's blocks as edited; with no edit left, clears what was shown. */
  async function checkTypes(): Promise<void> {
    clearTimeout(checkTimer);
    const original = await data();
    const blocks = current(original);
    if (blocks.every((block, i) => block.code === original.blocks[i]!.code)) {
      typeCheck?.clear();
      return;
    }
    loadingTypeCheck ??= import("./type-check.ts").then(({ createTypeCheck }) =>
      createTypeCheck({
        // Beside the run's worker (assets/js/).
        workerUrl: new URL("type-check.js", workerUrl),
        codes,
        editorOf: (index) => editors.get(index),
        failed: (message) => say(lessonStatus, message),
        announce: announceTypes,
        // Read per check, as the run's limits are: a test may set its own.
        limitMs: () => Number(runner.dataset.typeCheckLimit ?? 60_000),
      }),
    );
    typeCheck = await loadingTypeCheck;
    typeCheck.check({
      file: original.file,
      package: original.package,
      blocks: blocks.map(({ kind, code }) => ({ kind, code })),
    });
  }
  /** Type-checks once the reader pauses typing. */
  const checkSoon = () => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => void checkTypes(), 400);
  };

  lessonButton.addEventListener("click", () => void run(undefined, lessonButton, lessonStatus));
  share.addEventListener("click", async () => {
    const { shareLink } = await import("./share.ts");
    const link = shareLink(loadEdits(href));
    history.replaceState(null, "", link);
    say(
      lessonStatus,
      "The address bar holds a link to your edits. They are in its # part, which browsers never send to a server.",
    );
    navigator.clipboard?.writeText(link).then(
      () =>
        say(
          lessonStatus,
          "Copied a link to your edits. They are in its # part, which browsers never send to a server.",
        ),
      () => undefined,
    );
  });
  resetAll.addEventListener("click", () => {
    const edited = codes
      .map((_, i) => i)
      .filter((i) => editors.has(i) || loadEdits(href).has(Number(codes[i]!.dataset.line)));
    if (
      !edited.length ||
      !confirm(
        `Reset ${edited.length === 1 ? "the edited block" : `all ${edited.length} edited blocks`} to the lesson's code?`,
      )
    )
      return;
    const kept = new Map<number, string>();
    for (const i of edited) {
      const had = reset(i);
      if (had !== undefined) kept.set(i, had);
    }
    offerUndo(resetAll, lessonStatus, "Every block is back to the lesson's code.", kept);
    lessonButton.focus();
  });
  tools.forEach((t, i) => {
    t.edit.addEventListener("click", () => void openEditor(i, true));
    t.run.addEventListener("click", () => void run(i, t.run, t.status));
    t.reset.addEventListener("click", () => {
      const had = reset(i);
      offerUndo(
        t.edit,
        t.status,
        "Reset to the lesson's code.",
        new Map(had === undefined ? [] : [[i, had]]),
      );
      t.edit.focus();
    });
  });
  showResetAll();
  // Blocks edited before (this page, an earlier visit) open as the reader left them.
  const edited = new Set(loadEdits(href).keys());
  codes.forEach((code, i) => edited.has(Number(code.dataset.line)) && void openEditor(i, false));
  void showShared();

  /** Edits from a shared link: each shown read-only, as a diff, until the reader takes it with Edit. */
  async function showShared(): Promise<void> {
    if (!location.hash.startsWith("#edits=")) return;
    const { sharedEdits, sharedView } = await import("./share.ts");
    const lines = codes.map((code) => Number(code.dataset.line));
    const shared = sharedEdits(location.hash, lines);
    if (shared === undefined) return;
    if (typeof shared === "string")
      return void say(lessonStatus, `This link's edits are not shown: ${shared}.`);
    const { blocks } = await data();
    for (const [line, code] of shared) {
      const index = lines.indexOf(line);
      if (code === (editors.get(index)?.code() ?? loadEdits(href).get(line) ?? blocks[index]!.code))
        continue; // already what the reader has
      const view = sharedView(blocks[index]!.code, code);
      const take = button("take-shared", "Edit with the link's code", `in block ${index + 1}`);
      view.append(take);
      codes[index]!.querySelector(".block-editor, pre")!.after(view);
      const use = async () => {
        view.remove();
        if (editors.has(index)) reset(index);
        saveEdit(href, line, code);
        await openEditor(index, true);
        checkSoon();
      };
      take.addEventListener("click", () => void use());
      tools[index]!.edit.addEventListener("click", () => view.isConnected && void use(), {
        capture: true,
        once: true,
      });
    }
    say(
      lessonStatus,
      `The link you opened changes ${shared.size === 1 ? "a block" : `${shared.size} blocks`}: each is shown as a diff, and runs only if you press Edit.`,
    );
  }
}

/** What a screen reader hears when a run ends: its message, and the error that stopped it. */
function spokenEnd(message: string, states: readonly BlockState[]): string {
  const failed = states.find((state) => state?.error !== undefined);
  if (!failed) return message;
  const where = failed.at ? `Line ${failed.at.line} of block ${failed.at.block + 1}: ` : "";
  const error = failed.error!.split("\n")[0]!;
  return `${message} ${where}${error.length > 300 ? `${error.slice(0, 300)}…` : error}`;
}
