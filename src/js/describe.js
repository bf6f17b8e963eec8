// How a value reads in an argument error message.

/** How a value reads in an error message: `a string`, `null`, `NaN`, `an array`, … */
export function describe(v) {
  if (typeof v === 'number') return String(v);
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object') {
    try {
      if (Array.isArray(v)) return 'an array';
    } catch { /* a revoked Proxy */ }
    return 'an object';
  }
  return typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`;
}
