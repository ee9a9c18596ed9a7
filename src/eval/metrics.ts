/**
 * The corpus metrics, defined as in shared/corpus/README.md and implemented identically to the
 * reference scorer (tools/score.mjs), so `npm run eval` figures agree with it:
 * body and footer — 4-gram shingles of word tokens, per-document precision and recall, averaged over
 * documents, F1 the harmonic mean of those averages; headline — exact after folding; authors — set
 * F1; date — same day; snippets — share of required snippets kept, of boilerplate snippets dropped.
 */

export interface PRF {
  p: number
  r: number
  f: number
  /** The prediction had no shingle at all (left out of the precision average). */
  empty: boolean
}

const norm = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

const wordTokens = (s: unknown): string[] => String(s ?? '').normalize('NFC').match(/[\p{L}\p{N}\p{M}_]+/gu) ?? []

function shingles(s: unknown, n = 4): Map<string, number> {
  const t = wordTokens(s)
  const m = new Map<string, number>()
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const k = t.slice(i, i + n).join('\u0001')
    if (k) m.set(k, (m.get(k) ?? 0) + 1)
  }
  return m
}

/** Shingle precision, recall and F1 of one predicted text against the gold text. */
export function shinglePRF(pred: unknown, gold: unknown): PRF {
  const ps = shingles(pred), gs = shingles(gold)
  let tp = 0, fp = 0, fn = 0
  for (const k of new Set([...ps.keys(), ...gs.keys()])) {
    const g = gs.get(k) ?? 0, q = ps.get(k) ?? 0
    tp += Math.min(g, q)
    fp += Math.max(0, q - g)
    fn += Math.max(0, g - q)
  }
  const sum = tp + fp + fn
  if (sum > 0) {
    tp /= sum
    fp /= sum
    fn /= sum
  }
  const p = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp)
  const r = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn)
  return {p, r, f: p + r ? (2 * p * r) / (p + r) : 0, empty: tp + fp === 0}
}

/** Gold texts may be a string or a list of paragraphs. */
export const asText = (v: unknown): string => (Array.isArray(v) ? v.join('\n\n') : String(v ?? ''))

const cleanHeadline = (s: unknown): string => norm(s).replace(/^#+\s*/, '').replace(/[\s.:;,!-]+$/, '')
const normAuthor = (a: unknown): string => norm(a).replace(/^by\s+/, '').replace(/[.,;]+$/, '')

/** 1 when the headlines agree after folding case, spaces and quote styles. */
export function headlineMatch(pred: unknown, gold: unknown): number {
  return cleanHeadline(pred) === cleanHeadline(gold) ? 1 : 0
}

/** Set F1 over folded author names. */
export function authorsF1(pred: readonly unknown[], gold: readonly unknown[]): number {
  const gs = new Set(gold.map(normAuthor).filter(Boolean))
  const ps = new Set(pred.map(normAuthor).filter(Boolean))
  const hit = [...ps].filter((a) => gs.has(a)).length
  return ps.size && hit ? (2 * hit) / (ps.size + gs.size) : 0
}

/** 1 when both dates fall on the same day (within `toleranceDays`). */
export function dateMatch(pred: unknown, gold: unknown, toleranceDays = 0): number {
  const pd = Date.parse(String(pred ?? '').slice(0, 10)), gd = Date.parse(String(gold).slice(0, 10))
  return Number.isFinite(pd) && Math.abs(pd - gd) <= toleranceDays * 86400000 ? 1 : 0
}

/** Normalised author names are non-empty. */
export function hasAuthors(names: readonly unknown[]): boolean {
  return names.map(normAuthor).some(Boolean)
}
