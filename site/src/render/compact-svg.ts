// A figure's SVG with its geometry written to a tenth of a pixel, what a screen shows: Plot and
// Graphviz write two to sixteen decimals. Three rewrites, each exact at that precision:
// - path and polygon coordinates are rounded; a path of straight lines (M, L, Z) is written as
//   steps from point to point (`l0.3,-9.4`), which repeat and compress far better than
//   absolute positions: a long training curve is half as heavy gzipped;
// - a rect's edges are rounded, not its size, so that bars which touched still touch;
// - translate() offsets and the ends of lines and centres of circles are rounded.
// Text and the root <svg>'s own attributes are left alone.

/** Tenths of a pixel: the unit every coordinate is rounded to. */
const tenths = (n: number) => Math.round(n * 10);
/** A count of tenths written as a number: 3 → "0.3", -0 → "0". */
const px = (t: number) => String((t === 0 ? 0 : t) / 10);
const round = (value: string) =>
  value.replace(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi, (n) => px(tenths(Number(n))));

/** The geometry of `svg` rounded to tenths of a pixel, its straight-line paths relative. */
export function compactSvg(svg: string): string {
  return svg
    .replace(/\sd="([^"]*)"/g, (_all, d: string) => ` d="${relativePath(d) ?? round(d)}"`)
    .replace(/\spoints="([^"]*)"/g, (_all, points: string) => ` points="${round(points)}"`)
    .replace(/<rect\b[^>]*>/g, roundRect)
    .replace(/<(?:line|circle)\b[^>]*>/g, (tag) =>
      tag.replace(
        /\s(x1|y1|x2|y2|cx|cy|r)="([^"]*)"/g,
        (_all, name: string, value: string) => ` ${name}="${round(value)}"`,
      ),
    )
    .replace(
      /\stransform="([^"]*)"/g,
      (_all, transform: string) =>
        ` transform="${transform.replace(/translate\(([^)]*)\)/g, (_t, args: string) => `translate(${round(args)})`)}"`,
    );
}

/**
 * A path of M, L and Z commands with absolute coordinates, rounded and rewritten with relative
 * steps (`m`, `l`); undefined for any other path (curves, arcs: rounded in place instead).
 */
export function relativePath(d: string): string | undefined {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  let out = "";
  let [x, y] = [0, 0]; // the current point, in tenths
  let [startX, startY] = [0, 0]; // where the current subpath began (Z returns there)
  for (let i = 0; i < tokens.length; ) {
    const command = tokens[i++]!;
    if (command === "Z") {
      out += "z";
      [x, y] = [startX, startY];
      continue;
    }
    if (command !== "M" && command !== "L") return undefined;
    const [nx, ny] = [tokens[i++], tokens[i++]].map((t) =>
      t !== undefined && !/^[a-zA-Z]$/.test(t) ? tenths(Number(t)) : Number.NaN,
    ) as [number, number];
    if (!Number.isFinite(nx) || !Number.isFinite(ny)) return undefined;
    // The first point is absolute; every later one a step from the current point.
    out +=
      out === "" ? `M${px(nx)},${px(ny)}` : `${command.toLowerCase()}${px(nx - x)},${px(ny - y)}`;
    [x, y] = [nx, ny];
    if (command === "M") [startX, startY] = [nx, ny];
  }
  return out === "" ? undefined : out;
}

/** A <rect> tag with its edges at tenths of a pixel (a size that would round to 0 stays as it was). */
function roundRect(tag: string): string {
  const attr = (name: string) => new RegExp(`\\s${name}="(-?[\\d.]+)"`).exec(tag)?.[1];
  for (const [start, size] of [
    ["x", "width"],
    ["y", "height"],
  ] as const) {
    const from = attr(start) ?? "0";
    const length = attr(size);
    if (length === undefined) continue;
    const [a, b] = [tenths(Number(from)), tenths(Number(from) + Number(length))];
    if (b - a <= 0 && Number(length) > 0) continue;
    if (attr(start) !== undefined)
      tag = tag.replace(new RegExp(`\\s${start}="[^"]*"`), ` ${start}="${px(a)}"`);
    tag = tag.replace(new RegExp(`\\s${size}="[^"]*"`), ` ${size}="${px(b - a)}"`);
  }
  return tag;
}
