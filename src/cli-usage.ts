/** The text of `conformance --help`. Kept beside the flag table in the README. */
export const runUsage = `Usage: conformance [options]
       conformance serve [options]     (run the reference server alone; see conformance serve --help)

Checks a Zeebe Backup Management API server against its OpenAPI spec and the rules the spec
states in prose. Without --target it tests the embedded reference server.

Options:
  --target URL            base URL of the API, e.g. http://localhost:9600/actuator/backups
  --spec PATH             OpenAPI document to test against (default: the bundled Zeebe 8.2-8.7 spec)
  --profile NAME          hold the server to: spec (default), or zeebe-8.2 ... zeebe-8.10, whose
                          documented departures from the spec become known deviations
  --out DIR               write DIR/junit.xml and DIR/findings.json
  --suite ID              run only this suite (repeatable): smoke
  --timeout DURATION      per-request time limit (default 10s; 500ms, 10s, 2m; a bare number is seconds)
  --max-body-bytes N      read at most N bytes of a response body (default 33554432)
  --seed N                seed of the stateful suite's generator, to replay a failure
  --path P                replay path printed with a stateful failure (with --seed)
  --runs N                stateful runs (default 10)
  --max-commands N        most commands in one stateful run (default 12)
  --settle-timeout DUR    how long a backup may take to complete or fail (default 60s)
  --keep-backups          leave the backups the suite created (default: delete them)
  --negative-runs N       generated invalid requests in the negative suite (default 60)
  --quiet                 print only findings and the summary
  --verbose               print every request and its status
  --version               print the version
  --help                  print this help

Exit codes: 0 conformant, 1 at least one violation, 2 the tool could not judge
(bad flags, invalid spec, target unreachable).`;
