const NS = "http://www.w3.org/2000/svg";

/** A new SVG element with these attributes (values set as attributes, never parsed as markup). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** A number for an SVG attribute, to a hundredth. */
export const at = (x: number): string => (Math.round(x * 100) / 100).toString();

/** Sets an element's text only when it changes: even the same text, set again, lays the page out again. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
