#!/usr/bin/env node
// The `conformance` command. A committed file with its run bit, not the compiler's output: the build
// empties dist/ and writes files without the run bit, so a bin pointing into dist/ would stop being
// runnable after every build. It imports the CLI as esbuild bundled it (dist/bundle/, split so that
// a run still loads only what it uses): one file to read instead of hundreds of modules, which
// shortens the start by about a quarter. dist/src/ holds the same code compiled module by module,
// for the package's entry points.
import '../dist/bundle/cli.js';
