# ar-date: every expression on the plain news text (a fixed --ref, so the
# crawl/publication look-ahead plays no part), against what a user might run
# instead for numeric dates only: grep -o -E for day-first and ISO dates.
# dateparser is far too slow for 100 MB; it is compared on the gold set below.
row ar-date "$B/ant.txt" "ar-date --ref=2020-01-01" "grep -o -E (numeric only)" "LC_ALL=C grep -o -E '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}'"
row ar-date "$B/news.txt" "ar-date" "" ""
# quality on the gold set, side by side with python3-dateparser (search_dates)
bash test/date-eval.sh 2>/dev/null | sed 's/^/# gold: /'
# python3-dateparser is far too slow for 100 MB: compare on the first 1 MB
if /usr/bin/python3 -c 'import dateparser' 2>/dev/null; then
	head -c 1000000 "$B/ant.txt" | sed '$d' > "$B/ant-1m.txt"
	row ar-date "$B/ant-1m.txt" "ar-date --ref=2020-01-01" "python3-dateparser" "/usr/bin/python3 test/bench/dateparser-search.py" "ar-date --ref=2020-01-01 (1 MB)"
fi
