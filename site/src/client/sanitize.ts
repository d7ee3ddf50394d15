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

/**
 * The figure `svg` as a safe `<svg>` element of this document, with `alt` as its accessible
 * name; or an error message when it is not an SVG image.
 */
export function sanitizeSvg(svg: string, alt: string): SVGSVGElement | string {
  const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = parsed.documentElement;
  if (
    parsed.getElementsByTagName("parsererror").length ||
    root.namespaceURI !== SVG ||
    root.localName !== "svg"
  ) {
    return "this figure is not a well-formed SVG image, so the page does not show it";
  }
  clean(root);
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
  return element;
}

/** Removes from `element` (in place) every element and attribute not on the allow-lists. */
function clean(element: Element): void {
  for (const attribute of [...element.attributes]) {
    if (!allowed(attribute)) element.removeAttributeNode(attribute);
  }
  if (element.localName === "style" && OUTSIDE.test(element.textContent ?? ""))
    element.textContent = "";
  for (const child of [...element.childNodes]) {
    if (child.nodeType === Node.ELEMENT_NODE) {
      const inner = child as Element;
      if (inner.namespaceURI === SVG && ELEMENTS.has(inner.localName)) clean(inner);
      else inner.remove();
    } else if (child.nodeType !== Node.TEXT_NODE && child.nodeType !== Node.CDATA_SECTION_NODE) {
      child.remove(); // comments, processing instructions
    }
  }
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
  return !OUTSIDE.test(attribute.value);
}
