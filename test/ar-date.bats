bats_require_minimum_version 1.5.0
# ar-date: dates and times in Arabic news text, resolved to TIMEX3 values.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	D="$FIX/date"
}

# value of the first expression ar-date finds in $1 with --ref=$2
val() {
	printf '%s\n' "$1" | ar-date --ref="${2:-2023-09-29}" --format=tsv | awk -F'\t' 'NR == 2 { print $6; exit }'
}

@test "the issue's examples: relative days with their weekday and clock" {
	assert_equal "$(val 'وقع الانفجار الساعة السابعة صباح أمس الخميس')" 2023-09-28T07:00
	assert_equal "$(val 'تبدأ المباراة الساعة 4 عصر اليوم')" 2023-09-29T16:00
	assert_equal "$(val 'انطلقت المسيرة في الثامنة والنصف مساء')" 2023-09-29T20:30
	assert_equal "$(val 'اندلع الحريق مساء الخميس' 2020-10-09)" 2020-10-08
	assert_equal "$(val 'وصل الوفد بعد غد')" 2023-10-01
	assert_equal "$(val 'زار القادة كييف أمس الأول')" 2023-09-27
	assert_equal "$(val 'ذكرت الصحيفة البارحة')" 2023-09-28
}

@test "weekdays by tense and modifier; periods; month modifiers" {
	assert_equal "$(val 'شنت القوات هجوما الأحد')" 2023-09-24
	assert_equal "$(val 'من المقرر أن يصل الوفد الاثنين')" 2023-10-02
	assert_equal "$(val 'سيعقد البرلمان جلسة الأربعاء')" 2023-10-04
	assert_equal "$(val 'تنطلق المفاوضات السبت المقبل')" 2023-09-30
	assert_equal "$(val 'أعلنت الحكومة الأسبوع الماضي')" 2023-W38
	assert_equal "$(val 'تصدر النتائج الشهر المقبل')" 2023-10
	assert_equal "$(val 'تنتهي الأشغال مطلع العام الجاري')" 2023
	assert_equal "$(val 'أعلنت الحكومة في مايو الماضي')" 2023-05
	assert_equal "$(val 'التقى الرئيسان في 15 مايو/أيار الجاري')" 2023-05-15
	assert_equal "$(val 'اعتقلته الشرطة في 2 سبتمبر')" 2023-09-02
}

@test "month names of every region, pairs and loose spellings" {
	assert_equal "$(val 'في 12 إبريل 2010')" 2010-04-12
	assert_equal "$(val 'في 14 يونيه 2022')" 2022-06-14
	assert_equal "$(val 'في 21 سيبتمبر 2017')" 2017-09-21
	assert_equal "$(val 'في 5 كانون ثاني 2015')" 2015-01-05
	assert_equal "$(val 'في 12 تشرين 2 2021')" 2021-11-12
	assert_equal "$(val 'في 10 تشرين نوفمبر 2020')" 2020-11-10
	assert_equal "$(val 'في 3 آذار (مارس) 2019')" 2019-03-03
	assert_equal "$(val 'في 12 جانفي 2021')" 2021-01-12
	assert_equal "$(val 'في 10 أوت 2021')" 2021-08-10
	assert_equal "$(val 'في 8 شتنبر 2023')" 2023-09-08
	assert_equal "$(val 'في 10 دجنبر 2020')" 2020-12-10
}

@test "Hijri dates go through the Umm al-Qura table, with a hijri field" {
	run -0 bash -c "echo 'يبدأ الصيام في 15 رمضان 1445 هـ الموافق 25 مارس 2024' | ar-date --json | jq -r '[.value, .hijri // \"-\"] | @tsv'"
	assert_line --index 0 "2024-03-25	1445-09-15"
	assert_line --index 1 "2024-03-25	-"
	assert_equal "$(val 'اعتمدت الميزانية للعام المالي 1445هـ')" 2023-07-19/2024-07-06
	# outside the table: tabular arithmetic
	assert_equal "$(val 'ولد عام 1293 هـ')" 1876-01-28/1877-01-15
}

@test "a different Umm al-Qura table through AR_DATADIR changes the result" {
	mkdir -p "$BATS_TEST_TMPDIR/share"
	cp "$TOP"/share/ar-tools/*.tsv "$BATS_TEST_TMPDIR/share/"
	sed -i 's/^1445\t2023-07-19/1445\t2023-07-20/' "$BATS_TEST_TMPDIR/share/ummalqura.tsv"
	run -0 bash -c "echo 'في 1 محرم 1445 هـ' | AR_DATADIR='$BATS_TEST_TMPDIR/share' ar-date --tsv | cut -f6"
	assert_line --index 1 2023-07-20
}

@test "numeric dates in three digit scripts, ISO, day-first, year-first" {
	assert_equal "$(val 'نشر بتاريخ 2024-11-05')" 2024-11-05
	assert_equal "$(val 'تاريخ الجلسة 9-10-2020')" 2020-10-09
	assert_equal "$(val 'نشر في 2020/10/09')" 2020-10-09
	assert_equal "$(val 'حرر في ٢٠٢٠/١٠/٠٩')" 2020-10-09
	assert_equal "$(val 'صدر بتاريخ ۱۲/۰۴/۲۰۲۱')" 2021-04-12
	assert_equal "$(val 'صدر في 2023-09-20T14:35:00Z')" 2023-09-20T14:35
}

@test "ordinals, year words, markers, English dates" {
	assert_equal "$(val 'في التاسع من أكتوبر 2022')" 2022-10-09
	assert_equal "$(val 'في الحادي والعشرين من يناير 2020')" 2020-01-21
	assert_equal "$(val 'في الخامس والعشرين من الشهر الجاري')" 2023-09-25
	assert_equal "$(val 'تعود إلى عام 1250م')" 1250
	assert_equal "$(val 'انتهت سنة 1945 ميلادي')" 1945
	assert_equal "$(val 'AFP September 29, 2023')" 2023-09-29
	assert_equal "$(val 'on 5 March 2022 in Geneva')" 2022-03-05
}

@test "durations, sets, decades and ranges" {
	assert_equal "$(val 'منذ 3 أعوام')" P3Y
	assert_equal "$(val 'لمدة ساعتين')" PT2H
	assert_equal "$(val 'تجتمع يوميا')" P1D
	assert_equal "$(val 'يتظاهرون كل يوم جمعة')" XXXX-WXX-5
	assert_equal "$(val 'في التسعينيات')" 199
	assert_equal "$(val 'من 15 إلى 20 مايو 2023')" 2023-05-15/2023-05-20
	run -0 bash -c "echo 'منذ 3 أعوام' | ar-date --tsv | cut -f5,7 | tail -1"
	assert_output "3 أعوام	duration"
}

@test "a zone phrase is part of the expression and fills tz, value unshifted" {
	run -0 bash -c "echo 'الجمعة 09/10/2020 - 04:30 بتوقيت نيويورك' | ar-date --json | jq -r '[.value, .tz, .type] | @tsv'"
	assert_output "2020-10-09T04:30	America/New_York	time"
	run -0 bash -c "echo 'انتهى عند 20:00 بتوقيت غرينتش' | ar-date --ref=2023-09-29 --tsv | cut -f8 | tail -1"
	assert_output GMT
}

@test "no false alarms on the issue's traps" {
	run -1 ar-date --ref=2023-09-29 "$D/nodate.txt"
	for s in 'يقع المصنع في مدينة 6 أكتوبر' 'أعلن تحالف 14 آذار رفضه' 'الحزب مارس الضغط' \
	    'التقى بالسيد رمضان عبد الله' 'قال أحد المسؤولين' 'نقلت قناة روسيا اليوم' \
	    'اجتمع الأمين العام' 'قتل 350 من جنوده' 'بلغ السعر 13.00 جنيها' 'صرح جمعة محمد'; do
		run -1 bash -c "echo '$s' | ar-date --ref=2023-09-29"
	done
}

@test "reference from the publication line, and the crawl line when there is none" {
	run -0 ar-date "$D/page.txt"
	assert_line "$D/page.txt:4: 2023-09-28  أمس"
	assert_line "$D/page.txt:8: 2023-09-29  اليوم الجمعة"
	run -0 ar-date "$D/crawl-only.txt"
	assert_line "$D/crawl-only.txt:2: 2024-03-14  أمس"
}

@test "--lookahead=0 does not wait for the publication line" {
	run -0 ar-date --lookahead=0 "$D/page.txt"
	assert_line "$D/page.txt:4: 2025-05-13  أمس"
	run -2 ar-date --lookahead=x "$D/page.txt"
}

@test "--ref wins over the document; without any, unknown parts are X" {
	run -0 ar-date --ref=2020-01-10 "$D/page.txt"
	assert_line "$D/page.txt:4: 2020-01-09  أمس"
	run -0 ar-date "$D/noref.txt"
	assert_line "$D/noref.txt:1: XXXX-XX-XX  أمس"
	assert_line "$D/noref.txt:1: XXXX-05-15  15 مايو الجاري"
	run -2 --separate-stderr ar-date --ref=yesterday "$D/noref.txt"
	assert_equal "${stderr_lines[0]}" "ar-date: bad --ref 'yesterday' (want YYYY-MM-DD)"
}

@test "the reference resets at each document header" {
	run -0 ar-date "$D/docs.txt"
	assert_line "first:2: 2023-09-19  أمس"
	assert_line "second:1: XXXX-XX-XX  أمس"
}

@test "TSV: header, code-point offsets, exact text" {
	run -0 ar-date --format=tsv --ref=2023-09-29 "$D/page.txt"
	assert_line --index 0 "doc	line	start	end	text	value	type	tz	hijri"
	assert_line "$D/page.txt	8	15	27	اليوم الجمعة	2023-09-29	date		"
	run -0 bash -c "ar-date --tsv --ref=2023-09-29 '$D/page.txt' | awk -F'\t' '\$2 == 8 { print \$3, \$4; exit }'"
	local LC_ALL=C.UTF-8
	line=$(sed -n 8p "$D/page.txt")
	read -r s e <<< "$output"
	assert_equal "${line:$s:$((e - s))}" "اليوم الجمعة"
}

@test "JSON Lines are valid and carry every field" {
	run -0 bash -c "ar-date --json '$D/page.txt' | jq -e -s 'length == 7 and all(.[]; has(\"doc\") and has(\"line\") and has(\"start\") and has(\"end\") and has(\"text\") and has(\"value\") and has(\"type\"))'"
	run -0 bash -c "ar-date --format=json '$D/page.txt' | jq -r 'select(.tz) | .tz' | sort -u"
	assert_output GMT
}

@test "TimeML wraps each expression in TIMEX3 and escapes the rest" {
	run -0 ar-date --format=timeml "$D/xml.txt"
	assert_line --index 0 'قال إن 5 &lt; 6 &amp; التاريخ <TIMEX3 tid="t1" type="DATE" value="2023-01-15">15 يناير 2023</TIMEX3> &quot;مهم&quot;.'
	run -0 bash -c "ar-date --format=timeml --ref=2023-09-29 '$D/page.txt' | grep -o 'TIMEX3 tid' | wc -l"
	assert_output 7
	run -0 bash -c "echo 'منذ 3 أعوام يوميا' | ar-date --format=timeml"
	assert_output 'منذ <TIMEX3 tid="t1" type="DURATION" value="P3Y">3 أعوام</TIMEX3> <TIMEX3 tid="t2" type="SET" value="P1D">يوميا</TIMEX3>'
}

@test "exit 1 when nothing is found, in every format" {
	run -1 ar-date "$D/nodate.txt"
	run -1 ar-date --json "$D/nodate.txt"
	run -1 ar-date --format=timeml "$D/nodate.txt"
}

@test "invalid UTF-8 is repaired with one warning; --strict makes it an error" {
	run -0 --separate-stderr ar-date "$D/bad.txt"
	assert_line "$D/bad.txt:1: 2023-01-15  15 يناير 2023"
	assert_equal "${#stderr_lines[@]}" 1
	run -2 --separate-stderr ar-date --strict "$D/bad.txt"
}

@test "CRLF and no final newline" {
	run -0 ar-date --ref=2023-09-29 "$D/crlf.txt"
	assert_line "$D/crlf.txt:2: 2023-09-28  أمس"
	run -0 bash -c "ar-date --tsv '$D/crlf.txt' | cut -f5 | grep -c \$'\r'"  || true
	assert_output 0
	run -0 ar-date "$D/nofinal.txt"
	assert_line "$D/nofinal.txt:1: 2021-03-03  3 مارس 2021"
}

@test "headers: -H on standard input, -h off for files" {
	run -0 bash -c "ar-date -H --ref=2023-09-29 < '$D/crlf.txt' | head -1 | od -c | head -1"
	assert_output --partial '\f'
	run -0 ar-date -h "$D/nofinal.txt"
	refute_line --partial "$(printf '\f')"
}

@test "a multi-megabyte line, and many numbers on one line" {
	run -0 bash -c "{ head -c 3000000 /dev/zero | tr '\\0' 'x'; echo ' في 15 يناير 2023'; } | ar-date --tsv | cut -f6 | tail -1"
	assert_output 2023-01-15
	run -0 bash -c "seq 100000 | tr '\\n' ' ' | sed 's/\$/ في 15 يناير 2023\\n/' | ar-date --tsv | tail -n +2 | cut -f6"
	assert_output 2023-01-15
}

@test "write error on /dev/full exits 2; | head -1 ends quietly" {
	run -2 --separate-stderr bash -c "ar-date '$D/page.txt' > /dev/full"
	[[ "$stderr" == ar-date:* ]]
	run -0 --separate-stderr bash -c "for i in \$(seq 2000); do cat '$D/page.txt'; done | ar-date | head -1"
	assert_equal "$stderr" ""
}

@test "an unreadable file among readable ones: the rest go through, exit 2" {
	run -2 --separate-stderr ar-date "$D/nofinal.txt" "$D/missing.txt" "$D/crlf.txt"
	assert_line --partial "2021-03-03"
	assert_line --partial "2023-01-15"
	[[ "$stderr" == *missing.txt* ]]
}

@test "--words and --months replace the word lists" {
	printf 'set\tكل ثلاثاء\tXXXX-WXX-2\nrel\tأمس\t-1\n' > "$BATS_TEST_TMPDIR/w.tsv"
	run -0 bash -c "echo 'الاجتماع أمس' | ar-date --ref=2023-09-29 --words='$BATS_TEST_TMPDIR/w.tsv'"
	assert_output "-:1: 2023-09-28  أمس"
	printf 'برومير\t11\tg\n' > "$BATS_TEST_TMPDIR/m.tsv"
	run -0 bash -c "echo 'في 18 برومير 1799' | ar-date --months='$BATS_TEST_TMPDIR/m.tsv'"
	assert_output "-:1: 1799-11-18  18 برومير 1799"
}

@test "the gold set scores at least 95% with at most 2 false alarms" {
	run -0 "$TOP/test/date-eval.sh" --no-dateparser
	assert_output --partial "ar-date "
}

@test "--help, --version and a bad option" {
	run -0 ar-date --help
	assert_line --partial "usage: ar-date"
	assert_output --partial -- "--format=FMT"
	run -0 ar-date --version
	run -2 --separate-stderr ar-date --bogus
	[[ "$stderr" == *usage:* ]]
	run -2 ar-date --format=xml "$D/page.txt"
}

@test "regression (fuzz): a document that is one empty CR line" {
	printf '\r' > "$BATS_TEST_TMPDIR/cr.txt"
	run -1 ar-date --format=json "$BATS_TEST_TMPDIR/cr.txt"
	assert_output ""
	run -1 bash -c "printf '\r\n\r\n' | ar-date"
}

# ---- issue 11: the shared fold and word iterator find what ar-norm | ar-date finds

@test "a word with a ZWNJ inside (أم‌س) and Persian heh (الجمعۀ) are found" {
	assert_equal "$(val 'قال أم‌س إن الوفد وصل')" 2023-09-28
	assert_equal "$(val 'وصل الوفد يوم الجمعۀ الماضي')" 2023-09-22
	# the same as after ar-norm
	assert_equal "$(printf 'قال أم‌س إن\n' | ar-norm | ar-date --ref=2023-09-29 --tsv | cut -f6 | tail -1)" 2023-09-28
	# an invisible mark that ends a word stays out of the expression's text
	run -0 bash -c "printf 'قال أمس\xe2\x80\x8f إن\n' | ar-date --ref=2023-09-29 --tsv | cut -f3-6"
	assert_line --index 1 "$(printf '4\t7\tأمس\t2023-09-28')"
}

@test "presentation-form ligatures and digits of every script are read" {
	assert_equal "$(val 'يعود يوم اﻷحد المقبل' 2020-02-29)" 2020-03-01
	assert_equal "$(val 'ويستمر ﻷربع سنوات')" P4Y
	assert_equal "$(val 'في عام ２٠٢٠')" 2020
}

# ---- issue 14: every publication and crawl line form is a reference

@test "the bench pages' crawl line (2015-07-24 16:06:03) is the reference" {
	printf 'site:\n2015-07-24 16:06:03\n\nوصل الوفد أمس إلى العاصمة\n' > "$BATS_TEST_TMPDIR/p.txt"
	run -0 ar-date "$BATS_TEST_TMPDIR/p.txt"
	assert_line "$BATS_TEST_TMPDIR/p.txt:4: 2015-07-23  أمس"
	# ISO with T too; a line that only starts like a timestamp is none
	printf '2023-09-20T14:35:00Z\nوصل أمس\n' | ar-date > "$BATS_TEST_TMPDIR/t.out"
	run -0 grep -c '^-:2: 2023-09-19  أمس' "$BATS_TEST_TMPDIR/t.out"
	run -0 bash -c "printf '2015-07-24 16:06:03 وصل الوفد\nوصل أمس\n' | ar-date"
	assert_line -- "-:2: XXXX-XX-XX  أمس"
}

@test "on the bench pages every row resolves" {
	need_shared bench/news
	run -1 bash -c "ar-date --tsv '$SHARED'/bench/news/*_*.txt | grep -c XXXX-XX-XX"
	assert_output 0
}

@test "a publication stamp (الجمعة 09/10/2020 - 04:30 بتوقيت …) is the reference" {
	printf 'عاجل | خبر بلا تاريخ وقع أمس\n\nالجمعة 09/10/2020 - 04:30 بتوقيت نيويورك\n\nقال الخميس إن\n' > "$BATS_TEST_TMPDIR/s.txt"
	run -0 ar-date "$BATS_TEST_TMPDIR/s.txt"
	assert_line "$BATS_TEST_TMPDIR/s.txt:1: 2020-10-08  أمس"       # held until the stamp
	assert_line "$BATS_TEST_TMPDIR/s.txt:3: 2020-10-09T04:30  الجمعة 09/10/2020 - 04:30 بتوقيت نيويورك"
	assert_line "$BATS_TEST_TMPDIR/s.txt:5: 2020-10-08  الخميس"
	# the same words in a sentence are no stamp
	run -0 bash -c "printf 'الجمعة 09/10/2020 شهدت المدينة احتجاجات\nوصل أمس\n' | ar-date"
	assert_line -- "-:2: XXXX-XX-XX  أمس"
}
