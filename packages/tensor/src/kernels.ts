// The loops of the matrix products, over row-major Float64Arrays. Every loop order here sums each
// element's products in the same order, so they give the same bits and differ only in speed:
// `pnpm bench --batch` times a layer's loops in two orders each (bench/batch.ts).
//
// The order of the sums is the scalar engine's. Forward, a neuron computes b + w₀x₀ + w₁x₁ + …
// from the bias, input by input. Backward, the engine's reverse topological order reaches the
// last use of a value first, so a gradient that collects several shares (a weight used by every
// point of a batch, an activation used by every neuron of the next layer) adds them last use
// first: the backward sums run down the contracted axis.

/**
 * The batch rows the blocked loops take at a time: a layer given fewer runs one batch row at a
 * time instead (`backwardRow` below; the SIMD kernels of `wasm/`, for a point or a few).
 */
export const BLOCK_ROWS = 4;

// #region linear-forward
/**
 * out[b, j] = init[j] + Σᵢ x[b, i]·w[j, i] (init 0 without a bias), i from 0 up: a layer's
 * pre-activations for a batch, `x @ wᵀ + bias`, with `x` `[batch, nin]` and `w` `[nout, nin]`.
 *
 * Both x's row b and w's row j are read along the row, in blocks of four batch rows by two rows
 * of w: eight sums in flight, each of its own output, so each row of w is read from memory a
 * quarter as often and each row of x half as often.
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
    let j = 0;
    for (; j + 2 <= nout; j += 2) {
      const init = bias === null ? 0 : bias[j]!;
      const next = bias === null ? 0 : bias[j + 1]!;
      // Row j of w against batch rows b … b + 3 (s), and row j + 1 (t). Plain variables, not
      // destructuring: V8 keeps these in registers.
      let s0 = init;
      let s1 = init;
      let s2 = init;
      let s3 = init;
      let t0 = next;
      let t1 = next;
      let t2 = next;
      let t3 = next;
      const wj = j * nin;
      const wk = wj + nin;
      for (let i = 0; i < nin; i++) {
        const u = w[wj + i]!;
        const v = w[wk + i]!;
        const x0 = x[r0 + i]!;
        const x1 = x[r1 + i]!;
        const x2 = x[r2 + i]!;
        const x3 = x[r3 + i]!;
        s0 += x0 * u;
        s1 += x1 * u;
        s2 += x2 * u;
        s3 += x3 * u;
        t0 += x0 * v;
        t1 += x1 * v;
        t2 += x2 * v;
        t3 += x3 * v;
      }
      const o = b * nout + j;
      out[o] = s0;
      out[o + nout] = s1;
      out[o + 2 * nout] = s2;
      out[o + 3 * nout] = s3;
      out[o + 1] = t0;
      out[o + nout + 1] = t1;
      out[o + 2 * nout + 1] = t2;
      out[o + 3 * nout + 1] = t3;
    }
    for (; j < nout; j++) {
      const init = bias === null ? 0 : bias[j]!;
      for (let r = b; r < b + 4; r++) out[r * nout + j] = dot(x, r * nin, w, j * nin, nin, init);
    }
  }
  for (; b < batch; b++) linearRow(x, w, bias, b, nin, nout, out);
}
// #endregion linear-forward

/** init + Σᵢ x[xo + i]·w[wo + i], i from 0 up: one neuron's sum for one point. */
function dot(
  x: Float64Array,
  xo: number,
  w: Float64Array,
  wo: number,
  n: number,
  init: number,
): number {
  let s = init;
  for (let i = 0; i < n; i++) s += x[xo + i]! * w[wo + i]!;
  return s;
}

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
  if (batch < BLOCK_ROWS && gx !== null && gw !== null) {
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

/**
 * gw[j, i] += Σ_b g[b, j]·x[b, i], b from the last down, in blocks of two rows of gw by four batch
 * rows: each row of gw is loaded and stored once per four terms, each row of x read once per two.
 */
function gradWeight(
  x: Float64Array,
  g: Float64Array,
  batch: number,
  nin: number,
  nout: number,
  gw: Float64Array,
): void {
  let j = 0;
  for (; j + 2 <= nout; j += 2) {
    const wj = j * nin;
    const wk = wj + nin;
    let b = batch - 1;
    for (; b >= 3; b -= 4) {
      const x0 = b * nin;
      const x1 = x0 - nin;
      const x2 = x1 - nin;
      const x3 = x2 - nin;
      const g0 = g[b * nout + j]!; // column j of g, rows b … b − 3
      const g1 = g[(b - 1) * nout + j]!;
      const g2 = g[(b - 2) * nout + j]!;
      const g3 = g[(b - 3) * nout + j]!;
      const h0 = g[b * nout + j + 1]!; // column j + 1
      const h1 = g[(b - 1) * nout + j + 1]!;
      const h2 = g[(b - 2) * nout + j + 1]!;
      const h3 = g[(b - 3) * nout + j + 1]!;
      for (let i = 0; i < nin; i++) {
        const p0 = x[x0 + i]!;
        const p1 = x[x1 + i]!;
        const p2 = x[x2 + i]!;
        const p3 = x[x3 + i]!;
        let s = gw[wj + i]!;
        s += p0 * g0; // ∂out[b,j]/∂w[j,i] = x[b,i]
        s += p1 * g1;
        s += p2 * g2;
        s += p3 * g3;
        gw[wj + i] = s;
        let t = gw[wk + i]!;
        t += p0 * h0;
        t += p1 * h1;
        t += p2 * h2;
        t += p3 * h3;
        gw[wk + i] = t;
      }
    }
    for (; b >= 0; b--) {
      const gbj = g[b * nout + j]!;
      const gbk = g[b * nout + j + 1]!;
      const xb = b * nin;
      for (let i = 0; i < nin; i++) {
        gw[wj + i]! += x[xb + i]! * gbj;
        gw[wk + i]! += x[xb + i]! * gbk;
      }
    }
  }
  if (j < nout) {
    const wj = j * nin;
    for (let b = batch - 1; b >= 0; b--) {
      const gbj = g[b * nout + j]!;
      for (let i = 0; i < nin; i++) gw[wj + i]! += x[b * nin + i]! * gbj;
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
  gx: Float64Array,
  gw: Float64Array,
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
  }
  for (; j >= 0; j--) {
    const gbj = g[gb + j]!;
    const wj = j * nin;
    for (let i = 0; i < nin; i++) gx[xb + i]! += w[wj + i]! * gbj;
    for (let i = 0; i < nin; i++) gw[wj + i]! += x[xb + i]! * gbj;
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
