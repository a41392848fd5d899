bats_require_minimum_version 1.5.0
# What every tool owes a hostile world: messages that cannot drive the
# terminal, write errors reported even for --version, whole lines when killed.

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

tools() {
	local t
	for t in ar-norm ar-split ar-strip-nav ar-date ar-kwic; do
		[ -x "$TOP/bin/$t" ] && echo "$t"
	done
}

@test "--version and --help report a write error and exit 2" {
	for t in $(tools); do
		run -2 --separate-stderr bash -c "$t --version > /dev/full"
		assert_equal "${stderr_lines[0]}" "$t: write error: No space left on device"
		run -2 --separate-stderr bash -c "$t --help > /dev/full"
	done
}

@test "a document name with terminal escapes reaches stderr with its controls shown" {
	for t in ar-norm ar-split ar-date; do
		run --separate-stderr bash -c "printf '\fdoc\x1b]0;pwned\x07x\nقال \xff\n' | $t"
		[[ "$stderr" != *$'\x1b'* ]]
		[[ "$stderr" != *$'\x07'* ]]
		[[ "$stderr" == *"doc␛]0;pwned␇x:1: invalid UTF-8"* ]]
	done
}

# killed WHILE writing into a pipe: the output holds whole lines of valid UTF-8
@test "killed by SIGTERM, SIGINT or SIGHUP, a tool ends on a whole line and exits 128+N" {
	local big="$BATS_TEST_TMPDIR/big.txt" out="$BATS_TEST_TMPDIR/out"
	for i in $(seq 4000); do cat "$TOP"/share/ar-tools/samples/*.txt; done > "$big"
	for sig in TERM INT HUP; do
		for cmd in "ar-norm" "ar-split -w" "ar-date --ref=2024-01-01" "ar-kwic -C 200 في" "ar-strip-nav -e"; do
			[ -x "$TOP/bin/${cmd%% *}" ] || continue
			# a slow reader keeps the tool writing when the signal comes
			rm -f "$out"
			( $cmd "$big" | (sleep 0.3; cat) > "$out" ) &
			sleep 0.15
			pkill -"$sig" -f "^${cmd%% *} " || true
			wait || true
			run python3 -c "
import sys
b = open('$out', 'rb').read()
b.decode('utf-8')
sys.exit(0 if not b or b.endswith(b'\n') else 1)"
			[ "$status" -eq 0 ] || { echo "$cmd, SIG$sig: output ends mid-line or is not UTF-8" >&2; return 1; }
		done
	done
}

@test "the exit status after a signal is 128+N" {
	run bash -c 'sleep 5 | ar-norm & p=$!; sleep 0.2; kill -TERM $(pgrep -P $$ -x ar-norm || pgrep -n -x ar-norm); wait $p'
	assert_equal "$status" 143
}
