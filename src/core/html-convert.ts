/**
 * HTML pages to markdown with the unified collective's own converters (rehype-parse → rehype-remark →
 * remark-stringify), so a page saved as HTML is read like the same page scraped to text. Everything
 * visible is kept: choosing what is article and what is chrome stays the classifier's job, and
 * `--explain` accounts for it. Importing this module registers it with html.ts.
 */
import {unified} from 'unified'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import {gfmTableToMarkdown} from 'mdast-util-gfm-table'
import type {Processor} from 'unified'
import remarkStringify from 'remark-stringify'
import type {Element, Root} from 'hast'
import {htmlToPlainText, registerHtmlConverter, type ConvertedHtml} from './html.js'
import {readPageMetadata} from './meta/index.js'
import type {PageMetadata} from './meta/claims.js'

/** Elements that make a table cell hold a page region rather than a datum. */
const BLOCK_CONTENT = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul'])
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption'])

function holdsBlocks(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (BLOCK_CONTENT.has(child.tagName) || (child.tagName !== 'table' && holdsBlocks(child))))
}

function cellsOf(table: Element): Element[] {
  const cells: Element[] = []
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue
      if (child.tagName === 'td' || child.tagName === 'th') cells.push(child)
      else walk(child)
    }
  }
  walk(table)
  return cells
}

/**
 * Older pages lay out the whole page with tables: header, menu, article and sidebar in cells. Kept
 * as a markdown table, the article would be one row of one block; scraped to text, such tables come
 * out unwrapped, cell after cell, and so they do here. Tables of data (cells of inline text) stay.
 */
function unwrapLayoutTables() {
  const unwrap = (node: Element): void => {
    if (TABLE_PARTS.has(node.tagName)) node.tagName = 'div'
    for (const child of node.children) if (child.type === 'element' && child.tagName !== 'table' && TABLE_PARTS.has(child.tagName)) unwrap(child)
  }
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      visit(child)
      if (child.tagName === 'table' && cellsOf(child).some(holdsBlocks)) unwrap(child)
    }
  }
  return (tree: Root): void => visit(tree)
}

/** Block elements, for keeping words on either side of one apart. */
const BLOCK_ELEMENTS = new Set([...BLOCK_CONTENT, 'caption', 'dd', 'dt', 'figcaption', 'li', 'td', 'th', 'tr'])

/** Elements that never show text. */
const UNSEEN = new Set(['script', 'style', 'template', 'noscript'])

const isEmpty = (node: Element): boolean =>
  node.children.every((child) =>
    child.type === 'text' ? child.value.trim() === '' : child.type === 'comment' || (child.type === 'element' && (UNSEEN.has(child.tagName) || (child.tagName !== 'img' && isEmpty(child)))),
  )

const hasBlockInside = (node: Element): boolean =>
  node.children.some((child) => child.type === 'element' && (BLOCK_ELEMENTS.has(child.tagName) || hasBlockInside(child)))

type Child = Root['children'][number]

const isList = (node: Root | Element): boolean => node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol')

/** Content put straight into a list, outside any <li>: its own item (the converter glues it otherwise). */
function asListItem(child: Child): Child {
  const stray = child.type === 'element' ? child.tagName !== 'li' && !UNSEEN.has(child.tagName) : child.type === 'text' && child.value.trim() !== ''
  return stray ? {type: 'element', tagName: 'li', properties: {}, children: [child as Element]} : child
}

/** Whether the nearest siblings on both sides that show anything are text or inline elements. */
function betweenInlineContent(siblings: readonly Child[], index: number): boolean {
  const shows = (node: Child): boolean =>
    node.type === 'text' ? node.value.trim() !== '' : node.type === 'element' && !UNSEEN.has(node.tagName) && !(BLOCK_ELEMENTS.has(node.tagName) && isEmpty(node))
  const inline = (node: Child | undefined): boolean => node !== undefined && (node.type === 'text' || (node.type === 'element' && !BLOCK_ELEMENTS.has(node.tagName)))
  let before = index - 1
  while (before >= 0 && !shows(siblings[before])) before--
  let after = index + 1
  while (after < siblings.length && !shows(siblings[after])) after++
  return inline(siblings[before]) && inline(siblings[after])
}

/**
 * A link around blocks (a teaser card: `<a><h2>Title</h2><p>Lead</p></a>`) as the blocks, each run
 * of inline content in them linked: every word stays link text, and no block sits inside a link.
 */
function distributeLink(link: Element, content: readonly Child[]): Child[] {
  const out: Child[] = []
  let run: Child[] = []
  const flush = (): void => {
    if (run.length) out.push({...link, children: run as Element['children']})
    run = []
  }
  for (const child of content) {
    if (child.type === 'element' && (BLOCK_ELEMENTS.has(child.tagName) || hasBlockInside(child))) {
      flush()
      out.push({...child, children: distributeLink(link, child.children) as Element['children']})
    } else run.push(child)
  }
  flush()
  return out
}

/**
 * Headings, which markdown can only fill with inline text. (A paragraph with blocks inside, as in
 * quirks-mode pages where <table> does not close <p>, the converter splits by itself.)
 */
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** The content of a heading with the blocks inside it opened up, a space either side. */
function flattened(node: Element): Element['children'] {
  return node.children.flatMap((child): Element['children'] => {
    if (child.type !== 'element') return [child]
    if (BLOCK_ELEMENTS.has(child.tagName)) return [{type: 'text', value: ' '}, ...flattened(child), {type: 'text', value: ' '}]
    return [{...child, children: flattened(child)}]
  })
}

/**
 * Shapes the converter would glue words across, untangled first:
 * - an inline element wrapped around blocks (`<b>Hello <div>world</div></b>`, a layout `<span>`)
 *   gives way to its children ("Helloworld" otherwise); a link, to its blocks with their text linked;
 * - a heading with blocks inside keeps its words apart by spaces where the blocks were;
 * - content put straight into a list, outside any `<li>`, becomes an item of it;
 * - comments go (a line they open would be read as raw HTML, words and all);
 * - a block with no text of its own between two runs of inline text becomes a space: the converter
 *   drops it and joins the runs ("Intro<p></p>More" became "IntroMore"); beside other blocks it
 *   separates nothing anyway.
 */
function untangleBlocks() {
  const untangle = (node: Root | Element, inLink: boolean): void => {
    const children: Root['children'] = []
    for (const child of node.children) {
      // A comment would become raw HTML in the markdown, and a line opened by one is read as HTML.
      if (child.type === 'comment') continue
      if (child.type !== 'element') {
        children.push(child)
        continue
      }
      untangle(child, inLink || child.tagName === 'a')
      // An empty <code> has no markdown: written as "``", it opens a code span over what follows.
      if (child.tagName === 'code' && isEmpty(child)) continue
      // A link inside a link (tables can foster one into another) is its text: markdown has no such thing.
      if (inLink && child.tagName === 'a') children.push(...child.children)
      else if (child.tagName === 'a' && hasBlockInside(child)) children.push(...distributeLink(child, child.children))
      else if (!BLOCK_ELEMENTS.has(child.tagName) && hasBlockInside(child)) children.push(...child.children)
      else if (HEADINGS.has(child.tagName) && hasBlockInside(child)) children.push({...child, children: flattened(child)})
      else children.push(child)
    }
    node.children = (isList(node) ? children.map(asListItem) : children) as typeof node.children
  }
  // After the wrappers are gone, so that an empty block's neighbours are the ones the converter sees.
  const spaceEmptyBlocks = (node: Root | Element): void => {
    node.children = node.children.map((child, index, siblings) => {
      if (child.type !== 'element') return child
      if (BLOCK_ELEMENTS.has(child.tagName) && isEmpty(child)) return betweenInlineContent(siblings, index) ? {type: 'text', value: ' '} : child
      spaceEmptyBlocks(child)
      return child
    }) as typeof node.children
  }
  return (tree: Root): void => {
    untangle(tree, false)
    spaceEmptyBlocks(tree)
  }
}

/**
 * The converter makes GFM tables from <table>; writing them needs only this extension of remark-gfm's
 * (which, whole, takes longer to load than the rest of this module).
 */
function tables(this: Processor): void {
  const data = this.data()
  data.toMarkdownExtensions = [...(data.toMarkdownExtensions ?? []), gfmTableToMarkdown()]
}

const converter = unified()
  .use(rehypeParse)
  .use(unwrapLayoutTables)
  .use(untangleBlocks)
  // <base href> is only for resolving links, and an invalid one makes the converter throw.
  // Struck-out text is read as text: the parser after this one knows no strikethrough syntax.
  .use(rehypeRemark, {handlers: {base: () => undefined, del: (state, node) => state.all(node), s: (state, node) => state.all(node), strike: (state, node) => state.all(node)}})
  .use(tables)
  .use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', rule: '-'})

/**
 * The page as markdown, and what it declares about itself (meta/): the page is parsed once, its
 * metadata read from the tree, and the tree then converted.
 */
export function htmlToMarkdown(html: string): ConvertedHtml {
  let metadata: PageMetadata | undefined
  try {
    const tree = converter.parse(html)
    metadata = readPageMetadata(tree)
    return {markdown: String(converter.stringify(converter.runSync(tree))), metadata}
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return {markdown: htmlToPlainText(html), stripped: 'nested too deeply to convert', metadata: metadata ?? headMetadata(html)}
  }
}

/** The metadata of a page too deeply nested to parse whole: what its <head> declares. */
function headMetadata(html: string): PageMetadata | undefined {
  const bodyAt = html.search(/<body[\s>]/i)
  if (bodyAt < 0) return undefined
  try {
    return readPageMetadata(converter.parse(html.slice(0, bodyAt)))
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return undefined
  }
}

registerHtmlConverter(htmlToMarkdown)
