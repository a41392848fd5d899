/* check.h: the harness of the engine unit programs in test/unit/. Each
 * program checks its engine against cases written as data and ends with
 * check_done(), which prints "NAME: N checks, N failed" and returns the
 * exit status (0 only when nothing failed). Include it after arlib.h. */
#ifndef CHECK_H
#define CHECK_H

#include <stdarg.h>
#include <stdio.h>

static int check_n, check_failed;

/* check(cond, fmt, ...): count a check; on failure print where and why */
#define check(cond, ...) check_at((cond) != 0, __FILE__, __LINE__, __VA_ARGS__)

static inline void __attribute__((format(printf, 4, 5)))
check_at(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	check_n++;
	if (ok)
		return;
	check_failed++;
	fprintf(stderr, "%s:%d: FAIL: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* check_str(got, want, what): equal C strings */
#define check_str(got, want, what) \
	check(!strcmp((got), (want)), "%s: got '%s', want '%s'", (what), (got), (want))

static inline int
check_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, check_n, check_failed);
	return check_failed != 0;
}

#endif
