/**
 * Whole HTML pages: converted to the markdown-like text the rest of the pipeline reads, with the
 * unified collective's own converters (rehype-parse → rehype-remark → remark-stringify), so a page
 * saved as HTML is read like the same page scraped to text. Everything visible is kept: choosing
 * what is article and what is chrome stays the classifier's job, and `--explain` accounts for it.
 */
import {unified} from 'unified'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import type {Element, Root} from 'hast'

/** A document that declares itself HTML at its very start (after a BOM, spaces, comments, an XML prolog). */
const HTML_DOCUMENT = /^(?:\uFEFF)?(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*(?:<!doctype\s+html|<html[\s>])/i

export function isHtmlDocument(text: string): boolean {
  return HTML_DOCUMENT.test(text.slice(0, 4096))
}

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

const converter = unified()
  .use(rehypeParse)
  .use(unwrapLayoutTables)
  // <base href> is only for resolving links, and an invalid one makes the converter throw.
  .use(rehypeRemark, {handlers: {base: () => undefined}})
  .use(remarkGfm)
  .use(remarkStringify, {bullet: '-', emphasis: '*', strong: '*', rule: '-'})

/** Elements whose content is never text on the page. */
const INVISIBLE = /<(script|style|template|noscript|svg|math|head|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
/** Elements that start a new block when a page is read as text. */
const BLOCK_TAG = /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|th|thead|tr|ul)\b[^>]*>/gi

/**
 * Text of a page too deeply nested for the converters (they recurse, and run out of stack past a few
 * thousand levels): tags stripped, block elements kept apart by blank lines. Character references
 * are left for the markdown parser, which decodes them.
 */
function htmlToPlainText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(INVISIBLE, '')
    .replace(BLOCK_TAG, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export interface ConvertedHtml {
  markdown: string
  /** Whether the page had to be read as plain text (nesting too deep to convert). */
  flattened: boolean
}

export function htmlToMarkdown(html: string): ConvertedHtml {
  try {
    return {markdown: String(converter.processSync(html)), flattened: false}
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return {markdown: htmlToPlainText(html), flattened: true}
  }
}
