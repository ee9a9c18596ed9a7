/**
 * The headline: every short line near the body is a candidate; evidence from HEADLINE_WEIGHTS is
 * added up and the best candidate wins.
 */
import type {ScoredBlock} from '../features.js'
import {findDates} from '../dates.js'
import {hasBylinePrefix} from '../byline.js'
import {readTagLines} from '../tags.js'
import {HEADLINE_WEIGHTS as W, THRESHOLDS} from '../thresholds.js'
import {fold} from '../text.js'

/** Families whose words also appear in real headlines ("I ran my newsletter through …"). */
const HEADLINE_TOLERATED_FAMILIES = new Set(['appeal'])

/** Page furniture that is short and prominent but never a headline, in the corpus languages. */
const NOT_A_HEADLINE =
  /^(table of contents?|contents|in this article|key takeaways?|quick summary|summary|synopsis|overview|introduction|conclusion|share( this)?|related|menu|search( for)?|blog|news|home|updated|last updated|advertisement|view larger image|click to enlarge|enlarge( this)? (image|photo)|photo gallery|anzeige|inhalt|inhaltsverzeichnis|inhaltsübersicht|sommaire|índice|spis treści|werbung|publicité|publicidad|reklama)\b/iu

const SENTENCE_END = /[.!?…]["'”’»)]?$/u

function isCandidate(block: ScoredBlock): boolean {
  if (block.words === 0 || block.words > THRESHOLDS.maxHeadlineWords) return false
  if (block.kind !== 'heading' && block.kind !== 'paragraph' && block.kind !== 'listItem') return false
  if (block.kind !== 'heading' && block.text.includes('\n')) return false
  if (block.families.some((f) => !HEADLINE_TOLERATED_FAMILIES.has(f))) return false
  if (hasBylinePrefix(block.text) || readTagLines(block) || NOT_A_HEADLINE.test(block.text)) return false
  // A line that is mostly a date is a dateline.
  const dates = findDates(block.text)
  return !(dates.length && block.words <= 6)
}

function isMeta(block: ScoredBlock | undefined): boolean {
  if (!block) return false
  return block.isDateLine || (block.words <= THRESHOLDS.maxDatelineWords && hasBylinePrefix(block.text))
}

/** The index of the headline block, or undefined when nothing looks like one. */
export function findHeadline(blocks: readonly ScoredBlock[], bodyStart: number): number | undefined {
  const counts = new Map<string, number>()
  for (const block of blocks) {
    if (block.words === 0 || block.words > THRESHOLDS.maxHeadlineWords) continue
    const key = fold(block.text)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const h1s = blocks.filter((b) => b.kind === 'heading' && b.depth === 1).length
  const from = Math.max(0, bodyStart - W.window)
  const to = Math.min(blocks.length, bodyStart + THRESHOLDS.headerLookahead)

  // Content blocks between each candidate and the body, counted once from the body backwards.
  const meta = blocks.map((b, i) => i >= from && i < to + W.metaBelowBlocks && isMeta(b))
  const awayFrom: number[] = new Array(to).fill(0)
  for (let i = Math.min(bodyStart, to) - 2, away = 0; i >= from; i--) {
    const next = blocks[i + 1]
    if (next.words > 0 && !meta[i + 1]) away++
    awayFrom[i] = away
  }

  let best: number | undefined
  let bestScore = -Infinity
  for (let i = from; i < to; i++) {
    const block = blocks[i]
    if (!isCandidate(block)) continue
    // Inside the body only a title-like line can be the headline, never a sentence of the text.
    if (i >= bodyStart && block.kind !== 'heading' && SENTENCE_END.test(block.text)) continue
    let score = block.kind === 'heading' ? W.level[block.depth] : block.kind === 'listItem' ? W.listItem : W.titleLine
    if (block.kind === 'heading' && block.depth === 1 && h1s === 1) score += W.onlyH1
    if (block.words >= W.usualMinWords && block.words <= W.usualMaxWords) score += W.usualLength
    if (block.words < 3) score += W.tooShort
    score += Math.max(W.maxAwayPenalty, (awayFrom[i] ?? 0) * W.perBlockAway)
    if (i >= bodyStart) score += W.insideBody
    if ((counts.get(fold(block.text)) ?? 0) > 1) score += W.repeated
    for (let j = i + 1; j <= i + W.metaBelowBlocks && j < blocks.length; j++) {
      if (meta[j]) {
        score += W.metaBelow
        break
      }
    }
    if (/:\s*$/.test(block.text)) score += W.endsWithColon
    if (block.kind !== 'heading' && /[.!?]["'”’»]?$/u.test(block.text) && block.words > 12) score += W.sentence
    if (block.linkOnly) score += W.link
    else if (block.contentClass === 'links') score += W.partlyLinked
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  }
  return best
}
