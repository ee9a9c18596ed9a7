/**
 * How `--explain` names the sources in its rules: "meta: author from JSON-LD".
 */
import type {SourceFamily} from './claims.js'

const FAMILY_NAMES: Record<SourceFamily, string> = {
  'json-ld': 'JSON-LD',
  'json-ld-page': 'JSON-LD web page',
  'open-graph': 'Open Graph',
  citation: 'citation tags',
  'dublin-core': 'Dublin Core',
  parsely: 'Parse.ly tags',
  sailthru: 'Sailthru tags',
  'meta-name': 'meta tags',
  twitter: 'Twitter card',
  microdata: 'microdata',
  page: 'page elements',
  'front-matter': 'front matter',
}

/** A family's name as rules print it; any other string as it is. */
export function familyName(family: string): string {
  return FAMILY_NAMES[family as SourceFamily] ?? family
}

/** The names of all families, for grouping rules by what they decided whatever the source. */
export const FAMILY_NAMES_IN_RULES: readonly string[] = Object.values(FAMILY_NAMES).sort((a, b) => b.length - a.length)
