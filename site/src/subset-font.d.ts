// subset-font ships no types: the part of its API that src/fonts.ts uses.
declare module "subset-font" {
  /** A font (TrueType, WOFF or WOFF2) with only the glyphs of `text`'s characters, in `targetFormat`. */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "sfnt" | "woff" | "woff2" },
  ): Promise<Buffer>;
}
