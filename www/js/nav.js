// The section links in the top bar: on a phone they sit in a row of their own under the brand
// (scrolling sideways inside the row if they ever outgrow it), and the link of the section in
// view is marked with aria-current.
export function initNav() {
  const links = [...document.querySelectorAll('.nav a[href^="#"]')];
  const sections = links.map((a) => document.getElementById(a.hash.slice(1))).filter(Boolean);
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      for (const a of links) {
        if (a.hash === `#${entry.target.id}`) a.setAttribute('aria-current', 'true');
        else a.removeAttribute('aria-current');
      }
    }
  }, { rootMargin: '-30% 0px -60% 0px' });
  for (const s of sections) observer.observe(s);
}
