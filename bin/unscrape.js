#!/usr/bin/env node
// The built CLI lives in dist/; `npm ci` builds it through the `prepare` script. Started without
// unscrape's V8 flags (bin/v8-flags.js: `node bin/unscrape.js`, npx, a global install), it runs
// itself once more with them and ends as that child ends.
import {fileURLToPath} from 'node:url'
import {missingFlags, reexecWithFlags, stopWithParent} from './v8-flags.js'

const flags = missingFlags()
if (flags.length === 0 || !(await reexecWithFlags(fileURLToPath(import.meta.url), flags))) {
  stopWithParent()
  const {main} = await import('../dist/cli/main.js')
  await main(process.argv)
}
