bats_require_minimum_version 1.5.0
# The whole pipeline, end to end, on the sample corpus (share/ar-tools/samples:
# four page dumps written for this project, two without a final newline).

setup() {
	load 'test_helper/common-setup'
	_common_setup
	export S="$TOP/share/ar-tools/samples"
	for t in ar-strip-nav ar-norm ar-split ar-date ar-kwic; do
		[ -x "$TOP/bin/$t" ] || skip "$t not built"
	done
}

@test "strip-nav | norm | kwic: every spelling of Qarabagh, in its document" {
	run -0 bash -c 'ar-strip-nav "$S"/*.txt | ar-norm | ar-kwic --format=tsv قره'
	assert_line --index 0 --regexp '^doc	line	start	end	left	match	right	pattern	date$'
	assert_equal "$(printf '%s\n' "${lines[@]:1}" | cut -f1 | sort -u)" "$S/01-qarabagh.txt"
	assert_equal "$((${#lines[@]} - 1))" 3
}

@test "kwic without norm finds both spellings and prints the original" {
	run -0 bash -c 'ar-strip-nav "$S"/*.txt | ar-kwic --format=json "قره باغ" | jq -r .match | sort | uniq -c'
	assert_output --partial "قرة باغ"
	assert_output --partial "قره باغ"
}

@test "the chrome is gone after strip-nav" {
	run -1 bash -c 'ar-strip-nav "$S"/*.txt | grep -E "فيسبوك|عاجل \||إقرأ أيضاً|كلمات دلالية|pic.twitter.com|SMS|Next Previous|// انتهى //|التعليقات|منذ ساعة"'
	run -0 bash -c 'ar-strip-nav "$S"/*.txt | grep -c "قره باغ\|قرة باغ"'
	assert_output 3
}

@test "several documents through one pipe keep their names and their own dates" {
	run -0 bash -c 'ar-strip-nav "$S"/*.txt | ar-split | ar-date --format=json | jq -r "select(.text == \"أمس الثلاثاء\") | [.doc, .value] | @tsv"'
	assert_output "$S/02-economy.txt	2026-02-17"
	run -0 bash -c 'ar-strip-nav "$S"/*.txt | ar-split | ar-date --format=json | jq -r "select(.text == \"اليوم الأحد\") | .value"'
	assert_output "2026-03-01"
}

@test "pages glued by cat are told apart on standard input" {
	run -0 bash -c 'cat "$S"/*.txt | ar-strip-nav -H | grep -c "^$(printf "\f")"'
	assert_output 4
	run -0 bash -c 'cat "$S"/*.txt | ar-strip-nav -H | ar-norm | ar-kwic --count-forms قره'
	assert_output --partial "3"
}

@test "documents survive every stage: headers in, headers out" {
	run -0 bash -c 'ar-strip-nav "$S"/*.txt | ar-norm | ar-split | grep -c "^$(printf "\f")"'
	assert_output 4
	run -0 bash -c 'ar-strip-nav "$S"/*.txt | ar-norm | ar-split | awk -v RS="\f" "NR > 1 { n++ } END { print n }"'
	assert_output 4
}

@test "a frequency list from tokens" {
	run -0 bash -c 'ar-strip-nav -h "$S"/*.txt | ar-norm | ar-split -w | grep . | sort | uniq -c | sort -rn | head -1'
	assert_output --regexp '^ *[0-9]+ في$'
}

@test "JSON from strip-nav: one object per document" {
	run -0 bash -c 'ar-strip-nav --format=json "$S"/*.txt | jq -s "length"'
	assert_output 4
	run -0 bash -c 'ar-strip-nav --format=json "$S"/*.txt | jq -r "select(.name | endswith(\"01-qarabagh.txt\")) | .title"'
	assert_output "أذربيجان وأرمينيا تستأنفان محادثات ترسيم الحدود في قره باغ"
}

@test "invalid UTF-8 in a page: warned once, replaced, the pipeline goes on" {
	printf 'موقع:\n2026-01-01@10:00:00 GMT\n\nعنوان الخبر عن قرة باغ\n\nقال المتحدث إن المحادثات في قره باغ \xff ستستمر حتى نهاية الشهر الجاري، بحسب مصادر رسمية مطلعة.\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run -0 --separate-stderr bash -c "ar-strip-nav '$BATS_TEST_TMPDIR/bad.txt' | ar-norm | ar-kwic -h --format=tsv قره | wc -l"
	assert_output 3
	[ "$(printf '%s\n' "$stderr" | grep -c 'invalid UTF-8')" -eq 1 ]
}

@test "one file through a filter keeps exactly its lines, as grep writes no name for one file" {
	for f in "$TOP"/share/ar-tools/samples/*.txt; do
		assert_equal "$(ar-norm "$f" | grep -c '')" "$(grep -c '' "$f")"
		assert_equal "$(ar-norm < "$f" | grep -c '')" "$(grep -c '' "$f")"
	done
	# two files: a header before each
	run -0 bash -c 'ar-norm "$@" | grep -c "^$(printf "\f")"' _ "$TOP"/share/ar-tools/samples/*.txt
	assert_output "$(ls "$TOP"/share/ar-tools/samples/*.txt | wc -l)"
}

@test "header fields ride through norm and split untouched" {
	printf '\fa.txt\tdate=2023-09-29\tsite=x\\ty\nقالت الوزارة أمس. ثم غادر.\n\fb.txt\nنعم.\n' > "$BATS_TEST_TMPDIR/in"
	run -0 bash -c 'ar-norm < "$1" | ar-split | grep "^$(printf "\f")"' _ "$BATS_TEST_TMPDIR/in"
	assert_output "$(grep "^$(printf '\f')" "$BATS_TEST_TMPDIR/in")"
	assert_output --partial 'site=x\ty'
}
