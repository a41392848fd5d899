#!/bin/sh
# run-bats.sh [UNIT...]: run the engine unit programs, then every suite in
# test/ with TAP output, each result shown as it comes, and end with the
# line "N passed, N failed" (and skipped) that CI counts. Exit 0 only when
# nothing failed.
cd "$(dirname "$0")/.." || exit 2
mkdir -p build
: > build/check.tap
ufail=0
if [ $# -gt 0 ]; then
	sh test/run-units.sh "$@" | tee build/units.tap
	grep -q '^not ok' build/units.tap && ufail=1
	cat build/units.tap >> build/check.tap
fi
# make check -jN: the jobserver's descriptors are not open in the tests
# (bats takes fd 3), so the makes they run would stop; they run serially
if [ -n "${MAKEFLAGS:-}" ]; then
	MAKEFLAGS=$(printf ' %s' "$MAKEFLAGS" | sed -e 's/ --jobserver-[a-z]*=[^ ]*//g' -e 's/ -j[0-9]*//g')
	export MAKEFLAGS
fi
jobs=""
# bats runs files in parallel only with GNU parallel; use it when present
if command -v parallel >/dev/null 2>&1; then
	jobs="--jobs $(nproc 2>/dev/null || echo 2)"
fi
# shellcheck disable=SC2086
{ bats --tap $jobs ${BATS_FILTER:+--filter "$BATS_FILTER"} test/; echo $? > build/bats.rc; } 2>&1 | tee build/bats.tap
rc=$(cat build/bats.rc)
cat build/bats.tap >> build/check.tap
pass=$(grep -c '^ok .*' build/check.tap | tr -d ' ')
skip=$(grep -c '^ok .* # skip' build/check.tap | tr -d ' ')
fail=$(grep -c '^not ok' build/check.tap | tr -d ' ')
pass=$((pass - skip))
# bats itself failed (syntax error, missing library, fewer results than planned)
if [ "$rc" -ne 0 ] && ! grep -q '^not ok' build/bats.tap; then
	fail=$((fail + 1))
	echo "# bats exited $rc without a failing test: counted as one failure"
fi
[ "$ufail" -eq 0 ] || [ "$fail" -gt 0 ] || fail=1
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
