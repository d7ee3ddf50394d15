import { page, type SiteNav } from "../pages/layout.ts";

// draw.html: draw a digit, see what lesson 09's net makes of it. The frame holds every label and
// explanation; the page's script (assets/draw/draw.js, loaded here only) makes it work.

/**
 * The draw-a-digit page; `css` is its own stylesheet, inlined (no other page needs it), and
 * `trainingBytes` the size of the digits "Train" fetches (gzipped, as they go over the wire).
 */
export function drawPage(
  nav: SiteNav,
  css: string,
  lessonHref: string | undefined,
  trainingBytes: number,
): string {
  const lesson = lessonHref ? `<a href="${lessonHref}">lesson 09</a>` : "lesson 09";
  const main = `<article class="draw">
<h1>Draw a digit</h1>
<p class="lead">Draw a digit from 0 to 9 in the box, with a mouse, a pen or a finger. The net of ${lesson} (784 → 64 → 10, trained on 8,000 handwritten digits) reads it as it is drawn and gives each class a probability.</p>
<noscript><p class="draw-error">The page runs the net in your browser and needs JavaScript. ${lesson} shows the net's confusion matrix and its mistakes without it.</p></noscript>
<div class="draw-views">
<section aria-labelledby="pad-heading" class="pad-box"><h2 id="pad-heading">Your digit</h2>
<canvas id="pad" width="280" height="280" role="img" aria-label="Drawing area: draw a digit with the pointer" tabindex="-1"></canvas>
<p class="draw-buttons"><button type="button" id="clear">Clear</button></p>
</section>
<section aria-labelledby="input-heading" class="input-box"><h2 id="input-heading">What the net sees</h2>
<canvas id="input" width="28" height="28" role="img" aria-label="The 28 × 28 input the net sees"></canvas>
<p class="note">As MNIST's digits were made: the ink's bounding box scaled into 20 × 20, its centre of mass moved to the middle of 28 × 28.</p>
</section>
</div>
<section aria-labelledby="probs-heading"><h2 id="probs-heading">The net's answer</h2>
<p id="verdict" role="status" aria-live="polite">Draw a digit, or pick one of the test digits below.</p>
<ol class="bars" id="bars" aria-label="Probability of each class">
${Array.from({ length: 10 }, (_, d) => `<li><span class="digit">${d}</span><span class="bar"><span class="fill" id="bar-${d}"></span></span><span class="value" id="value-${d}">–</span></li>`).join("\n")}
</ol>
</section>
<section aria-labelledby="tests-heading"><h2 id="tests-heading">Or pick a test digit</h2>
<p class="note">Digits the net never trained on, from the test set. Choose one with the keyboard or the pointer: it becomes the input.</p>
<div class="picker"><label for="test-digit">Test digit</label> <select id="test-digit" disabled><option>Loading…</option></select></div>
</section>
${trainSection(trainingBytes)}
<p class="draw-error" role="alert" id="draw-error" hidden></p>
</article>
<style>
${css}</style>
<script type="module" src="assets/draw/draw.js"></script>`;
  return page({
    title: "Draw a digit — gradbook",
    description: "Draw a digit and watch lesson 09's net classify it in your browser.",
    path: "draw.html",
    root: "",
    main,
    nav,
  });
}

/** Hidden units and training digits the form offers, and its defaults (see trainSection). */
const HIDDEN_CHOICES = [16, 32, 64];
const DIGIT_CHOICES = [500, 1000, 2000, 4000, 8000];

/**
 * "Train your own": a net trained in the page's worker with `pnpm digits`'s code. Its defaults,
 * 784 → 32 → 10 for 5 epochs on all 8,000 digits, take a few seconds (half the recorded net's
 * work per step) and reach about 94% on the validation digits. Hidden until the script runs:
 * without JavaScript there is nothing to train with.
 */
function trainSection(bytes: number): string {
  const mb = (bytes / 1e6).toFixed(1);
  const options = (values: number[], chosen: number) =>
    values
      .map(
        (v) =>
          `<option value="${v}"${v === chosen ? " selected" : ""}>${v.toLocaleString("en-US")}</option>`,
      )
      .join("");
  return `<section aria-labelledby="train-heading" class="train" id="train-box" hidden><h2 id="train-heading">Train your own</h2>
<p>Train a net here, in your browser, with the course's own code: the same arithmetic as <code>pnpm digits</code>, in a worker so the page stays free. Pressing Train fetches the 8,000 training and 1,000 validation digits (<span id="train-bytes" data-bytes="${bytes}">${mb} MB</span>); nothing else on this page loads them.</p>
<form id="train-form" class="train-form">
<label>Hidden units <select id="train-hidden">${options(HIDDEN_CHOICES, 32)}</select></label>
<label>Epochs <input id="train-epochs" type="number" min="1" max="50" step="1" value="5" required></label>
<label>Training digits <select id="train-digits">${options(DIGIT_CHOICES, 8000)}</select></label>
<span class="draw-buttons"><button type="submit" id="train">Train</button> <button type="button" id="stop" disabled>Stop</button></span>
</form>
<p class="note">The same run in a terminal: <code id="train-command">pnpm digits --hidden 32 --epochs 5</code></p>
<p id="train-status" role="status" aria-live="polite">Not trained yet.</p>
<p class="note" id="train-fetched" hidden></p>
<progress id="train-progress" max="1" aria-label="Training progress" hidden></progress>
<div class="curves">
<figure><svg id="loss-curve" viewBox="0 0 320 170" role="img" aria-label="Training and validation loss per epoch"></svg><figcaption>Mean cross-entropy per epoch</figcaption></figure>
<figure><svg id="accuracy-curve" viewBox="0 0 320 170" role="img" aria-label="Training and validation accuracy per epoch"></svg><figcaption>Accuracy per epoch</figcaption></figure>
</div>
<p class="legend"><span class="key key-train"></span> training <span class="key key-validation"></span> validation</p>
<div class="log-box" tabindex="0" role="region" aria-label="Each epoch of the run"><table id="train-log"><caption>Each epoch: the training values are measured batch by batch during it, the validation values after it</caption>
<thead><tr><th scope="col">epoch</th><th scope="col">train loss</th><th scope="col">train acc</th><th scope="col">val loss</th><th scope="col">val acc</th><th scope="col">time (s)</th></tr></thead>
<tbody></tbody></table></div>
<fieldset id="net-choice" disabled><legend>The net that reads your drawing</legend>
<label><input type="radio" name="net" value="recorded" checked> lesson 09's, 784 → 64 → 10</label>
<label><input type="radio" name="net" value="yours"> yours, <span id="yours-label">not trained yet</span></label>
</fieldset>
</section>`;
}
