/**
 * Reading names off single blocks, shared by the byline rules: a byline line, a bare name line, a
 * name with its job, the labels and link targets that mark an author, and what a biography looks like.
 */
import type {ScoredBlock} from '../features.js'
import {bylineIn, isRoleLine, looksLikeName, MAX_BYLINE_WORDS, parseAuthors} from '../byline.js'
import {findDates} from '../dates.js'
import {countWords} from '../text.js'

/** A byline label alone on its line, the names following on the next (the dialect stage reads it too). */
export const BYLINE_LABEL = /^(?:(?:written|posted|article|story|words|text|post|a post) by|(?:artikel|beitrag|ein beitrag|text) von|by|von|par|por|door|author|authors|autor|autorin|autoren|auteur|autora|autore|redakteur|redakteurin)\s*:?$/iu

/** An author box's heading alone on its line ("About the author", "Über die Autorin"), the name following. */
const AUTHOR_BOX_LABEL = /^(?:about the (?:author|writer)|the author|über (?:den autor|die autorin)|zum autor|zur autorin|à propos de l['’]auteur|sobre el autor|sobre la autora|o autorze)\s*:?$/iu

/** A label whose next line holds the author's name: a byline label or an author box's heading. */
export function isAuthorLabel(text: string): boolean {
  return BYLINE_LABEL.test(text) || AUTHOR_BOX_LABEL.test(text)
}

/** Link targets of author pages: a link there names an author. */
export const AUTHOR_URL = /(?:^|[/_.-])(?:author|authors|autor|autoren|auteur|autore|journalist|journalists|userprofile|profile|profiles|people|staff|writer|writers|contributor|contributors|redakteur|mitarbeiter|byline)(?:[/_.?#=-]|$)/iu

/** Link targets of a site's sections and tags: a link there names a topic, not a person. */
export const TAXONOMY_URL = /(?:^|[/_.?&=-])(?:category|categories|tag|tags|topic|topics|thema|themen|rubrik|ressort|section|sections|kategorie|schlagwort|label|labels|categorie|categoria|kategoria)(?:[/_.?#=-]|$)/iu

/**
 * The authors of a block that is a byline, undefined when it is not one. A byline may share its
 * line with comment counts and notes ("By Ela on 31 Oct 2023 | 18 Comments | …"); names printed as
 * links are taken as given, whatever their case.
 */
export function bylineAuthors(block: ScoredBlock): string[] | undefined {
  const segment = bylineIn(block.text)
  // The names come before the date; what follows it ("… in Politics. Tags: …") may run on.
  if (segment === undefined || countWords(namePart(segment)) > MAX_BYLINE_WORDS) return undefined
  const linked = block.links.filter((l) => l.text).map((l) => l.text)
  const authors = parseAuthors(segment, {trusted: linked})
  // A large heading that opens with "By" is a title ("## By the Numbers"), unless its names are links to them.
  if (block.kind === 'heading' && block.depth <= 2 && !authors.every((name) => linked.includes(name))) return undefined
  return authors.length ? authors : undefined
}

/** A byline up to its date or time, where the names end ("Posted by X at 18:52 Tagged with: …"). */
export function namePart(segment: string): string {
  const time = /\b\d{1,2}:\d{2}\b/.exec(segment)?.index ?? segment.length
  const updated = /\b(?:last )?(?:updated|published|aktualisiert|veröffentlicht)\b/iu.exec(segment)?.index ?? segment.length
  return segment.slice(0, Math.min(findDates(segment)[0]?.index ?? segment.length, time, updated))
}

/** "[Harald Bauer](#) Autor", "[Rasmus Barslund](#)Founder & Lead Reviewer": a linked name and its role. */
export function linkedNameWithRole(block: ScoredBlock): string | undefined {
  if (block.links.length !== 1 || block.words > MAX_BYLINE_WORDS || block.kind === 'heading') return undefined
  const name = block.links[0].text.trim()
  const at = block.text.indexOf(name)
  if (at !== 0 || !isNameText(name)) return undefined
  const role = block.text.slice(name.length).replace(/^[\s,|·•–—-]+/u, '')
  return role && isRoleLine(role) ? name : undefined
}

/**
 * "Harald Bauer Autor", "Rasmus Barslund Founder & Lead Reviewer": a name and its job, nothing
 * between. An author box may spell the job out at length ("UK-based Systems Theorist & Independent
 * Technology Writer"): `maxRoleWords`.
 */
export function nameThenRole(block: ScoredBlock, maxRoleWords?: number): string | undefined {
  if (block.words > MAX_BYLINE_WORDS || block.kind === 'heading' || block.text.includes('\n')) return undefined
  const words = block.text.trim().split(/\s+/)
  for (const size of [3, 2]) {
    if (words.length <= size) continue
    const name = words.slice(0, size).join(' ')
    const role = words.slice(size).join(' ')
    // A job title is set in capitals ("Lead Reviewer"): "James Bond stamps to honour author" is a sentence.
    const titled = role.split(' ').every((w) => /^[\p{Lu}&]/u.test(w) || /^(?:and|of|und|for|the)$/u.test(w))
    const lastIsJob = isRoleLine(words[size - 1]) || /^[&+]/.test(role)
    if (role && titled && !lastIsJob && isNameText(name) && isRoleLine(role, maxRoleWords)) return name
  }
  return undefined
}

export function isNameText(text: string): boolean {
  const words = text.split(/\s+/)
  return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w)) && looksLikeName(text)
}

/** A word of a person's name: capitalised, letters with hyphens, apostrophes or an initial's dot. */
// Each part of a double name is capitalised ("Lange-Fricke", "Jean-Pierre"); "UK-based" is not a name.
export const NAME_WORD = /^(?=.{1,15}$)[\p{Lu}][\p{L}'’.]*(?:-[\p{Lu}][\p{L}'’.]*)*$/u

/** A block that is nothing but a person's name: two or three name words, no labels, no slashes. */
export function isNameLine(block: ScoredBlock): boolean {
  if (block.words < 2 || block.words > 6 || block.text.includes('\n')) return false
  if (block.kind === 'heading' && block.depth < 3) return false
  const text = withoutCredentials(block.text.trim())
  const words = text.split(/\s+/)
  return words.length >= 2 && words.length <= 3 && words.every((word) => NAME_WORD.test(word)) && looksLikeName(text)
}

/** "Vanessa Mendez, MD", "Jane Doe, PhD, RD": the name without its degrees. */
export function withoutCredentials(text: string): string {
  return text.replace(/(?:,\s*(?:[\p{Lu}]{2,5}|Ph\.?D\.?|M\.?D\.?|Dr\.?))+$/u, '')
}

/** A biography is a sentence or more. */
export const MIN_BIO_WORDS = 8

/**
 * Whether the blocks under a name line introduce that person: a biography that opens with the name
 * ("Jane Roe is a reporter …"), or a short link about them ("More from Jane Roe", "Mehr über Jane Roe").
 */
export function introducedBelow(blocks: readonly ScoredBlock[], i: number, name: string): boolean {
  for (let k = i + 1; k <= i + 4 && k < blocks.length; k++) {
    const text = blocks[k].text
    if (blocks[k].words >= MIN_BIO_WORDS && text.startsWith(`${name} `)) return true
    // … but not another byline ("von Jane Roe" under a teaser card): words come before the preposition.
    const before = text.slice(0, Math.max(0, text.indexOf(name)))
    if (blocks[k].words <= MAX_MENTION_WORDS && blocks[k].links.length > 0 && MENTION_BEFORE_NAME.test(before) && countWords(before) >= 2) return true
  }
  // "zu allen Rezepten vom Autor", "View author publications": the link right under the name.
  const next = nextWithWords(blocks, i)
  return next !== undefined && blocks[next].words <= MAX_MENTION_WORDS && blocks[next].links.length > 0 && AUTHOR_WORD.test(blocks[next].text)
}

/** The word "author" in the corpus languages, as a link under a name uses it. */
const AUTHOR_WORD = /\b(?:author|authors|autor|autors|autorin|autoren|auteur|autora|autore|autorem)\b/iu

/** "More from Jane Roe", "Alle Beiträge von Jane Roe anzeigen": a short link naming the author. */
export const MAX_MENTION_WORDS = 8

export const MENTION_BEFORE_NAME = /\b(?:from|about|by|über|von|de|par|por|od)\s+$/iu

export function isCommentsStart(block: ScoredBlock): boolean {
  return block.families.includes('comments') || block.families.includes('commentMeta')
}

/** A comment form's fields: "Name *", "E-Mail (wird nicht veröffentlicht) *", "Website". */
const FORM_FIELD = /^(?:name|e-?mail|website|webseite|url|kommentar|comment|nom|nombre|correo|imię|adres e-?mail)\b[^.!?]{0,40}$/iu

/** How many blocks after a comments label its form's fields are looked for. */
const FORM_REACH = 8

/**
 * The comments start at a block unless it only heads an empty comment form ("Kommentar verfassen",
 * then "Name *", "E-Mail *"): themes print the author box under such a form, and no commenter has spoken yet.
 */
export function isCommentThread(blocks: readonly ScoredBlock[], i: number): boolean {
  if (!isCommentsStart(blocks[i])) return false
  let fields = 0
  for (let k = i + 1; k < blocks.length && k <= i + FORM_REACH; k++) {
    if (blocks[k].families.includes('commentMeta')) return true
    if (FORM_FIELD.test(blocks[k].text.trim())) fields++
  }
  return fields < 2
}

export function nextWithWords(blocks: readonly ScoredBlock[], i: number): number | undefined {
  for (let j = i + 1; j < blocks.length && j <= i + 3; j++) if (blocks[j].words > 0) return j
  return undefined
}

/**
 * Past the article's first paragraph, a byline right under a heading that sits under a "Read also"
 * label (or under another heading) signs that heading: a teaser of another article set into or after
 * the text ("### Lesen Sie auch" / "#### Other title" / "von X").
 */
export function signsAnotherHeadline(blocks: readonly ScoredBlock[], i: number, headline: number | undefined): boolean {
  if (headline === undefined || i <= headline) return false
  const title = previousWithWords(blocks, i, headline)
  if (title === undefined || blocks[title].kind !== 'heading') return false
  const label = previousWithWords(blocks, title, headline)
  if (label === undefined || !(blocks[label].kind === 'heading' || blocks[label].families.includes('related'))) return false
  for (let j = headline + 1; j < label; j++) if (blocks[j].contentClass === 'good') return true
  return false
}

/** The nearest block above i that has words, not reaching back to `floor`. */
function previousWithWords(blocks: readonly ScoredBlock[], i: number, floor: number): number | undefined {
  for (let j = i - 1; j > floor; j--) if (blocks[j].words > 0) return j
  return undefined
}

/** A byline of initials only ("Posted by DT"). */
const INITIALS = /^\p{Lu}{2,3}$/u

/**
 * "Posted by DT" on a page that links "Donald Townsend" (in its licence line, its author box): the
 * full name, when exactly one linked name on the page has those initials.
 */
export function spelledOutInitials(blocks: readonly ScoredBlock[], initials: string): string | undefined {
  if (!INITIALS.test(initials)) return undefined
  const found = new Set<string>()
  for (const block of blocks) {
    for (const link of block.links) {
      const name = link.text.trim()
      if (!isNameText(name)) continue
      const letters = name.split(/\s+/).map((word) => word[0]).join('')
      if (letters === initials) found.add(name)
    }
  }
  return found.size === 1 ? [...found][0] : undefined
}

/** The verb a biography opens with after the person's name ("… is Senior Fellow", "… leitet das Ressort"). */
const BIO_VERB = /^\s*(?:is|was|has|writes|covers|ist|war|hat|leitet|arbeitet|schreibt|studierte|est|a été|écrit|es|fue|escribe|jest|był|była|pisze)\b/iu

/** "David Gordon is Senior Fellow …", "Martin has worked as …": a biography that opens with the name or its first word. */
export function opensBiography(block: ScoredBlock, name: string): boolean {
  if (block.words < MIN_BIO_WORDS) return false
  const text = block.text
  return [name, name.split(/\s+/)[0]].some((n) => n.length >= 3 && text.startsWith(`${n} `) && BIO_VERB.test(text.slice(n.length)))
}
