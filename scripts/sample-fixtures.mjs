#!/usr/bin/env node
// Copies a representative sample of a corpus into fixtures/: every case of the `seed` and `gr`
// families and every Nth case of the others, input and gold unchanged.
// usage: node scripts/sample-fixtures.mjs CORPUS_DIR [PER_FAMILY]
import {cpSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

const [corpus, perFamilyArg = '27'] = process.argv.slice(2)
const perFamily = Number(perFamilyArg)
const cases = readdirSync(corpus).sort()
const families = new Map()
for (const name of cases) {
  const family = name.split('-')[0]
  families.set(family, [...(families.get(family) ?? []), name])
}
for (const [family, names] of families) {
  const take = family === 'seed' || family === 'gr' ? names : names.filter((_, i) => i % Math.ceil(names.length / perFamily) === 0)
  for (const name of take) {
    for (const file of ['input.md', 'expected.json']) cpSync(join(corpus, name, file), join('fixtures', name, file))
  }
  console.log(`${family}: ${take.length} of ${names.length}`)
}
