/**
 * Raw HTML left inside markdown. turndown and pandoc write what markdown cannot hold — layout tables,
 * figures, links around blocks — as HTML, often with blank lines inside one element. CommonMark ends an
 * HTML block at the first blank line, so the article text in a table cell comes out as stray HTML
 * blocks that read as neither prose nor chrome. Each such region, from the line that opens an element
 * to the line where its elements are closed again, is read through the HTML converter the project
 * already has (core/html) and put back as markdown, the way a whole HTML page is read.
 */
import {readHtml} from '../html.js'
import {fenceReader} from '../chunks.js'
import {MappedBuilder, type DialectChange, type MappedLines} from './mapped.js'
import {BLOCK_ELEMENTS, HTML_ELEMENTS, opensHtml} from './detect.js'

/** Elements without content: they never need closing. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/** Elements whose end tag HTML lets a page leave out: an unclosed one must not hold a region open. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rp', 'rt'])

/**
 * A start or end tag. An attribute's quoted value may hold `>`; unquoted text stops at the next `<`, and
 * quoted values are bounded, so that a line of unclosed `<a <a <a …` is scanned once, not once per `<`.
 */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)\b(?:[^<>"']|"[^"\n]{0,2048}"|'[^'\n]{0,2048}')*(\/?)>/g
/** Markdown that a converter writes outside raw HTML: seen while a region is open, the region was left unclosed. */
const MARKDOWN_OUTSIDE_HTML = /^ {0,3}#{1,6} |\]\([^)\s]*\)/
/**
 * A tag, or a markdown backslash escape in the text between tags. Converters write the text around the
 * HTML they leave raw as markdown, escapes included ('11:00 am \\| Categories:' — pandoc escapes the bar
 * in a line it starts with <span>); read as HTML, the backslash would stay in the words.
 */
const TAG_OR_ESCAPE = new RegExp(`${TAG.source}|\\\\([!-/:-@[-\`{-~])`, 'g')

/** The region's text with its markdown escapes undone; tags (and their attributes) as they are. */
const unescapeText = (html: string): string =>
  html.replace(TAG_OR_ESCAPE, (whole: string, _close, _name, _selfClosing, escaped: string | undefined) => escaped ?? whole)

/** Net count of elements a line opens and leaves open (closing ones count down). */
function openElements(line: string): number {
  let depth = 0
  TAG.lastIndex = 0
  for (let match = TAG.exec(line); match; match = TAG.exec(line)) {
    const name = match[2].toLowerCase()
    if (!HTML_ELEMENTS.has(name) || VOID.has(name) || OPTIONAL_END.has(name) || match[3] === '/') continue
    depth += match[1] === '/' ? -1 : 1
  }
  return depth
}

/**
 * A run of input lines that holds raw HTML, `end` exclusive. A region that is a list item's content
 * (pandoc writes `-   <a href=…>` over indented lines) keeps the item's marker and indentation.
 */
export interface HtmlRegion {
  start: number
  end: number
  /** The list item's marker and the spaces after it ("-   "), when the region is one. */
  item?: string
}

/** A list item whose content starts with HTML: its marker with the spaces after it, and the rest. */
const ITEM_WITH_HTML = /^( {0,3}(?:[-*+]|\d{1,9}[.)]) +)(<.*)$/

/** The raw HTML regions of markdown lines, outside fenced code. */
export function rawHtmlRegions(lines: readonly string[]): HtmlRegion[] {
  const regions: HtmlRegion[] = []
  const fenceAt = fenceReader()
  for (let i = 0; i < lines.length; i++) {
    if (fenceAt(lines[i]) !== 'text') continue
    if (opensHtml(lines[i])) {
      const end = regionEnd(lines, i)
      regions.push({start: i, end})
      i = end - 1
      continue
    }
    const item = ITEM_WITH_HTML.exec(lines[i])
    if (item && opensHtml(item[2])) {
      const end = regionEnd(lines, i, item[1].length)
      regions.push({start: i, end, item: item[1]})
      i = end - 1
    }
  }
  return regions
}

/**
 * Where a region opened at line `start` ends: it runs on while an element it opened is still open, and
 * over blank lines to a next line that starts with HTML too (pandoc writes one line per element with
 * blank lines between). Inside a list item (`indent` > 0) the lines are read without the item's
 * indentation, and a line indented less ends the item and the region.
 */
function regionEnd(lines: readonly string[], start: number, indent = 0): number {
  let depth = openElements(lines[start])
  let last = start
  for (let j = start + 1; j < lines.length; j++) {
    if (lines[j].trim() === '') continue
    if (lines[j].length - lines[j].trimStart().length < indent) break
    const line = lines[j].slice(indent)
    if (depth <= 0 && !opensHtml(line)) break
    if (depth > 0 && MARKDOWN_OUTSIDE_HTML.test(line) && !line.includes('<')) break
    depth += openElements(line)
    last = j
  }
  return last + 1
}

/**
 * The lines with every raw HTML region replaced by its markdown. A converted line takes the input line
 * of the first region line that holds its first word, so blocks point close to where they were.
 */
export function convertRawHtml(input: MappedLines, regions: readonly HtmlRegion[], changes: DialectChange[]): MappedLines {
  const out = new MappedBuilder()
  let next = 0
  for (const region of regions) {
    for (; next < region.start; next++) out.push(input.lines[next], input.origin[next])
    next = region.end
    const indent = region.item?.length ?? 0
    const html = input.lines
      .slice(region.start, region.end)
      .map((line, k) => (k === 0 ? line.slice(indent) : line.slice(Math.min(indent, line.length - line.trimStart().length))))
      .join('\n')
    if (!/\p{L}/u.test(html.replace(TAG, ' '))) {
      // Markup alone (an empty cell, a spacer image): nothing to read, its lines stay blank.
      for (let i = region.start; i < region.end; i++) out.push('', input.origin[i])
      changes.push({line: input.origin[region.start], endLine: input.origin[region.end - 1], change: 'raw-html-without-text'})
      continue
    }
    const markdown = readHtml(unescapeText(html)).markdown.split('\n')
    const origins = locateLines(markdown, input, region)
    if (region.item) {
      // The item keeps its marker on its first line of text and its indentation on the others.
      const first = markdown.findIndex((line) => line.trim() !== '')
      markdown.forEach((line, k) => out.push(k < first ? '' : k === first ? region.item + line : line ? ' '.repeat(indent) + line : '', origins[k]))
    } else if (isInlineOnly(html) && joinsParagraphBefore(out, markdown)) {
      changes.push({line: input.origin[region.start], endLine: input.origin[region.end - 1], change: 'inline-html-rejoined'})
    } else {
      // Blank lines around the converted text, so that it starts and ends blocks of its own.
      out.push('', input.origin[region.start])
      markdown.forEach((line, k) => out.push(line, origins[k]))
      out.push('', input.origin[region.end - 1])
    }
    changes.push({line: input.origin[region.start], endLine: input.origin[region.end - 1], change: 'raw-html-converted'})
  }
  for (; next < input.lines.length; next++) out.push(input.lines[next], input.origin[next])
  return out.result()
}

/** Whether a region's HTML has no block element in it: links, images, spans — a paragraph's inline content. */
function isInlineOnly(html: string): boolean {
  TAG.lastIndex = 0
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) if (BLOCK_ELEMENTS.has(match[2].toLowerCase())) return false
  return true
}

/**
 * A paragraph's line that a clause runs on from: not a block's start, and ending in a lower-case word,
 * a comma, a colon or a separator ("· von", "Posted by", "Autor:") — not in a sentence's end or in a
 * name or title, which end capitalised.
 */
const OPEN_PARAGRAPH_LINE = /^(?! {0,3}(?:#|[-*+] |\d{1,9}[.)] |>|\||<|`{3}|~{3}))(?:\S.*\s)?(?:\p{Ll}[\p{L}\p{M}'’]*|.*[,:·•|–—])$/u
/** Fewest blank lines between a paragraph and the inline HTML set off from it that is seen as one break. */
const MAX_BLANKS_BETWEEN = 2

/**
 * Inline HTML that a converter set off as a paragraph of its own, right after a paragraph that runs on
 * into it ("Dezember 10, 2019 · von" / `<a href=…>freeman1984</a> · in …`: pandoc breaks before raw
 * inline HTML at a line's start): joined back onto that paragraph's last line when it converts to one
 * line of text. Says whether it was.
 */
function joinsParagraphBefore(out: MappedBuilder, markdown: readonly string[]): boolean {
  const text = markdown.filter((line) => line.trim() !== '')
  if (text.length !== 1) return false
  let last = out.lines.length - 1
  let blanks = 0
  while (last >= 0 && out.lines[last].trim() === '') {
    last--
    blanks++
  }
  if (last < 0 || blanks === 0 || blanks > MAX_BLANKS_BETWEEN || !OPEN_PARAGRAPH_LINE.test(out.lines[last])) return false
  out.lines[last] = `${out.lines[last].trimEnd()} ${text[0].trim()}`
  return true
}

const FIRST_WORD = /[\p{L}\p{N}]{3,}/u
/**
 * How far ahead of the last match a converted line's first word is looked for, in characters of the
 * region: markup between two words of text is rarely longer, and the bound keeps the search linear.
 */
const LOOKAHEAD_CHARS = 8192

/**
 * For each converted line, the input line (within the region) where its first word of three or more
 * letters next occurs, searching forward from the previous match; the previous match's line otherwise.
 */
function locateLines(converted: readonly string[], input: MappedLines, region: HtmlRegion): number[] {
  let cursor = region.start
  let column = 0
  return converted.map((line) => {
    const word = FIRST_WORD.exec(line)?.[0]
    if (!word) return input.origin[cursor]
    let budget = LOOKAHEAD_CHARS
    for (let i = cursor, from = column; i < region.end && budget > 0; i++, from = 0) {
      const window = input.lines[i].slice(from, from + budget)
      const at = window.indexOf(word)
      if (at >= 0) {
        cursor = i
        column = from + at + word.length
        break
      }
      budget -= window.length + 1
    }
    return input.origin[cursor]
  })
}
