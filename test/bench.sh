#!/bin/bash
# bench.sh: one table of throughput for every tool, side by side with cat and
# with what a user would run instead, from runs on the same file (medians of
# BENCH_RUNS runs, default 3). Not a test: numbers go to the README by hand.
# Each test/bench/TOOL.sh adds its rows with `row`; BENCH_ONLY=TOOL[,TOOL]
# runs those files alone (ar-norm, pipeline...). The table also goes to
# build/bench/bench.tsv, one row a line with the file, the date, the CPU
# model and the number of cores, so runs on other days or machines can be
# put side by side.
set -u
cd "$(dirname "$0")/.." || exit 2
SHARED=../shared/bench
B=build/bench
RUNS=${BENCH_RUNS:-3}
ONLY=${BENCH_ONLY:-}
mkdir -p "$B"
export PATH="$PWD/bin:$PATH" LC_ALL=C.UTF-8

if [ -n "$ONLY" ]; then
	for t in ${ONLY//,/ }; do
		if [ ! -e "test/bench/$t.sh" ]; then
			echo "bench: BENCH_ONLY=$t: no test/bench/$t.sh; one of:" $(cd test/bench && ls *.sh | sed 's/\.sh$//') >&2
			exit 2
		fi
	done
fi

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

# measure FILE CMD: median "seconds maxrss_kb" of RUNS runs of CMD < FILE
# (CMD may be a pipeline: all of it reads FILE), with the output going into
# a pipe (grep stops early on /dev/null). Seconds come from the clock in
# nanoseconds (time's %e has 10 ms steps, too coarse for a tenth of a
# second), peak memory from time's %M: the largest single process. A
# command that fails, or writes nothing at all, is reported.
measure() {
	local file=$1 cmd=$2 i t0 t1
	for i in $(seq "$RUNS"); do
		t0=$(date +%s%N)
		/usr/bin/time -f '%M' -o "$B/time.out" \
			bash -o pipefail -c "{ $cmd; } < '$file' | wc -c > '$B/out.bytes'" 2>/dev/null
		[ $? -lt 2 ] || echo "bench: failed: $cmd" >&2
		t1=$(date +%s%N)
		[ "$i" -gt 1 ] || [ "$(cat "$B/out.bytes")" -gt 0 ] || echo "bench: no output: $cmd" >&2
		echo "$(( (t1 - t0) / 1000000 )) $(tail -1 "$B/time.out")"
	done | sort -n | awk '{ a[NR] = $0 } END { split(a[int((NR + 1) / 2)], f, " "); printf "%.3f %s\n", f[1] / 1000, f[2] }'
}

declare -A CAT
MB() { awk -v b="$(wc -c < "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }

DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
export CPU
NPROC=$(nproc)
TSV="$B/bench.tsv"
printf 'tool\tcommand\tmb_s\tx_cat\talternative\talt_mb_s\tx_alternative\tpeak_rss_mb\tfile\tfile_mb\tdate\tcpu\tnproc\n' > "$TSV.tmp"

printf '%-13s %-44s %9s %8s %-34s %9s %9s\n' tool command MB/s x-cat "instead (MB/s)" x-instead "peak RSS"
# row TOOL FILE OURCMD ALTNAME ALTCMD [LABEL]: one line of the table. ALTCMD
# may be "" when there is nothing to compare with. Throughput of all three
# on FILE. LABEL, shown instead of OURCMD, may say more than the command;
# the TSV has the command itself.
row() {
	local tool=$1 file=$2 ours=$3 altname=$4 alt=$5 label=${6:-$3} mb t rss ct at
	mb=$(MB "$file")
	if [ -z "${CAT[$file]:-}" ]; then
		# one read first: a file not read for hours is on disk, not in
		# the page cache, and cat would time the disk
		cat "$file" > /dev/null
		CAT[$file]=$(measure "$file" cat | cut -d' ' -f1)
	fi
	ct=${CAT[$file]}
	read -r t rss <<< "$(measure "$file" "$ours")"
	if [ -n "$alt" ]; then
		at=$(measure "$file" "$alt" | cut -d' ' -f1)
	else
		at=
	fi
	# strings through the environment: awk -v would turn \f into a form feed
	R_TOOL=$tool R_LABEL=$label R_OURS=$ours R_ALT=$altname R_FILE=$file \
	awk -v mb="$mb" -v t="$t" -v ct="$ct" -v at="$at" -v rss="$rss" \
	    -v date="$DATE" -v nproc="$NPROC" -v tsv="$TSV.tmp" '
	# pad S to W characters (not bytes: the commands hold Arabic)
	function pad(s, w,    c, n) {
		c = s
		n = length(s) - gsub(/[\200-\277]/, "", c)
		while (n++ < w)
			s = s " "
		return s
	}
	BEGIN {
		tool = ENVIRON["R_TOOL"]; cmd = ENVIRON["R_LABEL"]; ours = ENVIRON["R_OURS"]
		an = ENVIRON["R_ALT"]; file = ENVIRON["R_FILE"]; cpu = ENVIRON["CPU"]
		if (t <= 0) t = 0.01; if (ct <= 0) ct = 0.01
		s = mb / t
		alt = at == "" ? "-" : sprintf("%s (%.1f)", an, mb / (at > 0 ? at : 0.01))
		xa = at == "" ? "-" : sprintf("%.1fx", (at > 0 ? at : 0.01) / t)
		printf "%s %s %9.1f %7.2fx %s %9s %7.1fMB\n", pad(tool, 13), pad(substr(cmd, 1, 44), 44), s, ct / t, pad(alt, 34), xa, rss / 1024
		printf "%s\t%s\t%.1f\t%.2f\t%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t%s\t%s\n", tool, ours, s, ct / t,
		    at == "" ? "" : an, at == "" ? "" : sprintf("%.1f", mb / (at > 0 ? at : 0.01)),
		    at == "" ? "" : sprintf("%.2f", (at > 0 ? at : 0.01) / t), rss / 1024,
		    file, mb, date, cpu, nproc >> tsv
	}'
}

echo "# $(uname -m), $NPROC cores, $CPU; files: ant.txt $(MB "$B/ant.txt") MB, news.txt $(MB "$B/news.txt") MB; medians of $RUNS runs; $DATE"
for f in test/bench/*.sh; do
	[ -e "$f" ] || continue
	t=${f##*/}
	t=${t%.sh}
	[ -z "$ONLY" ] || [[ ",$ONLY," == *",$t,"* ]] || continue
	# shellcheck source=/dev/null
	. "$f"
done
mv "$TSV.tmp" "$TSV"
echo "# the table as TSV: $TSV"
