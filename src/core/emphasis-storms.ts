/**
 * Emphasis storms: stretches of text on which remark-parse's emphasis matching would do far more
 * work than their length. micromark's attention resolver takes every run of `*` or `_` that can
 * close, walks back over the paragraph to the nearest run that can open it (comparing every opener
 * it passes), and then resolves everything between the pair again. Real text pairs its markers a few
 * words apart; "*a _b *c _d …" nested thousands deep, thousands of `*` openers followed by `_`
 * closers, or a long run of `*` on either side of a word make it quadratic (12 KB took 19 s, and
 * 4,000 `*` on each side nest 2,000 levels deep).
 *
 * The same matching is replayed here on the runs alone, its steps weighed by what they cost the
 * resolver, for each stretch between blank lines (every paragraph lies within one, so a stretch
 * never weighs less than its paragraphs). A stretch whose work passes its budget is reported, and
 * the guard (core/guard) escapes its markers: its words stay, its emphasis reads as the characters
 * it is. The worst stretch of the corpus (dev and its four dialects) weighs an eighth of its budget.
 */

/*
 * What each step costs the resolver, in units of about a nanosecond (measured on Node 20 with the
 * shapes of test/bounded.test.ts, rounded up). Only the ratios matter: the budget is in the same units.
 */
/** Walking back one character, for a closer that finds no opener. */
const WALK_COST = 5
/** Passing one opener on the walk back: its text is sliced to compare markers. */
const PASS_COST = 2000
/** For every pair made, each pair already made inside it: its events are resolved and copied again. */
const INNER_PAIR_COST = 15_000
/** For every pair made, each character inside it. */
const INNER_CHAR_COST = 25
/** For every pair made, each character after its opener: the event list is spliced there. */
const SPLICE_COST = 5
/** Work allowed per character of a stretch: about three times what the whole parse of ordinary text costs. */
const BUDGET_PER_CHAR = 4000
/** Work allowed to any stretch, however short (a millisecond). */
const BUDGET_FLOOR = 1_000_000
/**
 * Fewer markers than this cannot pass the budget (8 pairs nested, or 15² openers passed, stay under
 * the floor; the per-character costs times 8 pairs under BUDGET_PER_CHAR): the replay is skipped.
 * Markers, not runs: one run of 10,000 `*` each side of a word makes 5,000 pairs.
 */
const MIN_MARKERS = 16

const STAR = 42

/** A run of `*` or `_` as the parser sees it: which marker, how many left, and whether it can open or close. */
interface Run {
  marker: number
  at: number
  length: number
  canOpen: boolean
  canClose: boolean
  /** Pairs made before this run opened: those made since lie inside any pair it opens. */
  pairsBefore: number
}

/** A stretch of lines, `endLine` excluded. */
export interface LineRange {
  firstLine: number
  endLine: number
}

/** 1 for whitespace (and the edges of the text), 2 for punctuation and symbols, 0 otherwise: as micromark classifies. */
function classify(char: string | undefined): number {
  if (char === undefined || /\s/.test(char)) return 1
  return /\p{P}|\p{S}/u.test(char) ? 2 : 0
}

/** The run of `marker`s from `at` to `end`, with what CommonMark's flanking rules let it do. */
function runAt(text: string, at: number, end: number): Run {
  const marker = text.charCodeAt(at)
  const previous = at > 0 ? String.fromCodePoint(text.codePointAt(at - 1 - (at > 1 && /[\uDC00-\uDFFF]/.test(text[at - 1]) ? 1 : 0))!) : undefined
  const next = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : undefined
  const before = classify(previous)
  const after = classify(next)
  const open = !after || (after === 2 && before > 0)
  const close = !before || (before === 2 && after > 0)
  return {
    marker,
    at,
    length: end - at,
    canOpen: marker === STAR ? open : open && (before > 0 || !close),
    canClose: marker === STAR ? close : close && (after > 0 || !open),
    pairsBefore: 0,
  }
}

/**
 * Replays the resolver over the runs of one stretch (from `start` to `end`) and says whether its
 * work passes `budget`. Stops counting as soon as it does, so the replay itself stays linear.
 */
function overBudget(runs: readonly Run[], start: number, end: number, budget: number): boolean {
  const openers: Run[] = []
  let work = 0
  let pairs = 0
  for (const run of runs) {
    while (run.canClose && run.length > 0) {
      let i = openers.length - 1
      // The rule of three: "*foo**" does not pair a run of 1 with a run of 2 when either could do both.
      const matches = (opener: Run): boolean =>
        opener.marker === run.marker && !((opener.canClose || run.canOpen) && run.length % 3 !== 0 && (opener.length + run.length) % 3 === 0)
      for (; i >= 0 && !matches(openers[i]); i--) {
        work += PASS_COST
        if (work > budget) return true
      }
      if (i < 0) {
        // No opener: the walk goes back to the start of the paragraph.
        work += WALK_COST * (run.at - start)
        break
      }
      const opener = openers[i]
      const used = Math.min(opener.length, run.length)
      // Two markers of each side make a pair while both have two; each pair holds the ones made before it.
      const made = Math.ceil(used / 2)
      const inside = pairs - opener.pairsBefore
      const innerPairs = made * inside + (made * (made - 1)) / 2
      work += INNER_PAIR_COST * innerPairs + made * (INNER_CHAR_COST * (run.at - opener.at) + SPLICE_COST * (end - opener.at))
      pairs += made
      opener.length -= used
      run.length -= used
      // Openers inside the pair are spent; the opener stays if it has markers left.
      openers.length = opener.length > 0 ? i + 1 : i
    }
    if (work > budget) return true
    if (run.canOpen && run.length > 0) openers.push({...run, pairsBefore: pairs})
  }
  return false
}

/** The stretches of `text` between blank lines on which emphasis matching would pass its budget, as ranges of lines. */
export function emphasisStorms(text: string): LineRange[] {
  if (!hasMarkers(text, MIN_MARKERS)) return []
  const storms: LineRange[] = []
  // Backslash pairs are skipped whole: "\*" is text.
  const token = /\\[\s\S]|[*_]+/g
  const blankLine = /\n[ \t]*(?=\n)/g
  let runs: Run[] = []
  let markers = 0
  let start = 0
  // Lines are counted only up to where a storm was found, so the count stays linear.
  let counted = 0
  let line = 0
  const lineAt = (offset: number): number => {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++
    counted = offset
    return line
  }
  const endStretch = (end: number): void => {
    if (markers >= MIN_MARKERS && overBudget(runs, start, end, BUDGET_PER_CHAR * (end - start) + BUDGET_FLOOR)) {
      storms.push({firstLine: lineAt(start), endLine: lineAt(end) + 1})
    }
    runs = []
    markers = 0
  }
  let blank = blankLine.exec(text)
  for (let found = token.exec(text); found; found = token.exec(text)) {
    if (found[0][0] === '\\') continue
    // A blank line since the last run ends the stretch; the next starts after the last such line.
    if (blank && blank.index < found.index) {
      endStretch(blank.index)
      do {
        start = blank.index + blank[0].length + 1
        blank = blankLine.exec(text)
      } while (blank && blank.index < found.index)
    }
    runs.push(runAt(text, found.index, found.index + found[0].length))
    markers += found[0].length
  }
  endStretch(text.length)
  return storms
}

function hasMarkers(text: string, count: number): boolean {
  const run = /[*_]+/g
  let n = 0
  for (let found = run.exec(text); found && n < count; found = run.exec(text)) n += found[0].length
  return n >= count
}
