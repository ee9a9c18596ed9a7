/**
 * The metadata stage for HTML input: what the page declares about itself, read from the tree the
 * HTML converter parses (once). Readers by source — JSON-LD (json-ld.ts), meta tags (meta-tags.ts),
 * the page's own elements (document.ts) — list claims; reconcile.ts weighs them against the text.
 */
import type {Root} from 'hast'
import type {PageMetadata} from './claims.js'
import {collectElements} from './elements.js'
import {readLinkedData} from './json-ld.js'
import {readMetaTags} from './meta-tags.js'
import {readDocument} from './document.js'

/** Everything the page declares. Never throws: unreadable metadata is no metadata. */
export function readPageMetadata(tree: Root): PageMetadata {
  try {
    const page = collectElements(tree)
    const {entities, siteClaims} = readLinkedData(page.linkedData)
    return {claims: [...siteClaims, ...readMetaTags(page.metas), ...readDocument(page)], linkedData: entities}
  } catch {
    return {claims: [], linkedData: []}
  }
}
