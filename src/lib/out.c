/* out.c: buffered standard output. Every write is checked: a full disk
 * is an error (exit 2, never a silent truncation); a closed pipe ends the
 * program quietly, as cat does. */
#include "arlib.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#define OUTCAP (64 * 1024)

static char outmem[OUTCAP];
struct ar_outbuf ar_ob = { outmem, 0, OUTCAP };
static int line_buffered = -1;          /* -1: not yet decided */

void ar_out_direct(const void *p, size_t n);

void
ar_out_direct(const void *p, size_t n)
{
	const char *s = p;

	while (n > 0) {
		ssize_t w = write(1, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				_exit(0);       /* reader went away: end quietly */
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

void
ar_out_eol(void)
{
	ar_out_putc('\n');
	if (line_buffered < 0)
		line_buffered = ar_opts.line_buffered || isatty(1);
	if (line_buffered)
		ar_out_flushbuf();
}

void
ar_out_header(const char *name, size_t n)
{
	ar_out_putc('\f');
	ar_out_write(name, n);
	ar_out_eol();
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
