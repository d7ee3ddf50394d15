// The explorer's controls, one per `pnpm xor` flag, each with the sentence that says what it does
// and the lesson section that explains it. Names are the CLI's flags: the page's URL, its form
// and the command it shows all use them. The choices of a list come from the CLI's own table in
// the browser (site/src/explore/client), so they are written in one place.

/** Where a control's explanation links: a lesson by its number, a section by its heading. */
export interface LessonLink {
  lesson: string;
  /** The section's heading; none for the lesson's top. */
  heading?: string;
  text: string;
}

/** One control of the explorer's form. */
export interface Control {
  /** The `pnpm xor` flag it sets. */
  flag: string;
  label: string;
  /** A list of the CLI's choices, or a text field (what it accepts is the CLI's rule). */
  kind: "choice" | "text";
  /** What it does, in one sentence. */
  help: string;
  link?: LessonLink;
}

/** The explorer's limits on a run: a run ends in seconds and its diagram fits a phone's screen. */
export const PAGE_LIMITS = Object.freeze({ epochs: 20_000, width: 8, depth: 6 });

export const CONTROLS: Control[] = [
  {
    flag: "data",
    label: "Data",
    kind: "choice",
    help: "The points: XOR's four corners, or 100 noisy points to classify on two moons, two circles, a spiral, in two Gaussian clusters (gauss) or in four quadrants (TF Playground's XOR); plane and multi-gauss are TF Playground's regressions, targets from −1 to 1.",
    link: {
      lesson: "06",
      heading: "Next: the same code on two moons",
      text: "lesson 06, two moons",
    },
  },
  {
    flag: "noise",
    label: "Noise",
    kind: "text",
    help: "How far each point is moved at random (a standard deviation, at most 1); default is the dataset's own.",
  },
  {
    flag: "data-seed",
    label: "Data seed",
    kind: "text",
    help: "The seed that draws the data's points, their noise and the test points: Regenerate picks the next one.",
  },
  {
    flag: "test-split",
    label: "Test share",
    kind: "text",
    help: "The share of the points held out, never trained on, to test on (at most 0.9): the curve adds their loss, dashed.",
  },
  {
    flag: "features",
    label: "Input features",
    kind: "text",
    help: "What the network sees of a point, separated by commas: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2. With x1sq,x2sq one neuron can draw a circle.",
  },
  {
    flag: "hidden",
    label: "Hidden layers",
    kind: "text",
    help: `How many neurons each hidden layer has, separated by commas, or none for a linear model (at most ${PAGE_LIMITS.depth} layers of ${PAGE_LIMITS.width} here); the +/− buttons above the diagram set them too.`,
    link: { lesson: "02", text: "lesson 02" },
  },
  {
    flag: "activation",
    label: "Activation",
    kind: "choice",
    help: "What each hidden neuron applies to its weighted sum.",
    link: { lesson: "02", text: "lesson 02" },
  },
  {
    flag: "output-activation",
    label: "Output activation",
    kind: "choice",
    help: "What the last neuron applies to its sum: nothing (the assignment's), tanh, or the sigmoid.",
    link: {
      lesson: "06",
      heading: "The same recipe with a tanh output",
      text: "lesson 06, the same recipe with a tanh output",
    },
  },
  {
    flag: "loss",
    label: "Loss",
    kind: "choice",
    help: "How a wrong output is scored, and so how hard each error pulls on the weights.",
    link: {
      lesson: "03",
      heading: "L1 or MSE: how the size of the error reaches the gradient",
      text: "lesson 03, L1 or MSE",
    },
  },
  {
    flag: "l1",
    label: "L1 penalty",
    kind: "text",
    help: "λ₁ in λ₁·Σ|w| added to the loss over the weights: pushes small weights to exactly 0.",
  },
  {
    flag: "l2",
    label: "L2 penalty",
    kind: "text",
    help: "λ₂ in λ₂/2·Σw² added to the loss over the weights: shrinks every weight, as weight decay does.",
  },
  {
    flag: "lr",
    label: "Learning rate",
    kind: "text",
    help: "How far each step moves the weights against their gradient: too small crawls, too large overshoots.",
    link: { lesson: "05", heading: "One parameter, one parabola", text: "lesson 05, one parabola" },
  },
  {
    flag: "momentum",
    label: "Momentum",
    kind: "text",
    help: "How much of the last step each step keeps, in [0, 1): 0 is plain gradient descent.",
    link: { lesson: "05", heading: "Momentum, a second knob", text: "lesson 05, momentum" },
  },
  {
    flag: "batch-size",
    label: "Batch size",
    kind: "text",
    help: "How many points each step averages its loss over, in the data order's turn.",
    link: { lesson: "06", heading: "The loop", text: "lesson 06, the loop" },
  },
  {
    flag: "seed",
    label: "Initial weights",
    kind: "text",
    help: "torch starts from the reference run's PyTorch draw (only with hidden 5,4); a number N draws weights from N(0, 1) with Rng(N).",
    link: {
      lesson: "04",
      heading: "The assignment's four schemes, set right",
      text: "lesson 04, the assignment's schemes",
    },
  },
  {
    flag: "epochs",
    label: "Epochs",
    kind: "text",
    help: `How many passes over the data, each a step per batch of points (at most ${PAGE_LIMITS.epochs} here).`,
    link: { lesson: "06", heading: "The loop", text: "lesson 06, the loop" },
  },
  {
    flag: "order",
    label: "Data order",
    kind: "text",
    help: "Which point each step trains on: an LCG seed (2 is the assignment's), fixed or shuffled.",
    link: {
      lesson: "06",
      heading: "How robust is the assignment's recipe?",
      text: "lesson 06, robustness",
    },
  },
  {
    flag: "log-every",
    label: "Log every",
    kind: "text",
    help: "Print the loss every this many epochs, as the command does.",
    link: {
      lesson: "06",
      heading: "The assignment's run",
      text: "lesson 06, the assignment's run",
    },
  },
];

/** A one-click setting that tells part of lesson 06's story: its URL query and what to look for. */
export interface Preset {
  name: string;
  query: string;
  note: string;
}

export const PRESETS: Preset[] = [
  {
    name: "The assignment's run",
    query: "",
    note: "L1, lr 0.02, momentum 0.9 from the reference weights: watch the loss keep bouncing once XOR is classified.",
  },
  {
    name: "MSE",
    query: "loss=mse",
    note: "The squared error: its pull shrinks with the error. Compare the end of the loss curve with the assignment's.",
  },
  {
    name: "No momentum",
    query: "momentum=0",
    note: "Plain gradient descent: each step only the gradient, and a calmer end.",
  },
  {
    name: "lr 0.002",
    query: "lr=0.002",
    note: "Steps ten times smaller: slower to classify, steadier once it has.",
  },
  {
    name: "tanh output",
    query: "output-activation=tanh",
    note: "The notebook's tanh on the output: a target of 1 can only be approached. Watch the outputs.",
  },
  {
    name: "A seed that fails",
    query: "seed=8",
    note: "The assignment's recipe from Rng(8): a point is still on the wrong side at epoch 2000.",
  },
];
