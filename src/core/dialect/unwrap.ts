/**
 * Hard-wrapped markdown: every paragraph broken into lines of at most a fixed width (Python html2text
 * wraps at 78 columns by default; fold, fmt and mail tools at 72–80). The rules downstream read a
 * paragraph's lines as lines of the page (a header printed as "date / title / credit", a byline over
 * its date), so a wrapped paragraph would look like many. A break is a wrap when the next line's first
 * word would not have fitted on the line: the width is the one that explains most breaks of the page,
 * and only breaks it explains are joined. Headings are wrapped too, and their tail is joined back.
 */
import {MappedBuilder, type DialectChange, type MappedLines} from './mapped.js'

/** Narrowest and widest wrapping width considered. */
const MIN_WIDTH = 60
const MAX_WIDTH = 200
/** A page is wrapped when its width explains at least this many line breaks, and this share of them. */
const MIN_WRAPPED_BREAKS = 10
const MIN_WRAPPED_SHARE = 0.5

/** A line that starts a block of its own whatever comes before it (a list item, quote, table row, fence, HTML), or underlines a heading. */
const STARTS_BLOCK = /^\s*(?:[-*+]\s|\d{1,9}[.)]\s|>|\||```|~~~|<|#{1,6}\s)|^ {0,3}(?:=+|-+)\s*$/
const HEADING = /^ {0,3}#{1,6}\s/
/** A line ending in a hard break (two spaces or a backslash): the break is the page's own. (No regex: ` {2,}$` is quadratic on a line of spaces.) */
const endsInHardBreak = (line: string): boolean => line.endsWith('  ') || line.endsWith('\\')
/**
 * What a wrapper moves to the next line as one piece: a word, or the part of a hyphenated word (or of
 * a URL) up to its first hyphen — Python's textwrap breaks after hyphens too.
 */
const FIRST_CHUNK = /^[^\s-]*[\p{L}\p{N}]-(?=[\p{L}\p{N}])|^\S+/u
/** A line broken after a hyphen inside a word: joined without a space. */
const HYPHEN_BREAK = /[\p{L}\p{N}]-$/u

const lengthOf = (line: string): number => [...line.trimEnd()].length

/** A line break between two lines of text, and how long the first line and the next word are. */
interface Break {
  index: number
  lineLength: number
  nextWord: number
}

/**
 * The breaks between two lines of text. A heading's break is one only once the page is known to wrap:
 * markdown writers put a heading's paragraph right under it, which no width explains.
 */
function breaksOf(lines: readonly string[], headings: boolean): Break[] {
  const breaks: Break[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]
    const next = lines[i + 1]
    if (!line.trim() || !next.trim() || endsInHardBreak(line) || STARTS_BLOCK.test(next)) continue
    if (STARTS_BLOCK.test(line) && !(headings && HEADING.test(line))) continue
    breaks.push({index: i, lineLength: lengthOf(line), nextWord: lengthOf(FIRST_CHUNK.exec(next.trim())![0])})
  }
  return breaks
}

const wrapsAt = (b: Break, width: number): boolean => b.lineLength <= width && b.lineLength + 1 + b.nextWord > width

/**
 * The width the page is wrapped at, if it is: the one that explains the most breaks, when it explains
 * enough of them. Counted by line length, so linear in the page whatever the range of widths.
 */
export function wrapWidth(lines: readonly string[]): number | undefined {
  const breaks = breaksOf(lines, false)
  if (breaks.length < MIN_WRAPPED_BREAKS) return undefined
  // explained[w] = breaks with lineLength <= w < lineLength + 1 + nextWord: add over that range.
  const delta = new Int32Array(MAX_WIDTH + 2)
  for (const b of breaks) {
    const from = Math.max(b.lineLength, MIN_WIDTH)
    const to = Math.min(b.lineLength + b.nextWord, MAX_WIDTH)
    if (from > to) continue
    delta[from]++
    delta[to + 1]--
  }
  let best = 0
  let bestWidth = 0
  for (let w = MIN_WIDTH, running = 0; w <= MAX_WIDTH; w++) {
    running += delta[w]
    if (running > best) {
      best = running
      bestWidth = w
    }
  }
  return best >= MIN_WRAPPED_BREAKS && best / breaks.length >= MIN_WRAPPED_SHARE ? bestWidth : undefined
}

/** The lines with every break that wrapping at `width` explains joined by a space. */
export function unwrap(input: MappedLines, width: number, changes: DialectChange[]): MappedLines {
  const joins = new Set(breaksOf(input.lines, true).filter((b) => wrapsAt(b, width)).map((b) => b.index))
  const out = new MappedBuilder()
  for (let i = 0; i < input.lines.length; i++) {
    let line = input.lines[i]
    const first = i
    while (joins.has(i)) {
      const head = line.trimEnd()
      line = `${head}${HYPHEN_BREAK.test(head) ? '' : ' '}${input.lines[++i].trim()}`
    }
    if (i > first) changes.push({line: input.origin[first], endLine: input.origin[i], change: 'wrapped-lines-joined'})
    out.push(line, input.origin[first])
  }
  return out.result()
}
