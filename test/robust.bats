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

@test "a header with terminal escapes reaches a terminal with its controls as spaces, a pipe unchanged" {
	command -v script >/dev/null || skip "script(1) not installed"
	printf '\f\x1b]0;pwned\x07doc\tsite=a\x1bb\nabc\n' > "$BATS_TEST_TMPDIR/h.txt"
	for t in ar-norm ar-split ar-strip-nav; do
		run -0 script -qec "$t '$BATS_TEST_TMPDIR/h.txt'" /dev/null
		[[ "$output" != *$'\x1b'* ]]
		[[ "$output" != *$'\x07'* ]]
		[[ "$output" == *$'\f ]0;pwned doc\tsite=a b'* ]]
		run -0 "$t" "$BATS_TEST_TMPDIR/h.txt"
		[[ "${lines[0]}" == $'\f\x1b]0;pwned\x07doc\tsite=a\x1bb' ]]
	done
}

# killed WHILE writing into a pipe: the output holds whole lines of valid UTF-8.
# The tool writes into a FIFO that a slow reader drains, and only its own
# PID is signalled (other tests run at the same time).
@test "killed by SIGTERM, SIGINT or SIGHUP, a tool ends on a whole line and exits 128+N" {
	local big="$BATS_TEST_TMPDIR/big.txt" out="$BATS_TEST_TMPDIR/out" fifo="$BATS_TEST_TMPDIR/fifo"
	cat "$TOP"/share/ar-tools/samples/*.txt > "$big"
	for i in $(seq 12); do cat "$big" "$big" > "$big.2" && mv "$big.2" "$big"; done   # 20 MB
	mkfifo "$fifo"
	for sig in TERM INT HUP; do
		for cmd in "ar-norm" "ar-split -w" "ar-date --ref=2024-01-01" "ar-kwic --context=200 في" "ar-strip-nav --explain"; do
			[ -x "$TOP/bin/${cmd%% *}" ] || continue
			rm -f "$out"
			(exec 3< "$fifo"; sleep 0.3; cat <&3 > "$out") &
			local reader=$!
			$cmd "$big" > "$fifo" &
			local pid=$!
			sleep 0.15
			kill -"$sig" "$pid" 2>/dev/null || true
			local rc=0
			wait "$pid" || rc=$?
			wait "$reader" || true
			case $sig in TERM) want=143 ;; INT) want=130 ;; HUP) want=129 ;; esac
			[ "$rc" -eq "$want" ] || [ "$rc" -eq 0 ] || { echo "$cmd, SIG$sig: exit $rc, want $want" >&2; return 1; }
			run python3 -c "
import sys
b = open('$out', 'rb').read()
b.decode('utf-8')
sys.exit(0 if not b or b.endswith(b'\\n') else 1)"
			[ "$status" -eq 0 ] || { echo "$cmd, SIG$sig: output ends mid-line or is not UTF-8" >&2; return 1; }
		done
	done
}

@test "the exit status after a signal is 128+N, also while waiting for input" {
	local fifo="$BATS_TEST_TMPDIR/in"
	mkfifo "$fifo"
	(sleep 2 > "$fifo") &
	ar-norm < "$fifo" > /dev/null &
	local pid=$! rc=0
	sleep 0.3
	kill -TERM "$pid"
	wait "$pid" || rc=$?
	assert_equal "$rc" 143
}

@test "a signal ends even a computation that reaches no line end, within seconds" {
	# a pattern whose matching runs long on one line: the loop never gets
	# to check for the signal, so the two-second alarm ends it
	python3 -c 'print("ف" * 3000)' > "$BATS_TEST_TMPDIR/f"
	ar-kwic 'ف*ف*ف*ف*ب' "$BATS_TEST_TMPDIR/f" > /dev/null &
	local pid=$! t0=$SECONDS st=0
	sleep 1
	kill -0 "$pid" 2>/dev/null || skip "the matching ended before the signal"
	kill -TERM "$pid"
	wait "$pid" || st=$?
	assert_equal "$st" 143
	[ $((SECONDS - t0)) -le 6 ]
}

@test "a document name with escapes is shown without them in ar-kwic's and ar-date's rows" {
	run -0 bash -c 'printf "\f\033]0;pwned\007doc\nقال أمس \302\233x\n" | ar-kwic -H قال | od -An -c | tr -s " "'
	refute_output --partial '033'
	refute_output --partial '302 233'
	# (its header line passes on as it came: the next tool needs the name)
	run -0 bash -c 'printf "\f\033]0;pwned\007doc\nقال أمس\n" | ar-date -H --ref=2024-03-10 | tail -n +2 | od -An -c'
	refute_output --partial '033'
}
