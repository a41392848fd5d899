#!/bin/sh
# run.sh: build a libFuzzer harness per tool (clang, ASan + UBSan) and run each
# for FUZZ_SECONDS (default 60), seeded with the test fixtures; FUZZ_TOOLS
# names some of them (ar-kwic-many is ar-kwic with 100 patterns). A crash leaves
# its input in build/fuzz/TOOL/crash-*: add it to the tool's regression tests.
# Exit 1 if any tool crashed.
cd "$(dirname "$0")/../.." || exit 2
secs=${FUZZ_SECONDS:-60}
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null 2>&1 || { echo "fuzz: $CC not found (apt-get install clang)" >&2; exit 2; }
mkdir -p build/fuzz
make -s build/data_tab.c || exit 2
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -std=c11 $(pkg-config --cflags libutf8proc 2>/dev/null)"
libs="$(pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc) -lm"

# tool and the arguments it runs with under the fuzzer
args_for() {
	case $1 in
	ar-kwic)      echo '"-c","--format=json","قره"' ;;
	ar-kwic-many) echo '"--tsv","-f","test/bench/places-sy-100.txt"' ;;
	ar-date)      echo '"--format=json"' ;;
	ar-split)     echo '"--tsv"' ;;
	ar-strip-nav) echo '"--explain"' ;;
	*)            echo '"-H"' ;;
	esac
}

# each tool, and ar-kwic once more with 100 patterns (its many-pattern scan)
status=0
for tool in ${FUZZ_TOOLS:-$(for s in src/ar-*.c; do basename "$s" .c; done) ar-kwic-many}; do
	src=src/${tool%-many}.c
	out=build/fuzz/$tool
	mkdir -p "$out/corpus"
	find test/fixtures share/ar-tools/samples -type f -size -64k 2>/dev/null |
		head -200 | while read -r f; do cp "$f" "$out/corpus/" 2>/dev/null; done
	# shellcheck disable=SC2086
	if ! $CC $flags -DFUZZ_ARGS="$(args_for "$tool")" -Dmain=ar_tool_main \
	    -o "$out/fuzz" test/fuzz/harness.c "$src" src/lib/*.c build/data_tab.c $libs; then
		echo "fuzz: $tool: build failed" >&2
		status=1
		continue
	fi
	echo "fuzz: $tool for ${secs}s"
	if ASAN_OPTIONS=detect_leaks=0:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=99 AR_DATADIR="$PWD/share/ar-tools" \
	    "$out/fuzz" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=4096 \
	    -artifact_prefix="$out/" "$out/corpus" > "$out/log" 2>&1; then
		tail -1 "$out/log"
	else
		echo "fuzz: $tool CRASHED; see $out/log and $out/crash-*" >&2
		grep -m5 -E 'ERROR|runtime error|SUMMARY' "$out/log" >&2
		status=1
	fi
done
exit $status
