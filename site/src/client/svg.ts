/**
 * A figure's SVG as one image for assistive technology: `role="img"` named by its text
 * alternative, with the names Plot gives its inner marks removed (an image's parts are not
 * read out, and axe rejects `aria-label` on a plain `<g>`). Shared by the build and the page.
 */
export function accessibleSvg(svg: string, alt: string): string {
  const open = /^\s*<svg\b[^>]*>/.exec(svg);
  if (!open) return svg;
  let tag = open[0].replace(/\s(role|aria-label)="[^"]*"/g, "");
  tag = tag.replace(
    /^(\s*<svg)/,
    `$1 role="img" aria-label="${alt.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;")}"`,
  );
  const inner = svg
    .slice(open[0].length)
    .replace(/\s(aria-label|aria-description|aria-roledescription)="[^"]*"/g, "");
  return tag + inner;
}
