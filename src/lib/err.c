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
}

static void
vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", ar_prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
