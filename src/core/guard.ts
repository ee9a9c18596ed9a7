/**
 * Bounds on the markdown the parser is given. remark-parse is super-linear on a few shapes that
 * real pages never need but broken scrapes produce: thousands of nested quotes or list levels,
 * and lines with thousands of unclosed link brackets. Such lines are flattened or escaped here;
 * their words stay, only the nesting or the bracket syntax goes.
 */

/** Deepest blockquote nesting passed on; deeper `>` markers are dropped. */
const MAX_QUOTE_DEPTH = 16
/** Widest indentation passed on, in columns: beyond it, list nesting is flattened. */
const MAX_INDENT = 48
/**
 * A paragraph with more `[` than this has its brackets escaped: no real paragraph holds that many
 * links, and the parser's label matching is quadratic in them.
 */
const MAX_BRACKETS_PER_PARAGRAPH = 512
/** Lines that start a new block, and so a new paragraph, in CommonMark. */
const BLOCK_START = /^\s*(?:$|[-*+] |\d{1,9}[.)] |#{1,6} |>)/

const QUOTE_PREFIX = /^(?:[ \t]*>){17,}/
const DEEP_INDENT = /^[ \t]{49,}/

function countChar(line: string, char: string): number {
  let n = 0
  for (let i = line.indexOf(char); i >= 0; i = line.indexOf(char, i + 1)) n++
  return n
}

/** The text with pathological nesting flattened and bracket storms escaped; unchanged otherwise. */
export function guardMarkdown(text: string): string {
  // Cheap test first: almost every file passes untouched.
  if (!/(?:>[ \t]*){17}|^[ \t]{49}|\[[^\n]*\[/m.test(text)) return text
  let changed = false
  const lines = text.split('\n').map((line) => {
    let out = line
    const quotes = QUOTE_PREFIX.exec(out)
    if (quotes) out = '>'.repeat(MAX_QUOTE_DEPTH) + ' ' + out.slice(quotes[0].length).trimStart()
    const indent = DEEP_INDENT.exec(out)
    if (indent) out = ' '.repeat(MAX_INDENT) + out.slice(indent[0].length)
    if (out !== line) changed = true
    return out
  })
  changed = escapeBracketStorms(lines) || changed
  return changed ? lines.join('\n') : text
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
