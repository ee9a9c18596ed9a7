/**
 * Text values out of metadata, cleaned: character references decoded (pages escape JSON strings for
 * HTML too), tags and runs of spaces removed. Author values split into names: "By Jane Roe and John
 * Doe", "Jane Roe, John Doe", a profile URL (no name), a staff label ("By Staff", "Redaktion").
 */
import {decodeHTML} from 'entities'

/** Longest text believed as one metadata value (a headline, a site name); longer is a description or a body. */
const MAX_VALUE_LENGTH = 400
/** Most words in one person's name; more is a sentence or a list. */
const MAX_NAME_WORDS = 6

/** A text value as it reads: character references decoded, tags out, spaces collapsed. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  let text = String(value)
  if (text.length > MAX_VALUE_LENGTH * 4) return null
  // Decoded twice: values escaped once by the CMS and again by the template ("&amp;#8217;").
  for (let i = 0; i < 2 && /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/i.test(text); i++) text = decodeHTML(text)
  text = text
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text && text.length <= MAX_VALUE_LENGTH ? text : null
}

/**
 * Labels in front of the names ("By", "Von", "Par", "Por", "Autor:", "Text:"), and the texts of
 * links to an author's page ("View all posts by", "Alle Beiträge von", "Zeige alle Beiträge von").
 */
export const NAME_LABEL =
  /^(?:(?:written|posted|text|words|story|reporting|article) by|by|von|par|por|przez|autor(?:in|es|en)?|author|authors|auteur|text|texte|reporter|(?:\p{L}+\s+){0,3}(?:posts|articles|stories|entries|beiträge|artikel|artículos|entradas|wpisy|publications)\s+(?:by|von|de|par|por|przez|of))\s*[:\-–—]?\s+/iu

/**
 * Values that name no person: a newsroom's generic credit ("Staff", "Staff Writer", "Editorial
 * Team", "Redaktion", "admin"), kept out of `authors`.
 */
const NO_PERSON = /^(?:the\s+)?(?:staff(?:\s+(?:writer|reporter|report))?|(?:editorial|news|web|online)\s+(?:staff|team|desk|board)|editors?|(?:the\s+)?editorial|newsroom|admin(?:istrator)?|redaktion|red\.|onlineredaktion|la rédaction|rédaction|redacción|redakcja|guest(?:\s+(?:author|contributor))?|(?:no\s+)?author|publisher|anonymous|unknown|null|undefined|none)$/iu

/**
 * Separators between names in one value: commas, semicolons, "and" and its translations, "&", "|".
 * Not "/": it joins an outlet and its reporter's code ("srf/hosb") or a name and a site ("Laura / Plant House").
 */
const NAME_SEPARATOR = /\s*(?:[,;|]|\s(?:and|und|et|y|i|e|en|og|och|&)\s)\s*/iu

const isUrl = (text: string): boolean => /^(?:https?:)?\/\/|^www\.|^[\w.-]+\.(?:com|org|net|de|fr|pl|es|co\.uk)(?:\/|$)/i.test(text)

/**
 * The names in one declared author value; empty when it names no person. `split` false reads the
 * value as one name (citation_author writes "Roe, Jane").
 */
export function namesIn(value: string, split = true): string[] {
  // An address beside the name ("Jane Roe - https://janeroe.example") is no part of it.
  const text = value.replace(/\(?(?:https?:\/\/|www\.)\S*\)?/giu, ' ').replace(NAME_LABEL, '').replace(/\s+/g, ' ').trim()
  if (!text || isUrl(text) || text.includes('@')) return []
  return (split ? text.split(NAME_SEPARATOR) : [text])
    .map((name) => name.replace(NAME_LABEL, '').replace(/^[\s"'“”(\-–—]+|[\s"'“”).:\-–—]+$/gu, ''))
    .filter((name) => name && !NO_PERSON.test(name) && !isUrl(name) && name.split(/\s+/).length <= MAX_NAME_WORDS && /\p{L}/u.test(name))
}

/**
 * The credits a signature line prints, as printed: split like declared names, but an address stays
 * (a desk signs "red, wien.ORF.at/Agenturen": the address is its credit, not a profile link).
 */
export function creditsIn(text: string): string[] {
  return text
    .split(NAME_SEPARATOR)
    .map((name) => name.replace(/^[\s"'“”(\-–—]+|[\s"'“”).\-–—]+$/gu, ''))
    .filter((name) => name && !NO_PERSON.test(name) && name.split(/\s+/).length <= MAX_NAME_WORDS && /\p{L}/u.test(name))
}

/** Whether a declared value is a generic credit that names no person ("By Staff"). */
export function isNoPerson(value: string): boolean {
  return NO_PERSON.test(value.replace(NAME_LABEL, '').trim())
}

/** A language tag as pages write it: "en", "en-US", "de_DE", "pt-br". */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z\d]{2,8})*$/i

/** The page's language tag, written the BCP 47 way ("de_DE" → "de-DE"); null when it is none. */
export function languageTag(value: string): string | null {
  const text = value.trim()
  if (!LANGUAGE_TAG.test(text)) return null
  const [language, ...rest] = text.split(/[-_]/)
  return [language.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-')
}
