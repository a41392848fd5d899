#!/bin/bash
# strip-nav-eval.sh: quality of ar-strip-nav.
#  1. the five seeds (../shared/seeds) against the hand-made gold labels in
#     test/gold/strip-nav/: line-level precision, recall and F1 of kept lines,
#     each seed as a file operand, then all of them glued by `cat *.txt`;
#     main-article body paragraphs lost are listed by name.
#  2. the news bench (../shared/bench/news): share of article lines kept, and
#     share of the site trailers removed. Article lines are the lines from the
#     title on (line 4) with a letter or digit that are not trailers; trailers
#     are found by the regular expressions below, written independently of
#     the tool's rules.
# Usage: test/strip-nav-eval.sh [-v]   (-v lists every miss)
set -u
cd "$(dirname "$0")/.." || exit 2
export LC_ALL=C.UTF-8
BIN=${AR_STRIP_NAV:-bin/ar-strip-nav}
SEEDS=../shared/seeds
NEWS=../shared/bench/news
GOLD=test/gold/strip-nav
V=${1:-}
[ -d "$SEEDS" ] || { echo "eval: $SEEDS is absent" >&2; exit 0; }

# score GOLDFILE EXPLAIN-OUTPUT LABEL: prints "tp fp fn lostbody"
score() {
	awk -F'\t' -v label="$3" -v v="$V" '
	FNR == NR { if ($0 ~ /^b /) { n = substr($0, 3); body[n] = 1 } else n = $0
		gold[n] = 1; next }
	FNR == 1 { next }
	$3 == "K" || $3 == "S" { kept[$2] = 1 }
	END {
		for (n in kept) if (n in gold) tp++; else { fp++; if (v) print "  extra: " label ":" n > "/dev/stderr" }
		for (n in gold) if (!(n in kept)) { fn++; if (n in body) { lost++; print "  LOST body line " label ":" n > "/dev/stderr" } else if (v) print "  missed: " label ":" n > "/dev/stderr" }
		printf "%d %d %d %d\n", tp, fp, fn, lost
	}' "$1" <(printf '%s\n' "$2")
}

f1() { awk -v tp="$1" -v fp="$2" -v fn="$3" 'BEGIN { p = tp / (tp + fp); r = tp / (tp + fn); printf "P %.3f  R %.3f  F1 %.3f", p, r, 2 * p * r / (p + r) }'; }

echo "== seeds, one file each"
T=0 P=0 N=0 L=0
for g in "$GOLD"/*.keep; do
	b=${g##*/}; b=${b%.keep}
	read -r tp fp fn lost <<< "$(score "$g" "$("$BIN" --tsv "$SEEDS/$b.txt")" "$b")"
	printf '%-26s tp %3d fp %2d fn %2d  %s  body lost %d\n' "$b" "$tp" "$fp" "$fn" "$(f1 "$tp" "$fp" "$fn")" "$lost"
	T=$((T + tp)) P=$((P + fp)) N=$((N + fn)) L=$((L + lost))
done
printf '%-26s tp %3d fp %2d fn %2d  %s  body lost %d\n' "ALL (micro)" "$T" "$P" "$N" "$(f1 "$T" "$P" "$N")" "$L"

echo "== seeds glued: cat *.txt | ar-strip-nav"
# gold in the numbering of the glued stream: file i+1 starts on the last line of file i
G=$(mktemp); trap 'rm -f "$G"' EXIT
off=0
for g in "$GOLD"/*.keep; do
	b=${g##*/}; b=${b%.keep}
	lines=$(( $(wc -l < "$SEEDS/$b.txt") + 1 ))
	awk -v off="$off" '{ if ($1 == "b") print "b " ($2 + off); else print $1 + off }' "$g"
	off=$((off + lines - 1))
done > "$G"
read -r tp fp fn lost <<< "$(score "$G" "$(cat "$SEEDS"/*.txt | "$BIN" --tsv)" glued)"
printf '%-26s tp %3d fp %2d fn %2d  %s  body lost %d\n' "glued" "$tp" "$fp" "$fn" "$(f1 "$tp" "$fp" "$fn")" "$lost"

[ -d "$NEWS" ] || exit 0
echo "== news bench: $(ls "$NEWS"/*_*.txt | wc -l) pages"
TRAILER='^[[:space:]]*//[[:space:]]*(انتهى|يتبع)[[:space:]]*//[[:space:]]*$|^[[:space:]]*[0-9]+:[0-9]+ ت (م|ص)[[:space:]]*$|Next Previous|(^[[:space:]]*|(\.|!|>|؟) )سمات |^[[:space:]]*\.\.\.المزيد[[:space:]]*$|^[[:space:]]*رابط الخبر|[A-Za-z0-9._-]+@ ?[A-Za-z0-9-]+\.[a-z]|للتواصل مع الكاتب|^[[:space:]]*للتواصل أرسل|^[[:space:]]*ثم الرسالة[[:space:]]*$|^[[:space:]]*تبدأ بالرمز|^[[:space:]]*[0-9]+ - (Stc|Mobily|Zain)[[:space:]]*$|^[[:space:]]*(تويتر:? )?@[A-Za-z0-9_]+[[:space:]]*$'
# (mawk has no multibyte brackets: Arabic letters as byte ranges)
AR=$(printf '[A-Za-z0-9]|\330[\241-\272]|\331[\201-\212]')
for f in "$NEWS"/*_*.txt; do
	"$BIN" --tsv "$f" | awk -F'\t' -v name="${f##*/}" -v re="$TRAILER" -v ar="$AR" -v v="$V" '
	FNR == 1 { next }
	{
		text = $5
		for (i = 6; i <= NF; i++) text = text "\t" $i
		if ($2 < 4 || text !~ ar) next
		if (text ~ re) { tr++; if ($3 != "K") trd++; else if (v) print "  trailer kept: " name ":" $2 ": " substr(text, 1, 80) > "/dev/stderr"; next }
		art++
		if ($3 != "D") ak++; else if (v) print "  article line dropped: " name ":" $2 " (" $4 "): " substr(text, 1, 80) > "/dev/stderr"
	}
	END { print art + 0, ak + 0, tr + 0, trd + 0 }'
done | awk '{ a += $1; k += $2; t += $3; d += $4 } END {
	printf "article lines kept: %d / %d = %.2f%%\n", k, a, 100 * k / a
	printf "trailer lines removed: %d / %d = %.2f%%\n", d, t, 100 * d / t }'
