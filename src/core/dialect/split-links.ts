/**
 * Links around blocks, split by blank lines. A converter that meets `<a>` around a heading and a
 * teaser, or around a wrapped line, writes `[` … blank line … `](url)`; CommonMark ends the paragraph
 * at the blank line, so the link is lost and its text reads as plain prose (a card of teasers as an
 * article). Each block inside such a link is given the link back, the way the HTML converter does
 * with a link around blocks: `### [Title](url)`, `[Teaser text](url)`.
 */
import {MappedBuilder, type DialectChange, type MappedLines} from './mapped.js'

/** The line that closes a split link: `](url)` or `](<url with spaces>)`, a title perhaps, then the rest of the line. */
const CLOSER = /^\s*\]\(((?:<[^>\n]*>|[^()\s]*)(?:\s+"[^"\n]*")?)\)(.*)$/
/** How far above its closer a split link's opening bracket is looked for, in lines. */
const MAX_LINK_LINES = 40
/** A block marker a segment keeps in front of its link: heading, list item, quote. */
const BLOCK_MARKER = /^(\s*(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+|>\s*)?)(.*)$/s

/** Position of the `[` that a line leaves open (unmatched by a `]` after it), if any. */
function openBracket(line: string): number | undefined {
  let depth = 0
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i]
    if (line[i - 1] === '\\') continue
    if (c === ']') depth++
    else if (c === '[') {
      if (depth === 0) return i
      depth--
    }
  }
  return undefined
}

interface SplitLink {
  open: number
  close: number
  column: number
}

function splitLinkEndingAt(lines: readonly string[], close: number): SplitLink | undefined {
  let sawBlank = false
  for (let i = close - 1; i >= 0 && i >= close - MAX_LINK_LINES; i--) {
    if (CLOSER.test(lines[i])) return undefined
    if (lines[i].trim() === '') {
      sawBlank = true
      continue
    }
    const column = openBracket(lines[i])
    if (column !== undefined) return sawBlank ? {open: i, close, column} : undefined
  }
  return undefined
}

/** The lines with every split link given back to the blocks inside it. */
export function rejoinSplitLinks(input: MappedLines, changes: DialectChange[]): MappedLines {
  const {lines, origin} = input
  const links: SplitLink[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!CLOSER.test(lines[i])) continue
    const link = splitLinkEndingAt(lines, i)
    if (link && (links.length === 0 || link.open > links.at(-1)!.close)) links.push(link)
  }
  if (!links.length) return input
  const out = new MappedBuilder()
  let next = 0
  for (const link of links) {
    for (; next < link.open; next++) out.push(lines[next], origin[next])
    const [, target, tail] = CLOSER.exec(lines[link.close])!
    const prefix = lines[link.open].slice(0, link.column)
    // The blocks inside: runs of non-blank lines, the opening line's text after its bracket first.
    const segments: {text: string; from: number}[][] = []
    let current: {text: string; from: number}[] | undefined
    const add = (text: string, from: number): void => {
      if (text.trim() === '') current = undefined
      else if (current) current.push({text, from})
      else segments.push((current = [{text, from}]))
    }
    add(lines[link.open].slice(link.column + 1), origin[link.open])
    for (let i = link.open + 1; i < link.close; i++) add(lines[i], origin[i])
    if (!segments.length) out.push(`${prefix}[](${target})${tail}`, origin[link.open])
    segments.forEach((segment, k) => {
      const [, marker, text] = BLOCK_MARKER.exec(segment.map((l) => l.text).join('\n').trim())!
      const linked = `${k === 0 ? prefix : ''}${marker}[${text.trim()}](${target})${k === segments.length - 1 ? tail : ''}`
      if (k > 0) out.push('', segment[0].from)
      linked.split('\n').forEach((line, j) => out.push(line, segment[Math.min(j, segment.length - 1)].from))
    })
    changes.push({line: origin[link.open], endLine: origin[link.close], change: 'split-link-rejoined'})
    next = link.close + 1
  }
  for (; next < lines.length; next++) out.push(lines[next], origin[next])
  return out.result()
}
