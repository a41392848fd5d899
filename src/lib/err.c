/* err.c: program name, messages, usage, allocation that cannot fail. */
#include "arlib.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>

const char *ar_prog = "ar-tools";
static const char *usage_text = "";
static const char *help_text = "";

void
ar_init(const char *argv0, const char *usage, const char *help)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

	ar_prog = slash ? slash + 1 : argv0 ? argv0 : ar_prog;
	usage_text = usage;
	help_text = help;
	ar_cclass_init();
	ar_signals_init();
}

/* Write s to f with what a terminal would act on made visible: C0
 * controls and DEL as their control pictures (U+2400.., U+2421), C1
 * controls and the bidi embeddings, overrides and isolates as \u{XXXX}.
 * Names and text from the input reach stderr through here, so a document
 * named "\x1b]0;pwned\x07" cannot set the terminal's title. */
void
ar_safe_write(FILE *f, const char *s, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		int32_t cp = b;
		size_t l = 1;
		if (b >= 0x80) {
			l = ar_u8len(b);
			if (i + l > n || ar_u8valid(s + i, l) != l) {
				i++;
				continue;       /* repaired before it gets here */
			}
			ar_u8dec(s + i, &cp);
		}
		int ctl = cp < 0x20 || cp == 0x7F;
		int esc = (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E)
		    || (cp >= 0x2066 && cp <= 0x2069);
		if (!ctl && !esc) {
			i += l;
			continue;
		}
		fwrite(s + run, 1, i - run, f);
		if (ctl) {
			char pic[4];
			size_t k = ar_u8enc(cp == 0x7F ? 0x2421 : 0x2400 + cp, pic);
			fwrite(pic, 1, k, f);
		} else {
			fprintf(f, "\\u{%04X}", (unsigned)cp);
		}
		i += l;
		run = i;
	}
	fwrite(s + run, 1, n - run, f);
}

static void
vwarn(const char *fmt, va_list ap)
{
	char tmp[1024], *msg = tmp;
	va_list aq;
	int n;

	fflush(stdout);
	va_copy(aq, ap);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	if (n >= (int)sizeof tmp) {
		msg = malloc((size_t)n + 1);
		if (msg)
			vsnprintf(msg, (size_t)n + 1, fmt, aq);
		else
			msg = tmp, n = (int)sizeof tmp - 1;
	}
	va_end(aq);
	fprintf(stderr, "%s: ", ar_prog);
	if (n > 0)
		ar_safe_write(stderr, msg, (size_t)n);
	fputc('\n', stderr);
	if (msg != tmp)
		free(msg);
}

void
ar_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
ar_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(2);
}

void
ar_usage(void)
{
	fprintf(stderr, "usage: %s %s\nTry '%s --help' for more information.\n",
	    ar_prog, usage_text, ar_prog);
	exit(2);
}

/* Called from opt.c for --help. */
void ar_print_help(void);
void
ar_print_help(void)
{
	printf("usage: %s %s\n%s", ar_prog, usage_text, help_text);
}

void *
ar_alloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		ar_die("out of memory (%zu bytes)", n);
	return p;
}

void *
ar_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		ar_die("out of memory (%zu bytes)", n);
	return p;
}
