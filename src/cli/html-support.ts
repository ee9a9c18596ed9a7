/**
 * The HTML converter is loaded only when a page, or markdown with raw HTML in it, comes (core/html.ts): it costs about 8 MB and 70 ms
 * in every worker, which a batch of markdown files should not pay.
 */
import {usesHtmlConverter} from '../core/html.js'
import type {InputFormat} from '../types.js'

export async function loadHtmlSupportFor(text: string, format: InputFormat): Promise<void> {
  if (usesHtmlConverter(text, format)) await import('../core/html-convert.js')
}
