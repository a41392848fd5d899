bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	K="$FIX/kwic"
}

# the 100 most frequent words of three Arabic letters or more in the
# texts of directory $1, normalized, one a line
frequent_words() {
	local re
	re=$(printf '^([\330\331][\200-\277]){3,}$')
	cat "$1"/*.txt | ar-norm | tr -s ' \t' '\n\n' | LC_ALL=C grep -E "$re" | LC_ALL=C sort | uniq -c |
		sort -k1,1nr -k2 | head -100 | awk '{ print $2 }'
}

# ---- folding ----

@test "default folding finds every spelling: teh marbuta, harakat, tatweel" {
	run -0 bash -c 'ar-kwic --tsv قره "$1" | cut -f6' _ "$K/spellings.txt"
	assert_line --index 0 match
	assert_line 'قره'
	assert_line 'قرة'
	assert_line 'قَرَه'
	assert_line 'قـره'
	assert_line 'القرة'
	assert_line 'ولقره'
	assert_line 'وبقرة'
	assert_equal "${#lines[@]}" 8
}

@test "every spelling is found wherever it falls in the scanner's 16-byte blocks" {
	# ar-kwic passes over text without the pattern's rarest letter (ق, س)
	# sixteen bytes at a time; 0..40 bytes of padding move each spelling,
	# with its shadda, tatweel, ZWNJ or presentation forms, across every
	# block position, with plain text or marks around. Seven hits on the
	# first line (قرا is none), one on the second, two for تونس.
	run -0 bash -c 'for p in $(seq 0 40); do printf "%*s%s\n%*s%s\n" "$p" "" "$1" "$p" "" "$2"; done |
		ar-kwic --count-forms قره | tail -1' _ 'تحوّل فريق فقرة و قَرَه و قـره و ق‌رة و ﻗﺮﻩ «القرة» قرا قرّه' \
		'تحوّل فريق فقرة "الرادار" اليوم'
	assert_output "total: 328 hits"
	run -0 bash -c 'for p in $(seq 0 40); do printf "%*s%s\n" "$p" "" "$1"; done |
		ar-kwic --count-forms تونس | tail -1' _ 'في العاصمة بتونس وكانت مدينة تونـس الكبرى'
	assert_output "total: 82 hits"
}

@test "a word of a phrase that is also a pattern of its own; near misses are no hits" {
	run -0 bash -c 'printf "زار قره باغ ثم باغ وحده\nالتونسية بتونس والتونسي\n" |
		ar-kwic --tsv -e "قره باغ" -e باغ -e تونس | cut -f2,6'
	assert_output "$(printf 'line\tmatch\n1\tقره باغ\n1\tباغ\n1\tباغ\n2\tبتونس')"
}

@test "the pattern is folded too: قرة finds قره" {
	run -0 bash -c 'ar-kwic --tsv قرة "$1" | tail -n +2 | wc -l' _ "$K/spellings.txt"
	assert_output 7
}

@test "--exact matches code points as written" {
	run -0 bash -c 'ar-kwic --exact --tsv قره "$1" | cut -f6 | tail -n +2' _ "$K/spellings.txt"
	assert_output $'قره\nولقره'
}

@test "--fold=LIST picks the steps (tatweel only: teh marbuta stays)" {
	run -0 bash -c 'ar-kwic --fold=tatweel --tsv قره "$1" | cut -f6 | tail -n +2' _ "$K/spellings.txt"
	assert_output $'قره\nقـره\nولقره'
	run -2 ar-kwic --fold=nosuchstep قره "$K/spellings.txt"
}

@test "Persian yeh and alef variants fold" {
	printf 'الأرمینیة فی إقلیم\n' > "$BATS_TEST_TMPDIR/p.txt"
	run -0 bash -c 'ar-kwic --tsv "الارمينيه في" "$1" | cut -f6 | tail -1' _ "$BATS_TEST_TMPDIR/p.txt"
	assert_output 'الأرمینیة فی'
}

# ---- words, proclitics, phrases, wildcards ----

@test "whole words with proclitics; no hit inside a longer word" {
	printf 'فقره قرهباغ والقره بالقرة للقره سقره\n' > "$BATS_TEST_TMPDIR/w.txt"
	run -0 bash -c 'ar-kwic --tsv قره "$1" | cut -f6 | tail -n +2' _ "$BATS_TEST_TMPDIR/w.txt"
	assert_output $'فقره\nوالقره\nبالقرة\nللقره'
}

@test "--prefix allows any ending" {
	run -0 bash -c 'ar-kwic --prefix --tsv دول "$1" | cut -f6 | tail -n +2' _ "$K/spellings.txt"
	assert_output $'الدولة\nوالدول\nالدولي\nللدولة'
}

@test "--substring is plain substring search" {
	printf 'قرهباغ سقره\n' > "$BATS_TEST_TMPDIR/s.txt"
	run -0 bash -c 'ar-kwic --substring --tsv قره "$1" | cut -f3,4,6 | tail -n +2' _ "$BATS_TEST_TMPDIR/s.txt"
	assert_output $'0\t3\tقره\n8\t11\tقره'
	run -1 ar-kwic قره "$BATS_TEST_TMPDIR/s.txt"
}

@test "a phrase matches across one or more spaces, with each spelling" {
	run -0 bash -c 'ar-kwic --tsv "قره باغ" "$1" | cut -f6 | tail -n +2' _ "$K/spellings.txt"
	assert_output $'قره باغ\nقرة باغ\nقَرَه باغ\nقـره  باغ\nولقره باغ\nوبقرة باغ'
}

@test "* is a wildcard within a word only" {
	run -0 bash -c 'ar-kwic --tsv "ق*ه" "$1" | cut -f6 | tail -n +2 | sort -u | wc -l' _ "$K/spellings.txt"
	assert_output 7
	printf 'قره باغ\n' > "$BATS_TEST_TMPDIR/x.txt"
	run -1 ar-kwic 'قره*غ' "$BATS_TEST_TMPDIR/x.txt"
	run -0 bash -c 'ar-kwic --tsv "ب*" "$1" | cut -f6 | tail -1' _ "$BATS_TEST_TMPDIR/x.txt"
	assert_output 'باغ'
}

@test "-e repeated and -f FILE: many patterns in one pass, in text order" {
	run -0 bash -c 'ar-kwic -e الدولي -e بيان --tsv "$1" | cut -f2,6 | tail -n +2' _ "$K/spellings.txt"
	assert_output $'8\tالدولي\n9\tبيان'
	run -0 bash -c 'ar-kwic -f "$1" --json "$2" | jq -r .pattern | sort | uniq -c | awk "{print \$1}"' _ "$K/places.txt" "$K/spellings.txt"
	assert_output 6
}

@test "a pattern given twice gives one row per hit" {
	run -0 bash -c 'ar-kwic -e قره -e قرة --tsv "$1" | tail -n +2 | wc -l' _ "$K/spellings.txt"
	assert_output 7
}

# ---- formats and offsets ----

@test "tsv: header, code point offsets into the original line" {
	run -0 ar-kwic --tsv --context=5 'قره باغ' "$K/spellings.txt"
	assert_line --index 0 $'doc\tline\tstart\tend\tleft\tmatch\tright\tpattern\tdate'
	assert_line --index 3 "$K/spellings.txt"$'\t6\t64\t73\tت إن \tقَرَه باغ\t تشهد\tقره باغ\t'
}

@test "offsets agree with the line: substr(line, start, end-start) is the match" {
	# bash counts characters in ${t:s:n} only in a UTF-8 locale
	run -0 env LC_ALL=C.UTF-8 bash -c 'ar-kwic --json قره "$1" | while read -r j; do
		l=$(jq -r .line <<<"$j"); s=$(jq .start <<<"$j"); e=$(jq .end <<<"$j")
		m=$(jq -r .match <<<"$j")
		t=$(sed -n "${l}p" "$1"); [ "${t:$s:$((e - s))}" = "$m" ] || echo "bad $j"
	done; echo done' _ "$K/spellings.txt"
	assert_output done
}

@test "json: valid JSON Lines with every field" {
	run -0 bash -c 'ar-kwic --json قره "$1" | jq -e -s "length == 7 and all(.[]; has(\"doc\") and has(\"line\") and has(\"start\") and has(\"end\") and has(\"left\") and has(\"match\") and has(\"right\"))"' _ "$K/spellings.txt"
}

@test "--context=N characters of context" {
	run -0 bash -c 'ar-kwic --tsv --context=3 قرة "$1" | sed -n 2p | cut -f5,7' _ "$K/crlf.txt"
	assert_output $'في \t با'
	run -0 bash -c 'ar-kwic --tsv --context=0 قرة "$1" | sed -n 2p | cut -f5,7' _ "$K/crlf.txt"
	assert_output $'\t'
}

@test "--words=N words of context" {
	run -0 bash -c 'ar-kwic --tsv --words=1 قره "$1" | sed -n 2p | cut -f5,7' _ "$K/spellings.txt"
	assert_output $'في \t باغ'
}

@test "text rows: the concordance, a TAB, then doc:line; -h leaves the line number" {
	run -0 bash -c 'ar-kwic --color=never --context=10 قرة "$1" | cut -f2' _ "$K/crlf.txt"
	assert_output "$K/crlf.txt:1"$'\n'"$K/crlf.txt:2"
	run -0 bash -c 'ar-kwic --color=never -h --context=10 قرة "$1" | cut -f2' _ "$K/crlf.txt"
	assert_output $'1\n2'
}

@test "text rows pad so a bidi terminal aligns the keyword (by right context width)" {
	printf 'أ قره ب\nأأأ قره بببب\n' > "$BATS_TEST_TMPDIR/b.txt"
	run -0 ar-kwic --color=never -h --context=6 قره "$BATS_TEST_TMPDIR/b.txt"
	# padding before the row = 6 - width(right context), after it 6 -
	# width(left context); the keyword column is 10 wide (at least), the
	# keyword at its right edge: rows of 6 + 1 + 10 + 1 + 6
	assert_line --index 0 "    أ  قره         ب    "$'\t1'
	assert_line --index 1 " أأأ  قره         بببب  "$'\t2'
}

@test "--visual writes right-to-left text in display order, letters joined" {
	# presentation forms: ﺪﺟ is جد joined, ﻩﺮﻗ قره, ﺏﺃ أب; 2023 reads
	# left to right
	printf 'أب قره جد 2023\n' > "$BATS_TEST_TMPDIR/v.txt"
	run -0 ar-kwic --visual --color=never -h --context=8 قره "$BATS_TEST_TMPDIR/v.txt"
	assert_output "2023 ﺪﺟ         ﻩﺮﻗ  ﺏﺃ     "$'\t1'
}

@test "--visual with nothing right of the keyword (it crashed before)" {
	run -0 bash -c 'printf "أب قره\n" | ar-kwic --visual --color=never -h --context=8 قره'
	assert_output "                ﻩﺮﻗ  ﺏﺃ     "$'\t1'
}

@test "--color=always highlights the keyword" {
	run -0 bash -c 'ar-kwic --color=always قرة "$1" | grep -c $'"'"'\033\[1;31m'"'" _ "$K/crlf.txt"
	assert_output 2
	run -0 bash -c 'ar-kwic قرة "$1" | grep -c $'"'"'\033'"'"' || true' _ "$K/crlf.txt"
	assert_output 0
}

# ---- sort, count, collocates ----

@test "--sort=R1 sorts on the first word after the keyword, folded" {
	run -0 bash -c 'ar-kwic --tsv --sort=R1 الرئيس "$1" | cut -f2 | tail -n +2 | paste -sd,' _ "$K/colloc.txt"
	assert_output '2,1,3,4'
}

@test "--sort=L1, match, doc and combined keys" {
	run -0 bash -c 'ar-kwic --tsv --sort=L1 يزور "$1" | cut -f5 | tail -n +2 | paste -sd,' _ "$K/colloc.txt"
	assert_output 'الرئيس الأمريكي ,الرئيس ,الرئيس الروسي '
	run -0 bash -c 'ar-kwic --tsv --sort=match --prefix قر "$1" | cut -f6 | tail -n +2 | head -2 | paste -sd,' _ "$K/spellings.txt"
	assert_output 'القرة,قره'
	run -0 bash -c 'ar-kwic --tsv --sort=doc,R1 قره "$1" | cut -f1 | tail -n +2 | paste -sd,' _ "$K/docs.txt"
	assert_output 'doc-one,doc-two'
	run -0 bash -c 'ar-kwic --tsv --sort=R2,L2 الرئيس "$1" | cut -f2 | tail -n +2 | paste -sd,' _ "$K/colloc.txt"
	assert_output '3,4,1,2'
	run -2 ar-kwic --sort=X1 قره "$K/spellings.txt"
	# no hit: nothing to sort (qsort was handed NULL; UBSan flags it)
	run -1 --separate-stderr ar-kwic --sort=R1 غيرموجود "$K/spellings.txt"
	assert_equal "$stderr" ""
}

@test "--count-forms counts hits per spelling found, with totals" {
	run -0 ar-kwic --count-forms 'قره باغ' "$K/spellings.txt"
	assert_line --index 0 $'قره باغ\t(6 forms, 6 hits)'
	assert_line 'total: 6 hits'
	run -0 bash -c 'ar-kwic --count-forms --tsv -e "قره باغ" -e دولي "$1"' _ "$K/spellings.txt"
	assert_line --index 0 $'pattern\tform\tcount'
	assert_line $'قره باغ\tقرة باغ\t1'
	assert_line $'دولي\t\t1'
	assert_line $'\t\t7'
	run -0 bash -c 'ar-kwic --count-forms --json قره "$1" | jq -e -s "last == {count: 7} and .[-2] == {pattern: \"قره\", count: 7}"' _ "$K/spellings.txt"
}

@test "--collocates: frequency, left/right split, corpus count, log-likelihood" {
	run -0 ar-kwic --collocates=2 --tsv روسي "$K/colloc.txt"
	assert_line --index 0 $'collocate\tfolded\tfreq\tleft\tright\tcorpus\tll\tmi\tt\tlogratio'
	assert_line --index 1 $'موسكو\tموسكو\t2\t0\t2\t2\t3.94\t1.28\t0.83\t2.51'
	assert_line $'الرئيس\tالرئيس\t2\t2\t0\t4\t0.17\t0.28\t0.25\t0.51'
	run -0 bash -c 'ar-kwic --collocates --json روسي "$1" | jq -e -s "length == 5 and .[0].collocate == \"موسكو\""' _ "$K/colloc.txt"
	run -0 bash -c 'ar-kwic --collocates=1 روسي "$1" | head -1' _ "$K/colloc.txt"
	assert_output --partial collocate
}

@test "collocates as AntConc: --left/--right windows, --stat, --min-freq, written forms" {
	# the corpus is 17 words; the two hits (الروسي) have 7 words within 2
	# each side. By hand, for موسكو (2 near the hits, 2 in all):
	# E11 = 7*2/17 = 0.824; MI = log2(2/0.824) = 1.28; t = (2-0.824)/sqrt(2)
	# = 0.83; Log Ratio = log2((2/7)/(0.5/10)) = 2.51 (no موسكو elsewhere: 0.5)
	run -0 bash -c 'ar-kwic --collocates=2 --json روسي "$1" | jq -c "select(.folded == \"موسكو\") | [.mi, .t, .logratio]"' _ "$K/colloc.txt"
	assert_output '[1.28,0.83,2.51]'
	# --right=2 alone (left 0): only words after the hits; R1 = 4
	run -0 bash -c 'ar-kwic --left=0 --right=2 --tsv روسي "$1" | tail -n +2 | cut -f1,3,4,5 | sort' _ "$K/colloc.txt"
	assert_output $'إن\t1\t0\t1\nموسكو\t2\t0\t2\nيزور\t1\t0\t1'
	# --left=1: the word before each hit
	run -0 bash -c 'ar-kwic --left=1 --right=0 --tsv روسي "$1" | tail -n +2 | cut -f1,3,4' _ "$K/colloc.txt"
	assert_output $'الرئيس\t2\t2'
	# --stat=mi ranks by MI: موسكو, then the words seen once that are seen
	# nowhere else, ahead of يزور (3 in all); text shows the stat's column
	run -0 bash -c 'ar-kwic --collocates=2 --stat=mi --tsv روسي "$1" | tail -n +2 | cut -f1 | paste -sd,' _ "$K/colloc.txt"
	assert_output 'موسكو,إن,قال,الرئيس,يزور'
	run -0 bash -c 'ar-kwic --collocates=2 --stat=logratio روسي "$1" | head -1' _ "$K/colloc.txt"
	assert_output --regexp 'corpus +logratio$'
	run -0 bash -c 'ar-kwic --collocates=2 --stat=t --min-freq=2 --tsv روسي "$1" | tail -n +2 | cut -f1,9' _ "$K/colloc.txt"
	assert_output $'موسكو\t0.83\nالرئيس\t0.25'
	# each collocate in its most frequent written form; the folded key beside it
	printf 'قال الرئيس إنّ قره\nقال إنَّ قره\nإنَّ قره\n' > "$BATS_TEST_TMPDIR/f.txt"
	run -0 bash -c 'ar-kwic --left=1 --right=0 --tsv قره "$1" | tail -n +2 | cut -f1,2,3' _ "$BATS_TEST_TMPDIR/f.txt"
	assert_output $'إنَّ\tان\t3'
	run -2 --separate-stderr ar-kwic --stat=dice --collocates قره "$K/colloc.txt"
	[[ "$stderr" == *"--stat: 'dice' is not ll, mi, t or logratio"* ]]
	run -2 --separate-stderr ar-kwic --left=0 --right=0 قره "$K/colloc.txt"
	[[ "$stderr" == *"no word is near a hit"* ]]
	run -2 --separate-stderr ar-kwic --left=5000 قره "$K/colloc.txt"
	[[ "$stderr" == *"--left: too large"* ]]
}

@test "--count-forms with --collocates gives the counts, then the collocates (it crashed before)" {
	run -0 ar-kwic --count-forms --collocates=2 --tsv روسي "$K/colloc.txt"
	assert_line --index 0 $'pattern\tform\tcount'
	assert_line --index 1 $'روسي\tالروسي\t2'
	assert_line --index 3 $'\t\t2'
	assert_line --index 4 $'collocate\tfolded\tfreq\tleft\tright\tcorpus\tll\tmi\tt\tlogratio'
	assert_line --index 5 $'موسكو\tموسكو\t2\t0\t2\t2\t3.94\t1.28\t0.83\t2.51'
}

# ---- grep's choice of documents ----

@test "-c counts hits per document, as grep -c, named when there are several" {
	run -0 ar-kwic -c قره "$K/spellings.txt"
	assert_output 7
	run -0 ar-kwic --count قره "$K/spellings.txt" "$K/crlf.txt" "$K/colloc.txt"
	assert_output "$K/spellings.txt:7
$K/crlf.txt:2
$K/colloc.txt:0"
	# documents named by headers on standard input
	run -0 bash -c 'ar-kwic -c قره < "$1"' _ "$K/docs.txt"
	assert_output $'doc-one:1\ndoc-two:1'
	run -0 ar-kwic -h -c قره "$K/spellings.txt" "$K/crlf.txt"
	assert_output $'7\n2'
	run -1 ar-kwic -c غيرموجود "$K/spellings.txt"
	assert_output 0
}

@test "-l and -L list documents with and without a hit; --null ends names with NUL" {
	run -0 ar-kwic -l قره "$K/spellings.txt" "$K/colloc.txt" "$K/docs.txt"
	assert_output "$K/spellings.txt
doc-one
doc-two"
	run -0 ar-kwic --files-without-match قره "$K/spellings.txt" "$K/colloc.txt"
	assert_output "$K/colloc.txt"
	run -0 bash -c 'ar-kwic -l --null قره "$1" "$2" | od -An -c | tr -s " " | tr -d "\n"' _ "$K/crlf.txt" "$K/docs.txt"
	assert_output --partial 't x t \0 d o c - o n e \0 d o c - t w o \0'
	# -L exits 1 when nothing matched anywhere, as grep 3.5 and later
	run -1 ar-kwic -L غيرموجود "$K/spellings.txt"
	assert_output "$K/spellings.txt"
	run -0 bash -c 'ar-kwic -l قره < "$1"' _ "$K/spellings.txt"
	assert_output '(standard input)'
}

@test "-q prints nothing and exits 0 at the first hit, 1 with none" {
	run -0 ar-kwic -q قره "$K/spellings.txt"
	assert_output ''
	run -1 ar-kwic --quiet غيرموجود "$K/spellings.txt"
	assert_output ''
	# the first hit decides: a later unreadable file does not matter
	run -0 ar-kwic --silent قره "$K/spellings.txt" "$BATS_TEST_TMPDIR/missing"
}

@test "-m NUM: at most NUM hits from each document" {
	run -0 bash -c 'ar-kwic -m 2 --tsv قره "$1" | tail -n +2 | cut -f2' _ "$K/spellings.txt"
	assert_output $'4\n6'
	run -0 bash -c 'ar-kwic --max-count=1 --tsv قره "$1" | tail -n +2 | cut -f1' _ "$K/docs.txt"
	assert_output $'doc-one\ndoc-two'
	run -0 ar-kwic -m 3 -c قره "$K/spellings.txt"
	assert_output 3
	run -0 bash -c 'ar-kwic -m 2 --count-forms قره "$1" | tail -1' _ "$K/spellings.txt"
	assert_output 'total: 2 hits'
	run -2 --separate-stderr ar-kwic -m x قره "$K/spellings.txt"
	[[ "$stderr" == *"--max-count: not a number"* ]]
	# as grep: -m 0 finds nothing, and says so by its status
	run -1 ar-kwic -m 0 قره "$K/spellings.txt"
	assert_output ''
	run -1 ar-kwic -m 0 -c قره "$K/spellings.txt"
	assert_output 0
	run -1 ar-date -m 0 "$K/spellings.txt"
	assert_output ''
}

@test "-i: Latin letters match in either case" {
	run -1 bash -c "echo 'the BBC said' | ar-kwic bbc"
	run -0 bash -c "echo 'the BBC said' | ar-kwic -i --tsv bbc | cut -f6 | tail -1"
	assert_output BBC
	run -0 bash -c "printf 'Reuters and REUTERS, reuters\n' | ar-kwic --ignore-case --tsv ReUtErS | cut -f6 | tail -n +2 | paste -sd,"
	assert_output 'Reuters,REUTERS,reuters'
	# with many patterns and Arabic around, through the block scanner
	run -0 bash -c "for i in \$(seq 200); do echo 'قال مراسل BBC في تونس'; done | ar-kwic -i -c -e bbc -e قره"
	assert_output 200
}

@test "-C is no option any more: --context=N" {
	run -2 --separate-stderr ar-kwic -C 5 قره "$K/spellings.txt"
	[[ "$stderr" == *"invalid option"* ]]
}

@test "numbers too large for --context, --words, --collocates say so" {
	run -2 --separate-stderr ar-kwic --context=1000000 قره "$K/spellings.txt"
	[[ "$stderr" == *"--context: too large: '1000000' (at most 100000)"* ]]
	run -2 --separate-stderr ar-kwic --collocates=100000000 قره "$K/spellings.txt"
	[[ "$stderr" == *"--collocates: too large"* ]]
	run -2 --separate-stderr ar-kwic --words=99999999999999999999999 قره "$K/spellings.txt"
	[[ "$stderr" == *"--words: too large"* ]]
	run -0 ar-kwic --context=100000 --tsv قره "$K/spellings.txt"
}

# ---- patterns are text; a pattern that can never match is an error ----

@test "patterns with punctuation find the text they say (issue 14 item 5)" {
	printf 'قال كوفيد-19 ود. محمد إن U.S. في 11/8/2015 xa-bx\nعبد. كوفيد\n' > "$BATS_TEST_TMPDIR/p.txt"
	for p in 'كوفيد-19' 'د.' 'U.S.' '11/8/2015'; do
		run -0 bash -c 'ar-kwic --tsv "$1" "$2" | tail -n +2 | cut -f2,6' _ "$p" "$BATS_TEST_TMPDIR/p.txt"
		case $p in
		د.) assert_output $'1\tود.' ;;   # a proclitic, and not the end of عبد.
		*) assert_output $'1\t'"$p" ;;
		esac
	done
	# within word bounds unless --substring
	run -1 ar-kwic a-b "$BATS_TEST_TMPDIR/p.txt"
	run -0 bash -c 'ar-kwic --substring --tsv a-b "$1" | tail -n +2 | cut -f3,4,6' _ "$BATS_TEST_TMPDIR/p.txt"
	assert_output $'44\t47\ta-b'
}

@test "a pattern that can never match says why and exits 2" {
	run -2 --separate-stderr ar-kwic '' "$K/spellings.txt"
	[[ "$stderr" == *"nothing once folded"*"can never match"* ]]
	run -2 --separate-stderr ar-kwic 'ـ ' "$K/spellings.txt"
	[[ "$stderr" == *"can never match"* ]]
	run -2 --separate-stderr ar-kwic -e قره -e "$(printf '\342\200\214')" "$K/spellings.txt"
	[[ "$stderr" == *"can never match"* ]]
	run -2 --separate-stderr ar-kwic "$(printf 'قره\nباغ')" "$K/spellings.txt"
	[[ "$stderr" == *"holds a newline"* ]]
	printf 'قره\n\331\200\n' > "$BATS_TEST_TMPDIR/pats"   # U+0640, in bytes: any locale
	run -2 --separate-stderr ar-kwic -f "$BATS_TEST_TMPDIR/pats" "$K/spellings.txt"
	[[ "$stderr" == *"pats:2: pattern"*"can never match"* ]]
	: > "$BATS_TEST_TMPDIR/none"
	run -2 --separate-stderr ar-kwic -f "$BATS_TEST_TMPDIR/none" "$K/spellings.txt"
	[[ "$stderr" == *"no pattern"* ]]
}

@test "--color=bogus names the bad value" {
	run -2 --separate-stderr ar-kwic --color=bogus قره "$K/spellings.txt"
	[[ "$stderr" == *"--color: 'bogus' is not auto, always or never"* ]]
	run -0 ar-kwic --color=never قره "$K/spellings.txt"
}

# ---- documents, lines, encodings ----

@test "\\f header lines name documents and restart line numbers" {
	run -0 bash -c 'ar-kwic --tsv قره "$1" | cut -f1,2 | tail -n +2' _ "$K/docs.txt"
	assert_output $'doc-one\t1\ndoc-two\t2'
	run -0 bash -c 'cat "$1" | ar-kwic --color=never قره | cut -f2' _ "$K/docs.txt"
	assert_line --index 0 'doc-one:1'
}

@test "--csv: rows, counts and collocates through the row printer" {
	run -0 bash -c 'ar-kwic --csv -e قره -e "قره باغ" "$1" | python3 -c "
import csv, sys
rows = list(csv.reader(sys.stdin))
print(rows[0]); print(len(rows) - 1, sorted(set(r[7] for r in rows[1:])))"' _ "$K/spellings.txt"
	assert_line --index 0 "['doc', 'line', 'start', 'end', 'left', 'match', 'right', 'pattern', 'date']"
	assert_line --index 1 "13 ['قره', 'قره باغ']"
	run -0 bash -c 'ar-kwic --count-forms --csv "قره باغ" "$1" | tail -1' _ "$K/spellings.txt"
	assert_output $',,6\r'
	run -0 bash -c 'ar-kwic --collocates=2 --csv روسي "$1" | sed -n 2p' _ "$K/colloc.txt"
	assert_output $'موسكو,موسكو,2,0,2,2,3.94,1.28,0.83,2.51\r'
}

@test "rows carry the document's date (the header's date=), null in JSON without one" {
	printf '\fa.txt\tdate=2023-09-29\tcrawled=2015-07-24T16:06:03\nقره باغ\n\fb.txt\nقره\n' > "$BATS_TEST_TMPDIR/d.txt"
	run -0 bash -c 'ar-kwic --tsv قره "$1" | cut -f1,9' _ "$BATS_TEST_TMPDIR/d.txt"
	assert_output $'doc\tdate\na.txt\t2023-09-29\nb.txt\t'
	run -0 bash -c 'ar-kwic --json --sort=R1 قره "$1" | jq -c "[.doc, .date]"' _ "$BATS_TEST_TMPDIR/d.txt"
	assert_output $'["b.txt",null]\n["a.txt","2023-09-29"]'
	run -0 bash -c 'ar-kwic --csv قره "$1" | sed -n 2p' _ "$BATS_TEST_TMPDIR/d.txt"
	assert_output $'a.txt,1,0,3,,قره," باغ",قره,2023-09-29\r'
}

@test "a header's fields are no part of the document's name" {
	run -0 bash -c 'printf "\fa.txt\tdate=2023-09-29\nقره باغ\n" | ar-kwic --tsv قره | cut -f1 | tail -1'
	assert_output a.txt
	run -0 bash -c 'printf "\fa.txt\tdate=2023-09-29\nقره باغ\n" | ar-kwic --color=never قره | cut -f2'
	assert_output a.txt:1
}

@test "standard input is doc -, and several files keep their names" {
	run -0 bash -c 'ar-kwic --tsv قرة < "$1" | cut -f1 | tail -1' _ "$K/crlf.txt"
	assert_equal "$output" "-"
	run -0 bash -c 'ar-kwic --tsv قرة "$1" "$2" | cut -f1 | tail -n +2 | sort -u | wc -l' _ "$K/crlf.txt" "$K/spellings.txt"
	assert_output 2
}

@test "CRLF lines: no CR in the output" {
	run -0 bash -c 'ar-kwic --tsv قره "$1" | grep -c $'"'"'\r'"'"' || true' _ "$K/crlf.txt"
	assert_output 0
	run -0 bash -c 'ar-kwic --tsv قره "$1" | cut -f7 | tail -1' _ "$K/crlf.txt"
	assert_output ' باغ غدا'
}

@test "no final newline: the last line is searched" {
	run -0 bash -c 'ar-kwic --tsv بيان "$1" | cut -f2 | tail -1' _ "$K/spellings.txt"
	assert_output 9
}

@test "invalid UTF-8 is replaced by U+FFFD with one warning; --strict fails" {
	printf 'في \xff قره \xc3 باغ\nقره \xfe\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run -0 --separate-stderr bash -c 'ar-kwic --json قره "$1" | jq -r .right' _ "$BATS_TEST_TMPDIR/bad.txt"
	assert_line --index 0 ' � باغ'
	assert_equal "$(grep -c 'invalid UTF-8' <<<"$stderr")" 1
	run -2 --separate-stderr ar-kwic --strict قره "$BATS_TEST_TMPDIR/bad.txt"
}

@test "stray bytes where the block scanner starts lose no hit (fuzz regression)" {
	# a continuation byte first in the file, and invalid bytes between
	# plain text, once made the scanner skip the rest of its buffer
	{ printf '\xaf\xd8\xb5 \xd8 \xd8\xa7\x82 قره\n'
	  for i in $(seq 50); do printf 'في \xd8 المدينة الكبيرة \x82\x82 قرة اليوم\n'; done; } > "$BATS_TEST_TMPDIR/stray.txt"
	run -0 --separate-stderr bash -c 'ar-kwic --count-forms قره "$1" | tail -1' _ "$BATS_TEST_TMPDIR/stray.txt"
	assert_output "total: 51 hits"
}

@test "many patterns at once find what each finds alone" {
	# the 60 commonest words of the samples, each with and without ال; one
	# pass over all of them must give the rows of one pass per pattern
	S="$TOP/share/ar-tools/samples"
	re=$(printf '^([\330\331][\200-\277]){3,}$')   # three Arabic letters or more, as bytes
	cat "$S"/*.txt | ar-norm | tr -s ' \t' '\n\n' | LC_ALL=C grep -E "$re" | LC_ALL=C sort | uniq -c |
		sort -k1,1nr -k2 | head -60 | awk '{ print $2; print "ال" $2 }' > "$BATS_TEST_TMPDIR/pats"
	run -0 bash -c 'ar-kwic --tsv -f "$1" "$2"/*.txt | cut -f1-7 | sort -u > "$3/all"
		while read -r p; do ar-kwic --tsv -e "$p" "$2"/*.txt; done < "$1" | cut -f1-7 | sort -u > "$3/each"
		cmp "$3/all" "$3/each" && wc -l < "$3/all"' _ "$BATS_TEST_TMPDIR/pats" "$S" "$BATS_TEST_TMPDIR"
	[ "$output" -gt 100 ]
	# past the first 2 MB many patterns switch to the anchors that proved
	# quietest: 3 MB of the samples give the same rows either way
	for i in $(seq 600); do cat "$S"/*.txt; done > "$BATS_TEST_TMPDIR/big.txt"
	run -0 bash -c 'ar-kwic --tsv -f "$1" "$2" | cut -f1-7 | sort -u > "$3/all"
		while read -r p; do ar-kwic --tsv -e "$p" "$2"; done < "$1" | cut -f1-7 | sort -u > "$3/each"
		cmp "$3/all" "$3/each" && wc -l < "$3/all"' _ \
		"$BATS_TEST_TMPDIR/pats" "$BATS_TEST_TMPDIR/big.txt" "$BATS_TEST_TMPDIR"
	[ "$output" -gt 10000 ]
}

@test "the word scanner finds what the anchor scanner finds (AR_KWIC_SCAN)" {
	# many frequent words go word by word (each folded once, looked up in
	# the set of pattern words); words the table cannot fold (presentation
	# forms, a run of 130 bytes, a stray byte, a letter outside U+0800, a
	# mathematical digit) go to the anchors: the rows are the same
	S="$TOP/share/ar-tools/samples"
	frequent_words "$S" > "$BATS_TEST_TMPDIR/pats"
	w=$(sed -n 3p "$BATS_TEST_TMPDIR/pats")
	{ cat "$S"/*.txt; echo
	  printf 'قال \xef\xbb\xbb%s و%s، «%s» (%s) ـ%sـ\n' "$w" "$w" "$w" "$w" "$w"
	  printf '%s\xd8 %s\n' "$w" "$w"
	  printf '%s%s\xe2\x80\x8c%s %s\xf0\x9d\x9f\x98 %s\n' "$w" "$w" "$w" "$w" "$w"
	  printf '%s' "$w"; for i in $(seq 30); do printf 'ـ'; done; printf '%s %s\n' "$w" "$w"
	  printf 'Ā%s %sĀ %s\r\n' "$w" "$w" "$w"
	  # runs of 32 bytes and more, as the sieve before the walk reads them
	  printf '%s ' "$w"; for i in $(seq 16); do printf '\302\240'; done; printf ' %s\n' "$w"
	  printf '%s%s%s%s %s\n' "$w" "$w" "$w" "$w" "$w"; } > "$BATS_TEST_TMPDIR/text.txt"
	for f in --tsv --visual --count-forms; do
		run -0 bash -c 'AR_KWIC_SCAN=anchors ar-kwic $1 -f "$2" "$3" > "$4/a" 2>&1
			AR_KWIC_SCAN=words ar-kwic $1 -f "$2" "$3" > "$4/w" 2>&1
			cmp "$4/a" "$4/w" && wc -l < "$4/w"' _ "$f" "$BATS_TEST_TMPDIR/pats" \
			"$BATS_TEST_TMPDIR/text.txt" "$BATS_TEST_TMPDIR"
		[ "$output" -gt 50 ]
	done
	# and each of those lines has the word standing alone somewhere
	n=$(wc -l < "$BATS_TEST_TMPDIR/text.txt")
	run -0 --separate-stderr bash -c 'AR_KWIC_SCAN=words ar-kwic --tsv -e "$1" "$2" | cut -f2 |
		awk -v n="$3" "NR > 1 && \$1 > n - 5" | sort -u | wc -l' _ "$w" "$BATS_TEST_TMPDIR/text.txt" "$n"
	assert_output 5
}

@test "the AVX2 passes give the rows the scalar code gives (AR_NO_AVX2)" {
	# contexts walked 32 bytes at a time, rows' columns counted so,
	# rows written so, runs sieved so: on the samples and on lines of
	# marks, digits, brackets, Latin, controls and no-break spaces
	S="$TOP/share/ar-tools/samples"
	frequent_words "$S" > "$BATS_TEST_TMPDIR/pats"
	w=$(sed -n 3p "$BATS_TEST_TMPDIR/pats")
	{ cat "$S"/*.txt
	  printf 'قَالَ الرَّئِيسُ (%s) في 2023، «%s» و%s: BBC News %s\n' "$w" "$w" "$w" "$w"
	  printf '%s\t\001%s\302\240\302\240%s ـــ %s ١٤ %s\n' "$w" "$w" "$w" "$w" "$w"
	  # the sieve's runs of a word and a mark after it, of ASCII alone
	  printf '%s؟ %s؛ %s، ، ؟ 2023 BBC %s؟%s x%s %s2 ،%s\n' "$w" "$w" "$w" "$w" "$w" "$w" "$w" "$w"; } \
	  > "$BATS_TEST_TMPDIR/text.txt"
	for f in --context=5 --context=15 --context=40 --context=100 --tsv --words=3; do
		run -0 bash -c 'AR_NO_AVX2=1 ar-kwic $1 -f "$2" "$3" > "$4/s" 2>&1
			ar-kwic $1 -f "$2" "$3" > "$4/v" 2>&1
			cmp "$4/s" "$4/v" && wc -l < "$4/v"' _ "$f" "$BATS_TEST_TMPDIR/pats" \
			"$BATS_TEST_TMPDIR/text.txt" "$BATS_TEST_TMPDIR"
		[ "$output" -gt 50 ]
	done
}

@test "the word scanner names a hit's pattern as the anchor scanner does" {
	# والسلطات is السلطات after و and سلطات after وال: one hit, the
	# pattern given first; a tatweel or a comma in the run changes nothing
	printf 'والسلطات قالت\nبالسلطات وللسلطات\nالسلطات، السلطاتـ\n' > "$BATS_TEST_TMPDIR/t.txt"
	for order in 'سلطات السلطات' 'السلطات سلطات والسلطات'; do
		tr ' ' '\n' <<< "$order" > "$BATS_TEST_TMPDIR/pats"
		run -0 bash -c 'AR_KWIC_SCAN=anchors ar-kwic --tsv -f "$1" "$2" > "$3/a"
			AR_KWIC_SCAN=words ar-kwic --tsv -f "$1" "$2" > "$3/w"
			cmp "$3/a" "$3/w" && cut -f8 "$3/w" | sed -n 2p' _ \
			"$BATS_TEST_TMPDIR/pats" "$BATS_TEST_TMPDIR/t.txt" "$BATS_TEST_TMPDIR"
		assert_output "${order%% *}"
	done
}

@test "invalid UTF-8 in a line without a hit is still reported; --strict fails" {
	# a lead byte before a space, 0xff, a stray second byte: each in a line
	# of plain Arabic text that the scanner would pass over unread
	for bad in '\xd8 ' '\xff' '\x82'; do
		{ printf 'في المدينة الكبيرة اليوم وفي المدينة الكبيرة\n'
		  printf "في المدينة ${bad} الكبيرة اليوم وفي المدينة الكبيرة\n"
		  printf 'قره باغ\n'; } > "$BATS_TEST_TMPDIR/bad.txt"
		run -0 --separate-stderr ar-kwic --count-forms قره "$BATS_TEST_TMPDIR/bad.txt"
		assert_line 'total: 1 hits'
		[[ "$stderr" == *"bad.txt:2: invalid UTF-8 at byte 20"* ]]
		run -2 --separate-stderr ar-kwic --strict --count-forms قره "$BATS_TEST_TMPDIR/bad.txt"
		run -2 --separate-stderr ar-kwic --strict --count-forms -f "$TOP/test/bench/places-sy-100.txt" "$BATS_TEST_TMPDIR/bad.txt"
		[[ "$stderr" == *"bad.txt:2: invalid UTF-8 at byte 20"* ]]
	done
}

@test "a multi-megabyte line without spaces or newlines" {
	{ head -c 3000000 /dev/zero | tr '\0' 'x'; printf ' قره '; head -c 3000000 /dev/zero | tr '\0' 'y'; } > "$BATS_TEST_TMPDIR/big.txt"
	run -0 bash -c 'ar-kwic --tsv --context=3 قره "$1" | tail -1 | cut -f2-7' _ "$BATS_TEST_TMPDIR/big.txt"
	assert_output $'1\t3000001\t3000004\txx \tقره\t yy'
	{ for i in $(seq 20000); do printf 'قرقرقرقر '; done; printf 'قره\n'; } > "$BATS_TEST_TMPDIR/rep.txt"
	run -0 bash -c 'ar-kwic --tsv قره "$1" | tail -n +2 | wc -l' _ "$BATS_TEST_TMPDIR/rep.txt"
	assert_output 1
}

@test "Arabic text that only looks like the pattern inside presentation forms" {
	printf 'ﻗﺮﻩ باغ\n' > "$BATS_TEST_TMPDIR/pf.txt"
	run -0 bash -c 'ar-kwic --tsv "قره باغ" "$1" | cut -f6 | tail -1' _ "$BATS_TEST_TMPDIR/pf.txt"
	assert_output 'ﻗﺮﻩ باغ'
}

@test "hamza written as a combining mark still folds" {
	printf 'قال ا\xd9\x94حمد\n' > "$BATS_TEST_TMPDIR/h.txt"
	run -0 bash -c 'ar-kwic --tsv احمد "$1" | cut -f6 | tail -1' _ "$BATS_TEST_TMPDIR/h.txt"
	assert_output $'ا\xd9\x94حمد'
}

# ---- exit status and I/O ----

@test "exit 1 when nothing matches" {
	run -1 ar-kwic غيرموجود "$K/spellings.txt"
	assert_output ''
}

@test "an unreadable file among readable ones: rows, a message, exit 2" {
	run -2 --separate-stderr ar-kwic --tsv قره "$K/crlf.txt" "$BATS_TEST_TMPDIR/missing" "$K/docs.txt"
	assert_equal "$(printf '%s\n' "${lines[@]}" | tail -n +2 | wc -l)" 4
	assert_equal "${stderr%%:*}" "ar-kwic"
}

@test "write error on /dev/full exits 2" {
	run -2 --separate-stderr bash -c 'ar-kwic قره "$1" > /dev/full' _ "$K/spellings.txt"
	assert_equal "${stderr%%:*}" "ar-kwic"
}

@test "| head -1 ends quietly" {
	run -0 --separate-stderr bash -c 'for i in $(seq 3000); do cat "$1"; echo; done | ar-kwic قره | head -1 | wc -l' _ "$K/spellings.txt"
	assert_output 1
	assert_equal "$stderr" ""
}

@test "--help, --version, bad options" {
	run -0 ar-kwic --help
	assert_line --index 0 --partial 'usage: ar-kwic'
	run -0 ar-kwic --version
	run -2 --separate-stderr ar-kwic --no-such-option قره
	[[ "$stderr" == *"usage: ar-kwic"* ]]
	run -2 --separate-stderr ar-kwic
	run -2 --separate-stderr ar-kwic --context=x قره
	run -2 --separate-stderr ar-kwic --format=xml قره
}

@test "--line-buffered is accepted" {
	run -0 bash -c 'ar-kwic --line-buffered --tsv قرة < "$1" | wc -l' _ "$K/crlf.txt"
	assert_output 3
}

@test "seeds: every spelling of قره باغ is found (needs ../shared)" {
	need_shared seeds
	run -0 bash -c 'ar-kwic --count-forms "قره باغ" "$1"/seeds/*.txt | tail -1' _ "$SHARED"
	want=$(cat "$SHARED"/seeds/*.txt | LC_ALL=C.UTF-8 grep -o '[^ ]*قر[هة] باغ' | wc -l)
	assert_output "total: $want hits"
}

@test "stars: every word the glob matches, and only those (random words, three stars)" {
	python3 - "$BATS_TEST_TMPDIR" <<'PY'
import random, re, sys
d = sys.argv[1]
random.seed(7)
letters = "درز"
words = ["".join(random.choice(letters) for _ in range(random.randint(1, 9))) for _ in range(3000)]
open(d + "/words.txt", "w", encoding="utf-8").write("\n".join(" ".join(words[i:i + 10]) for i in range(0, 3000, 10)) + "\n")
PY
	python3 - "$BATS_TEST_TMPDIR" > "$BATS_TEST_TMPDIR/want" <<'PY'
import random, re, sys
random.seed(7)
letters = "درز"
words = ["".join(random.choice(letters) for _ in range(random.randint(1, 9))) for _ in range(3000)]
for pat in ["د*ر*ز", "*ر*ر*", "دد*", "*زز", "د*د*د*د"]:
    rx = re.compile("^" + pat.replace("*", "[درز]*") + "$")
    print(pat, sum(1 for w in words if rx.match(w)))
PY
	for pat in "د*ر*ز" "*ر*ر*" "دد*" "*زز" "د*د*د*د"; do
		echo "$pat $(ar-kwic --exact -h -c "$pat" "$BATS_TEST_TMPDIR/words.txt")"
	done > "$BATS_TEST_TMPDIR/got"
	run -0 diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}

@test "a line of 5 MB is read in windows: every hit once, at its offset, with context" {
	# ar-kwic holds a window of a line longer than a megabyte; a hit, a
	# phrase or a context across a window's edge must come out as on a
	# short line. 250,000 units of 20 characters: a hit every 20, the
	# phrase every 20 too.
	yes 'قرة أمس الخميس 2023 ' | head -n 250000 | tr -d '\n' > "$BATS_TEST_TMPDIR/long"
	echo >> "$BATS_TEST_TMPDIR/long"
	echo 'قره' >> "$BATS_TEST_TMPDIR/long"
	run -0 bash -c 'ar-kwic --tsv -e قره -e "أمس الخميس" "$1" | awk -F"\t" "
		NR > 1 && \$2 == 1 && \$8 == \"قره\" { if (\$3 != q) bad++; q += 20; n1++ }
		NR > 1 && \$2 == 1 && \$8 != \"قره\" { if (\$3 != p + 4) bad++; p += 20; n2++ }
		NR > 1 && \$2 == 1 && \$3 > 100 && \$3 < 4999000 && (length(\$5) < 40 || length(\$7) < 40) { short++ }
		NR > 1 && \$2 == 2 { last++ }
		END { print n1 + 0, n2 + 0, bad + 0, short + 0, last + 0 }"' _ "$BATS_TEST_TMPDIR/long"
	assert_output "250000 250000 0 0 1"
}

@test "--substring with stars: a hit at every place the glob matches from (random words)" {
	# each start where the glob matches, within a word, is one hit
	python3 - "$BATS_TEST_TMPDIR" > "$BATS_TEST_TMPDIR/want" <<'PY'
import random, re, sys
d = sys.argv[1]
random.seed(11)
letters = "درز"
words = ["".join(random.choice(letters) for _ in range(random.randint(1, 12))) for _ in range(3000)]
open(d + "/words.txt", "w", encoding="utf-8").write("\n".join(" ".join(words[i:i + 10]) for i in range(0, 3000, 10)) + "\n")
for pat in ["د*ر*ز", "ر*ر", "دد*", "ز*ز*ز", "د*د*د*د"]:
    rx = re.compile(pat.replace("*", "[درز]*?"))
    print(pat, sum(1 for w in words for i in range(len(w)) if rx.match(w, i)))
PY
	for pat in "د*ر*ز" "ر*ر" "دد*" "ز*ز*ز" "د*د*د*د"; do
		echo "$pat $(ar-kwic --substring --exact -h -c "$pat" "$BATS_TEST_TMPDIR/words.txt")"
	done > "$BATS_TEST_TMPDIR/got"
	run -0 diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}

@test "invalid UTF-8 deep in a line read in windows is placed in the whole line" {
	{ yes 'قرة أمس ' | head -n 200000 | tr -d '\n'; printf '\377'; echo ' قرة'; } > "$BATS_TEST_TMPDIR/bad"
	run -0 --separate-stderr ar-kwic -c قره "$BATS_TEST_TMPDIR/bad"
	assert_output 200001
	[[ "$stderr" == *":1: invalid UTF-8 at byte 2800000,"* ]]
}
