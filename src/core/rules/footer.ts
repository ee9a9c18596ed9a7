/**
 * The footer: end matter after the body. It starts at the first notice of a footer family
 * (attribution, copyright, appeal, disclaimer …) and runs on over plain paragraphs; after the run,
 * only further notices join it. Link rows and menus after the article are removed instead.
 */
import type {ScoredBlock} from '../features.js'
import {familiesOf, FOOTER_FAMILIES} from '../patterns.js'
import {THRESHOLDS} from '../thresholds.js'

export interface FooterDecision {
  index: number
  inFooter: boolean
  rule: string
}

/** A footer-family name for a block after the body, or undefined. */
function footerFamily(block: ScoredBlock): string | undefined {
  // After the body, longer notices count too: a disclaimer is often a paragraph of its own.
  return familiesOf(block.text, block.words, THRESHOLDS.maxFooterNoticeWords).find((f) => FOOTER_FAMILIES.has(f))
}

/** Decides, for every block from `from` to the end, whether it is footer or removed chrome. */
export function findFooter(blocks: readonly ScoredBlock[], from: number): FooterDecision[] {
  const decisions: FooterDecision[] = []
  let inRun = false
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i]
    const family = footerFamily(block)
    if (family) {
      inRun = true
      decisions.push({index: i, inFooter: true, rule: `footer-${family}`})
    } else if (block.kind === 'separator' || block.contentClass === 'empty') {
      decisions.push({index: i, inFooter: false, rule: 'separator'})
    } else if (inRun && block.kind === 'paragraph' && (block.contentClass !== 'links' || block.linkOnly)) {
      decisions.push({index: i, inFooter: true, rule: 'footer-run'})
    } else {
      inRun = false
      decisions.push({index: i, inFooter: false, rule: block.families.includes('related') ? 'related-links' : 'after-article'})
    }
  }
  return decisions
}
