# ar-kwic: one pattern with folding against GNU grep in a UTF-8 locale
# (grep -o with 40 characters of context, exact spelling only) and against
# LC_ALL=C grep -c (exact spelling, prints nothing); then 100 patterns at
# once (frequent words of the corpus, so there are many hits), to compare
# with the one-pattern row.
KW_PATS="$B/kwic-100.txt"
if [ ! -s "$KW_PATS" ]; then
	head -c 20000000 "$B/ant.txt" | tr -s ' ' '\n' | LC_ALL=C.UTF-8 grep -P '^[\x{0621}-\x{064A}]{4,}$' |
		sort | uniq -c | sort -rn | awk 'NR > 100 && NR <= 200 { print $2 }' > "$KW_PATS"
fi
row ar-kwic "$B/ant.txt" "ar-kwic قره" "grep -o -E (UTF-8)" "LC_ALL=C.UTF-8 grep -o -E '.{0,40}قره.{0,40}'"
row ar-kwic "$B/ant.txt" "ar-kwic قره" "LC_ALL=C grep -c" "LC_ALL=C grep -c قره"
row ar-kwic "$B/ant.txt" "ar-kwic -f $KW_PATS" "ar-kwic قره (1 pattern)" "ar-kwic قره"
# and the case the issue names: a list of 100 place names at once. Tunisian
# names hit about 190,000 times in this Tunisian corpus, so that row mostly
# measures printing hits; Syrian names hit about 3,600 times, so that row
# measures how the scan grows with the number of patterns.
row ar-kwic "$B/ant.txt" "ar-kwic -f test/bench/places-100.txt" "ar-kwic قره (1 pattern)" "ar-kwic قره"
row ar-kwic "$B/ant.txt" "ar-kwic -f test/bench/places-sy-100.txt" "ar-kwic قره (1 pattern)" "ar-kwic قره"
