#!/usr/bin/env bash
# After the production profile's tests: fails the build unless the fault tests really ran there
# (a report for each, with tests and none skipped). They skip themselves off the production stack,
# so a misconfigured stack would otherwise leave CI green without them.
#
#   fault-tests-ran.sh REPORTS_DIR IT_TEST
#
# IT_TEST is the build's -Dit.test (Maven passes "${it.test}" as it stands when it is not set): a
# run narrowed to some tests is not checked.
set -euo pipefail

reports=$1
selected=${2:-}
if [ -n "$selected" ] && [ "$selected" != '${it.test}' ]; then
  echo "fault-tests-ran: -Dit.test=$selected narrows the run; not checked"
  exit 0
fi
missing=0
for test in BrokerOutageIT DatabaseOutageIT TwoInstancesIT; do
  report="$reports/TEST-org.lectern.e2e.$test.xml"
  if [ ! -f "$report" ]; then
    echo "fault-tests-ran: $test did not run on the production stack (no $report)"
    missing=1
    continue
  fi
  # the <testsuite> element's counts
  suite=$(grep -m 1 -o '<testsuite [^>]*>' "$report")
  tests=$(sed -E 's/.* tests="([0-9]+)".*/\1/' <<<"$suite")
  skipped=$(sed -E 's/.* skipped="([0-9]+)".*/\1/' <<<"$suite")
  if [ "$tests" = 0 ] || [ "$skipped" != 0 ]; then
    echo "fault-tests-ran: $test ran $tests tests with $skipped skipped on the production stack"
    missing=1
  else
    echo "fault-tests-ran: $test ran $tests tests, none skipped"
  fi
done
exit "$missing"
