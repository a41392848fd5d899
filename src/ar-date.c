/* ar-date: find date and time expressions in Arabic news text and give each
 * its TIMEX3 / ISO 8601 value, resolving relative ones against the
 * document's reference date. The words come from share/ar-tools/months.tsv
 * and date-words.tsv; Hijri dates go through ummalqura.tsv. */
#include "lib/arlib.h"

#include <stdlib.h>

static const char usage[] =
    "[-Hh] [--ref=DATE] [--format=text|tsv|json|timeml] [FILE]...";
static const char help[] =
"Find the dates, times, durations and sets in Arabic (and English) news text\n"
"and write one row per expression with its value in TIMEX3 / ISO 8601 form.\n"
"Relative expressions (أمس الخميس, الأسبوع الماضي, 15 مايو الجاري) are resolved\n"
"against the reference date: --ref, else the document's publication line\n"
"(تاريخ النشر: ..., الجمعة 09/10/2020 - 04:30 ...) or crawl timestamp line\n"
"(2025-05-14@15:13:12 GMT, 2015-07-24 16:06:03, 2023-09-20T14:35:00Z).\n"
"\n"
"  -r, --ref=DATE       reference date YYYY-MM-DD (a time after it is ignored)\n"
"  -f, --format=FMT     text (default: DOC:LINE: VALUE  TEXT), tsv, json, timeml\n"
"      --tsv            same as --format=tsv (doc line start end text value type tz hijri)\n"
"      --json           same as --format=json (JSON Lines)\n"
"  -l, --lookahead=N    hold up to N lines at a document's start waiting for its\n"
"                       publication line (default 16; 0 never waits)\n"
AR_HELP_HEADERS
AR_HELP_STRICT
"      --line-buffered  flush every line (and do not wait for a publication line)\n"
AR_HELP_TAIL
"\n"
"Offsets are 0-based code points, end exclusive. Unknown parts are X\n"
"(XXXX-09-20). Exit status: 0 found, 1 nothing found, 2 trouble.\n"
"See ar-date(1) and ar-tools(7).\n";

/* the options */
enum { F_TEXT, F_TSV, F_JSON, F_TIMEML };
static int fmt = F_TEXT;
static int opt_ref;                     /* --ref was given: its day and time */
static long opt_ref_days;
static int opt_ref_sec = -1;
static unsigned long lookahead = 16;    /* --lookahead */

/* the run */
static struct ar_date *dt;              /* the grammar, with the reference */
static unsigned long found;             /* expressions written */
static unsigned long tid;               /* the document's last TIMEX3 id */
static int pub_seen;                    /* the document's publication line gave its day */

/* ------------------------------------------------------------------ */
/* output                                                               */

static void
out_num(unsigned long v)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%lu", v);
	ar_out_write(b, (size_t)n);
}

static void
out_xml(const char *s, size_t n)
{
	size_t a = 0;
	for (size_t i = 0; i < n; i++) {
		const char *r = s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
		    : s[i] == '&' ? "&amp;" : s[i] == '"' ? "&quot;" : NULL;
		if (r) {
			ar_out_write(s + a, i - a);
			ar_out_str(r);
			a = i + 1;
		}
	}
	ar_out_write(s + a, n - a);
}

static const char *
timex_type(const char *type)
{
	return !strcmp(type, "date") ? "DATE" : !strcmp(type, "time") ? "TIME"
	    : !strcmp(type, "set") ? "SET" : "DURATION";
}

/* the line with each expression inside a <TIMEX3> element */
static void
write_timeml(const char *s, size_t n, size_t nx)
{
	size_t at = 0;

	for (size_t k = 0; k < nx; k++) {
		const struct ar_date_expr *e = ar_date_get(dt, k);
		out_xml(s + at, e->b0 - at);
		ar_out_str("<TIMEX3 tid=\"t");
		out_num(++tid);
		ar_out_str("\" type=\"");
		ar_out_str(timex_type(e->type));
		ar_out_str("\" value=\"");
		out_xml(e->value, strlen(e->value));
		ar_out_str("\">");
		out_xml(s + e->b0, e->b1 - e->b0);
		ar_out_str("</TIMEX3>");
		at = e->b1;
	}
	out_xml(s + at, n - at);
	ar_out_eol();
}

static void
write_text(const char *s, const struct ar_date_expr *e, unsigned long lineno)
{
	ar_out_write(ar_doc.name, ar_doc.namelen);
	ar_out_putc(':');
	out_num(lineno);
	ar_out_str(": ");
	ar_out_str(e->value);
	ar_out_str("  ");
	ar_out_write(s + e->b0, e->b1 - e->b0);
}

static void
write_tsv(const char *s, const struct ar_date_expr *e, unsigned long lineno)
{
	ar_out_tsv_str(ar_doc.name, ar_doc.namelen);
	ar_out_putc('\t');
	out_num(lineno);
	ar_out_putc('\t');
	out_num(e->c0);
	ar_out_putc('\t');
	out_num(e->c1);
	ar_out_putc('\t');
	ar_out_tsv_str(s + e->b0, e->b1 - e->b0);
	ar_out_putc('\t');
	ar_out_str(e->value);
	ar_out_putc('\t');
	ar_out_str(e->type);
	ar_out_putc('\t');
	ar_out_tsv_str(e->tz, strlen(e->tz));
	ar_out_putc('\t');
	ar_out_str(e->hijri);
}

static void
write_json(const char *s, const struct ar_date_expr *e, unsigned long lineno)
{
	ar_out_str("{\"doc\":");
	ar_out_json_str(ar_doc.name, ar_doc.namelen);
	ar_out_str(",\"line\":");
	out_num(lineno);
	ar_out_str(",\"start\":");
	out_num(e->c0);
	ar_out_str(",\"end\":");
	out_num(e->c1);
	ar_out_str(",\"text\":");
	ar_out_json_str(s + e->b0, e->b1 - e->b0);
	ar_out_str(",\"value\":");
	ar_out_json_str(e->value, strlen(e->value));
	ar_out_str(",\"type\":\"");
	ar_out_str(e->type);
	ar_out_putc('"');
	if (e->tz[0]) {
		ar_out_str(",\"tz\":");
		ar_out_json_str(e->tz, strlen(e->tz));
	}
	if (e->hijri[0]) {
		ar_out_str(",\"hijri\":\"");
		ar_out_str(e->hijri);
		ar_out_putc('"');
	}
	ar_out_putc('}');
}

/* the rows of the line's nx expressions (TimeML: the line itself) */
static void
write_line(const char *s, size_t n, size_t nx, unsigned long lineno)
{
	found += nx;
	if (fmt == F_TIMEML) {
		write_timeml(s, n, nx);
		return;
	}
	for (size_t k = 0; k < nx; k++) {
		const struct ar_date_expr *e = ar_date_get(dt, k);
		if (fmt == F_TEXT)
			write_text(s, e, lineno);
		else if (fmt == F_TSV)
			write_tsv(s, e, lineno);
		else
			write_json(s, e, lineno);
		ar_out_eol();
	}
}

/* ------------------------------------------------------------------ */
/* documents: the reference date and the look-ahead for it              */

static void
set_ref_day(long days, int sec)
{
	struct ar_date_ref r = { .ok = 1, .days = days, .sec = sec };

	ar_date_set_ref(dt, &r);
}

/* YYYY-MM-DD, then T (or a space) and HH:MM[:SS]: the day and the
 * seconds after midnight (-1 without a time); -1 if it is neither */
static int
parse_ref(const char *s, long *days, int *sec)
{
	size_t n = strlen(s);
	int H, M, S = 0, k = 0;

	if (ar_parse_iso_day(s, n, days) < 0 || (n > 10 && s[10] != 'T' && s[10] != ' '))
		return -1;
	*sec = -1;
	if (n == 10)
		return 0;
	if (sscanf(s + 11, "%2d:%2d%n", &H, &M, &k) < 2 || (s[11 + k] == ':'
	    && sscanf(s + 12 + k, "%2d", &S) != 1) || H > 24 || M > 59 || S > 59)
		return -1;
	size_t end = 11 + (size_t)k + (s[11 + k] == ':' ? 3 : 0);
	if (end != n || !(s[11] >= '0' && s[11] <= '9'))
		return -1;
	*sec = H * 3600 + M * 60 + S;
	return 0;
}

/* A publication line sets the reference; a crawl line too while there is
 * none from a publication line, if crawl (lines held for the look-ahead
 * take their crawl line in order, when they are let go). Returns the
 * line's kind. */
static int
take_ref(const char *s, size_t n, int crawl)
{
	struct ar_pub pub;
	int kind = ar_pub_line(dt, s, n, &pub);

	int sec = pub.H >= 0 ? pub.H * 3600 + pub.M * 60 + (pub.S > 0 ? pub.S : 0) : -1;
	if (kind == AR_PUB_PUBLISHED && pub.ok) {
		set_ref_day(pub.days, sec);
		pub_seen = 1;
	} else if (kind == AR_PUB_CRAWLED && crawl && !pub_seen && pub.ok) {
		set_ref_day(pub.days, sec);
	}
	return kind;
}

static void
process(const char *s, size_t n, unsigned long lineno)
{
	if (!opt_ref)
		take_ref(s, n, 1);
	size_t nx = ar_date_scan(dt, s, n);
	if (nx || fmt == F_TIMEML)
		write_line(s, n, nx, lineno);
}

/* lines held at a document's start until its publication line shows */
static struct ar_buf pend;              /* the lines' bytes */
static struct { size_t off, len; unsigned long lineno; } *pl;
static size_t npl, cappl;
static int holding;

static void
flush_pending(void)
{
	for (size_t k = 0; k < npl; k++)        /* empty lines leave pend.s NULL */
		process(pend.s ? pend.s + pl[k].off : "", pl[k].len, pl[k].lineno);
	npl = 0;
	pend.len = 0;
	holding = 0;
}

static void
hold(const char *s, size_t n)
{
	if (npl == cappl) {
		cappl = cappl ? cappl * 2 : 16;
		pl = ar_realloc(pl, cappl * sizeof *pl);
	}
	pl[npl].off = pend.len;
	pl[npl].len = n;
	pl[npl].lineno = ar_doc.line;
	npl++;
	ar_buf_add(&pend, s, n);
	if (npl >= lookahead || pend.len > (1u << 20))
		flush_pending();
}

static int
date_line(const char *s, size_t n, void *ctx)
{
	(void)ctx;
	if (!holding) {
		process(s, n, ar_doc.line);
	} else if (take_ref(s, n, 0) == AR_PUB_PUBLISHED) {
		flush_pending();
		process(s, n, ar_doc.line);
	} else {
		hold(s, n);
	}
	return 0;
}

static int
date_begin(void *ctx)
{
	(void)ctx;
	if (opt_ref)
		set_ref_day(opt_ref_days, opt_ref_sec);
	else
		ar_date_set_ref(dt, NULL);
	pub_seen = 0;
	tid = 0;
	npl = 0;
	pend.len = 0;
	holding = !opt_ref && lookahead > 0 && !ar_opts.line_buffered;
	return 0;
}

static int
date_end(void *ctx)
{
	(void)ctx;
	flush_pending();
	return 0;
}

/* ------------------------------------------------------------------ */

enum { OPT_WORDS = AR_OPT_TOOL, OPT_MONTHS };
static const struct option longopts[] = {
	{ "ref",       required_argument, NULL, 'r' },
	{ "lookahead", required_argument, NULL, 'l' },
	{ "words",     required_argument, NULL, OPT_WORDS },
	{ "months",    required_argument, NULL, OPT_MONTHS },
	AR_COMMON_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static void
set_format(const char *name)
{
	if (!strcmp(name, "text")) fmt = F_TEXT;
	else if (!strcmp(name, "tsv")) fmt = F_TSV;
	else if (!strcmp(name, "json") || !strcmp(name, "jsonl")) fmt = F_JSON;
	else if (!strcmp(name, "timeml")) fmt = F_TIMEML;
	else {
		ar_warn("unknown format '%s' (text, tsv, json or timeml)", name);
		ar_usage();
	}
}

int
main(int argc, char *argv[])
{
	int c;
	const char *words = NULL, *months = NULL;
	char *end;

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "r:f:l:" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (parse_ref(optarg, &opt_ref_days, &opt_ref_sec) < 0) {
				ar_warn("bad --ref '%s' (want YYYY-MM-DD or YYYY-MM-DDTHH:MM)", optarg);
				ar_usage();
			}
			opt_ref = 1;
			break;
		case 'f':
		case AR_OPT_FORMAT:
			set_format(optarg);
			break;
		case AR_OPT_TSV:  fmt = F_TSV; break;
		case AR_OPT_JSON: fmt = F_JSON; break;
		case 'l':
			lookahead = strtoul(optarg, &end, 10);
			if (*end || !*optarg) {
				ar_warn("bad --lookahead '%s'", optarg);
				ar_usage();
			}
			break;
		case OPT_WORDS:  words = optarg; break;
		case OPT_MONTHS: months = optarg; break;
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;

	dt = ar_date_new(words, months);
	if (fmt == F_TSV) {
		ar_out_str("doc\tline\tstart\tend\ttext\tvalue\ttype\ttz\thijri");
		ar_out_eol();
	}
	/* headers go with the text and TimeML outputs; TSV and JSON name the
	 * document in their doc field */
	struct ar_loop lp = { .line = date_line, .begin = date_begin, .end = date_end,
	    .echo_headers = fmt == F_TEXT || fmt == F_TIMEML };
	int st = ar_loop_run(&lp, argc, argv);
	if (st == 0 && !found)
		st = 1;
	return st;
}
