// A figure drawn by a reader's code in the worker, made safe to enter the page: parsed as SVG
// (an XML parser: nothing runs, no HTML slips past it) and rebuilt from an allow-list of
// elements and attributes. No script, no event handler, no foreignObject (HTML inside SVG), no
// animation that could set an attribute, no link or reference outside the figure itself.

const SVG = "http://www.w3.org/2000/svg";
const XLINK = "http://www.w3.org/1999/xlink";

/** The elements a figure may have (what Observable Plot and Graphviz draw, and their kin). */
const ELEMENTS = new Set([
  "svg",
  "g",
  "defs",
  "symbol",
  "use",
  "title",
  "desc",
  "style",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "textPath",
  "clipPath",
  "mask",
  "pattern",
  "marker",
  "linearGradient",
  "radialGradient",
  "stop",
  "filter",
  "feGaussianBlur",
  "feOffset",
  "feBlend",
  "feFlood",
  "feComposite",
  "feMerge",
  "feMergeNode",
  "feColorMatrix",
]);

/** Attributes besides the presentation ones below. `href` is checked on its own. */
const ATTRIBUTES = new Set([
  "id",
  "class",
  "style",
  "role",
  "viewBox",
  "preserveAspectRatio",
  "width",
  "height",
  "x",
  "y",
  "x1",
  "y1",
  "x2",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "d",
  "points",
  "transform",
  "pathLength",
  "dx",
  "dy",
  "rotate",
  "textLength",
  "lengthAdjust",
  "offset",
  "gradientUnits",
  "gradientTransform",
  "spreadMethod",
  "fx",
  "fy",
  "fr",
  "patternUnits",
  "patternContentUnits",
  "patternTransform",
  "clipPathUnits",
  "maskUnits",
  "maskContentUnits",
  "markerWidth",
  "markerHeight",
  "markerUnits",
  "refX",
  "refY",
  "orient",
  "filterUnits",
  "primitiveUnits",
  "stdDeviation",
  "in",
  "in2",
  "result",
  "mode",
  "operator",
  "values",
  "type",
  "k1",
  "k2",
  "k3",
  "k4",
  "xmlns",
  "version",
  "startOffset",
  "method",
  "spacing",
  "side",
  "aria-label",
  "aria-hidden",
  "aria-description",
  "aria-roledescription",
  "tabindex",
  "lang",
  "xml:space",
]);

/** Presentation attributes: fill, stroke-width, font-family, text-anchor… (none can run code). */
const PRESENTATION =
  /^(fill|stroke|font|text|dominant|alignment|baseline|letter|word|writing|opacity|color|clip|mask|marker|paint|shape|vector|visibility|display|direction|unicode|stop|flood|lighting|overflow|image-rendering|mix-blend|isolation|white-space)(-[a-z]+)*$/;

/** A reference to the figure's own parts (`#id`) is the only link a figure may hold. */
const isLocal = (value: string) => /^#[\w.:-]*$/.test(value.trim());

/** A `url(…)` that points outside the figure, or CSS that loads something. */
const OUTSIDE = /url\(\s*(?!['"]?#)|@import|expression\s*\(|javascript:/i;
/** {@link OUTSIDE} for CSS, where a reference could not be counted by weigh(): any `url(`, local or not. */
const CSS_OUTSIDE = /url\(|@import|expression\s*\(|javascript:/i;

/** A `url(#id)` reference in an attribute. */
const URL_REF = /url\(\s*(['"]?)#([\w.:-]*)\1\s*\)/g;

/**
 * How much a figure may ask the page to draw: elements, counting each `<use>` and each
 * `url(#…)` reference as the copy of what it points at (a few hundred bytes of nested `<use>`
 * would otherwise draw a billion circles and hang the tab), how deeply they may nest, and how
 * much text they may hold (its CSS included: 4 MB of text in one <text> held the page 2 s).
 * The course's largest figure has about 1,300 elements, nests 6 deep and holds 1,100 characters.
 */
export const FIGURE_LIMITS = { elements: 25_000, depth: 64, text: 50_000 } as const;

/** A figure made safe to show, and how many elements it draws. */
export interface SafeFigure {
  image: SVGSVGElement;
  elements: number;
}

let figures = 0;

/**
 * The figure `svg` as a safe `<svg>` element of this document, with `alt` as its accessible
 * name; or a message saying why it is not shown: it is not an SVG image, or it would draw more
 * than `elements` elements (what is left of its block's share).
 */
export function sanitizeSvg(
  svg: string,
  alt: string,
  elements: number = FIGURE_LIMITS.elements,
): SafeFigure | string {
  // Every element has one start tag: a figure with too many is refused before it is parsed
  // (parsing and cleaning a few megabytes of them would hold the page up for seconds).
  const tags = svg.match(/<[A-Za-z_]/g)?.length ?? 0;
  if (tags > elements) return tooMany(tags);
  const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = parsed.documentElement;
  if (
    parsed.getElementsByTagName("parsererror").length ||
    root.namespaceURI !== SVG ||
    root.localName !== "svg"
  ) {
    return "this figure is not a well-formed SVG image, so the page does not show it";
  }
  // Its ids get a prefix of their own: a figure's `id="run-result-40"` must not stand in for the
  // page's element of that id, nor one figure's `#clip` for another's.
  const prefix = `run-figure-${++figures}-`;
  const refused = clean(root, prefix);
  if (refused) return refused;
  const drawn = weigh(root, FIGURE_LIMITS.elements);
  if (drawn > elements) return tooMany(drawn);
  root.setAttribute("data-figure", prefix);
  for (const style of root.getElementsByTagName("style"))
    style.textContent = scopedStyle(style.textContent ?? "", prefix);
  const element = document.importNode(root, true) as unknown as SVGSVGElement;
  // One image for assistive technology, named by its text alternative (as the build does: svg.ts).
  for (const part of element.querySelectorAll(
    "[aria-label], [aria-description], [aria-roledescription]",
  )) {
    for (const name of ["aria-label", "aria-description", "aria-roledescription"])
      part.removeAttribute(name);
  }
  element.setAttribute("role", "img");
  element.setAttribute("aria-label", alt);
  return { image: element, elements: drawn };
}

/** Why a figure that would draw `drawn` elements, more than its block's share left, is not shown. */
function tooMany(drawn: number): string {
  const limit = FIGURE_LIMITS.elements.toLocaleString("en-US");
  return drawn <= FIGURE_LIMITS.elements
    ? `with it, this block's figures would draw more than ${limit} elements, more than the page draws`
    : `this figure would draw more than ${limit} elements, more than the page draws`;
}

/**
 * Removes from `root` (in place) every element and attribute not on the allow-lists, and gives
 * its ids and the references to them `prefix`; or says why it is not drawn (it nests too deeply,
 * it holds too much text). A loop, not recursion: a figure can nest thousands of levels in a few
 * kilobytes.
 */
function clean(root: Element, prefix: string): string | undefined {
  const stack: [Element, number][] = [[root, 1]];
  let text = 0;
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth > FIGURE_LIMITS.depth)
      return `this figure nests more than ${FIGURE_LIMITS.depth} levels deep, more than the page draws`;
    for (const attribute of [...element.attributes]) {
      if (!allowed(attribute)) element.removeAttributeNode(attribute);
      else if (attribute.localName === "id") attribute.value = prefix + attribute.value;
      else if (attribute.localName === "href")
        attribute.value = `#${prefix}${attribute.value.trim().slice(1)}`;
      else
        attribute.value = attribute.value.replace(
          URL_REF,
          (_, q: string, id: string) => `url(${q}#${prefix}${id}${q})`,
        );
    }
    // A style's references could not be counted by weigh(): a figure's CSS points nowhere.
    if (element.localName === "style" && CSS_OUTSIDE.test(element.textContent ?? ""))
      element.textContent = "";
    for (const child of [...element.childNodes]) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        const inner = child as Element;
        if (inner.namespaceURI === SVG && ELEMENTS.has(inner.localName))
          stack.push([inner, depth + 1]);
        else inner.remove();
      } else if (child.nodeType !== Node.TEXT_NODE && child.nodeType !== Node.CDATA_SECTION_NODE) {
        child.remove(); // comments, processing instructions
      } else if ((text += child.nodeValue?.length ?? 0) > FIGURE_LIMITS.text) {
        return `this figure holds more than ${FIGURE_LIMITS.text.toLocaleString("en-US")} characters of text, more than the page draws`;
      }
    }
  }
  return undefined;
}

function allowed(attribute: Attr): boolean {
  const name = attribute.localName;
  if (attribute.namespaceURI === XLINK || name === "href")
    return name === "href" && isLocal(attribute.value);
  if (
    attribute.namespaceURI &&
    attribute.namespaceURI !== "http://www.w3.org/XML/1998/namespace" &&
    attribute.namespaceURI !== "http://www.w3.org/2000/xmlns/"
  )
    return false;
  if (!ATTRIBUTES.has(attribute.name) && !PRESENTATION.test(name)) return false;
  return !(name === "style" ? CSS_OUTSIDE : OUTSIDE).test(attribute.value);
}

/**
 * How many elements `root` draws, each reference (`<use href>`, `url(#…)`) counted as a copy
 * of what it points at, a marker once per vertex; more than `limit` (or a loop of references)
 * counts as Infinity.
 */
function weigh(root: Element, limit: number): number {
  const byId = new Map<string, Element>();
  for (const element of root.querySelectorAll("[id]"))
    if (!byId.has(element.id)) byId.set(element.id, element);
  const known = new Map<Element, number>();
  const open = new Set<Element>();
  const weight = (element: Element): number => {
    const seen = known.get(element);
    if (seen !== undefined) return seen;
    if (open.has(element)) return Infinity; // a loop of references
    open.add(element);
    let total = 1;
    for (const child of element.children) {
      total += weight(child);
      if (total > limit) break;
    }
    for (const [id, times] of references(element)) {
      const target = byId.get(id);
      if (target && total <= limit) total += times * weight(target);
    }
    open.delete(element);
    known.set(element, total);
    return total;
  };
  try {
    return weight(root);
  } catch {
    return Infinity; // references chained past the stack's depth
  }
}

/** The ids an element refers to (prefixed, as the ids are), each with how many copies it draws. */
function references(element: Element): [string, number][] {
  const found: [string, number][] = [];
  let vertices: number | undefined; // counted once, for the first marker that needs it
  for (const attribute of element.attributes) {
    if (attribute.localName === "href") found.push([attribute.value.slice(1), 1]);
    for (const [, , id] of attribute.value.matchAll(URL_REF)) {
      // A marker is drawn at every vertex of its path: count them (pairs of numbers).
      const marker = attribute.localName.startsWith("marker");
      found.push([id!, marker ? (vertices ??= vertexCount(element)) : 1]);
    }
  }
  return found;
}

/** How many vertices an element's path or points have (pairs of numbers), at least 1. */
const vertexCount = (element: Element) =>
  Math.max(
    1,
    ((element.getAttribute("d") ?? element.getAttribute("points") ?? "").match(
      /-?[\d.]+(e-?\d+)?/gi,
    )?.length ?? 0) / 2,
  );

/**
 * A figure's `<style>` confined to the figure: parsed by the browser (no brace in it can end a
 * rule early), only style rules and their @media and @supports kept (no @font-face, @property,
 * @keyframes… that would reach the page), all inside `@scope` of the figure's root. Plot
 * writes `:where(.plot-…)` rules, which keep working.
 */
function scopedStyle(text: string, prefix: string): string {
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(text);
  } catch {
    return "";
  }
  return `@scope ([data-figure="${prefix}"]) {\n${rulesText(sheet.cssRules)}}\n`;
}

function rulesText(rules: CSSRuleList): string {
  let text = "";
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) text += `${rule.cssText}\n`;
    else if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule)
      text += `@${rule instanceof CSSMediaRule ? "media" : "supports"} ${rule.conditionText} {\n${rulesText(rule.cssRules)}}\n`;
  }
  return text;
}
