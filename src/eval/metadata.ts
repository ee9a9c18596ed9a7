/**
 * What the metadata stage did over a corpus, for `npm run eval`: how many pages declared anything,
 * and on how many pages each decision was taken, whatever the source ("meta: author from JSON-LD"
 * and "meta: author from Open Graph" are both "author from …").
 */
import type {MetadataDecision} from '../types.js'
import {FAMILY_NAMES_IN_RULES} from '../core/meta/rule-names.js'

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const SOURCE = new RegExp(FAMILY_NAMES_IN_RULES.map(escape).join('|'), 'g')

/** A rule without the source it names: "meta: author from JSON-LD" → "author from …". */
const ruleKind = (rule: string): string => rule.replace(/^meta: /, '').replace(SOURCE, '…')

/** Lines per field: the decisions taken and on how many pages, e.g. "authors   author from … 61, printed byline kept 180". */
export function metadataSummary(pages: readonly (readonly MetadataDecision[] | undefined)[]): string {
  const declaring = pages.filter((p) => p?.length).length
  const counts = new Map<string, Map<string, number>>()
  for (const decisions of pages) {
    const seen = new Set<string>()
    for (const d of decisions ?? []) {
      const kind = ruleKind(d.rule)
      if (seen.has(`${d.field} ${kind}`)) continue
      seen.add(`${d.field} ${kind}`)
      const field = counts.get(d.field) ?? new Map<string, number>()
      field.set(kind, (field.get(kind) ?? 0) + 1)
      counts.set(d.field, field)
    }
  }
  const lines = [`metadata: ${declaring} of ${pages.length} inputs declare something; inputs per decision:`]
  for (const [field, kinds] of [...counts].sort()) lines.push(`  ${field.padEnd(9)} ${[...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', ')}`)
  return lines.join('\n')
}
