// Types for bin/v8-flags.js (plain JavaScript: bin/ is not compiled), for the tests.
export declare const V8_FLAGS: readonly string[]
export declare const REEXEC_MARKER: string
export declare function missingFlags(execArgv?: readonly string[], env?: NodeJS.ProcessEnv): string[]
export declare function reexecWithFlags(script: string, flags: readonly string[]): Promise<boolean>
export declare function stopWithParent(env?: NodeJS.ProcessEnv): void
