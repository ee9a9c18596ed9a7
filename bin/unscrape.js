#!/usr/bin/env -S node --single-threaded-gc
// The built CLI lives in dist/; `npm ci` builds it through the `prepare` script.
// --single-threaded-gc: the parser allocates heavily and V8's helper GC threads compete with the
// worker threads for the same cores; measured 25% faster with one job and 35% with two (README).
import {main} from '../dist/cli/main.js'

main(process.argv)
