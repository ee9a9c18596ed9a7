/**
 * The article's header: headline, byline, dateline and tag lines, looked for in the zone of short
 * blocks just before the body (and, for bylines and datelines, its first few blocks).
 */
import type {ScoredBlock} from '../features.js'
import {hasBylinePrefix, looksLikeName, MAX_BYLINE_WORDS, parseAuthors} from '../byline.js'
import {findDates, isUpdateDate} from '../dates.js'
import {readTagLines} from '../tags.js'
import {THRESHOLDS} from '../thresholds.js'
import {findHeadline} from './headline.js'

/** What the header rules found: block indexes and the rule that picked each. */
export interface Header {
  headline?: Pick
  byline?: BylinePick
  dateline?: Pick
  /** A separately printed update line. */
  updated?: Pick
  /** Further date or credit lines of the header (e.g. a source line with its own date). */
  extraDatelines: Pick[]
  tags: Pick[]
}

export interface Pick {
  index: number
  rule: string
}

export interface BylinePick extends Pick {
  /** The names read out of the byline. */
  authors: string[]
}

/** Notices that sites print between the header and the body; the zone reaches past them. */
const NOTICE_FAMILIES = new Set(['appeal', 'share'])

/** Whether a block can be part of the header zone. */
function isHeaderMaterial(block: ScoredBlock): boolean {
  if (block.families.includes('chrome')) return false
  if (block.families.some((f) => NOTICE_FAMILIES.has(f))) return true
  if (block.contentClass === 'empty' || block.kind === 'separator') return true
  if (isDateLine(block) || isBylineBlock(block) || readTagLines(block)) return true
  if (block.contentClass === 'links') return false
  // Prose ends with a full stop; a long headline does not.
  return block.words <= THRESHOLDS.maxHeadlineWords && (block.contentClass !== 'good' || !/[.!?…]["'”’»)]?$/u.test(block.text))
}

export function isBylineBlock(block: ScoredBlock): boolean {
  return block.words <= MAX_BYLINE_WORDS && block.kind !== 'heading' && hasBylinePrefix(block.text) && authorsOf(block).length > 0
}

/** The authors of a byline block; names printed as links are taken as given, whatever their case. */
export function authorsOf(block: ScoredBlock): string[] {
  return parseAuthors(block.text, {trustAll: block.linkWords > 0 && block.linkWords >= block.words - 2})
}

export function isDateLine(block: ScoredBlock): boolean {
  return block.words <= THRESHOLDS.maxDatelineWords && block.kind !== 'heading' && findDates(block.text).length > 0
}

/** Where the header zone starts: walk back from the body over header material. */
export function headerZoneStart(blocks: readonly ScoredBlock[], bodyStart: number): number {
  let start = bodyStart
  const limit = Math.max(0, bodyStart - THRESHOLDS.headerLookback)
  while (start > limit && isHeaderMaterial(blocks[start - 1])) start--
  return start
}

/** Picks the headline, byline, dateline and tags around the body start. */
export function findHeader(blocks: readonly ScoredBlock[], bodyStart: number): Header {
  const header: Header = {extraDatelines: [], tags: []}
  const zoneStart = headerZoneStart(blocks, bodyStart)
  const lookaheadEnd = Math.min(blocks.length, bodyStart + THRESHOLDS.headerLookahead)

  const best = findHeadline(blocks, bodyStart)
  if (best !== undefined) header.headline = {index: best, rule: blocks[best].kind === 'heading' ? 'headline-heading' : 'headline-title-line'}

  const taken = new Set<number>(best !== undefined ? [best] : [])
  const zone: number[] = []
  for (let i = zoneStart; i < lookaheadEnd; i++) if (!taken.has(i)) zone.push(i)
  const afterHeadline = (i: number): boolean => best === undefined || i > best

  for (const i of zone) {
    const block = blocks[i]
    if (i >= bodyStart && block.contentClass === 'good') break
    if (readTagLines(block)) {
      header.tags.push({index: i, rule: 'tag-line'})
      taken.add(i)
    } else if (!header.byline && isBylineBlock(block)) {
      header.byline = {index: i, rule: 'byline-prefix', authors: authorsOf(block)}
      taken.add(i)
    }
  }

  // Dateline: the first date line after the headline, else the first in the zone.
  const dateLines = zone.filter((i) => !taken.has(i) && isDateLine(blocks[i]) && !(i >= bodyStart && blocks[i].contentClass === 'good'))
  const ordered = [...dateLines.filter(afterHeadline), ...dateLines.filter((i) => !afterHeadline(i))]
  for (const i of ordered) {
    const text = blocks[i].text
    const date = findDates(text)[0]
    if (!header.updated && isUpdateDate(text, date.index)) header.updated = {index: i, rule: 'updated-line'}
    else if (!header.dateline) header.dateline = {index: i, rule: 'dateline-date'}
    else header.extraDatelines.push({index: i, rule: 'dateline-extra'})
    taken.add(i)
  }

  // A line that is only a name, right beside the dateline, is the byline.
  if (!header.byline && header.dateline) {
    const name = nameLineBeside(blocks, header.dateline.index, taken)
    if (name !== undefined) header.byline = {index: name, rule: 'byline-name-beside-date', authors: [blocks[name].text.trim()]}
  }
  return header
}

function nameLineBeside(blocks: readonly ScoredBlock[], dateIndex: number, taken: Set<number>): number | undefined {
  for (const step of [-1, 1]) {
    let i = dateIndex + step
    while (blocks[i] && blocks[i].contentClass === 'empty') i += step
    const block = blocks[i]
    if (!block || taken.has(i) || block.kind === 'heading') continue
    const text = block.text.trim()
    if (block.words >= 2 && block.words <= 4 && looksLikeName(text)) return i
  }
  return undefined
}
