// draw.html's script: a pad to draw on, the MNIST-style input made from it, and the ten
// probabilities of lesson 09's net (or of one the reader trained in the page: training.ts),
// updated while drawing. The net's weights (net.f32) and a few test digits (digits.bin) are files
// beside this script: the page's policy forbids inline data.
import { centre, FIELD } from "../centre.ts";
import { type Net, netFrom, predict } from "./net.ts";
import { setUpTraining } from "./training.ts";

const PIXELS = FIELD * FIELD;
/** The recorded net's sizes: lesson 09's default run. */
const RECORDED = [PIXELS, 64, 10];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pad = $<HTMLCanvasElement>("pad");
const preview = $<HTMLCanvasElement>("input");
const verdict = $("verdict");
const picker = $<HTMLSelectElement>("test-digit");
const errorBox = $("draw-error");

/** The nets the page has: lesson 09's, and the reader's once they trained one; and which one reads. */
const nets: { recorded?: Net; yours?: Net } = {};
let reader: "recorded" | "yours" = "recorded";
/** The input on show (what the net reads): the last drawing or test digit. */
let input: Float64Array = new Float64Array(PIXELS);

function showInput(x: Float64Array): void {
  const ctx = preview.getContext("2d")!;
  const image = ctx.createImageData(FIELD, FIELD);
  for (let p = 0; p < PIXELS; p++) {
    const g = Math.round(255 * x[p]!);
    image.data.set([g, g, g, 255], 4 * p); // white ink on black, as MNIST stores it
  }
  ctx.putImageData(image, 0, 0);
}

function showProbabilities(p: Float64Array | null): void {
  let top = 0;
  if (p) for (let d = 1; d < 10; d++) if (p[d]! > p[top]!) top = d;
  for (let d = 0; d < 10; d++) {
    const share = p ? p[d]! : 0;
    $(`bar-${d}`).style.width = `${(100 * share).toFixed(1)}%`;
    $(`value-${d}`).textContent = p ? `${(100 * share).toFixed(1)}%` : "–";
    $(`bar-${d}`)
      .closest("li")!
      .classList.toggle("top", p !== null && d === top);
  }
  verdict.textContent = p
    ? `${reader === "yours" ? "Your" : "The"} net reads ${top === 8 ? "an" : "a"} ${top}, with probability ${(100 * p[top]!).toFixed(1)}%.`
    : "Draw a digit, or pick one of the test digits below.";
  verdict.dataset.digit = p ? String(top) : "";
  verdict.dataset.net = reader;
}

/** Shows `x` as the input and what the chosen net makes of it. */
function classify(x: Float64Array): void {
  input = x;
  showInput(x);
  showProbabilities(x.some((v) => v > 0) ? predict(nets[reader]!, x) : null);
}

/** The pad's ink as levels in [0, 1]: its alpha channel. */
function ink(): Float64Array {
  const { data } = pad.getContext("2d")!.getImageData(0, 0, pad.width, pad.height);
  const levels = new Float64Array(pad.width * pad.height);
  for (let i = 0; i < levels.length; i++) levels[i] = data[4 * i + 3]! / 255;
  return levels;
}

function setUpPad(): void {
  const ctx = pad.getContext("2d", { willReadFrequently: true })!;
  ctx.lineWidth = 20; // about two of MNIST's pixels once 280 px become 28
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.strokeStyle = getComputedStyle(pad).color || "#000";
  let drawing = false;
  let queued = false;
  const point = (e: PointerEvent) => {
    const box = pad.getBoundingClientRect();
    return [
      ((e.clientX - box.left) * pad.width) / box.width,
      ((e.clientY - box.top) * pad.height) / box.height,
    ] as const;
  };
  const update = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      classify(centre(ink(), pad.width, pad.height));
    });
  };
  pad.addEventListener("pointerdown", (e) => {
    drawing = true;
    pad.setPointerCapture(e.pointerId);
    const [x, y] = point(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x, y);
    ctx.stroke();
    update();
  });
  pad.addEventListener("pointermove", (e) => {
    if (!drawing) return;
    const [x, y] = point(e);
    ctx.lineTo(x, y);
    ctx.stroke();
    update();
  });
  const stop = () => {
    drawing = false;
    update();
  };
  pad.addEventListener("pointerup", stop);
  pad.addEventListener("pointercancel", stop);
  $("clear").addEventListener("click", () => {
    ctx.clearRect(0, 0, pad.width, pad.height);
    picker.selectedIndex = 0;
    classify(new Float64Array(PIXELS));
  });
}

function setUpPicker(bytes: Uint8Array): void {
  const count = bytes.length / (1 + PIXELS); // labels first, then the grey levels (packDigits)
  const labels = bytes.subarray(0, count);
  const images = bytes.subarray(count);
  picker.replaceChildren(
    new Option("Choose a test digit…", ""),
    ...Array.from(
      labels,
      (label, i) =>
        new Option(`Test digit ${i + 1}: ${label === 8 ? "an" : "a"} ${label}`, String(i)),
    ),
  );
  picker.disabled = false;
  picker.addEventListener("change", () => {
    if (picker.value === "") return;
    const i = Number(picker.value);
    pad.getContext("2d")!.clearRect(0, 0, pad.width, pad.height);
    classify(Float64Array.from(images.subarray(i * PIXELS, (i + 1) * PIXELS), (g) => g / 255));
  });
}

async function load(file: string): Promise<ArrayBuffer> {
  const response = await fetch(new URL(file, import.meta.url));
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}

/** The radio buttons that choose the net: "yours" once a run has left one. */
function setUpChoice(): void {
  const choice = $<HTMLFieldSetElement>("net-choice");
  choice.addEventListener("change", (event) => {
    reader = (event.target as HTMLInputElement).value === "yours" ? "yours" : "recorded";
    classify(input);
  });
  setUpTraining((net, description) => {
    nets.yours = net;
    $("yours-label").textContent = description;
    choice.disabled = false;
    (choice.querySelector('input[value="yours"]') as HTMLInputElement).checked = true;
    reader = "yours";
    classify(input);
  });
}

async function start(): Promise<void> {
  nets.recorded = netFrom(RECORDED, new Float32Array(await load("net.f32")), "net.f32");
  setUpPad();
  setUpChoice();
  document.body.dataset.drawReady = "true";
  setUpPicker(new Uint8Array(await load("digits.bin")));
}

start().catch((error: Error) => {
  errorBox.textContent = `The page could not start: ${error.message}`;
  errorBox.hidden = false;
});
