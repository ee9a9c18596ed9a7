/**
 * The article's header: headline, byline, dateline and tag lines. The headline is found first
 * (header/headline.ts); bylines, datelines and tags are then looked for around it and in the zone of
 * short blocks just before the body.
 */
import type {ScoredBlock} from '../features.js'
import {hasBylinePrefix, parseAuthors} from '../byline.js'
import {DATE_LABEL_CUE, findDates, isUpdateDate} from '../dates.js'
import {readTagLines} from '../tags.js'
import {THRESHOLDS} from '../thresholds.js'
import {isChromeOrScript} from '../patterns.js'
import {SENTENCE_END, countWords, fold} from '../text.js'
import {findHeadline} from './headline.js'
import {bylineAuthors} from './names.js'
import {findByline, nameLineBeside} from './bylines.js'
import {authorBox, signatureUnderText, bylineInOrAfterBody, sourceCredit, portraitByline, spelledOut} from './signatures.js'
import type {Header} from './types.js'

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
function metaWindow(blocks: readonly ScoredBlock[], bodyStart: number, headline: number | undefined): number[] {
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
function underEarlierCopy(blocks: readonly ScoredBlock[], headline: number | undefined, bodyStart: number): number[] {
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

/** Picks the headline, byline, dateline and tags around the body start. */
export function findHeader(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number): Header {
  const header: Header = {extraDatelines: [], labels: [], tags: []}
  const headline = findHeadline(blocks, bodyStart)
  if (headline !== undefined) header.headline = {index: headline, rule: blocks[headline].kind === 'heading' ? 'headline-heading' : 'headline-title-line'}
  const window = [...metaWindow(blocks, bodyStart, headline), ...underEarlierCopy(blocks, headline, bodyStart)]
  const taken = new Set<number>(headline !== undefined ? [headline] : [])

  for (const i of window) {
    if (readTagLines(blocks[i])) {
      header.tags.push({index: i, rule: 'tag-line'})
      taken.add(i)
    }
  }
  header.tags.sort((a, b) => a.index - b.index)

  header.byline = findByline(blocks, window, taken, headline) ?? bylineInOrAfterBody(blocks, bodyStart, bodyEnd, taken, headline)
  if (header.byline) taken.add(header.byline.index)
  if (header.byline?.label !== undefined) {
    header.labels.push({index: header.byline.label, rule: 'byline-label'})
    taken.add(header.byline.label)
  }

  // Dateline: the first date line after the headline, else the nearest before it — unless the
  // byline prints the date itself ("Geschrieben von X am 25.08.2015"): then other dates are the text's.
  // A date line between the headline and a dated byline further down comes first ("Erschienen am …"
  // over a teaser list signed "Von X am …").
  const bylineAt = header.byline?.index
  const bylineDated =
    bylineAt !== undefined && blocks[bylineAt].isDateLine && !window.some((i) => i < bylineAt && i > (headline ?? -1) && !taken.has(i) && blocks[i].isDateLine)
  for (const i of bylineDated ? [] : window) {
    if (taken.has(i) || !blocks[i].isDateLine) continue
    const text = blocks[i].text
    const dates = findDates(text)
    if (dates.every((d) => isUpdateDate(text, d.index))) {
      if (!header.updated) header.updated = {index: i, rule: 'updated-line'}
      else continue
    } else if (!header.dateline) header.dateline = {index: i, rule: 'dateline-date'}
    else if (i < bodyStart && (headline === undefined || i > headline)) header.extraDatelines.push({index: i, rule: 'dateline-extra'})
    else continue
    taken.add(i)
  }
  // An update line in the header is the page's own date: dates further off are less likely its publication.
  // So is a date printed in the headline or the byline.
  const datedHeader = [header.byline?.index, headline].some((i) => i !== undefined && findDates(blocks[i].text).length > 0)
  if (!header.dateline && !header.updated && !datedHeader) {
    const labelled = labelledDateLine(blocks, taken)
    if (labelled !== undefined) header.dateline = {index: labelled, rule: 'dateline-labelled'}
    else {
      const after = dateLineAfterBody(blocks, bodyEnd, taken)
      if (after !== undefined) header.dateline = {index: after, rule: 'dateline-after-body'}
      else {
        const inside = dateLineInBody(blocks, bodyStart, bodyEnd, taken)
        if (inside !== undefined) header.dateline = {index: inside, rule: 'dateline-in-body'}
      }
    }
  }

  if (!header.dateline && !header.updated) {
    // The lead is the first paragraph of prose, after any captions and credits above it.
    for (let i = bodyStart, prose = 0; i <= bodyEnd && i < blocks.length && prose < THRESHOLDS.leadParagraphs; i++) {
      const date = findDates(blocks[i].text)[0]
      if (date && date.index <= THRESHOLDS.leadDateMaxOffset) {
        header.leadDate = {index: i, rule: 'lead-date'}
        break
      }
      if (blocks[i].contentClass === 'good') prose++
    }
  }

  // A line that is only a name, right beside the dateline (or the update line), is the byline.
  for (const dated of [header.dateline, header.updated]) {
    if (header.byline || !dated) continue
    const name = nameLineBeside(blocks, dated.index, taken)
    if (name !== undefined) header.byline = {index: name, rule: 'byline-name-beside-date', authors: parseAuthors(blocks[name].text)}
  }
  if (!header.byline) {
    header.byline = authorBox(blocks, bodyStart, bodyEnd, taken) ?? signatureUnderText(blocks, bodyEnd, taken)
    if (!header.byline) {
      // With no byline at all, the line that credits the text's supplier is the byline, not a tag.
      header.byline = sourceCredit(blocks, taken, new Set(header.tags.map((t) => t.index)))
      header.tags = header.tags.filter((t) => t.index !== header.byline?.index)
      header.byline ??= portraitByline(blocks, taken)
    }
    if (header.byline) taken.add(header.byline.index)
  }
  if (header.byline) {
    taken.delete(header.byline.index)
    header.byline = spelledOut(blocks, header.byline, taken)
    taken.add(header.byline.index)
  }
  return header
}

/** A short line anywhere that labels its date ("Published: …", "Veröffentlicht am …"). */
function labelledDateLine(blocks: readonly ScoredBlock[], taken: Set<number>): number | undefined {
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
function dateLineInBody(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number, taken: Set<number>): number | undefined {
  for (let i = bodyStart; i <= bodyEnd && i < blocks.length; i++) {
    const block = blocks[i]
    if (!taken.has(i) && block.isDateLine && (block.words <= THRESHOLDS.maxBareDateWords || isPostMetaLine(block.text))) return i
  }
  return undefined
}

/** Some sites print the date under the article: a line that is little more than a date, right after the body. */
function dateLineAfterBody(blocks: readonly ScoredBlock[], bodyEnd: number, taken: Set<number>): number | undefined {
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
