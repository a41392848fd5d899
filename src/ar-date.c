/* ar-date: find date and time expressions in Arabic news text and give each
 * its TIMEX3 / ISO 8601 value, resolving relative ones against the
 * document's reference: --ref, the header's date=, the publication line,
 * the crawl line. The grammar is the library's (date.c), its words in
 * share/ar-tools/months.tsv, date-words.tsv and holidays.tsv; Hijri dates
 * go through ummalqura.tsv. */
#include "lib/arlib.h"

#include <stdlib.h>

static const char usage[] =
    "[-HhcLlq] [-m NUM] [--ref=DATE] [--format=FMT] [--lookahead=N] [FILE]...";
static const char help[] =
"Find the dates, times, durations and sets in Arabic (and English) news text\n"
"and write one row per expression with its value in TIMEX3 / ISO 8601 form.\n"
"Relative expressions (أمس الخميس, الأسبوع الماضي, قبل ساعتين) are resolved\n"
"against the reference: --ref, else the document header's date=, else its\n"
"publication line (تاريخ النشر: ..., الجمعة 09/10/2020 - 04:30 ...) or crawl\n"
"line (2025-05-14@15:13:12 GMT, 2015-07-24 16:06:03, 2023-09-20T14:35:00Z).\n"
"\n"
"      --ref=DATE       the reference: YYYY-MM-DD[THH:MM[:SS]], for every document\n"
"      --format=FMT     text (default: DOC:LINE: VALUE  TEXT), tsv, json, csv,\n"
"                       timeml (a TimeML document per input document)\n"
"      --tsv, --json, --csv  the same as --format=tsv, json, csv\n"
"      --bom            CSV: start with a byte order mark (for spreadsheets)\n"
"      --lookahead=N    hold up to N lines at a document's start waiting for its\n"
"                       publication line (default 16; 0 never waits)\n"
"      --words=FILE     the grammar's words instead of date-words.tsv\n"
"      --months=FILE    the month names instead of months.tsv\n"
"      --holidays=FILE  more holidays, in the form of holidays.tsv\n"
AR_HELP_GREP
AR_HELP_HEADERS
AR_HELP_INPUT
AR_HELP_STRICT
"      --line-buffered  flush every line (and do not wait for a publication line)\n"
AR_HELP_TAIL
"\n"
"Offsets are 0-based code points, end exclusive. Unknown parts are X\n"
"(XXXX-09-20). The date column is the document's date, ref where the\n"
"reference came from (--ref, header, or LINE:START-END of the expression).\n"
"Exit status: 0 found, 1 nothing found, 2 trouble. See ar-date(1).\n";

/* the options */
static int timeml;                      /* --format=timeml */
static int opt_ref;                     /* --ref was given: its day and time */
static long opt_ref_days;
static int opt_ref_sec = -1;
static unsigned long lookahead = 16;    /* --lookahead */

/* the run */
static struct ar_date *dt;              /* the grammar, with the reference */
static int nfiles;                      /* file operands (-c names them when several) */

/* the document */
static struct {
	unsigned long tid;              /* its last TIMEX3 id */
	int pub_seen;                   /* a publication line gave the reference */
	int hdr_date;                   /* the header gave its date */
	int started;                    /* TimeML: the prolog is written */
	int stop;                       /* -m reached: the rest is read over */
	char date[40];                  /* its date (ISO), or "" */
	char ref[48];                   /* where the reference came from, or "" */
	char ref_tid[24];               /* TimeML: the TIMEX3 holding the reference */
	unsigned long ref_line;         /* the line that gave the reference, or 0 */
	size_t ref_c0;                  /* and where on it */
} doc;

/* ------------------------------------------------------------------ */
/* output                                                               */

/* s with the C0 controls and DEL as their control pictures (names from a
 * header, text in TimeML: XML 1.0 cannot carry C0, a terminal should not
 * be driven by them); TimeML escapes the markup characters too */
static void
out_safe(const char *s, size_t n, int xml)
{
	size_t a = 0, i = 0;

	/* most text has none of them: found with one test a byte */
	if (!xml)
		while (i < n && (unsigned char)s[i] >= 0x20 && s[i] != 0x7F)
			i++;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *r = NULL;
		char pic[4];
		if (xml && c == '<') r = "&lt;";
		else if (xml && c == '>') r = "&gt;";
		else if (xml && c == '&') r = "&amp;";
		else if (xml && c == '"') r = "&quot;";
		else if ((c < 0x20 && c != '\t') || c == 0x7F)
			pic[ar_u8enc(c == 0x7F ? 0x2421 : 0x2400 + c, pic)] = 0, r = pic;
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

static void
write_text(const char *s, const struct ar_date_expr *e, unsigned long lineno)
{
	out_safe(ar_doc.name, ar_doc.namelen, 0);
	ar_out_putc(':');
	ar_out_num(lineno);
	ar_out_str(": ");
	ar_out_str(e->value);
	ar_out_str("  ");
	out_safe(s + e->b0, e->b1 - e->b0, 0);
	ar_out_eol();
}

static const struct ar_field fields[] = {
	{ "doc", AR_F_STR }, { "line", AR_F_NUM }, { "start", AR_F_NUM },
	{ "end", AR_F_NUM }, { "text", AR_F_STR }, { "value", AR_F_STR },
	{ "type", AR_F_STR }, { "tz", AR_F_STR | AR_F_OPT },
	{ "hijri", AR_F_STR | AR_F_OPT }, { "date", AR_F_STR | AR_F_OPT },
	{ "ref", AR_F_STR | AR_F_OPT },
};

/* a row of TSV, JSON Lines or CSV */
static void
write_row(const char *s, const struct ar_date_expr *e, unsigned long lineno)
{
	ar_row_str(ar_doc.name, ar_doc.namelen);
	ar_row_num(lineno);
	ar_row_num(e->c0);
	ar_row_num(e->c1);
	ar_row_str(s + e->b0, e->b1 - e->b0);
	ar_row_cstr(e->value);
	ar_row_cstr(e->type);
	ar_row_cstr(e->tz);
	ar_row_cstr(e->hijri);
	ar_row_cstr(doc.date);
	ar_row_cstr(e->ref.ok ? doc.ref : "");
	ar_row_end();
}

/* ---- TimeML: a document per input document ---- */

/* the prolog, with the document creation time (the reference) as t0 */
static void
timeml_start(void)
{
	const struct ar_date_ref *r = ar_date_get_ref(dt);

	doc.started = 1;
	snprintf(doc.ref_tid, sizeof doc.ref_tid, "t0");
	ar_out_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>");
	out_safe(ar_doc.name, ar_doc.namelen, 1);
	ar_out_str("</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"");
	ar_out_str(r->ok && r->sec >= 0 ? "TIME" : "DATE");
	ar_out_str("\" value=\"");
	if (!r->ok) {
		ar_out_str("XXXX-XX-XX");
	} else {
		int y, m, d;
		ar_civil_from_days(r->days, &y, &m, &d);
		ar_out_printf("%04d-%02d-%02d", y, m, d);
		if (r->sec >= 0)
			ar_out_printf("T%02d:%02d", r->sec / 3600, r->sec / 60 % 60);
	}
	ar_out_str("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\"/></DCT>\n<TEXT>\n");
}

static void
timeml_end(void)
{
	if (!doc.started)
		timeml_start();
	ar_out_str("</TEXT>\n</TimeML>\n");
}

/* one TIMEX3 element around the expression; a relative one is anchored
 * to the reference; ago and in carry their amount as an empty DURATION
 * between the point and the reference */
static void
timeml_timex(const char *s, const struct ar_date_expr *e)
{
	unsigned long me = ++doc.tid;

	ar_out_printf("<TIMEX3 tid=\"t%lu\" type=\"%s\" value=\"", me, timex_type(e->type));
	out_safe(e->value, strlen(e->value), 1);
	ar_out_putc('"');
	if (e->relative && e->ref.ok) {
		ar_out_str(" temporalFunction=\"true\" anchorTimeID=\"");
		ar_out_str(doc.ref_tid);
		ar_out_putc('"');
	}
	if (e->offset == 2)
		ar_out_printf(" endPoint=\"%s\"", doc.ref_tid);
	ar_out_putc('>');
	out_safe(s + e->b0, e->b1 - e->b0, 1);
	ar_out_str("</TIMEX3>");
	if ((e->offset == 1 || e->offset == -1) && e->ref.ok) {
		ar_out_printf("<TIMEX3 tid=\"t%lu\" type=\"DURATION\" value=\"%s\" ", ++doc.tid, e->amount);
		if (e->offset < 0)
			ar_out_printf("beginPoint=\"t%lu\" endPoint=\"%s\"/>", me, doc.ref_tid);
		else
			ar_out_printf("beginPoint=\"%s\" endPoint=\"t%lu\"/>", doc.ref_tid, me);
	}
}

/* the line, each expression inside its TIMEX3, the rest escaped */
static void
timeml_line(const char *s, size_t n, unsigned long lineno)
{
	const struct ar_date_expr *e;
	size_t at = 0;
	int stop = 0;

	if (!doc.started)
		timeml_start();
	ar_date_begin(dt, s, n);
	while (!stop && (e = ar_date_next(dt))) {
		int what = ar_grep_hit();
		out_safe(s + at, e->b0 - at, 1);
		timeml_timex(s, e);
		at = e->b1;
		/* the publication line's expression holds the reference from here */
		if (lineno == doc.ref_line && e->c0 == doc.ref_c0 && doc.tid > 0)
			snprintf(doc.ref_tid, sizeof doc.ref_tid, "t%lu",
			    e->offset == 1 || e->offset == -1 ? doc.tid - 1 : doc.tid);
		if (what == AR_GREP_LAST)
			stop = doc.stop = 1;
	}
	out_safe(s + at, n - at, 1);
	ar_out_eol();
}

/* the rows of a line's expressions (TimeML: the line itself) */
static void
process(const char *s, size_t n, unsigned long lineno)
{
	const struct ar_date_expr *e;

	if (doc.stop)
		return;
	if (timeml) {
		timeml_line(s, n, lineno);
		return;
	}
	ar_date_begin(dt, s, n);
	while ((e = ar_date_next(dt))) {
		int what = ar_grep_hit();
		if (what == AR_GREP_STOP) {
			doc.stop = 1;
			return;
		}
		if (what == AR_GREP_SKIP)
			continue;
		if (ar_opts.format == AR_FMT_TEXT)
			write_text(s, e, lineno);
		else
			write_row(s, e, lineno);
		if (what == AR_GREP_LAST) {
			doc.stop = 1;
			return;
		}
	}
}

/* ------------------------------------------------------------------ */
/* documents: the reference and the look-ahead for it                   */

static void
set_ref(long days, int sec)
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
	if (!(s[11] >= '0' && s[11] <= '9') || sscanf(s + 11, "%2d:%2d%n", &H, &M, &k) < 2
	    || (s[11 + k] == ':' && sscanf(s + 12 + k, "%2d", &S) != 1) || H > 24 || M > 59
	    || S > 59)
		return -1;
	if (11 + (size_t)k + (s[11 + k] == ':' ? 3 : 0) != n)
		return -1;
	*sec = H * 3600 + M * 60 + S;
	return 0;
}

/* The header's date= is the document's date, and its reference unless
 * --ref is given; a value that is no date is warned about and left */
static void
take_header_date(void)
{
	size_t n;
	const char *v = ar_doc_field("date", &n);
	char b[40];
	long days;
	int sec;

	if (!v)
		return;
	if (n >= sizeof b || (memcpy(b, v, n), b[n] = 0, parse_ref(b, &days, &sec) < 0)) {
		ar_warn("%.*s: header date=%.*s is not YYYY-MM-DD[THH:MM[:SS]]",
		    (int)ar_doc.namelen, ar_doc.name, (int)(n < 40 ? n : 40), v);
		return;
	}
	doc.hdr_date = 1;
	snprintf(doc.date, sizeof doc.date, "%s", b);
	if (!opt_ref) {
		set_ref(days, sec);
		snprintf(doc.ref, sizeof doc.ref, "header");
	}
}

/* A publication line sets the reference and the document's date; a
 * crawl line too while there is none from a publication line, if crawl
 * (lines held for the look-ahead take their crawl line in order, when
 * they are let go). --ref and the header's date= win. Returns the kind. */
static int
take_ref(const char *s, size_t n, unsigned long lineno, int crawl)
{
	struct ar_pub pub;
	int kind = ar_pub_line(dt, s, n, &pub);

	if (kind == AR_PUB_NONE || !pub.ok || doc.hdr_date
	    || (kind == AR_PUB_CRAWLED && (!crawl || doc.pub_seen)))
		return kind;
	if (kind == AR_PUB_PUBLISHED)
		doc.pub_seen = 1;
	snprintf(doc.date, sizeof doc.date, "%s", pub.iso);
	if (!opt_ref) {
		set_ref(pub.days, pub.H >= 0 ? pub.H * 3600 + pub.M * 60 + (pub.S > 0 ? pub.S : 0) : -1);
		snprintf(doc.ref, sizeof doc.ref, "%lu:%zu-%zu", lineno, pub.c0, pub.c1);
		/* in TimeML, a reference that comes after the creation time was
		 * written is its expression's TIMEX3 */
		doc.ref_line = doc.started ? lineno : 0, doc.ref_c0 = pub.c0;
	}
	return kind;
}

/* lines held at a document's start until its publication line shows */
static struct ar_buf pend;              /* the lines' bytes */
static struct { size_t off, len; unsigned long lineno; } *pl;
static size_t npl, cappl;
static int holding;

static void
flush_pending(void)
{
	for (size_t k = 0; k < npl; k++) {      /* empty lines leave pend.s NULL */
		const char *s = pend.s ? pend.s + pl[k].off : "";
		if (!doc.pub_seen)
			take_ref(s, pl[k].len, pl[k].lineno, 1);
		process(s, pl[k].len, pl[k].lineno);
	}
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
	if (doc.stop)
		return 0;
	int kind = take_ref(s, n, ar_doc.line, !holding);
	if (!holding) {
		process(s, n, ar_doc.line);
	} else if (kind == AR_PUB_PUBLISHED || n > (1u << 20)) {
		flush_pending();        /* a long line is not held: it is not copied */
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
	memset(&doc, 0, sizeof doc);
	snprintf(doc.ref_tid, sizeof doc.ref_tid, "t0");
	if (opt_ref) {
		set_ref(opt_ref_days, opt_ref_sec);
		snprintf(doc.ref, sizeof doc.ref, "--ref");
	} else {
		ar_date_set_ref(dt, NULL);
	}
	take_header_date();
	npl = 0;
	pend.len = 0;
	holding = !opt_ref && !doc.hdr_date && lookahead > 0 && !ar_opts.line_buffered;
	ar_grep_doc_begin();
	return 0;
}

static int
date_end(void *ctx)
{
	(void)ctx;
	flush_pending();
	if (timeml)
		timeml_end();
	/* -c names the documents when several are read, as grep does */
	int names = ar_opts.headers > 0 || (ar_opts.headers < 0 && (nfiles > 1
	    || strcmp(ar_doc.name, ar_doc.file)));
	ar_grep_doc_end(names);
	return 0;
}

/* ------------------------------------------------------------------ */

enum { OPT_WORDS = AR_OPT_TOOL, OPT_MONTHS, OPT_HOLIDAYS, OPT_REF, OPT_LOOKAHEAD };
static const struct option longopts[] = {
	{ "ref",       required_argument, NULL, OPT_REF },
	{ "lookahead", required_argument, NULL, OPT_LOOKAHEAD },
	{ "words",     required_argument, NULL, OPT_WORDS },
	{ "months",    required_argument, NULL, OPT_MONTHS },
	{ "holidays",  required_argument, NULL, OPT_HOLIDAYS },
	AR_COMMON_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	AR_GREP_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	static const char *const formats[] = { "timeml", NULL };
	const char *words = NULL, *months = NULL, *holidays = NULL;
	int c;

	ar_init(argv[0], usage, help);
	ar_opts.extra_formats = formats;
	while ((c = getopt_long(argc, argv, AR_COMMON_SHORTOPTS AR_GREP_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case OPT_REF:
			if (parse_ref(optarg, &opt_ref_days, &opt_ref_sec) < 0) {
				ar_warn("bad --ref '%s' (want YYYY-MM-DD or YYYY-MM-DDTHH:MM)", optarg);
				ar_usage();
			}
			opt_ref = 1;
			break;
		case OPT_LOOKAHEAD:
			lookahead = ar_parse_count(optarg, "--lookahead", 1000000);
			break;
		case OPT_WORDS:    words = optarg; break;
		case OPT_MONTHS:   months = optarg; break;
		case OPT_HOLIDAYS: holidays = optarg; break;
		default:
			if (!ar_grep_opt(c, optarg) && !ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;
	nfiles = argc;
	timeml = ar_opts.format == AR_FMT_OTHER && !ar_grep_listing();

	dt = ar_date_new(words, months);
	if (holidays)
		ar_date_add_holidays(dt, holidays);
	if (ar_opts.format != AR_FMT_TEXT && !timeml && !ar_grep_listing())
		ar_rows_begin(fields, (int)(sizeof fields / sizeof fields[0]));
	/* headers go with the text and TimeML outputs (between TimeML
	 * documents, never inside one; none at all with -h); TSV, JSON and CSV
	 * name the document in their doc field */
	struct ar_loop lp = { .line = date_line, .begin = date_begin, .end = date_end,
	    .echo_headers = (ar_opts.format == AR_FMT_TEXT || (timeml && ar_opts.headers != 0))
	    && !ar_grep_listing(), .search = !timeml };
	int st = ar_loop_run(&lp, argc, argv);
	if (st == 0)
		st = ar_grep_status();
	return st;
}
