bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

# norm STEPS TEXT: run ar-norm --steps=STEPS on TEXT (printf escapes allowed;
# bash expands \u escapes to UTF-8 only in a UTF-8 locale, and the suite
# also runs under LC_ALL=C)
norm() {
	LC_ALL=C.UTF-8 bash -c 'printf "%b\n" "$1"' _ "$2" | ar-norm --steps="$1"
}

@test "default set makes قرة and قره one word" {
	run -0 bash -c 'printf "قرة باغ\nقره باغ\nقَرَة باغ\nقـره باغ\n" | ar-norm | sort -u'
	assert_output "قره باغ"
}

@test "default set on a news paragraph" {
	run -0 ar-norm "$FIX/norm/news.txt" -h
	assert_line --index 0 "اعلنت وزاره الخارجيه، اليوم الاثنين، ان المفاوضات ستستانف في القاهره."
	assert_line --index 1 "وقال المتحدث ان «الاتفاق» سيوقع قبل نهايه الشهر الجاري…"
	assert_line --index 2 "ارتفع المؤشر بنسبه 3.5٪ ليغلق عند 84,770 نقطه."
	assert_line --index 3 "الارمينيه في ناغورني قره باغ"
}

@test "nfc composes alef + hamza above and orders marks" {
	run -0 norm nfc 'ا\u0654 و\u0654 ي\u0654 ا\u0653'
	assert_output "أ ؤ ئ آ"
	# shadda (ccc 33) after fatha (ccc 30) stays; the reverse is reordered
	run -0 env LC_ALL=C.UTF-8 bash -c 'printf "ب\u0651\u064e\n" | ar-norm --steps=nfc | od -An -tx1 | tr -d " \n"'
	assert_output "d8a8d98ed9910a"
}

@test "diacritics removes harakat but not a hamza written as a mark" {
	run -0 norm diacritics 'مُهِمَّةٌ سَلامٌ'
	assert_output "مهمة سلام"
	run -0 norm diacritics 'ا\u0654\u064e'
	assert_output "أ"
	run -0 norm diacritics 'القرآنٰ ۖ'
	assert_output "القرآن "
}

@test "diacritics leaves Hebrew points and Latin accents" {
	run -0 norm diacritics 'שָׁלוֹם café'
	assert_output "שָׁלוֹם café"
}

@test "tatweel" {
	run -0 norm tatweel 'الســـلام'
	assert_output "السلام"
}

@test "alef" {
	run -0 norm alef 'آ أ إ ٱ ٲ ٳ ا'
	assert_output "ا ا ا ا ا ا ا"
}

@test "yeh" {
	run -0 norm yeh 'مستشفى على'
	assert_output "مستشفي علي"
}

@test "teh-marbuta" {
	run -0 norm teh-marbuta 'قرة مدينة'
	assert_output "قره مدينه"
}

@test "hamza (not in the default set)" {
	run -0 norm hamza 'مؤتمر رئيس ماء'
	assert_output "موتمر رييس ماء"
	run -0 norm default 'مؤتمر رئيس'
	assert_output "مؤتمر رئيس"
}

@test "persian look-alikes, also word-final" {
	run -0 norm persian 'فی الأرمینیة کتاب ہ ۀ ے ې ە'
	assert_output "في الأرمينية كتاب ه ه ي ي ه"
	run -0 norm persian 'پ چ ژ گ'
	assert_output "پ چ ژ گ"
}

@test "digits: Arabic-Indic, Persian, other Nd, separators" {
	run -0 norm digits '٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ०१२ ３ ٣٫٥ ٨٤٬٧٧٠'
	assert_output "0123456789 0123456789 012 3 3.5 84,770"
}

@test "presentation forms keep the hamza" {
	run -0 norm presentation-forms 'ﺃﺣﻤﺪ ﻗﺮﻩ ﺓ'
	assert_output "أحمد قره ة"
}

@test "ligatures" {
	run -0 norm ligatures 'ﻷ ﻵ ﻹ ﻻ ﷲ ﷼'
	assert_output "لأ لآ لإ لا الله ريال"
	run -0 norm ligatures '﷽'
	assert_output "بسم الله الرحمن الرحيم"
	run -0 norm ligatures 'ﷺ'
	assert_output "صلى الله عليه وسلم"
}

@test "zero-width and bidi-controls" {
	run -0 env LC_ALL=C.UTF-8 bash -c 'printf "a\u200bb\u200cc\u200dd\u2060e\ufeff\u00adf\n" | ar-norm --steps=zero-width'
	assert_output "abcdef"
	run -0 env LC_ALL=C.UTF-8 bash -c 'printf "\u200fا\u061cب\u200e\u202bج\u202c\u2067د\u2069\n" | ar-norm --steps=bidi-controls'
	assert_output "ابجد"
}

@test "whitespace collapses, trims, and maps tabs and NBSP" {
	run -0 env LC_ALL=C.UTF-8 bash -c 'printf "  قال\t\t الوزير\u00a0\u2003 اليوم  \n" | ar-norm --steps=whitespace'
	assert_output "قال الوزير اليوم"
	# a deleted character between two spaces still collapses
	run -0 env LC_ALL=C.UTF-8 bash -c 'printf "a \u200b b\n" | ar-norm --steps=zero-width,whitespace'
	assert_output "a b"
}

@test "punctuation" {
	run -0 norm punctuation 'قال، هل؟ نعم؛ ٥٪ «نص» “quote” ‘x’ انتهى… 2010–2020 — ok'
	assert_output "قال, هل? نعم; ٥% \"نص\" \"quote\" 'x' انتهى... 2010-2020 - ok"
}

@test "nfkc" {
	run -0 norm nfkc 'ﻗﺮﻩ ﬁ ①'
	assert_output "قره fi 1"
}

@test "--add and --skip edit the default set" {
	run -0 bash -c 'printf "مؤتمر قرة\n" | ar-norm --add=hamza'
	assert_output "موتمر قره"
	run -0 bash -c 'printf "مؤتمر قرة أ\n" | ar-norm --skip=teh-marbuta,alef'
	assert_output "مؤتمر قرة أ"
	run -0 bash -c 'printf "قرة\n" | ar-norm -x teh-marbuta --add=punctuation'
	assert_output "قرة"
}

@test "--steps=none and all" {
	run -0 norm none 'قَرَة ٣'
	assert_output "قَرَة ٣"
	run -0 norm all 'مؤتمر، ٣ ﻗ'
	assert_output "موتمر, 3 ق"
}

@test "--list-steps marks the default ones" {
	run -0 ar-norm --list-steps
	assert_line --regexp '^teh-marbuta +default '
	assert_line --regexp '^hamza +- '
	assert_equal "${#lines[@]}" 17
}

@test "entities: named, numeric and legacy references become characters, then the steps apply" {
	run -0 bash -c "printf '%s\n' '&quot;قال&quot; &#1573;&#x623;ن AT&T &copy 2020 &notaname; &#8220;نص&#8221; &#128;' | ar-norm --add=entities"
	assert_output '"قال" اان AT&T © 2020 &notaname; “نص” €'
}

@test "entities: text escaped twice comes out whole, and a second run changes nothing" {
	run -0 bash -c "printf '%s\n' '&amp;quot;x&amp;quot; &amp;amp;lt; &&num;60;' | ar-norm --steps=entities"
	assert_output '"x" < <'
	run -0 bash -c "printf '%s\n' '&amp;quot;x&amp;quot; &amp;amp;lt; &&num;60;' | ar-norm --steps=entities | ar-norm --steps=entities"
	assert_output '"x" < <'
}

@test "entities is not a default step" {
	run -0 bash -c "printf '&quot;x&quot;\n' | ar-norm"
	assert_output '&quot;x&quot;'
}

@test "--map adds a user's mappings" {
	printf '# my map\nڤ\tف\nU+06AF\tU+0643\tgaf to kaf\nﻉ\t\n' > "$BATS_TEST_TMPDIR/map.tsv"
	run -0 bash -c "printf 'ڤيروس گ اﻉ قرة\n' | ar-norm --map='$BATS_TEST_TMPDIR/map.tsv'"
	assert_output "فيروس ك ا قره"
}

@test "--map with a bad line names file and line" {
	printf 'ڤ\tف\nnot a mapping\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run -2 --separate-stderr ar-norm --map="$BATS_TEST_TMPDIR/bad.tsv" /dev/null
	assert_output ""
	[[ "$stderr" == *"bad.tsv:2:"* ]]
}

@test "unknown step is a usage error" {
	run -2 --separate-stderr ar-norm --steps=alef,bogus /dev/null
	[[ "$stderr" == *"unknown step 'bogus'"* ]]
	[[ "$stderr" == *"usage:"* ]]
}

@test "bad option: usage line on stderr, exit 2" {
	run -2 --separate-stderr ar-norm -Z
	[[ "${stderr_lines[-2]}" == usage:* ]] || [[ "$stderr" == *usage:* ]]
}

@test "--help to stdout, exit 0; --version" {
	run -0 ar-norm --help
	assert_line --index 0 --partial "usage: ar-norm"
	assert_output --partial "--steps=LIST"
	run -0 ar-norm --version
	assert_output --regexp '^ar-norm \(ar-tools\) [0-9]'
}

@test "invalid UTF-8: one U+FFFD per maximal subpart, one warning per document" {
	# stray continuation, truncated 3-byte, overlong, surrogate, F5, truncated 4-byte at end
	run -0 --separate-stderr bash -c 'printf "a\x80b\xe2\x82c\xc0\xafd\xed\xa0\x80e\xf5f\xf0\x9f\x98\n\xff\n" | ar-norm'
	assert_line --index 0 "a�b�c��d���e�f�"
	assert_line --index 1 "�"
	[ "$(printf '%s\n' "$stderr" | grep -c 'invalid UTF-8')" -eq 1 ]
	[[ "$stderr" == *"-:1: invalid UTF-8 at byte 1"* ]]
}

@test "invalid UTF-8 warns once per document, naming each" {
	printf 'x\xff\ny\xff\n' > "$BATS_TEST_TMPDIR/a.txt"
	printf 'z\xfe\n' > "$BATS_TEST_TMPDIR/b.txt"
	run -0 --separate-stderr ar-norm "$BATS_TEST_TMPDIR/a.txt" "$BATS_TEST_TMPDIR/b.txt"
	[ "${#stderr_lines[@]}" -eq 2 ]
	[[ "${stderr_lines[0]}" == *"a.txt:1: invalid UTF-8 at byte 1"* ]]
	[[ "${stderr_lines[1]}" == *"b.txt:1:"* ]]
}

@test "--strict makes invalid UTF-8 an error" {
	run -2 --separate-stderr bash -c 'printf "ok\nbad\xff\n" | ar-norm --strict'
	assert_output "ok"
	[[ "$stderr" == *"-:2: invalid UTF-8 at byte 3"* ]]
}

@test "output is always valid UTF-8, even from binary junk" {
	head -c 200000 /dev/urandom > "$BATS_TEST_TMPDIR/junk"
	run -0 bash -c "ar-norm < '$BATS_TEST_TMPDIR/junk' 2>/dev/null | iconv -f UTF-8 -t UTF-8 > /dev/null"
}

@test "NUL bytes are binary input: a message and exit 2; with -a they survive" {
	run -2 --separate-stderr bash -c 'printf "ا\0ب\n" | ar-norm'
	assert_output ""
	assert_equal "$stderr" "ar-norm: -: binary file (NUL bytes): not read (-a reads it as text)"
	run -0 bash -c 'printf "ا\0ب\n" | ar-norm -a | od -An -tx1 | tr -d " \n"'
	assert_output "d8a700d8a80a"
}

@test "a line of several megabytes" {
	run -0 bash -c 'for i in $(seq 200000); do printf "قرة أمس "; done > "$BATS_TEST_TMPDIR/big"; echo >> "$BATS_TEST_TMPDIR/big"; ar-norm < "$BATS_TEST_TMPDIR/big" | wc -lc'
	assert_output --regexp '^ *1 +2800001$'
	run -1 bash -c 'ar-norm < "$BATS_TEST_TMPDIR/big" | grep -c "قرة"'
	assert_output 0
}

@test "CRLF in, LF out" {
	run -0 bash -c 'ar-norm -h "$FIX/norm/crlf.txt" | tr -cd "\\r" | wc -c'
	assert_output 0
	run -0 ar-norm -h "$FIX/norm/crlf.txt"
	assert_line --index 0 "المدينه القديمه"
}

@test "no final newline: the last line is kept" {
	run -0 ar-norm -h "$FIX/norm/nonl.txt"
	assert_line --index 1 "سطر اخير بلا نهايه"
}

@test "file operands get \\f headers; -h drops them, -H forces them on stdin" {
	run -0 ar-norm "$FIX/norm/nonl.txt" "$FIX/norm/crlf.txt"
	assert_line --index 0 $'\f'"$FIX/norm/nonl.txt"
	assert_line --index 3 $'\f'"$FIX/norm/crlf.txt"
	assert_equal "${#lines[@]}" 6
	run -0 ar-norm -h "$FIX/norm/nonl.txt"
	assert_equal "${#lines[@]}" 2
	run -0 bash -c 'printf "قرة\n" | ar-norm -H'
	assert_line --index 0 $'\f-'
}

@test "header lines in the input pass through untouched" {
	run -0 bash -c 'printf "\fدوك قرة.txt\nقرة\n\fb\nأ\n" | ar-norm'
	assert_output $'\fدوك قرة.txt\nقره\n\fb\nا'
}

@test "a file that starts with its own header keeps it" {
	printf '\fone\nقرة\n' > "$BATS_TEST_TMPDIR/h.txt"
	run -0 ar-norm "$BATS_TEST_TMPDIR/h.txt"
	assert_output $'\fone\nقره'
}

@test "write error: /dev/full exits 2 with a message" {
	run -2 --separate-stderr bash -c 'ar-norm "$FIX/norm/news.txt" > /dev/full'
	[[ "$stderr" == *"ar-norm: write error: No space left on device"* ]]
}

@test "a closed pipe ends quietly" {
	run -0 --separate-stderr bash -c 'yes قرة | head -c 5000000 | ar-norm | head -1'
	assert_output "قره"
	assert_equal "$stderr" ""
}

@test "an unreadable file among readable ones: reported, others done, exit 2" {
	run -2 --separate-stderr ar-norm -h "$FIX/norm/nonl.txt" /nonexistent "$FIX/norm/crlf.txt"
	assert_equal "${#lines[@]}" 4
	[[ "$stderr" == *"ar-norm: /nonexistent: No such file or directory"* ]]
}

@test "--line-buffered flushes each line" {
	run -0 bash -c '{ printf "قرة\n"; sleep 1; printf "أ\n"; } | ar-norm --line-buffered | { IFS= read -r -t 0.8 l; echo "$l"; }'
	assert_output "قره"
}

@test "10,000 combining marks on one letter stay linear and valid" {
	run -0 env LC_ALL=C.UTF-8 bash -c 'printf "ب"; for i in $(seq 10000); do printf "\u0651\u064e\u0654"; done; echo' 
	run -0 env LC_ALL=C.UTF-8 bash -c '{ printf "ب"; for i in $(seq 10000); do printf "\u0651\u064e\u0654"; done; echo; } | ar-norm'
	assert_output "ب"
}

@test "seeds: both spellings of Qarabagh fold to one" {
	need_shared seeds
	run -1 bash -c 'cat "$SHARED"/seeds/*.txt | ar-norm | grep -c "قرة باغ"'
	assert_output 0
	run -0 bash -c 'cat "$SHARED"/seeds/*.txt | ar-norm | grep -o "قره باغ" | wc -l'
	[ "$output" -gt 20 ]
}

@test "changed letters at every byte position of a long line (block path)" {
	blocks
}

@test "the same with the AVX2 block pass instead of AVX-512" {
	AR_NO_AVX512=1 blocks
}

@test "the same with the SSSE3 block pass instead of AVX2" {
	AR_NO_AVX2=1 blocks
}

@test "the same with no block pass at all (AR_NO_SIMD: the scalar path)" {
	AR_NO_SIMD=1 blocks
}

blocks() {
	# 0..70 ASCII bytes of padding shift the letters ar-norm changes or
	# deletes across every position of its 16- to 64-byte blocks; sed on bytes
	# gives the expected text. The first line holds only one- and two-byte
	# characters; the second adds others, and a mark, which sends the line
	# through composition first; the third is short.
	run -0 bash -c 'for p in $(seq 0 70); do
			printf "%*s%s%s%s\n" "$p" "" "$1" "$1" "$1"
			printf "%*s%s%s%s\n" "$p" "" "$1" "$2" "$1"
			printf "%*s%s\n" "$p" "" "$3"
		done > "$BATS_TEST_TMPDIR/in"
		ar-norm "$BATS_TEST_TMPDIR/in" -h > "$BATS_TEST_TMPDIR/out"
		sed "s/أ/ا/g; s/إ/ا/g; s/آ/ا/g; s/ة/ه/g; s/ى/ي/g; s/ی/ي/g; s/ُ//g; s/ـ//g; s/٣/3/g" "$BATS_TEST_TMPDIR/in" |
			cmp - "$BATS_TEST_TMPDIR/out"' _ 'بأبةبىبيببببببببببببببببببببب٣بببببببببببببببببببـببببببببببببببببببببآبإ' 'یب…ب ٣ پبُـ' 'بببببببببببببببببببأ'
}

# Block mode (many lines a call) against the line loop (AR_NORM_LINES=1):
# the same output, warnings and status on what sends lines one by one.
same_as_lines() {
	ar-norm "$@" < "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/block.out" 2> "$BATS_TEST_TMPDIR/block.err"
	echo "status $?" >> "$BATS_TEST_TMPDIR/block.err"
	AR_NORM_LINES=1 ar-norm "$@" < "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/line.out" 2> "$BATS_TEST_TMPDIR/line.err"
	echo "status $?" >> "$BATS_TEST_TMPDIR/line.err"
	cmp "$BATS_TEST_TMPDIR/line.out" "$BATS_TEST_TMPDIR/block.out" &&
		diff "$BATS_TEST_TMPDIR/line.err" "$BATS_TEST_TMPDIR/block.err"
}

@test "block mode: CRLF, a bad byte, composition, no final newline: as line by line" {
	# a megabyte of letters the steps change, so blocks pass whole;
	# alef + hamza above (composition: a line the slow way inside a
	# block); a megabyte more; lines with CRs; another megabyte; a bad
	# byte (its line number counts the blocks before); a form feed inside
	# a line; no final newline
	in=$BATS_TEST_TMPDIR/in
	for i in $(seq 30000); do printf 'x \331\211\330\243\330\251 \330\247\331\204\330\250\331\212\330\252 %s\n' "$i"; done > "$in"
	printf 'a\330\247\331\224b \330\243\331\224\n' >> "$in"
	for i in $(seq 20000); do printf '\330\247\331\224 %s\n' "$i"; done >> "$in"
	for i in $(seq 60000); do printf '\330\251\330\251 %s\n' "$i"; done >> "$in"
	printf 'plain\r\nCR\r\r\n\n' >> "$in"
	for i in $(seq 60000); do printf '\330\251\330\251 %s\n' "$i"; done >> "$in"
	printf 'bad \377 byte\nmid\fline\nlast \330\251' >> "$in"
	run same_as_lines
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	bad=$(grep -an '^bad ' "$in" | cut -d: -f1)
	grep -q ":$bad: invalid UTF-8 at byte 4" "$BATS_TEST_TMPDIR/block.err"
	run same_as_lines --skip=nfc
	[ "$status" -eq 0 ]
}

@test "block mode: a long line in pieces with a bad byte and CRs: as line by line" {
	{ printf 'head\n'; for i in $(seq 200000); do printf '\330\251\330\243 '; done
	  printf '\377'; for i in $(seq 200000); do printf '\331\211 x\r'; done
	  printf '\r\nnext \330\251\n'; } > "$BATS_TEST_TMPDIR/in"
	run same_as_lines
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	grep -q ':2: invalid UTF-8 at byte 1000000' "$BATS_TEST_TMPDIR/block.err"
}

@test "block mode: document headers and --map between blocks: as line by line" {
	{ printf '\fone\tdate=2024-01-02\n\330\251\n'; printf '\ftwo\n\331\211\r\n'; } > "$BATS_TEST_TMPDIR/in"
	run same_as_lines
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	printf 'U+0629\tU+000A\n' > "$BATS_TEST_TMPDIR/nl.map"
	run same_as_lines --map="$BATS_TEST_TMPDIR/nl.map"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "a CR that the steps leave last goes with the spaces before it: a second run changes nothing" {
	# found by the fuzz target: x SPACE CR U+0670 with --steps=all (the
	# harness kept the space the tool drops)
	run -0 bash -c "printf '& \r\xd9\xb0\n' | ar-norm --steps=all | od -An -c | tr -s ' '"
	assert_output " & \n"
	run -0 bash -c "printf '& \r\xd9\xb0\n' | ar-norm --steps=all | ar-norm --steps=all | od -An -c | tr -s ' '"
	assert_output " & \n"
}
