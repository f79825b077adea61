#!/bin/sh
# The static checks of `npm test` on the machine's two cores: the linter (the longest, about as long as the three
# others together) in one lane; the type check, then the formatter's check, then the dependency rules in the other.
# Each check's output is printed whole once both lanes have ended, and any failure fails the step.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

lane() {
  for check in "$@"; do
    npm run --silent "$check" >"$dir/$check.log" 2>&1
    echo $? >"$dir/$check.rc"
  done
}

lane lint &
first=$!
lane typecheck format:check lint:deps &
second=$!
wait "$first" "$second"
status=0
for check in typecheck lint format:check lint:deps; do
  rc=$(cat "$dir/$check.rc")
  if [ "$rc" = 0 ]; then echo "✔ $check"; else echo "✘ $check (exit $rc)"; status=1; fi
  cat "$dir/$check.log"
done
exit $status
