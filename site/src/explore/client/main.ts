// The XOR explorer's page script (explore.html only): reads the settings from the URL with
// `pnpm xor`'s rules, keeps the form, the URL and the command in step, and draws what the worker
// (worker.ts) reports. The page only draws; training never runs on its thread.

import {
  flagText,
  isRegression,
  quoted,
  XOR_ACTIVATIONS,
  XOR_DATA,
  XOR_LOSSES,
  XOR_OUTPUTS,
  type XorArgs,
  xorCommand,
  type XorFlag,
  xorRun,
} from "@gradbook/cli";
import { type Dataset, type Feature, FEATURE_NAMES, FEATURES } from "@gradbook/train";
import { Overlay } from "./draw/boundary.ts";
import { colourOf, GRADIENT, paint, paintShades } from "./draw/colour.ts";
import { drawCurve } from "./draw/curve.ts";
import { columnAt, Diagram, type DiagramTarget } from "./draw/diagram.ts";
import { paramPlaces } from "./draw/places.ts";
import { setText } from "./draw/svg.ts";
import { drawOutputs, ParamTable } from "./draw/tables.ts";
import { planeOfPoints } from "./plane.ts";
import { type Command, GRID, type Pace, type Snapshot } from "./protocol.ts";
import { Clock, timeLeft } from "./clock.ts";
import { queryOf, readForm, readQuery, URL_FLAGS, type View } from "./url.ts";
import { PAGE_LIMITS } from "../controls.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>("controls");
const article = document.querySelector<HTMLElement>("article.explore")!;
const field = (flag: XorFlag) =>
  form.elements.namedItem(flag) as HTMLInputElement | HTMLSelectElement;

// The lists' choices come from the CLI's table.
const choices: Partial<Record<XorFlag, readonly string[]>> = {
  data: XOR_DATA,
  activation: XOR_ACTIVATIONS,
  "output-activation": XOR_OUTPUTS,
  loss: XOR_LOSSES,
};
for (const [flag, names] of Object.entries(choices)) {
  field(flag as XorFlag).replaceChildren(...names!.map((name) => new Option(name, name)));
}

const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
const send = (command: Command) => worker.postMessage(command);
// A worker that fails to load or throws says so where the run's errors show.
worker.addEventListener(
  "error",
  (event) =>
    ($("run-error").textContent =
      `The training worker failed: ${event.message || "it could not load"}`),
);

/** The parameter whose value the reader is editing, and what had the focus before (it gets it back). */
let editing: { param: number; opener: Element | null } | undefined;

/** How the run is shown (discretized, test points): the checkboxes', kept in the URL with the flags. */
let view: View;
const writeUrl = (args: XorArgs) =>
  history.replaceState(null, "", `${location.pathname}${queryOf(args, view)}`);

/** The run on screen: its settings, and what has been drawn of it. */
let run:
  | {
      id: number;
      args: XorArgs;
      data: Dataset;
      means: number[];
      testMeans: number[];
      diagram: Diagram;
      params: ParamTable;
      overlay: Overlay;
      names: string[];
      playing: boolean;
      done: boolean;
      /** Whether the reader edited a weight: the run is then theirs, and a change of lr or momentum trains on from it. */
      edited: boolean;
      error: string;
      pace: Pace;
      clock: Clock;
      /** The snapshot on screen, and what the pointer is over in the diagram. */
      last?: Snapshot;
      pointed?: DiagramTarget;
    }
  | undefined;

/** Shows the settings in the form (but a refused field's text), the URL and the command, and starts over with them. */
function apply(args: XorArgs, refused: Partial<Record<XorFlag, string>> = {}): void {
  for (const flag of URL_FLAGS) {
    const message = refused[flag] ?? "";
    if (!message) field(flag).value = flagText(args, flag);
    field(flag).toggleAttribute("aria-invalid", message !== "");
    if (message) field(flag).setAttribute("aria-invalid", "true");
    show($(`c-${flag}-error`), message);
  }
  writeUrl(args);
  $("command").textContent = xorCommand(args);
  const places = paramPlaces([args.features.length, ...args.hidden, 1]);
  const { points, threshold } = xorRun(args); // the worker's points, drawn here: the same seeded draw
  const plane = planeOfPoints(points);
  const diagram = new Diagram(
    $<HTMLElement>("diagram") as unknown as SVGSVGElement,
    $("diagram-box"),
    { features: args.features, hidden: args.hidden, plane, grid: GRID, hover: point, edit, toggle },
  );
  const regression = isRegression(args.data);
  drawLegend(args.loss === "bce-with-logits", regression);
  const params = new ParamTable($("params"), places, (k) => diagram.highlight(k), edit);
  const overlay = new Overlay(
    $<HTMLElement>("plane") as unknown as SVGSVGElement,
    plane,
    points.train,
    points.test,
    threshold,
    regression ? (t) => `rgb(${colourOf((t + 1) / 2)})` : undefined,
  );
  overlay.showTest(view["show-test"]);
  $("show-test").parentElement!.hidden = points.test.x.length === 0;
  const names = places.map((p) => p.name);
  run = {
    id: (run?.id ?? 0) + 1,
    args,
    data: points.train,
    means: [],
    testMeans: [],
    diagram,
    params,
    overlay,
    names,
    playing: false,
    done: false,
    edited: false,
    error: "",
    pace: 0,
    clock: new Clock(),
  };
  drawSizes(args.hidden);
  article.dataset.done = "false"; // a new run: the old one's end is no longer on screen
  closeEdit();
  pending = undefined;
  $("log").textContent = "";
  $("run-status").textContent = "";
  send({ type: "reset", args, run: run.id });
}

function show(element: HTMLElement, message: string): void {
  element.textContent = message; // text, never markup: it may quote the URL
  element.hidden = message === "";
}

// From the URL at first; from the form on each change: a refused field is marked and keeps the
// run's value, and never holds back a change to another field.
const initial = readQuery(location.search);
setView(initial.view);
apply(initial.args);
show($("url-error"), initial.problems.join(" "));

form.addEventListener("change", (event) => {
  if (!run) return;
  const texts = Object.fromEntries(URL_FLAGS.map((flag) => [flag, field(flag).value.trim()]));
  const changed = (event.target as HTMLInputElement | null)?.name as XorFlag | undefined;
  // TF Playground's regressions train on the squared error: a switch to one from classes takes it.
  const toMse =
    changed === "data" &&
    isRegression(texts.data as XorArgs["data"]) &&
    !isRegression(run.args.data) &&
    texts.loss !== "mse";
  if (toMse) texts.loss = "mse";
  const { args, refused } = readForm(texts, run.args, changed);
  show($("url-error"), "");
  // Nothing new (a field left as it was applied) leaves the run, and the diagram under the
  // pointer, alone.
  const same = URL_FLAGS.every((flag) => flagText(run!.args, flag) === flagText(args, flag));
  if ((started() || same) && onlyTuned(run.args, args)) return tune(args, refused);
  apply(args, refused);
  if (toMse && args.loss === "mse")
    $("run-status").textContent =
      "Loss now mse: a regression's targets are values in [−1, 1], scored by their squared error.";
});

/** The flags a run takes on the way, from the weights it has: the rest change what is trained, and start over. */
const TUNABLE: XorFlag[] = ["lr", "momentum", "epochs", "log-every"];
const onlyTuned = (a: XorArgs, b: XorArgs) =>
  URL_FLAGS.every((flag) => TUNABLE.includes(flag) || flagText(a, flag) === flagText(b, flag));
const started = () =>
  run !== undefined &&
  !run.error &&
  (run.edited || (run.last !== undefined && (run.last.epoch > 0 || run.last.step > 0)));

/** Opens the editor of parameter k's value (pausing the run, so the value stays put while it is typed). */
function edit(k: number): void {
  if (!run?.last || run.last.params.length === 0) return;
  if (run.playing) send({ type: "pause" });
  editing = { param: k, opener: document.activeElement };
  $("weight-name").textContent = run.names[k]!;
  const input = $<HTMLInputElement>("weight-value");
  input.value = String(run.last.params[k]);
  input.removeAttribute("aria-invalid");
  show($("weight-error"), "");
  $("weight-edit").hidden = false;
  input.focus();
  input.select();
}

function closeEdit(): void {
  $("weight-edit").hidden = true;
  const opener = editing?.opener;
  editing = undefined;
  if (opener instanceof HTMLElement || opener instanceof SVGElement) opener.focus();
}

// The edited value, checked: a finite number, or the field says what it expects and keeps it.
$("weight-edit").addEventListener("submit", (event) => {
  event.preventDefault();
  if (!run || !editing) return;
  const input = $<HTMLInputElement>("weight-value");
  const text = input.value.trim();
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) {
    input.setAttribute("aria-invalid", "true");
    show($("weight-error"), `Expected a finite number, like -0.5 or 2e-3, got ${quoted(text)}.`);
    return;
  }
  const name = run.names[editing.param]!;
  send({ type: "set", param: editing.param, value });
  run.edited = true;
  $("log").textContent += `— from here ${name} = ${value}, edited by hand —\n`;
  $("run-status").textContent =
    `${name} set to ${value}: training goes on from there. No flag of pnpm xor edits a weight mid-run; Reset replays the command from the start.`;
  closeEdit();
});
$("weight-cancel").addEventListener("click", closeEdit);
$("weight-edit").addEventListener("keydown", (event) => {
  if (event.key === "Escape") closeEdit();
});

/** Trains on from the current weights with `args`; the log says where the settings changed, since from there it is no one command's. */
function tune(args: XorArgs, refused: Partial<Record<XorFlag, string>>): void {
  if (!run) return;
  const changes = TUNABLE.filter((flag) => flagText(run!.args, flag) !== flagText(args, flag)).map(
    (flag) => `--${flag} ${flagText(args, flag)}`,
  );
  for (const flag of URL_FLAGS) {
    field(flag).toggleAttribute("aria-invalid", refused[flag] !== undefined);
    if (refused[flag]) field(flag).setAttribute("aria-invalid", "true");
    show($(`c-${flag}-error`), refused[flag] ?? "");
  }
  if (changes.length === 0) return;
  run.args = args;
  writeUrl(args);
  $("command").textContent = xorCommand(args);
  $("log").textContent += `— from here ${changes.join(" ")} —\n`;
  $("run-status").textContent =
    `Training on from epoch ${run.last!.epoch} with ${changes.join(" ")}. Reset replays the command from the start.`;
  send({ type: "tune", args });
}
form.addEventListener("submit", (event) => event.preventDefault());

for (const link of document.querySelectorAll<HTMLAnchorElement>(".presets a[data-query]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const { args, view: linked, problems } = readQuery(link.dataset.query!);
    setView(linked);
    apply(args);
    show($("url-error"), problems.join(" "));
  });
}

/** Whether the run can take another step; if not, says why and what starts it again. */
function canTrain(): boolean {
  if (!run) return false;
  if (run.error)
    $("run-status").textContent =
      "The run stopped on its error. Change a setting, or Reset, to start it again.";
  else if (run.done)
    $("run-status").textContent =
      `The run has ended at epoch ${run.args.epochs}. Play starts it again from epoch 0; Reset goes back to it.`;
  else return true;
  return false;
}
const speed = () => Number($<HTMLSelectElement>("speed").value);
const play = (pace: Pace) => {
  run!.pace = pace;
  run!.clock = new Clock();
  send({ type: "play", pace });
};
$("play").addEventListener("click", () => {
  if (!run) return;
  if (run.playing) return send({ type: "pause" });
  if (run.done && !run.error) {
    apply(run.args);
    $("run-status").textContent = "Started again from epoch 0.";
  } else if (!canTrain()) return;
  play(speed());
});
$("speed").addEventListener("change", () => run?.playing && play(speed()));
$("step").addEventListener("click", () => canTrain() && send({ type: "step" }));
$("epoch").addEventListener("click", () => canTrain() && send({ type: "epoch" }));
$("end").addEventListener("click", () => canTrain() && play("end"));
$("reset").addEventListener("click", () => run && apply(run.args));
/** Sets the view's checkboxes (from a link). */
function setView(next: View): void {
  view = { ...next };
  $<HTMLInputElement>("show-test").checked = view["show-test"];
  $<HTMLInputElement>("discretize").checked = view.discretize;
}
for (const name of ["show-test", "discretize"] as const) {
  $(name).addEventListener("change", () => {
    view[name] = $<HTMLInputElement>(name).checked;
    if (!run) return;
    writeUrl(run.args);
    run.overlay.showTest(view["show-test"]);
    drawPlane();
  });
}
$("regenerate").addEventListener("click", () => {
  if (!run) return;
  field("data-seed").value = String((run.args.dataSeed + 1) % 2 ** 32);
  form.dispatchEvent(new Event("change"));
});

/** Sets the hidden layers' sizes from the +/− buttons. */
function resize(hidden: number[]): void {
  if (
    !run ||
    hidden.length > PAGE_LIMITS.depth ||
    hidden.some((n) => n < 1 || n > PAGE_LIMITS.width)
  )
    return;
  setByButton("hidden", flagText({ ...run.args, hidden }, "hidden")); // the flag's own "none" for []
}

/** A feature's button: the network gains or loses that input, the features kept in TF Playground's order. */
function toggle(feature: Feature): void {
  if (!run) return;
  const on = run.args.features;
  const next = FEATURE_NAMES.filter((f) => (f === feature) !== on.includes(f));
  if (next.length === 0) {
    $("run-status").textContent =
      "The network needs an input: turn another feature on before this one off.";
    return;
  }
  setByButton("features", next.join(","));
}

/**
 * Sets a flag's field from a button, as if typed, and applies it. The reference's weights fit only
 * the assignment's network (hidden 5,4 on x1,x2): a change from it draws Rng(1)'s and says so.
 */
function setByButton(flag: "hidden" | "features", text: string): void {
  field(flag).value = text;
  const torch =
    field("seed").value === "torch" &&
    (field("hidden").value !== "5,4" || field("features").value !== "x1,x2");
  if (torch) field("seed").value = "1";
  // The run starts over and its buttons are drawn anew: the focus goes back to the one pressed.
  const pressed = document.activeElement?.getAttribute("aria-label");
  field(flag).dispatchEvent(new Event("change", { bubbles: true }));
  if (pressed)
    document
      .querySelector<HTMLElement>(`.explore-training [aria-label="${CSS.escape(pressed)}"]`)
      ?.focus();
  if (torch)
    $("run-status").textContent =
      "Initial weights now Rng(1): the reference's fit only hidden 5,4 on the inputs x1,x2.";
}

/** The +/− buttons above the diagram: a layer more or fewer, and a neuron more or fewer in each layer. */
function drawSizes(hidden: number[]): void {
  const button = (text: string, label: string, sizes: number[], off: boolean) => {
    const b = Object.assign(document.createElement("button"), {
      type: "button",
      textContent: text,
      disabled: off,
    });
    b.setAttribute("aria-label", label);
    b.addEventListener("click", () => resize(sizes));
    return b;
  };
  const layers = document.createElement("div");
  layers.append(
    button("− layer", "Remove the last hidden layer", hidden.slice(0, -1), hidden.length === 0),
    button(
      "+ layer",
      "Add a hidden layer",
      [...hidden, hidden.at(-1) ?? 2],
      hidden.length >= PAGE_LIMITS.depth,
    ),
  );
  const count = hidden.length === 1 ? "1 hidden layer" : `${hidden.length || "no"} hidden layers`;
  layers.append(Object.assign(document.createElement("span"), { textContent: count }));
  layers.className = "layer-count";
  // Each layer's + and − above its column of the diagram, as TF Playground has them, one over the
  // other: six layers' columns are too close for a pair side by side.
  const neurons = hidden.map((n, l) => {
    const group = document.createElement("div");
    group.style.left = `${100 * columnAt(l + 1, hidden.length + 2)}%`;
    const change = (d: number) => hidden.map((m, k) => (k === l ? m + d : m));
    // No count beside them: the diagram below shows the layer's neurons.
    group.append(
      button("+", `One neuron more in hidden layer ${l + 1}`, change(+1), n >= PAGE_LIMITS.width),
      button("−", `One neuron fewer in hidden layer ${l + 1}`, change(-1), n <= 1),
    );
    return group;
  });
  $("sizes").replaceChildren(layers, ...neurons);
}
$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText($("command").textContent!);
    $("copied").textContent = "Copied";
  } catch {
    getSelection()?.selectAllChildren($("command"));
    $("copied").textContent = "Selected: copy it with your keyboard";
  }
});

/** The colour scale's legend: which colour is which output, and where the line is drawn. */
function drawLegend(logit: boolean, regression: boolean): void {
  const bar = document.createElement("div");
  bar.className = "legend-bar";
  bar.style.background = GRADIENT;
  const ticks = document.createElement("div");
  ticks.className = "legend-ticks";
  const labels = regression
    ? ["output ≤ −1", "0", "≥ 1"]
    : logit
      ? ["σ(output) 0: class 0", "0.5: the line (output 0)", "1: class 1"]
      : ["output ≤ 0: class 0", "0.5: the line", "≥ 1: class 1"];
  ticks.append(
    ...labels.map((t) => Object.assign(document.createElement("span"), { textContent: t })),
  );
  $("legend").replaceChildren(bar, ticks);
}

/**
 * Snapshots arrive while the page may still be drawing; the latest waits here (with the curve's
 * and the log's new parts gathered) and is drawn at the next frame, which then tells the worker.
 */
let pending: Snapshot | undefined;

worker.addEventListener("message", ({ data: snap }: MessageEvent<Snapshot>) => {
  if (!run || snap.run !== run.id) return; // a snapshot of a run the page has replaced
  if (pending)
    snap = {
      ...snap,
      means: [...pending.means, ...snap.means],
      testMeans: [...pending.testMeans, ...snap.testMeans],
      log: [...pending.log, ...snap.log],
    };
  const first = pending === undefined;
  pending = snap;
  if (first) requestAnimationFrame(drawPending);
});

function drawPending(): void {
  const snap = pending;
  pending = undefined;
  if (!run || !snap || snap.run !== run.id) return;
  const id = run.id;
  // A snapshot in two frames, the plane, then the rest (the status last, so what it says is on
  // screen): in one, the heaviest network's frame was one long task the page's inputs waited behind.
  timed(
    () => drawSurface(snap),
    (first) =>
      requestAnimationFrame(() => {
        if (run?.id !== id) return; // replaced meanwhile: the worker is drawing the new run
        timed(
          () => draw(snap),
          (second) => send({ type: "drawn", ms: first + second }),
        );
      }),
  );
}

/**
 * Runs `work` and then tells `done` what it cost the page: its script and the rendering after it,
 * which ends before the next task (a message to itself) begins.
 */
function timed(work: () => void, done: (ms: number) => void): void {
  const start = performance.now();
  work();
  // A channel of its own: a reset's first frame may start while the last run's is still timed.
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    done(performance.now() - start);
  };
  port2.postMessage(null);
}

/** The first part of a snapshot's drawing: the plane, its line and its points. */
function drawSurface(snap: Snapshot): void {
  if (!run || snap.params.length === 0) return;
  run.last = snap;
  drawPlane();
  run.overlay.update(snap.surface, GRID, snap.outputs);
}

/** The rest: the diagram, the tables in view, the curve, and the run's state in words. */
function draw(snap: Snapshot): void {
  if (!run) return;
  const { args } = run;
  run.playing = snap.playing;
  run.done = snap.done;
  run.error = snap.error ?? "";
  article.dataset.playing = String(snap.playing);
  article.dataset.done = String(snap.done);
  setText($("play"), snap.playing ? "Pause" : snap.done && !snap.error ? "Play again" : "Play");
  run.means.push(...snap.means);
  run.testMeans.push(...snap.testMeans);
  if (snap.log.length) $("log").textContent += snap.log.map((line) => `${line}\n`).join("");
  // Written even when it reads the same: each snapshot drawn is an event a reader's tools (and
  // the tests) can observe, a reset's answer included.
  $("epoch-count").textContent =
    `Epoch ${snap.epoch} of ${args.epochs}${snap.step ? `, step ${snap.step}` : ""}${snap.done ? " (done)" : ""}`;
  const rate = snap.playing ? run.clock.note(snap.epoch) : undefined;
  setText(
    $("eta"),
    snap.playing
      ? timeLeft(
          args.epochs - snap.epoch,
          run.pace === "end" ? rate : Math.min(rate ?? run.pace, run.pace),
        )
      : "",
  );
  setText($("run-error"), snap.error ?? "");
  if (snap.params.length === 0) return;
  run.diagram.update(snap.params, snap.units, snap.surface, GRID, outputScale());
  // The tables below the plots change on every frame and lay out the whole page when they do (a
  // frame's layout fell from ~40 ms to ~2 ms without them): while training, only when in view.
  if (!snap.playing || inView.size > 0) drawTables(snap);
  drawCurve(
    $<HTMLElement>("curve") as unknown as SVGSVGElement,
    run.means,
    args.epochs,
    run.testMeans,
  );
  describePointed();
}

// On a phone, the plane's small copy shows while the plane is out of view; a tap goes back to it.
new IntersectionObserver(([entry]) => {
  $("mini").hidden = entry!.isIntersecting || run?.last === undefined;
  drawPlane();
}).observe(document.querySelector(".plane")!);
$("mini").addEventListener("click", () =>
  document.querySelector(".plane")!.scrollIntoView({ block: "center" }),
);

// The diagram's canvas follows its box's size and the colour scheme (the system's, or the toggle's).
new ResizeObserver(([entry]) =>
  run?.diagram.resize(entry!.contentRect.width, entry!.contentRect.height),
).observe($("diagram-box"));
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => run?.diagram.paint());
new MutationObserver(() => run?.diagram.paint()).observe(document.documentElement, {
  attributeFilter: ["data-theme"],
});

/** The tables of the outputs and the parameters: now, and whenever one comes into view. */
const inView = new Set<Element>();
function drawTables(snap: Snapshot): void {
  if (!run || snap.params.length === 0) return;
  run.params.update(snap.params, snap.grads);
  const { args, data, overlay } = run;
  drawOutputs($("outputs"), data, snap.outputs, overlay.threshold, isRegression(args.data));
}
const tables = new IntersectionObserver((entries) => {
  for (const entry of entries)
    entry.isIntersecting ? inView.add(entry.target) : inView.delete(entry.target);
  if (inView.size > 0 && run?.last) drawTables(run.last);
});
tables.observe($("outputs"));
tables.observe($("params"));

/**
 * Outputs to the colour scale's [0, 1]: a logit through the sigmoid, a regression's [−1, 1]
 * halved, others as they are; discretized, each side of the threshold (0.5 on the scale) one colour.
 */
const outputScale = () => {
  const scale =
    run?.args.loss === "bce-with-logits"
      ? (y: number) => 1 / (1 + Math.exp(-y))
      : run && isRegression(run.args.data)
        ? (y: number) => (y + 1) / 2
        : (y: number) => y;
  return view.discretize ? (y: number) => (scale(y) > 0.5 ? 1 : 0) : scale;
};

/** The large plane: the network's output, or the neuron the pointer is over in the diagram, enlarged. */
function drawPlane(): void {
  const snap = run?.last;
  if (!run || !snap) return;
  if (!$("mini").hidden) {
    paint($("mini-plane") as HTMLCanvasElement, snap.surface, GRID, outputScale());
    $("mini-epoch").textContent = `epoch ${snap.epoch}`;
  }
  const pointed = run.pointed;
  const surface = $("surface") as HTMLCanvasElement;
  if (pointed && "feature" in pointed) {
    paint(surface, run.diagram.features.get(pointed.feature)!, GRID, (v) => v);
    return;
  }
  const neuron = pointed && "neuron" in pointed ? pointed.neuron : undefined;
  if (neuron !== undefined && neuron < unitCount(snap))
    paintShades(surface, snap.units, neuron * GRID * GRID, GRID);
  else paint(surface, snap.surface, GRID, outputScale());
}

/** How many hidden neurons a snapshot pictures. */
const unitCount = (snap: Snapshot) => snap.units.length / (GRID * GRID);

/** What the pointer is over in the diagram, in words: a neuron's picture now fills the plane; a weight's value and gradient. */
function describePointed(): void {
  const target = run?.pointed;
  const snap = run?.last;
  let text = "";
  if (run && snap && target && "param" in target) {
    text = `${run.names[target.param]} = ${snap.params[target.param]!.toPrecision(4)}, gradient ${snap.grads[target.param]!.toPrecision(4)} (last step)`;
  } else if (run && target && "feature" in target) {
    const on = run.args.features.includes(target.feature);
    text = `The plane shows the input ${FEATURES[target.feature].label} (white is 0): the network ${on ? "sees it; press to take it away" : "does not see it; press to give it"}.`;
  } else if (run && snap && target && "neuron" in target) {
    text =
      target.neuron < unitCount(snap)
        ? `The plane shows hidden neuron ${target.neuron + 1}'s output (layer by layer, top to bottom).`
        : "The plane shows the network's output.";
  }
  setText($("diagram-note"), text);
}

/** The diagram's pointer: a neuron's output fills the plane, an edge's weight lights up and is described. */
function point(target: DiagramTarget): void {
  if (!run) return;
  run.pointed = target;
  run.diagram.highlight(target && "param" in target ? target.param : undefined);
  drawPlane();
  describePointed();
}
