import { page, type SiteNav } from "../pages/layout.ts";

// draw.html: draw a digit, see what lesson 09's net makes of it. The frame holds every label and
// explanation; the page's script (assets/draw/draw.js, loaded here only) makes it work.

/** The draw-a-digit page; `css` is its own stylesheet, inlined (no other page needs it). */
export function drawPage(nav: SiteNav, css: string, lessonHref: string | undefined): string {
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
