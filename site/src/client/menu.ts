// On narrow screens the course navigation folds behind the header's Menu button (site.css), so a
// lesson starts in the first screen; the button opens it in place, and a link followed or Escape
// closes it again. Wide screens never see the button.

/** Wires the Menu button to the navigation it controls. */
export function setupMenu(button: HTMLButtonElement, nav: HTMLElement): void {
  const set = (open: boolean) => {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  };
  button.addEventListener("click", () => set(button.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("click", (event) => (event.target as Element).closest("a") && set(false));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && nav.classList.contains("open")) set(false), button.focus();
  });
}
