/**
 * Tag lines: a short label, a colon, and values that are links — `Region: [Asia](#)`,
 * `Theme: [History](#), [US NATO War Agenda](#)`.
 */
import type {Block} from '../types.js'
import {countWords} from './text.js'
import {THRESHOLDS} from './thresholds.js'
import {hasBylinePrefix} from './byline.js'
import {familyHits} from './patterns.js'

const TAG_LINE = /^([\p{L}][\p{L}\p{N} &'’\-]*?)\s*:\s*(.+)$/u
/** Labels of a page's controls, printed like tag lines: "Font size: Decrease Increase", "Email article: Email". */
const CONTROL_LABEL = /^((font|text) size|(e-?mail|print|share|submit|save|bookmark|send)\b.*|schriftgröße|taille du texte|tamaño de (letra|texto))$/iu

/** Reads a block as tag lines; undefined when it is not one. */
export function readTagLines(block: Block): [string, string[]][] | undefined {
  if (block.linkWords === 0 || block.kind === 'heading' || hasBylinePrefix(block.text)) return undefined
  const lines = block.text.split('\n')
  const entries: [string, string[]][] = []
  let labelWords = 0
  for (const line of lines) {
    const m = TAG_LINE.exec(line.trim())
    if (!m) return undefined
    const label = m[1].trim()
    const words = countWords(label)
    // "See also: [Another story](#)", "Read more: …": a pointer to other articles, not a tag.
    if (words === 0 || words > THRESHOLDS.maxTagLabelWords || CONTROL_LABEL.test(label) || familyHits(label, 'related')) return undefined
    labelWords += words
    const values = m[2].split(/\s*[,;|]\s*/).map((v) => v.trim()).filter(Boolean)
    if (!values.length) return undefined
    entries.push([label, values])
  }
  const valueWords = block.words - labelWords
  if (valueWords <= 0 || block.linkWords < valueWords * THRESHOLDS.minTagLinkShare) return undefined
  return entries
}

/**
 * The labels a CMS prints over a post's categories and tags. Under the text, where teaser titles
 * ("Oleander-Pflege: Tipps für …") and sources also come as "Label: link", only these are tags.
 */
const CMS_TAG_LABEL =
  /^(tags?|tagged( with)?|labels?|filed under|listed under|posted in|categor(y|ies)|topics?|themen|schlagw(o|ö)rte(r)?|getaggt mit|kategorien?|veröffentlicht in|étiquettes|mots[- ]clés|catégories?|etiquetas|categorías?|tagi|kategorie|tematy)$/iu

/** Whether a block is tag lines whose every label is a CMS's own ("Filed under: …", "Schlagwörter: …"). */
export function isCmsTagLine(block: Block): boolean {
  return readTagLines(block)?.every(([label]) => CMS_TAG_LABEL.test(label)) ?? false
}
