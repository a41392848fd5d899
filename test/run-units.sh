#!/bin/sh
# run-units.sh PROGRAM...: run the engine unit programs (test/unit/*.c, built
# by make) with AR_DATADIR at share/, as TAP lines; exit 1 if any failed.
cd "$(dirname "$0")/.." || exit 2
AR_DATADIR=$PWD/share/ar-tools
export AR_DATADIR
status=0 n=0
for u in "$@"; do
	n=$((n + 1))
	if out=$("$u" 2>&1); then
		echo "ok $n unit ${u##*/}: $(echo "$out" | tail -1)"
	else
		echo "not ok $n unit ${u##*/}"
		echo "$out" | sed 's/^/# /'
		status=1
	fi
done
exit $status
