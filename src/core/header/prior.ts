/**
 * The prior of the byline weights: what each piece of evidence is worth before the corpus is
 * consulted, set by hand from how the evidence reads. scripts/fit-header.mjs starts from these and
 * moves a weight away from its prior only as far as the fitting pages pay for (an L2 penalty on the
 * distance), so a rare piece of evidence keeps its prior and a common one finds its level. With the
 * prior alone the ranking is the old cascade: explicit bylines in the header first, then the header's
 * shapes, then the text, the author box, the page.
 */
import type {Weights} from './rank.js'

export const BYLINE_PRIOR: Weights = {
  // How the names were read: a cue word or an author-page link names an author in so many words.
  'reader:cue': 6,
  'reader:label-over-name': 5.5,
  'reader:author-page-link': 5,
  'reader:link-after-date': 4.5,
  'reader:name-with-date': 4,
  'reader:name-with-time-ago': 4,
  'reader:name-with-follow-button': 4,
  'reader:name-with-role': 3.5,
  'reader:name-comma-role': 3,
  'reader:linked-name-list': 3.5,
  // Shapes alone: a name is a byline only where it stands like one (near the headline, beside a date …).
  'reader:author-list': 0.5,
  'reader:name-line': -2.5,
  'reader:agency': -1,
  // A portrait's alt text names its subject; like a bare name line, it is a byline only where it stands like one (beside a date, right under the headline).
  'reader:portrait-alt': -2.5,
  'reader:box-author-page': 5.5,
  'reader:box-labelled-link': 5,
  'reader:box-name-role': 5,
  'reader:box-about': 5,
  'reader:box-name-line': 2.5,
  'reader:signature': 5,
  'reader:signed-on-page': 6,
  'reader:source-credit': 5.5,
  'reader:portrait': 5.2,
  // Away from the header a byline is a fallback.
  'zone:text': -3,
  'zone:box': -4,
  'zone:page': -5,
  'header-names-another': -2,
  // Where it stands and what stands beside it.
  'near-headline': 2,
  'right-under-headline': 1.5,
  'beside-date': 1.5,
  'beside-header-date': 2,
  'role-below': 1.5,
  'picture-above': 1,
  'in-header-strip': 0.5,
  'initials-beside': 1.5,
  'introduced-below': 2,
  'portrait-above': 2,
  'label-above': 2,
  'first-of-its-reader': 0.5,
  'rivals-of-its-reader': -1,
  // Shapes that speak against: words the text uses in lower case, a list item, a heading.
  'common-words': -2,
  // "Updated by", "Edited by", "Photos by": a credit for other work than the writing.
  'credits-other-work': -2.5,
  'list-item': -0.5,
  'heading': -0.5,
}
