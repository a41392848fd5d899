#!/usr/bin/env bats
# The shared reader (src/lib/input.c, lines.c) as every tool sees it:
# directories and -r, encodings, binary input, --input=jsonl, --output-dir,
# header fields, lines longer than a tool's piece.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	D="$BATS_TEST_TMPDIR"
	mkdir -p "$D/tree/sub"
	printf 'قرة أمس.\n' > "$D/tree/b.txt"
	printf 'مؤتمر غدا.\n' > "$D/tree/a.txt"
	printf 'قرة اليوم.\n' > "$D/tree/sub/c.txt"
}

@test "a directory without -r is an error that says what to do; the files still go" {
	for t in ar-norm ar-split ar-date ar-kwic ar-strip-nav; do
		args=()
		[ "$t" = ar-kwic ] && args=(قرة)
		run -2 --separate-stderr "$t" "${args[@]}" "$D/tree" "$D/tree/a.txt"
		assert_equal "$stderr" "$t: $D/tree: Is a directory (-r reads the files under it)"
	done
	run -2 --separate-stderr ar-norm -h "$D/tree" "$D/tree/a.txt"
	assert_output "مؤتمر غدا."
}

@test "-r reads every file under a directory, in sorted order, each with its header" {
	run -0 ar-norm -r "$D/tree"
	assert_output "$(printf '\f%s\nمؤتمر غدا.\n\f%s\nقره امس.\n\f%s\nقره اليوم.' \
		"$D/tree/a.txt" "$D/tree/b.txt" "$D/tree/sub/c.txt")"
	# with no operand, the current directory
	run -0 bash -c 'cd "$1" && ar-norm -r | grep "^$(printf "\f")"' _ "$D/tree"
	assert_output "$(printf '\f./a.txt\n\f./b.txt\n\f./sub/c.txt')"
}

@test "-r does not follow a symbolic link to a directory" {
	ln -s "$D/tree" "$D/tree/sub/loop"
	run -0 bash -c 'ar-norm -r "$1" | grep -c "^$(printf "\f")"' _ "$D/tree"
	assert_output 3
}

@test "--output-dir writes each document to its file, without headers" {
	run -0 ar-norm -r --output-dir="$D/out/n" "$D/tree"
	assert_output ""
	run -0 cat "$D/out/n/$D/tree/sub/c.txt"
	assert_output "قره اليوم."
	# documents of one stream, by their headers; stdin without one is "stdin"
	printf '\fone.txt\nقرة\n\fdir/two.txt\nأ\n' | ar-norm --output-dir="$D/out/s"
	assert_equal "$(cat "$D/out/s/one.txt")" "قره"
	assert_equal "$(cat "$D/out/s/dir/two.txt")" "ا"
	printf 'قرة\n' | ar-norm --output-dir="$D/out/i"
	assert_equal "$(cat "$D/out/i/stdin")" "قره"
}

@test "--output-dir keeps a hostile name inside the directory" {
	printf '\f/etc/passwd-x\nقرة\n\f../../escape\nأ\n' | ar-norm --output-dir="$D/out"
	[ -f "$D/out/etc/passwd-x" ]
	[ -f "$D/out/escape" ]
	[ ! -e "$D/escape" ]
	[ ! -e /etc/passwd-x ]
}

@test "--output-dir: documents of one name go to NAME, NAME.1, NAME.2, none lost" {
	run -0 --separate-stderr bash -c "printf '\fa.txt\nx1\n\fb.txt\ny\n\fa.txt\nx2\n\fa.txt\nx3\n' | ar-norm --output-dir='$D/dup'"
	assert_equal "$(cat "$D/dup/a.txt")" x1
	assert_equal "$(cat "$D/dup/a.txt.1")" x2
	assert_equal "$(cat "$D/dup/a.txt.2")" x3
	assert_equal "$(cat "$D/dup/b.txt")" y
	[[ "$stderr" == *"$D/dup/a.txt: a document of this name was written already; this one goes to $D/dup/a.txt.1"* ]]
	# a new run writes its files afresh
	run -0 --separate-stderr bash -c "printf '\fa.txt\nz\n' | ar-norm --output-dir='$D/dup'"
	assert_equal "$(cat "$D/dup/a.txt")" z
	assert_equal "$stderr" ""
}

@test "ar-split --output-dir: text and CoNLL-U yes, rows no" {
	run -0 ar-split --output-dir="$D/o" "$D/tree/a.txt" "$D/tree/b.txt"
	assert_equal "$(cat "$D/o/$D/tree/b.txt")" "قرة أمس."
	run -0 ar-split --format=conllu --output-dir="$D/c" "$D/tree/a.txt"
	grep -q '^# text = مؤتمر غدا.$' "$D/c/$D/tree/a.txt"
	run -2 --separate-stderr ar-split --tsv --output-dir="$D/t" "$D/tree/a.txt"
	assert_equal "$stderr" "ar-split: --output-dir writes text, conllu or vrt, not tsv rows"
}

@test "--encoding converts legacy Arabic encodings to UTF-8" {
	printf 'قرة أمس في المدينة\n' | iconv -f UTF-8 -t CP1256 > "$D/cp"
	printf 'قرة أمس في المدينة\n' | iconv -f UTF-8 -t ISO-8859-6 > "$D/iso"
	printf 'قرة أمس في المدينة\n' | iconv -f UTF-8 -t UTF-16 > "$D/u16"
	run -0 ar-norm --encoding=CP1256 "$D/cp"
	assert_output "قره امس في المدينه"
	run -0 ar-norm --encoding=ISO-8859-6 "$D/iso"
	assert_output "قره امس في المدينه"
	run -0 ar-norm --encoding=UTF-16 "$D/u16"
	assert_output "قره امس في المدينه"
	run -0 ar-date --ref=2024-03-10 --encoding=cp1256 --tsv "$D/cp"
	assert_line --partial "2024-03-09"
}

@test "legacy input without --encoding: a warning that names the option" {
	printf 'قرة أمس في المدينة\n' | iconv -f UTF-8 -t CP1256 > "$D/cp"
	printf 'قرة\n' | iconv -f UTF-8 -t UTF-16 > "$D/u16"
	run --separate-stderr ar-norm "$D/cp"
	[[ "$stderr" == *"$D/cp: this looks like CP1256 text, not UTF-8: read it with --encoding=CP1256"* ]]
	run -2 --separate-stderr ar-split "$D/u16"
	[[ "$stderr" == *"read it with --encoding=UTF-16LE"* ]]
}

@test "an unknown --encoding is a usage error" {
	run -2 --separate-stderr ar-norm --encoding=NO-SUCH-THING "$D/tree/a.txt"
	assert_output ""
	assert_equal "$stderr" "ar-norm: --encoding=NO-SUCH-THING: no such encoding (iconv -l lists the names)"
}

@test "binary input: filters refuse it, -a reads it as text" {
	printf 'قرة\0أمس\n' > "$D/bin"
	run -2 --separate-stderr ar-split "$D/bin"
	assert_output ""
	assert_equal "$stderr" "ar-split: $D/bin: binary file (NUL bytes): not read (-a reads it as text)"
	run -0 bash -c 'ar-split -a "$1" | od -An -tx1 | tr -d " \n"' _ "$D/bin"
	assert_output "d982d8b1d8a900d8a3d985d8b30a"
}

@test "--input=jsonl: the text is normalized in its record, the other members kept" {
	printf '{"id":"a1","text":"قرة أ","n":3,"u":"\\u0623"}\n{"id":"b","text":"مؤتمر\\nثانٍ"}\n' > "$D/r.jsonl"
	run -0 ar-norm --input=jsonl "$D/r.jsonl"
	assert_line --index 0 '{"id":"a1","text":"قره ا","n":3,"u":"\u0623"}'
	run -0 bash -c 'ar-norm --input=jsonl "$1" | jq -r .text' _ "$D/r.jsonl"
	assert_output $'قره ا\nمؤتمر\nثان'
	run -0 bash -c 'ar-norm --input=jsonl "$1" | jq -s length' _ "$D/r.jsonl"
	assert_output 2
}

@test "--input=jsonl --text-field; a record without it goes on as it came, exit 2" {
	printf '{"id":"a","body":"قرة","text":"قرة"}\n{"id":"b","text":"أ"}\n' > "$D/r.jsonl"
	run -2 --separate-stderr ar-norm --input=jsonl --text-field=body "$D/r.jsonl"
	assert_line --index 0 '{"id":"a","body":"قره","text":"قرة"}'
	assert_line --index 1 '{"id":"b","text":"أ"}'
	assert_equal "$stderr" "ar-norm: $D/r.jsonl:2: no text field (see --text-field)"
	run -2 --separate-stderr bash -c 'printf "not json\n" | ar-norm --input=jsonl'
	assert_output "not json"
	assert_equal "$stderr" "ar-norm: -:1: not a JSON object"
}

@test "--input=jsonl: the id names the document for the searchers and for ar-split" {
	printf '{"id":"w/1","text":"قال الوزير أمس. ثم غادر."}\n' > "$D/r.jsonl"
	run -0 ar-split --input=jsonl "$D/r.jsonl"
	assert_output '{"id":"w/1","text":"قال الوزير أمس.\nثم غادر."}'
	run -0 bash -c 'ar-split --input=jsonl --tsv "$1" | cut -f1 | sort -u' _ "$D/r.jsonl"
	assert_output $'doc\nw/1'
	run -0 bash -c 'ar-date --input=jsonl --ref=2024-03-10 --tsv "$1" | tail -1 | cut -f1' _ "$D/r.jsonl"
	assert_output "w/1"
}

@test "--input=jsonl with --output-dir is refused" {
	run -2 --separate-stderr ar-norm --input=jsonl --output-dir="$D/x" "$D/tree/a.txt"
	[[ "$stderr" == *"choose one"* ]]
	[ ! -e "$D/x" ]
}

@test "--input=jsonl: the pipeline from JSON Lines back to JSON Lines, nothing lost" {
	python3 -c '
import json
for i in range(300):
    print(json.dumps({"id": "d%d" % i, "text": "قال المتحدث أمس إن الاجتماع سيعقد غدا.", "site": "x"}, ensure_ascii=False))
' > "$D/many.jsonl"
	run -0 bash -c 'ar-norm --input=jsonl "$1" | jq -r "[.id,.site,.text]|@tsv" | sort -u | wc -l' _ "$D/many.jsonl"
	assert_output 300
}

@test "header fields pass through a filter, and the name excludes them" {
	run -0 bash -c 'printf "\fa.txt\tdate=2023-09-29\tsite=x\nقرة\n" | ar-norm'
	assert_output $'\fa.txt\tdate=2023-09-29\tsite=x\nقره'
	run -0 bash -c 'printf "\fa.txt\tdate=2023-09-29\nقالت أمس.\n" | ar-split --tsv | tail -1 | cut -f1'
	assert_output "a.txt"
}

@test "a line longer than the tool's piece: ar-norm loses nothing and cuts no letter" {
	python3 -c '
import sys
sys.stdout.write("مُؤْتَمَرٌ قرة " * 150000 + "\n")' > "$D/long"
	# every word normalized whole: no piece cut one in two
	run -0 bash -c 'ar-norm "$1" | tr -s " " "\n" | grep . | sort | uniq -c | sort -n | tr -s " "' _ "$D/long"
	assert_output $' 150000 قره\n 150000 مؤتمر'
	run -0 bash -c 'ar-norm "$1" | wc -l' _ "$D/long"
	assert_output 1
}

@test "invalid UTF-8 deep in a line read in pieces: the warning gives its byte in the line" {
	python3 -c '
import sys
sys.stdout.buffer.write("قرة ".encode() * 1000000 + b"\xff x\n")' > "$D/long"
	for t in ar-norm ar-split ar-date "ar-kwic x"; do
		run --separate-stderr $t --max-line=64K "$D/long"
		[[ "$stderr" == *"$D/long:1: invalid UTF-8 at byte 7000000, replaced by U+FFFD"* ]]
	done
	# ar-kwic keeps a window of the line: the hit after the bad byte is
	# found, at its place counted in characters of the repaired line
	run -0 --separate-stderr bash -c 'ar-kwic --tsv x "$1" | cut -f2,3' _ "$D/long"
	assert_output $'line\tstart\n1\t4000002'
}

@test "--max-line: a tool that holds lines gets a longer one in pieces, warned once, nothing lost" {
	python3 -c 'print("قال أمس " * 3000)' > "$D/long"
	run -0 --separate-stderr bash -c 'ar-date --ref=2024-03-10 --tsv --max-line=4K "$1" | grep -c "2024-03-09"' _ "$D/long"
	assert_output 3000
	assert_equal "$stderr" "ar-date: $D/long:1: a line longer than --max-line (4096 bytes): read in pieces"
	run -2 --separate-stderr ar-date --max-line=bogus "$D/long"
	# ar-split reads a line of any length in parts of its own, unwarned
	run -0 --separate-stderr bash -c 'ar-split -w --max-line=4K "$1" | grep -c "^أمس$"' _ "$D/long"
	assert_output 3000
	assert_equal "$stderr" ""
}

@test "binary input and the searchers: as grep, 'Binary file NAME matches', -c counts, -a prints" {
	printf 'قال أمس في قره\0باغ\n' > "$D/bin"
	run -0 --separate-stderr ar-kwic قره "$D/bin"
	assert_output "Binary file $D/bin matches"
	run -0 ar-kwic -c قره "$D/bin"
	assert_output 1
	run -0 ar-kwic -l قره "$D/bin"
	assert_output "$D/bin"
	run -1 ar-kwic نعم "$D/bin"
	assert_output ""
	run -0 bash -c 'ar-kwic -a --tsv قره "$1" | tail -1 | cut -f6' _ "$D/bin"
	assert_output "قره"
	run -0 --separate-stderr ar-date --ref=2024-03-10 --tsv "$D/bin"
	assert_line --index 1 "Binary file $D/bin matches"
	assert_equal "${#lines[@]}" 2      # the TSV header, then no row
	run -0 bash -c 'ar-date -a --ref=2024-03-10 --tsv "$1" | tail -1 | cut -f6' _ "$D/bin"
	assert_output "2024-03-09"
}
