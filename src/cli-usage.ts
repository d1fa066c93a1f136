/** The text of `conformance --help`. Kept beside the flag table in the README. */
export const runUsage = `Usage: conformance [options]
       conformance serve [options]     (run the reference server alone; see conformance serve --help)
       conformance rules [--json]      (list every rule the suite checks; see conformance rules --help)
       conformance compare --target A --against B   (what B answers differently; see conformance compare --help)

Checks a Zeebe Backup Management API server against its OpenAPI spec and the rules the spec
states in prose. Without --target it tests the embedded reference server.

Options:
  --target URL            base URL of the API, e.g. http://localhost:9600/actuator/backups
  --spec PATH             OpenAPI document to test against (default: the bundled Zeebe 8.2-8.7 spec)
  --profile NAME          hold the server to: spec (default), or zeebe-8.2 ... zeebe-8.10, whose
                          documented departures from the spec become known deviations
  --out DIR               write DIR/report.html, DIR/junit.xml, DIR/findings.json and
                          DIR/exchanges.har (every request and response, secrets redacted;
                          the folder is checked writable before the first request)
  --baseline FILE         findings.json of an earlier run: its faults are known and do not fail
                          this run; new ones do, fixed ones are listed
  --suite ID              run only this suite (repeatable): inventory, smoke, stateful, negative
  --timeout DURATION      per-request time limit (default 10s; 500ms, 10s, 2m; a bare number is seconds)
  --max-body-bytes N      read at most N bytes of a response body (default 33554432)
  --seed N                seed of the generated requests (stateful and negative), to replay a failure
  --path P                replay path printed with a stateful failure (with the same --seed and
                          --max-commands)
  --runs N                stateful runs (default 20)
  --max-commands N        most commands in one stateful run (default 12)
  --settle-timeout DUR    how long a backup may take to complete or fail (default 60s)
  --keep-backups          leave the backups the suite created (default: delete them)
  --negative-runs N       generated invalid requests in the negative suite, on top of a fixed
                          list of 61 (default 60)
  --take-huge-ids         let the negative suite take valid ids beyond 2^53, up to 2^63-1 (default:
                          only on the embedded server; such a take blocks every lower id for good)
  --read-only             GET requests only: validate the list and existing backups (safe on production)
  --yes                   agree to take and delete backups on a target that is not on this machine
  --wait-for-target DUR   wait up to this long (at most 60m) for the target to answer before the run
  --id-base N             take backups only at ids >= N (always above the highest existing id)
  --header "Name: value"  send this header with every request (repeatable; values never printed)
  --bearer-token-env VAR  send "Authorization: Bearer $VAR" (the token is read from the environment)
  --ca FILE               trust the certificate authorities in this PEM file
  --insecure              do not verify TLS certificates
  --rate N                at most N requests per second
  --max-duration DUR      stop the whole run after this long (cleanup still runs; reports are partial)
  --suite-timeout DUR     stop each suite after this long
  --quiet                 print only findings and the summary (not with --verbose)
  --verbose               print every request and its status
  --version               print the version
  --help                  print this help

Exit codes: 0 conformant, 1 at least one violation, 2 the tool could not judge
(bad flags, invalid spec, target unreachable or not the API), 130/143 interrupted
(SIGINT/SIGTERM; the run's backups are deleted, the reports marked interrupted).`;

/** The text of `conformance rules --help`. */
export const rulesUsage = `Usage: conformance rules [--json] [--spec PATH]

Lists every rule the suite checks, before any run: its id, severity and title, where the spec
states it (a JSON pointer into the document, and the sentence when the rule is written in prose),
the spec/NOTES.md section on how the suite reads it, and the suites that exercise it. A rule the
document does not state is marked: a run against that document does not check it.

Then every sentence of the document's descriptions (operations, responses, schemas and their
properties), each with the rules that enforce it or the spec/NOTES.md section that says why none
does; a sentence with neither is marked UNDECIDED.

Options:
  --json        print { rules, sentences } as JSON, for tools
  --spec PATH   resolve the pointers in this OpenAPI document (default: the bundled spec)
  --help        print this help`;
