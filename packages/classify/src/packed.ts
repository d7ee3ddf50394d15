import { type Digits, digits, PIXELS } from "./digits.ts";

/** Bytes per digit in a {@link packDigits} file: its label, then its 784 grey levels. */
const RECORD = 1 + PIXELS;

/**
 * Digits as one array of bytes, for the wire: every label first (one byte each), then every
 * digit's 784 grey levels (0 … 255). 785 bytes a digit, 7.85 MB for the 10,000; it gzips well.
 */
export function packDigits(set: Digits): Uint8Array {
  const bytes = new Uint8Array(set.size * RECORD);
  bytes.set(set.labels, 0);
  bytes.set(set.images, set.size);
  return bytes;
}

/** The digits of a {@link packDigits} array (views into it, not copies). */
export function unpackDigits(bytes: Uint8Array): Digits {
  if (bytes.length % RECORD !== 0)
    throw new RangeError(
      `unpackDigits: expected ${RECORD} bytes a digit (a label and ${PIXELS} grey levels), got ${bytes.length} bytes`,
    );
  const size = bytes.length / RECORD;
  return digits(bytes.subarray(size), bytes.subarray(0, size));
}
