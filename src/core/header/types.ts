/**
 * What the header unit hands to the classifier: the blocks it picked for headline, byline, dateline
 * and tags, each with the rule that picked it.
 */

/** What the header rules found: block indexes and the rule that picked each. */
export interface Header {
  headline?: Pick
  byline?: BylinePick
  dateline?: Pick
  /** A separately printed update line. */
  updated?: Pick
  /** Further date or credit lines of the header (e.g. a source line with its own date). */
  extraDatelines: Pick[]
  /** A body paragraph that opens with the date ("27.1.2022 – Bei der …"), when nothing else dates the page. */
  leadDate?: Pick
  /** Blocks that only label the byline ("Written by"), removed with it. */
  labels: Pick[]
  tags: Pick[]
}

export interface Pick {
  index: number
  rule: string
  /** The evidence that weighed most for a ranked pick, strongest first ("reader:cue +6.00"), for --explain. */
  evidence?: string[]
}

export interface BylinePick extends Pick {
  /** The names read out of the byline. */
  authors: string[]
  /** A block that only labels the byline ("Written by"). */
  label?: number
}
