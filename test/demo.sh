#!/bin/sh
# demo.sh: the toolkit on the sample corpus in share/ar-tools/samples, one
# stage at a time. Tools that are not built are skipped.
cd "$(dirname "$0")/.." || exit 2
PATH="$PWD/bin:$PATH"
AR_DATADIR="$PWD/share/ar-tools"
export PATH AR_DATADIR
S=share/ar-tools/samples
have() { [ -x "bin/$1" ]; }
stage() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

stage "the sample corpus: $(ls $S | wc -l) page dumps, $(cat $S/*.txt | wc -l) lines"
if have ar-strip-nav; then
	stage "ar-strip-nav $S/*.txt   (the articles, chrome dropped)"
	ar-strip-nav $S/*.txt | tr '\f' '#' | head -40
	stage "ar-strip-nav --explain: why lines went (first 12 dropped)"
	ar-strip-nav --explain $S/*.txt | awk -F'\t' '$3 != "K"' | cut -c1-110 | head -12
	clean() { ar-strip-nav "$@"; }
else
	clean() { cat "$@"; }
fi
stage "... | ar-norm   (orthography folded: قرة/قره, أ/ا, ى/ي, ٣٫٥/3.5)"
clean $S/*.txt | ar-norm | grep -v "$(printf '\f')" | head -12
if have ar-split; then
	stage "... | ar-split   (one sentence per line)"
	clean $S/01-qarabagh.txt | ar-split -h | head -10
	stage "ar-split -w | sort | uniq -c | sort -rn   (a frequency list)"
	clean $S/*.txt | ar-norm | ar-split -w -h | sort | uniq -c | sort -rn | head -8
fi
if have ar-date; then
	stage "... | ar-date   (dates and times, resolved against each page's date)"
	clean $S/*.txt | ar-date
fi
if have ar-kwic; then
	stage "... | ar-norm | ar-kwic قره   (every spelling of Qarabagh, in context)"
	clean $S/*.txt | ar-norm | ar-kwic --context=30 قره
	stage "ar-kwic without ar-norm still finds both spellings, printing the original"
	clean $S/*.txt | ar-kwic --context=30 'قره باغ'
fi
exit 0
