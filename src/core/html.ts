/**
 * Whole HTML pages: recognised here, converted to the markdown-like text the rest of the pipeline
 * reads by `html-convert.ts`. That module and its converters take a while and some memory to load,
 * so it registers itself when imported: the library's entry imports it, the CLI only when a page
 * comes (a batch of markdown files never loads it). Without it, a page is read with its tags stripped.
 */
import type {InputFormat} from '../types.js'
import {mayHoldRawHtml} from './dialect/detect.js'

/** A document that declares itself HTML at its very start (after a BOM, spaces, comments, an XML prolog). */
const HTML_DOCUMENT = /^(?:\uFEFF)?(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*(?:<!doctype\s+html|<html[\s>])/i

export function isHtmlDocument(text: string): boolean {
  return HTML_DOCUMENT.test(text.slice(0, 4096))
}

/** Elements whose content is never text on the page. */
const INVISIBLE = /<(script|style|template|noscript|svg|math|head|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
/** Elements that start a new block when a page is read as text. */
const BLOCK_TAG = /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|th|thead|tr|ul)\b[^>]*>/gi

/**
 * Text of a page read without the converters (not loaded, or the page nested too deeply for them:
 * they recurse, and run out of stack past a few thousand levels): tags stripped, block elements kept
 * apart by blank lines. Character references are left for the markdown parser, which decodes them.
 */
export function htmlToPlainText(html: string): string {
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
  /** Why the page was read with its tags stripped instead of converted, if it was. */
  stripped?: string
}

type Converter = (html: string) => ConvertedHtml

let registered: Converter | undefined

/** Called by html-convert.ts when it is loaded. */
export function registerHtmlConverter(converter: Converter): void {
  registered = converter
}

/** Whether `extract` will read this text as a whole HTML page. */
export function needsHtmlConverter(text: string, format: InputFormat): boolean {
  return format === 'html' || (format === 'auto' && isHtmlDocument(text))
}

/** Whether `extract` will use the converter for this text: a whole page, or markdown with raw HTML in it. */
export function usesHtmlConverter(text: string, format: InputFormat): boolean {
  return needsHtmlConverter(text, format) || (format !== 'text' && mayHoldRawHtml(text))
}

/** The page as markdown: converted when the converter is loaded, else with its tags stripped. */
export function readHtml(html: string): ConvertedHtml {
  return registered ? registered(html) : {markdown: htmlToPlainText(html), stripped: 'the HTML converter is not loaded'}
}
