// The loops of the matrix products, over row-major Float64Arrays. Every loop order here sums each
// element's products in the same order, so they give the same bits and differ only in speed:
// `pnpm bench --batch` times a layer's loops in two orders each (bench/batch.ts).
//
// The order of the sums is the scalar engine's. Forward, a neuron computes b + w₀x₀ + w₁x₁ + …
// from the bias, input by input. Backward, the engine's reverse topological order reaches the
// last use of a value first, so a gradient that collects several shares (a weight used by every
// point of a batch, an activation used by every neuron of the next layer) adds them last use
// first: the backward sums run down the contracted axis.

// #region linear-forward
/**
 * out[b, j] = init[j] + Σᵢ x[b, i]·w[j, i] (init 0 without a bias), i from 0 up: a layer's
 * pre-activations for a batch, `x @ wᵀ + bias`, with `x` `[batch, nin]` and `w` `[nout, nin]`.
 *
 * Both x's row b and w's row j are read along the row, and each row of w is reused for four
 * batch rows at once (four sums in flight), so it is read from memory a quarter as often.
 */
export function linearForward(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
  batch: number,
  nin: number,
  nout: number,
  out: Float64Array,
): void {
  let b = 0;
  for (; b + 4 <= batch; b += 4) {
    const r0 = b * nin;
    const r1 = r0 + nin;
    const r2 = r1 + nin;
    const r3 = r2 + nin;
    for (let j = 0; j < nout; j++) {
      const init = bias === null ? 0 : bias[j]!;
      let s0 = init;
      let s1 = init;
      let s2 = init;
      let s3 = init;
      const wj = j * nin;
      for (let i = 0; i < nin; i++) {
        const wi = w[wj + i]!;
        s0 += x[r0 + i]! * wi;
        s1 += x[r1 + i]! * wi;
        s2 += x[r2 + i]! * wi;
        s3 += x[r3 + i]! * wi;
      }
      out[b * nout + j] = s0;
      out[(b + 1) * nout + j] = s1;
      out[(b + 2) * nout + j] = s2;
      out[(b + 3) * nout + j] = s3;
    }
  }
  for (; b < batch; b++) linearRow(x, w, bias, b, nin, nout, out);
}
// #endregion linear-forward

/**
 * One batch row of {@link linearForward}: row b of x against every row of w, four rows of w at a
 * time (four independent sums in flight, where one sum would wait on each addition before the next).
 */
function linearRow(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
  b: number,
  nin: number,
  nout: number,
  out: Float64Array,
): void {
  const xb = b * nin;
  let j = 0;
  for (; j + 4 <= nout; j += 4) {
    let s0 = bias === null ? 0 : bias[j]!;
    let s1 = bias === null ? 0 : bias[j + 1]!;
    let s2 = bias === null ? 0 : bias[j + 2]!;
    let s3 = bias === null ? 0 : bias[j + 3]!;
    const w0 = j * nin;
    const w1 = w0 + nin;
    const w2 = w1 + nin;
    const w3 = w2 + nin;
    for (let i = 0; i < nin; i++) {
      const xi = x[xb + i]!;
      s0 += xi * w[w0 + i]!;
      s1 += xi * w[w1 + i]!;
      s2 += xi * w[w2 + i]!;
      s3 += xi * w[w3 + i]!;
    }
    out[b * nout + j] = s0;
    out[b * nout + j + 1] = s1;
    out[b * nout + j + 2] = s2;
    out[b * nout + j + 3] = s3;
  }
  for (; j < nout; j++) {
    let s = bias === null ? 0 : bias[j]!;
    const wj = j * nin;
    for (let i = 0; i < nin; i++) s += x[xb + i]! * w[wj + i]!;
    out[b * nout + j] = s;
  }
}

/** {@link linearForward} as the formula reads, one sum at a time, no blocking: the order `pnpm bench` compares it with. */
export function linearForwardRows(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
  batch: number,
  nin: number,
  nout: number,
  out: Float64Array,
): void {
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < nout; j++) {
      let s = bias === null ? 0 : bias[j]!;
      for (let i = 0; i < nin; i++) s += x[b * nin + i]! * w[j * nin + i]!;
      out[b * nout + j] = s;
    }
  }
}

// #region linear-backward
/**
 * The backward of {@link linearForward}, given g = d loss/d out `[batch, nout]`: adds
 * gx[b, i] += Σⱼ g[b, j]·w[j, i] (g @ w), gw[j, i] += Σ_b g[b, j]·x[b, i] (gᵀ @ x) and
 * gbias[j] += Σ_b g[b, j], each sum from its last term down (see the top of this file).
 * A null grad is not wanted.
 */
export function linearBackward(
  x: Float64Array,
  w: Float64Array,
  g: Float64Array,
  batch: number,
  nin: number,
  nout: number,
  gx: Float64Array | null,
  gw: Float64Array | null,
  gbias: Float64Array | null,
): void {
  if (batch < 4) {
    // Too few batch rows for gradWeight's blocks: one pass over w and gw per batch row instead,
    // both sums at once (`backwardRow`, below), the same terms in the same order.
    for (let b = batch - 1; b >= 0; b--) backwardRow(x, w, g, b, nin, nout, gx, gw);
  } else {
    if (gx !== null) gradInput(w, g, batch, nin, nout, gx);
    if (gw !== null) gradWeight(x, g, batch, nin, nout, gw);
  }
  if (gbias !== null) {
    for (let j = 0; j < nout; j++) {
      let s = gbias[j]!;
      for (let b = batch - 1; b >= 0; b--) s += g[b * nout + j]!; // ∂out[b,j]/∂bias[j] = 1
      gbias[j] = s;
    }
  }
}

/** gx[b, i] += Σⱼ g[b, j]·w[j, i], j from the last down, for every batch row: four rows of w at a time, so gx's row is loaded and stored once per four. */
function gradInput(
  w: Float64Array,
  g: Float64Array,
  batch: number,
  nin: number,
  nout: number,
  gx: Float64Array,
): void {
  for (let b = 0; b < batch; b++) {
    const xb = b * nin;
    const gb = b * nout;
    let j = nout - 1;
    for (; j >= 3; j -= 4) {
      const g0 = g[gb + j]!;
      const g1 = g[gb + j - 1]!;
      const g2 = g[gb + j - 2]!;
      const g3 = g[gb + j - 3]!;
      const w0 = j * nin;
      const w1 = w0 - nin;
      const w2 = w1 - nin;
      const w3 = w2 - nin;
      for (let i = 0; i < nin; i++) {
        let s = gx[xb + i]!;
        s += w[w0 + i]! * g0; // ∂out[b,j]/∂x[b,i] = w[j,i]
        s += w[w1 + i]! * g1;
        s += w[w2 + i]! * g2;
        s += w[w3 + i]! * g3;
        gx[xb + i] = s;
      }
    }
    for (; j >= 0; j--) {
      const gbj = g[gb + j]!;
      const wj = j * nin;
      for (let i = 0; i < nin; i++) gx[xb + i]! += w[wj + i]! * gbj;
    }
  }
}

/** gw[j, i] += Σ_b g[b, j]·x[b, i], b from the last down: four batch rows at a time, so gw's row is loaded and stored once per four. */
function gradWeight(
  x: Float64Array,
  g: Float64Array,
  batch: number,
  nin: number,
  nout: number,
  gw: Float64Array,
): void {
  for (let j = 0; j < nout; j++) {
    const wj = j * nin;
    let b = batch - 1;
    for (; b >= 3; b -= 4) {
      const g0 = g[b * nout + j]!;
      const g1 = g[(b - 1) * nout + j]!;
      const g2 = g[(b - 2) * nout + j]!;
      const g3 = g[(b - 3) * nout + j]!;
      const x0 = b * nin;
      const x1 = x0 - nin;
      const x2 = x1 - nin;
      const x3 = x2 - nin;
      for (let i = 0; i < nin; i++) {
        let s = gw[wj + i]!;
        s += x[x0 + i]! * g0; // ∂out[b,j]/∂w[j,i] = x[b,i]
        s += x[x1 + i]! * g1;
        s += x[x2 + i]! * g2;
        s += x[x3 + i]! * g3;
        gw[wj + i] = s;
      }
    }
    for (; b >= 0; b--) {
      const gbj = g[b * nout + j]!;
      const xb = b * nin;
      for (let i = 0; i < nin; i++) gw[wj + i]! += x[xb + i]! * gbj;
    }
  }
}
// #endregion linear-backward

/**
 * The backward of one batch row b of {@link linearForward}, in one pass over w and gw: for each
 * output j, from the last down, gx[b, ·] += g[b, j]·w[j, ·] and gw[j, ·] += g[b, j]·x[b, ·].
 * Four rows of w and gw at a time: gx's row and x's row are loaded once per four.
 */
function backwardRow(
  x: Float64Array,
  w: Float64Array,
  g: Float64Array,
  b: number,
  nin: number,
  nout: number,
  gx: Float64Array | null,
  gw: Float64Array | null,
): void {
  const xb = b * nin;
  const gb = b * nout;
  let j = nout - 1;
  for (; j >= 3; j -= 4) {
    const g0 = g[gb + j]!;
    const g1 = g[gb + j - 1]!;
    const g2 = g[gb + j - 2]!;
    const g3 = g[gb + j - 3]!;
    const w0 = j * nin;
    const w1 = w0 - nin;
    const w2 = w1 - nin;
    const w3 = w2 - nin;
    if (gx !== null && gw !== null) {
      for (let i = 0; i < nin; i++) {
        let s = gx[xb + i]!;
        s += w[w0 + i]! * g0; // ∂out[b,j]/∂x[b,i] = w[j,i]
        s += w[w1 + i]! * g1;
        s += w[w2 + i]! * g2;
        s += w[w3 + i]! * g3;
        gx[xb + i] = s;
        const xi = x[xb + i]!;
        gw[w0 + i]! += xi * g0; // ∂out[b,j]/∂w[j,i] = x[b,i]
        gw[w1 + i]! += xi * g1;
        gw[w2 + i]! += xi * g2;
        gw[w3 + i]! += xi * g3;
      }
    } else if (gx !== null) {
      for (let i = 0; i < nin; i++) {
        let s = gx[xb + i]!;
        s += w[w0 + i]! * g0;
        s += w[w1 + i]! * g1;
        s += w[w2 + i]! * g2;
        s += w[w3 + i]! * g3;
        gx[xb + i] = s;
      }
    } else if (gw !== null) {
      for (let i = 0; i < nin; i++) {
        const xi = x[xb + i]!;
        gw[w0 + i]! += xi * g0;
        gw[w1 + i]! += xi * g1;
        gw[w2 + i]! += xi * g2;
        gw[w3 + i]! += xi * g3;
      }
    }
  }
  for (; j >= 0; j--) {
    const gbj = g[gb + j]!;
    const wj = j * nin;
    if (gx !== null) for (let i = 0; i < nin; i++) gx[xb + i]! += w[wj + i]! * gbj;
    if (gw !== null) for (let i = 0; i < nin; i++) gw[wj + i]! += x[xb + i]! * gbj;
  }
}

/**
 * out = a @ b for a `[n, k]` and b `[k, m]`: out[i, j] = Σₚ a[i, p]·b[p, j], p from 0 up.
 * Row by row: a[i, p] times row p of b is added into row i of out, so b is read along its rows.
 */
export function matmulForward(
  a: Float64Array,
  b: Float64Array,
  n: number,
  k: number,
  m: number,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      const bp = p * m;
      for (let j = 0; j < m; j++) out[oi + j]! += aip * b[bp + j]!;
    }
  }
}

/** {@link matmulForward} as the formula reads, one sum per element: b read down its columns. */
export function matmulForwardDots(
  a: Float64Array,
  b: Float64Array,
  n: number,
  k: number,
  m: number,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = out[i * m + j]!;
      for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p * m + j]!;
      out[i * m + j] = s;
    }
  }
}

/** The backward of {@link matmulForward}: adds d loss/d a to ga and d loss/d b to gb, given g = d loss/d out (null: not wanted); lesson 08's first exercise. */
export function matmulBackward(
  a: Float64Array,
  b: Float64Array,
  g: Float64Array,
  n: number,
  k: number,
  m: number,
  ga: Float64Array | null,
  gb: Float64Array | null,
): void {
  // #region exercise:matmul-backward
  if (ga !== null) {
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < k; p++) {
        let s = ga[i * k + p]!;
        for (let j = m - 1; j >= 0; j--) s += b[p * m + j]! * g[i * m + j]!; // ∂out[i,j]/∂a[i,p] = b[p,j]
        ga[i * k + p] = s;
      }
    }
  }
  if (gb !== null) {
    for (let i = n - 1; i >= 0; i--) {
      for (let p = 0; p < k; p++) {
        const aip = a[i * k + p]!;
        const bp = p * m;
        for (let j = 0; j < m; j++) gb[bp + j]! += aip * g[i * m + j]!; // ∂out[i,j]/∂b[p,j] = a[i,p]
      }
    }
  }
  // #endregion exercise:matmul-backward
}
