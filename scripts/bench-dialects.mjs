#!/usr/bin/env node
// `node scripts/bench-dialects.mjs [CORPUS] [--repeat N]` (also `npm run bench -- --dialects CORPUS`)
//
// Throughput of extract() on the same pages as each converter wrote them: CORPUS/dev and every
// CORPUS/dialects/<name>, over the cases all of them hold (families wcxb, l3s, tf, fd). The dialect
// stage must be linear and cheap, so a dialect's pages should run at least as fast as the native ones.
//
// One process, files read first, the HTML converter loaded (raw HTML inside markdown needs it). The
// dialects take turns within each round, in a rotated order, `--repeat` rounds (3); each dialect's
// figure is its median round. Printed: pages/s and MB/s of input, their ratios to the native files'
// (the same pages, so the same work for the rules; the inputs' sizes differ: html2text's keeps every
// link target, pandoc's raw HTML every attribute, plain text no markup at all), and the share of the
// time spent in the dialect stage itself. Nothing is asserted: the machine is shared.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const corpus = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--repeat') ?? join(ROOT, '../shared/corpus')
const repeat = Number(option('--repeat', '3'))
const FAMILIES = /^(wcxb|l3s|tf|fd)-/
if (!existsSync(join(corpus, 'dev'))) {
  console.error(`bench-dialects: ${corpus}/dev not found (usage: npm run bench -- --dialects CORPUS, the folder that holds dev/ and dialects/)`)
  process.exit(2)
}

const {extract, decode} = await import(join(ROOT, 'dist/index.js'))
const {readDialect} = await import(join(ROOT, 'dist/core/dialect/index.js'))
await import(join(ROOT, 'dist/core/html-convert.js'))

const inputOf = (dir) => {
  if (!existsSync(dir)) return undefined
  const name = readdirSync(dir).find((f) => /^input\./.test(f))
  return name && join(dir, name)
}

const folders = [['native', join(corpus, 'dev')]]
const dialectsDir = join(corpus, 'dialects')
if (existsSync(dialectsDir)) for (const name of readdirSync(dialectsDir).sort()) folders.push([name, join(dialectsDir, name)])

// The cases every folder holds, so that every row reads the same pages.
let cases = readdirSync(join(corpus, 'dev')).filter((c) => FAMILIES.test(c))
for (const [, dir] of folders) cases = cases.filter((c) => inputOf(join(dir, c)))
const rows = folders.map(([name, dir]) => {
  const texts = cases.map((c) => decode(readFileSync(inputOf(join(dir, c)))).text)
  return {name, texts, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), seconds: [], stage: []}
})

// Warm-up: one pass each, so that every dialect's code is compiled before it is timed.
for (const row of rows) for (const text of row.texts.slice(0, 50)) extract(text)
for (let round = 0; round < repeat; round++) {
  for (let k = 0; k < rows.length; k++) {
    const row = rows[(k + round) % rows.length]
    const started = performance.now()
    for (const text of row.texts) extract(text)
    row.seconds.push((performance.now() - started) / 1000)
    // The dialect stage alone, on the same texts (raw HTML converted included).
    const stageStarted = performance.now()
    for (const text of row.texts) readDialect(text)
    row.stage.push((performance.now() - stageStarted) / 1000)
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const native = cases.length / median(rows[0].seconds)
console.log(`extract() on the same ${cases.length} pages as each converter wrote them (median of ${repeat} rounds, one process)`)
console.log('dialect   pages/s    MB/s   input MB   vs native: pages/s   MB/s   dialect stage   rounds (s)')
const nativeMBs = rows[0].bytes / 1e6 / median(rows[0].seconds)
for (const row of rows) {
  const seconds = median(row.seconds)
  const rate = cases.length / seconds
  console.log(
    `${row.name.padEnd(8)} ${rate.toFixed(1).padStart(8)} ${(row.bytes / 1e6 / seconds).toFixed(2).padStart(7)} ${(row.bytes / 1e6).toFixed(1).padStart(10)}` +
      `   ${(rate / native).toFixed(2).padStart(16)}× ${(row.bytes / 1e6 / seconds / nativeMBs).toFixed(2).padStart(5)}×` +
      `   ${((100 * median(row.stage)) / seconds).toFixed(1).padStart(5)} % of it   ${row.seconds.map((s) => s.toFixed(2)).join(' ')}`,
  )
}
