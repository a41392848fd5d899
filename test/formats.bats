bats_require_minimum_version 1.5.0
# The machine formats as the tools that read them read them: every tool's
# TSV and CSV through pandas (Debian's python3-pandas, with Debian's
# python3), JSON through jq, XML through xmllint.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	PY=/usr/bin/python3
	"$PY" -c 'import pandas' 2>/dev/null || skip "python3-pandas is not installed"
	# a page whose fields begin with quotes, hold tabs, commas and backslashes
	IN="$BATS_TEST_TMPDIR/in.txt"
	printf '"قال" الوزير، في 3 مارس 2024: \\"نعم\\" , ثم\tمضى.\n«بيان» قره باغ 5, 6 أمس\n' > "$IN"
}

# pandas_reads TOOL ARGS...: the TSV and the CSV of one run give the same
# table, as many rows as the JSON, with the text as written
pandas_reads() {
	"$@" --tsv "$IN" > "$BATS_TEST_TMPDIR/t.tsv"
	"$@" --csv "$IN" > "$BATS_TEST_TMPDIR/t.csv"
	"$@" --json "$IN" > "$BATS_TEST_TMPDIR/t.json"
	run -0 "$PY" - "$BATS_TEST_TMPDIR" <<'PY'
import csv, json, sys
import pandas as pd
d = sys.argv[1]
def unescape(v):
    if not isinstance(v, str):
        return v
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[v[i + 1]]); i += 2
        else:
            out.append(v[i]); i += 1
    return "".join(out)
t = pd.read_csv(f"{d}/t.tsv", sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
t = t.apply(lambda col: col.map(unescape))
c = pd.read_csv(f"{d}/t.csv", dtype=str, keep_default_na=False)
rows = [json.loads(l) for l in open(f"{d}/t.json", encoding="utf-8")]
assert list(t.columns) == list(c.columns), (list(t.columns), list(c.columns))
assert t.equals(c), "TSV and CSV differ"
assert len(t) == len(rows) > 0, (len(t), len(rows))
for col in t.columns:
    for k, r in enumerate(rows):
        if col in r and isinstance(r[col], str):
            assert t[col][k] == r[col], (col, k, t[col][k], r[col])
print(len(t), "rows")
PY
}

@test "ar-split: pandas reads the TSV (QUOTE_NONE) and the CSV alike" {
	pandas_reads ar-split
	pandas_reads ar-split -w
}

@test "CSV with --bom starts with the byte order mark, and pandas still reads it" {
	ar-split --csv --bom "$IN" > "$BATS_TEST_TMPDIR/b.csv"
	run -0 "$PY" -c "import pandas as pd; t = pd.read_csv('$BATS_TEST_TMPDIR/b.csv', encoding='utf-8-sig'); print(list(t.columns)[0])"
	assert_output doc
}

@test "ar-date: pandas reads the TSV and the CSV alike" {
	pandas_reads ar-date --ref=2024-03-10
}

@test "ar-kwic: pandas reads the TSV and the CSV alike (left fields start with quotes)" {
	pandas_reads ar-kwic قال
	pandas_reads ar-kwic قره
}

@test "ar-strip-nav: pandas reads the --explain TSV and CSV alike" {
	pandas_reads ar-strip-nav --explain      # its --json alone is one object a page
}
