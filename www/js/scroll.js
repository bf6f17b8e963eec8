// Bringing a result into view after an action, below the sticky top bar, without moving the page
// when the result is already visible.

/** The height the sticky top bar covers at the top of the viewport (px). */
function coveredTop() {
  const bar = document.querySelector('.topbar');
  return bar ? bar.getBoundingClientRect().bottom : 0;
}

/**
 * Scrolls the page so that `node` is fully in view, unless it already is. It lands with
 * `anchor` (something above it, such as a status line) at the top when both fit in the
 * viewport; otherwise with `node` at the bottom, keeping as much of what leads to it as fits.
 * Smooth unless the user prefers reduced motion (the stylesheet decides).
 */
export function revealInPage(node, anchor = node) {
  const top = coveredTop() + 8;
  const bottom = innerHeight - 8;
  const r = node.getBoundingClientRect();
  if (r.top >= top && r.bottom <= innerHeight) return;
  const a = anchor.getBoundingClientRect();
  let delta;
  if (a.top <= r.top && r.bottom - a.top <= bottom - top) delta = a.top - top;
  else delta = Math.min(r.bottom - bottom, r.top - top);
  window.scrollTo({ top: window.scrollY + delta });
}
