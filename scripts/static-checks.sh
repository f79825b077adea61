#!/bin/sh
# The static checks of `npm test`, two at a time (the machine has two cores and each check uses one): the type check
# beside the linter, then the formatter's check beside the dependency rules. Each check's output is printed whole when
# it ends, and the first failure fails the step after both of its pair have ended.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

pair() {
  (npm run --silent "$1" >"$dir/$1.log" 2>&1; echo $? >"$dir/$1.rc") &
  first=$!
  (npm run --silent "$2" >"$dir/$2.log" 2>&1; echo $? >"$dir/$2.rc") &
  second=$!
  wait "$first" "$second"
  status=0
  for check in "$1" "$2"; do
    rc=$(cat "$dir/$check.rc")
    if [ "$rc" = 0 ]; then echo "✔ $check"; else echo "✘ $check (exit $rc)"; status=1; fi
    cat "$dir/$check.log"
  done
  return $status
}

pair typecheck lint && pair format:check lint:deps
