# the whole pipeline on the scraped pages, each stage a process: against
# cat | cat | cat (what three pipe stages cost at the least); then the same
# pipeline under GNU parallel, one job per core, the input cut at document
# headers, against the pipeline run once; then parallel --pipepart, which
# reads the file's parts itself; and parallel --pipe with cat alone, the
# most it can pass on here. The form feed is given as $'\f': parallel takes
# --recstart literally, and '\f' (backslash, f) is found nowhere, so the
# whole input would be one record. Peak RSS is the largest process.
# The keyword is غزه (Gaza), about 1,600 hits in news.txt; قره is not in
# these pages at all, so with it the pipeline would print nothing and under
# parallel every job would exit 1 (nothing found).
PIPELINE="ar-strip-nav | ar-norm | ar-kwic غزه"
FF="--recstart \$'\\f' --block 10M"
row pipeline "$B/news.txt" "$PIPELINE" "cat | cat | cat" "cat | cat | cat"
row pipeline "$B/news.txt" "parallel --will-cite --pipe -k $FF '$PIPELINE'" \
	"the pipeline, once" "$PIPELINE" "parallel --pipe -k --recstart \\f --block 10M"
row pipeline "$B/news.txt" "parallel --will-cite --pipepart -a '$B/news.txt' -k $FF '$PIPELINE'" \
	"the pipeline, once" "$PIPELINE" "parallel --pipepart -a news.txt, the same"
row pipeline "$B/news.txt" "parallel --will-cite --pipe -k $FF cat" "" "" "parallel --pipe, the same, with cat alone"
