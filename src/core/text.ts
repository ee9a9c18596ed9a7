/**
 * Small text measures shared by the stages. Word counting is script-neutral: a word is a run of
 * letters, marks or digits in any script, so the same thresholds hold for German or Polish.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu
const SENTENCE_MARK = /[.!?;:,\u3002\uFF01\uFF1F\uFF0C\u060C\u061F]/g

/** Number of words in `text`. */
export function countWords(text: string): number {
  let n = 0
  WORD.lastIndex = 0
  while (WORD.exec(text)) n++
  return n
}

/** Number of sentence and clause marks in `text`. */
export function countPunctuation(text: string): number {
  return text.match(SENTENCE_MARK)?.length ?? 0
}

/** Collapses runs of blanks inside lines and trims every line; keeps line breaks. */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim()
}

/** Folds a string for comparisons: lower case, single spaces, no surrounding punctuation. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
}

/** A full stop, question or exclamation mark (or an ellipsis) at the end, perhaps inside a closing quote. */
export const SENTENCE_END = /[.!?…]["'”’»)]?$/u
