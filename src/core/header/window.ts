/**
 * Where the header is looked for: the zone of short blocks that walks back from the body's start,
 * and the window of blocks around the headline, nearest first, where bylines, datelines and tag lines
 * are read.
 */
import type {ScoredBlock} from '../features.js'
import {hasBylinePrefix} from '../byline.js'
import {readTagLines} from '../tags.js'
import {THRESHOLDS} from '../thresholds.js'
import {isChromeOrScript} from '../patterns.js'
import {SENTENCE_END, fold} from '../text.js'
import {bylineAuthors} from './names.js'

/** Notices that sites print between the header and the body; the zone reaches past them. */
const NOTICE_FAMILIES = new Set(['appeal', 'share'])

/** Whether a block can be part of the header zone. */
function isHeaderMaterial(block: ScoredBlock): boolean {
  if (isChromeOrScript(block.families)) return false
  if (block.families.some((f) => NOTICE_FAMILIES.has(f))) return true
  if (block.contentClass === 'empty' || block.kind === 'separator') return true
  if (block.isDateLine || bylineAuthors(block) || readTagLines(block)) return true
  if (block.contentClass === 'links') return false
  // Prose ends with a full stop; a long headline does not.
  return block.words <= THRESHOLDS.maxHeadlineWords && (block.contentClass !== 'good' || !SENTENCE_END.test(block.text))
}

/** Where the header zone starts: walk back from the body over header material. */
export function headerZoneStart(blocks: readonly ScoredBlock[], bodyStart: number): number {
  let start = bodyStart
  const limit = Math.max(0, bodyStart - THRESHOLDS.headerLookback)
  while (start > limit && isHeaderMaterial(blocks[start - 1])) start--
  return start
}

/** The blocks to search for bylines, datelines and tags, nearest to the headline first. */
export function metaWindow(blocks: readonly ScoredBlock[], bodyStart: number, headline: number | undefined): number[] {
  const zoneStart = headerZoneStart(blocks, bodyStart)
  const anchor = headline ?? bodyStart
  const from = Math.max(0, Math.min(zoneStart, anchor - THRESHOLDS.metaBeforeHeadline))
  const to = Math.min(blocks.length, Math.max(bodyStart + THRESHOLDS.headerLookahead, anchor + THRESHOLDS.metaAfterHeadline))
  const indexes: number[] = []
  for (let i = from; i < to; i++) {
    if (i === headline) continue
    // Past the body's first paragraph, only short lines can still be header material.
    // … or a meta paragraph that opens with its byline ("By Ela on 31. October, 2023 | 18 Comments. This post …").
    if (i >= bodyStart && blocks[i].contentClass === 'good' && !hasBylinePrefix(blocks[i].text)) continue
    indexes.push(i)
  }
  // After the headline first (in order), then before it (nearest first).
  const after = indexes.filter((i) => i > anchor)
  const before = indexes.filter((i) => i <= anchor).reverse()
  return [...after, ...before]
}

/**
 * Pages that print the headline twice — in a hero block with its byline and date, then again over
 * the text, with share rows and related links between — keep the header under the first copy. Its
 * blocks come last in the window, after everything near the headline that was chosen.
 */
export function underEarlierCopy(blocks: readonly ScoredBlock[], headline: number | undefined, bodyStart: number): number[] {
  if (headline === undefined) return []
  const title = fold(blocks[headline].text)
  const limit = Math.max(0, headline - THRESHOLDS.headerLookback)
  for (let copy = headline - THRESHOLDS.metaBeforeHeadline - 1; copy >= limit; copy--) {
    if (fold(blocks[copy].text) !== title) continue
    const indexes: number[] = []
    for (let i = copy + 1; i <= copy + THRESHOLDS.metaAfterHeadline && i < headline - THRESHOLDS.metaBeforeHeadline && i < bodyStart; i++) indexes.push(i)
    return indexes
  }
  return []
}
