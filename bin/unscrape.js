#!/usr/bin/env -S node --single-threaded-gc --interrupt-budget=1000000
// The built CLI lives in dist/; `npm ci` builds it through the `prepare` script.
// V8 flags (README, Performance; scripts/bench.mjs reads them from this line):
// --single-threaded-gc: the parser allocates heavily and V8's helper GC threads compete with the
// worker threads for the same cores; measured 25% faster with one job and 35% with two.
// --interrupt-budget: the parser makes fresh closures for every construct it tries, and with the
// default budget (66 KB of bytecode) V8 recompiles them with TurboFan again and again on a
// background thread, a third of a second core; 1 MB spends that budget on work: --jobs 2 is 15%
// faster, --jobs 1 the same.
import {main} from '../dist/cli/main.js'

main(process.argv)
