// The light/dark toggle. The page follows the system's colour scheme until the reader picks
// one; the pick is stored, and a one-line script in <head> applies it before first paint.

const KEY = "gradbook-theme";

/** The theme in effect: the reader's pick, or the system's. */
function currentTheme(): "light" | "dark" {
  const picked = document.documentElement.dataset.theme;
  if (picked === "light" || picked === "dark") return picked;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Shows the toggle (hidden without JavaScript) and wires it; its label names the theme it switches to. */
export function setupThemeToggle(button: HTMLButtonElement): void {
  const label = button.querySelector(".theme-label")!;
  const sync = () => (label.textContent = currentTheme() === "dark" ? "Light theme" : "Dark theme");
  button.hidden = false;
  sync();
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", sync);
  button.addEventListener("click", () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage can be off (private mode): the pick then lasts for this page only.
    }
    sync();
  });
}
