#!/bin/sh
# run-bats.sh: run every suite in test/ with TAP output, show it, and end
# with the line "N passed, N failed" (and skipped) that CI counts.
# Exit 0 only when nothing failed.
cd "$(dirname "$0")/.." || exit 2
mkdir -p build
jobs=""
# bats runs files in parallel only with GNU parallel; use it when present
if command -v parallel >/dev/null 2>&1; then
	jobs="--jobs $(nproc 2>/dev/null || echo 2)"
fi
# shellcheck disable=SC2086
bats --tap $jobs ${BATS_FILTER:+--filter "$BATS_FILTER"} test/ > build/check.tap 2>&1
rc=$?
cat build/check.tap
pass=$(grep -c '^ok .*' build/check.tap | tr -d ' ')
skip=$(grep -c '^ok .* # skip' build/check.tap | tr -d ' ')
fail=$(grep -c '^not ok' build/check.tap | tr -d ' ')
pass=$((pass - skip))
if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
	fail=1          # bats itself failed (syntax error, missing library)
	echo "# bats exited $rc without a failing test: counted as one failure"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
