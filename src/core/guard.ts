/**
 * Bounds on the markdown the parser is given. remark-parse is super-linear, or recurses as deep as
 * the input nests, on a few shapes that real pages never need but broken scrapes produce: thousands
 * of nested quotes or list levels (one line of 3,000 `- ` markers is 3,000 nested lists), lines with
 * thousands of unclosed link brackets, and paragraphs whose emphasis markers make its matching walk
 * back over the whole paragraph again and again. Such lines are flattened or escaped here; their
 * words stay, only the nesting or the syntax goes.
 */
import {emphasisStorms} from './emphasis-storms.js'
import {RUNAWAY_CHARS, escapeOpener, runawayOpeners} from './runaway-blocks.js'

/** Deepest blockquote nesting passed on; deeper `>` markers are dropped. */
const MAX_QUOTE_DEPTH = 16
/** Widest indentation passed on, in columns: beyond it, list nesting is flattened. */
const MAX_INDENT = 48
/**
 * Most container markers (quote `>`, list `-` `*` `+` `1.` `1)`) one line may open before its text:
 * real pages stack ten at most ("  *   *   *   * [e-mail]"), as deep as quotes go here; each one more is a level of nesting
 * that the parser pays for on every later marker, and that the tree walkers recurse into.
 */
const MAX_CONTAINER_MARKERS = 16
/**
 * A paragraph with more `[` than this has its brackets escaped: no real paragraph holds that many
 * links, and the parser's label matching is quadratic in them.
 */
const MAX_BRACKETS_PER_PARAGRAPH = 512
/** Lines that start a new block, and so a new paragraph, in CommonMark. */
const BLOCK_START = /^\s*(?:$|[-*+] |\d{1,9}[.)] |#{1,6} |>)/

const QUOTE_PREFIX = /^(?:[ \t]*>){17,}/
const DEEP_INDENT = /^[ \t]{49,}/
/** One marker of a line's container prefix, with the blanks before it. */
const CONTAINER_MARKER = /([ \t]*)(>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/y
/** "- - -", "* * * * *": a line of one marker is a thematic break, not nesting. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
/** Lines the container rule may change: two markers in a row, or a marker and then a wide gap. */
const STACKED_MARKERS = /^[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))|[ \t]{49})/m

/** Whether any rule here can change `text`: almost every file passes untouched. */
function mayNeedGuard(text: string): boolean {
  return text.length > RUNAWAY_CHARS || /(?:>[ \t]*){17}|^[ \t]{49}|\[[^\n]*\[/m.test(text) || STACKED_MARKERS.test(text)
}

function countChar(line: string, char: string): number {
  let n = 0
  for (let i = line.indexOf(char); i >= 0; i = line.indexOf(char, i + 1)) n++
  return n
}

/**
 * The text with pathological nesting flattened, bracket and emphasis storms escaped, and code or
 * HTML blocks that would run on far past any real one (core/runaway-blocks) opened as text instead;
 * unchanged otherwise.
 */
export function guardMarkdown(text: string): string {
  const storms = emphasisStorms(text)
  if (!storms.length && !mayNeedGuard(text)) return text
  let changed = false
  const lines = text.split('\n').map((line) => {
    let out = line
    const quotes = QUOTE_PREFIX.exec(out)
    if (quotes) out = '>'.repeat(MAX_QUOTE_DEPTH) + ' ' + out.slice(quotes[0].length).trimStart()
    const indent = DEEP_INDENT.exec(out)
    if (indent) out = ' '.repeat(MAX_INDENT) + out.slice(indent[0].length)
    out = boundContainerPrefix(out)
    if (out !== line) changed = true
    return out
  })
  for (const line of runawayOpeners(lines)) {
    lines[line] = escapeOpener(lines[line])
    changed = true
  }
  changed = escapeBracketStorms(lines) || changed
  changed = escapeEmphasisStorms(lines, storms) || changed
  return changed ? lines.join('\n') : text
}

/**
 * The line with at most MAX_CONTAINER_MARKERS container markers before its text (later ones are
 * dropped: escaped, they cost the parser more than the nesting did) and no gap between them wider
 * than MAX_INDENT. The text after them stays as it is.
 */
function boundContainerPrefix(line: string): string {
  if (!STACKED_MARKERS.test(line) || THEMATIC_BREAK.test(line)) return line
  let out = ''
  let markers = 0
  let end = 0
  CONTAINER_MARKER.lastIndex = 0
  for (let found = CONTAINER_MARKER.exec(line); found; found = CONTAINER_MARKER.exec(line)) {
    const [, blanks, marker] = found
    if (++markers <= MAX_CONTAINER_MARKERS) out += (blanks.length > MAX_INDENT ? ' '.repeat(MAX_INDENT) : blanks) + marker
    end = CONTAINER_MARKER.lastIndex
  }
  return out + line.slice(end)
}

/** Where the text of a line starts, after its container markers. */
function prefixEnd(line: string): number {
  let end = 0
  CONTAINER_MARKER.lastIndex = 0
  while (CONTAINER_MARKER.exec(line)) end = CONTAINER_MARKER.lastIndex
  return end
}

/** Escapes `[` and `]` in every paragraph that has too many of them; says whether any did. */
function escapeBracketStorms(lines: string[]): boolean {
  let changed = false
  let start = 0
  let brackets = 0
  const flush = (end: number): void => {
    if (brackets > MAX_BRACKETS_PER_PARAGRAPH) {
      for (let i = start; i < end; i++) lines[i] = lines[i].replace(/(?<!\\)[[\]]/g, '\\$&')
      changed = true
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (BLOCK_START.test(lines[i])) {
      flush(i)
      start = i
      brackets = 0
    }
    brackets += countChar(lines[i], '[')
  }
  flush(lines.length)
  return changed
}

/**
 * Escapes every `*` and `_` after the container prefix of each line in the given ranges of lines
 * (emphasis storms); says whether there were any.
 */
function escapeEmphasisStorms(lines: string[], storms: readonly {firstLine: number; endLine: number}[]): boolean {
  for (const {firstLine, endLine} of storms) {
    for (let i = firstLine; i < endLine; i++) {
      if (THEMATIC_BREAK.test(lines[i])) continue
      const prefix = prefixEnd(lines[i])
      // A backslash pair is kept as it is: "\\*" is an escaped backslash before a live marker.
      lines[i] = lines[i].slice(0, prefix) + lines[i].slice(prefix).replace(/\\[\s\S]|[*_]/g, (s) => (s.length === 1 ? '\\' + s : s))
    }
  }
  return storms.length > 0
}
