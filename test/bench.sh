#!/bin/bash
# bench.sh: one table of throughput for every tool, side by side with cat and
# with what a user would run instead, from runs on the same file (medians of
# BENCH_RUNS runs, default 3). Not a test: numbers go to the README by hand.
# Each test/bench/*.sh adds its rows with `row`.
set -u
cd "$(dirname "$0")/.." || exit 2
SHARED=../shared/bench
B=build/bench
RUNS=${BENCH_RUNS:-3}
mkdir -p "$B"
export PATH="$PWD/bin:$PATH" LC_ALL=C.UTF-8

if [ ! -d "$SHARED" ]; then
	echo "bench: ../shared/bench is absent; nothing to measure" >&2
	exit 0
fi

# ant.txt: the ANT corpus repeated to >= 100 MB (plain news text)
if [ ! -s "$B/ant.txt" ]; then
	xz -dc "$SHARED/ant-corpus/ant_v1.1_text.txt.xz" > "$B/ant1.txt"
	for i in 1 2 3 4 5 6 7 8; do cat "$B/ant1.txt"; done > "$B/ant.txt"
	rm -f "$B/ant1.txt"
fi
# news.txt: the scraped pages, each after a "\f" header, repeated to >= 100 MB
if [ ! -s "$B/news.txt" ]; then
	for f in "$SHARED"/news/*_*.txt; do
		printf '\f%s\n' "${f##*/}"; cat "$f"; echo
	done > "$B/news1.txt"
	n=$(( 100000000 / $(wc -c < "$B/news1.txt") + 1 ))
	for i in $(seq "$n"); do cat "$B/news1.txt"; done > "$B/news.txt"
	rm -f "$B/news1.txt"
fi

# measure FILE CMD: median "seconds maxrss_kb" of RUNS runs of CMD < FILE,
# with the output going into a pipe (grep stops early on /dev/null).
# Seconds come from the clock in nanoseconds (time's %e has 10 ms steps,
# too coarse for a tenth of a second), peak memory from time's %M.
measure() {
	local file=$1 cmd=$2 i t0 t1
	for i in $(seq "$RUNS"); do
		t0=$(date +%s%N)
		/usr/bin/time -f '%M' -o "$B/time.out" \
			bash -o pipefail -c "$cmd < '$file' | cat > /dev/null" 2>/dev/null
		[ $? -lt 2 ] || echo "bench: failed: $cmd" >&2
		t1=$(date +%s%N)
		echo "$(( (t1 - t0) / 1000000 )) $(tail -1 "$B/time.out")"
	done | sort -n | awk '{ a[NR] = $0 } END { split(a[int((NR + 1) / 2)], f, " "); printf "%.3f %s\n", f[1] / 1000, f[2] }'
}

declare -A CAT
MB() { awk -v b="$(wc -c < "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }

printf '%-13s %-44s %9s %8s %-34s %9s %9s\n' tool command MB/s x-cat "instead (MB/s)" x-instead "peak RSS"
# row TOOL FILE OURCMD ALTNAME ALTCMD [LABEL]: one line of the table. ALTCMD
# may be "" when there is nothing to compare with. Throughput of all three
# on FILE. LABEL, shown instead of OURCMD, may say more than the command.
row() {
	local tool=$1 file=$2 ours=$3 altname=$4 alt=$5 label=${6:-$3} mb t rss ct at x xa
	mb=$(MB "$file")
	if [ -z "${CAT[$file]:-}" ]; then
		CAT[$file]=$(measure "$file" cat | cut -d' ' -f1)
	fi
	ct=${CAT[$file]}
	read -r t rss <<< "$(measure "$file" "$ours")"
	if [ -n "$alt" ]; then
		at=$(measure "$file" "$alt" | cut -d' ' -f1)
	else
		at=
	fi
	awk -v tool="$tool" -v cmd="$label" -v mb="$mb" -v t="$t" -v ct="$ct" \
	    -v an="$altname" -v at="$at" -v rss="$rss" 'BEGIN {
		if (t <= 0) t = 0.01; if (ct <= 0) ct = 0.01
		s = mb / t
		alt = at == "" ? "-" : sprintf("%s (%.1f)", an, mb / (at > 0 ? at : 0.01))
		xa = at == "" ? "-" : sprintf("%.1fx", (at > 0 ? at : 0.01) / t)
		printf "%-13s %-44s %9.1f %7.2fx %-34s %9s %7.1fMB\n", tool, substr(cmd, 1, 44), s, ct / t, alt, xa, rss / 1024
	}'
}

echo "# $(uname -m), $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); files: ant.txt $(MB "$B/ant.txt") MB, news.txt $(MB "$B/news.txt") MB; medians of $RUNS runs"
for f in test/bench/*.sh; do
	[ -e "$f" ] || continue
	# shellcheck source=/dev/null
	. "$f"
done
