bats_require_minimum_version 1.5.0
# Invariants on real and random text: ar-norm is idempotent, ar-split loses
# no character. Random text comes from test/tools/randtext.py (fixed seeds:
# a failure can be replayed); real text from the samples and the seeds.

setup_file() {
	local top
	top="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	export RAND="$BATS_FILE_TMPDIR/rand.txt" REAL="$BATS_FILE_TMPDIR/real.txt"
	for seed in 1 2 3; do python3 "$top/test/tools/randtext.py" 2000 "$seed"; done > "$RAND"
	{
		cat "$top"/share/ar-tools/samples/*.txt
		[ -d "$top/../shared/seeds" ] && cat "$top"/../shared/seeds/*.txt
		# the breakers: a ZWJ between a letter and its mark, marks out of
		# order from presentation forms, U+0F73, CRs before the newline
		printf 'o\xe2\x80\x8d\xcc\x80\n\xd8\xa8\xd9\x91\xef\xb9\xb6\nx\xe0\xbd\xb4\xe0\xbd\xb3\nx\r\r\n'
		printf '\xd8\xa7\xd9\x95\xd9\x95 \xd9\xb1\xd8\xa3\xdb\xa2\xd9\x95\xd9\x95\nx \r\xe2\x80\x8b\n'
	} > "$REAL"
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

# idempotent FILE OPTIONS...: norm(norm(x)) == norm(x); -a as the random text has NULs
idempotent() {
	local f=$1
	shift
	ar-norm -a "$@" < "$f" > "$BATS_TEST_TMPDIR/n1" 2>/dev/null
	ar-norm -a "$@" < "$BATS_TEST_TMPDIR/n1" > "$BATS_TEST_TMPDIR/n2" 2>/dev/null
	cmp -s "$BATS_TEST_TMPDIR/n1" "$BATS_TEST_TMPDIR/n2" || {
		echo "not idempotent: ar-norm $*" >&2
		cmp "$BATS_TEST_TMPDIR/n1" "$BATS_TEST_TMPDIR/n2" >&2
		return 1
	}
}

@test "ar-norm is idempotent with the default steps, on real and random text" {
	idempotent "$REAL"
	idempotent "$RAND"
}

@test "ar-norm is idempotent with every single step" {
	for s in $(ar-norm --list-steps | awk '{ print $1 }' | tr -d '*'); do
		idempotent "$REAL" --steps="$s"
		idempotent "$RAND" --steps="$s"
	done
}

@test "ar-norm is idempotent with random sets of steps" {
	local steps
	steps=$(ar-norm --list-steps | awk '{ print $1 }' | tr -d '*')
	for seed in $(seq 1 24); do
		set=$(printf '%s\n' $steps | awk -v s="$seed" 'BEGIN { srand(s) } rand() < 0.4' | paste -sd, -)
		[ -n "$set" ] || set=nfc
		idempotent "$RAND" --steps="$set"
		idempotent "$REAL" --skip="$set"
	done
}

@test "ar-split -w: every character is in a token or is white space" {
	for f in "$REAL" "$RAND"; do
		ar-split -a -w --tsv "$f" > "$BATS_TEST_TMPDIR/t.tsv" 2>/dev/null
		run -0 python3 "$TOP/test/tools/split-conserve.py" "$f" "$BATS_TEST_TMPDIR/t.tsv"
	done
}

@test "ar-split: every character is in a sentence or is white space" {
	for f in "$REAL" "$RAND"; do
		ar-split -a --tsv "$f" > "$BATS_TEST_TMPDIR/s.tsv" 2>/dev/null
		run -0 python3 "$TOP/test/tools/split-conserve.py" "$f" "$BATS_TEST_TMPDIR/s.tsv"
	done
}

@test "ar-split -w keeps invisible characters standing alone as tokens" {
	run -0 bash -c "printf 'a \xe2\x80\x8f b \x1b c\n' | ar-split -w --json | jq -r .type | paste -sd' ' -"
	assert_output "word other word other word"
}
