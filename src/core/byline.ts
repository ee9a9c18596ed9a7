/**
 * Bylines: recognising a byline line and reading the author names out of it.
 */
import {findDates} from './dates.js'
import {countWords} from './text.js'

/** "By", "Von", "Par", "Por", "Door", "Di", "Przez", "Av", "Written by", "Autor:" … opening a line. */
const BYLINE_PREFIX = new RegExp(
  [
    // A verb or a kind of text, then "by": "Written by", "Analysis by", "A guest post by", "Ein Kommentar von", "Une tribune par".
    String.raw`^(?:(?:(?:an?|the)\s+)?(?:guest\s+)?(?:written|reported|reporting|posted|published|words|text|story|interview|analysis|opinion|commentary|column|review|essay|feature|article|report|post|piece|contributed)\s+(?:and\s+\w+\s+)?by`,
    String.raw`(?:eingestellt|erstellt|veröffentlicht|geschrieben|verfasst|(?:ein|eine|der|die|das)?\s*(?:gast)?(?:beitrag|artikel|kommentar|analyse|interview|reportage|essay|bericht|kolumne|glosse))\s+von`,
    String.raw`(?:publié|écrit|rédigé|(?:une?\s+)?(?:article|analyse|tribune|chronique|billet))\s+par|propos recueillis par`,
    String.raw`(?:publicado|escrito|(?:un\s+)?(?:análisis|artículo|columna|crónica))\s+por|a cura di`,
    String.raw`thread starter|themenstarter|started by|by|von|par|por|door|di|przez|av)\s*:?\s+(?=\S)`,
    // A label and a colon: "Autor:", "Reporter:", "Text und Fotos:", "Автор:", "作者：".
    String.raw`^(?:author|authors|autor|autorin|autoren|autorka|auteur|auteurs|autora|autores|autore|written by|reporter|writer|journalist|journalistin|contributor|byline|redakcja|redaktion|redakteur(?:in)?|verfasser(?:in)?|verfasst von|geschrieben von|escrito por|écrit par|napsal(?:a)?|napisał(?:a)?|texte?|text von|(?:texte?|words|worte|tekst)\s*(?:&|\+|und|and|et|i)\s*(?:fotos?|bilder?|bild|photos?|pictures?|images?|zdjęcia)|автор|текст|συντάκτης|作者|记者|記者|文|撰文|기자)\s*[:：]\s*`,
    // A label and a slash in Chinese and Japanese papers: "文/張三", "記者・山田太郎".
    String.raw`^(?:文|撰文|记者|記者)\s*[/／・]\s*`,
  ].join('|'),
  'iu',
)

/**
 * "Ask the Doctors", "Friends of the Earth": a column or group name after an explicit "By", with
 * "the"/"of" inside; every other word must pass as a name word.
 */
function isTitledName(name: string): boolean {
  const words = name.split(/\s+/)
  if (words.length < 3 || words.length > 4) return false
  const inner = words.slice(1, -1)
  const named = [words[0], words[words.length - 1], ...inner.filter((w) => !/^(?:the|of)$/.test(w))]
  return inner.some((w) => /^(?:the|of)$/.test(w)) && named.every((w) => looksLikeName(w))
}

/**
 * "Von Jörg Staff", "By Emily Post": after an explicit "By", a surname may be a word that is page
 * furniture elsewhere, as long as the given name is not ("By Editorial Staff" stays out).
 */
function hasWordySurname(name: string): boolean {
  const words = name.split(/\s+/)
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^[\p{Lu}][\p{Ll}'’-]+$/u.test(w))) return false
  const given = words.slice(0, -1)
  return given.every((w) => !NOT_A_NAME.test(w) && !NOT_IN_A_NAME.test(w)) && looksLikeName(given.join(' '))
}

/** The preposition of a byline ("by ibby"), as opposed to a label ("Author names"). */
const BY_WORD = /^(?:(?:posted|written|verfasst|geschrieben|erstellt|eingestellt|écrit|rédigé|publié|escrito|publicado)\s+)?(?:by|von|par|por|door|przez)\b/iu

/** Separators between several names in one byline. */
// Conjunctions are matched in lower case only, so that an initial ("Jane E. Doe") never splits a name.
const NAME_SEPARATOR = /\s*(?:,|;|\/|&|\+|\b(?:and|And|AND|und|et|y|i|e|en|och|og)\b)\s*/u

/**
 * Job titles and trailing chatter that follow a name: "Jane Doe, Staff Writer", "John Roe | Updated".
 * Cut at the first of these.
 */
const ROLE_TAIL =
  /\s*(?:[|–—•·~]|\s-\s|\s\d+\s*(?:min|mins|minutes?|minuten|minutos|Min\.)(?![\p{L}])|\b(?:um|at)\s+\d|\b(?:[Uu]pdated|[Pp]ublished|[Pp]osted|[Vv]eröffentlicht|[Aa]ktualisiert|[Pp]ublié|[Pp]ublicado|[Aa]ctualizado|[Oo]publikowano)\b|\bon\s+\w+\s+\d|\bin\s+[A-Z]|\bfor\s+(?:the\s+)?[A-Z]).*$/su

/** Job titles, matched in any case: "Jane Doe, Staff Writer", "Max Muster, Redakteur". */
const ROLE_WORDS =
  /[,\s]*\b(?:(?:staff|senior|chief|contributing|special|political|science|health|business|sports?|foreign|national|deputy|associate|managing|executive)\s+)?(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|redakteur(?:in)?|korrespondent(?:in)?|journaliste|periodista|redaktor|dziennikarz|(?:online-)?redaktion|rédaction|redacción|\p{L}*(?:leiter|sprecher|referent|direktor|vorsitzende[rn]?|beauftragte[rn]?)(?:in)?)\b.*$/isu

/** Words that are never part of a person's or outlet's name in a byline. */
const NOT_A_NAME = /^(?:the|a|an|der|die|das|den|dem|des|ein|eine|le|la|les|un|une|el|los|las|il|lo|gli|het|de|admin|administrator|staff|editor|editors|team|redaktion|online-redaktion|rédaction|redacción|redakcja|guest|anonymous|unknown|me|us|you|this|that|our|here|share|follow|home|menu|search|login|more|news|blog|updated|published)$/iu

/**
 * Words of page furniture and job titles that are capitalised like names ("Get Started", "Share
 * Post", "Marketing Director", "Story Highlights", "Paid Content"): a line with any of them is not a bare name.
 */
const NOT_IN_A_NAME =
  /^(?:share|post|posts|get|started|start|read|more|follow|subscribe|sign|login|log|home|menu|search|contact|about|privacy|policy|terms|cookies?|updated|published|posted|director|manager|engineering|marketing|editor|editorial|writer|team|contributors?|staff|news|blog|contents|table|comments?|kommentare?|commentaires?|comentarios?|komentarz[ey]?|keine|reply|print|email|save|download|view|watch|listen|click|here|next|previous|back|nächste[rs]?|vorherige[rs]?|zurück|weiter|suivant|précédent|siguiente|anterior|released|für|pour|para|dla|top|all|new|latest|popular|trending|related|categories|category|tags?|archives?|page|pages|join|now|free|shop|buy|cart|account|profile|settings|help|support|services?|products?|solutions?|resources?|learn|guide|guides|overview|summary|introduction|conclusion|faq|our|your|my|the|and|of|for|with|to|in|on|at|by|from|a|an|is|are|was|it|this|that|what|how|why|when|where|who|best|top|vs|review|reviews|health|business|technology|science|sports?|travel|food|lifestyle|opinion|world|politics|economy|culture|education|finance|software|development|design|neueste[n]?|neue[n]?|letzte[n]?|aktuelle[n]?|weitere|ähnliche|verwandte|beliebte|meistgelesen|beiträge|beitrag|artikel|kategorien|kategorie|archiv|suche|schlagworte|themen|derniers|dernières|articles?|récents|populaires|catégories|recherche|últimos|últimas|artículos|entradas|recientes|categorías|buscar|najnowsze|ostatnie|artykuły|wpisy|highlights|sponsored|paid|content|stories|update|datum)$/iu

/** Longest byline we accept, in words: longer lines are sentences that happen to start with "By". */
export const MAX_BYLINE_WORDS = 14

/** Longest plausible single author name, in words. */
const MAX_NAME_WORDS = 5

/**
 * A byline that says in words that someone wrote the page ("Written by", "Posted by", "erstellt von",
 * "Autor:"), as opposed to a bare "By", which also opens captions and teasers. Publishers are left
 * out ("Published by Shaw Media").
 */
const SIGNED_PREFIX =
  /^(?:(?:written|posted|reported)\s+by|(?:erstellt|geschrieben|verfasst|eingestellt)\s+von|(?:écrit|rédigé)\s+par|escrito\s+por|(?:author|autor|autorin|auteur|autora|autore|verfasser(?:in)?)\s*:)/iu

/** Whether a byline segment signs the page in words ("Posted by X at 18:52"). */
export function isSignedByline(segment: string): boolean {
  return SIGNED_PREFIX.test(segment.trim())
}

/** Whether `text` reads as a byline ("By Jane Doe", "Autor: Jan Kowalski"). */
export function hasBylinePrefix(text: string): boolean {
  return BYLINE_PREFIX.test(text.trim())
}

export interface ParseAuthorsOptions {
  /** Texts printed as links in the byline: taken as names whatever their case ("By [team](#)"). Default []. */
  trusted?: readonly string[]
}

/** "det/dpa", "red/AFP": the short code of the editor who wrote up a wire story, a slash, the agency. */
const EDITOR_CODE_AND_AGENCY = /^\p{Ll}{2,4}\/[\p{L}]{2,8}$/u

/** A name that ends in an abbreviation: its dot is part of it ("Perry Bacon Jr.", "Mike S."). */
const ENDS_IN_ABBREVIATION = /(?:\b(?:Jr|Sr)|(?<!\p{L})\p{Lu})\.$/u

/** `trimmed` with the dot back when `original` ended in an abbreviation that the trimming took off. */
function keepAbbreviationDot(original: string, trimmed: string): string {
  const end = original.replace(/[\s"'“”‘’),:;*_]+$/u, '')
  return ENDS_IN_ABBREVIATION.test(end) && !trimmed.endsWith('.') && end.startsWith(trimmed) && end.length === trimmed.length + 1 ? trimmed + '.' : trimmed
}

/** A name without the quotes, brackets and punctuation around it. */
function trimName(part: string): string {
  return keepAbbreviationDot(part, part.replace(/^[\s"'“”‘’(*_]+|[\s"'“”‘’),.:;*_]+$/g, ''))
}

/** Reads the author names out of a byline; [] when none look like names. */
export function parseAuthors(byline: string, {trusted = []}: ParseAuthorsOptions = {}): string[] {
  let rest = byline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(BYLINE_PREFIX, '')
    // Scrapers glue a name to the next label: "Amanda FurrerUpdated: Dec 19".
    .replace(/(?<=\p{Ll})(?=(?:Updated|Published|Posted|Last|Aktualisiert|Veröffentlicht)\b)/u, ' ')
  const dates = findDates(rest)
  // "Jane Doe vom 3. Februar 2022", "Jean Roe le 12 mars": the preposition goes with the date.
  if (dates.length) rest = rest.slice(0, dates[0].index).replace(/\s+(?:vom|am|on|le|el|du|del|dnia|z|the)\s*$/iu, '')
  // "Posted by Larry Dignan @ 5:56 am Categories: …": the names end at the time.
  rest = rest.replace(/\s*(?:@|\bat\b|\bum\b)?\s*\b\d{1,2}:\d{2}\b.*$/su, '')
  // "Jeff Cobb. Last updated …": a new sentence is not part of the name (an initial's dot is).
  rest = rest.replace(/(?<=\p{Ll}{2})\.\s+\p{Lu}.*$/su, '')
  rest = rest.replace(ROLE_TAIL, '')
  // "Eberhard Fuhr (Pressesprecher des EJW)": what a byline puts in brackets is a role or an affiliation.
  rest = rest.replace(/\s*\([^()]*\)/gu, ' ').trim()
  // "Von: det/dpa": an editor's short code and the agency, one credit as printed.
  if (BY_WORD.test(byline.trim()) && EDITOR_CODE_AND_AGENCY.test(rest)) return [rest]
  // Names printed as links are the names; the words around them are titles ("[Jane Doe](#), Security Expert").
  const linked = linkedNames(rest, trusted)
  if (linked.length) return linked
  rest = keepAbbreviationDot(rest, rest.replace(ROLE_WORDS, '').replace(/[\s,.;:]+$/, ''))
  const names: string[] = []
  const parts = rest.split(NAME_SEPARATOR)
  for (const part of parts) {
    const name = trimName(part).replace(/^by\s+/i, '')
    // "by ibby": a lone lower-case handle is a name when it is all the byline says.
    // … unless a sentence goes on after it ("by step. He dives into …": a wrapped line of prose).
    const sentenceAfter = new RegExp(`(?:^|\\s)${escapeRegExp(name)}[.!?]\\s+\\p{Lu}`, 'u').test(byline)
    const handle = parts.length === 1 && countWords(rest) <= 1 && !sentenceAfter && BY_WORD.test(byline.trim()) && /^[\p{Ll}\p{N}_.-]{3,30}$/u.test(name) && /\p{L}/u.test(name) && !NOT_A_NAME.test(name) && !NOT_IN_A_NAME.test(name)
    const plausible = trusted.includes(name) || handle ? name.split(/\s+/).length <= MAX_NAME_WORDS && !/@|https?:/.test(name) : looksLikeName(name) || (BY_WORD.test(byline.trim()) && (isTitledName(name) || hasWordySurname(name) || isCollective(name)))
    if (!name || !plausible || names.includes(name)) continue
    // "Jane Doe, Online-Redaktion": one word after a full name is a role or an outlet, not a person.
    if (names.length && !trusted.includes(name) && !name.includes(' ') && names[0].includes(' ')) continue
    names.push(name)
  }
  return names
}

/** Words of a collective byline ("The Upwork Team", "Editorial Staff"): furniture elsewhere, a name here. */
const COLLECTIVE = /^(?:the|team|staff|news|editors|editorial|redaktion|rédaction|redacción|redakcja|desk|newsroom)$/iu

/**
 * A team, desk or newsroom as printed after an explicit "By": capitalised words around "Team",
 * "Staff", "Desk", "Newsroom", "Redaktion" ("The Upwork Team", "NPR Staff", "Metro Desk").
 */
function isCollective(name: string): boolean {
  const words = name.split(/\s+/)
  // "Staff Writers" is a role, not a desk.
  if (isRoleLine(name)) return false
  return words.length >= 2 && words.length <= MAX_NAME_WORDS && words.some((w) => COLLECTIVE.test(w) && !/^the$/i.test(w)) && words.some((w) => !COLLECTIVE.test(w)) && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || COLLECTIVE.test(w)) && !/\d[:./]\d/.test(name)
}

/** Link text that is page furniture ("18 Comments", "More from …"), not a name; collective words pass ("The Upwork Team"). */
function isFurniture(words: readonly string[]): boolean {
  return words.some((w) => NOT_IN_A_NAME.test(w) && !COLLECTIVE.test(w)) || words.every((w) => NOT_A_NAME.test(w))
}

/** The link texts of a byline that read as names, in the order printed; a link may hold several ("Jane Doe and John Roe"). */
function linkedNames(byline: string, trusted: readonly string[]): string[] {
  const found: {name: string; at: number}[] = []
  for (const link of trusted) {
    const at = link ? byline.indexOf(link) : -1
    if (at < 0) continue
    const parts = link.split(NAME_SEPARATOR).map(trimName)
    parts.forEach((name, i) => {
      const words = name.split(/\s+/)
      // Outlets may carry digits ("7 News WSVN"); times, dates and counts may not.
      if (!name || found.some((f) => f.name === name) || words.length > MAX_NAME_WORDS || /@|https?:|\d[:./]\d|^[\d\s]+$/.test(name)) return
      if (isFurniture(words)) return
      // "Jillian Kubala, MS, RD": one word after a full name is a degree or a role.
      if (i > 0 && words.length === 1 && parts[0].includes(' ')) return
      found.push({name, at: at + i / parts.length})
    })
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name)
}

/** The text after a leading date and time: "02.02.2022, 11:30 Uhr von Jane Doe" → "von Jane Doe". */
export function stripLeadingDate(text: string): string {
  const date = findDates(text)[0]
  if (!date || date.index > 2) return text
  return text
    .slice(date.index + date.length)
    .replace(/^[\s,|·•–—-]*(?:\d{1,2}[:.]\d{2})?\s*(?:uhr|h|am|pm)?\b[\s,|·•–—-]*/iu, '')
}

/** A name as a link prints it: a person's name, a handle ("karstenruppert") or a collective ("The Upwork Team"). */
export function looksLikeLinkedName(text: string): boolean {
  const words = text.split(/\s+/)
  if (!text || words.length > MAX_NAME_WORDS || /@|https?:|\d/.test(text) || findDates(text).length) return false
  if (isFurniture(words)) return false
  return looksLikeName(text) || isCollective(text) || (words.length === 1 && /^[\p{L}][\p{L}\p{N}_.-]{1,30}$/u.test(text))
}

/** A word of a script without capital letters (Chinese, Japanese, Korean, Arabic, Hebrew, Thai, Devanagari): no case to tell a name by. */
const CASELESS_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}]/u

/** A name: 1–5 words, each starting with a capital letter (or a particle, or a letter of a caseless script), no digits. */
export function looksLikeName(text: string): boolean {
  if (!text || /\d|@|https?:|www\./.test(text)) return false
  const words = text.split(/\s+/)
  if (words.length > MAX_NAME_WORDS) return false
  if (words.length === 1 && NOT_A_NAME.test(words[0])) return false
  if (words.every((w) => NOT_A_NAME.test(w))) return false
  if (words.some((w) => NOT_IN_A_NAME.test(w.replace(/[.,:;!?]+$/, '')))) return false
  return words.every((w) => /^[\p{Lu}\p{Lt}]/u.test(w) || CASELESS_SCRIPT.test(w) || /^(?:van|von|de|der|den|da|di|du|del|la|le|bin|ibn|al|el|y|zu|ten|ter|st\.?)$/iu.test(w) || /^[\p{Lu}]\.?$/u.test(w))
}

/** A line that is only a job title ("Trending Editor", "Staff Writer", "Redakteurin"). */
export function isRoleLine(text: string, maxWords = ROLE_LINE_WORDS): boolean {
  // "Guest Columnists": roles of several people are plurals.
  const trimmed = text.trim().replace(/(?<=\p{Ll}{3})s$/u, '')
  return countWords(trimmed) <= maxWords && ROLE_AT_END.test(trimmed)
}

/** Longest job title on a line of its own, in words ("Senior Health Policy Correspondent"). */
const ROLE_LINE_WORDS = 4

/** A line that names a job ("Stellvertretende Pressesprecherin und …", "DITIB-Bundesvorsitzender", "Senior Editor, Example Corp"). */
export function namesAJob(text: string): boolean {
  return countWords(text) <= 12 && (ROLE_WORDS.test(text) || ROLE_AT_END.test(text.trim().split(/[,;(]/)[0].trim()))
}

const ROLE_AT_END = /\b(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|director|manager|founder|ceo|officer|specialist|strategist|consultant|analyst|reviewer|expert|redakteur(?:in)?|korrespondent(?:in)?|journaliste|periodista|redaktor|dziennikarz|autor(?:in)?|author|leiter(?:in)?|gründer(?:in)?|geschäftsführer(?:in)?)$/iu

/** Where a byline may start inside a meta line: after a date, "Posted on …", a separator. */
const INNER_PREFIX = /(?:^|\s)(?:(?:written|posted|published|words(?: written)?)\s+)?(by|von|par|por|door|przez|author|autor|autorin)\b\s*:?\s*(?=[^\s,])/iu

/** What may stand before an inner prefix: dates, times, "Posted on", "Veröffentlicht am". */
const LEAD_BEFORE_PREFIX = /^[\s\d.,:/·•|–—-]*(?:(?:posted|published|updated|veröffentlicht|publié|publicado)(?: on| am| le| el)?|(?:posted|filed|published|veröffentlicht) (?:in|under|unter) [^.!?,]{1,40})?[\s\d.,:/·•|–—-]*$/iu

/**
 * The byline inside a line, if the line has one: a segment (between | • · or line breaks) that opens
 * with "By/Von/Par/Por…", or in which the prefix follows only a date ("Dezember 10, 2019 · von X",
 * "Posted on 2015-04-05 by marc"). Returned from the prefix on, e-mail addresses removed.
 */
export function bylineIn(text: string): string | undefined {
  // A prefix alone on its line ("Von:\nJane Doe") belongs to the next line; one glued to a linked
  // name ("von[Jane Doe](#)" reads "vonJane Doe") is parted from it.
  const joined = text
    .replace(/\b(by|By|von|Von|par|Par|por|Por)(?=\p{Lu}\p{Ll})/gu, '$1 ')
    .replace(/^((?:written |posted )?(?:by|von|par|por|door|przez|author|autor|autorin|auteur))\s*:?\s*\n/imu, '$1 ')
  for (const raw of joined.split(/\s*[|•·∙~]\s*|\s+[—–]\s+|\n/)) {
    // "---- by Kenneth Surin": rules and dashes before a byline are decoration.
    const segment = stripLeadingDate(raw.trim().replace(/^[-–—_*=~\s]{2,}/u, '')).replace(/<?[\w.+-]+@[\w-]+(\.[\w-]+)+>?/g, '').trim()
    if (!segment) continue
    if (BYLINE_PREFIX.test(segment)) return segment
    const credited = creditSentence(segment)
    if (credited) return credited
    const inner = INNER_PREFIX.exec(segment)
    if (!inner) continue
    const before = segment.slice(0, inner.index)
    const lead = before.replace(new RegExp(findDates(before).map((d) => escapeRegExp(before.slice(d.index, d.index + d.length))).join('|') || '(?!)', 'g'), '')
    if (LEAD_BEFORE_PREFIX.test(lead)) return segment.slice(inner.index).trim().replace(/^(author|autor|autorin)\b\s*:?\s*/iu, '$1: ')
  }
  return undefined
}

/**
 * Sentences that credit the writer: "This post was written by Jane Roe, MD, …", "Dieser Beitrag wurde
 * von Max Muster verfasst.", "Cet article a été rédigé par …", "Este artículo fue escrito por …".
 * The name runs to the first comma, full stop or closing verb.
 */
const CREDIT_SENTENCES: readonly RegExp[] = [
  /^(?:this|the)\s+(?:(?:blog|guest)\s+)?(?:post|article|story|piece|review|recipe|guide)\s+(?:was\s+|is\s+)?(?:written|authored|contributed|created)\s+by\s+([^,.;:()]+)/iu,
  /^(?:dieser|der)\s+(?:gast)?(?:beitrag|artikel|text)\s+(?:wurde|ist)\s+von\s+([^,.;:()]+?)\s+(?:verfasst|geschrieben|erstellt)\b/iu,
  /^(?:cet|l[’'])\s*(?:article|billet)\s+a\s+été\s+(?:écrit|rédigé)\s+par\s+([^,.;:()]+)/iu,
  /^(?:este|el)\s+(?:artículo|post|texto)\s+(?:fue|ha\s+sido)\s+escrito\s+por\s+([^,.;:()]+)/iu,
]

/** The byline a crediting sentence holds ("Written by Jane Roe"), undefined for any other text. */
function creditSentence(segment: string): string | undefined {
  for (const sentence of CREDIT_SENTENCES) {
    const name = sentence.exec(segment)?.[1].trim()
    if (name) return `Written by ${name}`
  }
  return undefined
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
