// Colour contrast as WCAG defines it, to keep every highlighted token readable (≥ 4.5:1) on the
// site's own code backgrounds, whatever the shiki theme chose.

function channels(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h.slice(0, 6);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** `color`, moved toward black or white (away from `background`) until it reaches `ratio`. */
export function ensureContrast(color: string, background: string, ratio = 4.5): string {
  const target = luminance(background) > 0.18 ? 0 : 255;
  let [r, g, b] = channels(color);
  for (let step = 0; step < 40 && contrastRatio(hex(r, g, b), background) < ratio; step++) {
    [r, g, b] = [r, g, b].map((c) => Math.round(c + (target - c) * 0.08)) as [
      number,
      number,
      number,
    ];
  }
  return hex(r, g, b);
}

function hex(...rgb: number[]): string {
  return "#" + rgb.map((c) => c.toString(16).padStart(2, "0")).join("");
}
