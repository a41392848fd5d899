#!/bin/bash
# date-eval.sh: score ar-date on the gold set (test/gold/date/gold.tsv), and
# Debian's python3-dateparser (search_dates, languages=['ar']) on the same
# sentences, side by side.
#
#   test/date-eval.sh [-v] [--no-dateparser] [GOLD]
#
# A gold expression counts as found when a row of the tool overlaps its span
# in the sentence, and as exact when one such row has exactly the gold value.
# Every row found in a sentence with no date is a false alarm. dateparser
# gives datetimes, so its value is compared at the gold's granularity
# (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM); durations, sets, weeks,
# decades and intervals it cannot express count as misses.
# -v lists every miss and false alarm. Exit 0, or 1 below the targets
# (95% exact, at most 2 false alarms).
set -u
cd "$(dirname "$0")/.." || exit 2
verbose=0 dp=1
while [ $# -gt 0 ]; do
	case $1 in
	-v) verbose=1 ;;
	--no-dateparser) dp=0 ;;
	-*) echo "usage: test/date-eval.sh [-v] [--no-dateparser] [GOLD]" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
GOLD=${1:-test/gold/date/gold.tsv}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export PATH="$PWD/bin:$PATH" AR_DATADIR="$PWD/share/ar-tools"
[ -x bin/ar-date ] || { echo "date-eval: build bin/ar-date first (make)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one document per sentence, one ar-date run per reference date
for ref in $(grep -v '^#' "$GOLD" | cut -f2 | sort -u); do
	grep -v '^#' "$GOLD" | awk -F'\t' -v r="$ref" '$2 == r { printf "\f%s\n%s\n", $1, $3 }' \
		| ar-date --ref="$ref" --format=tsv | tail -n +2
done > "$tmp/sys.tsv"

if [ "$dp" = 1 ] && ! "$PY" -c 'import dateparser' 2>/dev/null; then
	echo "date-eval: python3-dateparser not installed; skipping the comparison" >&2
	dp=0
fi

"$PY" - "$GOLD" "$tmp/sys.tsv" "$verbose" "$dp" <<'EOF'
import sys, warnings
warnings.filterwarnings("ignore")
gold_path, sys_path, verbose, use_dp = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4] == "1"
gold = []
for line in open(gold_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    gold.append(dict(id=f[0], ref=f[1], sent=f[2], text=f[3], value=f[4]))
rows = {}
for line in open(sys_path, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) < 7:
        continue
    rows.setdefault(f[0], []).append((int(f[2]), int(f[3]), f[4], f[5]))

def score(name, found_rows):
    pos = [g for g in gold if g["text"]]
    neg = [g for g in gold if not g["text"]]
    exact = found = 0
    misses, alarms = [], []
    for g in pos:
        s = g["sent"].find(g["text"])
        if s < 0:
            print(f"gold {g['id']}: expression not in sentence", file=sys.stderr)
            continue
        e = s + len(g["text"])
        over = [r for r in found_rows.get(g["id"], []) if r[0] < e and r[1] > s]
        if over:
            found += 1
        if any(r[3] == g["value"] for r in over):
            exact += 1
        else:
            misses.append((g, over))
    fa = 0
    for g in neg:
        for r in found_rows.get(g["id"], []):
            fa += 1
            alarms.append((g, r))
    n = len(pos)
    print(f"{name:<11} exact {exact:>3}/{n} ({100.0 * exact / n:5.1f}%)  found {found:>3}/{n}"
          f"  false alarms {fa} on {len(neg)} sentences with no date")
    if verbose:
        for g, over in misses:
            got = ", ".join(f"{r[3]} «{r[2]}»" for r in over) or "nothing"
            print(f"  miss {g['id']} {g['ref']} «{g['text']}» want {g['value']} got {got}")
        for g, r in alarms:
            print(f"  false alarm {g['id']} «{r[2]}» {r[3]}")
    return exact / n, fa

ok = True
rate, fa = score("ar-date", rows)
ok = rate >= 0.95 and fa <= 2

if use_dp:
    import datetime
    from dateparser.search import search_dates
    dprows = {}
    def fmt(dt, want):
        if "T" in want and len(want) == 16:
            return dt.strftime("%Y-%m-%dT%H:%M")
        if len(want) == 10 and want[4] == "-" and want[7] == "-":
            return dt.strftime("%Y-%m-%d")
        if len(want) == 7 and want[4] == "-" and want[5:].isdigit():
            return dt.strftime("%Y-%m")
        if len(want) == 4 and want.isdigit():
            return dt.strftime("%Y")
        return None
    for g in gold:
        y, m, d = map(int, g["ref"].split("-"))
        base = datetime.datetime(y, m, d, 12, 0)
        try:
            res = search_dates(g["sent"], languages=["ar"],
                               settings={"RELATIVE_BASE": base}) or []
        except Exception:
            res = []
        out = []
        pos = 0
        for text, dt in res:
            s = g["sent"].find(text)
            if s < 0:
                continue
            val = fmt(dt, g["value"]) if g["value"] else dt.isoformat()
            out.append((s, s + len(text), text, val if val else dt.isoformat()))
        dprows[g["id"]] = out
    score("dateparser", dprows)
sys.exit(0 if ok else 1)
EOF
