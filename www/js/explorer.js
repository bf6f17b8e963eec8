// Status explorer: every code of listStatuses() as a grid coloured by class, a search box that
// takes a number or words, and the details of the chosen code, with the end-user message.
import { classify, listStatuses, userMessage } from '/pkg/index.js';
import { el, byId, fact, codeBlock, CLASS_LABELS } from './dom.js';
import { renderMessage } from './message.js';
import { currentLocale, onLocaleChange } from './languages.js';

const CLASSES = Object.keys(CLASS_LABELS);

/** The text a search looks in, split into what names the code and what describes it. */
function haystacks(info) {
  return {
    name: `${info.status} ${info.reason} ${info.kind.replace(/_/g, ' ')} ${info.registered ? '' : 'unofficial'}`.toLowerCase(),
    more: `${info.class.replace('_', ' ')} ${info.spec} ${info.description}`.toLowerCase(),
  };
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Scores `info` for `query`: 0 = no match, 2 = matches the code, reason or kind, 1 = matches
 * only the description. A number matches codes that start with it ("5" -> 5xx, "42" -> 42x).
 */
function score({ info, hay }, query, words) {
  if (query === '') return 2;
  if (/^\d{1,3}$/.test(query)) return String(info.status).startsWith(query) ? 2 : 0;
  const patterns = words.map((w) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(w)}`));
  if (patterns.every((p) => p.test(hay.name))) return 2;
  if (patterns.every((p) => p.test(hay.name) || p.test(hay.more))) return 1;
  return 0;
}

/** The spec text, linked to the RFC Editor when it names an RFC (and section). */
function specNode(spec) {
  const match = /^RFC (\d+)(?: §([\d.]+))?/.exec(spec);
  if (!match) return document.createTextNode(spec);
  const href = `https://www.rfc-editor.org/rfc/rfc${match[1]}.html${match[2] ? `#section-${match[2]}` : ''}`;
  return el('a', { text: spec, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } });
}

export function initExplorer() {
  const search = byId('code-search');
  const filters = byId('class-filter');
  const grid = byId('code-grid');
  const count = byId('code-count');
  const detail = byId('code-detail');

  const statuses = listStatuses().map((info) => ({ info, hay: haystacks(info) }));
  const activeClasses = new Set(CLASSES);
  let selected = 429;
  let extra = null; // an unassigned code typed in the search box (e.g. 432), not in the catalog

  // Class filters double as the colour legend.
  for (const cls of CLASSES) {
    const n = statuses.filter((s) => s.info.class === cls).length;
    filters.append(el('button', {
      className: `filter class-${cls}`,
      attrs: { type: 'button', 'aria-pressed': 'true', 'data-class': cls },
      on: {
        click: (event) => {
          const button = event.currentTarget;
          const on = button.getAttribute('aria-pressed') !== 'true';
          // Never leave every class off: turning the last one off turns all back on.
          if (!on && activeClasses.size === 1) {
            CLASSES.forEach((c) => activeClasses.add(c));
          } else if (on) activeClasses.add(cls); else activeClasses.delete(cls);
          for (const b of filters.children) b.setAttribute('aria-pressed', String(activeClasses.has(b.dataset.class)));
          refresh(false);
        },
      },
    }, [
      el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      `${CLASS_LABELS[cls].slice(0, 3)}`,
      el('span', { className: 'filter-long', text: CLASS_LABELS[cls].slice(3) }),
      el('span', { className: 'filter-count', text: `(${n})` }),
    ]));
  }

  function tile(info, synthetic = false) {
    return el('div', {
      className: `tile class-${info.class}${info.registered ? '' : ' unofficial'}${synthetic ? ' synthetic' : ''}`,
      // The title shows the whole reason where the tile cuts it ("Network Authentication Req…").
      attrs: { role: 'option', id: `code-${info.status}`, 'aria-selected': 'false', tabindex: '-1', title: `${info.status} ${synthetic ? 'Unassigned' : info.reason}` },
      dataset: { status: String(info.status) },
    }, [
      el('span', { className: 'tile-code', text: String(info.status) }),
      el('span', { className: 'tile-reason', text: synthetic ? 'Unassigned' : info.reason }),
      info.registered ? null : el('span', { className: 'visually-hidden', text: synthetic ? ' (not in the catalog)' : ' (unofficial)' }),
    ]);
  }

  // One group per class; tiles are built once and shown or hidden by the search.
  const tiles = new Map();
  const groups = new Map();
  for (const cls of CLASSES) {
    const headId = `group-${cls}`;
    const group = el('div', { className: `group class-${cls}`, attrs: { role: 'group', 'aria-labelledby': headId } }, [
      el('p', { className: 'group-head', text: CLASS_LABELS[cls], attrs: { id: headId } }),
    ]);
    const list = el('div', { className: 'group-tiles' });
    for (const s of statuses.filter((x) => x.info.class === cls)) {
      const node = tile(s.info);
      tiles.set(s.info.status, node);
      list.append(node);
    }
    group.append(list);
    groups.set(cls, group);
    grid.append(group);
  }

  const visibleTiles = () => [...grid.querySelectorAll('.tile:not([hidden])')].filter((t) => !t.closest('[hidden]'));

  let showMentions = false; // also show codes whose description (only) matches the words

  /** Applies search and filters; `pick` selects the best match when the selection is hidden. */
  function refresh(pick = true) {
    const query = search.value.trim().toLowerCase();
    const words = query.split(/\s+/).filter(Boolean);
    const scores = new Map();
    for (const s of statuses) scores.set(s.info.status, activeClasses.has(s.info.class) ? score(s, query, words) : 0);
    const strong = [...scores.values()].filter((v) => v === 2).length;
    const mentions = [...scores.values()].filter((v) => v === 1).length;
    // Codes named by the words come first; codes that only mention them in their description
    // are shown on request, or when nothing is named.
    const minScore = strong === 0 || showMentions ? 1 : 2;
    let best = null;
    let bestScore = 0;
    let shown = 0;
    for (const s of statuses) {
      const sc = scores.get(s.info.status);
      tiles.get(s.info.status).hidden = sc < minScore;
      if (sc >= minScore) shown += 1;
      if (sc >= minScore && sc > bestScore) { best = s.info.status; bestScore = sc; }
    }
    // A three-digit code that the catalog lacks is still classified (by its class).
    extra?.remove();
    extra = null;
    if (/^\d{3}$/.test(query) && !tiles.has(Number(query)) && Number(query) >= 100 && Number(query) <= 599) {
      const info = classify(Number(query));
      if (activeClasses.has(info.class)) {
        extra = tile(info, true);
        groups.get(info.class).querySelector('.group-tiles').append(extra);
        shown += 1;
        best = info.status;
      }
    }
    for (const [cls, group] of groups) {
      group.hidden = !group.querySelector('.tile:not([hidden])');
      group.classList.toggle('dimmed', !activeClasses.has(cls));
    }
    const parts = [];
    if (query === '' && activeClasses.size === CLASSES.length) {
      parts.push(`${statuses.length} codes in the catalog · dashed border: unofficial code`);
    } else {
      parts.push(`${shown} ${shown === 1 ? 'code matches' : 'codes match'}`);
    }
    count.replaceChildren(parts.join(''));
    if (strong > 0 && mentions > 0 && words.length && !/^\d+$/.test(query)) {
      count.append(' · ', el('button', {
        className: 'link-button',
        text: showMentions ? 'hide codes that only mention it' : `${mentions} more mention “${query}” in their description`,
        attrs: { type: 'button', id: 'code-mentions', 'aria-pressed': String(showMentions) },
        on: { click: () => { showMentions = !showMentions; refresh(false); } },
      }));
    }
    grid.classList.toggle('empty', shown === 0);
    if (shown === 0) { clearDetail(); return; }
    const current = grid.querySelector(`#code-${selected}`);
    if (pick && best !== null && (query !== '' || !current || current.hidden)) select(best, false);
    else if (detail.dataset.status === undefined && current && !current.hidden) select(selected, false);
    else syncRoving();
  }

  /** Keeps exactly one focusable tile: the selected one if visible, else the first visible. */
  function syncRoving() {
    const visible = visibleTiles();
    const target = visible.find((t) => t.dataset.status === String(selected)) ?? visible[0];
    for (const t of grid.querySelectorAll('.tile')) t.tabIndex = t === target ? 0 : -1;
  }

  function select(status, focus, { scroll = true } = {}) {
    selected = status;
    for (const t of grid.querySelectorAll('.tile[aria-selected="true"]')) t.setAttribute('aria-selected', 'false');
    const node = grid.querySelector(`#code-${status}`);
    node?.setAttribute('aria-selected', 'true');
    syncRoving();
    if (node && focus) {
      node.focus();
    }
    if (node && scroll) revealInGrid(node);
    showDetail();
  }

  /**
   * Scrolls the grid (only the grid, never the page) so that `node` is in view. A tile in the
   * first row of its group brings the group's heading along, so no heading is left cut in half.
   */
  function revealInGrid(node) {
    const g = grid.getBoundingClientRect();
    const r = node.getBoundingClientRect();
    const head = node.closest('.group')?.querySelector('.group-head');
    const firstRow = node.closest('.group-tiles')?.firstElementChild?.getBoundingClientRect().top === r.top;
    const top = firstRow && head ? head.getBoundingClientRect().top - 4 : r.top - 8;
    if (top < g.top) grid.scrollTop -= g.top - top;
    else if (r.bottom > g.bottom) grid.scrollTop += r.bottom - g.bottom + 8;
  }

  /**
   * On load: the selected tile's group starts at the top of the grid, its heading whole; where
   * the grid is too short for the heading and the tile together (a phone), the tile's row ends
   * the grid instead, and a heading cut by the top edge is scrolled out of view whole.
   */
  function startAtGroup(node) {
    const group = node?.closest('.group');
    if (!group) return;
    const g = grid.getBoundingClientRect();
    grid.scrollTop += group.getBoundingClientRect().top - g.top - 4;
    const r = node.getBoundingClientRect();
    if (r.bottom > g.bottom) grid.scrollTop += r.bottom - g.bottom + 8;
    for (const head of grid.querySelectorAll('.group-head')) {
      const h = head.getBoundingClientRect();
      if (h.top < g.top && h.bottom > g.top) grid.scrollTop += h.bottom - g.top + 2;
    }
  }

  /** No code matches the search: the details say so instead of showing the last code. */
  function clearDetail() {
    for (const t of grid.querySelectorAll('.tile[aria-selected="true"]')) t.setAttribute('aria-selected', 'false');
    detail.className = 'detail empty';
    delete detail.dataset.status;
    detail.replaceChildren(el('p', { className: 'detail-empty', text: 'No code selected: nothing matches the search.' }));
  }

  function showDetail() {
    const info = classify(selected);
    const message = userMessage(info, { locale: currentLocale() });
    const badges = el('p', { className: 'badges' }, [
      el('span', { className: `badge badge-class class-${info.class}`, text: CLASS_LABELS[info.class] }),
      el('span', { className: 'badge', text: info.registered ? 'IANA registered' : 'Unofficial' }),
      el('span', { className: `badge ${info.retryable ? 'badge-yes' : ''}`, text: info.retryable ? 'Retried by default' : 'Not retried' }),
    ]);
    detail.className = `detail class-${info.class}`;
    detail.dataset.status = String(info.status);
    detail.replaceChildren(
      el('div', { className: 'detail-head' }, [
        el('span', { className: 'detail-code', text: String(info.status) }),
        el('div', {}, [el('h3', { className: 'detail-reason', text: info.reason }), badges]),
      ]),
      el('dl', { className: 'facts' }, [
        fact('Kind', el('code', { text: info.kind })),
        fact('Class', info.class),
        fact('Defined in', specNode(info.spec)),
        fact('Default retry', info.retryable
          ? 'Yes, for idempotent requests (GET, PUT, DELETE…), with backoff or the server\'s Retry-After'
          : info.status === 413 ? 'Only when the server says when (Retry-After)' : 'No: sending it again unchanged will not help', 'fact-wide'),
      ]),
      el('p', { className: 'description', text: info.description }),
      el('h4', { className: 'subhead', text: 'What your user sees' }),
      renderMessage(message, { variant: 'toast' }),
      codeBlock(`userMessage(${info.status}, { locale: '${message.locale}' })\n// kind: '${message.kind}', dir: '${message.dir}'`, 'This message in code'),
    );
  }

  // Pointer and keyboard.
  grid.addEventListener('click', (event) => {
    const t = event.target.closest('.tile');
    if (t) select(Number(t.dataset.status), true);
  });
  grid.addEventListener('keydown', (event) => {
    const t = event.target.closest('.tile');
    if (!t) return;
    const visible = visibleTiles();
    const i = visible.indexOf(t);
    let next = null;
    if (event.key === 'ArrowRight') next = visible[i + 1];
    else if (event.key === 'ArrowLeft') next = visible[i - 1];
    else if (event.key === 'Home') next = visible[0];
    else if (event.key === 'End') next = visible[visible.length - 1];
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') next = vertical(visible, t, event.key === 'ArrowDown');
    else if (event.key === 'Enter' || event.key === ' ') next = t;
    if (!next) return;
    event.preventDefault();
    select(Number(next.dataset.status), true);
  });

  /** The visible tile in the next (or previous) row whose centre is closest to `t`'s. */
  function vertical(visible, t, down) {
    const r = t.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const rows = visible.filter((x) => {
      const xr = x.getBoundingClientRect();
      return down ? xr.top > r.top + r.height / 2 : xr.top < r.top - r.height / 2;
    });
    if (!rows.length) return null;
    const rowTop = down ? Math.min(...rows.map((x) => x.getBoundingClientRect().top))
      : Math.max(...rows.map((x) => x.getBoundingClientRect().top));
    const row = rows.filter((x) => Math.abs(x.getBoundingClientRect().top - rowTop) < 2);
    return row.reduce((a, b) => {
      const da = Math.abs(a.getBoundingClientRect().left + a.offsetWidth / 2 - cx);
      const db = Math.abs(b.getBoundingClientRect().left + b.offsetWidth / 2 - cx);
      return db < da ? b : a;
    });
  }

  search.addEventListener('input', () => { showMentions = false; refresh(true); });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = grid.querySelector(`#code-${selected}:not([hidden])`) ?? visibleTiles()[0];
      if (first) select(Number(first.dataset.status), true);
    }
  });
  onLocaleChange(() => { if (detail.dataset.status !== undefined) showDetail(); });

  refresh(false);
  select(selected, false, { scroll: false });
  startAtGroup(grid.querySelector(`#code-${selected}`));
}
