import { type Feature, FEATURE_NAMES, FEATURES } from "@gradbook/train";
import type { Plane } from "../plane.ts";
import { paint } from "./colour.ts";

// TF Playground's input column: every feature the network can be given, each a button with its
// name and a picture of its value over the plane, pressed while the network sees it. A button
// only asks for the change (`toggle`): the features field, read by `pnpm xor`'s rule, decides.

/** A feature's value over an n × n grid of `plane` (row by row from the bottom), scaled to [0, 1] with 0 in the middle. */
function featurePicture(feature: Feature, plane: Plane, n: number): number[] {
  const values: number[] = [];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const [x1, x2] = plane.point(c, r, n);
      values.push(FEATURES[feature].of(x1!, x2!));
    }
  const most = Math.max(...values.map(Math.abs)) || 1;
  return values.map((v) => (v / most + 1) / 2);
}

/**
 * Where a feature's button goes over the diagram: its row's box, as shares of the diagram's size,
 * and its picture's side as a share of the box's height (the picture sits at its right end).
 */
export type TilePlace = (row: number) => {
  left: number;
  top: number;
  width: number;
  height: number;
  tile: number;
};

/**
 * The features' buttons in TF Playground's order, placed by `place` in `box` (the diagram's frame):
 * those in `on` pressed. Returns each feature's picture, for the plane to show it enlarged.
 */
export function featureTiles(
  box: HTMLElement,
  on: readonly Feature[],
  plane: Plane,
  n: number,
  place: TilePlace,
  toggle: (feature: Feature) => void,
  hover: (feature: Feature | undefined) => void,
): Map<Feature, number[]> {
  const pictures = new Map<Feature, number[]>();
  for (const [row, feature] of FEATURE_NAMES.entries()) {
    const pressed = on.includes(feature);
    const button = Object.assign(document.createElement("button"), { type: "button" });
    button.className = "feature";
    button.setAttribute("aria-pressed", String(pressed));
    button.setAttribute("aria-label", `Input ${FEATURES[feature].label}`);
    button.dataset.feature = feature;
    const { left, top, width, height, tile } = place(row);
    Object.assign(button.style, {
      left: `${100 * left}%`,
      top: `${100 * top}%`,
      width: `${100 * width}%`,
      height: `${100 * height}%`,
    });
    const name = Object.assign(document.createElement("span"), {
      textContent: FEATURES[feature].label,
    });
    name.setAttribute("aria-hidden", "true");
    const canvas = document.createElement("canvas");
    canvas.style.height = `${100 * tile}%`;
    const values = featurePicture(feature, plane, n);
    paint(canvas, values, n, (v) => v);
    pictures.set(feature, values);
    button.append(name, canvas);
    button.addEventListener("click", () => toggle(feature));
    button.addEventListener("pointerenter", () => hover(feature));
    button.addEventListener("pointerleave", () => hover(undefined));
    button.addEventListener("focus", () => hover(feature));
    button.addEventListener("blur", () => hover(undefined));
    box.append(button);
  }
  return pictures;
}
