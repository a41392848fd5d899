/* grep.c: choosing documents as grep does, for the tools that search
 * (ar-kwic, ar-date): -c counts hits per document, -l and -L list the
 * documents with and without a hit, -q stops at the first hit, -m NUM stops
 * a document after NUM hits, --null ends listed names with NUL. The tool
 * calls ar_grep_hit before it prints a hit and asks what to do with it.
 * A binary document (NUL bytes, no -a) prints no hit: its first stops it,
 * and its end says "Binary file NAME matches", as grep. */
#include "arlib.h"

#include <stdlib.h>

struct ar_grep ar_grep = { .max = (unsigned long)-1 };    /* -m: none */

static unsigned long doc_hits, total_hits;

void
ar_grep_doc_begin(void)
{
	doc_hits = 0;
}

/* A name as grep prints it: standard input is "(standard input)". */
static void
out_name(void)
{
	if (ar_doc.namelen == 1 && ar_doc.name[0] == '-')
		ar_out_str("(standard input)");
	else
		ar_out_write(ar_doc.name, ar_doc.namelen);
}

int
ar_grep_hit(void)
{
	if (doc_hits >= ar_grep.max)
		return AR_GREP_STOP;
	doc_hits++;
	total_hits++;
	if (ar_grep.quiet)
		exit(ar_out_close() ? 2 : 0);   /* as grep -q: the first hit decides */
	if (ar_grep.files_with) {
		out_name();
		if (ar_grep.null)
			ar_out_putc('\0');
		else
			ar_out_eol();
		return AR_GREP_STOP;
	}
	if (ar_grep.files_without || ar_grep.count)
		return AR_GREP_SKIP;
	if (ar_doc.binary)
		return AR_GREP_STOP;    /* as grep: no rows, "Binary file NAME matches" */
	return doc_hits >= ar_grep.max ? AR_GREP_LAST : AR_GREP_PRINT;
}

int
ar_grep_done(void)
{
	return doc_hits >= ar_grep.max;
}

void
ar_grep_doc_end(int with_names)
{
	if (ar_doc.binary && doc_hits && !ar_grep_listing()) {
		ar_out_str("Binary file ");
		out_name();
		ar_out_str(" matches");
		ar_out_eol();
	} else if (ar_grep.files_without && !doc_hits) {
		out_name();
		if (ar_grep.null)
			ar_out_putc('\0');
		else
			ar_out_eol();
	} else if (ar_grep.count && !ar_grep.files_with && !ar_grep.files_without) {
		if (with_names) {
			out_name();
			if (ar_grep.null)
				ar_out_putc('\0');
			else
				ar_out_putc(':');
		}
		ar_out_printf("%lu", doc_hits);
		ar_out_eol();
	}
}

int
ar_grep_listing(void)
{
	return ar_grep.count || ar_grep.files_with || ar_grep.files_without || ar_grep.quiet;
}

unsigned long
ar_grep_total(void)
{
	return total_hits;
}

int
ar_grep_status(void)
{
	/* -L succeeds when it listed a file, as GNU grep 3.5 and later */
	return total_hits ? 0 : 1;
}
