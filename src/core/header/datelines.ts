/**
 * Date lines away from the header: a labelled date line anywhere, a bare date under the text, a date
 * line set among the paragraphs, and the blog meta line under a post.
 */
import type {ScoredBlock} from '../features.js'
import {DATE_LABEL_CUE, findDates} from '../dates.js'
import {THRESHOLDS} from '../thresholds.js'
import {countWords} from '../text.js'

/** A short line anywhere that labels its date ("Published: …", "Veröffentlicht am …"). */
export function labelledDateLine(blocks: readonly ScoredBlock[], taken: Set<number>): number | undefined {
  for (const block of blocks) {
    if (taken.has(block.index) || !block.isDateLine) continue
    // The label may open any segment of a meta line: "erstellt von Dominique — veröffentlicht 28.01.2022".
    const labelled = (text: string): boolean => DATE_LABEL_CUE.test(text.replace(/^[^\p{L}]+/u, ''))
    if (labelled(block.text)) return block.index
    const segments = block.text.split(/\s*[|•·]\s*|\s+[—–]\s+|\n/)
    if (segments.some((segment) => labelled(segment) && findDates(segment).length)) return block.index
  }
  return undefined
}

/** A line that is only a date (or a post's meta line), set among the paragraphs (under a byline, under the last one). */
export function dateLineInBody(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number, taken: Set<number>): number | undefined {
  for (let i = bodyStart; i <= bodyEnd && i < blocks.length; i++) {
    const block = blocks[i]
    if (!taken.has(i) && block.isDateLine && (block.words <= THRESHOLDS.maxBareDateWords || isPostMetaLine(block.text))) return i
  }
  return undefined
}

/** Some sites print the date under the article: a line that is little more than a date, right after the body. */
export function dateLineAfterBody(blocks: readonly ScoredBlock[], bodyEnd: number, taken: Set<number>): number | undefined {
  for (let i = bodyEnd + 1; i < blocks.length && i <= bodyEnd + THRESHOLDS.dateAfterBodyBlocks; i++) {
    const block = blocks[i]
    if (taken.has(i)) continue
    if (block.words <= THRESHOLDS.maxBareDateWords && findDates(block.text).length) return i
    if (isPostMetaLine(block.text)) return i
  }
  return undefined
}

/** "Monday, August 11th, 2025 at 11:00 am | Categories: Helena, MT", the meta line blogs print under a post: the date, then labelled fields. */
function isPostMetaLine(text: string): boolean {
  const [first, ...rest] = text.split(/\s+\|\s+/)
  const date = findDates(first)[0]
  if (!date || !rest.length || countWords(first.replace(/\d+/g, ' ')) > THRESHOLDS.maxBareDateWords) return false
  return rest.every((segment) => segment.trim() === '' || /^[\p{L} ]{2,30}:/u.test(segment.trim()))
}
