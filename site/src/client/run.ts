import type { Editor } from "./editor.ts";
import { loadEdits, saveEdit } from "./edits.ts";
import type { LessonData } from "./lesson.ts";
import { clearResults, markRunning, settleResults, showProgress, showResult } from "./results.ts";
import { startRun, type BlockState, type Run } from "./session.ts";
import { addBlockTools, button, type BlockTools } from "./tools.ts";

// The lesson's runner: the Run button for the whole lesson and, on every runnable block, Edit
// (a CodeMirror editor, loaded on the first click), Run (the blocks up to this one, earlier ones
// as edited) and Reset. Edits are kept per lesson until reset (edits.ts). One run at a time.

/** Wires a lesson's `.runner` element and its runnable blocks. */
export function setupRunner(runner: HTMLElement): void {
  const href = runner.dataset.lesson!; // run/NN-slug.json: also the key the edits are stored by
  const workerUrl = new URL(runner.dataset.worker!, location.href);
  let lesson: Promise<LessonData> | undefined;
  const data = () => (lesson ??= fetch(new URL(href, location.href)).then((r) => r.json() as Promise<LessonData>));
  const codes = [...document.querySelectorAll<HTMLElement>(".code[data-line]")];
  const editors = new Map<number, Editor>();
  let active: Run | undefined;
  let busy = false;

  const lessonButton = button("run-button", "Run this lesson in your browser");
  const lessonStatus = document.createElement("span");
  lessonStatus.className = "run-status";
  lessonStatus.setAttribute("role", "status");
  runner.append(lessonButton, lessonStatus);

  const tools: BlockTools[] = codes.map((code, i) => addBlockTools(code, i + 1));
  const runButtons = () => [lessonButton, ...tools.map((t) => t.run)];

  /** Runs blocks 1..upTo+1 (all of them without `upTo`), reporting in `status`. */
  async function run(upTo: number | undefined, from: HTMLButtonElement, status: HTMLElement): Promise<void> {
    if (busy) return;
    // Busy from the click on, before the lesson's code has loaded: one run at a time.
    busy = true;
    runButtons().forEach((b) => (b.disabled = true));
    let original: LessonData;
    try {
      original = await data();
    } catch (error) {
      lesson = undefined;
      busy = false;
      runButtons().forEach((b) => (b.disabled = false));
      status.textContent = `Could not load the lesson's code: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    const last = upTo ?? original.blocks.length - 1;
    const stored = loadEdits(href);
    const blocks = original.blocks.slice(0, last + 1).map((block, i) => ({ ...block, code: editors.get(i)?.code() ?? stored.get(block.line) ?? block.code }));
    clearResults(blocks);
    editors.forEach((editor) => editor.markError(undefined));
    const stop = button("stop-button", "Stop", "the run");
    from.after(stop);
    stop.addEventListener("click", () => active?.stop());
    markRunning(blocks[0]);
    status.textContent = lessonStatus.textContent = "Running…";
    // Read per run: a test may set its own.
    const limits = { quietMs: Number(runner.dataset.timeLimit ?? 30_000), totalMs: Number(runner.dataset.runLimit ?? 600_000) };
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
        stop.remove();
        runButtons().forEach((b) => (b.disabled = false));
        // "Run again" only where it runs what just ran: the whole lesson.
        if (from === lessonButton) lessonButton.firstChild!.textContent = "Run again";
        for (const t of tools) t.status.textContent = "";
        status.textContent = lessonStatus.textContent = message;
        if (from.isConnected && !from.hidden) from.focus();
      },
    });
  }

  async function openEditor(index: number, focus: boolean): Promise<void> {
    if (editors.has(index)) return;
    const [{ createEditor }, original] = await Promise.all([import("./editor.ts"), data()]);
    const block = original.blocks[index]!;
    const shown = codes[index]!.querySelector<HTMLElement>("pre")!;
    const holder = document.createElement("div");
    holder.className = "block-editor";
    shown.after(holder);
    shown.hidden = true;
    const editor = createEditor(holder, loadEdits(href).get(block.line) ?? block.code, {
      label: `Code of block ${index + 1}`,
      onChange: (code) => saveEdit(href, block.line, code === block.code ? undefined : code),
      onRun: () => void run(index, tools[index]!.run, tools[index]!.status),
    });
    editors.set(index, editor);
    tools[index]!.editing(true);
    if (focus) editor.focus();
  }

  function reset(index: number): void {
    const code = codes[index]!;
    editors.get(index)?.destroy();
    editors.delete(index);
    code.querySelector(".block-editor")?.remove();
    code.querySelector<HTMLElement>("pre")!.hidden = false;
    saveEdit(href, Number(code.dataset.line), undefined);
    tools[index]!.editing(false);
    tools[index]!.status.textContent = "Reset to the lesson's code.";
    tools[index]!.edit.focus();
  }

  lessonButton.addEventListener("click", () => void run(undefined, lessonButton, lessonStatus));
  tools.forEach((t, i) => {
    t.edit.addEventListener("click", () => void openEditor(i, true));
    t.run.addEventListener("click", () => void run(i, t.run, t.status));
    t.reset.addEventListener("click", () => reset(i));
  });
  // Blocks edited before (this page, an earlier visit) open as the reader left them.
  const edited = new Set(loadEdits(href).keys());
  codes.forEach((code, i) => edited.has(Number(code.dataset.line)) && void openEditor(i, false));
}
