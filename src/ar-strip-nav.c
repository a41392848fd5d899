/* ar-strip-nav: keep the article, drop the page chrome.
 *
 * The page classifier is the engine in src/lib/nav.c (ar_nav_*): it hands
 * back every line with its verdict and reason. This file holds the options
 * and the printing: the kept text, the --explain rows, or one JSON object
 * per page. */
#include "lib/arlib.h"

#include <stdlib.h>

static const char usage[] =
"[-Hh] [-e] [-k LIST] [-r FILE] [--format=text|tsv|json] [FILE]...";
static const char help[] =
"Reduce scraped news pages to the article: title, publication line, byline,\n"
"body paragraphs and attribution. Menus, share bars, tickers, tag lines,\n"
"\"read also\" sections, tweets, widgets and site trailers are dropped.\n"
"\n"
"  -e, --explain        write every line with its decision, TSV:\n"
"                       doc line action rule text (action K, D, or S for a\n"
"                       line with a span removed); doc is the page name\n"
"  -k, --keep=LIST      keep these kinds after all (comma-separated rule names\n"
"                       such as tweets,tags,source, or blank, dup, headline, stat)\n"
"  -r, --rules=FILE     also apply the rules in FILE (tried first); repeatable\n"
"  -l, --list-rules     list the rules in use and exit\n"
"      --format=FMT     text (default), tsv (--explain with a header line) or\n"
"                       json: one object per page (name, title, date,\n"
"                       source, attribution, body, dropped)\n"
"      --tsv, --json    short for --format=tsv, --format=json\n"
AR_HELP_HEADERS
AR_HELP_STRICT
"      --line-buffered  flush every line\n"
AR_HELP_TAIL
"\n"
"A page starts at each file, \\f header, crawler header (source: and a\n"
"timestamp line) or publication line after a dropped section.\n"
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
static int explain;             /* --explain, --tsv: a row per line */
static int headers_on;

/* the page being written (a document holds one or more pages) */
static struct {
	struct ar_buf name, title, date, source, attr, body;
	int has_title, has_date;
	unsigned long dropped;
	int open;
	struct ar_buf why;      /* --explain's reason, for the line at hand */
} pg;

static void
page_begin(unsigned long page)
{
	pg.name.len = pg.title.len = pg.date.len = pg.source.len = pg.attr.len = 0;
	pg.body.len = 0;
	pg.has_title = pg.has_date = 0;
	pg.dropped = 0;
	pg.open = 1;
	badd(&pg.name, ar_doc.name, ar_doc.namelen);
	if (page > 1) {
		char num[32];
		int l = snprintf(num, sizeof num, "#%lu", page);
		badd(&pg.name, num, (size_t)l);
		if (headers_on && !explain && ar_opts.format == AR_FMT_TEXT)
			ar_out_header(pg.name.s, pg.name.len);
	}
}

static void
json_field(const char *key, const struct ar_buf *b, int present)
{
	ar_out_printf(",\"%s\":", key);
	if (present)
		ar_out_json_str(b->s ? b->s : "", b->len);
	else
		ar_out_str("null");
}

static void
page_end(void)
{
	if (!pg.open)
		return;
	pg.open = 0;
	if (ar_opts.format != AR_FMT_JSON || explain)
		return;
	ar_out_str("{\"name\":");
	ar_out_json_str(pg.name.s ? pg.name.s : "", pg.name.len);
	json_field("title", &pg.title, pg.has_title);
	json_field("date", &pg.date, pg.has_date);
	json_field("source", &pg.source, pg.source.len > 0);
	json_field("attribution", &pg.attr, pg.attr.len > 0);
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
	static const char verdict[] = { [AR_NAV_KEEP] = 'K', [AR_NAV_DROP] = 'D',
	    [AR_NAV_SPAN] = 'S' };

	ar_out_tsv_str(pg.name.s ? pg.name.s : "", pg.name.len);
	ar_out_printf("\t%lu\t%c\t", ln->lineno, verdict[ln->verdict]);
	pg.why.len = 0;
	ar_nav_explain(ln, &pg.why);
	ar_out_write(pg.why.s, pg.why.len);
	ar_out_putc('\t');
	ar_out_tsv_str(ln->text, ln->len);
	ar_out_eol();
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
		badd(&pg.date, s, n);
		pg.has_date = 1;
		break;
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
			    "or blank, dup, headline, stat)", tok);
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

static const struct option longopts[] = {
	{ "explain",    no_argument,       NULL, 'e' },
	{ "keep",       required_argument, NULL, 'k' },
	{ "rules",      required_argument, NULL, 'r' },
	{ "list-rules", no_argument,       NULL, 'l' },
	AR_COMMON_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	const char *user[64], *keep_list = NULL;
	int c, nuser = 0, list = 0;

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "ek:r:l" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			explain = 1;
			break;
		case 'k':
			keep_list = optarg;
			break;
		case 'r':
			if (nuser == 64)
				ar_die("too many --rules files");
			user[nuser++] = optarg;
			break;
		case 'l':
			list = 1;
			break;
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (ar_opts.format == AR_FMT_TSV)
		explain = 1;

	if (!(nav = ar_nav_new(on_line, NULL)))
		return 2;
	for (c = 0; c < nuser; c++)
		if (ar_nav_rules_file(nav, user[c]) < 0)
			return 2;
	if (keep_list)
		apply_keep(keep_list);
	ar_nav_ready(nav);
	if (list)
		return list_rules();

	headers_on = ar_opts.headers < 0 ? argc > 0 : ar_opts.headers;
	if (ar_opts.format == AR_FMT_TSV)
		ar_out_str("doc\tline\taction\trule\ttext\n");
	struct ar_loop lp = {
		.line = strip_line, .begin = doc_begin, .end = doc_end,
		.echo_headers = !explain && ar_opts.format == AR_FMT_TEXT,
	};
	return ar_loop_run(&lp, argc, argv);
}
