bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	F="$FIX/strip-nav"
	D="$BATS_TEST_DIRNAME/gold/strip-nav/dev"       # the development pages
}

# kept LINE...: the expected default output of a fixture, as line prefixes
# (the body paragraphs are long; 20 characters identify them)

@test "crawler page: title, publication line, body, subhead, attribution" {
	run -0 ar-strip-nav -h "$F/page-crawler.txt"
	assert_equal "${#lines[@]}" 8
	assert_line --index 0 "الحكومة تعد بدعم المزارعين بعد موسم الجفاف"
	assert_line --index 1 "تاريخ النشر: 2nd, March 2024 GMT"
	assert_line --index 2 --partial "قال وزير الزراعة في مؤتمر"
	assert_line --index 3 --partial "وأضاف الوزير أن الخطة"
	assert_line --index 4 "خطة التوزيع"
	assert_line --index 5 --partial "وكانت الأمطار قد تأخرت"
	assert_line --index 6 --partial "ومن المنتظر أن تعلن"
	assert_line --index 7 "المصدر: وكالة الأنباء"
}

@test "crawler header, repeated title, tweets, ad, tags go" {
	run -0 ar-strip-nav -h "$F/page-crawler.txt"
	refute_output --partial "موقع الأخبار التجريبي"
	refute_output --partial "2024-03-02@08:15:40"
	refute_output --partial "pic.twitter.com"
	refute_output --partial "@farmnews"
	refute_output --partial "إعلان"
	refute_output --partial "كلمات دلالية"
	[ "$(grep -c 'الحكومة تعد بدعم' <<< "$output")" -eq 1 ]
}

@test "إقرأ أيضاً drops the other article, its title and body, and the related list" {
	run -0 ar-strip-nav -h "$F/page-crawler.txt"
	refute_output --partial "إقرأ أيضاً"
	refute_output --partial "اتحاد الكرة"
	refute_output --partial "الجماهير"
	refute_output --partial "مقالات مشابهة"
	refute_output --partial "وزير المالية"
}

@test "share bar, menu, ticker, comments, related headline between paragraphs go; dateline stays" {
	run -0 ar-strip-nav -h "$F/page-share.txt"
	assert_line --index 0 "الأحد 03/03/2024 - 10:20 بتوقيت القاهرة"
	assert_line --index 1 "افتتاح أول مدرسة للتعليم الزراعي في الريف"
	assert_line --index 2 "المصدر / وكالات - متابعة"
	assert_equal "${#lines[@]}" 6
	refute_output --partial "facebook"
	refute_output --partial "أحدث الأخبار"
	refute_output --partial "عاجل"
	refute_output --partial "الجامعة الوطنية"
	refute_output --partial "التعليقات"
}

@test "a widget run spliced into a paragraph is cut out, the words around it stay" {
	run -0 ar-strip-nav -h "$F/page-widget.txt"
	assert_line --index 3 --partial "وأضاف الوزير أن الخطة"
	assert_line --index 3 --partial "على حدة. ومن المتوقع أن يبدأ العمل في المشروع قبل نهاية العام الجاري."
	refute_output --partial "منذ ساعة"
	refute_output --partial "ميناء المدينة"
	assert_equal "${#lines[@]}" 6
}

@test "--explain marks the spliced line S with the rule, the widget-only line D" {
	run -0 ar-strip-nav --explain "$F/page-widget.txt"
	assert_line --index 3 --regexp $'^[^\t]*page-widget.txt\t4\tS\tpage:body, cut by rule:widget;'
	assert_line --index 4 --regexp $'\t5\tD\trule:widget'
}

@test "site trailers go: read-more, link-back, wire, contact block, handle, tags run" {
	run -0 ar-strip-nav -h "$F/page-trailers.txt"
	assert_line --index 0 "قصة نجاح شاب في التجارة الإلكترونية"
	assert_line --index 1 " سعيد العمري – جدة"
	for s in "Next Previous" "المزيد" "رابط الخبر" "انتهى" "12:47" "@" "SMS" "تبدأ بالرمز" "Stc" "Mobily" "سمات"; do
		refute_output --partial "$s"
	done
	assert_line --index 4 --partial "وكانت الأمطار قد تأخرت"
	assert_line --index 4 --regexp "كامل\.$"
	assert_equal "${#lines[@]}" 5
}

@test "a block of menu items goes, a short subhead between paragraphs stays" {
	run -0 ar-strip-nav -h "$F/page-menu.txt"
	assert_line --index 0 "المزارعون يستعدون للموسم"
	assert_line --index 2 "أسعار الأسمدة"
	for s in "محليات" "رياضة" "اتصل بنا" "سياسة الخصوصية" "الأرشيف"; do
		refute_output --partial "$s"
	done
	assert_equal "${#lines[@]}" 5
}

@test "lines with no letter or digit go; --keep=blank keeps them" {
	run -0 bash -c 'ar-strip-nav -h "$1" | grep -c "^[[:space:]]*$" || true' _ "$F/page-crawler.txt"
	assert_output 0
	run -0 bash -c 'ar-strip-nav -h --keep=blank "$1" | grep -c "^$"' _ "$F/page-crawler.txt"
	[ "$output" -ge 8 ]
}

@test "--keep=tweets,tags,source keeps those kinds" {
	run -0 ar-strip-nav -h --keep=tweets,tags,source "$F/page-crawler.txt"
	assert_output --partial "pic.twitter.com"
	assert_output --partial "@farmnews"
	assert_output --partial "كلمات دلالية"
	assert_output --partial "موقع الأخبار التجريبي:"
	assert_output --partial "2024-03-02@08:15:40 GMT"
	refute_output --partial "إعلان"
}

@test "--keep=related keeps the section and what follows it" {
	run -0 ar-strip-nav -h --keep=related "$F/page-crawler.txt"
	assert_output --partial "إقرأ أيضاً"
	assert_output --partial "أعلن اتحاد الكرة"
}

@test "--keep=dup,headline,widget keep what the statistics and spans would drop" {
	run -0 ar-strip-nav -h --keep=dup,headline "$F/page-share.txt"
	assert_output --partial "الجامعة الوطنية"
	[ "$(grep -c 'افتتاح أول مدرسة' <<< "$output")" -eq 2 ]
	run -0 ar-strip-nav -h --keep=widget "$F/page-widget.txt"
	assert_output --partial "منذ ساعة"
}

@test "--keep with an unknown kind is a usage error" {
	run -2 --separate-stderr ar-strip-nav --keep=nosuch "$F/page-menu.txt"
	assert_equal "$output" ""
	[[ "$stderr" == *"unknown kind 'nosuch'"* ]]
}

@test "--explain: doc line action rule text for every input line, the layer that decided" {
	run -0 ar-strip-nav --explain "$F/page-crawler.txt"
	assert_equal "${#lines[@]}" "$(($(wc -l < "$F/page-crawler.txt") + 1))"
	assert_line --index 0 $'/'"${F#/}"$'/page-crawler.txt\t1\tD\trule:source (the source name before it)\tموقع الأخبار التجريبي:'
	assert_line --index 3 --partial $'\t4\tK\tpage:title; '
	assert_line --index 13 --partial $'\t14\tD\trule:tweets\t'
	assert_line --index 17 --regexp $'\t18\tK\tpage:body; short len=11 sw=0.00\t'
	assert_line --index 29 --partial $'\t30\tD\trule:related\tإقرأ أيضاً:'
	assert_line --index 31 --partial $'\t32\tD\trule:related (rest of the page)'
	run -2 --separate-stderr ar-strip-nav -e "$F/page-crawler.txt"
	[[ "$stderr" == *usage:* ]]
}

@test "--format=tsv is --explain with a header line" {
	run -0 ar-strip-nav --format=tsv "$F/page-menu.txt"
	assert_line --index 0 $'doc\tline\taction\trule\ttext'
	[ "${#lines[@]}" -eq 22 ]
	run -0 ar-strip-nav --tsv "$F/page-menu.txt"
	assert_line --index 0 $'doc\tline\taction\trule\ttext'
}

@test "--format=json: one object per page with name, title, date (ISO), date_line, crawled, source, body, dropped" {
	run -0 bash -c 'ar-strip-nav --format=json "$1" | jq -e -c "[.name, .title, .date, .date_line, .crawled, .source, .attribution, (.body | length), .dropped]"' _ "$F/page-crawler.txt"
	assert_output "[\"$F/page-crawler.txt\",\"الحكومة تعد بدعم المزارعين بعد موسم الجفاف\",\"2024-03-02\",\"تاريخ النشر: 2nd, March 2024 GMT\",\"2024-03-02T08:15:40\",\"موقع الأخبار التجريبي\",\"المصدر: وكالة الأنباء\",5,34]"
	run -0 bash -c 'ar-strip-nav --json "$1" "$2" | jq -s length' _ "$F/page-crawler.txt" "$F/page-share.txt"
	assert_output 2
	# a dateline before the title, with its time; no crawl line
	run -0 bash -c 'ar-strip-nav --json "$1" | jq -e -c "[.date, .date_line, .crawled]"' _ "$F/page-share.txt"
	assert_output '["2024-03-03T10:20","الأحد 03/03/2024 - 10:20 بتوقيت القاهرة",null]'
	# no publication line: the crawl time
	run -0 bash -c 'ar-strip-nav --json "$1" | jq -e -c "[.date, .date_line, .crawled]"' _ "$F/page-trailers.txt"
	assert_output '["2015-06-01T10:11:12","2015-06-01 10:11:12","2015-06-01T10:11:12"]'
}

@test "--rules=FILE adds rules that are tried first; a bad rules file is an error" {
	printf '# mine\n^خطة التوزيع$\tdrop-line\tsubheads\n' > "$BATS_TEST_TMPDIR/r.tsv"
	run -0 ar-strip-nav -h --rules="$BATS_TEST_TMPDIR/r.tsv" "$F/page-crawler.txt"
	refute_output --partial "خطة التوزيع"
	run -0 ar-strip-nav --explain --rules "$BATS_TEST_TMPDIR/r.tsv" "$F/page-crawler.txt"
	assert_line --index 17 --partial $'\tD\trule:subheads\t'
	printf 'x\tdrop-it\tname\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run -2 --separate-stderr ar-strip-nav --rules="$BATS_TEST_TMPDIR/bad.tsv" "$F/page-crawler.txt"
	[[ "$stderr" == *"bad.tsv:1: unknown action 'drop-it'"* ]]
	printf 'only-one-field\n' > "$BATS_TEST_TMPDIR/bad2.tsv"
	run -2 --separate-stderr ar-strip-nav --rules "$BATS_TEST_TMPDIR/bad2.tsv" "$F/page-crawler.txt"
	[[ "$stderr" == *"bad2.tsv:1:"* ]]
	run -2 --separate-stderr ar-strip-nav --rules "$BATS_TEST_TMPDIR/none.tsv" "$F/page-crawler.txt"
}

@test "a --rules pattern or name that is not valid UTF-8 is refused, naming FILE:LINE" {
	printf '# fine\n^abc\tdrop-line\tok\n^ab\xffc\tdrop-line\tbad\n' > "$BATS_TEST_TMPDIR/r.tsv"
	run -2 --separate-stderr ar-strip-nav --rules="$BATS_TEST_TMPDIR/r.tsv" "$F/page-crawler.txt"
	[[ "$stderr" == *"r.tsv:3: the pattern is not valid UTF-8 (byte 4)"* ]]
	assert_equal "$output" ""
	printf '^abc\tdrop-line\tb\xc3\n' > "$BATS_TEST_TMPDIR/n.tsv"
	run -2 --separate-stderr ar-strip-nav --rules="$BATS_TEST_TMPDIR/n.tsv" "$F/page-crawler.txt"
	[[ "$stderr" == *"n.tsv:1: the name is not valid UTF-8"* ]]
}

@test "user rules: drop-span with | and #, keep-line, drop-rest" {
	printf '%s\t%s\t%s\n' 'الوزير |أن' drop-span cut '^قال وزير' keep-line lead '^خطة التوزيع' drop-rest mine > "$BATS_TEST_TMPDIR/r.tsv"
	run -0 ar-strip-nav -h --rules "$BATS_TEST_TMPDIR/r.tsv" "$F/page-crawler.txt"
	assert_line --index 3 --partial "وأضاف الوزير الخطة التي"
	assert_equal "${#lines[@]}" 4
	printf '%s\t%s\t%s\n' '^# - Zain$' drop-line z > "$BATS_TEST_TMPDIR/d.tsv"
	run -0 bash -c 'printf "737221 - Zain\n" | ar-strip-nav --rules "$1" --explain' _ "$BATS_TEST_TMPDIR/d.tsv"
	assert_output --partial $'\tD\trule:z\t'
}

@test "a drop-span rule that can match the empty string is an error naming FILE:LINE, not a hang" {
	printf 'abc\n' > "$BATS_TEST_TMPDIR/in.txt"
	for p in '<|*' '*' '<^*$' '|*$'; do
		printf '# spans\n%s\tdrop-span\tx\n' "$p" > "$BATS_TEST_TMPDIR/r.tsv"
		run -2 --separate-stderr timeout 20 ar-strip-nav --rules="$BATS_TEST_TMPDIR/r.tsv" "$BATS_TEST_TMPDIR/in.txt"
		[[ "$stderr" == *"r.tsv:2: drop-span pattern '$p' can match the empty string"* ]]
	done
	printf '*\tdrop-line\tall\n' > "$BATS_TEST_TMPDIR/r.tsv"
	run -0 ar-strip-nav -h --rules="$BATS_TEST_TMPDIR/r.tsv" "$BATS_TEST_TMPDIR/in.txt"
	assert_output ""
}

@test "100,000 --rules load in linear time, and the last one still applies" {
	# each literal twice (one copy is shared), then one rule that matches
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "zzq%dword\tdrop-line\tr%d\n", i % 50000, i
	    print "التوزيع\tdrop-line\tlast" }' > "$BATS_TEST_TMPDIR/big.tsv"
	t=10
	[ "${VALGRIND:-0}" = 1 ] && t=300
	run -0 timeout $t ar-strip-nav -h --rules "$BATS_TEST_TMPDIR/big.tsv" "$F/page-crawler.txt"
	assert_equal "${#lines[@]}" 7
	refute_output --partial "خطة التوزيع"
	run -0 timeout $t ar-strip-nav --list-rules --rules "$BATS_TEST_TMPDIR/big.tsv"
	assert_line --index 100000 $'التوزيع\tdrop-line\tlast'
}

@test "--list-rules lists pattern, action and name" {
	run -0 ar-strip-nav --list-rules
	assert_line $'^إقرأ أيضاً\tdrop-rest\trelated'
	assert_line $'pic.twitter.com\tdrop-line\ttweets'
	run -0 ar-strip-nav --list-rules --keep=tweets
	assert_line $'pic.twitter.com\tdrop-line\ttweets\tkept'
	run -2 --separate-stderr ar-strip-nav -l
	[[ "$stderr" == *usage:* ]]
}

@test "file operands are documents: headers, and the dropped section does not leak" {
	run -0 ar-strip-nav "$F/page-crawler.txt" "$F/page-widget.txt"
	assert_line --index 0 $'\f'"$F/page-crawler.txt"$'\tdate=2024-03-02\tcrawled=2024-03-02T08:15:40'
	assert_line --index 9 $'\f'"$F/page-widget.txt"$'\tdate=2024-03-04'
	assert_line --index 10 "مشروع جديد لتحلية المياه في الساحل"
	run -0 bash -c 'ar-strip-nav -h "$1" "$2" | grep -c .' _ "$F/page-crawler.txt" "$F/page-widget.txt"
	assert_output 14
}

@test "\\f headers on standard input reset the page state" {
	run -0 bash -c '{ printf "\fone\n"; cat "$1"; printf "\n\ftwo\n"; cat "$2"; } | ar-strip-nav' _ "$F/page-crawler.txt" "$F/page-widget.txt"
	assert_line --index 0 $'\fone\tdate=2024-03-02\tcrawled=2024-03-02T08:15:40'
	assert_line --index 9 $'\ftwo\tdate=2024-03-04'
	assert_line --index 10 "مشروع جديد لتحلية المياه في الساحل"
}

@test "cat *.txt: glued pages are found by crawler header, share bar, publication line" {
	# crawler page ends in its related list, no final newline: the widget page's title is glued on
	run -0 bash -c 'cat "$1" "$2" "$3" "$4" | ar-strip-nav --json | jq -r ".name"' _ \
	    "$F/page-crawler.txt" "$F/page-widget.txt" "$F/page-trailers.txt" "$F/page-share.txt"
	assert_output $'-\n-#2\n-#3\n-#4'
	run -0 bash -c 'cat "$1" "$2" | ar-strip-nav' _ "$F/page-crawler.txt" "$F/page-widget.txt"
	assert_output --partial "تاريخ النشر: 4th, March 2024 GMT"
	assert_output --partial "وكانت الأمطار قد تأخرت"
	assert_line --partial "وزير المالية يعرض الميزانية الجديدةمشروع جديد لتحلية المياه"
	run -0 bash -c 'cat "$1" "$2" | ar-strip-nav -H' _ "$F/page-widget.txt" "$F/page-trailers.txt"
	assert_line --regexp $'^\f-#2(\t|$)'
	assert_output --partial "قصة نجاح شاب"
}

@test "invalid UTF-8 becomes U+FFFD with one warning; --strict makes it an error" {
	run -0 --separate-stderr bash -c 'printf "وقال الوزير إن الحكومة ستبدأ في توزيع البذور على المزارعين في المناطق التي تضررت من الجفاف \xff خلال الأسبوع.\n" | ar-strip-nav'
	assert_output --partial $'\xef\xbf\xbd'
	[[ "$stderr" == *"invalid UTF-8"* ]]
	run -2 --separate-stderr bash -c 'printf "abc \xff\n" | ar-strip-nav --strict'
}

@test "a multi-megabyte paragraph is kept whole, an all-punctuation one dropped" {
	run -0 bash -c 'head -10 "$1" | tail -1 | tr -d "\n" > "$2"; for i in $(seq 13); do cat "$2" "$2" > "$2.x"; mv "$2.x" "$2"; done; echo >> "$2"; wc -c < "$2"; ar-strip-nav < "$2" | cmp - "$2" && echo same' _ "$F/page-crawler.txt" "$BATS_TEST_TMPDIR/big"
	[ "${lines[0]}" -gt 2000000 ]
	assert_line --index 1 same
	run -0 bash -c 'head -c 3000000 /dev/zero | tr "\0" "-" | ar-strip-nav | wc -c'
	assert_output 0
}

@test "CRLF in, LF out; no final newline is fine" {
	run -0 bash -c 'sed "s/\$/\r/" "$1" | ar-strip-nav | od -c | grep -c "\\\\r" || true' _ "$F/page-crawler.txt"
	assert_output 0
	run -0 bash -c 'sed "s/\$/\r/" "$1" | ar-strip-nav | wc -l' _ "$F/page-crawler.txt"
	assert_output 8
	[ "$(tail -c 1 "$F/page-crawler.txt" | od -An -c | tr -d ' ')" != '\n' ]
	run -0 bash -c 'printf "%s" "$(sed -n 10p "$1")" | ar-strip-nav | wc -l' _ "$F/page-crawler.txt"
	assert_output 1
}

@test "many lines without any boundary: decided in pieces, with one warning" {
	run -0 --separate-stderr bash -c 'yes "$(sed -n 10p "$1")" | head -200000 | ar-strip-nav | wc -l' _ "$F/page-crawler.txt"
	assert_output 200000
	assert_equal "$stderr" "ar-strip-nav: -: a page of more than 20000 lines or 4 MB: decided in pieces"
	run -0 --separate-stderr bash -c 'yes "محليات" | head -200000 | ar-strip-nav | wc -l'
	assert_output 0
}

@test "write error on /dev/full exits 2" {
	run -2 --separate-stderr bash -c 'ar-strip-nav "$1" > /dev/full' _ "$F/page-crawler.txt"
	[[ "$stderr" == ar-strip-nav:* ]]
}

@test "| head -1 ends quietly" {
	run -0 --separate-stderr bash -c 'set -o pipefail; yes "$(sed -n 10p "$1")" | head -100000 | ar-strip-nav | head -1 >/dev/null; echo ${PIPESTATUS[2]}' _ "$F/page-crawler.txt"
	assert_equal "$stderr" "ar-strip-nav: -: a page of more than 20000 lines or 4 MB: decided in pieces"
}

@test "an unreadable file among readable ones: message, exit 2, the others done" {
	run -2 --separate-stderr ar-strip-nav -h "$F/page-menu.txt" "$BATS_TEST_TMPDIR/missing.txt" "$F/page-widget.txt"
	[[ "$stderr" == *"ar-strip-nav: $BATS_TEST_TMPDIR/missing.txt: No such file"* ]]
	assert_line --index 0 "المزارعون يستعدون للموسم"
	assert_line "مشروع جديد لتحلية المياه في الساحل"
}

@test "--help to stdout exit 0; a bad option is a usage error" {
	run -0 ar-strip-nav --help
	assert_line --index 0 --partial "usage: ar-strip-nav"
	assert_output --partial "--explain"
	assert_output --partial "--keep=LIST"
	assert_output --partial "--rules=FILE"
	run -2 --separate-stderr ar-strip-nav --nosuch
	[[ "$stderr" == *usage:* ]]
	run -2 --separate-stderr ar-strip-nav --format=xml
}

@test "seeds: line F1 >= 0.97, no body paragraph lost; bench retention >= 99%" {
	need_shared seeds
	run -0 bash "$TOP/test/strip-nav-eval.sh"
	f1=$(awk '/^ALL/ { print $NF == 0 ? $(NF-3) : "lost" }' <<< "$output")
	awk -v f="$(grep '^ALL' <<< "$output" | sed 's/.*F1 \([0-9.]*\).*/\1/')" 'BEGIN { exit !(f >= 0.97) }'
	assert_line --regexp '^ALL .* body lost 0$'
	assert_line --regexp '^glued .* body lost 0$'
	if [ -d "$SHARED/bench/news" ]; then
		k=$(grep '^article lines kept' <<< "$output" | sed 's/.*= \([0-9.]*\)%/\1/')
		awk -v k="$k" 'BEGIN { exit !(k >= 99) }'
	fi
}

@test "seeds 000 and 004: the tweet lines and the منذ ساعة widget go" {
	need_shared seeds
	run -0 ar-strip-nav "$SHARED"/seeds/000_*.txt
	refute_output --partial "pic.twitter.com"
	refute_output --partial "(@AFP)"
	run -0 ar-strip-nav "$SHARED"/seeds/004_*.txt
	refute_output --partial "منذ ساعة"
	refute_output --partial "هبة القدسي"
}

@test "the header carries the page's date= (publication line) and crawled= (crawl line)" {
	run -0 ar-strip-nav -H "$FIX/strip-nav/page-crawler.txt"
	assert_line --index 0 $'\f'"$FIX/strip-nav/page-crawler.txt"$'\tdate=2024-03-02\tcrawled=2024-03-02T08:15:40'
	# one file: no header, as grep writes no name
	run -0 bash -c 'ar-strip-nav "$1" | grep -c "^$(printf "\f")" || true' _ "$FIX/strip-nav/page-crawler.txt"
	assert_output 0
	# two: each its own, with its own date
	run -0 bash -c 'ar-strip-nav "$@" | grep "^$(printf "\f")" | cut -f2' _ "$FIX/strip-nav/page-crawler.txt" "$FIX/strip-nav/page-widget.txt"
	assert_output $'date=2024-03-02\ndate=2024-03-04'
}

@test "fields of the input's header are kept; the page's date replaces a stale one" {
	run -0 bash -c '{ printf "\fp.txt\tsite=x\tdate=1999-01-01\n"; cat "$1"; } | ar-strip-nav | head -1' _ "$FIX/strip-nav/page-widget.txt"
	assert_output $'\fp.txt\tsite=x\tdate=2024-03-04'
	# no date found: the input's stays
	run -0 bash -c 'printf "\fp.txt\tdate=2020-05-05\nنص المقال الذي لا تاريخ فيه يمضي طويلا في وصف ما جرى في المدينة أمس.\n" | ar-strip-nav | head -1'
	assert_output $'\fp.txt\tdate=2020-05-05'
}

@test "strip-nav | ar-date: the page's date is the reference, no --ref needed" {
	run -0 bash -c 'ar-strip-nav -H "$1" | ar-date --tsv | awk -F"\t" "NR > 1 && \$5 == \"اليوم الثلاثاء\" { print \$6, \$11 }"' _ "$FIX/strip-nav/page-crawler.txt"
	assert_output "2024-03-02 header"
}

@test "--output-dir writes each page's article to its file; rows refuse it" {
	run -0 ar-strip-nav --output-dir="$BATS_TEST_TMPDIR/o" "$FIX/strip-nav/page-crawler.txt" "$FIX/strip-nav/page-menu.txt"
	assert_output ""
	run -0 cat "$BATS_TEST_TMPDIR/o/$FIX/strip-nav/page-crawler.txt"
	refute_output --partial "pic.twitter.com"
	assert_line --index 0 "الحكومة تعد بدعم المزارعين بعد موسم الجفاف"
	[ -s "$BATS_TEST_TMPDIR/o/$FIX/strip-nav/page-menu.txt" ]
	run -2 --separate-stderr ar-strip-nav --tsv --output-dir="$BATS_TEST_TMPDIR/t" "$FIX/strip-nav/page-menu.txt"
	assert_equal "$stderr" "ar-strip-nav: --output-dir writes the text of the articles, not --explain rows"
}

@test "--input=jsonl: each record's text becomes its article, the other members kept" {
	python3 -c '
import json, sys
for f in sys.argv[1:]:
    print(json.dumps({"id": f.rsplit("/", 1)[-1], "url": "http://x/" + f[-8:], "text": open(f, encoding="utf-8").read()}, ensure_ascii=False))
' "$FIX"/strip-nav/page-*.txt > "$BATS_TEST_TMPDIR/p.jsonl"
	run -0 bash -c 'ar-strip-nav --input=jsonl "$1" | jq -r "[.id, .url] | @tsv" | wc -l' _ "$BATS_TEST_TMPDIR/p.jsonl"
	assert_output "$(ls "$FIX"/strip-nav/page-*.txt | wc -l)"
	run -0 bash -c 'ar-strip-nav --input=jsonl "$1" | jq -r "select(.id == \"page-crawler.txt\") | .text"' _ "$BATS_TEST_TMPDIR/p.jsonl"
	assert_line --index 0 "الحكومة تعد بدعم المزارعين بعد موسم الجفاف"
	refute_output --partial "pic.twitter.com"
}

@test "photo captions, their credits and a gallery counter go; the byline and date stay" {
	run -0 ar-strip-nav "$F/page-captions.txt"
	assert_line --index 0 --partial "افتتاح جسر جديد"
	assert_line --index 1 "دبي - سالم المنصوري"
	assert_line --index 2 "الأحد 8 يونيو 2025 - 10:20"
	assert_line --index 3 --partial "افتتحت هيئة الطرق"
	refute_output --partial "الجسر الجديد عند افتتاحه"
	refute_output --partial "تصوير: خالد"
	refute_output --partial "2 / 4"
	refute_output --partial "جانب من حركة المرور"
	run -0 ar-strip-nav --explain "$F/page-captions.txt"
	assert_line --partial "page:a photo caption"
	# a caption's opening words make a caption of a short line with no credit,
	# under the date; a sentence of the body that opens with them stays
	run -0 bash -c 'sed "10a جانب من حفل الافتتاح بحضور الوزير" "$1" | ar-strip-nav' _ "$F/page-captions.txt"
	refute_output --partial "جانب من حفل الافتتاح"
	assert_line --index 2 "الأحد 8 يونيو 2025 - 10:20"
	run -0 bash -c 'printf "%s\n" "جانب من المشكلة يعود إلى ضعف التمويل، كما قال الخبراء في تقريرهم الأخير الصادر أمس." | ar-strip-nav'
	assert_output --partial "جانب من المشكلة"
}

@test "the writer's box after the body goes: the byline's name again, the heading about the writer" {
	run -0 ar-strip-nav "$F/page-captions.txt"
	assert_line --index 5 --partial "وأضافت أن المشروع"
	assert_equal "${#lines[@]}" 6
	run -0 ar-strip-nav --explain "$F/page-captions.txt"
	assert_line --partial "page:the author's box"
}

@test "after the attribution, another article under a heading it does not know goes" {
	run -0 ar-strip-nav "$F/page-archive.txt"
	assert_line --index 0 --partial "بلدية المدينة تبدأ"
	assert_line --index 5 "المصدر: وكالة الأنباء"
	assert_equal "${#lines[@]}" 6
	run -0 ar-strip-nav --explain "$F/page-archive.txt"
	assert_line --partial "cohesion:another article"
}

@test "a caption credited to the site's own name goes; a source in parentheses under the body stays" {
	run -0 ar-strip-nav "$F/page-credits.txt"
	assert_equal "${#lines[@]}" 5
	assert_line --index 1 "الأربعاء 11 حزيران 2025"
	assert_line --index 4 "(إعلام الزراعة)"
	refute_output --partial "حصادات تعمل"
}

@test "after the body, a writer's box that opens with the byline's name and a block of contacts go" {
	run -0 ar-strip-nav "$F/page-contact.txt"
	assert_equal "${#lines[@]}" 4
	assert_line --index 1 "بقلم: هدى الشامي"
	run -0 ar-strip-nav --explain "$F/page-contact.txt"
	assert_line --partial "page:a block of contacts"
	assert_line --partial "page:the author's box"
}

@test "tickers above the title go; the dateline and the byline stay; a caption and tags after the body go" {
	run -0 ar-strip-nav "$F/page-ticker.txt"
	assert_equal "${#lines[@]}" 6
	assert_line --index 0 --partial "في الميناء"
	assert_line --index 1 "اللاذقية - وكالات:"
	assert_line --index 3 "بقلم: نادر الأحمد"
	refute_output --partial "عاجل"
	refute_output --partial "الآن:"
	refute_output --partial "(سانا)"
	refute_output --partial "الوسوم"
	run -0 ar-strip-nav --explain "$F/page-ticker.txt"
	assert_line --partial "page:before the title"
	assert_line --partial "page:a photo caption"
}

@test "a byline over share buttons stays; a caption credited to the site and a line of tags under any label go" {
	run -0 ar-strip-nav "$F/page-tags.txt"
	assert_equal "${#lines[@]}" 5
	assert_line --index 2 "بواسطة: سلمى العتيبي"
	assert_line --index 4 --partial "ويستمر المهرجان"
	run -0 ar-strip-nav --explain "$F/page-tags.txt"
	assert_line --partial "page:a photo caption"
	assert_line --partial "list:a list of links"
}

@test "a most-read list above the title heads no rest of the page; PLACE: NAME is a byline" {
	run -0 ar-strip-nav "$F/page-place-byline.txt"
	assert_equal "${#lines[@]}" 5
	assert_line --index 0 --partial "عودة الدراسة"
	assert_line --index 1 "عطبرة: سلمى عثمان"
	assert_line --index 3 --partial "عادت الدراسة"
	refute_output --partial "الأكثر قراءة"
	refute_output --partial "مخبز"
	# the list run on into the title, with no blank line between
	run -0 bash -c 'sed 9d "$1" | ar-strip-nav' _ "$F/page-place-byline.txt"
	assert_equal "${#lines[@]}" 5
	refute_output --partial "مخبز"
	# a relative time under the title is its publication time, kept whole
	run -0 bash -c 'sed "12s/.*/منذ 3 ساعات/" "$1" | ar-strip-nav' _ "$F/page-place-byline.txt"
	assert_line --index 2 "منذ 3 ساعات"
	# SITE- NAME, a dash for the colon, digits in the site's name, taken
	# for an item of the list the title's head was read as
	run -0 ar-strip-nav "$F/page-site-byline.txt"
	assert_line --index 1 "عربي21- أحمد سعيد"
	refute_output --partial "اقرأ أيضا"
}

@test "a wire's sign-off under the body stays: the rule and the editors' initials" {
	run -0 ar-strip-nav "$F/page-signoff.txt"
	assert_equal "${#lines[@]}" 6
	assert_line --index 4 "ـــــــ"
	assert_line --index 5 "م.ع / ر.ح"
	refute_output --partial "طباعة"
	run -0 ar-strip-nav --explain "$F/page-signoff.txt"
	assert_line --partial "page:attribution after the body"
	# initials far below the body, after the furniture, are no sign-off
	run -0 bash -c 'sed "8,9d; 14a م.ع / ر.ح" "$1" | ar-strip-nav' _ "$F/page-signoff.txt"
	refute_output --partial "م.ع"
}

@test "the next article a page runs on into goes, its date and byline between its title and text" {
	run -0 ar-strip-nav "$F/page-next-article.txt"
	assert_equal "${#lines[@]}" 5
	assert_line --index 0 --partial "البلدية تفتتح حديقة"
	refute_output --partial "انقطاع المياه"
	refute_output --partial "مؤسسة المياه"
	run -0 ar-strip-nav --explain "$F/page-next-article.txt"
	assert_line --partial "cohesion:another article"
}

@test "a menu line with the body's words and a ticker's results above the title are no title" {
	run -0 ar-strip-nav "$F/page-menu-words.txt"
	assert_equal "${#lines[@]}" 6
	assert_line --index 0 --partial "الهلال يكتسح الفتح"
	refute_output --partial "الرئيسية"
	refute_output --partial "3 - 0"
}

@test "a line of tags with no label under the body goes; a short closing line stays" {
	run -0 ar-strip-nav "$F/page-bare-tags.txt"
	assert_equal "${#lines[@]}" 5
	refute_output --partial "الشرقية الأرز المغشوش"
	# with a function word it is a sentence of the article
	run -0 bash -c 'sed "s/^الشرقية الأرز المغشوش مباحث التموين$/وتستمر الحملات على الأسواق في الشرقية/" "$1" | ar-strip-nav' _ "$F/page-bare-tags.txt"
	assert_line --index 5 "وتستمر الحملات على الأسواق في الشرقية"
}

@test "the site's date above the title goes; follow and copyright lines naming an agency go" {
	run -0 ar-strip-nav "$F/page-date-widget.txt"
	assert_equal "${#lines[@]}" 5
	assert_line --index 0 --partial "تدشين خط حافلات"
	assert_line --index 2 "السبت 16 مارس 2024 - 18:40"
	refute_output --partial "الأحد 17 مارس"
	refute_output --partial "تلغرام"
	refute_output --partial "الحقوق"
	# with no date under the title, the date above it is the article's
	run -0 bash -c 'sed 7d "$1" | ar-strip-nav' _ "$F/page-date-widget.txt"
	assert_line --index 0 "الأحد 17 مارس 2024"
}

@test "a page in English: its article is read as prose, its chrome still goes" {
	run -0 ar-strip-nav "$F/page-english.txt"
	assert_equal "${#lines[@]}" 7
	assert_line --index 0 "Saudi Arabia announces new tourism visa rules"
	assert_line --index 3 --partial "Saudi Arabia on Sunday announced"
	assert_line --index 6 --partial "We want the process"
	refute_output --partial "Related Articles"
	refute_output --partial "Share on"
	refute_output --partial "rights reserved"
	# on an Arabic page, an English line is still furniture
	run -0 bash -c 'printf "%s\n" "$(sed -n 8p "$1")" | cat "$2" - | ar-strip-nav' _ "$F/page-english.txt" "$F/page-date-widget.txt"
	refute_output --partial "The Ministry of Tourism"
}

@test "inserts in the body: a teaser with its time, a poll; the body goes on after them" {
	run -0 ar-strip-nav "$D/i04-spliced-related.txt"
	refute_output --partial "وزارة الزراعة تعلن أسعار"
	assert_output --partial "وأضاف أن الجمعية طالبت"
	run -0 ar-strip-nav --explain "$D/i06-widgets.txt"
	assert_line --partial "an insert in the body; short len=37"
	run -0 ar-strip-nav "$D/i06-widgets.txt"
	refute_output --partial "لا أعرف"
	assert_output --partial "وأشار الوزير إلى أن الحكومة"
	# a paragraph after the insert that does not go on (no و) stays out
	run -0 bash -c 'sed "s/^وأشار الوزير/أشار الوزير/" "$1" | ar-strip-nav' _ "$D/i06-widgets.txt"
	refute_output --partial "أشار الوزير إلى أن الحكومة"
}

@test "an opinion page: the title over the writer's name and date, the writer's bio and the disclaimer go" {
	run -0 ar-strip-nav "$D/i05-opinion-bio.txt"
	assert_line --index 0 "عن التعليم الذي نريده لأبنائنا"
	assert_line --index 1 "سعاد الخطيب"
	assert_line --index 2 "الثلاثاء 21 مايو 2024"
	refute_output --partial "كاتبة وباحثة في شؤون التربية"
	refute_output --partial "الآراء الواردة"
	assert_output --partial "ربما نحتاج إلى أن نثق بالمعلمين"
}

@test "the head: a score widget is no title, the site's name is no kicker; a wire's code signs off" {
	run -0 ar-strip-nav "$D/i08-sports-widget.txt"
	assert_line --index 0 "الهلال يقلب الطاولة على النصر ويبتعد بالصدارة"
	refute_output --partial "انتهت المباراة"
	run -0 ar-strip-nav "$D/i09-sponsored.txt"
	assert_line --index 0 "الإمارات تعلن عن برنامج جديد لتأشيرات العمل عن بعد"
	refute_output --partial "موقع الخليج اليوم"
	run -0 ar-strip-nav "$D/i07-agency-bullets.txt"
	assert_line --index 4 "/وأع/ ر.م"
	refute_output --partial "أخبار ذات صلة"
}

@test "an embedded post's text goes with its closing line; a masthead is no title" {
	run -0 ar-strip-nav "$D/i11-embeds.txt"
	assert_line --index 0 "بيروت تستضيف معرضا دوليا للكتاب بمشاركة 200 دار نشر"
	refute_output --partial "شبكة الأخبار العربية"
	refute_output --partial "سعيد بافتتاح معرض الكتاب"
	# the app prompt after the last paragraph stays (a known miss)
	assert_output --partial "افتتح وزير الثقافة اللبناني"
}

@test "the article's own list under a line with a colon stays, and the body goes on after it" {
	run -0 ar-strip-nav "$D/j03-content-list.txt"
	assert_output --partial "وأبرز ما تضمنته الحزمة:"
	assert_output --partial "- تكثيف المراقبة الاقتصادية في الأسواق"
	assert_output --partial "وأكد الناطق الرسمي باسم الحكومة"
	refute_output --partial "اقرأ أيضا"
	# a newsletter box between two paragraphs goes, the body goes on
	run -0 ar-strip-nav "$D/j01-newsletter-mid.txt"
	refute_output --partial "بريدك الإلكتروني"
	assert_output --partial "ومن المنتظر أن يصادق رئيس الجمهورية"
}

@test "a wire's last paragraph with its credit stays; gallery counters and page numbers go" {
	run -0 ar-strip-nav "$D/j07-dated-related.txt"
	assert_output --partial "والمتوسطة. (د ب أ)"
	refute_output --partial "مواضيع ذات صلة"
	run -0 ar-strip-nav "$D/j06-gallery-inline.txt"
	refute_output --partial "1 / 12"
	refute_output --partial "(وام)"
	assert_output --partial "وقالت إدارة الحديقة"
	run -0 ar-strip-nav "$D/j05-multipage.txt"
	refute_output --partial "الصفحة 1 من 3"
	refute_output --partial "1 2 3"
}

@test "a ticker's lines after the body go; a signature under the last paragraph stays" {
	run -0 ar-strip-nav "$D/j10-footer-sitemap.txt"
	refute_output --partial "عاجل: هطول أمطار"
	assert_output --partial "ويعرض المزارعون أكثر من ثلاثين صنفا"
	run -0 ar-strip-nav "$D/j09-print-edition.txt"
	assert_line --index 4 "سالم المطيري"
	refute_output --partial "العدد 15234"
}

@test "the article's own list under its colon stays, and the contributors under it" {
	run -0 ar-strip-nav "$F/page-own-list.txt"
	assert_equal "${#lines[@]}" 9
	assert_line --index 4 "وتشمل المرحلة الأولى من الخطة:"
	assert_line --index 7 "- حديقة الأندلس المطلة على الكورنيش"
	assert_line --index 8 "شارك في التغطية: سامي الخطيب، هدى منصور"
	refute_output --partial "راسلنا"
	refute_output --partial "الأكثر قراءة"
	# the same list under the menu's words is a list of links
	run -0 bash -c 'sed "12s/.*/الأكثر قراءة/" "$1" | ar-strip-nav' _ "$F/page-own-list.txt"
	refute_output --partial "حديقة الشهداء"
	# a share verb alone is no credit
	run -0 bash -c 'sed "15s/.*/شارك: فيسبوك، إكس/" "$1" | ar-strip-nav' _ "$F/page-own-list.txt"
	refute_output --partial "شارك"
}

@test "comments in prose after their heading, a market ticker under the title, a video teaser go" {
	# the readers' comments are sentences too, but never the body's insert
	run -0 ar-strip-nav "$D/m10-prose-comments.txt"
	refute_output --partial "شكرا على هذا التحقيق"
	refute_output --partial "المسؤولون لا يزورون"
	assert_line --partial "ولم ترد المؤسسة الوطنية"
	run -0 ar-strip-nav --explain "$D/m09-widget-after-title.txt"
	assert_line --partial "stat:page furniture"
	run -0 ar-strip-nav "$D/m09-widget-after-title.txt"
	refute_output --partial "سوق دبي"
	refute_output --partial "فيديو |"
	refute_output --partial "02:15"
	assert_line --partial "وقال مدير المشروع"
}

@test "the writer's box under a dated byline goes; a summary under the title stays" {
	run -0 ar-strip-nav "$D/m07-title-in-breadcrumb.txt"
	assert_line "بقلم: هشام بن علي | 02/12/2026"
	refute_output --partial "صحفي متخصص"
	run -0 ar-strip-nav "$D/m08-key-points.txt"
	assert_line "أبرز ما جاء في القانون:"
	assert_line "• حق المواطن في حذف بياناته من قواعد الشركات"
	# a heading of the menu's words over them is no summary's
	run -0 bash -c 'sed "10s/.*/اقرأ أيضا:/" "$1" | ar-strip-nav' _ "$D/m08-key-points.txt"
	refute_output --partial "اقرأ أيضا"
}

@test "a league table, a score over the title, the site's name in the footer, 'follow also' go" {
	run -0 ar-strip-nav "$D/n09-lineups.txt"
	refute_output --partial "الوحدة 2 - 1 الاتحاد"
	refute_output --partial "1 الوحدة 22"
	refute_output --partial "ترتيب الدوري"
	# the article's line-ups, names after a colon and commas, stay
	assert_line --partial "تشكيلة الوحدة: خالد"
	run -0 ar-strip-nav "$D/n01-latest-before-title.txt"
	refute_output --partial "الخبر اليوم 2026"
	refute_output --partial "انقطاع الكهرباء"
	run -0 ar-strip-nav "$D/n03-teasers-after.txt"
	refute_output --partial "البنوك الخليجية"
	assert_line --partial "وتعتزم الشركة إضافة 18 طائرة"
	# the publication line over the title, with its dash between date and
	# clock, is no score
	run -0 bash -c '{ echo "الخميس 03/12/2026 - 09:15"; sed -n "12,\$p" "$1"; } | ar-strip-nav' _ "$D/n01-latest-before-title.txt"
	assert_line --index 0 "الخميس 03/12/2026 - 09:15"
}

# wrapped pages: a text browser's dump cuts paragraphs into lines of one width

@test "wrapped page: every line of the article kept, as it came in" {
	run -0 ar-strip-nav -h "$F/page-wrapped.txt"
	assert_line --index 0 "الهلال يحسم ديربي الرياض بهدف قاتل ويعزز صدارته"
	# the body's lines, each whole and in order, with none of the chrome
	assert_line --index 3 "حسم الهلال ديربي العاصمة أمام غريمه التقليدي النصر بنتيجة 2-1 في المباراة"
	assert_line --index 4 "التي جمعتهما مساء اليوم على ملعب المملكة أرينا، ضمن منافسات الجولة التاسعة"
	assert_line --index 5 "من دوري روشن السعودي للمحترفين."
	assert_equal "${#lines[@]}" 13
	refute_output --partial "الاتحاد 0 - 0 الأهلي"
	refute_output --partial "ترتيب الدوري"
	refute_output --partial "Powered by WordPress"
}

@test "wrapped page: one --explain row per input line, the joined line's verdict" {
	run -0 ar-strip-nav --tsv "$F/page-wrapped.txt"
	assert_equal "$(printf '%s\n' "$output" | tail -n +2 | wc -l)" "$(wc -l < "$F/page-wrapped.txt")"
	# the line numbers run 1, 2, 3, ... with none missing
	run -0 bash -c "ar-strip-nav --tsv '$F/page-wrapped.txt' | awk -F'\t' 'NR > 1 && \$2 != NR - 1 { bad++ } END { print bad + 0 }'"
	assert_output 0
	# the three lines of the first paragraph share one length: the joined line's
	run -0 bash -c "ar-strip-nav --explain '$F/page-wrapped.txt' | sed -n 14,16p | grep -o 'len=[0-9]*' | sort -u | wc -l"
	assert_output 1
}

@test "wrapped page, lynx style (indented): the article's lines kept" {
	run -0 ar-strip-nav -h "$F/page-lynx.txt"
	assert_line --index 0 "   وزير الري يتابع موقف أعمال تطهير الترع بمحافظات الصعيد"
	assert_line --index 3 --partial "   القاهرة (أ ش أ) - تابع الدكتور"
	assert_line --index -1 --partial "   تأهيل أطوال تصل إلى 7 آلاف كيلومتر"
	refute_output --partial "مكون إضافي لتعليقات فيسبوك"
	refute_output --partial "ضبط 12 طن دقيق"
}

@test "--no-unwrap: a wrapped page is read a line at a time" {
	run -0 ar-strip-nav --explain "$F/page-wrapped.txt"
	a=$output
	run -0 ar-strip-nav --explain --no-unwrap "$F/page-wrapped.txt"
	[ "$output" != "$a" ]
	# each line measured alone: the first paragraph's three lines differ in length
	run -0 bash -c "ar-strip-nav --explain --no-unwrap '$F/page-wrapped.txt' | sed -n 14,16p | grep -o 'len=[0-9]*' | sort -u | wc -l"
	assert_output 3
}

@test "a page of short lines and paragraphs is not taken for a wrapped one" {
	# the dev pages are not wrapped: --no-unwrap changes none of their rows
	for p in "$D"/a01-*.txt "$D"/f01-*.txt "$D"/j03-*.txt "$D"/n09-*.txt; do
		diff <(ar-strip-nav --explain "$p") <(ar-strip-nav --explain --no-unwrap "$p")
	done
}

@test "wrapped lines on standard input, glued pages and a huge line" {
	# the document held while it is judged is handed on whole at its end
	run -0 bash -c "head -12 '$F/page-wrapped.txt' | ar-strip-nav --tsv | tail -n +2 | wc -l"
	assert_output 12
	run -0 bash -c "{ cat '$F/page-wrapped.txt'; printf '\f%s\n' next; cat '$F/page-lynx.txt'; } | ar-strip-nav -h | grep -c 'تابع الدكتور وزير الموارد'"
	assert_output 1
	run -0 bash -c "{ cat '$F/page-wrapped.txt'; head -c 200000 /dev/zero | tr '\0' 'a'; echo; } | ar-strip-nav --tsv | tail -n +2 | wc -l"
	assert_output "$(( $(wc -l < "$F/page-wrapped.txt") + 1 ))"
}

@test "a stop-word list longer than the table is read up to it, with a warning" {
	d="$BATS_TEST_TMPDIR/data"
	mkdir -p "$d"
	cp -r "$BATS_TEST_DIRNAME"/../share/ar-tools/. "$d"/
	{ for i in $(seq 1200); do echo "كلمة$i"; done; cat "$BATS_TEST_DIRNAME/../share/ar-tools/stopwords.txt"; } > "$d/stopwords.txt"
	run --separate-stderr -0 env AR_DATADIR="$d" ar-strip-nav "$F/page-crawler.txt"
	[[ "$stderr" == *"more than 1023 stop words"* ]]
	[ -n "$output" ]
}

@test "the article's list under a subhead of its own, between paragraphs, stays" {
	run -0 ar-strip-nav "$D/q07-lebanon-econ-weekly.txt"
	assert_line "ثلاث طبقات للفجوة"
	assert_line --partial "- الطبقة الثانية: التزامات"
	assert_line --partial "ويقول الخبير المصرفي"
	# the same list under a heading of the menu's words is a box of links
	run -0 bash -c 'sed "17s/.*/الأكثر قراءة/" "$1" | ar-strip-nav' _ "$D/q07-lebanon-econ-weekly.txt"
	refute_output --partial "الطبقة الثانية"
}

@test "a dateline 'PLACE (SOURCE)' and an editor's 'ت: م ع' under the body stay" {
	run -0 ar-strip-nav "$D/q08-kurdistan-arabic.txt"
	assert_line "أربيل (هولير نيوز)"
	assert_line "ت: م ع"
	refute_output --partial "الكلمات الدالة"
	# whatever the source and the initials
	run -0 bash -c 'sed -e "15s/.*/دهوك (شبكة زاخو)/" -e "22s/.*/ت: س. ح/" "$1" | ar-strip-nav' _ "$D/q08-kurdistan-arabic.txt"
	assert_line "دهوك (شبكة زاخو)"
	assert_line "ت: س. ح"
	# a caption in more words with its credit still goes
	run -0 bash -c 'sed "15s/.*/جانب من اجتماع مجلس الوزراء (هولير نيوز)/" "$1" | ar-strip-nav' _ "$D/q08-kurdistan-arabic.txt"
	refute_output --partial "جانب من اجتماع"
}

@test "the article's points under a subhead end the body; a note in another bullet goes" {
	run -0 ar-strip-nav "$D/q12-qatar-thinktank.txt"
	assert_line "خاتمة وتوصيات"
	assert_line --partial "- إعطاء الأولوية للعقود المرنة"
	assert_line --partial "- تسريع مشاريع التقاط الكربون"
	refute_output --partial "الآراء الواردة"
	# headlines with no stop under it are a box of links
	run -0 bash -c 'sed "22,24s/\.\$//" "$1" | ar-strip-nav' _ "$D/q12-qatar-thinktank.txt"
	refute_output --partial "إعطاء الأولوية"
}

@test "a title worded as prose, its subtitle and byline under it, is the title" {
	run -0 ar-strip-nav --tsv "$D/q07-lebanon-econ-weekly.txt"
	assert_line --partial "	9	K	page:title"
	run -0 ar-strip-nav "$D/q07-lebanon-econ-weekly.txt"
	refute_output --partial "أسبوعية لبنانية"
	refute_output --partial "المقالات المجانية"
	refute_output --partial "صحافية متخصصة"
	assert_line "بيروت - ريتا شمعون"
	run -0 bash -c 'sed "9s/.*/إعادة هيكلة المصارف: هل يدفع المودعون ثمن الانهيار؟/" "$1" | ar-strip-nav --tsv' _ "$D/q07-lebanon-econ-weekly.txt"
	assert_line --partial "	9	K	page:title"
}

@test "a video's teaser with its duration in the body goes; the paragraphs stay" {
	run -0 ar-strip-nav "$D/q04-syria-opposition.txt"
	refute_output --partial "شاهد: طلاب"
	refute_line "02:14"
	assert_line --partial "من جهتها، قالت مديرية التربية"
	run -0 bash -c 'sed -e "16s/.*/فيديو: معلمون متطوعون في ريف حلب/" -e "17s/.*/03:05/" "$1" | ar-strip-nav' _ "$D/q04-syria-opposition.txt"
	refute_output --partial "معلمون متطوعون"
	refute_line "03:05"
}

@test "words quoted under a paragraph ending with a colon stay; the embed's lines go" {
	run -0 ar-strip-nav "$D/q06-egypt-celebrity.txt"
	assert_line --partial '"المسرح هو البيت الأول'
	refute_output --partial "View this post on Instagram"
	refute_output --partial "A post shared by"
	run -0 bash -c 'sed "16s/.*/«سعيدة بالعودة إلى جمهوري على خشبة المسرح»/" "$1" | ar-strip-nav' _ "$D/q06-egypt-celebrity.txt"
	assert_line "«سعيدة بالعودة إلى جمهوري على خشبة المسرح»"
}

@test "numbered subheads with their paragraphs are one article, not a stream" {
	run -0 ar-strip-nav "$D/q09-saudi-tech-blog.txt"
	assert_line "1. فعّل التحقق بخطوتين"
	assert_line "6. فعّل التنبيهات"
	assert_line --partial "وفي حال تعرضت لمحاولة احتيال"
	# so the page model decides the rest: the writer's box goes
	refute_output --partial "كاتب تقني مهتم"
	refute_line "عبدالله القحطاني"
	run -0 bash -c 'sed "s/^\([0-9]\)\. /\1- /" "$1" | ar-strip-nav' _ "$D/q09-saudi-tech-blog.txt"
	assert_line "3- راجع الأجهزة المرتبطة بحسابك"
	refute_output --partial "كاتب تقني مهتم"
}

@test "a gallery's heading, a live page's auto-update, a PDF's download go" {
	run -0 ar-strip-nav "$D/q05-jordan-gov-agency.txt"
	refute_output --partial "معرض الصور"
	assert_line --partial "يذكر أن الأردن يعد"
	run -0 bash -c 'sed "25s/.*/ألبوم الصور (12)/" "$1" | ar-strip-nav' _ "$D/q05-jordan-gov-agency.txt"
	refute_output --partial "ألبوم الصور"
	run -0 ar-strip-nav "$D/q10-panarab-live.txt"
	refute_line "تحديث تلقائي"
	assert_line "14:52"
	run -0 ar-strip-nav "$D/q12-qatar-thinktank.txt"
	refute_output --partial "تحميل PDF"
	assert_line "22 سبتمبر 2026"
}

@test "the section's name over the title, as the menu gives it, goes; a kicker stays" {
	run -0 ar-strip-nav "$D/q07-lebanon-econ-weekly.txt"
	refute_line "مصارف"
	assert_line --index 0 --partial "المصارف اللبنانية أمام اختبار"
	# a word over the title that no menu holds is its kicker
	run -0 bash -c 'sed "8s/.*/تحليل/" "$1" | ar-strip-nav' _ "$D/q07-lebanon-econ-weekly.txt"
	assert_line --index 0 "تحليل"
}

@test "a chart's caption in the body goes" {
	run -0 ar-strip-nav "$D/q07-lebanon-econ-weekly.txt"
	refute_output --partial "رسم بياني:"
	assert_line --partial "في المقابل، تعتبر جمعية المصارف"
	run -0 bash -c 'sed "22s/.*/مخطط بياني: توزيع الخسائر بين الدولة والمصارف والمودعين/" "$1" | ar-strip-nav' _ "$D/q07-lebanon-econ-weekly.txt"
	refute_output --partial "مخطط بياني"
}

@test "a poll's question and its options go with the poll's words; a list under a question stays" {
	run -0 ar-strip-nav "$F/page-poll.txt"
	refute_output --partial "هل تتوقع أن تنجح"
	refute_line "نعم"
	refute_line "لا رأي لي"
	assert_line --partial "ورحب عدد من الباعة"
	# with no poll's words around them, short lines under a question are the article's
	run -0 bash -c 'sed -e "/^استطلاع رأي$/d" -e "/^تصويت/d" "$1" | ar-strip-nav' _ "$F/page-poll.txt"
	assert_line "نعم"
}

@test "points under a colon, a subhead, a voweled verse and a Latin date line are the article's" {
	run -0 ar-strip-nav "$F/page-points.txt"
	assert_line "Published: Wed 14 May 2025, 09:20 AM"
	assert_line --partial "3- إحالة عقود النظافة"
	assert_line "المرحلة الأولى"
	assert_line --partial "وأوضح أن المرحلة الأولى تبدأ"
	assert_line --partial "يَا بَحْرُ مَا زِلْتَ"
	assert_line --partial "وأكد الأعضاء أن الخطة"
	refute_output --partial "Sign in"
	refute_output --partial "All rights reserved"
	refute_line "Share"
}

@test "after the article's tags another article goes; spliced headlines in a row or at the end go" {
	run -0 ar-strip-nav "$F/page-other.txt"
	assert_line --partial "وأضاف أن المجلس يعتزم"
	refute_output --partial "توقيف شخصين"
	refute_output --partial "أوقفت عناصر الشرطة"
	refute_output --partial "ارتفاع أسعار الأسماك"
	refute_output --partial "المنتخب الوطني يواجه"
	refute_output --partial "منحة التمدرس"
	assert_line --partial "وقال العمدة في كلمة"
}

@test "a table under the article's colon stays, and the paragraphs after it" {
	run -0 ar-strip-nav "$F/page-table.txt"
	assert_line "الحزب | الأصوات | النسبة"
	assert_line "حزب الأمل | 115 | 4.1%"
	assert_line --partial "وبلغت نسبة المشاركة"
	assert_line --partial "ومن المقرر أن يجرى"
	refute_output --partial "جميع الحقوق"
}

@test "a later page's title is found over its pager; a breadcrumb's copy of the title goes" {
	run -0 ar-strip-nav --tsv "$F/page-pager.txt"
	assert_line --regexp $'^[^\t]*\t11\tK\tpage:title'
	assert_line --regexp $'^[^\t]*\t12\tK\t'
	assert_line --regexp $'^[^\t]*\t13\tK\t'
	refute_line --regexp $'^[^\t]*\t1[4-9]\tK\t'
	run -0 ar-strip-nav --tsv "$F/page-crumbtitle.txt"
	assert_line --regexp $'^[^\t]*\t9\tD\t'
	assert_line --regexp $'^[^\t]*\t11\tK\tpage:title'
}

@test "reading time between the title and its picture is no header; a live blog's مباشر: title is the title" {
	run -0 ar-strip-nav --tsv "$D/w07-tunisia-investigation-wells.txt"
	assert_line --regexp $'^[^\t]*\t13\tK\tpage:title'
	assert_line --regexp $'^[^\t]*\t1[4-7]\tK\t'
	assert_line --regexp $'^[^\t]*\t20\tD\t'
	run -0 ar-strip-nav --tsv "$D/w09-uae-sports-liveblog.txt"
	assert_line --regexp $'^[^\t]*\t18\tK\tpage:title'
	assert_line --regexp $'^[^\t]*\t19\tK\t'
	assert_line --regexp $'^[^\t]*\t20\tK\t'
}

@test "the headlines under a ticker's cue alone are all the ticker's" {
	run -0 ar-strip-nav --tsv "$D/w03-yemen-site-electricity.txt"
	refute_line --regexp $'^[^\t]*\t2[0-2]\tK\t'
	assert_line --regexp $'^[^\t]*\t24\tK\tpage:title'
}

@test "a short caption right under the share bar goes" {
	run -0 ar-strip-nav --tsv "$D/w02-egypt-portal-rations.txt"
	assert_line --regexp $'^[^\t]*\t21\tD\tpage:a photo caption'
	assert_line --regexp $'^[^\t]*\t19\tK\t'
}

@test "a table of contents goes and the title above it stays; questions under a known heading go" {
	run -0 ar-strip-nav --explain "$D/x09-jordan-health-iron.txt"
	assert_line --partial "	21	D	page:a table of contents"
	assert_line --partial "	22	D	page:a table of contents"
	assert_line --partial "	15	K	page:title"
	# the subheads the table listed stay in the body
	assert_line --partial "	27	K	page:body"
	assert_line --partial "	42	D	list:a list of links"
	run -0 ar-strip-nav "$D/x09-jordan-health-iron.txt"
	assert_line "آخر تحديث: 5 آذار 2025"
	refute_output --partial "هل يمكن أخذ حبوب الحديد"
}

@test "a vote table with a cookie word in its head row stays; numbered sentences between sections stay" {
	run -0 ar-strip-nav "$D/x08-kuwait-assembly-housing.txt"
	assert_line "المادة | الحضور | موافق | غير موافق | امتناع"
	assert_line --partial "المادة الأولى | 62"
	assert_line --partial "وشهدت الجلسة نقاشاً مطولاً"
	run -0 ar-strip-nav "$D/x07-thinktank-cbdc.txt"
	assert_line "توصيات"
	assert_line --partial "2. وضع سقوف للأرصدة الفردية"
}

@test "a dateline on the first paragraph leaves a share list; a trail that ends with the title is no title" {
	run -0 ar-strip-nav "$D/x01-syria-hasakah-wheat.txt"
	assert_line "الحسكة-سانا"
	refute_line "طباعة"
	run -0 ar-strip-nav "$D/x03-egypt-singer-alamein.txt"
	assert_line --index 0 "ياسمين فؤاد تحيي حفلاً كامل العدد في العلمين وتفاجئ جمهورها بأغنية جديدة"
	refute_output --partial "الرئيسية > موسيقى"
	# an agency's name in a list under a known heading is no attribution
	run -0 ar-strip-nav "$D/x04-morocco-taroudant-argan.txt"
	refute_output --partial "روابط مفيدة"
	refute_line "الوكالة الوطنية لتنمية مناطق الواحات وشجر الأركان"
	assert_line "المصدر: وكالة المغرب العربي للأنباء"
}

@test "a masthead over furniture gives way to the headline; a teaser with its date and a video's duration go" {
	run -0 ar-strip-nav "$D/y01-erbil-oil-deal.txt"
	assert_line --index 0 "بغداد وأربيل تتفقان على آلية جديدة لتسليم نفط الإقليم وتمويل رواتب موظفيه"
	refute_line "وكالة سروان للأنباء"
	refute_line "06-04-2025"
	refute_line "المدة 02:47"
	assert_line "ارتياح حذر في الشارع"
	# a poll by its Tunisian name, two comments under their count
	run -0 ar-strip-nav "$D/y04-tunisia-olive-prices.txt"
	refute_line "سبر آراء"
	refute_line "نعم"
	run -0 ar-strip-nav "$D/y08-syria-teachers-strike.txt"
	refute_line "تعليقان"
	refute_output --partial "الله يعينكم"
}

@test "a line of hashtags, a video teaser between paragraphs, a reading time with its number go" {
	run -0 ar-strip-nav "$D/y09-egypt-wheat-stock.txt"
	refute_output --partial "#القمح"
	run -0 ar-strip-nav "$D/y08-syria-teachers-strike.txt"
	refute_output --partial "شاهد: كلمة ممثل المعلمين"
	assert_output --partial "من جهتها، قالت مديرية التربية"
	run -0 ar-strip-nav "$D/y10-london-libya-roadmap.txt"
	refute_line "قراءة في 5 دقائق"
}

@test "a w3m dump with a ticker and a menu past the width is still read a paragraph at a time" {
	run -0 ar-strip-nav --explain "$D/z06-gulf-economy-markets.txt"
	assert_line --partial "	11	K	page:title"
	assert_line --partial "	19	K	page:body; good len=233"
	assert_line --partial "	21	K	page:body; good len=233"
}

@test "markdown: a ## subhead stays, the caption under an image line goes; a paragraph in و after an insert goes on" {
	run -0 ar-strip-nav "$D/z09-shatt-regional-dates.txt"
	assert_line --index 0 --partial "# موسم التمور في البصرة"
	refute_line "بساتين نخيل في قضاء أبي الخصيب (شط العرب)"
	run -0 ar-strip-nav --explain "$D/z08-najd-opinion-libraries.txt"
	assert_line --partial "	37	K	page:body"
	# after a picture, its caption and an ad under a subhead, وفي ... is the body's
	run -0 ar-strip-nav "$D/z02-rabia-daily-petra.txt"
	assert_line --partial "فنادق ممتلئة"
	assert_line --partial "   وفي وادي موسى"
	refute_line --partial "[19]البترا"
}

@test "a table drawn with spaces inside the body is the article's" {
	run -0 ar-strip-nav "$D/z05-koranile-sports-match.txt"
	assert_line --partial "1       الشروق"
	assert_line --partial "4       طلائع الدلتا"
}

@test "innerText: a read-also card under a table does not end the page; a table a cell a line parts no body" {
	run -0 ar-strip-nav "$D/p10-marfa-real-estate-q3.txt"
	assert_line "الأحمدي في الصدارة"
	refute_line --partial "«بيت التمويل»: 4"
	run -0 ar-strip-nav "$D/p03-waha-tourism-long.txt"
	assert_line --partial "وعلى صعيد الإنفاق"
}

@test "a paragraph in waw after a one-line read-also card goes on with the body" {
	run -0 ar-strip-nav "$D/p06-hidab-national-team-squad.txt"
	assert_line --partial "وغاب عن القائمة"
	assert_line --partial "ويتصدر المنتخب الوطني"
	refute_line "مواضيع ذات صلة"
}

@test "innerText: a table a cell a line under a colon is the article's; ranks of a most-read list are not cells" {
	run -0 ar-strip-nav "$F/page-cell-table.txt"
	assert_line "الكمية (ألف طن)"
	assert_line "42.5"
	assert_line "-3%"
	assert_line --partial "ويتوقع المصدرون"
	refute_line "الأكثر قراءة"
	refute_line "أسعار الذهب تتراجع في التعاملات المبكرة"
	refute_line "3"
}
