// Size helpers shared by the build and the size budget check: raw, gzip -9 and brotli -q 11.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Sizes in bytes of `buf` raw, gzipped (level 9) and brotli'd (quality 11). */
export function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** A fixed-width table of [name, sizes] rows. */
export function formatSizes(rows) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  const width = Math.max(...rows.map(([n]) => n.length), 4);
  const head = `${'file'.padEnd(width)}       raw      gzip    brotli`;
  return [head, ...rows.map(([n, s]) => `${n.padEnd(width)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`)].join('\n');
}
