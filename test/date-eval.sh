#!/bin/bash
# date-eval.sh: score ar-date on the gold sets (every test/gold/date/*.tsv, or
# the files named), each file and all of them together, and Debian's
# python3-dateparser (search_dates, languages=['ar']) on the same sentences,
# side by side.
#
#   test/date-eval.sh [-v] [--no-dateparser] [GOLD]...
#
# A gold line is "id ref sentence expression value" (CONVENTIONS.md); the ref
# is YYYY-MM-DD or YYYY-MM-DDTHH:MM (a publication time), given to ar-date as
# --ref and to dateparser as its RELATIVE_BASE (noon when it has no time).
# A gold expression counts as found when a row of the tool overlaps its span
# in the sentence, and as exact when one such row has exactly the gold value.
# Every row found in a sentence with no date is a false alarm. dateparser
# gives datetimes, so its value is compared at the gold's granularity
# (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS]); durations, sets, weeks,
# decades, intervals and vague values it cannot express count as misses.
# -v lists every miss and false alarm of ar-date. Exit 0, or 1 when a file is
# below its target (the table below: exact %, most false alarms).
set -u
cd "$(dirname "$0")/.." || exit 2
verbose=0 dp=1
while [ $# -gt 0 ]; do
	case $1 in
	-v) verbose=1 ;;
	--no-dateparser) dp=0 ;;
	-*) echo "usage: test/date-eval.sh [-v] [--no-dateparser] [GOLD]..." >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || set -- test/gold/date/*.tsv
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export PATH="$PWD/bin:$PATH" AR_DATADIR="$PWD/share/ar-tools"
[ -x bin/ar-date ] || { echo "date-eval: build bin/ar-date first (make)" >&2; exit 2; }

if [ "$dp" = 1 ] && ! "$PY" -c 'import dateparser' 2>/dev/null; then
	echo "date-eval: python3-dateparser not installed; skipping the comparison" >&2
	dp=0
fi

# the targets: file, exact %, most false alarms (a file not listed has none)
TARGETS='gold.tsv 95 2
varied.tsv 70 5
forms.tsv 90 1
forms2.tsv 85 1
heldout.tsv 90 1
heldout2.tsv 90 1
heldout3.tsv 90 1
heldout4.tsv 90 1
phrases.tsv 90 1'

"$PY" - "$verbose" "$dp" "$TARGETS" "$@" <<'EOF'
import os, subprocess, sys, warnings
warnings.filterwarnings("ignore")
verbose, use_dp = sys.argv[1] == "1", sys.argv[2] == "1"
targets = {}
for t in sys.argv[3].splitlines():
    name, pct, fa = t.split()
    targets[name] = (float(pct), int(fa))
paths = sys.argv[4:]

def load(path):
    gold = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 5:
            print(f"{path}: bad line: {line.strip()[:60]}", file=sys.stderr)
            sys.exit(2)
        gold.append(dict(id=f[0], ref=f[1], sent=f[2], text=f[3], value=f[4]))
    return gold

# ar-date: one run per reference, each sentence a document named by its id
def ar_date(gold):
    rows, byref = {}, {}
    for g in gold:
        byref.setdefault(g["ref"], {})[g["id"]] = g["sent"]
    for ref, sents in byref.items():
        text = "".join(f"\f{i}\n{s}\n" for i, s in sents.items())
        run = subprocess.run(["ar-date", "--ref=" + ref, "--format=tsv"],
                             input=text.encode(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if run.returncode > 1:
            sys.stderr.write(run.stderr.decode()[:500])
            sys.exit(2)
        out = run.stdout.decode()
        lines = out.splitlines()
        if not lines:
            continue
        head = lines[0].split("\t")
        col = {name: k for k, name in enumerate(head)}
        for line in lines[1:]:
            f = line.split("\t")
            rows.setdefault(f[col["doc"]], []).append(
                (int(f[col["start"]]), int(f[col["end"]]), f[col["text"]], f[col["value"]]))
    return rows

def dateparser_rows(gold):
    import datetime
    from dateparser.search import search_dates
    def fmt(dt, want):
        if len(want) == 19 and want[10] == "T":
            return dt.strftime("%Y-%m-%dT%H:%M:%S")
        if len(want) == 16 and want[10] == "T":
            return dt.strftime("%Y-%m-%dT%H:%M")
        if len(want) == 10 and want[4] == "-" and want[7] == "-":
            return dt.strftime("%Y-%m-%d")
        if len(want) == 7 and want[4] == "-" and want[5:].isdigit():
            return dt.strftime("%Y-%m")
        if len(want) == 4 and want.isdigit():
            return dt.strftime("%Y")
        return None
    rows = {}
    for g in gold:
        r = g["ref"]
        base = datetime.datetime(int(r[0:4]), int(r[5:7]), int(r[8:10]),
                                 int(r[11:13]) if len(r) > 10 else 12,
                                 int(r[14:16]) if len(r) > 10 else 0)
        try:
            res = search_dates(g["sent"], languages=["ar"],
                               settings={"RELATIVE_BASE": base}) or []
        except Exception:
            res = []
        out = []
        for text, dt in res:
            s = g["sent"].find(text)
            if s < 0:
                continue
            val = fmt(dt, g["value"]) if g["value"] else None
            out.append((s, s + len(text), text, val if val else dt.isoformat()))
        rows[g["id"]] = out
    return rows

def score(gold, rows):
    exact = found = fa = 0
    misses, alarms = [], []
    pos = [g for g in gold if g["text"]]
    neg = [g for g in gold if not g["text"]]
    for g in pos:
        s = g["sent"].find(g["text"])
        if s < 0:
            print(f"gold {g['id']}: expression not in sentence", file=sys.stderr)
            continue
        e = s + len(g["text"])
        over = [r for r in rows.get(g["id"], []) if r[0] < e and r[1] > s]
        found += bool(over)
        if any(r[3] == g["value"] for r in over):
            exact += 1
        else:
            misses.append((g, over))
    for g in neg:
        for r in rows.get(g["id"], []):
            fa += 1
            alarms.append((g, r))
    return dict(n=len(pos), neg=len(neg), exact=exact, found=found, fa=fa,
                misses=misses, alarms=alarms)

def line(name, tool, sc):
    n = max(sc["n"], 1)
    print(f"{name:<12} {tool:<11} exact {sc['exact']:>4}/{sc['n']:<4} ({100.0 * sc['exact'] / n:5.1f}%)"
          f"  found {sc['found']:>4}/{sc['n']:<4} ({100.0 * sc['found'] / n:5.1f}%)"
          f"  false alarms {sc['fa']} on {sc['neg']} sentences with no date")

def add(a, b):
    return {k: a[k] + b[k] for k in a}

ok = True
total = {t: None for t in ("ar-date", "dateparser")}
for path in paths:
    name = os.path.basename(path)
    gold = load(path)
    sc = score(gold, ar_date(gold))
    line(name, "ar-date", sc)
    if verbose:
        for g, over in sc["misses"]:
            got = ", ".join(f"{r[3]} «{r[2]}»" for r in over) or "nothing"
            print(f"  miss {g['id']} {g['ref']} «{g['text']}» want {g['value']} got {got}")
        for g, r in sc["alarms"]:
            print(f"  false alarm {g['id']} «{r[2]}» {r[3]}")
    if name in targets:
        pct, most = targets[name]
        if 100.0 * sc["exact"] < pct * max(sc["n"], 1) or sc["fa"] > most:
            print(f"{name:<12} below its target: {pct:g}% exact, at most {most} false alarms")
            ok = False
    total["ar-date"] = sc if total["ar-date"] is None else add(total["ar-date"], sc)
    if use_dp:
        dsc = score(gold, dateparser_rows(gold))
        line(name, "dateparser", dsc)
        total["dateparser"] = dsc if total["dateparser"] is None else add(total["dateparser"], dsc)
if len(paths) > 1:
    line("all", "ar-date", total["ar-date"])
    if use_dp:
        line("all", "dateparser", total["dateparser"])
sys.exit(0 if ok else 1)
EOF
