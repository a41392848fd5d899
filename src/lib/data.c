/* data.c: the data files of share/ar-tools (compiled in by mkdata.sh),
 * with $AR_DATADIR as a run-time override, and small parsing helpers. */
#include "arlib.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct ar_datafile { const char *name; const char *text; size_t len; };
extern const struct ar_datafile ar_datafiles[];

char *
ar_slurp(const char *path, size_t *len)
{
	struct ar_buf b = { 0 };
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		ar_die("%s: %s", path, strerror(errno));
	for (;;) {
		ar_buf_grow(&b, 65536);
		ssize_t got = read(fd, b.s + b.len, b.cap - b.len);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			ar_die("%s: %s", path, strerror(errno));
		}
		if (got == 0)
			break;
		b.len += (size_t)got;
	}
	close(fd);
	ar_buf_addc(&b, 0);
	*len = b.len - 1;
	return b.s;
}

/* text read from $AR_DATADIR, kept for the program's life */
char *ar_data_kept[64];
size_t ar_data_nkept;

/* ar_slurp for text a program keeps until it exits (word lists that its
 * tables point into): remembered here, so it is not a leak */
const char *
ar_slurp_keep(const char *path, size_t *len)
{
	char *text = ar_slurp(path, len);

	if (ar_data_nkept < 64)
		ar_data_kept[ar_data_nkept++] = text;
	return text;
}

const char *
ar_data(const char *name, size_t *len)
{
	const char *dir = getenv("AR_DATADIR");
	const struct ar_datafile *d;

	if (dir && *dir) {
		/* each file read once a process: engines made again (a test
		 * making many) share its text */
		static struct { char *path; const char *text; size_t len; } seen[64];
		static size_t nseen;
		size_t n = strlen(dir) + strlen(name) + 2;
		char *path = ar_alloc(n);

		snprintf(path, n, "%s/%s", dir, name);
		for (size_t k = 0; k < nseen; k++)
			if (!strcmp(seen[k].path, path)) {
				free(path);
				*len = seen[k].len;
				return seen[k].text;
			}
		if (access(path, R_OK) == 0) {
			const char *text = ar_slurp_keep(path, len);
			if (nseen < 64) {
				seen[nseen].path = path, seen[nseen].text = text, seen[nseen].len = *len;
				nseen++;
			} else {
				free(path);
			}
			return text;
		}
		free(path);
	}
	for (d = ar_datafiles; d->name; d++)
		if (!strcmp(d->name, name)) {
			*len = d->len;
			return d->text;
		}
	ar_die("%s: no such data file", name);
}

int
ar_each_line(const char *text, size_t len,
    int (*fn)(char *line, size_t n, unsigned long lineno, void *ctx), void *ctx)
{
	struct ar_buf b = { 0 };
	unsigned long lineno = 0;
	size_t i = 0;
	int rc = 0;

	while (i < len && rc == 0) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (text + i)) : len - i;

		lineno++;
		b.len = 0;
		ar_buf_add(&b, text + i, n);
		if (b.len && b.s[b.len - 1] == '\r')
			b.len--;
		ar_buf_addc(&b, 0);
		b.len--;
		if (b.len && b.s[0] != '#')
			rc = fn(b.s, b.len, lineno, ctx);
		i += n + 1;
	}
	ar_buf_free(&b);
	return rc;
}

int32_t
ar_parse_cp(const char *s, size_t n)
{
	char tmp[16];
	char *end;
	long v;

	if (n >= 3 && (s[0] == 'U' || s[0] == 'u') && s[1] == '+') {
		s += 2, n -= 2;
	} else if (n >= 3 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2, n -= 2;
	} else {
		int32_t cp;
		if (n == 0 || ar_u8valid(s, n) != n || ar_u8len((unsigned char)s[0]) != n)
			return -1;
		ar_u8dec(s, &cp);
		return cp;
	}
	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	errno = 0;
	v = strtol(tmp, &end, 16);
	if (*end || errno || v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return -1;
	return (int32_t)v;
}
