/* out.c: buffered standard output. Every write is checked: a full disk
 * is an error (exit 2, never a silent truncation); a closed pipe ends the
 * program quietly, as cat does. */
#include "arlib.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#define OUTCAP (64 * 1024)

static char outmem[OUTCAP];
struct ar_outbuf ar_ob = { outmem, 0, OUTCAP };
static int line_buffered = -1;          /* -1: not yet decided */

void ar_out_direct(const void *p, size_t n);

static int out_fd = 1;                  /* standard output, or --output-dir's file */
static struct ar_buf *capture;          /* --input=jsonl: a document's text */
static const char *out_name = NULL;     /* the file out_fd writes, for messages */

void
ar_out_to_fd(int fd, const char *name)
{
	ar_out_flushbuf();
	out_fd = fd;
	out_name = name;
}

void
ar_out_capture(struct ar_buf *b)
{
	ar_out_flushbuf();
	capture = b;
}

void
ar_out_direct(const void *p, size_t n)
{
	const char *s = p;

	if (capture) {
		ar_buf_add(capture, p, n);
		return;
	}
	while (n > 0) {
		ssize_t w = write(out_fd, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE && out_fd == 1)
				_exit(0);       /* reader went away: end quietly */
			if (out_name)
				ar_die("%s: write error: %s", out_name, strerror(errno));
			ar_die("write error: %s", strerror(errno));
		}
		s += w;
		n -= (size_t)w;
	}
}

void
ar_out_flushbuf(void)
{
	size_t n = ar_ob.len;

	ar_ob.len = 0;
	ar_out_direct(ar_ob.buf, n);
}

size_t
ar_utoa(unsigned long long v, char *b)
{
	char t[20];
	size_t n = 0;

	do
		t[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	for (size_t i = 0; i < n; i++)
		b[i] = t[n - 1 - i];
	return n;
}

void
ar_out_num(unsigned long long v)
{
	char b[20];

	ar_out_write(b, ar_utoa(v, b));
}

void
ar_out_printf(const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		ar_out_write(tmp, (size_t)n);
	} else {
		char *big = ar_alloc((size_t)n + 1);

		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		ar_out_write(big, (size_t)n);
		free(big);
	}
}

/* ---- signals: a killed cron job leaves only whole lines ---- */

static volatile sig_atomic_t caught;

/* The main loop exits at the next line end; a computation that reaches
 * none (a long line, a slow pattern) must still die: a second signal, or
 * two seconds without a line end, ends the process where it is. */
static void
on_signal(int sig)
{
	if (sig == SIGALRM || caught)
		_exit(128 + (caught ? caught : sig));
	caught = sig;
	alarm(2);
}

void
ar_signals_init(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;      /* no SA_RESTART: a blocked read returns */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old;
		/* a signal ignored by the parent (nohup) stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
	sigaction(SIGALRM, &sa, NULL);
}

void
ar_sig_check(void)
{
	if (!caught)
		return;
	int sig = caught;
	ar_out_flushbuf();              /* the lines written so far, whole */
	_exit(128 + sig);
}

int
ar_out_linebuf(void)
{
	if (line_buffered < 0)
		line_buffered = ar_opts.line_buffered || isatty(1);
	return line_buffered;
}

void
ar_out_eol(void)
{
	ar_out_putc('\n');
	if (caught)
		ar_sig_check();
	if (ar_out_linebuf())
		ar_out_flushbuf();
}

void
ar_out_json_str(const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	ar_out_putc('"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		ar_out_write(s + run, i - run);
		run = i + 1;
		ar_out_putc('\\');
		switch (c) {
		case '"':  ar_out_putc('"'); break;
		case '\\': ar_out_putc('\\'); break;
		case '\n': ar_out_putc('n'); break;
		case '\t': ar_out_putc('t'); break;
		case '\r': ar_out_putc('r'); break;
		default:
			ar_out_write("u00", 3);
			ar_out_putc(hex[c >> 4]);
			ar_out_putc(hex[c & 15]);
		}
	}
	ar_out_write(s + run, n - run);
	ar_out_putc('"');
}

void
ar_out_tsv_str(const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		char c = s[i], e;

		switch (c) {
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		case '\\': e = '\\'; break;
		default: continue;
		}
		ar_out_write(s + run, i - run);
		run = i + 1;
		ar_out_putc('\\');
		ar_out_putc(e);
	}
	ar_out_write(s + run, n - run);
}

int
ar_out_close(void)
{
	int status = 0;

	ar_out_flushbuf();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (errno != EPIPE)
			ar_warn("write error: %s", strerror(errno));
		status = 2;
	}
	if (close(1) < 0 && errno != EBADF && errno != EINTR) {
		ar_warn("write error: %s", strerror(errno));
		status = 2;
	}
	return status;
}

/* ---- rows: fields named once, written as TSV, JSON Lines or CSV ---- */

static const struct ar_field *row_f;
static int row_nf, row_i, row_json;   /* JSON: fields written in this row */

static void
csv_str(const char *s, size_t n)
{
	size_t i, run = 0;
	int quote = 0;

	for (i = 0; i < n && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			quote = 1;
	/* a field with leading or trailing spaces is quoted too, so that
	 * spreadsheets keep them */
	if (n && (s[0] == ' ' || s[n - 1] == ' '))
		quote = 1;
	if (!quote) {
		ar_out_write(s, n);
		return;
	}
	ar_out_putc('"');
	for (i = 0; i < n; i++)
		if (s[i] == '"') {
			ar_out_write(s + run, i + 1 - run);
			ar_out_putc('"');
			run = i + 1;
		}
	ar_out_write(s + run, n - run);
	ar_out_putc('"');
}

void
ar_rows_begin(const struct ar_field *f, int nf)
{
	row_f = f, row_nf = nf, row_i = 0;
	if (ar_opts.format != AR_FMT_TSV && ar_opts.format != AR_FMT_CSV)
		return;
	static int bom_done;    /* several tables (ar-kwic's summaries): one BOM */
	if (ar_opts.format == AR_FMT_CSV && ar_opts.bom && !bom_done++)
		ar_out_write("\xef\xbb\xbf", 3);
	for (int i = 0; i < nf; i++) {
		if (i)
			ar_out_putc(ar_opts.format == AR_FMT_CSV ? ',' : '\t');
		ar_out_str(f[i].name);
	}
	ar_row_eol();
}

void
ar_row_eol(void)
{
	if (ar_opts.format == AR_FMT_CSV)
		ar_out_putc('\r');
	ar_out_eol();
}

/* what goes before field row_i: a separator, or JSON's name */
static int
row_sep(int empty)
{
	const struct ar_field *f = &row_f[row_i++];

	switch (ar_opts.format) {
	case AR_FMT_JSON:
		if (empty && (f->kind & AR_F_OPT))
			return 0;
		ar_out_putc(row_json++ ? ',' : '{');
		ar_out_putc('"');
		ar_out_str(f->name);
		ar_out_str("\":");
		return 1;
	case AR_FMT_CSV:
		if (row_i > 1)
			ar_out_putc(',');
		return 1;
	default:
		if (row_i > 1)
			ar_out_putc('\t');
		return 1;
	}
}

void
ar_row_str(const char *s, size_t n)
{
	if (!row_sep(n == 0))
		return;
	switch (ar_opts.format) {
	case AR_FMT_JSON: ar_out_json_str(s, n); break;
	case AR_FMT_CSV:  csv_str(s, n); break;
	default:          ar_out_tsv_str(s, n);
	}
}

void
ar_row_cstr(const char *s)
{
	ar_row_str(s ? s : "", s ? strlen(s) : 0);
}

void
ar_row_num(unsigned long long v)
{
	char b[20];
	size_t n = ar_utoa(v, b);

	if (row_sep(0))
		ar_out_write(b, n);
}

void
ar_row_int(long long v)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%lld", v);

	if (row_sep(0))
		ar_out_write(b, (size_t)n);
}

void
ar_row_fixed(double v, int prec)
{
	char b[64];
	int n = snprintf(b, sizeof b, "%.*f", prec, v);

	if (row_sep(0))
		ar_out_write(b, (size_t)n);
}

void
ar_row_null(void)
{
	if (!row_sep(1))
		return;
	if (ar_opts.format == AR_FMT_JSON)
		ar_out_str("null");
}

void
ar_row_end(void)
{
	if (ar_opts.format == AR_FMT_JSON) {
		if (!row_json)
			ar_out_putc('{');
		ar_out_putc('}');
	}
	row_i = row_json = 0;
	ar_row_eol();
}
