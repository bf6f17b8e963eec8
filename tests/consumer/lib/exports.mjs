// Follows a package.json "exports" map the way Node's resolver does (conditions tried in the
// map's own key order), for the consumers that import the package by path: the plain
// <script type=module> page and the module service worker, which have no resolver of their own.

/** Resolves `subpath` ('.' or './x.js') under `conditions`; returns './file' or throws. */
export function resolveExport(manifest, subpath, conditions) {
  const wanted = new Set(conditions);
  const pick = (target) => {
    if (typeof target === 'string') return target;
    if (Array.isArray(target)) {
      for (const t of target) {
        const found = pick(t);
        if (found) return found;
      }
      return null;
    }
    if (target && typeof target === 'object') {
      for (const [key, value] of Object.entries(target)) {
        if (key === 'default' || wanted.has(key)) {
          const found = pick(value);
          if (found) return found;
        }
      }
    }
    return null;
  };
  const { exports } = manifest;
  let target;
  if (exports === undefined) target = subpath === '.' ? (manifest.module ?? manifest.main ?? './index.js') : subpath;
  else if (typeof exports === 'string' || Array.isArray(exports) || !Object.keys(exports).some((k) => k.startsWith('.'))) {
    target = subpath === '.' ? exports : undefined;
  } else target = exports[subpath];
  const found = target === undefined ? null : pick(target);
  if (!found) throw new Error(`package.json exports no ${subpath} under conditions ${conditions.join(', ')}`);
  return found;
}

/** What a browser importing the package by path loads: the 'browser', 'import' or 'default' entry. */
export const BROWSER_CONDITIONS = ['browser', 'import', 'default'];
