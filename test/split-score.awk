# split-score.awk: sentence-span F1 as the CoNLL 2018 shared task evaluation
# (conll18_ud_eval.py) computes it. Usage: awk -f split-score.awk GOLD SYSTEM
# Both files hold one sentence per line (blank lines, e.g. between
# paragraphs, are ignored). White space is removed and each sentence becomes
# the span [start, end) of character offsets into the remaining text; a
# system sentence is correct when its span equals a gold one. The texts must
# be the same once white space is removed. Prints precision, recall, F1 (%)
# and, with -v show=1, the mismatched gold and system sentences.
BEGIN { if (ARGC != 3) { print "usage: awk -f split-score.awk GOLD SYSTEM" > "/dev/stderr"; exit 2 } }
FNR == 1 { f++; pos = 0 }
{
	t = $0
	gsub(/[ \t\r\f\v]/, "", t)
	gsub(/\xc2\xa0/, "", t)
	if (t == "")
		next
	span = pos ":" (pos + length(t))
	pos += length(t)
	if (f == 1) { gold[span] = $0; ng++; gtext = gtext t }
	else { sys[span] = $0; ns++; stext = stext t }
}
END {
	if (ARGC != 3) exit 2
	if (gtext != stext) {
		print "split-score: the texts differ (" length(gtext) " vs " length(stext) " characters)" > "/dev/stderr"
		exit 2
	}
	for (s in sys) if (s in gold) ok++
	p = ns ? 100 * ok / ns : 0
	r = ng ? 100 * ok / ng : 0
	f1 = p + r ? 2 * p * r / (p + r) : 0
	if (show) {
		for (s in gold) if (!(s in sys)) print "gold only: " gold[s]
		for (s in sys) if (!(s in gold)) print "system only: " sys[s]
	}
	printf "sentences gold %d system %d correct %d  precision %.2f recall %.2f F1 %.2f\n", ng, ns, ok, p, r, f1
}
