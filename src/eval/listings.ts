/**
 * Listings for `npm run eval -- DIR --listings`: the cases a reader of the header and body rules
 * should look at, beside the averages.
 *
 * - **Body under 0.5**: pages whose body F1 is below LOW_BODY_F1, with the headline picked and the
 *   gold's. A wrong headline over a low body is the sign of a sidebar chosen over the article.
 * - **Author junk guard**: pages whose gold names no author but that got authors, and pages whose
 *   predicted names share no word with the gold's — with what was predicted and why each name looks
 *   wrong (a sentence, a lower-case word, digits, one of the page's UI or category words).
 */
import type {Article} from '../types.js'
import type {CaseScore, Gold} from './score.js'
import {hasAuthors} from './metrics.js'

/** A scored case with what was predicted and its gold. */
export interface ListedCase {
  name: string
  article?: Article
  gold: Gold
  score: CaseScore
}

/** Body F1 under which a page is listed. */
export const LOW_BODY_F1 = 0.5

/** A name with more words than this is a phrase or a sentence, not a person or an outlet. */
const MAX_NAME_WORDS = 5

/**
 * Words that are a page's controls, sections or networks, never a name: what the junk guard flags.
 * Kept here, apart from the extractor's own lists, so that the guard checks them rather than repeats them.
 */
const UI_WORDS = new Set(
  'share tweet email print comment comments reply follow subscribe login menu search home sport sports business politics opinion world video videos photo photos gallery facebook twitter instagram linkedin pinterest whatsapp youtube telegram reddit tiktok xing more read story stories highlights update updated last published paid content sponsored advertisement anzeige werbung teilen drucken kommentare datum ort partager imprimer compartir imprimir udostępnij'.split(' '),
)

/** Day and month names: a date read as a name ("Friday"). */
const DATE_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|dezember)$/u

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** Why a predicted name looks wrong, or '' when it looks like a name. */
export function junkReason(name: string): string {
  const tokens = words(name)
  if (!tokens.length) return 'no words'
  if (tokens.length > MAX_NAME_WORDS || /\p{Ll}{2}[.!?]\s+\p{L}/u.test(name)) return 'sentence'
  if (tokens.some((t) => UI_WORDS.has(t))) return 'ui/category word'
  if (tokens.some((t) => DATE_WORDS.test(t))) return 'date word'
  if (/\d/.test(name)) return 'digits'
  if (!/\p{Lu}/u.test(name) && /\p{Ll}/u.test(name)) return 'lower case'
  return ''
}

const fmt = (x: number): string => x.toFixed(2)
const quoted = (text: string | null | undefined): string => (text ? JSON.stringify(text) : '—')

/** Pages whose body F1 is under LOW_BODY_F1, worst first, with both headlines. */
export function lowBodyListing(cases: readonly ListedCase[]): string[] {
  const low = cases.filter((c) => c.score.body && c.score.body.f < LOW_BODY_F1).sort((a, b) => a.score.body!.f - b.score.body!.f)
  const lines = [`Body F1 under ${LOW_BODY_F1}: ${low.length} of ${cases.filter((c) => c.score.body).length} pages with a gold body`]
  for (const c of low) {
    const mark = c.score.headline === undefined ? ' ' : c.score.headline ? '=' : '≠'
    lines.push(`  ${c.name.padEnd(36)} body ${fmt(c.score.body!.f)} (P ${fmt(c.score.body!.p)} R ${fmt(c.score.body!.r)}) headline ${mark}`)
    lines.push(`      picked: ${quoted(c.article?.headline)}`)
    lines.push(`      gold:   ${quoted(c.gold.headline)}`)
  }
  return lines
}

/**
 * Pages that got authors where the gold names none (listed when a name looks wrong: most such golds
 * leave the authors out rather than say there are none), and pages whose names share no word with
 * the gold's (all listed).
 */
export function authorJunkListing(cases: readonly ListedCase[]): string[] {
  const withoutGold: string[] = []
  const disjoint: string[] = []
  let unflagged = 0
  const describe = (c: ListedCase): string => {
    const names = (c.article?.authors ?? []).map((name) => {
      const reason = junkReason(name)
      return reason ? `${JSON.stringify(name)} [${reason}]` : JSON.stringify(name)
    })
    return `  ${c.name.padEnd(36)} ${names.join(', ')}   byline ${quoted(c.article?.byline)}`
  }
  for (const c of cases) {
    const predicted = c.article?.authors ?? []
    if (!predicted.length) continue
    const gold = c.gold.authors ?? []
    if (!hasAuthors(gold)) {
      if (predicted.some((name) => junkReason(name))) withoutGold.push(describe(c))
      else unflagged++
      continue
    }
    if (c.gold.reachable?.authors === false) continue
    const goldWords = new Set(gold.flatMap(words))
    if (!predicted.some((name) => words(name).some((w) => goldWords.has(w)))) disjoint.push(`${describe(c)}   gold ${JSON.stringify(gold)}`)
  }
  return [
    `Authors where the gold names none, a name flagged (sentence, UI, category or date word, digits, lower case): ${withoutGold.length} pages (${unflagged} more with names that look right)`,
    ...withoutGold,
    `Authors sharing no word with the gold's: ${disjoint.length} pages`,
    ...disjoint,
  ]
}
