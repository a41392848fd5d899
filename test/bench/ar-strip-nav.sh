# ar-strip-nav: default run on the scraped pages, against what a user might
# do instead: grep -v -F with the literal part of every drop rule (no spans,
# no statistics, no sections).
awk -F'\t' '!/^#/ && NF == 3 && $2 ~ /^drop-(line|rest)$/ {
	p = $1; gsub(/^[<^]|[$]$/, "", p); n = split(p, a, /[*#|]/); best = ""
	for (i = 1; i <= n; i++) if (length(a[i]) > length(best)) best = a[i]
	if (length(best) >= 3) print best
}' share/ar-tools/nav-rules.tsv > "$B/nav-fixed.txt"
row ar-strip-nav "$B/news.txt" "ar-strip-nav" "grep -v -F -f" "grep -v -F -f '$PWD/$B/nav-fixed.txt'"
