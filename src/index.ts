/**
 * unscrape: strip the boilerplate from raw scraped article files.
 *
 * ```ts
 * import {extract} from 'unscrape'
 * const article = extract(text)
 * ```
 */
export {extract} from './extract.js'
// The library reads HTML pages out of the box; the CLI loads the converter only when one comes.
import './core/html-convert.js'
export {SCHEMA_VERSION} from './types.js'
export {DIALECTS} from './types.js'
export type {Article, Block, BlockKind, Dialect, ExplainedBlock, ExtractOptions, InputFormat, InputInfo, MetadataDecision, Role} from './types.js'
export {decode, NotTextError} from './decode.js'
export type {Decoded} from './decode.js'
