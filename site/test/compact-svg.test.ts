import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactSvg, relativePath } from "../src/render/compact-svg.ts";

// A figure's geometry at a tenth of a pixel: what changes, what is left alone, and that the
// relative paths land on the same points as the absolute ones they replace.

/** The absolute points of a path of M/L/Z (or m/l/z) commands, followed step by step. */
function follow(d: string): [number, number][] {
  const points: [number, number][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  for (const [, command, a, b] of d.matchAll(/([MLZmlz])(?:(-?[\d.]+)[, ](-?[\d.]+))?/g)) {
    if (command === "Z" || command === "z") {
      [x, y] = [startX, startY];
      continue;
    }
    const relative = command === "m" || command === "l";
    [x, y] = relative ? [x + Number(a), y + Number(b)] : [Number(a), Number(b)];
    if (command === "M" || command === "m") [startX, startY] = [x, y];
    points.push([x, y]);
  }
  return points;
}

describe("compactSvg", () => {
  it.each([
    [
      "a polyline: rounded, then steps from point to point",
      '<path d="M20.126,431.2349L-0.04,3.0"/>',
      '<path d="M20.1,431.2l-20.1,-428.2"/>',
    ],
    ["spaces as separators", '<path d="M0 0L1.25 2"/>', '<path d="M0,0l1.3,2"/>'],
    [
      "a closed subpath, then another: z returns to its start",
      '<path d="M0,0L10,0L10,10ZM20,20L30,20"/>',
      '<path d="M0,0l10,0l0,10zm20,20l10,0"/>',
    ],
    [
      "a curve: rounded in place",
      '<path d="M0,0C1.234,2.345,3,4,5.55,6"/>',
      '<path d="M0,0C1.2,2.3,3,4,5.6,6"/>',
    ],
    ["polygon points", '<polygon points="1.25,2.349 3,4"/>', '<polygon points="1.3,2.3 3,4"/>'],
    // Edges, not sizes: the bar ending at 30.133 and the next starting there still meet at 30.1.
    [
      "touching bars",
      '<rect x="20" width="5.066666666666666" height="33.88056286903423" y="37.11943713096577"/><rect x="25.066666666666666" width="5.066666666666667" height="2"/>',
      '<rect x="20" width="5.1" height="33.9" y="37.1"/><rect x="25.1" width="5" height="2"/>',
    ],
    [
      "a bar whose edges round to one keeps its size",
      '<rect x="1.21" width="0.03" height="5"/>',
      '<rect x="1.21" width="0.03" height="5"/>',
    ],
    [
      "a rect sized in percent is left alone",
      '<rect width="100%" height="100%"/>',
      '<rect width="100%" height="100%"/>',
    ],
    [
      "translate() offsets, lines and circles",
      '<g transform="translate(70.66666666666666,71) rotate(-90.5)"><line x1="0.04" x2="9.96"/><circle cx="1.26" cy="2" r="4.5"/></g>',
      '<g transform="translate(70.7,71) rotate(-90.5)"><line x1="0" x2="10"/><circle cx="1.3" cy="2" r="4.5"/></g>',
    ],
    [
      "text and the root's attributes are left alone",
      '<svg viewBox="0 0 640.25 200" width="640.5"><text x="1.234">0.0012</text></svg>',
      '<svg viewBox="0 0 640.25 200" width="640.5"><text x="1.234">0.0012</text></svg>',
    ],
  ])("%s", (_, svg, expected) => {
    expect(compactSvg(svg)).toBe(expected);
  });

  it("is stable: compacting twice changes nothing more", () => {
    const svg =
      '<svg><path d="M20.126,431.2349L-0.04,3.0L5,5"/><rect x="25.066666666666666" width="5.066666666666667" height="2"/></svg>';
    expect(compactSvg(compactSvg(svg))).toBe(compactSvg(svg));
  });

  it("writes a polyline whose steps land on its points rounded to a tenth of a pixel", () => {
    const coordinate = fc.double({ min: -1000, max: 1000, noNaN: true });
    const polyline = fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(polyline, (points) => {
        const d = points.map(([x, y], i) => `${i ? "L" : "M"}${x},${y}`).join("");
        const followed = follow(relativePath(d)!);
        expect(followed).toHaveLength(points.length);
        followed.forEach(([x, y], i) => {
          expect(Math.abs(x - Math.round(points[i]![0] * 10) / 10)).toBeLessThan(1e-6);
          expect(Math.abs(y - Math.round(points[i]![1] * 10) / 10)).toBeLessThan(1e-6);
        });
      }),
    );
  });

  it("leaves a path with other commands to be rounded in place", () => {
    expect(relativePath("M0,0A5,5,0,0,1,10,10")).toBeUndefined();
    expect(relativePath("m0,0l5,5")).toBeUndefined();
    expect(relativePath("M0,0L5")).toBeUndefined();
  });
});
