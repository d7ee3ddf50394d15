/** A figure a lesson shows: an SVG and the text alternative that describes it. */
export interface Figure {
  svg: string;
  alt: string;
}
