import type { LessonPage } from "../course/lessons.ts";
import { slugify } from "../render/anchors.ts";
import { escapeHtml } from "../render/escape.ts";
import { page, type SiteNav } from "../pages/layout.ts";
import { type Control, CONTROLS, type LessonLink, PRESETS } from "./controls.ts";

// explore.html: the XOR explorer's frame. The page's script (assets/explore/explore.js, loaded
// here only) fills the lists from the CLI's table, reads the URL and drives the worker; the
// frame holds every label and explanation, so the page says what it is before it runs.

/** The explorer's page; `css` is its own stylesheet, inlined (no other page needs it). */
export function explorePage(course: LessonPage[], nav: SiteNav, css: string): string {
  const link = (l: LessonLink) => {
    const href = lessonLinkHref(course, l);
    return href === undefined ? "" : ` <a href="${href}">${escapeHtml(l.text)}</a>`;
  };
  const main = `<article class="explore">
<h1>The XOR explorer</h1>
<p class="lead">Turn the knobs of the assignment and watch the network learn: each control is a flag of <code>pnpm xor</code>, which prints the same log.</p>
<noscript><p class="explore-error">The explorer trains the network in your browser and needs JavaScript. Lesson 06 shows the assignment's run without it.</p></noscript>
<div class="explore-grid">
<div class="explore-settings">
<section aria-labelledby="settings"><h2 id="settings">Settings</h2>
<p class="explore-error" role="alert" id="url-error" hidden></p>
<form class="controls" id="controls" novalidate>
${CONTROLS.map((c) => control(c, link)).join("\n")}
</form>
<div class="command"><code id="command">pnpm xor</code> <button type="button" id="copy">Copy</button> <span id="copied" role="status"></span></div>
</section>
<section aria-labelledby="presets"><h2 id="presets">Presets</h2>
<ul class="presets">
${PRESETS.map((p) => `<li><a href="explore.html${p.query ? `?${escapeHtml(p.query)}` : ""}" data-query="${escapeHtml(p.query)}">${escapeHtml(p.name)}</a> <span>${escapeHtml(p.note)}</span></li>`).join("\n")}
</ul></section>
</div>
<section aria-labelledby="training" class="explore-training"><h2 id="training">Training</h2>
<div class="transport" role="group" aria-label="Training controls">
<button type="button" id="play">Play</button>
<button type="button" id="step">Step</button>
<button type="button" id="epoch">Epoch</button>
<button type="button" id="reset">Reset</button>
<button type="button" id="end">Run to the end</button>
<label><span class="visually-hidden">Speed</span> <select id="speed">
<option value="10">10 epochs/s</option><option value="100">100 epochs/s</option><option value="1000" selected>1000 epochs/s</option>
</select></label>
</div>
<p class="status"><output id="epoch-count">Epoch 0 of 2001</output> <span id="eta"></span> <span id="run-status" role="status"></span> <span id="run-error" class="explore-error" role="alert"></span></p>
<div class="views">
<figure class="view boundary"><div class="plane"><canvas id="surface" width="32" height="32" aria-hidden="true"></canvas><svg id="plane" viewBox="0 0 100 100" role="img" aria-label="Decision boundary"></svg></div>
<figcaption><div class="legend" id="legend"></div>The network's output over the input plane: the dark line is where it crosses the threshold, filled points have target 1 (a regression's points take their target's colour). <span class="view-options"><label><input type="checkbox" id="discretize"> Discretize output</label> <label class="show-test"><input type="checkbox" id="show-test"> Show the test points (squares)</label></span></figcaption></figure>
<figure class="view curve"><svg id="curve" viewBox="0 0 320 140" role="img" aria-label="Loss curve"></svg><figcaption>Mean loss of each epoch (log scale); dashed, the test points' loss at each epoch's end.</figcaption></figure>
<figure class="view diagram"><div class="sizes" id="sizes" role="group" aria-label="Layers and neurons"></div><div class="diagram-box" id="diagram-box"><svg id="diagram" viewBox="0 0 320 220" role="img" aria-label="Network diagram"></svg></div><p class="note" id="diagram-note" aria-live="polite"></p><form class="weight-edit" id="weight-edit" hidden><label for="weight-value">Set <span id="weight-name"></span> to</label> <input id="weight-value" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="weight-error weight-help"> <button type="submit">Set</button> <button type="button" id="weight-cancel">Cancel</button><p class="explore-error" id="weight-error" role="alert" hidden></p><p class="note" id="weight-help">Training goes on from the edited weight. No flag of <code>pnpm xor</code> edits a weight mid-run: from here the log is no one command's.</p></form><figcaption>Press an input to give it to the network or take it away. Point at an input or a neuron to see it in the plane's place, at an edge or a neuron's small square for its weight or bias (blue positive, red negative) and gradient; click it, or press Enter, to edit it.</figcaption></figure>
</div>
<div class="mini" id="mini" hidden><canvas id="mini-plane" width="32" height="32" aria-hidden="true"></canvas><span id="mini-epoch"></span></div>
</section>
</div>
<section aria-labelledby="details" class="explore-details"><h2 id="details">Outputs, log and parameters</h2>
<h3 id="outputs-heading">Outputs</h3>
<div id="outputs" class="table-scroll"></div>
<h3 id="log-heading">Log</h3>
<pre id="log" tabindex="0" aria-labelledby="log-heading"></pre>
<h3 id="params-heading">Parameters and their gradients</h3>
<p class="note">Point at a row or move the focus onto it: its weight lights up in the diagram.</p>
<div id="params" class="table-scroll"></div>
</section>
</article>
<style>
${css}</style>
<script type="module" src="assets/explore/explore.js"></script>`;
  return page({
    title: "The XOR explorer — gradbook",
    description:
      "Train the assignment's XOR network in the browser, with pnpm xor's flags, and watch it learn.",
    path: "explore.html",
    root: "",
    main,
    nav,
  });
}

function control(c: Control, link: (l: LessonLink) => string): string {
  const id = `c-${c.flag}`;
  const described = `aria-describedby="${id}-error ${id}-help"`;
  const input =
    c.kind === "choice"
      ? `<select id="${id}" name="${c.flag}" ${described}></select>`
      : `<input id="${id}" name="${c.flag}" type="text" spellcheck="false" autocomplete="off" ${described}>`;
  // A refused value's message goes right under its field (main.ts), before the help.
  // Beside the data seed, a button that draws new data (the next seed); the +/− buttons that set
  // the hidden layers sit above the diagram.
  const field =
    c.flag === "data-seed"
      ? `<div class="with-button">${input}<button type="button" id="regenerate">Regenerate</button></div>`
      : input;
  return `<div class="control"><label for="${id}">${escapeHtml(c.label)} <code>--${c.flag}</code></label>${field}<p class="field-error explore-error" id="${id}-error" role="alert" hidden></p><p class="help" id="${id}-help" data-flag="--${c.flag}">${escapeHtml(c.help)}${c.link ? link(c.link) : ""}</p></div>`;
}

/**
 * Where a control's lesson link points in this course: undefined when the course has no such
 * lesson or heading (a test course; for the real one, a test requires every link).
 */
export function lessonLinkHref(course: LessonPage[], l: LessonLink): string | undefined {
  const lesson = course.find((c) => c.label === l.lesson);
  if (!lesson) return undefined;
  if (!l.heading) return lesson.href;
  const headings = [...lesson.lesson.source.matchAll(/^#{2,6}\s+(.+?)\s*$/gm)].map((m) => m[1]!);
  return headings.includes(l.heading) ? `${lesson.href}#${slugify(l.heading)}` : undefined;
}
