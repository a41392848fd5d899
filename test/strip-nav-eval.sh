#!/bin/bash
# strip-nav-eval.sh: quality of ar-strip-nav.
#  1. the five seeds (../shared/seeds) against the hand-made gold labels in
#     test/gold/strip-nav/: line-level precision, recall and F1 of kept lines,
#     each seed as a file operand, then all of them glued by `cat *.txt`;
#     main-article body paragraphs lost are listed by name.
#  2. the development set test/gold/strip-nav/dev (242 pages of 230 site
#     layouts, every line labelled K or D with its kind): P, R, F1 of kept
#     lines and the share right per kind; then the ANT corpus as a stream of
#     clean articles (share of nonblank lines kept);
#  3. the news bench (../shared/bench/news): share of article lines kept, and
#     share of the site trailers removed. Article lines are the lines from the
#     title on (line 4) with a letter or digit that are not trailers; trailers
#     are found by the regular expressions below, written independently of
#     the tool's rules.
# Usage: test/strip-nav-eval.sh [-v] [--split=all|train|held] [--dev=DIR] [--only=PART,...]
#   -v        list every miss
#   --split   the dev pages scored: all (default), held (every page whose
#             number ends in 3, 6 or 9, kept out of development) or train
#             (the others)
#   --dev     the folder of labelled pages scored as the dev set (default
#             test/gold/strip-nav/dev): a new blind set is scored once with
#             it before it joins the dev set
#   --only    the parts to run: seeds, dev, glued (the dev pages of the split
#             on one standard input, as a crawl), wrapped (the dev pages of
#             the split cut to 76 columns, as text browsers dump them), ant,
#             bench (default all)
set -u
cd "$(dirname "$0")/.." || exit 2
export LC_ALL=C.UTF-8
export AR_DATADIR=${AR_DATADIR:-$PWD/share/ar-tools}
BIN=${AR_STRIP_NAV:-bin/ar-strip-nav}
SEEDS=../shared/seeds
NEWS=../shared/bench/news
GOLD=test/gold/strip-nav
V= SPLIT=all DEV=$GOLD/dev ONLY=seeds,dev,glued,wrapped,ant,bench
for a in "$@"; do
	case $a in
	-v) V=-v ;;
	--split=*) SPLIT=${a#--split=} ;;
	--only=*) ONLY=${a#--only=} ;;
	--dev=*) DEV=${a#--dev=} ;;
	*) echo "usage: $0 [-v] [--split=all|train|held] [--dev=DIR] [--only=seeds,dev,glued,wrapped,ant,bench]" >&2; exit 2 ;;
	esac
done
part() { case ",$ONLY," in *",$1,"*) return 0 ;; esac; return 1; }
# the dev pages of the split
dev_pages() {
	for lab in "$DEV"/*.lab; do
		b=${lab##*/}; num=${b:1:2}
		case $SPLIT:${num: -1} in
		held:[369] | train:[0124578] | all:*) echo "${lab%.lab}.txt" ;;
		esac
	done
}
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

TMPD=$(mktemp -d); trap 'rm -rf "$TMPD"' EXIT
if part seeds; then
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
G=$TMPD/glued.keep
off=0
for g in "$GOLD"/*.keep; do
	b=${g##*/}; b=${b%.keep}
	lines=$(( $(wc -l < "$SEEDS/$b.txt") + 1 ))
	awk -v off="$off" '{ if ($1 == "b") print "b " ($2 + off); else print $1 + off }' "$g"
	off=$((off + lines - 1))
done > "$G"
read -r tp fp fn lost <<< "$(score "$G" "$(cat "$SEEDS"/*.txt | "$BIN" --tsv)" glued)"
printf '%-26s tp %3d fp %2d fn %2d  %s  body lost %d\n' "glued" "$tp" "$fp" "$fn" "$(f1 "$tp" "$fp" "$fn")" "$lost"
fi

# devscore OUT [DIR]: score rows "page<TAB>line:action ..." against the
# labels (of the dev pages, or of DIR)
devscore() {
python3 - "${2:-$DEV}" "$1" "$V" <<'PY'
import sys, collections
gold_dir, out, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "-v"
tp = fp = fn = 0
kinds = collections.defaultdict(lambda: [0, 0])      # kind -> [lines, right]
for row in open(out, encoding="utf-8"):
    name, _, acts = row.rstrip("\n").partition("\t")
    act = {}
    for a in acts.split():
        n, _, v = a.partition(":")
        act[int(n)] = v in ("K", "S")
    labels = open(f"{gold_dir}/{name[:-4]}.lab", encoding="utf-8").read().split("\n")
    if labels and labels[-1] == "":
        labels.pop()
    for i, lab in enumerate(labels, 1):
        if lab == "-":
            continue
        want, _, kind = lab.partition("\t")
        kept = act.get(i, False)
        k = kinds[(want, kind)]
        k[0] += 1
        k[1] += kept == (want == "K")
        if want == "K" and kept: tp += 1
        elif want == "K": fn += 1
        elif kept: fp += 1
        if verbose and kept != (want == "K"):
            print(f"  {'missed' if want == 'K' else 'extra'}: {name}:{i} ({kind})", file=sys.stderr)
p = tp / (tp + fp) if tp + fp else 0
r = tp / (tp + fn) if tp + fn else 0
f = 2 * p * r / (p + r) if p + r else 0
print(f"lines: tp {tp} fp {fp} fn {fn}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
if out.endswith("dev.out"):
    print("by kind (K: share kept, D: share dropped):")
    for (want, kind), (n, right) in sorted(kinds.items(), key=lambda x: (x[0][0] != "K", -x[1][0])):
        print(f"  {want} {kind:<14} {right:>4}/{n:<4} {100.0 * right / n:5.1f}%")
PY
}
PAGES=$(dev_pages)
NPAGES=$(echo "$PAGES" | grep -c .)
if part dev; then
echo "== dev set ($SPLIT): test/gold/strip-nav/dev ($NPAGES pages, labelled by kind), each page a file"
for page in $PAGES; do
	printf '%s\t' "${page##*/}"
	"$BIN" --tsv "$page" | awk -F'\t' 'NR > 1 { printf "%s%s:%s", n++ ? " " : "", $2, $3 }'
	echo
done > "$TMPD/dev.out"
devscore "$TMPD/dev.out"
fi
if part glued; then
echo "== dev set ($SPLIT), the $NPAGES pages in one run (file operands, as a crawl)"
# shellcheck disable=SC2086
"$BIN" --tsv $PAGES | awk -F'\t' 'NR > 1 { d = $1; sub(/#[0-9]+$/, "", d); sub(/.*\//, "", d)
	if (d != cur) { if (cur != "") print ""; cur = d; printf "%s\t", d; n = 0 }
	printf "%s%s:%s", n++ ? " " : "", $2, $3 } END { print "" }' > "$TMPD/run.out"
devscore "$TMPD/run.out"
fi

if part wrapped; then
# the dev pages as a text browser dumps them: every line cut to 76 columns
# at spaces, then the same indented by three (lynx); a line's label goes to
# each of its pieces
for ind in 0 3; do
	W=$TMPD/wrap$ind
	mkdir -p "$W"
	python3 - "$W" "$ind" $PAGES <<'PY'
import sys, textwrap
out, ind = sys.argv[1], " " * int(sys.argv[2])
for page in sys.argv[3:]:
    name = page.rsplit("/", 1)[-1]
    text = open(page, encoding="utf-8").read().split("\n")
    labels = open(page[:-4] + ".lab", encoding="utf-8").read().split("\n")
    if text[-1] == "": text.pop()
    if labels[-1] == "": labels.pop()
    t, l = [], []
    for line, lab in zip(text, labels):
        for piece in textwrap.wrap(line, 76, initial_indent=ind, subsequent_indent=ind) or [""]:
            t.append(piece); l.append(lab)
    open(f"{out}/{name}", "w", encoding="utf-8").write("".join(x + "\n" for x in t))
    open(f"{out}/{name[:-4]}.lab", "w", encoding="utf-8").write("".join(x + "\n" for x in l))
PY
	echo "== dev set ($SPLIT) wrapped at 76 columns$([ "$ind" = 0 ] || echo ", indented by $ind")"
	for page in "$W"/*.txt; do
		printf '%s\t' "${page##*/}"
		"$BIN" --tsv "$page" | awk -F'\t' 'NR > 1 { printf "%s%s:%s", n++ ? " " : "", $2, $3 }'
		echo
	done > "$TMPD/wrap$ind.out"
	devscore "$TMPD/wrap$ind.out" "$W"
done
fi

if part ant && [ -f ../shared/bench/ant-corpus/ant_v1.1_text.txt.xz ]; then
	echo "== clean input: the ANT corpus as one stream"
	xz -dc ../shared/bench/ant-corpus/ant_v1.1_text.txt.xz | "$BIN" --tsv 2>/dev/null | awk -F'\t' '
	NR > 1 && $5 ~ /[^ \t]/ { n++; if ($3 != "D") k++ }
	END { printf "nonblank lines kept: %d / %d = %.2f%%\n", k, n, 100 * k / n }'
fi

part bench || exit 0
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
