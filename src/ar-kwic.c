/* ar-kwic: keyword in context for Arabic text, orthography-insensitive.
 * The matcher is src/lib/kwic.c and the reader src/lib/lines.c (in block
 * mode: the matcher scans whole blocks, most lines are never looked at);
 * --sort's rows are kept and sorted by src/lib/sort.c; this file holds the
 * options, takes each line's hits, and prints rows (text, --visual, --color,
 * tsv, json, csv), sorted rows, counts, collocates or clusters. */
#include "lib/arlib.h"

#include <stdlib.h>
#include <unistd.h>

static const char usage[] =
"[OPTION]... PATTERN [FILE]...\n"
"       ar-kwic [OPTION]... -e PATTERN... [FILE]...\n"
"       ar-kwic [OPTION]... -f PATFILE [FILE]...";
static const char help[] =
"Keyword in context: every hit of PATTERN with its left and right context.\n"
"Text and pattern are folded as ar-norm folds them (so قره finds قرة, قَرَه,\n"
"قـره); the original text is printed. A hit is a whole word that may carry\n"
"proclitics (و ف ب ك ل ال لل and combinations); '*' matches any letters\n"
"within a word; words separated by spaces form a phrase.\n"
"\n"
"Matching:\n"
"  -e, --regexp=PATTERN a pattern (repeatable)\n"
"  -f, --file=FILE      patterns from FILE, one a line\n"
"  -i, --ignore-case    Latin letters match in either case\n"
"      --exact          match code points as written (no folding)\n"
"      --fold=LIST      fold with these ar-norm steps (see ar-norm -l)\n"
"      --prefix         a word may also have any ending\n"
"      --substring      plain substring search, no word boundaries\n"
"Output:\n"
"      --context=N      N characters of context each side (default 40)\n"
"      --words=N        N words of context each side instead\n"
"      --format=FMT     text (default), tsv, json or csv; --tsv, --json, --csv\n"
"      --bom            CSV begins with a byte order mark\n"
"      --sort=KEYS      sort by R1,R2..,L1,L2..,match,doc (folded)\n"
"      --count-forms    hits per matched spelling, with totals\n"
"      --collocates[=N] words within N (default 5) of the hits, with\n"
"                       frequency, left/right split and statistics\n"
"      --left=N         the collocates' window before the hits (words)\n"
"      --right=N        and after them\n"
"      --stat=STAT      rank collocates by ll (default), mi, t or logratio\n"
"      --min-freq=N     only collocates (clusters) seen N times near the hits\n"
"      --clusters=N     runs of N words holding a hit, with their counts\n"
"      --visual         right to left in display order, letters joined (FriBidi),\n"
"                       for terminals without bidi\n"
"      --color[=WHEN]   highlight hits: auto (default), always, never\n"
"Choosing documents, as grep(1):\n"
AR_HELP_GREP
"  -H, --with-filename  end text rows with TAB doc:line (the default)\n"
"  -h, --no-filename    end them with the line number only\n"
AR_HELP_INPUT AR_HELP_STRICT "      --line-buffered  flush every row\n" AR_HELP_TAIL
"\n"
"With no FILE, or when FILE is -, read standard input. Exit status: 0 a hit,\n"
"1 no hit, 2 trouble. See ar-kwic(1) and ar-tools(7).\n";

/* ---- options ---- */
static int visual, color = -1, count_forms, colloc_win, words_ctx, clusters;
static int coll_left = -1, coll_right = -1, stat;   /* --left, --right, --stat */
static long min_freq = 1;
static int context = 40;
static struct ar_kwic_sort *sorter;   /* --sort */

static struct ar_kwic *kw;              /* the matcher */
static const struct ar_norm *nm;        /* its fold, for sort keys and collocates */
static unsigned long long total_hits;
static int show_doc = 1, nfiles;
static int doc_stop;                    /* -m, -l: no more hits from this document */
static size_t kw_width = 10;
static size_t docwidth;                 /* of ar_doc.name */
static struct ar_buf docdate; static int has_date;   /* its header's date= */

/* ---- rows ---- */

static void
spaces(size_t n)
{
	ar_out_spaces(n);
}

/* TSV, JSON or CSV: one row a hit, through the shared row printer. */
static const struct ar_field row_fields[] = {
	{ "doc", AR_F_STR }, { "line", AR_F_NUM }, { "start", AR_F_NUM }, { "end", AR_F_NUM },
	{ "left", AR_F_STR }, { "match", AR_F_STR }, { "right", AR_F_STR }, { "pattern", AR_F_STR },
	{ "date", AR_F_STR }
};

static void
print_fields(const struct ar_kwic_row *w)
{
	ar_row_str(w->doc, w->docl);
	ar_row_num(w->line);
	ar_row_num(w->startcp);
	ar_row_num(w->endcp);
	ar_row_str(w->l, w->ll);
	ar_row_str(w->m, w->ml);
	ar_row_str(w->r, w->rl);
	ar_row_cstr(ar_kwic_pattern(kw, w->pat));
	w->date ? ar_row_str(w->date, w->datel) : ar_row_null();   /* JSON null if none */
	ar_row_end();
}

/* Text: the concordance in fixed columns, then a TAB and "doc:line" ("line"
 * with -h), AntConc's file column: a hit's row is the same whatever else
 * the run reads, so the keyword column holds under parallel --pipe too. */
static void
print_where(const struct ar_kwic_row *w)
{
	static struct ar_buf where, vis;
	char num[24], *d = num + sizeof num;
	size_t cols;
	unsigned long ln = w->line;

	do                      /* "%lu", without printf's cost on every row */
		*--d = (char)('0' + ln % 10);
	while (ln /= 10);
	size_t k = (size_t)(num + sizeof num - d);
	memmove(num, d, k);

	if (!visual) {
		if (show_doc) {
			ar_term_write(w->doc, w->docl);        /* a name is input too */
			ar_out_putc(':');
		}
		ar_out_write(num, k);
		return;
	}
	where.len = 0;          /* an Arabic name in display order too */
	if (show_doc) {
		ar_buf_add(&where, w->doc, w->docl);
		ar_buf_addc(&where, ':');
	}
	ar_buf_add(&where, num, k);
	ar_term_visual(where.s, where.len, 0, NULL, 1, &vis, &cols);
	ar_out_write(vis.s, vis.len);
}

static const char *hl_on = "", *hl_off = "";    /* --color */

static void
print_text(const struct ar_kwic_row *w)
{
	size_t cw = words_ctx ? (size_t)words_ctx * 8 : (size_t)context, kw = kw_width;
	struct ar_term_kwic k = { w->l, w->ll, w->m, w->ml, w->r, w->rl, w->rwidth, hl_on, hl_off,
	    w->plain, w->lwidth };
	size_t col = visual ? ar_term_kwic_visual(&k, cw, &kw) : ar_term_kwic_logical(&k, cw, &kw);

	spaces(2 * cw + kw + 2 > col ? 2 * cw + kw + 2 - col : 0);
	ar_out_putc('\t');
	print_where(w);
	ar_out_eol();
}

static void
print_row(const struct ar_kwic_row *w)
{
	if (ar_opts.format == AR_FMT_TEXT)
		print_text(w);
	else
		print_fields(w);
}

/* ---- -c and --collocates: counts ---- */
static struct ar_freq counts;   /* -c: a, hits per spelling and pattern */
static struct ar_colloc colloc;

/* ---- the callbacks ---- */
/* Code point offset of line[at], going on from the last one asked. */
static size_t
cp_offset(const char *line, size_t at, size_t cur[2])
{
	if (at < cur[0])
		cur[0] = cur[1] = 0;
	cur[1] += ar_u8count(line + cur[0], at - cur[0]);
	cur[0] = at;
	return cur[1];
}

static int
kwic_line(const struct ar_kwic_line *ln, void *ctx)
{
	const char *s = ln->s;
	size_t cur[2] = { 0, 0 };       /* code point cursor: byte, count */

	(void)ctx;
	if (colloc_win || clusters)
		ar_colloc_line(&colloc, s, ln->n);
	for (size_t k = 0; k < ln->nhits; k++) {
		const struct ar_kwic_hit *h = &ln->hits[k];
		struct ar_kwic_row w;
		int g;

		if (doc_stop || (g = ar_grep_hit()) == AR_GREP_STOP) {
			doc_stop = 1;
			break;
		}
		doc_stop = g == AR_GREP_LAST;
		if (g == AR_GREP_SKIP)
			continue;
		total_hits++;
		if (count_forms)
			ar_freq_get(&counts, s + h->start, h->end - h->start, h->pat)->a++;
		if (colloc_win)
			ar_colloc_hit(&colloc, h->start, h->end);
		if (clusters)
			ar_cluster_hit(&colloc, h->start, h->end, clusters);
		if (count_forms || colloc_win || clusters)
			continue;
		size_t ls, re;
		ar_kwic_context_plain(s, ln->n, h->start, h->end, context, words_ctx, &ls, &re, &w.rwidth,
		    &w.lwidth, &w.plain);
		w.doc = ar_doc.name, w.docl = ar_doc.namelen;
		w.date = has_date ? docdate.s : NULL, w.datel = docdate.len;
		w.line = ln->lineno;
		w.startcp = w.endcp = 0;        /* only tsv and json print them */
		if (ar_opts.format != AR_FMT_TEXT) {
			w.startcp = ln->cpbase + cp_offset(s, h->start, cur);
			w.endcp = w.startcp + ar_u8count(s + h->start, h->end - h->start);
		}
		w.l = s + ls, w.ll = h->start - ls;
		w.m = s + h->start, w.ml = h->end - h->start;
		w.r = s + h->end, w.rl = re - h->end;
		w.pat = h->pat;
		if (sorter)
			ar_kwic_sort_add(sorter, &w);
		else
			print_row(&w);
	}
	return 0;
}

static int
kwic_invalid(unsigned long lineno, size_t off, void *ctx)
{
	(void)ctx;
	return ar_doc_invalid(lineno, off);
}

static const struct ar_kwic_sink sink = { kwic_line, kwic_invalid, NULL };

/* A line longer than a piece comes in blocks with ar_doc.partial set, and
 * the block after the last of them begins with its end: the matcher keeps
 * a window of it, so a line of any length takes a few megabytes. */
#define KWIC_PIECE (1 << 20)
static int open_line;                   /* a line came in part: its end follows */

static int
kwic_block(const char *p, size_t n, void *ctx)
{
	(void)ctx;
	if (doc_stop && !colloc_win)
		return 0;       /* -m or -l is done with this document */
	if (ar_doc.partial) {
		open_line = 1;
		return ar_kwic_piece(kw, p, n, 0, ar_doc.line, &sink);
	}
	int r = 0;
	if (open_line) {        /* the reader counted the line: do not again */
		const char *nl = memchr(p, '\n', n);
		size_t e = nl ? (size_t)(nl - p) : n, le = e;
		if (le && p[le - 1] == '\r')
			le--;
		open_line = 0;
		r = ar_kwic_piece(kw, p, le, 1, ar_doc.line, &sink);
		e += e < n;
		p += e, n -= e;
	}
	if (n && ar_kwic_block(kw, p, n, &ar_doc.line, &sink) < 0)
		r = -1;
	return r;
}

static int
kwic_begin(void *ctx)
{
	(void)ctx;
	size_t n;
	const char *d = ar_doc_field("date", &n);
	docdate.len = 0;
	if ((has_date = d != NULL))
		ar_buf_add(&docdate, d, n);
	docwidth = ar_term_columns(ar_doc.name, ar_doc.namelen);
	doc_stop = 0;
	ar_grep_doc_begin();
	return 0;
}

/* -c's count and -L's name; the names go with -H, several files or
 * documents named in headers, as grep names files */
static int
kwic_end(void *ctx)
{
	(void)ctx;
	if (open_line) {        /* the input ended in a line's piece */
		open_line = 0;
		if (ar_kwic_piece(kw, "", 0, 1, ar_doc.line, &sink) < 0)
			return -1;
	}
	ar_grep_doc_end(ar_opts.headers == 1
	    || (ar_opts.headers < 0 && (nfiles > 1 || ar_doc.header)));
	return 0;
}

/* ---- summaries at the end ---- */
/* One spelling's count; with f NULL the pattern's total, with ps NULL too
 * the grand total. Text shows a pattern's total before its forms. */
static const struct ar_field count_fields[] = {
	{ "pattern", AR_F_STR | AR_F_OPT }, { "form", AR_F_STR | AR_F_OPT }, { "count", AR_F_NUM }
};

static void
print_count(const char *ps, const char *f, size_t fl, unsigned long long n)
{
	if (ar_opts.format != AR_FMT_TEXT) {
		ar_row_cstr(ps);
		ar_row_str(f ? f : "", f ? fl : 0);
		ar_row_num(n);
		ar_row_end();
	} else if (f) {
		ar_out_printf("%8llu  ", n);
		ar_term_write(f, fl);
		ar_out_eol();
	} else if (!ps) {
		ar_out_printf("total: %llu hits\n", n);
	}
}

static void
print_counts(void)
{
	size_t n, i, j;
	struct ar_freq_ent **v = ar_freq_sorted(&counts, &n);

	ar_rows_begin(count_fields, 3);
	for (i = 0; i < n; i = j) {
		const char *ps = ar_kwic_pattern(kw, v[i]->tag);
		long tot = 0;
		for (j = i; j < n && v[j]->tag == v[i]->tag; j++)
			tot += v[j]->a;
		if (ar_opts.format == AR_FMT_TEXT)
			ar_out_printf("%s\t(%zu forms, %ld hits)\n", ps, j - i, tot);
		for (size_t k = i; k < j; k++)
			print_count(ps, ar_freq_key(&counts, v[k]), v[k]->len, (unsigned long long)v[k]->a);
		print_count(ps, NULL, 0, (unsigned long long)tot);
	}
	print_count(NULL, NULL, 0, total_hits);
	free(v);
}

static const char *const stat_names[] = { "ll", "mi", "t", "logratio", NULL };
static const struct ar_field coll_fields[] = {
	{ "collocate", AR_F_STR }, { "folded", AR_F_STR }, { "freq", AR_F_NUM },
	{ "left", AR_F_NUM }, { "right", AR_F_NUM }, { "corpus", AR_F_NUM }, { "ll", AR_F_NUM },
	{ "mi", AR_F_NUM }, { "t", AR_F_NUM }, { "logratio", AR_F_NUM }
};

/* Best first by --stat; rows give every statistic, text the one chosen. */
static void
print_collocates(void)
{
	size_t n;
	struct ar_colloc_row *v = ar_colloc_rank(&colloc, stat, min_freq, &n);

	ar_rows_begin(coll_fields, 10);
	if (ar_opts.format == AR_FMT_TEXT)
		ar_out_printf("%-20s %7s %7s %7s %9s %10s\n", "collocate", "freq", "left", "right",
		    "corpus", stat_names[stat]);
	for (size_t i = 0; i < n; i++) {
		const struct ar_colloc_row *r = &v[i];
		if (ar_opts.format != AR_FMT_TEXT) {
			ar_row_str(r->form, r->formlen);
			ar_row_str(r->word, r->len);
			ar_row_num((unsigned long long)r->freq);
			ar_row_num((unsigned long long)r->left);
			ar_row_num((unsigned long long)r->right);
			ar_row_num((unsigned long long)r->corpus);
			for (int k = 0; k < 4; k++)
				ar_row_fixed(r->stat[k], 2);
			ar_row_end();
			continue;
		}
		ar_term_write(r->form, r->formlen);
		size_t ww = ar_term_columns(r->form, r->formlen);
		spaces(ww < 20 ? 20 - ww : 0);
		ar_out_printf(" %7ld %7ld %7ld %9ld %10.2f", r->freq, r->left, r->right, r->corpus,
		    r->stat[stat]);
		ar_out_eol();
	}
	free(v);
}

/* --clusters: the most frequent first; text gives the count, then the
 * cluster as most often written. */
static const struct ar_field cluster_fields[] = {
	{ "cluster", AR_F_STR }, { "folded", AR_F_STR }, { "freq", AR_F_NUM }
};

static void
print_clusters(void)
{
	size_t n;
	struct ar_cluster_row *v = ar_cluster_rank(&colloc, min_freq, &n);

	ar_rows_begin(cluster_fields, 3);
	if (ar_opts.format == AR_FMT_TEXT)
		ar_out_printf("%8s  %s\n", "freq", "cluster");
	for (size_t i = 0; i < n; i++) {
		if (ar_opts.format != AR_FMT_TEXT) {
			ar_row_str(v[i].form, v[i].formlen);
			ar_row_str(v[i].key, v[i].len);
			ar_row_num((unsigned long long)v[i].freq);
			ar_row_end();
			continue;
		}
		ar_out_printf("%8ld  ", v[i].freq);
		ar_term_write(v[i].form, v[i].formlen);
		ar_out_eol();
	}
	free(v);
}

static int
kwic_done(void *ctx)
{
	(void)ctx;
	if (ar_grep_listing())
		return 0;
	if (sorter) {
		ar_kwic_sort_run(sorter);
		for (size_t i = 0; i < ar_kwic_sort_count(sorter); i++)
			print_row(ar_kwic_sort_row(sorter, i));
	}
	if (count_forms)
		print_counts();
	if (colloc_win)
		print_collocates();
	if (clusters)
		print_clusters();
	return 0;
}

/* ---- options ---- */
enum {
	OPT_EXACT = AR_OPT_TOOL, OPT_FOLD, OPT_PREFIX, OPT_SUBSTRING, OPT_WORDS,
	OPT_SORT, OPT_COLLOCATES, OPT_VISUAL, OPT_COLOR, OPT_CONTEXT, OPT_COUNT_FORMS,
	OPT_LEFT, OPT_RIGHT, OPT_STAT, OPT_MINFREQ, OPT_CLUSTERS
};
static const struct option longopts[] = {
	{ "regexp",     required_argument, NULL, 'e' },
	{ "file",       required_argument, NULL, 'f' },
	{ "exact",      no_argument,       NULL, OPT_EXACT },
	{ "fold",       required_argument, NULL, OPT_FOLD },
	{ "prefix",     no_argument,       NULL, OPT_PREFIX },
	{ "substring",  no_argument,       NULL, OPT_SUBSTRING },
	{ "ignore-case", no_argument,      NULL, 'i' },
	{ "context",    required_argument, NULL, OPT_CONTEXT },
	{ "words",      required_argument, NULL, OPT_WORDS },
	{ "sort",       required_argument, NULL, OPT_SORT },
	{ "count-forms", no_argument,      NULL, OPT_COUNT_FORMS },
	{ "collocates", optional_argument, NULL, OPT_COLLOCATES },
	{ "left",       required_argument, NULL, OPT_LEFT },
	{ "right",      required_argument, NULL, OPT_RIGHT },
	{ "stat",       required_argument, NULL, OPT_STAT },
	{ "min-freq",   required_argument, NULL, OPT_MINFREQ },
	{ "clusters",   required_argument, NULL, OPT_CLUSTERS },
	{ "visual",     no_argument,       NULL, OPT_VISUAL },
	{ "color",      optional_argument, NULL, OPT_COLOR },
	{ "colour",     optional_argument, NULL, OPT_COLOR },
	AR_COMMON_LONGOPTS,
	AR_GREP_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static void
parse_sort(const char *s)
{
	const char *bad;

	ar_kwic_sort_free(sorter);
	if (!(sorter = ar_kwic_sort_new(s, &bad))) {
		ar_warn("bad sort key in '%s' (R1..R9, L1..L9, match, doc)", bad);
		ar_usage();
	}
}

static int
parse_color(const char *arg)
{
	if (!arg || !strcmp(arg, "always") || !strcmp(arg, "yes"))
		return 1;
	if (!strcmp(arg, "never") || !strcmp(arg, "no"))
		return 0;
	if (!strcmp(arg, "auto"))
		return -1;
	ar_warn("--color: '%s' is not auto, always or never", arg);
	ar_usage();
}

/* A pattern that can never match is an error, not a silent exit 1. */
static void
add_pattern(const char *s, size_t n, const char *file, unsigned long lineno)
{
	char where[300] = "";

	if (file)
		snprintf(where, sizeof where, "%s:%lu: ", file, lineno);
	if (memchr(s, '\n', n))
		ar_die("%spattern holds a newline, and a hit never spans lines "
		    "(give each line with -e, or use -f FILE)", where);
	if (ar_kwic_add(kw, s, n) < 0)
		ar_die("%spattern '%.*s' is nothing once folded (spaces, tatweel, "
		    "marks or invisible characters only): it can never match", where, (int)n, s);
}

static int
pattern_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	add_pattern(line, n, ctx, lineno);
	return 0;
}

/* The matcher, with the patterns of -e (or the first operand), then -f. */
static void
compile(const struct ar_kwic_opts *ko, const char *const *pe, int npe,
    const char *const *pf, int npf)
{
	kw = ar_kwic_new(ko);
	nm = ar_kwic_norm(kw);
	if (sorter)
		ar_kwic_sort_fold(sorter, nm);
	for (int i = 0; i < npe; i++)
		add_pattern(pe[i], strlen(pe[i]), NULL, 0);
	for (int i = 0; i < npf; i++) {
		size_t len;
		char *t = ar_slurp(pf[i], &len);
		ar_each_line(t, len, pattern_line, (void *)pf[i]);
		free(t);
	}
	if (ar_kwic_count(kw) == 0)
		ar_die("no pattern: the -f files hold none");
	for (int i = 0; i < ar_kwic_count(kw); i++)
		if (ar_kwic_width(kw, i) + 2 > kw_width)
			kw_width = ar_kwic_width(kw, i) + 2;
	if (kw_width > 30)
		kw_width = 30;
	ar_kwic_ready(kw);
}

int
main(int argc, char *argv[])
{
	const char *pe[256], *pf[16];
	int c, npe = 0, npf = 0;
	struct ar_kwic_opts ko = { .mode = AR_KWIC_WORD, .steps = ar_steps_default };

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "e:f:i" AR_GREP_SHORTOPTS AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			if (npe == 256)
				ar_die("too many -e patterns (use -f FILE)");
			pe[npe++] = optarg;
			break;
		case 'f':
			if (npf == 16)
				ar_die("too many -f files");
			pf[npf++] = optarg;
			break;
		case OPT_EXACT: ko.exact = 1; break;
		case OPT_FOLD:
			if (ar_steps_parse(optarg, &ko.steps) < 0)
				ar_usage();
			break;
		case OPT_PREFIX: ko.mode = AR_KWIC_PREFIX; break;
		case OPT_SUBSTRING: ko.mode = AR_KWIC_SUBSTRING; break;
		case 'i': ko.icase = 1; break;
		case OPT_CONTEXT: context = (int)ar_parse_count(optarg, "--context", 100000); words_ctx = 0; break;
		case OPT_WORDS: words_ctx = (int)ar_parse_count(optarg, "--words", 10000); break;
		case OPT_SORT: parse_sort(optarg); break;
		case OPT_COUNT_FORMS: count_forms = 1; break;
		case OPT_COLLOCATES:
			colloc_win = optarg ? (int)ar_parse_count(optarg, "--collocates", 1000) : 5;
			if (!colloc_win)
				colloc_win = 1;
			break;
		case OPT_LEFT: coll_left = (int)ar_parse_count(optarg, "--left", 1000); break;
		case OPT_RIGHT: coll_right = (int)ar_parse_count(optarg, "--right", 1000); break;
		case OPT_MINFREQ: min_freq = (long)ar_parse_count(optarg, "--min-freq", 1000000000); break;
		case OPT_CLUSTERS:
			if ((clusters = (int)ar_parse_count(optarg, "--clusters", 100)) == 0)
				ar_die("--clusters=0: a cluster has one word at least");
			break;
		case OPT_STAT:
			for (stat = 0; stat_names[stat] && strcmp(optarg, stat_names[stat]); stat++)
				;
			if (!stat_names[stat])
				ar_die("--stat: '%s' is not ll, mi, t or logratio", optarg);
			break;
		case OPT_VISUAL: visual = 1; break;
		case OPT_COLOR: color = parse_color(optarg); break;
		default:
			if (!ar_grep_opt(c, optarg) && !ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (npe == 0 && npf == 0) {
		if (argc == 0)
			ar_usage();
		pe[npe++] = argv[0];
		argc--, argv++;
	}
	if (color < 0)
		color = ar_opts.format == AR_FMT_TEXT && isatty(1);
	if (color)
		hl_on = "\033[1;31m", hl_off = "\033[0m";
	if (ar_opts.headers == 0)
		show_doc = 0;
	if ((coll_left >= 0 || coll_right >= 0) && !colloc_win)
		colloc_win = 5;         /* --left or --right alone: collocates */
	if (colloc_win && coll_left == 0 && coll_right == 0)
		ar_die("--left=0 and --right=0: no word is near a hit");
	ko.every_line = colloc_win != 0;
	compile(&ko, pe, npe, pf, npf);
	colloc.left = coll_left >= 0 ? coll_left : colloc_win;
	colloc.right = coll_right >= 0 ? coll_right : colloc_win;
	colloc.nm = nm;

	nfiles = argc;
	if (!count_forms && !colloc_win && !clusters && !ar_grep_listing())
		ar_rows_begin(row_fields, (int)(sizeof row_fields / sizeof row_fields[0]));
	/* --collocates counts every word of a line: it holds the line */
	struct ar_loop lp = { .block = kwic_block, .begin = kwic_begin, .end = kwic_end,
		.done = kwic_done, .search = 1, .pieces = colloc_win ? 0 : KWIC_PIECE };
	if (ar_loop_run(&lp, argc, argv))
		return 2;
	return ar_grep_status();
}
