bats_require_minimum_version 1.5.0
# kwic-output.bats: what ar-kwic shows a reader: the concordance's columns,
# --visual through fribidi, clusters, and the summaries' formats.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	K="$FIX/kwic"
}

@test "--csv --bom: one byte order mark, however many tables follow" {
	run -0 bash -c 'ar-kwic --csv --bom --count-forms --collocates=2 روسي "$1" | grep -c $'"'"'\xef\xbb\xbf'"'"'' _ "$K/colloc.txt"
	assert_output 1
	run -0 bash -c 'ar-kwic --csv --bom --count-forms --collocates=2 روسي "$1" | head -c 3 | od -An -tx1' _ "$K/colloc.txt"
	assert_output ' ef bb bf'
}

@test "--help: every description starts in one column, the shared lines' too" {
	# an option short enough to leave room starts its text in column 24
	run -0 bash -c 'ar-kwic --help | LC_ALL=C.UTF-8 awk '"'"'
		/^  (-[a-zA-Z], |    )--/ {
			match($0, /^  (-[a-zA-Z], |    )--[^ ]+ +/)
			opt = substr($0, 1, RLENGTH); sub(/ +$/, "", opt)
			if (length(opt) < 22 && RLENGTH != 23) print "misaligned: " $0
		}'"'"''
	assert_output ''
}

# Rows of every length, hits at the start and the end of lines, marks,
# tatweel, lam-alef, punctuation, brackets; with "mixed" also Latin words
# and digits. Written with escapes: bats may run under LC_ALL=C.
make_rows() {
	python3 - "$1" <<'PY'
import sys
W = ["\u0641\u064a", "\u0627\u0644\u0631\u0626\u064a\u0633", "\u0642\u0627\u0644",
     "\u0644\u0627", "\u0645\u064f\u0648\u0633\u0652\u0643\u064f\u0648",
     "\u0627\u0644\u0640\u0640\u064a\u0648\u0645", "\u0627\u0644\u0625\u0642\u0644\u064a\u0645\u060c",
     "\u00ab\u0627\u0644\u0633\u0644\u0627\u0645\u00bb", "\u0642\u0627\u0644:"]
if sys.argv[1] == "mixed":
    W += ["(\u0627\u0644\u062c\u0628\u0644\u064a)", "BBC", "2023", "COVID-19", "11/8/2015", "U.S."]
KW = "\u0642\u0631\u0647"
for n in range(0, 16):
    for m in range(0, 16, 3):
        a = [W[(n * 7 + i * 3) % len(W)] for i in range(n)]
        b = [W[(m * 5 + i * 2) % len(W)] for i in range(m)]
        print(" ".join(a + [KW] + b))
print(KW + " " + KW)
print("\u0648\u0628" + KW + ". " + " ".join(W * 5))
PY
}

@test "--visual: the keyword's first letter in one column, rows of one width (display widths)" {
	make_rows mixed > "$BATS_TEST_TMPDIR/m.txt"
	for c in 1 7 20 40; do
		run -0 bash -c 'ar-kwic --visual --color=always --context=$2 قره "$1" | python3 "$TOP/test/tools/kwic-columns.py" visual | sort -u' _ "$BATS_TEST_TMPDIR/m.txt" "$c"
		[ "${#lines[@]}" -eq 1 ] || { echo "--context=$c: $output"; false; }
	done
	# --words: a context wider than its column loses its far end
	run -0 bash -c 'ar-kwic --visual --color=always --words=2 قره "$1" | python3 "$TOP/test/tools/kwic-columns.py" visual | sort -u' _ "$BATS_TEST_TMPDIR/m.txt"
	assert_output '44 27'
}

@test "text rows: a bidi terminal shows the keyword in one column (display widths)" {
	make_rows arabic > "$BATS_TEST_TMPDIR/a.txt"
	for c in 1 7 20 40; do
		run -0 bash -c 'ar-kwic --color=always --context=$2 قره "$1" | python3 "$TOP/test/tools/kwic-columns.py" bidi | sort -u' _ "$BATS_TEST_TMPDIR/a.txt" "$c"
		[ "${#lines[@]}" -eq 1 ] || { echo "--context=$c: $output"; false; }
	done
	run -0 bash -c 'ar-kwic --color=always --context=20 قره "$1" | python3 "$TOP/test/tools/kwic-columns.py" bidi | sort -u' _ "$BATS_TEST_TMPDIR/a.txt"
	assert_output '52 31'
	# with Latin and digits the rows keep their width
	make_rows mixed > "$BATS_TEST_TMPDIR/m.txt"
	run -0 bash -c 'ar-kwic --color=always --context=20 قره "$1" | python3 "$TOP/test/tools/kwic-columns.py" bidi | cut -d" " -f1 | sort -u' _ "$BATS_TEST_TMPDIR/m.txt"
	assert_output '52'
}

@test "the document's name in its own column: the concordance does not move with it" {
	printf '\fa.txt\n\xd9\x82\xd8\xb1\xd9\x87 \xd8\xa8\xd8\xa7\xd8\xba\n\fa-much-longer-name-for-a-page.txt\n\xd9\x82\xd8\xb1\xd9\x87 \xd8\xa8\xd8\xa7\xd8\xba\n' > "$BATS_TEST_TMPDIR/d.txt"
	run -0 bash -c 'ar-kwic --color=never قره "$1" | cut -f1 | uniq | wc -l' _ "$BATS_TEST_TMPDIR/d.txt"
	assert_output 1
	run -0 bash -c 'ar-kwic --color=never قره "$1" | cut -f2' _ "$BATS_TEST_TMPDIR/d.txt"
	assert_output $'a.txt:1\na-much-longer-name-for-a-page.txt:1'
}

@test "parallel --pipe -k --recstart \\f: the same rows as one process" {
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	make_rows mixed > "$BATS_TEST_TMPDIR/m.txt"
	# documents with names of every length, lines numbered 1 to 100 and more
	for i in 1 22 333 4444; do
		printf '\fdoc-%s.txt\n' "$(printf '%*s' "$i" '' | tr ' ' x | head -c $((i % 40 + 1)))"
		cat "$BATS_TEST_TMPDIR/m.txt" "$BATS_TEST_TMPDIR/m.txt"
	done > "$BATS_TEST_TMPDIR/docs.txt"
	for v in "" --visual; do
		ar-kwic $v --color=never قره "$BATS_TEST_TMPDIR/docs.txt" > "$BATS_TEST_TMPDIR/one"
		parallel --pipe -k --recstart $'\f' --block 4k ar-kwic $v --color=never قره \
			< "$BATS_TEST_TMPDIR/docs.txt" > "$BATS_TEST_TMPDIR/many"
		cmp "$BATS_TEST_TMPDIR/one" "$BATS_TEST_TMPDIR/many"
		[ "$(wc -l < "$BATS_TEST_TMPDIR/one")" -gt 400 ]
	done
}

# ---- --clusters ----

@test "--clusters=N: runs of N words holding the hit, by count then folded form" {
	run -0 bash -c 'ar-kwic --clusters=2 --tsv الخارجية "$1"' _ "$K/clusters.txt"
	assert_line --index 0 $'cluster\tfolded\tfreq'
	# three times, once with a shadda: shown as most often written
	assert_line --index 1 $'وزير الخارجية\tوزير الخارجيه\t3'
	assert_equal "${#lines[@]}" 9
	run -0 bash -c 'ar-kwic --clusters=2 --tsv الخارجية "$1" | tail -n +3 | cut -f1 | paste -sd,' _ "$K/clusters.txt"
	assert_output 'الخارجية الروسي,الخارجية أن,الخارجية سيزور,الخارجية في,الخارجيّة نظيره,وزارة الخارجية,ووزير الخارجية'
	run -0 ar-kwic --clusters=2 الخارجية "$K/clusters.txt"
	assert_line --index 0 '    freq  cluster'
	assert_line --index 1 '       3  وزير الخارجية'
}

@test "--clusters: --min-freq, sentences, phrases longer than N, every format" {
	run -0 bash -c 'ar-kwic --clusters=2 --min-freq=2 --json الخارجية "$1"' _ "$K/clusters.txt"
	assert_output '{"cluster":"وزير الخارجية","folded":"وزير الخارجيه","freq":3}'
	# no cluster across a full stop
	run -0 bash -c 'ar-kwic --clusters=2 --tsv غادر "$1" | tail -n +2' _ "$K/clusters.txt"
	assert_output $'ثم غادر\tثم غادر\t1'
	# a two-word hit is a cluster of 2 itself, and has none of 1
	run -0 bash -c 'ar-kwic --clusters=2 --tsv "وزير الخارجية" "$1" | tail -n +2 | cut -f1,3' _ "$K/clusters.txt"
	assert_output $'وزير الخارجية\t3\nووزير الخارجية\t1'
	run -0 bash -c 'ar-kwic --clusters=1 --tsv "وزير الخارجية" "$1" | wc -l' _ "$K/clusters.txt"
	assert_output 1
	# three words: the hit first, in the middle or last
	run -0 bash -c 'ar-kwic --clusters=3 --tsv --min-freq=1 الروسي "$1" | tail -n +2 | cut -f1' _ "$K/clusters.txt"
	assert_output $'الخارجية الروسي إن\nالروسي إن المحادثات\nوزير الخارجية الروسي'
	run -0 bash -c 'ar-kwic --clusters=2 --csv --min-freq=2 الخارجية "$1"' _ "$K/clusters.txt"
	assert_output $'cluster,folded,freq\r\nوزير الخارجية,وزير الخارجيه,3\r'
	run -0 bash -c 'ar-kwic --clusters=2 --collocates=1 --tsv --min-freq=2 الخارجية "$1" | cut -f1' _ "$K/clusters.txt"
	assert_output $'collocate\nوزير\ncluster\nوزير الخارجية'
	run -2 --separate-stderr ar-kwic --clusters=0 الخارجية "$K/clusters.txt"
	[[ "$stderr" == *"--clusters=0"* ]]
	run -2 --separate-stderr ar-kwic --clusters=101 الخارجية "$K/clusters.txt"
	[[ "$stderr" == *"--clusters: too large"* ]]
}

# ---- the man pages' way of reading TSV and CSV ----

@test "ar-tools(7)'s pandas lines read ar-kwic's TSV and CSV as one table" {
	/usr/bin/python3 -c 'import pandas' 2>/dev/null || skip "python3-pandas is not installed"
	command -v mandoc >/dev/null || skip "mandoc is not installed"
	cd "$BATS_TEST_TMPDIR"
	# fields that begin with a quote, hold a tab, a backslash, a comma
	printf '"قال" الوزير، قره\tباغ \\ جزء, منها\nقره\n' > in.txt
	ar-kwic --tsv قره in.txt > rows.tsv
	ar-kwic --csv --bom قره in.txt > rows.csv
	# the lines the page shows, as it renders them
	mandoc -Tutf8 "$TOP/man/ar-tools.7" | col -bx |
		sed -n '/^ *import csv, pandas as pd/,/^$/p' | sed 's/^           //' > read.py
	[ "$(wc -l < read.py)" -ge 6 ]
	printf 'assert t.equals(c), (t, c)\nprint(len(t), repr(t["left"][0]), repr(t["right"][0]))\n' >> read.py
	run -0 /usr/bin/python3 read.py
	assert_output "2 '\"قال\" الوزير، ' '\\tباغ \\\\ جزء, منها'"
}
