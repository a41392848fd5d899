#!/bin/bash
# compare.sh: every tool's output, in every format and a spread of options,
# on the seeds, the bench pages and the ANT corpus, so a refactor can prove
# it changed nothing (or list what it changed).
#
#   test/compare.sh save DIR     run bin/ tools, write one file per case in DIR
#   test/compare.sh diff DIR     run bin/ tools, compare with DIR; list cases
#                                that differ (with a few lines of diff); exit 1
#   test/compare.sh rev REV      build REV in build/compare/REV (git worktree),
#                                save its outputs, then diff the current build
#
# Each case is a line "name<TAB>command" below, run in ../shared; $SEEDS,
# $NEWS and $ANT are the inputs. Exit status records are part of the output. Needs ../shared.
set -u
cd "$(dirname "$0")/.." || exit 2
TOP=$PWD
SHARED=$TOP/../shared
export LC_ALL=C.UTF-8

[ -d "$SHARED/seeds" ] || { echo "compare: ../shared is absent" >&2; exit 2; }

inputs() {
	mkdir -p "$TOP/build/compare"
	ANT=$TOP/build/compare/ant.txt
	[ -s "$ANT" ] || xz -dc "$SHARED/bench/ant-corpus/ant_v1.1_text.txt.xz" > "$ANT"
	# names relative to ../shared, so outputs do not depend on the checkout
	SEEDS=$(cd "$SHARED" && ls seeds/*.txt)
	NEWS=$(cd "$SHARED" && ls bench/news/*_*.txt)
	PATS=$TOP/test/bench
	export ANT SEEDS NEWS PATS
}

cases() {
	cat <<'EOF'
norm-seeds	ar-norm $SEEDS
norm-seed1	ar-norm $(echo $SEEDS | cut -d' ' -f1)
norm-news	ar-norm $NEWS
norm-ant	ar-norm < $ANT
norm-all	ar-norm --steps=all < $ANT
norm-skip	ar-norm --skip=diacritics,hamza $SEEDS
split-seeds	ar-split $SEEDS
split-news-tsv	ar-split --tsv $NEWS
split-ant	ar-split < $ANT
split-ant-json	ar-split --json < $ANT
split-w-seeds	ar-split -w $SEEDS
split-w-tsv	ar-split -w --tsv $NEWS
split-w-json	ar-split -w --json $SEEDS
split-w-ant	ar-split -w < $ANT
split-p	ar-split -p --semicolon $SEEDS
date-seeds	ar-date $SEEDS
date-seeds-tsv	ar-date --tsv $SEEDS
date-seeds-json	ar-date --json $SEEDS
date-seeds-timeml	ar-date --format=timeml $SEEDS
date-news	ar-date --tsv $NEWS
date-news-text	ar-date $NEWS
date-news-json	ar-date --json $NEWS
date-news-ref	ar-date --ref=2020-02-29 --tsv $NEWS
date-ant	ar-date --tsv < $ANT
date-ant-ref	ar-date --ref=2016-03-15 < $ANT
date-ant-timeml	head -3000 $ANT | ar-date --ref=2016-03-15 --format=timeml
date-stream	cat $SEEDS | ar-date --tsv
date-lookahead0	ar-date --lookahead=0 --tsv $NEWS
nav-seeds	ar-strip-nav $SEEDS
nav-seeds-e	ar-strip-nav --explain $SEEDS
nav-seeds-tsv	ar-strip-nav --tsv $SEEDS
nav-seeds-json	ar-strip-nav --json $SEEDS
nav-stream	cat $SEEDS | ar-strip-nav
nav-stream-e	cat $SEEDS | ar-strip-nav --explain
nav-news	ar-strip-nav $NEWS
nav-news-e	ar-strip-nav --explain $NEWS
nav-news-json	ar-strip-nav --json $NEWS
nav-keep	ar-strip-nav -k tweets,tags,source $SEEDS
nav-ant	ar-strip-nav < $ANT
nav-ant-e	ar-strip-nav --explain < $ANT
kwic-qara	ar-kwic قره $SEEDS
kwic-qara-tsv	ar-kwic --tsv قره $SEEDS
kwic-ant	ar-kwic تونس < $ANT
kwic-ant-tsv	ar-kwic --tsv الحكومة < $ANT
kwic-ant-json	ar-kwic --json وزير < $ANT
kwic-news	ar-kwic -H الملك $NEWS
kwic-news-json	ar-kwic --json السعودية $NEWS
kwic-count	ar-kwic -c تونس < $ANT
kwic-count-tsv	ar-kwic -c --tsv -e تونس -e الحكومة < $ANT
kwic-colloc	ar-kwic --collocates الحكومة < $ANT
kwic-colloc-tsv	ar-kwic --collocates=3 --tsv وزير < $ANT
kwic-sort	ar-kwic --sort=R1,R2 الوزير < $ANT
kwic-sort-l	ar-kwic --sort=L1,match --tsv رئيس < $ANT
kwic-words	ar-kwic --words=4 الداخلية < $ANT
kwic-ctx	ar-kwic --context=15 --tsv الشرطة < $ANT
kwic-prefix	ar-kwic --prefix --tsv تونسي < $ANT
kwic-substr	ar-kwic --substring --tsv ونس < $ANT
kwic-wild	ar-kwic --tsv 'وز*' < $ANT
kwic-phrase	ar-kwic --tsv 'رئيس الحكومة' < $ANT
kwic-exact	ar-kwic --exact --tsv الحكومة < $ANT
kwic-fold	ar-kwic --fold=alef,teh-marbuta --tsv الحكومة < $ANT
kwic-visual	ar-kwic --visual باكو $SEEDS
kwic-many	ar-kwic --tsv -f $PATS/places-100.txt < $ANT
kwic-many-sy	ar-kwic -f $PATS/places-sy-100.txt < $ANT
kwic-h	ar-kwic -h الرياض $NEWS
kwic-none	ar-kwic زززززز $SEEDS
kwic-color	ar-kwic --color=always قره $SEEDS
EOF
}

# run_all DIR: each case's stdout, then its exit status and stderr, in DIR/name
run_all() {
	local dir name cmd
	mkdir -p "$1"
	dir=$(cd "$1" && pwd)
	inputs
	cases | while IFS=$'\t' read -r name cmd; do
		(
			cd "$SHARED" || exit 2
			eval "$cmd" < /dev/null > "$dir/$name" 2> "$dir/$name.err"
			echo "exit $?" >> "$dir/$name.err"
		)
	done
}

usage() { echo "usage: test/compare.sh save DIR | diff DIR | rev REV" >&2; exit 2; }

diff_dirs() {   # diff_dirs OLD NEW: report cases that differ
	local old=$1 new=$2 f bad=0
	for f in "$old"/*; do
		f=${f##*/}
		if ! cmp -s "$old/$f" "$new/$f"; then
			bad=$((bad + 1))
			echo "== $f differs ($(diff "$old/$f" "$new/$f" | grep -c '^[<>]') lines)"
			diff "$old/$f" "$new/$f" | head -${COMPARE_LINES:-6}
		fi
	done
	echo "compare: $(ls "$old" | wc -l) outputs, $bad differ"
	[ "$bad" -eq 0 ]
}

[ $# -eq 2 ] || usage
case $1 in
save)
	# COMPARE_TOP: another checkout's build to snapshot (its bin and share)
	src=${COMPARE_TOP:-$TOP}
	PATH="$src/bin:$PATH" AR_DATADIR="$src/share/ar-tools" run_all "$2"
	;;
diff)
	new=$TOP/build/compare/new
	rm -rf "$new"
	PATH="$TOP/bin:$PATH" AR_DATADIR="$TOP/share/ar-tools" run_all "$new"
	diff_dirs "$2" "$new"
	;;
rev)
	wt=$TOP/build/compare/rev-$2
	if [ ! -d "$wt" ]; then
		git worktree add --detach "$wt" "$2" >/dev/null || exit 2
	fi
	make -C "$wt" -s all >/dev/null || exit 2
	old=$TOP/build/compare/old-$2
	rm -rf "$old"
	PATH="$wt/bin:$PATH" AR_DATADIR="$wt/share/ar-tools" run_all "$old"
	new=$TOP/build/compare/new
	rm -rf "$new"
	PATH="$TOP/bin:$PATH" AR_DATADIR="$TOP/share/ar-tools" run_all "$new"
	diff_dirs "$old" "$new"
	;;
*) usage ;;
esac
