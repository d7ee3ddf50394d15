// Figures for lessons: the project's one figure module (@gradbook/figure, which the CLI and the
// site use too), offered to lessons as `@gradbook/lessons/figure` — a lesson imports the kit's
// helpers, not a package outside the course's steps.
export {
  type Axis,
  bars,
  binned,
  type Corner,
  type Figure,
  graph,
  histograms,
  legend,
  lines,
  Plot,
  plot,
} from "@gradbook/figure";
