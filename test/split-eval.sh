#!/bin/sh
# split-eval.sh [pud|gold|all] [-v]: score ar-split's sentence boundaries.
#   pud   UD Arabic-PUD test set (../shared/bench/ud-arabic-pud): one paragraph
#         per article, the "# text" of consecutive sentences with the same
#         "# newdoc id" joined by single spaces
#   gold  the hand-made gold set test/gold/split/*.txt: one sentence per line,
#         a blank line between paragraphs (paragraph = its lines joined by spaces)
# Each set is run through `ar-split -p` and scored by test/split-score.awk
# (sentence-span F1 as the CoNLL 2018 evaluation computes it). -v lists the
# sentences that differ.
cd "$(dirname "$0")/.." || exit 2
export LC_ALL=C AR_DATADIR="$PWD/share/ar-tools"
SPLIT=${SPLIT:-bin/ar-split}
set=${1:-all}
show=0
[ "${2:-}" = -v ] && show=1
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
rc=0

score() {   # NAME GOLD PARAGRAPHS
	"$SPLIT" -p < "$3" > "$tmp/sys" || return 2
	printf '%-5s ' "$1"
	awk -v show=$show -f test/split-score.awk "$2" "$tmp/sys"
}

if [ "$set" = pud ] || [ "$set" = all ]; then
	conllu=../shared/bench/ud-arabic-pud/ar_pud-ud-test.conllu
	if [ -r "$conllu" ]; then
		awk '/^# newdoc id = / { id = $0; sub(/^# newdoc id = /, "", id)
			if (id != prev && para != "") { print para; para = "" } prev = id }
		     /^# text = / { t = $0; sub(/^# text = /, "", t)
			print t > gold; para = para == "" ? t : para " " t }
		     /^# newdoc id = / { if (id != prevg) print "" > gold; prevg = id }
		     END { if (para != "") print para }' gold="$tmp/pud.gold" "$conllu" > "$tmp/pud.txt"
		score pud "$tmp/pud.gold" "$tmp/pud.txt" || rc=2
	else
		echo "pud   skipped: $conllu not present" >&2
	fi
fi
if [ "$set" = gold ] || [ "$set" = all ]; then
	cat test/gold/split/*.txt > "$tmp/gold.gold"
	awk 'FNR == 1 && para != "" { print para; para = "" }
	     NF { para = para == "" ? $0 : para " " $0; next }
	     { if (para != "") print para; para = "" }
	     END { if (para != "") print para }'  test/gold/split/*.txt > "$tmp/gold.txt"
	score gold "$tmp/gold.gold" "$tmp/gold.txt" || rc=2
fi
exit $rc
