#!/bin/sh
# run.sh: build and run the libFuzzer targets (clang, ASan + UBSan), each
# for FUZZ_SECONDS (default 60: a third on inputs under 4 KB, the rest on
# all seeds), and report executions a second and the
# coverage each reached. The targets are test/fuzz/fuzz-*.c: each calls one
# engine of src/lib in process (set up once, then one input), so coverage
# guides the search; several check the engine's invariants too. FUZZ_TOOLS
# names some of them (norm tok kwic nav date ...); tool:ar-NAME runs a
# tool's main() per input in a child (harness.c; slow, unguided). Seeds: the
# fixtures, the samples, the seeds of ../shared, and inputs of several
# hundred KB (whole pages glued, random text). A crash leaves its input in
# build/fuzz/NAME/crash-*: add it to the regression tests. Exit 1 on a crash.
cd "$(dirname "$0")/../.." || exit 2
secs=${FUZZ_SECONDS:-60}
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null 2>&1 || { echo "fuzz: $CC not found (apt-get install clang)" >&2; exit 2; }
mkdir -p build/fuzz
make -s build/data_tab.c || exit 2
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -std=c11 -Isrc/lib $(pkg-config --cflags libutf8proc fribidi 2>/dev/null)"
libs="$(pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc) $(pkg-config --libs fribidi 2>/dev/null || echo -lfribidi) -lm"

seeds=build/fuzz/seeds
if [ ! -d "$seeds" ]; then
	mkdir -p "$seeds"
	find test/fixtures share/ar-tools/samples test/gold/strip-nav/dev -type f -name '*.txt' -size -64k |
		head -300 | while read -r f; do cp "$f" "$seeds/$(echo "$f" | tr / _)"; done
	[ -d ../shared/seeds ] && cp ../shared/seeds/*.txt "$seeds/"
	# big inputs: block boundaries, long lines, many documents
	cat share/ar-tools/samples/*.txt share/ar-tools/samples/*.txt > "$seeds/big-samples"
	for f in test/gold/strip-nav/dev/*.txt; do printf '\f%s\n' "${f##*/}"; cat "$f"; done > "$seeds/big-pages"
	python3 test/tools/randtext.py 1500 11 > "$seeds/big-random" 2>/dev/null || true
	tr '\n' ' ' < "$seeds/big-samples" > "$seeds/big-oneline"
fi

# small inputs (under 4 KB): the speed of the engine itself, many shapes a
# second; the big ones reach block boundaries and long lines
small=build/fuzz/small
if [ ! -d "$small" ]; then
	mkdir -p "$small"
	find "$seeds" -type f -size -4k -exec cp {} "$small/" \;
fi

# run TARGET SECONDS MAXLEN LOG SEEDS: one libFuzzer run; 0 when no crash
run() {
	ASAN_OPTIONS=detect_leaks=0:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=99 \
	    AR_DATADIR="$PWD/share/ar-tools" "$1" -max_total_time="$2" \
	    -max_len="$3" -len_control=20 -rss_limit_mb=4096 -print_final_stats=1 \
	    -dict=test/fuzz/ar.dict -artifact_prefix="${4%/*}/" "${4%/*}/corpus" "$5" > "$4" 2>&1
}

# stats LOG: "executions exec/s coverage" of one run
stats() {
	e=$(sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -1)
	r=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$1" | tail -1)
	c=$(grep -o 'cov: [0-9]*' "$1" | tail -1 | cut -d' ' -f2)
	echo "${e:-?} ${r:-?} ${c:-?}"
}

# tool and the arguments its main() runs with under harness.c
args_for() {
	case $1 in
	ar-kwic)      echo '"-c","--format=json","قره"' ;;
	ar-date)      echo '"--format=json"' ;;
	ar-split)     echo '"--tsv"' ;;
	ar-strip-nav) echo '"--explain"' ;;
	*)            echo '"-H"' ;;
	esac
}

status=0
targets=${FUZZ_TOOLS:-$(for s in test/fuzz/fuzz-*.c; do basename "$s" .c | sed 's/^fuzz-//'; done)}
# a third of the time on small inputs, the rest on all seeds, big ones too
ssecs=$(( (secs + 2) / 3 ))
bsecs=$(( secs - ssecs ))
printf '%-16s %12s %8s %12s %8s %8s %s\n' target small-exec/s cov all-exec/s cov execs result
for t in $targets; do
	out=build/fuzz/$t
	mkdir -p "$out/corpus"
	case $t in
	tool:*)
		tool=${t#tool:}
		# shellcheck disable=SC2086
		$CC $flags -DFUZZ_ARGS="$(args_for "$tool")" -Dmain=ar_tool_main \
		    -o "$out/fuzz" test/fuzz/harness.c "src/$tool.c" src/lib/*.c build/data_tab.c $libs
		;;
	*)
		# shellcheck disable=SC2086
		$CC $flags -o "$out/fuzz" "test/fuzz/fuzz-$t.c" src/lib/*.c build/data_tab.c $libs
		;;
	esac || { echo "fuzz: $t: build failed" >&2; status=1; continue; }
	result=ok
	run "$out/fuzz" "$ssecs" 4096 "$out/log-small" "$small" || result=CRASHED
	if [ $result = ok ] && [ "$bsecs" -gt 0 ]; then
		run "$out/fuzz" "$bsecs" 1048576 "$out/log" "$seeds" || result=CRASHED
	else
		cp "$out/log-small" "$out/log"
	fi
	[ $result = ok ] || status=1
	set -- $(stats "$out/log-small") $(stats "$out/log")
	printf '%-16s %12s %8s %12s %8s %8s %s\n' "$t" "$2" "$3" "$5" "$6" "$(awk -v a="$1" -v b="$4" 'BEGIN { print a + b }')" "$result"
	if [ "$result" != ok ]; then
		echo "fuzz: $t: see $out/log and $out/crash-*" >&2
		grep -m5 -E 'ERROR|runtime error|SUMMARY|deadly signal' "$out/log" >&2
	fi
done
exit $status
