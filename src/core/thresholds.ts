/**
 * Every number the classifier uses, with the reason for it. Word counts are script-neutral
 * (see text.ts), so the same values serve English, German, French, Spanish or Polish pages.
 */
export const THRESHOLDS = {
  /** A block with at least this many words and little link text reads as prose (jusText's "good"). */
  goodWords: 20,
  /** Fewer words than this is a label, a button or a caption (jusText's "short"). */
  shortWords: 8,
  /** Above this share of linked words a block is navigation, not text (boilerpipe's link density). */
  maxLinkDensity: 0.34,
  /** A paragraph this long with clause marks reads as prose even when many of its words are links … */
  linkedProseWords: 40,
  /** … up to this share of linked words. */
  maxLinkedProseDensity: 0.7,
  /** In prose, each linked word counts against the block by this much more than it would for. */
  linkedWordPenalty: 0.5,
  /** A comment's "Posted by: X, 8:07am January 08, 2008" line: each one splits a comment thread from the article. */
  commentMetaPenalty: 20,
  /** Links that make up this much of a block inside the body mark it as a link row to drop. */
  dropLinkDensity: 0.66,
  /** Weight a near-good block (between short and good) adds per word: some prose, some doubt. */
  nearGoodWeightPerWord: 0.5,
  /** Penalty of a short, unlinked block: small, so a subheading between paragraphs never splits the body. */
  shortPenalty: 3,
  /** … and of a short, unlinked item of a list a line ending in a colon introduces: a listicle's facts, not chrome. */
  introducedItemPenalty: 1,
  /** … and, when a list so introduced has at most this many items, of each of its link-only items ("Top picks:" over two products). */
  introducedLinksMaxItems: 3,
  /** Penalty added to the linked words of a navigation block, so even a one-word menu item costs. */
  linkBlockPenalty: 2,
  /** Penalty added to the words of a block in a chrome family (cookie banners, "Skip to content"). */
  chromePenalty: 5,
  /** How many blocks before the body the headline, byline and dateline are looked for. */
  headerLookback: 25,
  /** How many blocks into the body a byline or dateline may still sit (some sites print them after the lead). */
  headerLookahead: 3,
  /** Bylines and datelines are looked for this many blocks before the headline … */
  metaBeforeHeadline: 6,
  /** … and this many after it. */
  metaAfterHeadline: 12,
  /** How far after the body a bare date line still dates the article, in blocks. */
  dateAfterBodyBlocks: 15,
  /** A bare date line: the date and a word or two ("Posted February 10, 2025"). */
  maxBareDateWords: 6,
  /** A date this close to the start of the first paragraph (in characters) dates the article. */
  leadDateMaxOffset: 40,
  /** … looked for in the body's first paragraphs of prose, this many. */
  leadParagraphs: 3,
  /** A bare name line counts as the byline this many blocks from the headline, at most. */
  nameLineReach: 4,
  /** How far after the body a "By …" line still signs the article, in blocks. */
  bylineAfterBodyBlocks: 6,
  /** Longest headline, in words: longer lines are teasers or lead paragraphs. */
  maxHeadlineWords: 40,
  /** Longest dateline, in words: a date line is a date and a name, not a sentence. */
  maxDatelineWords: 16,
  /** … unless it opens with a date label ("Published:"), when it may also carry an update date and a name. */
  maxLabelledDatelineWords: 24,
  /** Footer family notices are recognised in blocks up to this long once the body has ended. */
  maxFooterNoticeWords: 160,
  /** A tag label ("Region", "In-depth Report") has at most this many words. */
  maxTagLabelWords: 4,
  /** Share of a tag line's value words that must be link text. */
  minTagLinkShare: 0.7,
} as const

/**
 * Evidence for "this block is the headline", added up per candidate (header/headline.ts). A heading's
 * level is the strongest sign, then nearness to the body, then repetition (breadcrumbs and page
 * titles repeat the headline) and a byline or date right under it.
 */
export const HEADLINE_WEIGHTS = {
  /** By heading level 1–6; a plain line that looks like a title gets `titleLine`. */
  level: [0, 4, 2.5, 1.5, 0.5, 0.5, 0.5],
  titleLine: 1,
  /** List items are breadcrumbs and menus far more often than titles. */
  listItem: -0.5,
  /** The one h1 of a page is nearly always its title. */
  onlyH1: 1,
  /** 3–25 words is the usual length of a headline. */
  usualLength: 1,
  usualMinWords: 3,
  usualMaxWords: 25,
  /** One or two words are section labels ("News", "Blog"). */
  tooShort: -1.5,
  /** Three words are still more often a label ("Life is Local", "Sports Wire Today") than a title. */
  threeWords: -0.75,
  /** 6–15 words: the bulk of real headlines. */
  typicalLength: 0.5,
  typicalMinWords: 6,
  typicalMaxWords: 15,
  /** ALL CAPITALS is how section labels and kickers are set ("EXPRESS FEATURES SERVICE"). */
  allCaps: -1,
  /** Per content block between the candidate and the body. */
  perBlockAway: -0.08,
  /** Cap on the distance penalty: a far heading can still win on level. */
  maxAwayPenalty: -3,
  /** Inside the body: a subheading, most likely. */
  insideBody: -1.5,
  /** The same text printed elsewhere on the page (breadcrumb, page title). */
  repeated: 1.5,
  /** The text share buttons send along (?text=, &title=): the site's own word for its title. */
  inShareLinks: 3,
  /** A plain title line over a longer plain line (its dek) … */
  dekBelow: 0.5,
  /** … when the title has at least this many words (shorter lines over a title are kickers). */
  dekMinTitleWords: 5,
  /** A title line that opens with its date. */
  datedTitle: 1,
  /** A byline or date line within the next few blocks. */
  metaBelow: 1.5,
  /** How many blocks below to look for the byline or date. */
  metaBelowBlocks: 4,
  /** "Key takeaways:", "In this article:" — labels end with a colon. */
  endsWithColon: -3,
  /** A plain line ending in a full stop is a sentence. */
  sentence: -1.5,
  /** … and a short one mostly a caption or a notice; a few headlines do end with a full stop. */
  shortSentence: -1,
  /** Titles start with a capital, a digit or a quote; "oder berechnen Sie …" or "- Gemeinsam …" is a fragment. */
  lowerCaseStart: -2,
  /** "Visual Abstract. Influenza vaccination …": two sentences are a caption or a teaser. */
  twoSentences: -1,
  /** Headlines are links on teaser pages, but rarely on the article's own page. */
  link: -1.5,
  partlyLinked: -2,
  /** How far before the body candidates are looked for, in blocks. */
  window: 80,
  /** How far into the body a top-level heading is still a candidate, in blocks. */
  deepHeadingReach: 20,
} as const
