/**
 * Inline HTML inside markdown lines: converters write a link they cannot express in markdown (one with
 * a class, a title, a target) as `<a href=…>Name</a>`, and CommonMark keeps it as raw HTML around plain
 * text — so the link is gone for every rule that reads links (a linked name in a byline, a row of share
 * links, a menu). Each such element, when it closes on the same line and holds no markdown, is
 * written as markdown: links as `[text](href)`, images as `![alt](src)`, bold and italics as `**`/`*`;
 * other inline tags (span, font, small …) go, their text stays.
 */
import type {DialectChange} from '../../types.js'
import {fenceReader} from '../chunks.js'
import type {MappedLines} from './mapped.js'

/** Attributes of a tag: quoted values bounded so that a stray quote cannot make the scan quadratic. */
const ATTRIBUTES = `(?:[^<>"']|"[^"\\n]{0,2048}"|'[^'\\n]{0,2048}')*`
/** A link element closed on the same line, whose text holds no other link and no markdown brackets. */
const LINK = new RegExp(`(?<!\\\\)<a\\b(${ATTRIBUTES})>((?:(?!<\\/?a\\b)[^\\[\\]\\n]){0,2048}?)<\\/a\\s*>`, 'gi')
const IMAGE = new RegExp(`(?<!\\\\)<img\\b(${ATTRIBUTES})\\/?>`, 'gi')
const EMPHASIS = /(?<!\\)<(b|strong|i|em)\b[^<>]*>([^<>[\]*\n]{1,512}?)<\/\1\s*>/gi
/** Inline elements that carry no meaning for reading the page: their tags go, their text stays. */
const PLAIN_INLINE = /(?<!\\)<\/?(?:span|font|small|big|u|abbr|time|label|cite|mark|q|s|strike|del|ins|tt|nobr|wbr)\b[^<>]*>/gi
const HAS_TAG = /(?<!\\)<\/?(?:a|img|b|strong|i|em|span|font|small|big|u|abbr|time|label|cite|mark|q|s|strike|del|ins|tt|nobr|wbr)\b/i

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes)
  return match ? match[1] ?? match[2] ?? match[3] : undefined
}

/** A URL as a markdown destination: in angle brackets when it has spaces or brackets in it. */
function destination(url: string): string {
  const decoded = url.replace(/&amp;/g, '&')
  return /[\s()<>]/.test(decoded) ? `<${decoded.replace(/[<>]/g, encodeURIComponent)}>` : decoded
}

function image(attributes: string): string {
  const src = attribute(attributes, 'src') ?? attribute(attributes, 'data-src') ?? ''
  const alt = (attribute(attributes, 'alt') ?? '').replace(/[[\]]/g, '')
  return `![${alt}](${destination(src)})`
}

/** A line with its inline HTML written as markdown. */
export function inlineHtmlToMarkdown(line: string): string {
  return line
    .replace(LINK, (whole, attributes: string, text: string) => {
      const href = attribute(attributes, 'href')
      if (href === undefined) return whole
      const inner = text.replace(IMAGE, (_, imageAttributes: string) => image(imageAttributes)).replace(/<[^<>]*>/g, '').trim()
      return `[${inner}](${destination(href)})`
    })
    .replace(IMAGE, (_, attributes: string) => image(attributes))
    .replace(EMPHASIS, (_, tag: string, text: string) => {
      const mark = /^(?:b|strong)$/i.test(tag) ? '**' : '*'
      return text.trim() ? `${mark}${text.trim()}${mark}` : text
    })
    .replace(PLAIN_INLINE, '')
}

/** The lines with inline HTML written as markdown, outside fenced code. */
export function rewriteInlineHtml(input: MappedLines, changes: DialectChange[]): MappedLines {
  let lines: string[] | undefined
  const fenceAt = fenceReader()
  input.lines.forEach((line, i) => {
    // Escaped tags (`\<a`) and tags in a code span are text the page shows.
    if (fenceAt(line) !== 'text' || !HAS_TAG.test(line) || line.includes('`')) return
    const rewritten = inlineHtmlToMarkdown(line)
    if (rewritten === line) return
    lines ??= [...input.lines]
    lines[i] = rewritten
    changes.push({line: input.origin[i], endLine: input.origin[i], change: 'inline-html-rewritten'})
  })
  return lines ? {lines, origin: input.origin} : input
}
