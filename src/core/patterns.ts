/**
 * The phrase families of page chrome and end matter, as data. Each family lists what sites print
 * in the languages of our users (English, German, French, Spanish, Polish, Italian, Dutch,
 * Portuguese); the rules only ask "does this block belong to family X", never for a site's sentence.
 *
 * `at: 'start'` patterns must open the block (a label such as "Disclaimer:"); `at: 'short'` ones may
 * stand anywhere but only in a block short enough to be a notice rather than prose.
 */

import {countWords, SENTENCE_END} from './text.js'

/** The site's legal pages, as their links are named in the corpus languages. */
const LEGAL_LINK =
  '(?:impressum|datenschutz(?:erklärung|hinweise)?|agb|privacy(?: policy| notice| statement)?|terms(?: of (?:use|service)| (?:and|&) conditions)|cookie(?:-| )?(?:policy|richtlinie|settings|einstellungen)|imprint|legal notice|mentions légales|politique de confidentialité|aviso legal|política de privacidad|polityka prywatności|haftungsausschluss|nutzungsbedingungen)'

export type Family =
  /** "The original source of this article is …", "Originally published at …", "Articles by: …". */
  | 'attribution'
  /** "Copyright © …", "All rights reserved". */
  | 'copyright'
  /** "Disclaimer: …", "The views expressed … are the author's own". */
  | 'disclaimer'
  /** Donation, membership, newsletter and follow-us requests. */
  | 'appeal'
  /** "Comment on …", "Leave a reply", "3 comments". */
  | 'comments'
  /** "Share this", "Tweet", "Email this article". */
  | 'share'
  /** "Related articles", "Read more", "You may also like". */
  | 'related'
  /** "Featured image is from …", "Photo: …". */
  | 'imageCredit'
  /** "Note to readers: …", "For media inquiries: …". */
  | 'notice'
  /** "Skip to content", "Menu", cookie banners, "Log in", legal links. */
  | 'chrome'
  /** Script or style source the scraper kept as text: "var ie=document.all if (ie||ns6) …" (not a phrase: see looksLikeScript). */
  | 'script'
  /** A row of the site's legal links: "Impressum / AGB / Datenschutz", "Privacy Policy | Terms of Use". */
  | 'legal'
  /** "Advertising disclosure: …", "This post contains affiliate links". */
  | 'disclosure'
  /** "Advertisement", "Anzeige", "Reklama": the label of an ad slot. */
  | 'advert'
  /** "Tags", "PDF", "Zum Shop": captions and buttons of the page. */
  | 'furniture'
  /** The signature line of a reader's comment: "Posted by: Jane of Sydney 9:49pm January 08, 2008", "Reply". */
  | 'commentMeta'

export interface FamilyPattern {
  family: Family
  /**
   * `start`: opens the block. `short`: anywhere in a block of at most the short limit.
   * `label`: opens a block that is a label, not a sentence: few words, no closing full stop.
   * `anywhere`: anywhere in a block of any length (patterns that need several hits to match).
   */
  at: 'start' | 'short' | 'label' | 'anywhere'
  pattern: RegExp
  /** A second pattern that must match too. */
  also?: RegExp
}

/**
 * Families strong enough to end the body where they appear after it has begun: a site prints
 * these once, after the article. Appeals and share rows also appear mid-article, so they only trim
 * the body's edges.
 */
export const BODY_ENDING_FAMILIES: ReadonlySet<Family> = new Set<Family>([
  'attribution',
  'copyright',
  'disclaimer',
  'comments',
  'related',
  'notice',
  'legal',
])

/** Families that belong in the footer when they follow the body (the rest are removed as chrome). */
export const FOOTER_FAMILIES: ReadonlySet<Family> = new Set<Family>([
  'attribution',
  'copyright',
  'disclaimer',
  'appeal',
  'comments',
  'imageCredit',
  'notice',
  'share',
])

const start = (family: Family, pattern: RegExp): FamilyPattern => ({family, at: 'start', pattern})
const label = (family: Family, pattern: RegExp): FamilyPattern => ({family, at: 'label', pattern})
const anywhere = (family: Family, pattern: RegExp, also?: RegExp): FamilyPattern => ({family, at: 'anywhere', pattern, also})
const short = (family: Family, pattern: RegExp): FamilyPattern => ({family, at: 'short', pattern})

export const FAMILY_PATTERNS: readonly FamilyPattern[] = [
  start('attribution', /^(the )?original source of this (article|post|story)\b/),
  start('attribution', /^(this (article|story|post|piece|essay) (was|is|has been) )?(originally|first) (published|appeared|posted)\b/),
  start('attribution', /^(articles?|posts?|stories|more) (by|from)\s*:/),
  start('attribution', /^(republished|reprinted|reposted|cross-posted) (from|with)\b/),
  // The wire service's sign-off under its copy: "Brought to you by REUTERS".
  start('attribution', /^brought to you by\b/),
  start('attribution', /^(publikacja dostępna na stronie|artykuł (ukazał się|pochodzi z))\b/),
  start('attribution', /^(der artikel|dieser artikel|ce texte|cet article|este artículo) (erschien|ist zuerst|a été publié|fue publicado)/),
  // A site's copyright line names a year or says "Copyright" ("© owned by or licensed to X 2008");
  // a bare "© Name" is a photo credit.
  short('copyright', /©\s*(\d{4}|copyright)|©\s*(owned|held|licensed)\b[^\n]{0,100}(19|20)\d{2}|(19|20)\d{2}\s*©|\(c\) ?(19|20)\d{2}|\bcopyright\b\s*(©|\(c\)|(19|20)\d{2}|by\b|of\b)|\bcopyright\b\s*:.*(19|20)\d{2}|\bcopyrighted material\b/),
  // "Copyright: Accurec" under a picture names the picture's owner.
  start('imageCredit', /^copyright\s*:\s*[^\d]{1,40}$/),
  short('imageCredit', /©/),
  short('copyright', /\b(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|wszelkie prawa zastrzeżone|tutti i diritti riservati|alle rechten voorbehouden|todos os direitos reservados)\b/),
  start('disclaimer', /^(disclaimer|haftungsausschluss|avertissement|aviso legal|descargo de responsabilidad|zastrzeżenie|esclusione di responsabilità)\b/),
  short('disclaimer', /\b(views|opinions) expressed (in|by) (this|the)\b/),
  short('disclaimer', /\b(are|is) (of )?(the )?sole responsibility of the author/),
  start('notice', /^(\*\s*)?(note to (our )?readers|for (media|press) (inquiries|enquiries|contact))/),
  short('appeal', /\b(donate|donation|donating|patreon|paypal|become a (member|patron|subscriber|supporter))\b/),
  short('appeal', /\bsupport (us|our (work|journalism|reporting)|the project|independent (media|journalism))\b/),
  short('appeal', /\b(subscribe|newsletter|sign up|signup|follow (us|me)|join (us|me) on|join our|spread the word)\b|\benter your email\b/),
  short('appeal', /\bclick (here|the (share )?button)\b|\bshare (this|it|widely)\b|\brepost\b/),
  // A blog's follow-by-email widget: "receive future updates by email", "direct to your inbox", "Join 66,707,982 other followers".
  short('appeal', /\b(receive|get) (future |new )?(updates|notifications|posts)( of new posts)? by e-?mail\b|\bnotifications of new posts\b|\bjoin [\d,.]+ other (followers|subscribers)\b|\b(direct(ly)?|delivered|straight) (to|in(to)?) your inbox\b/),
  // A paywall's offer: "Access options", "Buy single article", "Price includes VAT", "Rent this article".
  short('appeal', /\b(access options|buy (this|a|single|the) article|(instant|immediate) (online )?access to|price includes vat|rent this article|purchase (this|the) article|artikel kaufen|jetzt (kaufen|abonnieren)|inkl\.? mwst)\b/),
  // Instructions about the page's own widgets: "activate the Translate button below the author's name".
  short('appeal', /\b(button|icon|widget)\b.{0,60}\b(above|below)\b|\b(above|below)\b.{0,60}\b(button|icon|widget)\b/),
  short('appeal', /\b(spenden|spende|unterstützen sie|unterstütze (uns|das projekt|unsere arbeit)|abonnieren|folgen sie uns|jetzt mitglied)\b/),
  short('appeal', /\b(faire un don|soutenez|abonnez-vous|inscrivez-vous|suivez-nous)\b/),
  short('appeal', /\b(suscríbete|suscribirse|haz una donación|síguenos|apóyanos)\b/),
  short('appeal', /\b(wesprzyj|subskrybuj|zapisz się|obserwuj nas|dołącz do naszej społeczności|forma wsparcia)\b/),
  // A lone singular ("Kommentar", "Komentarz", "Comment") heads a commentary as often as a thread:
  // the thread is the plural, or a count ("1 Kommentar").
  label('comments', /^\d+\s+(comments?|responses?|replies|kommentare?|meinungen|reaktionen|commentaires?|comentarios?|komentarz(e|y)?|commenti|commento|reacties|reactie)\b|^(comments|responses|replies|kommentare|commentaires|comentarios|komentarze|commenti|reacties)\b/),
  start('comments', /^(leave|post|add|write) a (comment|reply)\b|^(comment on|join the (discussion|conversation))\b/),
  // "Talkback - Add your opinion", "Share your thoughts": the older names and prompts of a comment
  // section. (A count, "Talkbacks for this article: 18", is the share row's link over the article.)
  start('comments', /^(talk ?backs?\b(?!.*\d)|(add|share|post|give) your (opinion|comment|view|thought)s?\b)/),
  // WordPress's thread heading: "244 thoughts on “…”", "One response to …", "12 Gedanken zu „…“", "3 réflexions sur …".
  start('comments', /^(\d+|one|ein|eine|un|une|uno|una) (antworten?|responses?|kommentare?|comments?|réponses?|respuestas?|odpowiedzi|thoughts?|gedanken|réflexions?|comentarios?) (zu|to|on|auf|à|a|na|sur|en|sobre)\b|^(kommentieren sie|was denkst du|was meinen sie|wenn sie diesen (blogeintrag|beitrag|artikel) kommentieren|para comentar|war (der|dieser) (artikel|beitrag) (nützlich|hilfreich)|was this (article|post) helpful)/),
  label('comments', /^(keine kommentare|no comments|pas de commentaire|sin comentarios|brak komentarzy)\b/),
  start('comments', /^(comments|kommentare|commentaires|comentarios|komentarze)\s*\((no|keine|aucun|sin|brak|\d+)\b/),
  start('comments', /^comments? (are|is) (now )?(closed|disabled)\b|^(kommentare sind geschlossen|les commentaires sont fermés|los comentarios están cerrados)/),
  // "Thanks for your comments - this feedback is now closed", "Reader views (5)", "Have your say".
  short('comments', /\b(comments?|feedback|discussion) (are|is) now closed\b/),
  label('comments', /^(reader (views|comments)|readers'? (views|comments)|your (views|comments))\b/),
  // "Have your say on the latest news and sport in our Forums": an invitation, however long.
  start('comments', /^have your say\b/),
  label('comments', /^(schreibe einen kommentar|kommentar schreiben|laisser un commentaire|deja un comentario|dodaj komentarz)/),
  // Dutch, Portuguese and Italian, the other languages the date reader knows.
  label('comments', /^(laat een reactie achter|plaats een reactie|geef een reactie|deixe (um|o seu|seu) comentário|deixe uma resposta|comentários|lascia un commento|lascia una risposta)\b/),
  label('share', /^(share|save\/share|tweet|email|print|teilen|partager|compartir|udostępnij|podziel się|condividi|delen|deel dit|compartilhe|compartilhar|partilhar)( this| on| article| story| post| artikel| artigo|:|$)/),
  // The e-mail-a-friend form under a story: "You can send a story to multiple email addresses …",
  // "This station will not store your email address or your recipient's email address".
  short('share', /\b(send (this|a|the) (story|article|page) to (a friend|multiple|several|up to)|(recipient|friend)['’]?s e-?mail( address)?\b|separat\w* (the|multiple) e-?mail addresses)/),
  label('share', /^(teilen mit|diese (geschichte|seite) teilen|be sociable|share (this )?(story|post|page))\b/),
  label('share', /^((diesen|den) (artikel|beitrag) teilen|beitrag teilen|artikel teilen|möchten sie (den|diesen) artikel teilen|partager (cet|l') article|compartir (este|esta) (artículo|nota))/),
  label('related', /^(related|recommended|more|popular|similar|latest) (articles?|posts?|stories|reading|news|content)\b|^related\s*:?$/),
  label('related', /^((neueste|aktuelle|weitere( aktuelle)?|mehr|beliebte|ähnliche) (beiträge|artikel|themen|kolumnen|news|nachrichten|geschichten)\b|interessantes aus\b|empfehlungen (aus|für)\b|themen im artikel$)/),
  label('related', /^((das|dieses) thema könnte (dich|sie) auch interessieren|verwandte themen(bereiche)?|weitere inhalte zu|highlights aus dem bereich|en savoir plus|want more\??$|aktuelle (news|nachrichten)$|erschienen in$)/),
  label('related', /^(explore (further|more)|beliebte (artikel|beiträge)|ähnliche (artikel|beiträge)|verwandte (artikel|beiträge)|notas relacionadas|más noticias|lee también|ver también|articles similaires|podobne artykuły|powiązane artykuły)\b/),
  label('related', /^(read (more|next|also)|you (may|might) (also )?like|see also|more from|trending now|most (read|popular)|also (in|on) (the )?(news|this section|this topic)|in other news|elsewhere on)\b/),
  start('related', /^(das könnte (sie|dich) auch interessieren|dies könnte (sie|dich) auch interessieren|you (may|might) also like|you may also be interested in|related (articles|posts|stories)|ähnliche (artikel|beiträge)|vous aimerez aussi|también te puede interesar)\s*:/),
  label('related', /^(weitere (artikel|beiträge|nachrichten)|mehr zum thema|das könnte (sie|dich) auch interessieren|auch interessant|lesen sie auch)\b/),
  label('related', /^(à lire aussi|lire aussi|sur le même sujet|te puede interesar|noticias relacionadas|artículos relacionados|zobacz (też|także)|czytaj (też|także|więcej)|leggi anche)\b/),
  label('related', /^(lees ook|lees meer|gerelateerde (artikelen|berichten)|meer nieuws|leia (também|mais)|veja também|(artigos|notícias|posts) relacionad[oa]s|articoli correlati|potrebbe interessarti)\b/),
  start('imageCredit', /^(featured |header |top |cover )?(image|photo|picture|foto|fotos|bild|beitragsbild|titelbild|aufmacherbild|photograph|crédits? photos?|credits?|source de l'image|fuente)( credits?)?( is)?\s*( from| by| via|:)/),
  short('imageCredit', /\b(getty images|shutterstock|istock(photo)?|thinkstock|imago|picture[- ]alliance|unsplash|pixabay|ap photo|afp photo|reuters\/|dpa\/|epa\/)\b/),
  label('advert', /^(advertisements?|advertising|anzeige|werbung|publicité|publicidad|reklama|pubblicità|sponsored( content)?|gesponsert)\b/),
  // Trust badges of a review site's header: "Expert Verified", "This content has been reviewed and
  // verified by relevant subject matter experts". (A "Learn about our editorial process" line is one
  // too, but on a dev page taking it out moved a wrong headline pick further from the byline.)
  short('disclosure', /^(this (content|article|page|post) (has been|was|is) (medically |expert[- ])?(reviewed|fact[- ]checked|verified)\b|expert[- ]verified$|fact[- ]checked$)/),
  start('disclosure', /^(advertis(ing|er|ement) |affiliate |editorial |financial )?disclosures?\b|^this (post|article|page) (contains|may contain|includes) (affiliate|references|sponsored|paid)|^we (may )?(receive|earn) (a )?(compensation|commission)|^we recommend the best products/),
  start('commentMeta', /^(posted|submitted|written|commented) by\s*:?.{0,80}\b(\d{1,2}:\d{2}(\s*[ap]\.?m\b\.?)?|(19|20)\d{2})\b.{0,40}$|^(reply|antworten|répondre|responder|odpowiedz|rispondi)$/),
  start('chrome', /^((skip|jump) to (the )?(main|primary|secondary|content|navigation|sidebar|footer|search|menu)|(direkt )?zum (haupt)?inhalt( springen)?|zur navigation( springen)?|(aller|passer) au contenu|(ir|saltar) al contenido|przejdź do (treści|nawigacji))\b/),
  start('chrome', /^(menu|main menu|toggle navigation|navigation|search|suche|rechercher|buscar|szukaj|log ?in|sign in|anmelden|connexion|zaloguj)$/),
  // Two legal links in a line of a few words: the site's footer row, printed once, under everything else.
  label('legal', new RegExp(`\\b${LEGAL_LINK}\\b[^\\n]{0,60}\\b${LEGAL_LINK}\\b`, 'u')),
  // A blog's like button, printed as text: "Like this:", "Like Loading...".
  start('chrome', /^(like this:?|like loading\b.*|loading\s*(\.{3}|…)|gefällt mir:?|j'aime ça\s*:?|me gusta:?)$/),
  // The browser's push prompt, printed into the page: "Site Would Like To Send You Push Notifications."
  short('chrome', /\b(would like to|wants to) send you (push )?notifications\b|\b(allow|enable|turn on) (push )?notifications\b|\bpush-?(benachrichtigungen|mitteilungen)\b|\bnotifications push\b/),
  // The fields of a form printed as text: "To Email is Required. A valid email address is required.",
  // "Required fields are marked *".
  short('chrome', /\ba valid e-?mail( address)? is required\b|\brequired fields are marked\b|\bpflichtfelder sind mit\b|\bles champs obligatoires sont\b|\blos campos obligatorios están\b/),
  short('chrome', /\b(we use cookies|this (web)?site uses cookies|cookie (policy|settings|preferences)|accept (all )?cookies|verwendet cookies|verwenden cookies|nutzen cookies|utilise des cookies|utilisons des cookies|utiliza cookies|utilizamos cookies|używa(my)? plików cookies|korzystamy z (plików )?cookies)\b/),
  // Cookie dialogs explain themselves at length, tables included: "cookie" thrice, with the words of
  // consent and browsing (a recipe for cookies has the one, not the other).
  anywhere('chrome', /\bcookies?\b(?:[\s\S]*?\bcookies?\b){2}/, /\b(website|webseite|browser|consent|privacy|datenschutz|einwilligung|zustimmung|tracking|analytics|navigateur|navegador|przeglądark\p{L}*|prywatności)\b/u),
  // One-word page furniture: tag and category captions, file and shop buttons. Dropped from the
  // body, but weighed like any short line: shop boxes stand inside articles too.
  label('furniture', /^(tags|schlagwörter|schlagworte|stichwörter|etiquetas|étiquettes|tagi|kategorien|categories|pdf|drucken|beitragsbild|zum shop|direkt zu|zusatzinformationen|originalbeitrag)\s*:?$/),
  start('chrome', /^(privacy policy|terms of (use|service)|impressum|datenschutz|mentions légales|política de privacidad|polityka prywatności)\b/),
]

/** How short (in words) a block must be for `at: 'short'` patterns to count. */
export const SHORT_NOTICE_MAX_WORDS = 60

/** Longest label, in words ("Related articles", "3 Comments", "Share this article"). */
export const LABEL_MAX_WORDS = 10

/**
 * The families a block's text belongs to, in table order. `shortLimit` is the longest block (in
 * words) in which `at: 'short'` patterns count.
 */
/**
 * "(C)" before a word or a year is how html2text (for `&copy;`) and plain-ASCII writers spell ©; read as
 * the sign, so that copyright and credit lines are known whichever way they were written. Upper case
 * only: "(c)" in lower case is as often the third point of a list.
 */
const ASCII_COPYRIGHT = /(?<![\p{L}\p{N}])\(C\)(?=\s*[\p{L}\p{N}])/gu

export function familiesOf(text: string, words: number, shortLimit = SHORT_NOTICE_MAX_WORDS): Family[] {
  const folded = text.replace(ASCII_COPYRIGHT, '©').toLowerCase().replace(/^[\s*_>#-]+/, '')
  // A block whose first line is a label ("Comments\nJane: …") is labelled by that line.
  const firstLine = folded.includes('\n') ? folded.slice(0, folded.indexOf('\n')).trim() : undefined
  const firstLineIsLabel = firstLine !== undefined && countWords(firstLine) <= LABEL_MAX_WORDS && !SENTENCE_END.test(firstLine)
  const found: Family[] = []
  for (const {family, at, pattern, also} of FAMILY_PATTERNS) {
    if (found.includes(family)) continue
    if (also && !also.test(folded)) continue
    if (at === 'label' && firstLineIsLabel && pattern.test(firstLine)) found.push(family)
    else if (at === 'short' && words > shortLimit) continue
    else if (at === 'label' && (words > LABEL_MAX_WORDS || SENTENCE_END.test(folded))) continue
    else if (pattern.test(folded)) found.push(family)
  }
  return found
}

/** Tokens of program text: braces, semicolons, operators, comments, keywords, calls ("x.write("). */
const CODE_TOKEN = /[{};]|&&|\|\||[!=]==?|\/\/|=>|\b(?:var|let|const|function|return|typeof|new|else)\b|\w\.\w+\(|\(\)/gi
/**
 * What only browser script or style sheets say: "document.write", "function f(", "var x =", "@media",
 * "{ color: red;". Every repetition is bounded or anchored, so a long block cannot make it backtrack.
 */
const SCRIPT_MARKER = /\b(?:document|window|navigator)\.\w|\bfunction(?:\s+\w+)?\s*\(|\bvar\s+\w+\s*=|<\/?script\b|\$\(|@media\b|\{\s*[a-z-]{1,40}\s*:\s*[^{};\n]{1,80};/i
/**
 * Code tokens per word (words as countWords counts them: "document.all" is two) from which a block
 * with a script marker is program text: leaked scripts in the corpus read 0.22–0.52, prose that names
 * a call 0.00–0.04.
 */
const SCRIPT_TOKENS_PER_WORD = 0.2
const SCRIPT_MIN_WORDS = 8

/**
 * Whether a block is browser script or style that a scraper kept as text ("') //write out tooltip
 * DIV document.write('') var ie=document.all …"). An article about programming names the same
 * calls, but in sentences: code tokens stay few per word there. Code blocks are left alone: a page
 * sets its code samples in them on purpose.
 */
export function looksLikeScript(text: string, words: number): boolean {
  if (words < SCRIPT_MIN_WORDS || !SCRIPT_MARKER.test(text)) return false
  return (text.match(CODE_TOKEN)?.length ?? 0) >= words * SCRIPT_TOKENS_PER_WORD
}

/** Chrome, or script kept as text: what is never the page's text, wherever it stands. */
export function isChromeOrScript(families: readonly Family[]): boolean {
  return families.includes('chrome') || families.includes('script')
}

/** How many distinct patterns of `family` the text matches: one mention of "newsletter" is not an appeal. */
export function familyHits(text: string, family: Family): number {
  const folded = text.toLowerCase()
  return FAMILY_PATTERNS.filter((p) => p.family === family && p.pattern.test(folded)).length
}
