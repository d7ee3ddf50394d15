import { confusionChart, epochCurves, PIXELS, pictures } from "@gradbook/classify";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";

const parse = (svg: string) => parseHTML(`<!doctype html><body>${svg}</body>`).document;

describe("pictures", () => {
  it("draws one rectangle per run of equal shade along a row, one path per shade, at its opacity", () => {
    const pixels = new Float64Array(PIXELS);
    pixels.fill(1, 28 * 3 + 4, 28 * 3 + 10); // row 3, columns 4 … 9: full ink
    pixels[28 * 5] = 0.5; // row 5, column 0: half
    const doc = parse(pictures([{ pixels, caption: "7 as 1" }], "one digit").svg);
    const paths = [...doc.querySelectorAll("g path")];
    // Runs at 3 px a pixel: row 3 from column 4 is (12, 9), 6 pixels wide; row 5's one pixel is (0, 15).
    expect(paths.map((p) => [p.getAttribute("d"), p.getAttribute("fill-opacity")])).toEqual([
      ["M12 9h18v3h-18z", "1.000"],
      ["M0 15h3v3h-3z", "0.500"],
    ]);
    expect(doc.querySelector("text")!.textContent).toBe("7 as 1");
    expect(doc.querySelector("title")!.textContent).toBe("one digit");
  });

  it("draws signed values in two colours, scaled to the largest |value|", () => {
    const pixels = new Float64Array(PIXELS);
    [pixels[0], pixels[1]] = [0.2, -0.1];
    const paths = [
      ...parse(
        pictures([{ pixels, caption: "w" }], "weights", { signed: true }).svg,
      ).querySelectorAll("g path"),
    ];
    expect(paths.map((p) => [p.getAttribute("fill"), p.getAttribute("fill-opacity")])).toEqual([
      ["#2f6fde", "1.000"],
      ["#e0542c", "0.500"],
    ]);
  });

  it("lays out `columns` pictures a row, and escapes captions", () => {
    const items = Array.from({ length: 5 }, (_, i) => ({
      pixels: new Float64Array(PIXELS),
      caption: `<${i}>`,
    }));
    const svg = pictures(items, "five", { columns: 2 }).svg;
    expect(parse(svg).querySelectorAll("g").length).toBe(5);
    expect(svg).toContain('viewBox="0 0 176 316"'); // 2·84 + 8 wide, 3·(84 + 16) + 2·8 high
    expect(svg).toContain("&lt;4&gt;");
  });

  it("refuses a picture that is not 28 × 28", () => {
    expect(() => pictures([{ pixels: [1, 2], caption: "" }], "bad")).toThrow(
      /784 values per picture, got 2 in picture 0/,
    );
  });
});

describe("charts", () => {
  it("confusionChart writes every non-zero count in its cell", () => {
    const matrix = Array.from({ length: 10 }, (_, t) =>
      Array.from({ length: 10 }, (_, p) => (t === p ? 90 + t : t === 3 && p === 5 ? 7 : 0)),
    );
    const texts = [
      ...parse(confusionChart(matrix, "a confusion matrix").svg).querySelectorAll("text"),
    ].map((t) => t.textContent);
    for (const count of ["90", "99", "7"]) expect(texts).toContain(count);
  });

  it("epochCurves labels each series", () => {
    const svg = epochCurves(
      { training: [0.5, 0.3], validation: [0.6, 0.4] },
      "loss",
      "two curves",
    ).svg;
    expect(svg).toContain("training");
    expect(svg).toContain("validation");
  });
});

describe("report", () => {
  it("worstDigits puts first the digits with the least probability on their true class", async () => {
    const { digits, worstDigits } = await import("@gradbook/classify");
    const set = digits(new Uint8Array(3 * PIXELS), Uint8Array.from([0, 1, 2]));
    const p = new Float64Array(30);
    [p[0], p[11], p[22]] = [0.9, 0.2, 0.5]; // p(true) of digits 0, 1, 2
    expect(worstDigits(p, set, 2)).toEqual([1, 2]);
  });

  it("confusionTable writes counts, dots for zeros, and each row's share right", async () => {
    const { confusionTable } = await import("@gradbook/classify");
    expect(
      confusionTable([
        [3, 1],
        [0, 4],
      ]),
    ).toBe(
      [
        "true ↓ predicted →",
        "        0   1   right",
        "    0   3   1   75.0%",
        "    1   .   4   100.0%",
      ].join("\n"),
    );
  });

  it("accuracyLine gives the count and the Wilson interval", async () => {
    const { accuracyLine } = await import("@gradbook/classify");
    expect(accuracyLine(963, 1000)).toBe(
      "96.3% (963 of 1000), 95% interval 94.9% to 97.3% (Wilson)",
    );
  });
});
