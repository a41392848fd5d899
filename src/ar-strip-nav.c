/* ar-strip-nav: keep the article, drop the page chrome.
 *
 * The page classifier is the engine in src/lib/nav.c, navpage.c and
 * navlex.c (ar_nav_*): it holds a page, decides it and hands back every
 * line with its verdict, the layer that decided and the page it is on.
 * This file holds the options and the printing: the kept text, the
 * --explain rows (text, TSV, CSV or JSON through the shared row printer),
 * or one JSON object per page. */
#include "lib/arlib.h"

#include <stdlib.h>

static const char usage[] =
"[-Hhra] [-k LIST] [--explain] [--rules=FILE] [--learn=FILE] [--no-unwrap]\n"
"    [--format=text|tsv|csv|json] [--output-dir=DIR] [FILE]...";
static const char help[] =
"Reduce scraped news pages to the article: title, meta lines (date, byline),\n"
"body paragraphs and attribution. Menus, share bars, tickers, tag lines,\n"
"lists of links, \"read also\" sections and other articles, tweets, widgets,\n"
"captions and site trailers are dropped.\n"
"\n"
"      --explain        write every line with its decision, TSV: doc line\n"
"                       action rule text (action K, D, or S for a line with\n"
"                       a span removed; rule the layer that decided and why,\n"
"                       then the line's class); with --format, those rows as\n"
"                       TSV or CSV with a header line, or JSON Lines\n"
"  -k, --keep=LIST      keep these kinds after all (comma-separated rule names\n"
"                       such as tweets,tags,source; layers page, list,\n"
"                       cohesion, template, vocab; or blank, dup, headline,\n"
"                       stat: all that no rule drops)\n"
"      --rules=FILE     also apply the rules in FILE (tried first); repeatable\n"
"      --list-rules     list the rules in use and exit\n"
"      --learn=FILE     read the site templates learnt by earlier runs from\n"
"                       FILE (lines seen on many pages) and write them back,\n"
"                       with this run's, at the end (bounded, see the manual)\n"
"      --no-unwrap      do not read a page cut to a fixed width (a text\n"
"                       browser's dump) a paragraph at a time\n"
"      --format=FMT     text (default), tsv, csv or json; tsv and csv: the\n"
"                       --explain rows with a header line; json: one object\n"
"                       per page (name, title, date, date_line, crawled,\n"
"                       source, attribution, body, dropped)\n"
"      --tsv, --csv, --json  short for --format=tsv, csv, json\n"
"      --bom            with csv: start with a byte order mark\n"
"      --output-dir=DIR write each page's article to DIR/NAME (text format)\n"
AR_HELP_HEADERS
AR_HELP_INPUT
AR_HELP_STRICT
"      --line-buffered  flush every line\n"
AR_HELP_TAIL
"\n"
"A page starts at each file, \\f header, crawler header (source: and a\n"
"timestamp line) or publication line after a dropped section; it is held\n"
"whole (a page of more than 20,000 lines or 4 MB is decided in pieces).\n"
"A document whose lines were cut to one width of 40 to 160 columns is read\n"
"with each paragraph joined; its lines still come out as they came in.\n"
"With no FILE, or when FILE is -, read standard input. Exit status: 0 ok,\n"
"2 trouble. See ar-strip-nav(1) and ar-tools(7).\n";

/* ar_buf_add that never hands memcpy a null pointer (empty lines) */
static void
badd(struct ar_buf *b, const void *p, size_t n)
{
	if (b->cap == 0)
		ar_buf_grow(b, 64);
	if (n)
		ar_buf_add(b, p, n);
}

static struct ar_nav *nav;
static int explain;             /* --explain, --tsv, --csv: a row per line */
static int headers_on;

/* the --explain rows, through the shared row printer */
static const struct ar_field explain_fields[] = {
	{ "doc", AR_F_STR }, { "line", AR_F_NUM }, { "action", AR_F_STR },
	{ "rule", AR_F_STR }, { "text", AR_F_STR },
};

/* the page being written (a document holds one or more pages) */
static struct {
	struct ar_buf name, title, source, attr, body;
	struct ar_buf date, date_line, crawled;  /* from the page model */
	int has_title, has_date, has_crawled;
	unsigned long dropped;
	int open;
	int header_due;         /* a header goes before its first line */
	struct ar_buf why;      /* --explain's reason, for the line at hand */
} pg;

static void
page_begin(unsigned long page)
{
	pg.name.len = pg.title.len = pg.source.len = pg.attr.len = 0;
	pg.body.len = 0;
	pg.has_title = pg.has_date = pg.has_crawled = 0;
	pg.dropped = 0;
	pg.open = 1;
	badd(&pg.name, ar_doc.name, ar_doc.namelen);
	pg.header_due = !explain && ar_opts.format == AR_FMT_TEXT
	    && (page > 1 ? headers_on || ar_doc.want_header : ar_doc.want_header);
	if (page > 1) {
		char num[32];
		int l = snprintf(num, sizeof num, "#%lu", page);
		badd(&pg.name, num, (size_t)l);
	}
}

/* The page's header, once its model has found the date: every field the
 * input's header had, date= and crawled= from the page. */
static void
page_header(void)
{
	if (!pg.header_due)
		return;
	pg.header_due = 0;
	ar_doc_set_field("date", pg.has_date ? pg.date.s : NULL, pg.date.len);
	ar_doc_set_field("crawled", pg.has_crawled ? pg.crawled.s : NULL, pg.crawled.len);
	int want = ar_doc.want_header;
	ar_doc.want_header = 1;
	ar_out_header_doc(pg.name.s, pg.name.len);
	ar_doc.want_header = want;
}

static void
json_field(const char *key, const char *s, size_t n)
{
	ar_out_printf(",\"%s\":", key);
	if (s)
		ar_out_json_str(s, n);
	else
		ar_out_str("null");
}

static void
json_buf(const char *key, const struct ar_buf *b, int present)
{
	json_field(key, present ? (b->s ? b->s : "") : NULL, b->len);
}

/* what the page model found, kept until the page's object is written */
static void
page_info(const struct ar_nav_page *in)
{
	if (in->date && !pg.has_date) {
		pg.date.len = pg.date_line.len = 0;
		badd(&pg.date, in->date, strlen(in->date));
		badd(&pg.date_line, in->date_line, in->date_linelen);
		pg.has_date = 1;
	}
	if (in->crawled && !pg.has_crawled) {
		pg.crawled.len = 0;
		badd(&pg.crawled, in->crawled, strlen(in->crawled));
		pg.has_crawled = 1;
	}
}

static void
page_end(void)
{
	if (!pg.open)
		return;
	pg.open = 0;
	page_header();          /* a page with no line still has its header */
	if (ar_opts.format != AR_FMT_JSON || explain)
		return;
	ar_out_str("{\"name\":");
	ar_out_json_str(pg.name.s ? pg.name.s : "", pg.name.len);
	json_buf("title", &pg.title, pg.has_title);
	json_buf("date", &pg.date, pg.has_date);
	json_buf("date_line", &pg.date_line, pg.has_date);
	json_buf("crawled", &pg.crawled, pg.has_crawled);
	json_buf("source", &pg.source, pg.source.len > 0);
	json_buf("attribution", &pg.attr, pg.attr.len > 0);
	ar_out_str(",\"body\":[");
	for (size_t i = 0, k = 0; i < pg.body.len; k++) {
		size_t n;
		memcpy(&n, pg.body.s + i, sizeof n);
		i += sizeof n;
		if (k)
			ar_out_putc(',');
		ar_out_json_str(pg.body.s + i, n);
		i += n;
	}
	ar_out_printf("],\"dropped\":%lu}", pg.dropped);
	ar_out_eol();
}

/* --explain: doc line action rule text */
static void
explain_row(const struct ar_nav_line *ln)
{
	static const char verdict[][2] = { [AR_NAV_KEEP] = "K", [AR_NAV_DROP] = "D",
	    [AR_NAV_SPAN] = "S" };

	pg.why.len = 0;
	ar_nav_explain(ln, &pg.why);
	if (ar_opts.format == AR_FMT_TEXT) {
		ar_out_tsv_str(pg.name.s ? pg.name.s : "", pg.name.len);
		ar_out_printf("\t%lu\t%s\t", ln->lineno, verdict[ln->verdict]);
		ar_out_write(pg.why.s, pg.why.len);
		ar_out_putc('\t');
		ar_out_tsv_str(ln->text, ln->len);
		ar_out_eol();
		return;
	}
	ar_row_str(pg.name.s ? pg.name.s : "", pg.name.len);
	ar_row_num(ln->lineno);
	ar_row_cstr(verdict[ln->verdict]);
	ar_row_str(pg.why.s ? pg.why.s : "", pg.why.len);
	ar_row_str(ln->text, ln->len);
	ar_row_end();
}

/* --json: the kept line goes to its part of the page object */
static void
json_line(const struct ar_nav_line *ln)
{
	const char *s = ln->kept;
	size_t n = ln->keptlen;

	switch (ln->role) {
	case AR_NAV_ROLE_TITLE:
		badd(&pg.title, s, n);
		pg.has_title = 1;
		break;
	case AR_NAV_ROLE_DATE:
		break;                  /* date and date_line, from the page */
	case AR_NAV_ROLE_ATTRIBUTION:
		if (pg.attr.len)
			badd(&pg.attr, " | ", 3);
		badd(&pg.attr, s, n);
		break;
	default:
		/* length, then the bytes; written out at the page end */
		badd(&pg.body, &n, sizeof n);
		badd(&pg.body, s, n);
	}
}

/* the engine's callback: every line, in order, decided */
static void
on_line(const struct ar_nav_line *ln, void *ctx)
{
	(void)ctx;
	if (ln->newpage) {
		page_end();
		page_begin(ln->page);
	}
	if (ln->first) {
		page_info(ln->pg);
		page_header();
	}
	if (ln->source) {
		pg.source.len = 0;
		badd(&pg.source, ln->source, ln->sourcelen);
	}
	if (explain) {
		explain_row(ln);
	} else if (ln->verdict == AR_NAV_DROP) {
		pg.dropped++;
	} else if (ar_opts.format == AR_FMT_JSON) {
		json_line(ln);
	} else {
		ar_out_write(ln->kept, ln->keptlen);
		ar_out_eol();
	}
}

static int
strip_line(const char *s, size_t n, void *ctx)
{
	(void)ctx;
	ar_nav_line(nav, s, n, ar_doc.line);
	return 0;
}

static int
doc_begin(void *ctx)
{
	(void)ctx;
	ar_nav_doc_begin(nav);
	page_begin(1);
	return 0;
}

static int
doc_end(void *ctx)
{
	(void)ctx;
	ar_nav_doc_end(nav);
	page_end();
	return 0;
}

static void
apply_keep(const char *list)
{
	char *l = strdup(list), *tok, *save = NULL;

	if (!l)
		ar_die("out of memory");
	for (tok = strtok_r(l, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save))
		if (ar_nav_keep(nav, tok) < 0) {
			ar_warn("unknown kind '%s' for --keep (rule names from --list-rules, "
			    "page, list, cohesion, template, vocab, or blank, dup, headline, "
			    "stat)", tok);
			ar_usage();
		}
	free(l);
}

static int
list_rules(void)
{
	for (int i = 0; i < ar_nav_nrules(nav); i++) {
		struct ar_nav_rule r = ar_nav_rule(nav, i);
		ar_out_printf("%s\t%s\t%s%s\n", r.pattern, ar_nav_action_name(r.action),
		    r.name, r.kept ? "\tkept" : "");
	}
	return ar_out_close();
}

enum { OPT_EXPLAIN = AR_OPT_TOOL, OPT_RULES, OPT_LIST_RULES, OPT_LEARN, OPT_NO_UNWRAP };
static const struct option longopts[] = {
	{ "explain",    no_argument,       NULL, OPT_EXPLAIN },
	{ "keep",       required_argument, NULL, 'k' },
	{ "rules",      required_argument, NULL, OPT_RULES },
	{ "list-rules", no_argument,       NULL, OPT_LIST_RULES },
	{ "learn",      required_argument, NULL, OPT_LEARN },
	{ "no-unwrap",  no_argument,       NULL, OPT_NO_UNWRAP },
	AR_COMMON_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	AR_FILTER_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	const char *user[64], *keep_list = NULL, *learn = NULL;
	int c, nuser = 0, list = 0, unwrap = 1;

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "k:" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case OPT_EXPLAIN:
			explain = 1;
			break;
		case 'k':
			keep_list = optarg;
			break;
		case OPT_RULES:
			if (nuser == 64)
				ar_die("too many --rules files");
			user[nuser++] = optarg;
			break;
		case OPT_LIST_RULES:
			list = 1;
			break;
		case OPT_LEARN:
			learn = optarg;
			break;
		case OPT_NO_UNWRAP:
			unwrap = 0;
			break;
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (ar_opts.format == AR_FMT_TSV || ar_opts.format == AR_FMT_CSV)
		explain = 1;

	if (!(nav = ar_nav_new(on_line, NULL)))
		return 2;
	for (c = 0; c < nuser; c++)
		if (ar_nav_rules_file(nav, user[c]) < 0)
			return 2;
	if (keep_list)
		apply_keep(keep_list);
	if (learn && ar_nav_learn(nav, learn) < 0)
		return 2;
	ar_nav_unwrap(nav, unwrap);
	ar_nav_ready(nav);
	if (list)
		return list_rules();

	headers_on = ar_opts.headers < 0 ? argc > 0 : ar_opts.headers;
	if (explain && ar_opts.format != AR_FMT_TEXT)
		ar_rows_begin(explain_fields, (int)(sizeof explain_fields / sizeof *explain_fields));
	struct ar_loop lp = {
		.line = strip_line, .begin = doc_begin, .end = doc_end,
		/* the headers wait for the page's date (page_header) */
		.filter = ar_opts.format == AR_FMT_TEXT && !explain,
	};
	if (ar_opts.output_dir && !lp.filter)
		ar_die("--output-dir writes the text of the articles, not %s",
		    explain ? "--explain rows" : ar_opts.format_name);
	int rc = ar_loop_run(&lp, argc, argv);
	if (ar_nav_finish(nav) < 0)
		rc = 2;
	ar_nav_free(nav);
	return rc;
}
