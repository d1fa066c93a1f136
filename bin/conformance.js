#!/usr/bin/env node
// The `conformance` command. A committed file with its run bit, not the compiler's output: the build
// empties dist/ and tsc writes files without the run bit, so a bin pointing into dist/ would stop
// being runnable after every build.
import '../dist/src/cli.js';
