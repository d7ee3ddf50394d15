// What a screen reader is told of runs and checks: one polite announcement each, from a region
// that is there before anything is said (a live region added with its text is not read). The
// boxes under the blocks are not live: a run's partial output would chatter.

/** Adds a visually hidden live region to `parent`; the function it returns says `text` there. */
export function liveRegion(parent: HTMLElement, className: string): (text: string) => void {
  const region = document.createElement("p");
  region.className = `visually-hidden ${className}`;
  region.setAttribute("role", "status"); // polite, and read whole
  parent.append(region);
  return (text) => {
    // A new node each time: the same words said again (the same failure twice) are read again.
    const words = document.createElement("span");
    words.textContent = text;
    region.replaceChildren(words);
  };
}
