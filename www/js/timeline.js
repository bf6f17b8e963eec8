// The retry timeline: a waterfall in SVG. One row per attempt (its bar, then the wait after it),
// a row for a cooldown before the first attempt, and the outcome at the end. Time runs left to
// right on a scale that grows with the run. Text is set with textContent only.
import { svg, formatMs } from './dom.js';
import { describeWait } from './reasons.js';

const ROW = 54;
const TOP = 8;
const AXIS = 26;
const PAD = 10;

/** Tick steps (ms): 1, 2 and 5 times a power of ten, so every label is a round number. */
export const TICK_STEPS = [50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

/** A tick step (ms) that gives at most about `count` ticks over `span`. */
function tickStep(span, count) {
  const raw = span / count;
  return TICK_STEPS.find((s) => s >= raw) ?? TICK_STEPS[TICK_STEPS.length - 1];
}

/** A tick's label: '0', '0.2 s', '1.5 s'… exact for every step above ('0.05 s' for 50 ms). */
const tickLabel = (t) => (t === 0 ? '0' : `${Number((t / 1000).toFixed(2))} s`);

/** The colour class of an attempt: its status class, or a failure. */
function attemptClass(a) {
  if (a.status) return `class-${['', 'informational', 'success', 'redirection', 'client_error', 'server_error'][Math.floor(a.status / 100)]}`;
  if (a.error) return 'failure';
  return 'inflight';
}

/** One line of text for an attempt. */
function attemptLabel(a, now) {
  const took = formatMs((a.end ?? now) - a.start);
  if (a.status) return `#${a.n}  ${a.status} ${a.statusText || ''} · ${took}`.replace(/\s+·/, ' ·');
  if (a.error) {
    const what = a.error.name === 'TimeoutError' ? 'timed out' : a.error.name === 'AbortError' ? 'cancelled'
      : a.offline ? 'no connection (offline)' : 'no response (connection failed)';
    return `#${a.n}  ${what} · ${took}`;
  }
  return `#${a.n}  waiting for the server… ${took}`;
}

/**
 * Draws `run` into `host` (an element that holds one <svg>). `now` is performance.now().
 * `run`: { started, attempts: [{ n, start, end?, status?, statusText?, error?, wait? }],
 * cooldown?: { start, planned, end? }, final?: { end, label, tone } }.
 */
export function drawTimeline(host, run, now) {
  const width = Math.max(280, host.clientWidth || 600);
  const rows = [];
  if (run.cooldown) rows.push({ type: 'cooldown', ...run.cooldown });
  for (const a of run.attempts) rows.push({ type: 'attempt', a });
  if (run.final) rows.push({ type: 'final', ...run.final });
  const height = TOP + Math.max(rows.length, 1) * ROW + AXIS;

  // The scale: the whole run so far, plus a planned wait's end, plus some headroom.
  let end = now;
  if (run.final) end = run.final.end;
  for (const a of run.attempts) if (a.wait && !a.wait.end && a.wait.reason !== 'offline') end = Math.max(end, a.wait.start + a.wait.planned);
  if (run.cooldown && !run.cooldown.end) end = Math.max(end, run.cooldown.start + run.cooldown.planned);
  const span = Math.max(end - run.started, 400) * 1.04;
  const left = PAD;
  const right = width - PAD;
  const x = (t) => left + ((t - run.started) / span) * (right - left);

  const root = svg('svg', {
    width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline-svg',
    role: 'img', 'aria-label': summary(run),
  });
  const defs = svg('defs');
  const hatch = svg('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(svg('rect', { width: 6, height: 6, class: 'hatch-bg' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }));
  defs.append(hatch);
  root.append(defs);

  // Grid and axis.
  const step = tickStep(span, width < 500 ? 4 : 8);
  const axisY = TOP + Math.max(rows.length, 1) * ROW + 4;
  const grid = svg('g', { class: 'grid' });
  for (let t = 0; t <= span; t += step) {
    const gx = x(run.started + t);
    grid.append(svg('line', { x1: gx, x2: gx, y1: TOP - 4, y2: axisY, class: 'tick' }));
    grid.append(svg('text', { x: gx, y: axisY + 14, class: 'tick-label', 'text-anchor': t === 0 ? 'start' : 'middle' },
      tickLabel(t)));
  }
  root.append(grid);

  const labels = [];
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const g = svg('g', { class: `row row-${row.type}` });
    if (row.type === 'cooldown') {
      const stop = row.end ?? now;
      g.append(svg('rect', { x: x(row.start), y: y + 18, width: Math.max(1, x(row.start + row.planned) - x(row.start)), height: 14, rx: 3, class: 'wait-planned' }));
      g.append(svg('rect', { x: x(row.start), y: y + 18, width: Math.max(1, x(stop) - x(row.start)), height: 14, rx: 3, class: 'wait-elapsed cooldown' }));
      const left_ = row.end ? (row.cancelled ? ' · cancelled' : '') : ` · ${formatMs(Math.max(0, row.start + row.planned - now))} left`;
      labels.push({ g, x: x(row.start), y: y + 12, text: `Held: the origin asked for a pause (Retry-After)${left_}`, alt: `Held (origin paused)${left_}`, cls: 'label' });
    } else if (row.type === 'attempt') {
      const { a } = row;
      const stop = a.end ?? now;
      g.append(svg('rect', {
        x: x(a.start), y: y + 18, width: Math.max(3, x(stop) - x(a.start)), height: 14, rx: 3,
        class: `bar ${attemptClass(a)}${a.end ? '' : ' pulsing'}`,
      }));
      labels.push({ g, x: x(a.start), y: y + 12, text: attemptLabel(a, now), cls: 'label' });
      if (a.wait) {
        const w = a.wait;
        const wEnd = w.end ?? now;
        // Waiting for the online event has no planned length: it lasts until the event.
        if (w.reason === 'offline') w.planned = Math.max(w.planned, wEnd - w.start);
        const wx = x(w.start);
        g.append(svg('rect', { x: wx, y: y + 20, width: Math.max(1, x(w.start + w.planned) - wx), height: 10, rx: 2, class: 'wait-planned' }));
        g.append(svg('rect', { x: wx, y: y + 20, width: Math.max(1, x(Math.min(wEnd, w.start + w.planned)) - wx), height: 10, rx: 2, class: 'wait-elapsed' }));
        const left_ = w.end || w.reason === 'offline' ? '' : ` · next in ${formatMs(Math.max(0, w.start + w.planned - now))}`;
        const cancelled = w.cancelled ? ' · cancelled' : '';
        labels.push({
          g, x: wx, y: y + 46, cls: 'label wait-label',
          text: w.reason === 'offline' ? `↳ ${describeWait(w)}${w.end ? ` (${formatMs(w.planned)})` : ''}${cancelled}`
            : `↳ wait ${formatMs(w.planned)}: ${describeWait(w)}${left_}${cancelled}`,
          alt: `↳ ${formatMs(w.planned)}, ${describeWait(w, { short: true })}${left_}${cancelled}`,
        });
      }
    } else {
      const fx = x(row.end);
      g.append(svg('circle', { cx: Math.min(Math.max(fx, left + 8), right - 8), cy: y + 25, r: 7, class: `final-dot tone-${row.tone}` }));
      labels.push({ g, x: fx, y: y + 12, text: row.label, cls: `label final-label tone-${row.tone}`, anchorEnd: true });
    }
    root.append(g);
  });

  host.replaceChildren(root);
  // Place labels: measure, then keep each inside the drawing.
  for (const l of labels) {
    const t = svg('text', { x: l.x, y: l.y, class: l.cls }, l.text);
    l.g.append(t);
    let w = t.getComputedTextLength();
    if (l.alt && w > right - left) {
      t.textContent = l.alt;
      w = t.getComputedTextLength();
    }
    const tx = Math.min(Math.max(l.anchorEnd ? l.x - w : l.x, left), right - w);
    t.setAttribute('x', String(Math.max(left, tx)));
  }
}

/** A one-sentence summary for assistive technology. */
function summary(run) {
  const n = run.attempts.length;
  const parts = [`${n} ${n === 1 ? 'attempt' : 'attempts'}`];
  if (run.final) parts.push(run.final.label);
  return `Retry timeline: ${parts.join(', ')}.`;
}
