/**
 * The article's header: headline, byline, dateline and tag lines. The headline is found first
 * (header/headline.ts); bylines, datelines and tags are then looked for around it and in the zone of
 * short blocks just before the body.
 */
import type {ScoredBlock} from '../features.js'
import {findDates, isUpdateDate} from '../dates.js'
import {readTagLines} from '../tags.js'
import {THRESHOLDS} from '../thresholds.js'
import {findHeadline} from './headline.js'
import {metaWindow, underEarlierCopy} from './window.js'
import {bylineCandidates, type BylinePlaces} from './candidates.js'
import {bylineEvidence} from './evidence.js'
import {best, topEvidence} from './rank.js'
import {BYLINE_WEIGHTS} from './weights.js'
import {spelledOut} from './signatures.js'
import {dateLineAfterBody, dateLineInBody, labelledDateLine} from './datelines.js'
import type {Header} from './types.js'

/**
 * Where the byline is looked for, once the headline is known: the header window around it (and
 * under an earlier copy of it), with the tag lines found there set aside.
 */
export function bylinePlaces(blocks: readonly ScoredBlock[], headline: number | undefined, bodyStart: number, bodyEnd: number): {window: number[]; places: BylinePlaces} {
  const window = [...metaWindow(blocks, bodyStart, headline), ...underEarlierCopy(blocks, headline, bodyStart)]
  const tagLines = window.filter((i) => readTagLines(blocks[i])).sort((a, b) => a - b)
  const taken = new Set<number>([...(headline !== undefined ? [headline] : []), ...tagLines])
  return {window, places: {headline, bodyStart, bodyEnd, window, taken, tagLines: new Set(tagLines)}}
}

/** Picks the headline, byline, dateline and tags around the body start. */
export function findHeader(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number): Header {
  const header: Header = {extraDatelines: [], labels: [], tags: []}
  const headline = findHeadline(blocks, bodyStart)
  if (headline !== undefined) header.headline = {index: headline, rule: blocks[headline].kind === 'heading' ? 'headline-heading' : 'headline-title-line'}
  const {window, places} = bylinePlaces(blocks, headline, bodyStart, bodyEnd)
  const taken = new Set(places.taken)
  header.tags = [...places.tagLines].map((index) => ({index, rule: 'tag-line'}))

  const candidates = bylineCandidates(blocks, places)
  const ranked = best(candidates, (candidate) => bylineEvidence(blocks, candidate, places, candidates), BYLINE_WEIGHTS)
  if (ranked) {
    const {index, authors, rule, label} = ranked.candidate
    header.byline = {index, rule, authors, label, evidence: topEvidence(ranked.evidence, BYLINE_WEIGHTS)}
    // A source credit is read out of a line the tag rule took as its label and value.
    header.tags = header.tags.filter((t) => t.index !== index)
    taken.add(index)
    if (label !== undefined) {
      header.labels.push({index: label, rule: 'byline-label'})
      taken.add(label)
    }
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

  if (header.byline) {
    taken.delete(header.byline.index)
    header.byline = spelledOut(blocks, header.byline, taken)
    taken.add(header.byline.index)
  }
  return header
}
