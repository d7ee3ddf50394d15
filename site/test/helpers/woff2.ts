import { brotliDecompressSync } from "node:zlib";

// A reader for just enough of a WOFF2 font to check a subset without the code that made it:
// which characters its cmap maps to a glyph, and how many glyphs it has (maxp). WOFF2 is a
// table directory and one Brotli stream holding the tables in directory order; cmap and maxp
// are never transformed. https://www.w3.org/TR/WOFF2/

/** Tags by their index in WOFF2's table of known tags; only the ones read here. */
const KNOWN: Record<number, string> = { 0: "cmap", 4: "maxp", 10: "glyf", 11: "loca" };

/** A WOFF2 font's characters (code points with a glyph) and its number of glyphs. */
export function readWoff2(font: Uint8Array): { chars: Set<number>; glyphs: number } {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (view.getUint32(0) !== 0x774f4632)
    throw new Error("readWoff2: not a WOFF2 font (no wOF2 signature)");
  const numTables = view.getUint16(12);
  let at = 48; // after the header
  const base128 = () => {
    let value = 0;
    for (;;) {
      const byte = font[at++]!;
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
  };
  const tables = new Map<string, { offset: number; length: number }>();
  let offset = 0; // in the decompressed stream
  for (let i = 0; i < numTables; i++) {
    const flags = font[at++]!;
    const index = flags & 0x3f;
    let tag = KNOWN[index] ?? `#${index}`;
    if (index === 63) {
      tag = String.fromCharCode(...font.subarray(at, at + 4));
      at += 4;
    }
    const version = flags >> 6;
    const origLength = base128();
    // glyf and loca are transformed at version 0; every other table at any other version.
    const transformed = tag === "glyf" || tag === "loca" ? version === 0 : version !== 0;
    const length = transformed ? base128() : origLength;
    tables.set(tag, { offset, length });
    offset += length;
  }
  const data = brotliDecompressSync(font.subarray(at, at + view.getUint32(20)));
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`readWoff2: no ${tag} table`);
    return new DataView(data.buffer, data.byteOffset + t.offset, t.length);
  };
  return { chars: cmapChars(table("cmap")), glyphs: table("maxp").getUint16(4) };
}

/** The code points a cmap maps to a glyph other than 0, from its Unicode subtable (format 4 or 12). */
function cmapChars(cmap: DataView): Set<number> {
  const chars = new Set<number>();
  const subtables = cmap.getUint16(2);
  for (let i = 0; i < subtables; i++) {
    const [platform, encoding] = [cmap.getUint16(4 + 8 * i), cmap.getUint16(6 + 8 * i)];
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const start = cmap.getUint32(8 + 8 * i);
    const format = cmap.getUint16(start);
    if (format === 4) {
      const segments = cmap.getUint16(start + 6) / 2;
      const ends = start + 14;
      const starts = ends + 2 * segments + 2;
      const deltas = starts + 2 * segments;
      const rangeOffsets = deltas + 2 * segments;
      for (let s = 0; s < segments; s++) {
        const [first, last] = [cmap.getUint16(starts + 2 * s), cmap.getUint16(ends + 2 * s)];
        const [delta, rangeOffset] = [
          cmap.getUint16(deltas + 2 * s),
          cmap.getUint16(rangeOffsets + 2 * s),
        ];
        for (let c = first; c <= last && c !== 0xffff; c++) {
          const glyph =
            rangeOffset === 0
              ? (c + delta) & 0xffff
              : cmap.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - first));
          if (glyph !== 0) chars.add(c);
        }
      }
    } else if (format === 12) {
      const groups = cmap.getUint32(start + 12);
      for (let g = 0; g < groups; g++) {
        const [first, last] = [
          cmap.getUint32(start + 16 + 12 * g),
          cmap.getUint32(start + 20 + 12 * g),
        ];
        for (let c = first; c <= last; c++) chars.add(c);
      }
    }
  }
  return chars;
}
