// Lesson 04's problems beyond the initializers it builds: what relu and leaky relu do to a
// normal input, worked out exactly, and the fans of a weight with more than two dimensions.

/**
 * The mean and variance of relu(z) for z ~ N(0, std²): what a relu layer hands the next one
 * when its input is a centred normal.
 */
export function reluMoments(std: number): { mean: number; variance: number } {
  // #region exercise:relu-moments
  // E[relu z] = ∫₀^∞ z·φ(z/σ)/σ dz = σ·φ(0) = σ/√(2π); E[relu(z)²] = σ²/2 (half of a symmetric square)
  const mean = std / Math.sqrt(2 * Math.PI);
  return { mean, variance: (std * std) / 2 - mean * mean };
  // #endregion exercise:relu-moments
}

/**
 * E[leaky_relu(z)²] for z ~ N(0, std²), where leaky_relu(z) is z for z > 0 and slope·z below.
 */
export function leakyMeanSquare(std: number, slope: number): number {
  // #region exercise:leaky-mean-square
  // Each half of the symmetric input carries half of E[z²] = σ²; the negative half is scaled by slope².
  return ((1 + slope * slope) * std * std) / 2;
  // #endregion exercise:leaky-mean-square
}

/**
 * fanIn and fanOut of a weight of shape [out, in, …kernel], as PyTorch computes them for its
 * initializers (`_calculate_fan_in_and_fan_out`): a Linear layer's weight is [out, in], a 2-d
 * convolution's [out, in, kh, kw].
 */
export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2 || !shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new RangeError(
      `fans: expected a shape of at least two positive integers [out, in, …kernel], got [${shape.join(", ")}]`,
    );
  }
  // #region exercise:fans
  const receptive = shape.slice(2).reduce((product, k) => product * k, 1); // the kernel's size: 1 for a Linear layer
  return { fanIn: shape[1]! * receptive, fanOut: shape[0]! * receptive };
  // #endregion exercise:fans
}
