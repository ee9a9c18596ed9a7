/**
 * Stage 3: the syntax tree flattened to blocks — one per paragraph, heading, list item, code block,
 * HTML block or separator — each with the features the rules read (words, link density, position).
 */
import type {Nodes, Parents, Root, RootContent, PhrasingContent} from 'mdast'
import type {Block, BlockKind} from '../types.js'
import {countPunctuation, countWords, tidyLines} from './text.js'
import {parseMarkdown} from './parse.js'
import {findDates} from './dates.js'
import {hasBylinePrefix} from './byline.js'

/** A block before its features are measured. */
interface RawBlock {
  kind: BlockKind
  line: number
  depth: number
  listDepth: number
  quoted: boolean
  listMarker: string
  inline: readonly Nodes[]
  /** Text given directly, for nodes without inline children (code, html). */
  literal?: string
}

/** A block as the classifier sees it, plus its list marker for rendering. */
export interface ParsedBlock extends Block {
  /** "-" for bullet items, "3." for ordered ones, "" outside lists. */
  listMarker: string
  /** The links of the block: their text and target ("#" when the scraper dropped it). */
  links: {text: string; url: string}[]
  /** The alt texts of the block's images: not text of the page, but they name what a picture shows. */
  imageAlts: string[]
}

/** Flattens an mdast tree into blocks, in document order. */
export function toBlocks(tree: Root): ParsedBlock[] {
  const raw: RawBlock[] = []
  collect(tree.children, {listDepth: 0, quoted: false, lineOffset: 0, reparsed: 0}, raw)
  return raw.flatMap(splitHeaderLines).flatMap(splitTrailingNotice).map((block, index) => measure(block, index))
}

interface Context {
  listDepth: number
  quoted: boolean
  /** Lines before the tree's first line, for trees parsed out of a code block. */
  lineOffset: number
  /** How many code blocks deep we have re-parsed; bounded so nested fences cannot recurse far. */
  reparsed: number
}

/**
 * Scrapers leave stray fences and indentation that turn article text into code: a line of
 * backticks before a link opens a fence that never closes and swallows the rest of the page.
 * Code that carries markdown links or emphasis is such text, and is parsed again as markdown.
 */
const SCRAPED_MARKDOWN_IN_CODE = /\]\([^)\s]*\)|^\s*[-*+] \[|^#{1,6} \S/m
const MAX_REPARSE_DEPTH = 2

function lineOf(node: Nodes, context: Context): number {
  return (node.position?.start.line ?? 0) + context.lineOffset
}

function collect(nodes: readonly RootContent[], context: Context, out: RawBlock[]): void {
  for (const node of nodes) {
    const base = {line: lineOf(node, context), depth: 0, listMarker: '', listDepth: context.listDepth, quoted: context.quoted}
    switch (node.type) {
      case 'paragraph':
        out.push({...base, kind: 'paragraph', inline: node.children})
        break
      case 'heading':
        out.push({...base, kind: 'heading', depth: node.depth, inline: node.children})
        break
      case 'thematicBreak':
        out.push({...base, kind: 'separator', inline: []})
        break
      case 'code':
        if (context.reparsed < MAX_REPARSE_DEPTH && SCRAPED_MARKDOWN_IN_CODE.test(node.value)) {
          const fenced = node.position ? !/^( {4}|\t)/.test(node.value) && node.lang !== undefined : false
          collect(parseMarkdown(node.value).children, {...context, lineOffset: base.line - 1 + (fenced ? 1 : 0), reparsed: context.reparsed + 1}, out)
        } else out.push({...base, kind: 'code', inline: [], literal: node.value})
        break
      case 'html':
        out.push({...base, kind: 'html', inline: [], literal: stripTags(node.value)})
        break
      case 'definition':
        out.push({...base, kind: 'definition', inline: [], literal: node.label ?? node.identifier})
        break
      case 'blockquote':
        collect(node.children, {...context, quoted: true}, out)
        break
      case 'list': {
        const start = node.start ?? 1
        node.children.forEach((item, i) => {
          const marker = node.ordered ? `${start + i}.` : '-'
          collectListItem(item.children, marker, lineOf(item, context), {...context, listDepth: context.listDepth + 1}, out)
        })
        break
      }
      default:
        // Tables, footnotes and other extensions are not produced by plain remark-parse; anything
        // unexpected still keeps its text so that nothing is lost.
        if ('children' in node) collect((node as Parents).children as RootContent[], context, out)
        else if ('value' in node) out.push({...base, kind: 'paragraph', inline: [], literal: String(node.value)})
    }
  }
}

/**
 * A list item becomes one block holding the text of its own paragraphs (and of quotes inside it);
 * nested lists become blocks of their own, one level deeper. An item that holds a whole section
 * (see holdsSection) is split into a block per child instead, the first one carrying the marker.
 */
function collectListItem(children: readonly RootContent[], marker: string, line: number, context: Context, out: RawBlock[]): void {
  const inline: Nodes[] = []
  const nested: RootContent[] = []
  for (const child of children) {
    if (child.type === 'list') nested.push(child)
    else inline.push(child)
  }
  if (holdsSection(inline)) {
    const first = out.length
    collect(children, context, out)
    if (out[first]) out[first] = {...out[first], listMarker: marker}
    return
  }
  out.push({kind: 'listItem', line, depth: 0, listMarker: marker, listDepth: context.listDepth, quoted: context.quoted, inline})
  collect(nested, context, out)
}

/** Words an item needs, beside a heading, to be a section rather than an entry (an ad's title over its blurb). */
const SECTION_ITEM_MIN_WORDS = 60

/**
 * Whether a list item's own content is a section of the page — a heading with text under it — as
 * when a layout sets the whole article inside a list element ("- micropolitics\n  ====\n\n
 * **by Kenneth Surin** …"). Kept as one block, its title, byline and text could not be told apart.
 */
function holdsSection(content: readonly Nodes[]): boolean {
  return content.length >= 2 && content.some((node) => node.type === 'heading') && countWords(render(content).text) >= SECTION_ITEM_MIN_WORDS
}

/** Lines of a header stack: at most this many, each at most HEADER_LINE_MAX_WORDS words. */
const HEADER_STACK_MAX_LINES = 8
const HEADER_LINE_MAX_WORDS = 25
/** A date or byline line in a stack is little more than that. */
const HEADER_META_MAX_WORDS = 16
/** A kicker over a headline ("National", "Politik"): a linked label this short. */
const KICKER_MAX_WORDS = 3

interface InlineLine {
  nodes: PhrasingContent[]
  /** Lines of the source before this one, within the block. */
  offset: number
}

/** The lines of a paragraph, cut at hard breaks and newlines of its top-level text; blank lines left out. */
function inlineLines(nodes: readonly PhrasingContent[]): InlineLine[] {
  const lines: InlineLine[] = [{nodes: [], offset: 0}]
  const newLine = (): void => void lines.push({nodes: [], offset: lines[lines.length - 1].offset + 1})
  for (const node of nodes) {
    if (node.type === 'break') newLine()
    else if (node.type === 'text' && node.value.includes('\n')) {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) newLine()
        if (part) lines[lines.length - 1].nodes.push({type: 'text', value: part})
      })
    } else lines[lines.length - 1].nodes.push(node)
  }
  return lines.filter((line) => render(line.nodes).text.trim())
}

/** Lines put back together as one block's inline content, a hard break between each two. */
function joinLines(lines: readonly InlineLine[]): PhrasingContent[] {
  return lines.flatMap((line, i): PhrasingContent[] => (i > 0 ? [{type: 'break'}, ...line.nodes] : line.nodes))
}

const isTitleLike = (text: string, words: number, maxWords = TITLE_LINE_MAX_WORDS): boolean =>
  words > 0 && words <= maxWords && !/[.!?:;,…]["'”’»)]?$/u.test(text)

const isMetaLine = (text: string): boolean => countWords(text) <= HEADER_META_MAX_WORDS && (hasBylinePrefix(text) || findDates(text).length > 0)

/**
 * A heading whose later lines are its date or byline ("Turnout is back\\ 02.02.2022 • Sports"): the
 * title stays the heading, the meta lines become paragraphs of their own.
 */
function splitHeadingMeta(block: RawBlock): RawBlock[] {
  const lines = inlineLines(block.inline as PhrasingContent[])
  if (lines.length < 2 || lines.length > HEADER_STACK_MAX_LINES) return [block]
  const texts = lines.map((line) => render(line.nodes).text.trim())
  const words = texts.map((text) => countWords(text))
  // "Tunesien\ Große Aufgaben für die neue Regierung": a kicker over the title, in the same heading.
  if (lines.length === 2 && words[0] <= KICKER_MAX_WORDS && words[1] >= 3 && isTitleLike(texts[0], words[0]) && isTitleLike(texts[1], words[1]) && !isMetaLine(texts[1])) {
    return [{...block, kind: 'paragraph', depth: 0, inline: lines[0].nodes}, {...block, line: block.line + lines[1].offset, inline: lines[1].nodes}]
  }
  const meta = texts.slice(1).every(isMetaLine)
  if (!meta) return [block]
  return [
    {...block, inline: lines[0].nodes},
    ...lines.slice(1).map((line): RawBlock => ({...block, kind: 'paragraph', depth: 0, line: block.line + line.offset, inline: line.nodes})),
  ]
}

/** A first line this short, without a closing mark, over at least this much more text, is a title of its own. */
const TITLE_LINE_MAX_WORDS = 15
const TEXT_AFTER_TITLE_MIN_WORDS = 20

/**
 * Flattened layouts print the article header in the same paragraph as other lines. Two shapes are
 * split into blocks of their own, so that the headline, dateline and byline can be told apart:
 * - a stack of header lines and nothing else: "Article published Wednesday, January 2, 2008\
 *   Turf is terrible, Taylor says\ ASSOCIATED PRESS", or a linked kicker over a bold title
 *   ("[National](#)\ **Sonia in hospital**");
 * - header lines over the article's text: "Ryan dismayed by Gloucester\ 12:40, Jan 13 2008 Dean
 *   Ryan struggled …" — the header lines each become a block, the text stays one.
 */
function splitHeaderLines(block: RawBlock): RawBlock[] {
  if (block.kind === 'heading') return splitHeadingMeta(block)
  if (block.kind !== 'paragraph' || block.literal !== undefined) return [block]
  const lines = inlineLines(block.inline as PhrasingContent[])
  if (lines.length < 2) return [block]
  const rendered = lines.map((line) => render(line.nodes))
  const texts = rendered.map((r) => r.text.trim())
  const words = texts.map((text) => countWords(text))
  const isMeta = texts.map(isMetaLine)
  const isTitle = texts.map((text, i) => !isMeta[i] && isTitleLike(text, words[i]))
  const lineBlock = (line: InlineLine): RawBlock => ({...block, line: block.line + line.offset, inline: line.nodes})

  if (lines.length <= HEADER_STACK_MAX_LINES && words.every((n) => n <= HEADER_LINE_MAX_WORDS)) {
    // In a stack of short lines with no text under them, a title may be as long as any header line.
    const hasTitle = texts.some((text, i) => !isMeta[i] && words[i] >= 3 && isTitleLike(text, words[i], HEADER_LINE_MAX_WORDS))
    // A kicker is a bare link over a line set in bold: "Name\ 2 minutes from the station" is an entry of a list.
    const kicker =
      lines.length === 2 && words[0] <= KICKER_MAX_WORDS && rendered[0].links.length > 0 && countWords(rendered[0].outsideText) === 0 &&
      lines[1].nodes.every((node) => node.type === 'strong' || node.type === 'emphasis')
    if (hasTitle && (isMeta.some(Boolean) || kicker)) return lines.map(lineBlock)
  }

  let head = 0
  while (head < lines.length - 1 && (isTitle[head] || isMeta[head])) head++
  const headWords = words.slice(0, head).reduce((a, b) => a + b, 0)
  const restWords = words.slice(head).reduce((a, b) => a + b, 0)
  if (head === 0 || restWords < TEXT_AFTER_TITLE_MIN_WORDS || restWords < 2 * headWords) return [block]
  return [...lines.slice(0, head).map(lineBlock), {...block, line: block.line + lines[head].offset, inline: joinLines(lines.slice(head))}]
}

/**
 * A copyright notice opening a line: "©2007 Sports Network. All rights reserved.", "Copyright (c)
 * Press Association Ltd. 2008", "(C) 2008 Magellan Navigation, Inc.", "All rights reserved".
 */
const NOTICE_LINE = /^(?:(?:©|\(c\)|copyright\b)[^\n]{0,80}\b(?:19|20)\d{2}\b|all rights reserved\b|alle rechte vorbehalten\b|tous droits réservés\b|todos los derechos reservados\b)/iu

/** Words of text over a notice line that make the lines above it a paragraph of their own. */
const TEXT_OVER_NOTICE_MIN_WORDS = 20

/**
 * Wire copy pasted with its line breaks ends the paragraph with the agency's copyright line
 * ("… Talent as a springboard.\ ©2007 Sports Network. All rights reserved."): from that line on,
 * the paragraph is a block of its own, so that the rules see the notice where it stands.
 */
function splitTrailingNotice(block: RawBlock): RawBlock[] {
  if (block.kind !== 'paragraph' || block.literal !== undefined || !block.inline.some(isLineBreak)) return [block]
  const lines = inlineLines(block.inline as PhrasingContent[])
  const texts = lines.map((line) => render(line.nodes).text.trim())
  const notice = texts.findIndex((text, i) => i > 0 && NOTICE_LINE.test(text))
  // Over a line or two of page furniture ("Home | Feedback" over "Copyright © 2008"), the block stays one notice.
  if (notice < 0 || countWords(texts.slice(0, notice).join(' ')) < TEXT_OVER_NOTICE_MIN_WORDS) return [block]
  return [
    {...block, inline: joinLines(lines.slice(0, notice))},
    {...block, line: block.line + lines[notice].offset, inline: joinLines(lines.slice(notice))},
  ]
}

const isLineBreak = (node: Nodes): boolean => node.type === 'break' || (node.type === 'text' && node.value.includes('\n'))

function stripTags(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ')
}

/** Text of inline content with its link share; images count but add no words. */
interface Rendered {
  links: {text: string; url: string}[]
  imageAlts: string[]
  text: string
  linkText: string
  images: number
  /** Text outside links and images, to tell a block that is one bare link. */
  outsideText: string
}

function render(nodes: readonly Nodes[]): Rendered {
  const acc: Rendered = {text: '', linkText: '', links: [], imageAlts: [], images: 0, outsideText: ''}
  const visit = (node: Nodes, inLink: boolean, separator: boolean): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        append(node.value, inLink)
        return
      case 'break':
        append('\n', inLink)
        return
      case 'image':
      case 'imageReference':
        acc.images++
        if (node.alt) acc.imageAlts.push(node.alt)
        return
      case 'html':
        append(stripTags(node.value), inLink)
        return
      case 'link':
      case 'linkReference': {
        acc.linkText += ' '
        // The link's own text, gathered apart: slicing it back out of `acc.text` would flatten the
        // whole text so far at every link (a long paragraph of links took seconds).
        currentLink = ''
        for (const child of node.children) visit(child, true, false)
        acc.links.push({text: currentLink.replaceAll(LINK_END_MARK, '').trim(), url: node.type === 'link' ? node.url : ''})
        // A link ends a word: "[Jane Doe](#)November 20" is a name, then a date. The mark becomes a
        // space only before a letter or digit (see LINK_END), so "[link](#)." keeps its full stop.
        acc.text += LINK_END_MARK
        acc.outsideText += ' '
        return
      }
      case 'code':
        append(node.value, inLink)
        return
      default:
        if ('children' in node) {
          ;(node.children as Nodes[]).forEach((child, i) => {
            // Block children (paragraphs of a list item or quote) are separate lines.
            if (separator && i > 0) append('\n', inLink)
            visit(child, inLink, isBlockContainer(child))
          })
        }
    }
  }
  let currentLink = ''
  const append = (value: string, inLink: boolean): void => {
    acc.text += value
    if (inLink) {
      acc.linkText += value
      currentLink += value
    } else acc.outsideText += value
  }
  nodes.forEach((node, i) => {
    if (i > 0 && isBlock(node)) acc.text += '\n'
    visit(node, false, isBlockContainer(node))
  })
  return acc
}

/** Put after every link's text; normalised input never contains NUL. */
const LINK_END_MARK = '\u0000'
const LINK_END = /\u0000(?=[\p{L}\p{N}])/gu

function isBlock(node: Nodes): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'blockquote' || node.type === 'code' || node.type === 'html'
}

/** Nodes whose children are blocks, each on a line of its own (a list inside a list item's quote too: its items are not one word). */
function isBlockContainer(node: Nodes): boolean {
  return node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'root'
}

function measure(block: RawBlock, index: number): ParsedBlock {
  const rendered: Rendered =
    block.literal !== undefined
      ? {text: block.literal, linkText: '', links: [], imageAlts: [], images: 0, outsideText: block.literal}
      : render(block.inline as PhrasingContent[])
  const text = tidyLines(rendered.text.replace(LINK_END, ' ').replaceAll(LINK_END_MARK, ''))
  const words = countWords(text)
  const linkWords = Math.min(words, countWords(rendered.linkText))
  return {
    index,
    kind: block.kind,
    line: block.line,
    depth: block.depth,
    listDepth: block.listDepth,
    quoted: block.quoted,
    listMarker: block.listMarker,
    text,
    words,
    linkWords,
    linkDensity: words ? linkWords / words : rendered.links.length > 0 ? 1 : 0,
    linkOnly: rendered.links.length > 0 && countWords(rendered.outsideText) === 0,
    links: rendered.links,
    punctuation: countPunctuation(text),
    images: rendered.images,
    imageAlts: rendered.imageAlts,
  }
}
