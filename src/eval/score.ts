/**
 * Scoring one case against its gold, and averaging cases the way the reference scorer does.
 */
import type {Article} from '../types.js'
import {asText, authorsF1, dateMatch, hasAuthors, headlineMatch, shinglePRF} from './metrics.js'

/** The ground truth of a corpus case (shared/corpus/README.md). */
export interface Gold {
  headline?: string
  authors?: string[]
  date?: string
  date_tolerance_days?: number
  body?: string | string[]
  footer?: string | string[]
  dateline?: string
  publisher?: string
  tags?: Record<string, string[]>
  body_with?: string[]
  body_without?: string[]
  reachable?: {headline?: boolean; authors?: boolean; date?: boolean}
}

export interface CaseScore {
  name: string
  body?: {p: number; r: number; f: number; empty: boolean}
  footer?: number
  headline?: number
  authors?: number
  date?: number
  /** The date score again, only where the gold date is printed in the input (README's definition). */
  dateReachable?: number
  snippetsKept: [number, number]
  snippetsDropped: [number, number]
  /** Sort key: lower is worse. */
  rank: number
  /** One line for --per-case. */
  summary: string
}

const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

export function scoreCase(name: string, article: Article | undefined, gold: Gold): CaseScore {
  const p = article
  const score: CaseScore = {name, snippetsKept: [0, 0], snippetsDropped: [0, 0], rank: 1, summary: ''}
  const parts: number[] = []
  if (gold.body) {
    score.body = shinglePRF(p?.body ?? '', asText(gold.body))
    parts.push(score.body.f)
  }
  if (gold.footer != null && asText(gold.footer).trim()) {
    score.footer = shinglePRF(p?.footer ?? '', asText(gold.footer)).f
    parts.push(score.footer)
  }
  if (gold.headline && gold.reachable?.headline !== false) score.headline = headlineMatch(p?.headline, gold.headline)
  if (gold.authors && hasAuthors(gold.authors) && gold.reachable?.authors !== false) score.authors = authorsF1(p?.authors ?? [], gold.authors)
  if (gold.date) score.date = dateMatch(p?.date, gold.date, gold.date_tolerance_days ?? 0)
  if (gold.date && gold.reachable?.date !== false) score.dateReachable = score.date
  const body = fold(p?.body ?? '')
  for (const s of gold.body_with ?? []) {
    score.snippetsKept[1]++
    if (body.includes(fold(s))) score.snippetsKept[0]++
  }
  for (const s of gold.body_without ?? []) {
    score.snippetsDropped[1]++
    if (!body.includes(fold(s))) score.snippetsDropped[0]++
  }
  if (score.snippetsKept[1]) parts.push(score.snippetsKept[0] / score.snippetsKept[1])
  if (score.snippetsDropped[1]) parts.push(score.snippetsDropped[0] / score.snippetsDropped[1])
  for (const x of [score.headline, score.authors, score.date]) if (x !== undefined) parts.push(x)
  score.rank = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 1
  const show = (label: string, x: number | undefined): string => (x === undefined ? '' : `${label}=${x.toFixed(2)} `)
  score.summary =
    `score=${score.rank.toFixed(2)} ` +
    (score.body ? `body=${score.body.f.toFixed(2)} (P ${score.body.p.toFixed(2)} R ${score.body.r.toFixed(2)}) ` : '') +
    show('footer', score.footer) +
    show('headline', score.headline) +
    show('authors', score.authors) +
    show('date', score.date) +
    (score.snippetsKept[1] ? `kept=${score.snippetsKept[0]}/${score.snippetsKept[1]} ` : '') +
    (score.snippetsDropped[1] ? `dropped=${score.snippetsDropped[0]}/${score.snippetsDropped[1]}` : '')
  return score
}

export interface Summary {
  docs: number
  bodyF1: number | null
  bodyP: number | null
  bodyR: number | null
  bodyDocs: number
  footer: number | null
  footerDocs: number
  headline: number | null
  headlineDocs: number
  authors: number | null
  authorsDocs: number
  date: number | null
  dateDocs: number
  dateReachable: number | null
  dateReachableDocs: number
  snippetsKept: number | null
  snippetsDropped: number | null
  snippets: number
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

/** Averages as score.mjs does: precision over documents with a non-empty prediction, F1 of the averages. */
export function summarize(scores: readonly CaseScore[]): Summary {
  const bodies = scores.flatMap((s) => (s.body ? [s.body] : []))
  const bodyP = mean(bodies.filter((b) => !b.empty).map((b) => b.p))
  const bodyR = mean(bodies.map((b) => b.r))
  const pick = (key: 'footer' | 'headline' | 'authors' | 'date' | 'dateReachable'): number[] => scores.flatMap((s) => (s[key] === undefined ? [] : [s[key] as number]))
  const kept = scores.reduce((a, s) => [a[0] + s.snippetsKept[0], a[1] + s.snippetsKept[1]], [0, 0])
  const dropped = scores.reduce((a, s) => [a[0] + s.snippetsDropped[0], a[1] + s.snippetsDropped[1]], [0, 0])
  return {
    docs: scores.length,
    bodyF1: bodyP === null || bodyR === null || bodyP + bodyR === 0 ? null : (2 * bodyP * bodyR) / (bodyP + bodyR),
    bodyP,
    bodyR,
    bodyDocs: bodies.length,
    footer: mean(pick('footer')),
    footerDocs: pick('footer').length,
    headline: mean(pick('headline')),
    headlineDocs: pick('headline').length,
    authors: mean(pick('authors')),
    authorsDocs: pick('authors').length,
    date: mean(pick('date')),
    dateDocs: pick('date').length,
    dateReachable: mean(pick('dateReachable')),
    dateReachableDocs: pick('dateReachable').length,
    snippetsKept: kept[1] ? kept[0] / kept[1] : null,
    snippetsDropped: dropped[1] ? dropped[0] / dropped[1] : null,
    snippets: kept[1] + dropped[1],
  }
}
