/**
 * The byline label moved to the header unit (header/names.ts); the dialect stage imports it from
 * here. Re-exported until that import points at header/names.js.
 */
export {BYLINE_LABEL} from '../header/names.js'
