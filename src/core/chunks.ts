/**
 * Cutting markdown into pieces that parse to the same blocks on their own.
 *
 * remark-parse (micromark) slows down on long documents: its event lists grow with the whole
 * page and outlive the young generation, so the garbage collector copies and marks them again and
 * again. Parsed in pieces of about a kilobyte, the raw dev corpus parses about 1.5× faster on one
 * core (two processes side by side: 1.56× instead of 1.40×), a 10 MB page 1.5× faster in a third of
 * the memory, and a 30 MB one in a minute instead of more than fifteen (README, Performance). After
 * the menu fast path (core/navigation) has taken the worst lines out, the gain on the corpus is
 * about 8 % of the parse.
 *
 * A cut is made only where CommonMark itself closes every open block: at a blank line followed by
 * a line that starts in the first column and cannot continue what came before. So no cut before a
 * list marker (the list would split in two and renumber), a quote marker, or inside a fenced code
 * block or an HTML block that runs across blank lines (comments, <pre>, <script>, <style>,
 * <textarea>, processing instructions, CDATA). A page with link reference definitions is not cut
 * at all: a definition applies to the whole document.
 *
 * The scan here is a cheap first guess at fences and HTML blocks (it does not see, say, a fence
 * line inside an HTML block); core/parse checks each parsed piece's last block and moves the cut
 * when something was still open, so the tree is always the one a single parse gives.
 *
 * The same safe points start the plain paragraphs of core/plain: such a paragraph, with the blank
 * lines after it, is a piece of its own that carries its tree; the parser sees it only when the
 * piece before it turns out to run on into it.
 */
import type {Paragraph} from 'mdast'
import {isPlainLine, plainParagraph} from './plain.js'

/** A piece of the document and where it starts in it. */
export interface Chunk {
  text: string
  /** Lines before the piece (0 for the first). */
  lineOffset: number
  /** Characters before the piece. */
  charOffset: number
  /** The piece's tree when it is a plain paragraph (core/plain), built without the parser. */
  paragraph?: Paragraph
}

/** A piece is cut at the first safe point after this many characters. */
export const CHUNK_CHARS = 1024

/** CommonMark's blank line: spaces and tabs only (a no-break space is text). */
const BLANK = /^[ \t]*$/
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m
/** A fence opening or closing a code block (its marker in group 1). */
export const FENCE = /^ {0,3}(`{3,}|~{3,})/
const LIST_OR_QUOTE = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^>/
/** HTML blocks of CommonMark types 1–5, which blank lines do not end, with what ends each. */
export const HTML_RUNS_ON: readonly (readonly [open: RegExp, close: RegExp])[] = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
]

/** What a line is to fenced code: a fence line, a line inside fenced code, or text outside it. */
export type FencePlace = 'fence' | 'code' | 'text'

/**
 * A reader of fenced code, line by line (the lines given in order): each call says what the line is.
 * A fence opens with its character and closes at the next fence of the same character.
 */
export function fenceReader(): (line: string) => FencePlace {
  let open: string | undefined
  return (line) => {
    const marker = FENCE.exec(line)?.[1]
    if (!marker) return open ? 'code' : 'text'
    if (!open) open = marker[0]
    else if (marker[0] === open) open = undefined
    return 'fence'
  }
}

/** The fence marker that `line` opens (or closes) a code block with, if it does. */
export function openingFence(line: string): string | undefined {
  const found = FENCE.exec(line)
  // "``` code ```" is inline code, not a fence: a backtick fence's info string has no backtick.
  return found && !(found[1][0] === '`' && line.slice(found[0].length).includes('`')) ? found[1] : undefined
}

/**
 * What ends the HTML block that `text` opens, if it is one that blank lines do not end and it is not
 * closed in the same text ("<!-- ad -->" is).
 */
export function htmlBlockLeftOpen(text: string): RegExp | undefined {
  const html = HTML_RUNS_ON.find(([open]) => open.test(text))
  return html && !html[1].test(text.slice(text.indexOf('<') + 2)) ? html[1] : undefined
}

export function chunksOf(text: string, size = CHUNK_CHARS): Chunk[] {
  if (text.length <= size || REFERENCE_DEFINITION.test(text)) return [{text, lineOffset: 0, charOffset: 0}]
  const chunks: Chunk[] = []
  let start = 0
  let startLine = 0
  let fence: {char: string; length: number} | undefined
  let htmlClose: RegExp | undefined
  // The start of the text closes every block, as a blank line before a first-column line does.
  let previousBlank = true
  let line = 0
  const cut = (at: number): void => {
    if (at > start) chunks.push({text: text.slice(start, at), lineOffset: startLine, charOffset: start})
    start = at
    startLine = line
  }
  for (let at = 0; at < text.length; line++) {
    const newline = text.indexOf('\n', at)
    const end = newline < 0 ? text.length : newline
    const content = text.slice(at, end)
    const blank = BLANK.test(content)
    const everyBlockClosed = !fence && !htmlClose && previousBlank && !blank && !/^\s/.test(content) && !LIST_OR_QUOTE.test(content)
    if (everyBlockClosed && isPlainLine(content)) {
      const paragraph = plainLinesFrom(text, at, content)
      if (paragraph) {
        cut(at)
        chunks.push({text: text.slice(at, paragraph.end), lineOffset: line, charOffset: at, paragraph: plainParagraph(paragraph.lines, {line: line + 1, offset: at})})
        // The loop's own step moves `line` past the last line taken.
        line += paragraph.lines.length + paragraph.blankLines - 1
        at = start = paragraph.end
        startLine = line + 1
        previousBlank = paragraph.blankLines > 0
        continue
      }
    }
    if (everyBlockClosed && at - start >= size) cut(at)
    if (htmlClose) {
      if (htmlClose.test(content)) htmlClose = undefined
    } else {
      const marker = openingFence(content)
      if (fence) {
        if (marker && marker[0] === fence.char && marker.length >= fence.length && content.trim() === marker) fence = undefined
      } else if (marker) fence = {char: marker[0], length: marker.length}
      else htmlClose = htmlBlockLeftOpen(content)
    }
    previousBlank = blank
    at = end + 1
  }
  cut(text.length)
  return chunks
}

/**
 * The lines of the paragraph that starts at `at` with `first`, when every one of them is plain and
 * a blank line or the end of the text ends it; with the blank lines after it, which the piece takes
 * too, and where the piece ends.
 */
function plainLinesFrom(text: string, at: number, first: string): {lines: string[]; blankLines: number; end: number} | undefined {
  const lines = [first]
  let blankLines = 0
  // `end` is where the last line taken ends: at its line break, or at the end of the text.
  let end = at + first.length
  while (end < text.length) {
    const newline = text.indexOf('\n', end + 1)
    const content = text.slice(end + 1, newline < 0 ? text.length : newline)
    if (BLANK.test(content)) blankLines++
    else if (blankLines) break
    else if (isPlainLine(content)) lines.push(content)
    else return undefined
    end += 1 + content.length
  }
  return {lines, blankLines, end: Math.min(end + 1, text.length)}
}
