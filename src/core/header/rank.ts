/**
 * Ranking: one score per candidate, the sum of its evidence times the evidence's weight (a small
 * linear model: weights.ts, fitted by scripts/fit-header.mjs or set by hand). The best candidate
 * wins if its score is above zero — "no byline" scores zero —, the earlier one on a tie.
 */
import type {Evidence} from './evidence.js'

/** Weights by evidence name; a missing name weighs 0. */
export type Weights = Readonly<Record<string, number>>

export function scoreOf(evidence: Evidence, weights: Weights): number {
  let score = 0
  for (const [name, value] of Object.entries(evidence)) score += value * (weights[name] ?? 0)
  return score
}

/** The evidence that moved the score most, strongest first: "cue +2.41", "list-item -1.20". */
export function topEvidence(evidence: Evidence, weights: Weights, count = 4): string[] {
  return Object.entries(evidence)
    .map(([name, value]): [string, number] => [name, value * (weights[name] ?? 0)])
    .filter(([, part]) => part !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, count)
    .map(([name, part]) => `${name} ${part > 0 ? '+' : ''}${part.toFixed(2)}`)
}

export interface Ranked<T> {
  candidate: T
  score: number
  evidence: Evidence
}

/** The best of the candidates whose score is above zero, or undefined. */
export function best<T>(candidates: readonly T[], evidenceOf: (candidate: T) => Evidence, weights: Weights): Ranked<T> | undefined {
  let winner: Ranked<T> | undefined
  for (const candidate of candidates) {
    const evidence = evidenceOf(candidate)
    const score = scoreOf(evidence, weights)
    if (score > 0 && (!winner || score > winner.score)) winner = {candidate, score, evidence}
  }
  return winner
}
