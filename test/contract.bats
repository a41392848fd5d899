bats_require_minimum_version 1.5.0
# The stream contract across tools: GNU parallel gives byte-identical output,
# the locale changes nothing, --progress draws only on a terminal.

setup_file() {
	# a few MB of documents with \f headers, from the sample corpus
	export BIG="$BATS_FILE_TMPDIR/big.txt"
	local top
	top="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	for i in $(seq 300); do
		for f in "$top"/share/ar-tools/samples/*.txt; do
			printf '\f%s-%d\n' "${f##*/}" "$i"
			cat "$f"
			echo
		done
	done > "$BIG"
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

# the commands to check, if the tool is built: "MODE COMMAND"; MODE is
# line (any block boundary) or doc (blocks start at a \f header)
commands() {
	local t
	for t in ar-norm ar-split ar-strip-nav ar-date ar-kwic; do
		[ -x "$TOP/bin/$t" ] || continue
		case $t in
		ar-norm)      echo "line ar-norm"; echo "line ar-norm --add=whitespace,punctuation" ;;
		ar-split)     echo "line ar-split"; echo "line ar-split -w"
		              echo "doc ar-split --tsv"; echo "doc ar-split -w --format=conllu" ;;
		ar-strip-nav) echo "doc ar-strip-nav"; echo "doc ar-strip-nav --explain" ;;
		ar-date)      echo "doc ar-date --format=tsv" ;;
		ar-kwic)      echo "doc ar-kwic --format=tsv قره" ;;
		esac
	done
}

@test "parallel --pipe -k gives byte-identical output" {
	command -v parallel >/dev/null || skip "GNU parallel not installed"
	[ "$(wc -c < "$BIG")" -gt 1000000 ]
	while read -r mode cmd; do
		$cmd < "$BIG" > "$BATS_TEST_TMPDIR/one" || [ $? -eq 1 ]
		if [ "$mode" = line ]; then
			parallel --will-cite --pipe -k --block 100k $cmd < "$BIG" > "$BATS_TEST_TMPDIR/many" || true
		else
			parallel --will-cite --pipe -k --recstart $'\f' --block 100k $cmd < "$BIG" > "$BATS_TEST_TMPDIR/many" || true
		fi
		# tsv outputs repeat their header once per block: compare without it
		if [[ "$cmd" == *tsv* ]]; then
			head -1 "$BATS_TEST_TMPDIR/one" > "$BATS_TEST_TMPDIR/hdr"
			grep -v -x -F -f "$BATS_TEST_TMPDIR/hdr" "$BATS_TEST_TMPDIR/one" > "$BATS_TEST_TMPDIR/one.b" || true
			grep -v -x -F -f "$BATS_TEST_TMPDIR/hdr" "$BATS_TEST_TMPDIR/many" > "$BATS_TEST_TMPDIR/many.b" || true
			mv "$BATS_TEST_TMPDIR/one.b" "$BATS_TEST_TMPDIR/one"
			mv "$BATS_TEST_TMPDIR/many.b" "$BATS_TEST_TMPDIR/many"
		fi
		[ -s "$BATS_TEST_TMPDIR/one" ] || { echo "$cmd: no output"; false; }
		cmp "$BATS_TEST_TMPDIR/one" "$BATS_TEST_TMPDIR/many" || { echo "differs: $mode $cmd"; false; }
	done < <(commands)
}

@test "the locale changes nothing" {
	while read -r mode cmd; do
		LC_ALL=C $cmd "$TOP"/share/ar-tools/samples/*.txt > "$BATS_TEST_TMPDIR/c" || [ $? -eq 1 ]
		LC_ALL=C.UTF-8 $cmd "$TOP"/share/ar-tools/samples/*.txt > "$BATS_TEST_TMPDIR/u" || [ $? -eq 1 ]
		LC_ALL=POSIX LANG=ar_SA.UTF-8 $cmd "$TOP"/share/ar-tools/samples/*.txt > "$BATS_TEST_TMPDIR/p" || [ $? -eq 1 ]
		cmp "$BATS_TEST_TMPDIR/c" "$BATS_TEST_TMPDIR/u"
		cmp "$BATS_TEST_TMPDIR/c" "$BATS_TEST_TMPDIR/p"
	done < <(commands)
}

@test "--progress draws a bar on a terminal, and nothing otherwise" {
	command -v script >/dev/null || skip "script(1) not installed"
	for t in "$TOP"/bin/ar-*; do
		name=${t##*/}
		arg=; [ "$name" = ar-kwic ] && arg=قره
		run -0 script -qec "'$t' --progress $arg '$BIG' > /dev/null" /dev/null
		assert_output --partial "MB/s"
		assert_output --partial "100.0%"
		run --separate-stderr "$t" --progress $arg "$BIG"
		assert_equal "$stderr" ""
	done
}

@test "Dask (distributed) through --input=jsonl: records one for one, as ar-tools(7) shows" {
	/usr/bin/python3 -c 'import dask.bag, distributed' 2>/dev/null || skip "python3-distributed not installed"
	local d=$BATS_TEST_TMPDIR
	/usr/bin/python3 - "$d" <<'PY'
import json, sys
d = sys.argv[1]
for part in range(3):
    with open("%s/pages-%d.jsonl" % (d, part), "w") as f:
        for i in range(200):
            f.write(json.dumps({"id": "p%d-%d" % (part, i), "site": "x",
                "text": "قالت الوزارة أمس إن المؤتمر سيعقد في المدينة.\nسطر ثانٍ"},
                ensure_ascii=False) + "\n")
PY
	cat "$d"/pages-*.jsonl | ar-norm --input=jsonl > "$d/one.jsonl"
	run -0 /usr/bin/python3 "$TOP/test/tools/dask-pipe.py" "$d/dask.jsonl" 0 "$d/pages-*.jsonl" ar-norm --input=jsonl
	run -0 cmp "$d/one.jsonl" "$d/dask.jsonl"
	run -0 bash -c 'jq -r .text "$1" | sort | uniq -c | wc -l' _ "$d/dask.jsonl"
	assert_output 2
}

@test "Dask (distributed): ar-kwic over JSON Lines partitions, rows as one process gives" {
	/usr/bin/python3 -c 'import dask.bag, distributed' 2>/dev/null || skip "python3-distributed not installed"
	local d=$BATS_TEST_TMPDIR
	/usr/bin/python3 - "$d" <<'PY'
import json, sys
d = sys.argv[1]
for part in range(3):
    with open("%s/pages-%d.jsonl" % (d, part), "w") as f:
        for i in range(100):
            f.write(json.dumps({"id": "p%d-%d" % (part, i),
                "text": "بدأت المحادثات في قرة باغ أمس.\nوقال الوزير إن قره باغ ستبقى على جدول الأعمال"},
                ensure_ascii=False) + "\n")
PY
	cat "$d"/pages-*.jsonl | ar-kwic --input=jsonl --tsv 'قره باغ' | tail -n +2 > "$d/one.tsv"
	run -0 /usr/bin/python3 "$TOP/test/tools/dask-pipe.py" "$d/dask.tsv" 1 "$d/pages-*.jsonl" ar-kwic --input=jsonl --tsv 'قره باغ'
	run -0 cmp "$d/one.tsv" "$d/dask.tsv"
	run -0 bash -c 'cut -f1 "$1" | sort -u | wc -l' _ "$d/dask.tsv"
	assert_output 300
	run -0 wc -l < "$d/dask.tsv"
	assert_output 600
}
