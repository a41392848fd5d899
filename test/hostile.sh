#!/bin/bash
# hostile.sh: every tool on input built to make it fall over or go quadratic.
# Prints size, seconds and peak memory per case; fails a case that crashes
# (exit above 2), takes longer than LIMIT seconds, or whose peak memory is more
# than a small multiple of its longest line. Not a timed unit test: the limits
# are an order of magnitude above what a linear run needs.
set -u
cd "$(dirname "$0")/.." || exit 2
export PATH="$PWD/bin:$PATH" AR_DATADIR="$PWD/share/ar-tools" LC_ALL=C
H=build/hostile
LIMIT=${HOSTILE_LIMIT:-120}
mkdir -p "$H"
fail=0

gen() {   # gen NAME: make the input file once
	local f=$H/$1
	[ -s "$f" ] && return
	case $1 in
	line200m)  yes 'قرة أمس الخميس 2023 ' | head -n 6250000 | tr -d '\n' > "$f.t"; echo >> "$f.t" ;;
	# whole phrases of 32 bytes: a cut inside a letter would be invalid
	# UTF-8, and its repair a copy of the line the check would count
	line256m)  yes 'قرة أمس الخميس 2023 ' | head -n 8388608 | tr -d '\n' > "$f.t"; echo >> "$f.t" ;;
	marks10m)  { printf 'ب'; head -c 20000000 /dev/zero | tr '\0' '\1' | sed 's/\x01/\xd9\x8e/g' | head -c 20000000; echo; } > "$f.t" ;;
	tatweel1m) { printf 'قر'; yes 'ـ' | head -n 1000000 | tr -d '\n'; printf 'ة\n'; } > "$f.t" ;;
	lines1m)   yes 'سطر قصير بلا نهاية' | head -n 1000000 > "$f.t" ;;
	nul)       head -c 20000000 /dev/zero > "$f.t" ;;
	fa1m)      python3 -c 'print("\u0641" * 1000000)' > "$f.t" ;;
	badutf8)   { for i in $(seq 200000); do printf 'a\x80b\xe2\x82c\xc0\xafd\xed\xa0\x80e\xf5f\xf0\x9f\x98g\xff\n'; done; } > "$f.t" ;;
	numbers)   { seq 1 100000 | tr '\n' ' '; echo; } > "$f.t" ;;
	junk)      head -c 50000000 /dev/urandom > "$f.t" ;;
	pats10k)   awk 'BEGIN { for (i = 0; i < 10000; i++) printf "كلمة%d\n", i }' > "$f.t" ;;
	esac
	mv "$f.t" "$f"
}

# run NAME INPUT MAXLINE_MB CMD...: time CMD < INPUT
run() {
	local name=$1 input=$2 maxmb=$3
	shift 3
	[ -x "bin/$name" ] || return 0
	gen "$input"
	local t0 t1 rc secs rss
	t0=$(date +%s.%N)
	/usr/bin/time -f '%M' -o "$H/rss" "$@" < "$H/$input" > /dev/null 2> "$H/err"
	rc=$?
	t1=$(date +%s.%N)
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	rss=$(tail -1 "$H/rss")
	local verdict=ok
	if [ "$rc" -gt 2 ]; then verdict="FAIL (exit $rc)"; fi
	if awk -v s="$secs" -v l="$LIMIT" 'BEGIN { exit !(s > l) }'; then verdict="FAIL (too slow)"; fi
	if [ "$rss" -gt $(( (maxmb * 6 + 64) * 1024 )) ]; then verdict="FAIL (memory)"; fi
	printf '%-34s %-10s %8s MB %7s s %8.1f MB  %s\n' "$*" "$input" \
	    "$(( $(wc -c < "$H/$input") / 1000000 ))" "$secs" "$(echo "$rss / 1024" | bc -l)" "$verdict"
	[ "$verdict" = ok ] || { fail=1; head -3 "$H/err"; }
}

printf '%-34s %-10s %11s %9s %11s\n' command input size time "peak RSS"
for t in ar-norm ar-split ar-strip-nav ar-date; do
	# ar-date reads a line longer than --max-line (64 MB) in pieces and
	# scans windows of it: a 200 MB line in about 140 MB; the limit here,
	# 60 * 6 + 64 = 424 MB, is about twice the line (issue 17)
	# ar-norm and ar-split read a line in parts: a 256 MB line in 70 MB
	# (the limit is MAXMB * 6 + 64); the others hold it
	case $t in
	ar-date) run $t line200m 60 "$t" ;;
	ar-norm|ar-split) run $t line256m 1 "$t" ;;
	*) run $t line200m 200 "$t" ;;
	esac
	run $t marks10m 20 "$t"
	run $t tatweel1m 2 "$t"
	run $t nul 20 "$t"
	run $t nul 20 "$t" -a          # binary refused above; read as text here
	run $t badutf8 1 "$t"
	run $t junk 50 "$t"
done
run ar-split line256m 1 ar-split -w
run ar-strip-nav lines1m 1 ar-strip-nav
run ar-date numbers 1 ar-date
# ar-kwic keeps a window of a long line: a 256 MB line in a few MB (the
# limit is 6 * 1 + 64 MB; it was the line itself)
run ar-kwic line256m 1 ar-kwic قره
run ar-kwic line256m 1 ar-kwic --tsv -e قره -e 'أمس الخميس'
for input in marks10m tatweel1m nul badutf8 junk; do
	run ar-kwic "$input" 200 ar-kwic قره
done
# stars: linear in the word for any number of them (was exponential)
run ar-kwic fa1m 2 ar-kwic 'ف*ف*ف*ف*ب'
# --substring tries every place of the word: each star's piece must not
# search the word again from each (quadratic: 80,000 letters took 7 s, a
# million would take hours); timeout's 124 fails the case
run ar-kwic fa1m 2 timeout 60 ar-kwic --substring 'ف*ب'
run ar-kwic fa1m 2 timeout 60 ar-kwic --substring 'ف*ف*ف*ب'
[ -x bin/ar-kwic ] && gen pats10k
run ar-kwic line256m 1 ar-kwic -f "$H/pats10k"
# ratio NAME MAXRATIO CMD...: peak memory on one 256 MB line, held whole,
# at most MAXRATIO times the line (and 16 MB); a ratio, not a time
ratio() {
	local maxr=$2 rss size verdict=ok
	shift 2
	[ -x "bin/$1" ] || return 0
	gen line256m
	size=$(wc -c < "$H/line256m")
	/usr/bin/time -f '%M' -o "$H/rss" "$@" < "$H/line256m" > /dev/null 2> "$H/err" || verdict="FAIL (exit $?)"
	rss=$(tail -1 "$H/rss")
	awk -v r="$rss" -v s="$size" -v m="$maxr" 'BEGIN { exit !(r * 1024 > m * s + 16 * 1048576) }' \
	    && verdict="FAIL (memory)"
	printf '%-34s %-10s %8s MB %14s %8.1f MB  %s (%.2fx the line)\n' "$*" line256m \
	    "$((size / 1000000))" "" "$(echo "$rss / 1024" | bc -l)" "$verdict" \
	    "$(echo "$rss * 1024 / $size" | bc -l)"
	[ "$verdict" = ok ] || { fail=1; head -3 "$H/err"; }
}
# ar-strip-nav holds a line to decide it: at most twice the line
ratio ar-strip-nav 2 ar-strip-nav --max-line=300M
exit $fail
