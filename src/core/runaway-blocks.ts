/**
 * Runaway blocks: a fenced code block, or an HTML block that blank lines do not end (a comment,
 * <pre>, <script>, …), runs in CommonMark to its closing line or, failing one, to the end of the
 * document. Scrapers leave stray fence lines behind, so in a long file one of them turns all that
 * follows into a single block that the parser must read in one piece (core/parse cannot cut inside
 * it): a 45 MB file of real pages took more than ten minutes and 3 GB, the same 10 MB without its
 * stray fences a sixth of the time.
 *
 * An opening line with no closing line within RUNAWAY_CHARS after it, in a text that goes on past
 * that window, is found here, and core/guard escapes its marker so that it reads as the text it is.
 * A block closed within the window, or one the end of the document meets within it, is left to
 * CommonMark: no page of the corpus comes near the window (the longest is about 110 kB).
 *
 * One pass over the lines; each opening line looks its closing line up in lists built beforehand
 * (trying at most MAX_CLOSERS_TRIED shorter fences), so the work stays linear however many there are.
 */
import {HTML_RUNS_ON, openingFence} from './chunks.js'

/** How far after its opening line a block may close before the opening line is read as text. */
export const RUNAWAY_CHARS = 256 * 1024
/** Closing fences too short for an opening one that are passed over before giving up on it. */
const MAX_CLOSERS_TRIED = 64
/** A line that can close a fence: the marker alone (up to three spaces before it). */
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/

interface Closer {
  line: number
  length: number
}

/** Index of the first entry of `sorted` (by line) whose line is after `line`. */
function firstAfter<T>(sorted: readonly T[], line: number, lineOf: (entry: T) => number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (lineOf(sorted[middle]) <= line) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The indexes of the lines (of `lines`, joined by line breaks) that open a fenced code block or a
 * run-on HTML block which nothing closes within RUNAWAY_CHARS, while the text goes on past that.
 */
export function runawayOpeners(lines: readonly string[]): number[] {
  const offsets: number[] = new Array(lines.length)
  let length = 0
  for (let i = 0; i < lines.length; i++) {
    offsets[i] = length
    length += lines[i].length + 1
  }
  if (length - 1 <= RUNAWAY_CHARS) return []
  const fenceClosers: Record<string, Closer[]> = {'`': [], '~': []}
  const htmlClosers: number[][] = HTML_RUNS_ON.map(() => [])
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const closing = CLOSING_FENCE.exec(line)
    if (closing) fenceClosers[closing[1][0]].push({line: i, length: closing[1].length})
    // Every way an HTML block of these kinds closes ends in ">".
    if (line.includes('>')) HTML_RUNS_ON.forEach(([, close], kind) => close.test(line) && htmlClosers[kind].push(i))
  }
  const runaway: number[] = []
  const withinWindow = (from: number, to: number): boolean => offsets[to] - offsets[from] <= RUNAWAY_CHARS
  for (let i = 0; i < lines.length; i++) {
    let closedAt: number | undefined
    const fence = openingFence(lines[i])
    if (fence) {
      const closers = fenceClosers[fence[0]]
      for (let k = firstAfter(closers, i, (c) => c.line), tried = 0; k < closers.length && tried < MAX_CLOSERS_TRIED && withinWindow(i, closers[k].line); k++, tried++) {
        if (closers[k].length >= fence.length) {
          closedAt = closers[k].line
          break
        }
      }
    } else {
      const kind = HTML_RUNS_ON.findIndex(([open]) => open.test(lines[i]))
      if (kind < 0) continue
      const [, close] = HTML_RUNS_ON[kind]
      // Closed on its own line, after the opening "<x" ("<!-- ad -->"): an ordinary line.
      if (close.test(lines[i].slice(lines[i].indexOf('<') + 2))) continue
      const closers = htmlClosers[kind]
      const k = firstAfter(closers, i, (line) => line)
      if (k < closers.length && withinWindow(i, closers[k])) closedAt = closers[k]
    }
    if (closedAt !== undefined) {
      // Whatever lies inside the block is its text, not more blocks.
      i = closedAt
      continue
    }
    // The end of the document closes it within the window: CommonMark's reading stands.
    if (length - 1 - offsets[i] <= RUNAWAY_CHARS) break
    runaway.push(i)
  }
  return runaway
}

/** The opening line read as text: its fence marker or its "<" escaped. */
export function escapeOpener(line: string): string {
  const fence = openingFence(line)
  if (fence) return line.replace(fence, fence.replace(/./g, '\\$&'))
  return line.replace('<', '\\<')
}
