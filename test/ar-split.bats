bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

# split TEXT [OPTIONS]: ar-split on one paragraph given as an argument
split() { local t=$1; shift; printf '%s\n' "$t" | ar-split "$@"; }

# ---- sentences ----

@test "terminal marks end sentences: . ! ? ؟ … and runs of them" {
	run -0 split 'ذهب إلى السوق. هل عاد؟ نعم! متى?! لا أعلم… وانتهى الأمر.'
	assert_line --index 0 'ذهب إلى السوق.'
	assert_line --index 1 'هل عاد؟'
	assert_line --index 2 'نعم!'
	assert_line --index 3 'متى?!'
	assert_line --index 4 'لا أعلم…'
	assert_line --index 5 'وانتهى الأمر.'
	assert_equal "${#lines[@]}" 6
}

@test "closing quotes and brackets stay on the sentence they close" {
	run -0 split 'قال: "لن نتراجع". ثم غادر (بعد الظهر.) وعاد «غداً!» إلى بيته. ووصف الأمر بـ”المهم.” أخيراً.'
	assert_line --index 0 'قال: "لن نتراجع".'
	assert_line --index 1 'ثم غادر (بعد الظهر.)'
	assert_line --index 2 'وعاد «غداً!»'
	assert_line --index 3 'إلى بيته.'
	assert_line --index 4 'ووصف الأمر بـ”المهم.”'
	assert_line --index 5 'أخيراً.'
}

@test "a quotation of several sentences breaks inside and keeps its closing quote" {
	run -0 split 'وقال الوزير: "نحن ندعم التهدئة. لا نريد الحرب. وسنواصل الجهود". وأضاف أنه متفائل.'
	assert_output 'وقال الوزير: "نحن ندعم التهدئة.
لا نريد الحرب.
وسنواصل الجهود".
وأضاف أنه متفائل.'
}

@test "no break inside numbers, times, dates and decimals" {
	for t in '3.5' '13:00' '09/10/2020' '2025-05-14@15:13:12' '84,770' '٣٫٥' '12,450.35'; do
		run -0 split "بلغ الرقم $t في التقرير. وانتهى."
		assert_line --index 0 "بلغ الرقم $t في التقرير."
		assert_equal "${#lines[@]}" 2
	done
}

@test "no break inside URLs, domains, e-mail addresses, handles and hashtags" {
	run -0 split 'انظر pic.twitter.com/Ogwd9gjn0u و https://t.co/8tFkhYtqVt وwww.example.com/a.b?x=1 و info@stats.gov.sa مع @AFP_news و#قره_باغ. التالي.'
	assert_line --index 0 'انظر pic.twitter.com/Ogwd9gjn0u و https://t.co/8tFkhYtqVt وwww.example.com/a.b?x=1 و info@stats.gov.sa مع @AFP_news و#قره_باغ.'
	assert_line --index 1 'التالي.'
}

@test "a link that ends a tweet stays with its last sentence" {
	run -0 split 'We call on all parties to exercise restraint. pic.twitter.com/Xk29LmQp7a'
	assert_output 'We call on all parties to exercise restraint. pic.twitter.com/Xk29LmQp7a'
	run -0 split 'Peacekeepers will leave… https://t.co/Qw3rT7yUiP'
	assert_output 'Peacekeepers will leave… https://t.co/Qw3rT7yUiP'
}

@test "Arabic abbreviations: د. before a name, ص.ب, ج.م.ع, إلخ. mid-sentence, وأ." {
	run -0 split 'قال د. أحمد إن العنوان ص.ب. 3735 في ج.م.ع. حيث الخبز والأرز إلخ. من المواد. وقابل م. سامي وأ. منى. انتهى.'
	assert_output 'قال د. أحمد إن العنوان ص.ب. 3735 في ج.م.ع. حيث الخبز والأرز إلخ. من المواد.
وقابل م. سامي وأ. منى.
انتهى.'
}

@test "إلخ. and etc. end a sentence when the next word starts one" {
	run -0 split 'السياحة والنقل... إلخ. ويتوقع الصندوق نمواً.'
	assert_line --index 0 'السياحة والنقل... إلخ.'
	assert_line --index 1 'ويتوقع الصندوق نمواً.'
	run -0 split 'They discussed aid, trade, etc. The meeting lasted two hours.'
	assert_line --index 0 'They discussed aid, trade, etc.'
}

@test "Latin abbreviations and initials: U.S., Dr., J. K., a.m., Sept." {
	run -0 split 'Dr. Smith met U.S. officials at 9:30 a.m. in Washington. J. K. Rowling came on Sept. 1. It rained.'
	assert_output 'Dr. Smith met U.S. officials at 9:30 a.m. in Washington.
J. K. Rowling came on Sept. 1.
It rained.'
}

@test "a year before م. or هـ. still ends the sentence; a numbered item does not" {
	run -0 split 'تأسس عام 1397 هـ. وتطور بعدها. يظهر 6 خصائص. 1. الشحن. 2. السعة.'
	assert_output 'تأسس عام 1397 هـ.
وتطور بعدها.
يظهر 6 خصائص.
1. الشحن.
2. السعة.'
}

@test "English passages: capitalization counts" {
	run -0 split 'He said it was fine. the rest followed. Then he left. وقال المحلل إن هذا طبيعي.'
	assert_output 'He said it was fine. the rest followed.
Then he left.
وقال المحلل إن هذا طبيعي.'
}

@test "؛ and : do not end a sentence, ، never does; --semicolon makes ؛ one" {
	run -0 split 'استقبل المعرض مليون زائر؛ وهو رقم قياسي: ندوات، وأمسيات.'
	assert_output 'استقبل المعرض مليون زائر؛ وهو رقم قياسي: ندوات، وأمسيات.'
	run -0 split 'استقبل المعرض مليون زائر؛ وهو رقم قياسي: ندوات، وأمسيات.' --semicolon
	assert_output 'استقبل المعرض مليون زائر؛
وهو رقم قياسي: ندوات، وأمسيات.'
}

@test "ticker lines: '.. ' between headlines breaks" {
	run -0 split 'عاجل | أمطار غزيرة على جدة.. تعليق الدراسة غداً.. الدفاع المدني يحذر'
	assert_output 'عاجل | أمطار غزيرة على جدة..
تعليق الدراسة غداً..
الدفاع المدني يحذر'
}

@test "an ellipsis inside a sentence is a pause" {
	run -0 split 'إن ما تقوله وما تفعله... في الواقع, أمر لا يصدق.'
	assert_equal "${#lines[@]}" 1
}

@test "each line is a paragraph and ends a sentence; -p puts a blank line between" {
	run -0 bash -c 'printf "عنوان بلا نقطة\nنص أول. نص ثان.\n\n   \nآخر\n" | ar-split'
	assert_output 'عنوان بلا نقطة
نص أول.
نص ثان.
آخر'
	run -0 bash -c 'printf "عنوان بلا نقطة\nنص أول. نص ثان.\n\n   \nآخر\n" | ar-split -p'
	assert_output 'عنوان بلا نقطة

نص أول.
نص ثان.

آخر'
	run -0 bash -c 'printf "أ. ب\nج\n" | ar-split --paragraphs | wc -l'
	assert_output 3
}

@test "no character changes: a paragraph's lines joined by spaces give it back" {
	run -0 bash -c 'ar-split -h -p "$FIX/split/page.txt" | awk "NF { p = p == \"\" ? \$0 : p \" \" \$0; next } { print p; p = \"\" } END { print p }" > "$BATS_TEST_TMPDIR/joined"
		grep -v "^[[:space:]]*\$" "$FIX/split/page.txt" | sed "s/^[[:space:]]*//; s/[[:space:]]*\$//" | diff - "$BATS_TEST_TMPDIR/joined"'
}

@test "the seeds come back character for character" {
	need_shared seeds
	run -0 bash -c 'for f in "$SHARED"/seeds/*.txt; do ar-split -h -p < "$f"; echo; done | tr -d " \n\t\r\302\240" | md5sum > "$BATS_TEST_TMPDIR/a"
		for f in "$SHARED"/seeds/*.txt; do cat "$f"; echo; done | tr -d " \n\t\r\302\240" | md5sum | diff - "$BATS_TEST_TMPDIR/a"'
}

# ---- tokens ----

@test "-w: words, numbers, URLs, e-mails, handles, hashtags, punctuation; a blank line ends a sentence" {
	run -0 split 'كتب @AFP عن #قره_باغ: «84,770 شخصاً»، ٣٫٥ في 13:00 يوم 09/10/2020 انظر https://t.co/8tFkhYtqVt. راسلونا a.b@x.com؟ الأرمنيّـة' -w
	assert_output 'كتب
@AFP
عن
#قره_باغ
:
«
84,770
شخصاً
»
،
٣٫٥
في
13:00
يوم
09/10/2020
انظر
https://t.co/8tFkhYtqVt
.

راسلونا
a.b@x.com
؟

الأرمنيّـة'
}

@test "-w: clitics stay, abbreviations keep their period, Latin apostrophes stay" {
	run -0 split 'وبالمدينة قال د. أحمد إن U.S. there'"'"'s 2020م. وانتهى...' --words
	assert_output 'وبالمدينة
قال
د.
أحمد
إن
U.S.
there'"'"'s
2020م
.

وانتهى
...'
}

@test "--tsv: doc line sent tok type start end text, code-point offsets into the line" {
	run -0 bash -c 'printf "سطر أول.\nقال د. علي: نعم. لا!\n" | ar-split --tsv'
	assert_line --index 0 "$(printf 'doc\tline\tsent\ttok\ttype\tstart\tend\ttext\tdate')"
	assert_line --index 1 "$(printf -- '-\t1\t1\t0\tsentence\t0\t8\tسطر أول.\t')"
	assert_line --index 2 "$(printf -- '-\t2\t1\t0\tsentence\t0\t16\tقال د. علي: نعم.\t')"
	assert_line --index 3 "$(printf -- '-\t2\t2\t0\tsentence\t17\t20\tلا!\t')"
}

@test "--tsv offsets find every token and sentence in the input line" {
	for mode in "" -w; do
		run -0 bash -c 'ar-split -h --format=tsv '"$mode"' "$FIX/split/page.txt" > "$BATS_TEST_TMPDIR/t"
			perl -CSD -e '"'"'open L, "<:encoding(UTF-8)", $ARGV[0] or die; my @l = <L>; chomp @l;
			open T, "<:encoding(UTF-8)", $ARGV[1] or die; <T>; my $n = 0;
			while (<T>) { chomp; my ($d, $p, $s, $k, $y, $a, $b, $t) = split /\t/, $_, 9;
				die "row $.: [$t] vs [" . substr($l[$p - 1], $a, $b - $a) . "]\n"
				    unless substr($l[$p - 1], $a, $b - $a) eq $t; $n++ }
			print "$n rows ok\n"'"'"' "$FIX/split/page.txt" "$BATS_TEST_TMPDIR/t"'
		assert_output --regexp '^[0-9]+ rows ok$'
	done
}

@test "-w --tsv numbers tokens within each sentence" {
	run -0 bash -c 'printf "نعم. لا شيء.\n" | ar-split -w --tsv | cut -f2-7'
	assert_output "$(printf 'line\tsent\ttok\ttype\tstart\tend\n1\t1\t1\tword\t0\t3\n1\t1\t2\tpunct\t3\t4\n1\t2\t1\tword\t5\t7\n1\t2\t2\tword\t8\t11\n1\t2\t3\tpunct\t11\t12')"
}

@test "--format=json and --json write valid JSON Lines, with token types under -w" {
	run -0 bash -c 'ar-split --format=json "$FIX/split/page.txt" | jq -e -s "length == 14 and all(.[]; .doc and .line and .sent and .tok == 0 and .type == \"sentence\" and (.start|type==\"number\") and (.text|type==\"string\"))"'
	run -0 bash -c 'printf "انظر https://t.co/x1 @AFP #وسم 3.5 نعم.\n" | ar-split --json -w | jq -r .type | paste -sd" "'
	assert_output 'word url handle hashtag num word punct'
	printf 'قال "نعم"\tثم\\ مضى.\n' > "$BATS_TEST_TMPDIR/in"
	run -0 bash -c 'ar-split --json "$BATS_TEST_TMPDIR/in" | jq -r .text | cmp - "$BATS_TEST_TMPDIR/in"'
}

# ---- options and data ----

@test "--abbrev=FILE adds abbreviations; --no-abbrev drops the built-in list" {
	run -0 split 'قاد اللواء لواء. خالد الهجوم.'
	assert_equal "${#lines[@]}" 2
	run -0 split 'قاد اللواء لواء. خالد الهجوم.' --abbrev="$FIX/split/abbrev-extra.txt"
	assert_equal "${#lines[@]}" 1
	run -0 split 'قال Dr. Smith كلاماً.' --no-abbrev
	assert_equal "${#lines[@]}" 2
	run -0 split 'قال Dr. Smith كلاماً.'
	assert_equal "${#lines[@]}" 1
}

@test "a bad abbreviation file is an error naming file and line" {
	printf 'good\ttitle\nbad\tnever\n' > "$BATS_TEST_TMPDIR/ab.txt"
	run -2 --separate-stderr ar-split --abbrev="$BATS_TEST_TMPDIR/ab.txt" /dev/null
	assert_equal "$stderr" "ar-split: $BATS_TEST_TMPDIR/ab.txt:2: unknown kind 'never' (title or any)"
	run -2 --separate-stderr ar-split --abbrev=/nonexistent/ab.txt /dev/null
	assert_equal "${stderr%%:*}" "ar-split"
}

@test "AR_DATADIR replaces the built-in abbrev.txt" {
	mkdir -p "$BATS_TEST_TMPDIR/d"
	printf 'Xyz\ttitle\n' > "$BATS_TEST_TMPDIR/d/abbrev.txt"
	run -0 bash -c 'printf "Xyz. Abc. Dr. Who.\n" | AR_DATADIR="$BATS_TEST_TMPDIR/d" ar-split'
	assert_output 'Xyz. Abc.
Dr.
Who.'
}

# ---- the stream contract ----

@test "invalid UTF-8 becomes U+FFFD with one warning; --strict makes it an error" {
	run -0 --separate-stderr bash -c 'printf "نص \xff\xfe سيئ. ثان \xc3.\n" | ar-split'
	assert_output "$(printf 'نص \xef\xbf\xbd\xef\xbf\xbd سيئ.\nثان \xef\xbf\xbd.')"
	assert_equal "${#stderr_lines[@]}" 1
	assert_regex "$stderr" '^ar-split: -:1: invalid UTF-8 at byte 5'
	run -2 --separate-stderr bash -c 'printf "نص \xff.\n" | ar-split --strict'
}

@test "a multi-megabyte line without boundaries, and one with many" {
	run -0 bash -c 'perl -e "print \"\\xd8\\xa8\" x 1500000" | ar-split | wc -c'
	assert_output 3000001
	run -0 bash -c 'yes "جملة قصيرة 3.5 د. علي. " | head -200000 | tr -d "\n" | ar-split | wc -l'
	assert_output 200000
	run -0 bash -c 'yes "١٢٣ " | head -300000 | tr -d "\n" | ar-split -w | wc -l'
	assert_output 300001
}

@test "CRLF input and a missing final newline" {
	run -0 ar-split -h "$FIX/split/crlf.txt"
	assert_output 'أعلنت الوزارة نتائج الاختبارات.
وقال المتحدث إن النسبة بلغت 95%.
هل أنت مستعد؟
نعم!
سطر أخير بلا نهاية'
}

@test "\\f header lines start documents; TSV and JSON name them in the doc column" {
	run -0 ar-split "$FIX/split/docs.txt"
	assert_output "$(printf '\fdoc-one\nالجملة الأولى.\nالجملة الثانية.\n\fdoc-two\nجملة ثالثة؟\nجملة رابعة!')"
	run -0 bash -c 'ar-split --tsv "$FIX/split/docs.txt" | cut -f1 | paste -sd" "'
	assert_output 'doc doc-one doc-one doc-two doc-two'
	run -0 bash -c 'cat "$FIX/split/docs.txt" | ar-split -p'
	assert_output "$(printf '\fdoc-one\nالجملة الأولى.\nالجملة الثانية.\n\fdoc-two\nجملة ثالثة؟\nجملة رابعة!')"
}

@test "-H and -h: file headers on and off" {
	run -0 bash -c 'printf "نعم. لا.\n" | ar-split -H | head -1'
	assert_output "$(printf '\f-')"
	run -0 ar-split -h "$FIX/split/crlf.txt"
	refute_line --partial "$(printf '\f')"
	# as grep writes names: one file, none; two, before each
	run -0 bash -c 'ar-split "$FIX/split/crlf.txt" | { grep -c "^$(printf "\f")" || true; }'
	assert_output 0
	run -0 bash -c 'ar-split "$FIX/split/crlf.txt" "$FIX/split/page.txt" | head -1'
	assert_output "$(printf '\f%s' "$FIX/split/crlf.txt")"
}

@test "--line-buffered and --progress do not change the output" {
	run -0 bash -c 'diff <(ar-split --line-buffered "$FIX/split/page.txt") <(ar-split --progress "$FIX/split/page.txt")'
}

@test "a write error exits 2 with a message" {
	run -2 --separate-stderr bash -c 'ar-split "$FIX/split/page.txt" > /dev/full'
	assert_regex "$stderr" '^ar-split: '
}

@test "a closed pipe ends quietly" {
	run -0 --separate-stderr bash -c 'yes "نعم. لا." | head -100000 | ar-split | head -1'
	assert_output 'نعم.'
	assert_equal "$stderr" ''
}

@test "an unreadable file among readable ones: the others are split, exit 2" {
	run -2 --separate-stderr ar-split -h "$FIX/split/crlf.txt" /nonexistent "$FIX/split/docs.txt"
	assert_line --index 0 'أعلنت الوزارة نتائج الاختبارات.'
	assert_line --index -1 'جملة رابعة!'
	assert_equal "$stderr" 'ar-split: /nonexistent: No such file or directory'
}

@test "--help, --version, a bad option, a bad format" {
	run -0 ar-split --help
	assert_line --index 0 --partial 'usage: ar-split'
	assert_output --partial '--semicolon'
	run -0 ar-split --version
	assert_output --partial 'ar-split (ar-tools)'
	run -2 --separate-stderr ar-split --bogus
	assert_regex "${stderr_lines[-2]}" '^usage: ar-split '
	run -2 --separate-stderr ar-split --format=xml
}

# ---- quality ----

@test "hand-made gold set: sentence F1 >= 98" {
	run -0 sh "$TOP/test/split-eval.sh" gold
	f1=$(printf '%s\n' "$output" | sed -n 's/.*F1 \([0-9.]*\)$/\1/p')
	awk -v f="$f1" 'BEGIN { exit !(f >= 98) }'
	[ "$(cat "$TOP"/test/gold/split/*.txt | grep -c .)" -ge 150 ]
}

@test "UD Arabic-PUD: sentence F1 >= 99" {
	need_shared bench/ud-arabic-pud
	run -0 sh "$TOP/test/split-eval.sh" pud
	f1=$(printf '%s\n' "$output" | sed -n 's/.*F1 \([0-9.]*\)$/\1/p')
	awk -v f="$f1" 'BEGIN { exit !(f >= 99) }'
}

# ---- CoNLL-U and CWB vertical text ----

@test "--format=conllu follows the CoNLL-U specification, field by field" {
	for f in "$FIX"/split/*.txt "$TOP"/share/ar-tools/samples/*.txt; do
		ar-split --format=conllu "$f" > "$BATS_TEST_TMPDIR/out.conllu"
		run -0 python3 "$TOP/test/tools/conllu-check.py" "$BATS_TEST_TMPDIR/out.conllu"
	done
}

@test "--format=conllu: SpaceAfter=No, TokenRange, NFC forms, ids of document, paragraph, sentence" {
	run -0 bash -c "printf 'قال: \\\"نعم\\\". ا\xd9\x94ن\n' | ar-split --format=conllu"
	assert_line --index 0 '# newdoc id = -'
	assert_line --index 1 '# newpar id = --1'
	assert_line --index 2 '# sent_id = --1-1'
	assert_line --index 3 '# text = قال: "نعم".'
	assert_line --index 4 "$(printf '1\tقال\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=0:3')"
	assert_line --index 5 "$(printf '2\t:\t_\tPUNCT\t_\t_\t_\t_\t_\tTokenRange=3:4')"
	assert_line --index 11 '# text = أن'
}

@test "--format=conllu on the seeds and the bench pages passes the format check" {
	need_shared bench/news
	cat "$SHARED"/seeds/*.txt "$SHARED"/bench/news/*.txt | ar-split --format=conllu > "$BATS_TEST_TMPDIR/all.conllu"
	run -0 python3 "$TOP/test/tools/conllu-check.py" "$BATS_TEST_TMPDIR/all.conllu"
	ar-split --format=conllu "$SHARED"/seeds/*.txt "$SHARED"/bench/news/*.txt > "$BATS_TEST_TMPDIR/docs.conllu"
	run -0 python3 "$TOP/test/tools/conllu-check.py" "$BATS_TEST_TMPDIR/docs.conllu"
}

@test "--format=vrt: text, p and s elements, word type fold, XML escaped, well-formed" {
	run -0 bash -c "printf 'قال <عاجل> & \\\"نعم\\\"\x01.\nثان\n' | ar-split --format=vrt"
	assert_line --index 0 '<text id="-">'
	assert_line --index 1 '<p>'
	assert_line --index 2 '<s>'
	assert_line --index 3 "$(printf 'قال\tword\tقال')"
	assert_line --index 4 "$(printf '&lt;\tsymbol\t&lt;')"
	assert_line --index 7 "$(printf '&amp;\tpunct\t&amp;')"
	assert_line --index 8 "$(printf '&quot;\tpunct\t&quot;')"
	assert_line --index -1 '</text>'
	for f in "$FIX"/split/*.txt "$TOP"/share/ar-tools/samples/*.txt; do
		run -0 python3 "$TOP/test/tools/vrt-check.py" <(ar-split --format=vrt "$f")
	done
}

@test "--format=vrt on the seeds and the bench pages passes the format check" {
	need_shared bench/news
	ar-split --format=vrt "$SHARED"/seeds/*.txt "$SHARED"/bench/news/*.txt > "$BATS_TEST_TMPDIR/all.vrt"
	run -0 python3 "$TOP/test/tools/vrt-check.py" "$BATS_TEST_TMPDIR/all.vrt"
	assert_output --regexp '^[0-9]+ texts, [0-9]+ tokens, ok$'
}

@test "--format=csv: RFC 4180 with a header, CRLF, quotes doubled; --bom" {
	run -0 bash -c "printf 'قال: \\\"نعم\\\", ثم\n' | ar-split --format=csv"
	assert_line --index 0 $'doc,line,sent,tok,type,start,end,text,date\r'
	assert_line --index 1 $'-,1,1,0,sentence,0,14,"قال: ""نعم"", ثم",\r'
	run -0 bash -c "printf 'x\n' | ar-split --csv --bom | head -c 3 | od -An -tx1"
	assert_output ' ef bb bf'
}

@test "a line of several megabytes: in parts, no sentence or token cut, offsets along the line" {
	python3 -c '
import sys
s = ["قالت الوزارة أمس إن المؤتمر سيعقد غدا.", "وأضاف د. أحمد: \"لن نتراجع\".", "هل يعود؟", "نعم!"]
sys.stdout.write(" ".join(s[i % 4] for i in range(120000)) + "\n")' > "$BATS_TEST_TMPDIR/long"
	[ "$(wc -c < "$BATS_TEST_TMPDIR/long")" -gt 3000000 ]
	run -0 bash -c 'ar-split "$1" | LC_ALL=C sort | uniq -c | tr -s " "' _ "$BATS_TEST_TMPDIR/long"
	assert_output "$(printf ' 30000 %s\n' 'قالت الوزارة أمس إن المؤتمر سيعقد غدا.' 'نعم!' 'هل يعود؟' 'وأضاف د. أحمد: "لن نتراجع".' | LC_ALL=C sort -k2)"
	# rows: sentence numbers 1..N along the line, each start one past the last end
	run -0 bash -c 'ar-split --tsv "$1" | awk -F"\t" "NR > 1 { if (\$3 != NR - 1 || (NR > 2 && \$6 != e + 1)) { print \"bad row\", NR; exit } e = \$7 } END { print NR - 1, e }"' _ "$BATS_TEST_TMPDIR/long"
	assert_output "120000 $(( $(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read().rstrip("\n")))' "$BATS_TEST_TMPDIR/long") ))"
	run -0 bash -c 'ar-split -w "$1" | grep -c "^المؤتمر$"' _ "$BATS_TEST_TMPDIR/long"
	assert_output 30000
}

@test "a sentence of more than 4 MB without an end is cut, nothing lost" {
	python3 -c 'import sys; sys.stdout.write("كلمة " * 1200000 + "\n")' > "$BATS_TEST_TMPDIR/long"
	run -0 bash -c 'ar-split "$1" | awk "{ n++; if (length(\$0) > m) m = length(\$0) } END { print (n > 1), (m < 6000000) }"' _ "$BATS_TEST_TMPDIR/long"
	assert_output "1 1"
	run -0 bash -c 'ar-split -w "$1" | grep -c "^كلمة$"' _ "$BATS_TEST_TMPDIR/long"
	assert_output 1200000
}

@test "rows carry the document's date from its header (null in JSON without one)" {
	run -0 bash -c 'printf "\fa.txt\tdate=2024-03-02\nقال. نعم.\n\fb.txt\nلا.\n" | ar-split --tsv | cut -f1,9'
	assert_output $'doc\tdate\na.txt\t2024-03-02\na.txt\t2024-03-02\nb.txt\t'
	run -0 bash -c 'printf "قال.\n" | ar-split -w --json | head -1 | jq -r ".date"'
	assert_output "null"
	run -0 bash -c 'ar-strip-nav -H "$1" | ar-split --tsv | tail -1 | cut -f9' _ "$FIX/strip-nav/page-crawler.txt"
	assert_output "2024-03-02"
}
