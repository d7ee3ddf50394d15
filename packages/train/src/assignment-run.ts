/**
 * The assignment's run: the course notebook's XOR training with the assignment's changes (2 → 5 → 4 → 1,
 * no output activation, 2001 epochs), every setting in one place.
 *
 * `init` holds the 44 initial parameters of the reference run (`../shared/reference/
 * xor_training.json`): PyTorch 1.13 after `torch.manual_seed(2)`, its default Linear init, then
 * the notebook's `weights_init` (every weight from N(0, 1), biases left at U(±1/√fanIn)). They are
 * float32 draws held exactly as float64, in PyTorch's order: W1 (5×2), b1, W2 (4×5), b2, W3 (1×4), b3.
 * Our own {@link Rng} cannot reproduce PyTorch's generator, so the reference run starts from these.
 */
export const assignmentRun = Object.freeze({
  /** Layer sizes: 2 inputs, hidden layers of 5 and 4 tanh neurons, 1 linear output. */
  sizes: Object.freeze([2, 5, 4, 1]),
  epochs: 2001,
  lr: 0.02,
  momentum: 0.9,
  loss: "l1",
  /** The notebook prints the loss every this many epochs. */
  logEvery: 500,
  /** The assignment of the data order, {@link lcgOrder}. */
  order: 2,
  init: Object.freeze([
    // W1
    0.42580392956733704, -1.4817981719970703, -0.4765695631504059, 0.24804358184337616,
    0.1559251844882965, -0.16073541343212128, 0.4172337055206299, 1.0003632307052612,
    0.600762128829956, 0.10979536175727844,
    // b1
    0.09293363243341446, 0.04699280858039856, -0.15549160540103912, 0.578199028968811,
    0.04719005525112152,
    // W2
    1.141386866569519, -0.6353712677955627, -1.4702459573745728, -0.21338602900505066,
    0.5598673224449158, -0.7775934934616089, 0.3339211940765381, 0.17591442167758942,
    0.4862743318080902, 0.27694588899612427, 0.5990191698074341, -0.30212536454200745,
    -1.4873199462890625, -0.2043229192495346, -1.0466426610946655, -1.5772472620010376,
    0.42691555619239807, 0.6788734793663025, 0.9183056354522705, 0.48073694109916687,
    // b2
    -0.20499813556671143, 0.19654300808906555, -0.17167305946350098, -0.09906625002622604,
    // W3
    -0.5133858919143677, -0.12599526345729828, -0.15056981146335602, 1.2403030395507812,
    // b3
    0.19441789388656616,
  ]),
} as const);
