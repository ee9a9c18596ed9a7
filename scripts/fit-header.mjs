#!/usr/bin/env node
// Fits the weights of the byline evidence (src/core/header/weights.ts) on a corpus with author gold.
//
// For every page of the fitting families, the header unit lists its byline candidates with their
// evidence (src/core/header/candidates.ts, evidence.ts); each candidate's target is the author F1 of
// its names against the gold. The model is a conditional logit over the page's candidates plus "no
// byline" (score 0): P(candidate) = exp(score) / (1 + Σ exp(scores)), score = Σ weight × evidence;
// the loss is the cross-entropy against the targets (the candidates with the best F1 share the
// probability; "no byline" when none is right), plus an L2 penalty on each weight's distance from its
// hand-set prior (src/core/header/prior.ts). Then it prints, for the fitting
// families and for the held-out ones, the author F1 the top candidate would get.
//
// usage: npm run build && node scripts/fit-header.mjs CORPUS_DIR [--fit wcxb,tf] [--report fd] [--none-families wcxb] [--l2 100] [--cache FILE] [--misses] [--current] [--write]
// --write replaces src/core/header/weights.ts; without it the weights are printed only. --current scores
// the weights in the build (dist) instead of fitting.
import {readdirSync, readFileSync, writeFileSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {normalizeText} from '../dist/core/normalize.js'
import {needsHtmlConverter, readHtml} from '../dist/core/html.js'
import '../dist/core/html-convert.js'
import {guardMarkdown} from '../dist/core/guard.js'
import {readDialect} from '../dist/core/dialect/index.js'
import {splitNavigation, mergeBlocks} from '../dist/core/navigation.js'
import {parseMarkdown} from '../dist/core/parse.js'
import {toBlocks} from '../dist/core/blocks.js'
import {scoreBlocks} from '../dist/core/features.js'
import {classify} from '../dist/core/classify.js'
import {bylinePlaces} from '../dist/core/header/find.js'
import {bylineCandidates} from '../dist/core/header/candidates.js'
import {bylineEvidence} from '../dist/core/header/evidence.js'
import {authorsF1, hasAuthors} from '../dist/eval/metrics.js'
import {decode} from '../dist/decode.js'
import {BYLINE_WEIGHTS} from '../dist/core/header/weights.js'
import {BYLINE_PRIOR} from '../dist/core/header/prior.js'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : fallback
}
const corpus = args[0]
if (!corpus || !existsSync(corpus)) {
  console.error('usage: node scripts/fit-header.mjs CORPUS_DIR [--fit wcxb,tf] [--report fd] [--l2 0.02] [--write]')
  process.exit(2)
}
const fitFamilies = option('--fit', 'wcxb,tf').split(',')
const reportFamilies = option('--report', 'fd').split(',')
const l2 = Number(option('--l2', '100'))
const noneFamilies = option('--none-families', 'wcxb').split(',')
/** How much a page without an author counts in the loss, against 1 for a page with one. */
const noneWeight = Number(option('--none-weight', '1'))
const ITERATIONS = 3000
const LEARNING_RATE = 0.05

/** The blocks of a page, as extract() makes them (src/extract.ts: keep these steps in step with it). */
function blocksOf(text) {
  const normalized = normalizeText(text)
  const html = needsHtmlConverter(normalized, 'auto') ? readHtml(normalized) : undefined
  const source = html ? html.markdown : readDialect(normalized, 'auto').markdown
  const {markdown, navigation} = splitNavigation(guardMarkdown(source))
  return scoreBlocks(mergeBlocks(toBlocks(parseMarkdown(markdown)), navigation))
}

/** One page: its candidates' evidence and targets. */
function pageOf(dir) {
  const gold = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'))
  // A page whose gold leaves the authors out says "no author" only where its family's gold always
  // lists them when there are some (--none-families); elsewhere it says nothing.
  const none = !gold.authors && noneFamilies.includes(familyOf(dir.split('/').pop()))
  if (!none && (!gold.authors || !hasAuthors(gold.authors) || gold.reachable?.authors === false)) return undefined
  const input = readdirSync(dir).find((f) => /^input\./.test(f))
  const blocks = blocksOf(decode(readFileSync(join(dir, input))).text)
  const {header, body} = classify(blocks)
  const hasBody = body.end >= body.start
  const {places} = bylinePlaces(blocks, header.headline?.index, hasBody ? body.start : blocks.length, hasBody ? body.end : blocks.length)
  const all = bylineCandidates(blocks, places)
  const candidates = all.map((c) => ({evidence: bylineEvidence(blocks, c, places, all), target: none ? 0 : authorsF1(c.authors, gold.authors)}))
  return {name: dir.split('/').pop(), none, candidates}
}

const familyOf = (name) => name.split('-')[0]
const pages = {fit: [], report: []}
// --cache FILE: the pages' candidates are read from FILE when it exists, else written to it (delete it after changing the evidence).
const cache = option('--cache', undefined)
const all = cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : undefined
const listed = all ?? []
if (!all) {
  for (const name of readdirSync(corpus).sort()) {
    if (![...fitFamilies, ...reportFamilies].includes(familyOf(name)) || !existsSync(join(corpus, name, 'expected.json'))) continue
    const page = pageOf(join(corpus, name))
    if (page) listed.push(page)
  }
  if (cache) writeFileSync(cache, JSON.stringify(listed))
}
for (const page of listed) {
  if (fitFamilies.includes(familyOf(page.name))) pages.fit.push(page)
  else if (reportFamilies.includes(familyOf(page.name))) pages.report.push(page)
}

const names = [...new Set([...Object.keys(BYLINE_PRIOR), ...pages.fit.flatMap((p) => p.candidates.flatMap((c) => Object.keys(c.evidence)))])].sort()
const prior = (n) => BYLINE_PRIOR[n] ?? 0
const score = (w, evidence) => Object.entries(evidence).reduce((s, [k, v]) => s + (w[k] ?? 0) * v, 0)

/** Loss and gradient of the conditional logit with a "no byline" option, over `set`. */
function lossAndGradient(w, set, l2) {
  const grad = Object.fromEntries(names.map((n) => [n, 2 * l2 * (w[n] - prior(n))]))
  let loss = names.reduce((s, n) => s + l2 * (w[n] - prior(n)) ** 2, 0)
  for (const {candidates, none: pageHasNone} of set) {
    const weight = pageHasNone ? noneWeight : 1
    const scores = candidates.map((c) => score(w, c.evidence))
    const top = Math.max(0, ...scores)
    const exp = scores.map((s) => Math.exp(s - top))
    const none = Math.exp(-top)
    const total = none + exp.reduce((a, b) => a + b, 0)
    const bestTarget = Math.max(0, ...candidates.map((c) => c.target))
    const targets = candidates.map((c) => (bestTarget > 0 && c.target === bestTarget ? 1 : 0))
    const count = targets.reduce((a, b) => a + b, 0)
    const q = count ? targets.map((t) => t / count) : targets
    const qNone = count ? 0 : 1
    loss -= weight * (qNone * Math.log(none / total) + q.reduce((s, qi, i) => s + (qi ? qi * Math.log(exp[i] / total) : 0), 0))
    candidates.forEach((c, i) => {
      const delta = weight * (exp[i] / total - q[i])
      for (const [k, v] of Object.entries(c.evidence)) if (k in grad) grad[k] += delta * v
    })
  }
  return {loss, grad}
}

/** Fits the weights on `set` with Adam, starting from the prior. */
function fit(set, l2) {
  const w = Object.fromEntries(names.map((n) => [n, prior(n)]))
  const m = Object.fromEntries(names.map((n) => [n, 0]))
  const v = Object.fromEntries(names.map((n) => [n, 0]))
  let loss
  for (let t = 1; t <= ITERATIONS; t++) {
    const result = lossAndGradient(w, set, l2)
    loss = result.loss
    for (const n of names) {
      m[n] = 0.9 * m[n] + 0.1 * result.grad[n]
      v[n] = 0.999 * v[n] + 0.001 * result.grad[n] ** 2
      w[n] -= (LEARNING_RATE * (m[n] / (1 - 0.9 ** t))) / (Math.sqrt(v[n] / (1 - 0.999 ** t)) + 1e-8)
    }
  }
  return {w, loss}
}

// --cv: five-fold cross-validation over the fitting pages for each L2 in the list, to choose it
// without the held-out families.
const FOLDS = 5
if (args.includes('--cv')) {
  for (const candidateL2 of [1, 3, 10, 30, 100, 1000]) {
    let sum = 0
    let count = 0
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = pages.fit.filter((_, i) => i % FOLDS !== fold)
      const test = pages.fit.filter((_, i) => i % FOLDS === fold)
      const fitted = fit(train, candidateL2).w
      const withAuthor = test.filter((p) => !p.none)
      sum += topF1With(fitted, withAuthor) * withAuthor.length
      count += withAuthor.length
    }
    console.log(`cv l2 ${candidateL2}: top-candidate author F1 ${(sum / count).toFixed(3)}`)
  }
  process.exit(0)
}

const current = args.includes('--current')
const fitted = current ? {w: {...Object.fromEntries(names.map((n) => [n, 0])), ...BYLINE_WEIGHTS}, loss: lossAndGradient({...Object.fromEntries(names.map((n) => [n, 0])), ...BYLINE_WEIGHTS}, pages.fit, l2).loss} : fit(pages.fit, l2)
const w = fitted.w
const last = fitted.loss

/** The author F1 the top candidate gets on each page (none when no score is above zero), averaged. */
function topF1With(weights, set) {
  if (!set.length) return null
  let sum = 0
  for (const {candidates} of set) {
    let bestScore = 0
    let target = 0
    for (const c of candidates) {
      const s = score(weights, c.evidence)
      if (s > bestScore) [bestScore, target] = [s, c.target]
    }
    sum += target
  }
  return sum / set.length
}
const topF1 = (all) => topF1With(w, all.filter((p) => !p.none))

/** Share of pages where some candidate names an author at all: what no weighting can pass. */
const reachable = (all) => {
  const set = all.filter((p) => !p.none)
  return set.length ? set.filter((p) => p.candidates.some((c) => c.target > 0)).length / set.length : null
}

/** On the pages whose gold says "no author", the share that get one. */
function falseRate(set) {
  const nones = set.filter((p) => p.none)
  return nones.length ? nones.filter((p) => p.candidates.some((c) => score(w, c.evidence) > 0)).length / nones.length : null
}

/** --misses: the fitting pages where a right candidate exists and another (or none) wins. Never the held-out ones. */
function misses() {
  for (const page of pages.fit) {
    const scored = page.candidates.map((c) => ({...c, s: score(w, c.evidence)}))
    const top = scored.reduce((a, c) => (c.s > (a?.s ?? 0) ? c : a), undefined)
    const right = scored.filter((c) => c.target > 0).sort((a, b) => b.s - a.s)[0]
    if (right && (top?.target ?? 0) < right.target) console.log(`${page.name}: top ${top ? `${top.s.toFixed(2)} ${Object.keys(top.evidence).join(',')}` : 'none'}\n    right ${right.s.toFixed(2)} ${Object.keys(right.evidence).join(',')}`)
  }
}

const rounded = Object.fromEntries(names.map((n) => [n, Math.round(w[n] * 100) / 100]).filter(([, x]) => x !== 0))
console.log(`pages: fit ${pages.fit.length} (${fitFamilies}; ${pages.fit.filter((p) => p.none).length} without an author), report ${pages.report.length} (${reportFamilies}); loss ${last.toFixed(2)}; l2 ${l2}`)
console.log(`top-candidate author F1: fit ${topF1(pages.fit)?.toFixed(3)}, report ${topF1(pages.report)?.toFixed(3)}; a right candidate exists: fit ${reachable(pages.fit)?.toFixed(3)}, report ${reachable(pages.report)?.toFixed(3)}`)
console.log(`authors given on pages whose gold has none: fit ${falseRate(pages.fit)?.toFixed(3)} of ${pages.fit.filter((p) => p.none).length}`)
if (args.includes('--misses')) misses()
for (const [n, x] of Object.entries(rounded).sort((a, b) => b[1] - a[1])) console.log(`  ${n.padEnd(32)} ${x.toFixed(2)}`)

if (args.includes('--write')) {
  const body = Object.entries(rounded)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([n, x]) => `  '${n}': ${x},`)
    .join('\n')
  writeFileSync(
    'src/core/header/weights.ts',
    `/**
 * The weights of the byline evidence (evidence.ts), one per evidence name; rank.ts adds them up.
 * Written by scripts/fit-header.mjs — do not edit by hand: re-run it (npm run build first).
 * Fitted on ${fitFamilies.join(' + ')} (${pages.fit.length} pages: author gold, or none on ${noneFamilies.join(' + ')}), L2 ${l2}; top-candidate author F1
 * ${topF1(pages.fit).toFixed(3)} there, ${topF1(pages.report)?.toFixed(3)} on ${reportFamilies.join(' + ')} (${pages.report.length} pages, not fitted).
 */
import type {Weights} from './rank.js'

export const BYLINE_WEIGHTS: Weights = {
${body}
}
`,
  )
  console.log('wrote src/core/header/weights.ts')
}
