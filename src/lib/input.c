/* input.c: operands as the reader gets them. Directories are walked with
 * -r (in sorted order, so runs repeat) and refused without it, as grep
 * does; --encoding converts an operand to UTF-8 through iconv(3) as it is
 * read; the first bytes of each operand are looked at for what is not
 * UTF-8 text: NUL bytes (binary), UTF-16, and invalid UTF-8 that reads as
 * Windows-1256 Arabic. */
#define _DEFAULT_SOURCE         /* DT_DIR, on glibc with _POSIX_C_SOURCE */
#include "arlib.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- operands ---- */

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk dir, calling fn on its files in sorted order; subdirectories too.
 * Symbolic links to directories are not followed (grep -r). */
static int
walk(const char *dir, ar_operand_fn fn, void *ctx, int depth)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	int status = 0;

	if (!d) {
		ar_warn("%s: %s", dir, strerror(errno));
		return 2;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = ar_realloc(names, cap * sizeof *names);
		}
		size_t dl = strlen(dir), nl = strlen(e->d_name);
		int slash = dl && dir[dl - 1] != '/';
		names[n] = ar_alloc(dl + slash + nl + 1);
		memcpy(names[n], dir, dl);
		if (slash)
			names[n][dl] = '/';
		memcpy(names[n] + dl + slash, e->d_name, nl + 1);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (lstat(names[i], &st) < 0) {
			ar_warn("%s: %s", names[i], strerror(errno));
			status = 2;
		} else if (S_ISDIR(st.st_mode)) {
			if (depth < 256)
				status |= walk(names[i], fn, ctx, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			status |= fn(names[i], ctx);
		}       /* devices, FIFOs, sockets and links found in a walk: skipped */
		free(names[i]);
	}
	free(names);
	return status;
}

int
ar_operands(int argc, char **argv, ar_operand_fn fn, void *ctx)
{
	static char *dot[] = { "." }, *dash[] = { "-" };
	int status = 0;

	if (argc == 0) {
		argc = 1;
		argv = ar_opts.recursive ? dot : dash;
	}
	for (int i = 0; i < argc; i++) {
		struct stat st;
		if (strcmp(argv[i], "-") && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!ar_opts.recursive) {
				ar_warn("%s: Is a directory (-r reads the files under it)", argv[i]);
				status = 2;
				continue;
			}
			status |= walk(argv[i], fn, ctx, 0);
			continue;
		}
		status |= fn(argv[i], ctx);
	}
	return status;
}

/* ---- one operand, read as UTF-8 ---- */

int
ar_input_open(struct ar_input *in, const char *name)
{
	memset(in, 0, sizeof *in);
	in->fd = 0;
	in->cd = NULL;
	if (strcmp(name, "-") && (in->fd = open(name, O_RDONLY)) < 0) {
		ar_warn("%s: %s", name, strerror(errno));
		return -1;
	}
#ifdef POSIX_FADV_SEQUENTIAL
	posix_fadvise(in->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	in->name = name;
	if (ar_opts.encoding && strcasecmp(ar_opts.encoding, "UTF-8")
	    && strcasecmp(ar_opts.encoding, "UTF8")) {
		iconv_t cd = iconv_open("UTF-8", ar_opts.encoding);
		if (cd == (iconv_t)-1) {
			ar_warn("--encoding=%s: %s (iconv -l lists the names)", ar_opts.encoding,
			    errno == EINVAL ? "no such encoding" : strerror(errno));
			if (in->fd)
				close(in->fd);
			return -2;
		}
		in->cd = cd;
	}
	return 0;
}

static ssize_t
read_raw(int fd, char *buf, size_t cap)
{
	for (;;) {
		ssize_t got = read(fd, buf, cap);
		ar_sig_check();         /* between lines: exit cleanly */
		if (got >= 0 || errno != EINTR)
			return got;
	}
}

/* Convert what is in in->raw; at the end of input, flush. Bytes that are
 * not of the encoding become U+FFFD (and one warning). */
static size_t
convert(struct ar_input *in, char *out, size_t cap, int eof)
{
	char *ip = in->raw, *op = out;
	size_t il = in->rawlen, ol = cap;

	while (il > 0 && ol >= 8) {
		if (iconv((iconv_t)in->cd, &ip, &il, &op, &ol) != (size_t)-1)
			break;
		if (errno == E2BIG)
			break;
		if (errno == EINVAL && !eof)
			break;                  /* a sequence cut by the read: wait */
		/* EILSEQ, or EINVAL at the end: one byte is no character */
		if (!in->badenc++)
			ar_warn("%s: bytes that are not %s, replaced by U+FFFD", in->name,
			    ar_opts.encoding);
		memcpy(op, "\xef\xbf\xbd", 3);
		op += 3, ol -= 3;
		ip++, il--;
	}
	if (eof && il == 0 && ol >= 8) {
		iconv((iconv_t)in->cd, NULL, NULL, &op, &ol);
	}
	memmove(in->raw, ip, il);
	in->rawlen = il;
	return (size_t)(op - out);
}

ssize_t
ar_input_read(struct ar_input *in, char *buf, size_t cap)
{
	if (!in->cd)
		return read_raw(in->fd, buf, cap);
	for (;;) {
		if (in->rawlen || in->eof) {
			size_t got = convert(in, buf, cap, in->eof);
			if (got || (in->eof && !in->rawlen))
				return (ssize_t)got;
			if (in->eof) {          /* a cut sequence at the end: drop it */
				in->rawlen = 0;
				return 0;
			}
		}
		ssize_t got = read_raw(in->fd, in->raw + in->rawlen, sizeof in->raw - in->rawlen);
		if (got < 0)
			return -1;
		if (got == 0)
			in->eof = 1;
		in->rawlen += (size_t)got;
	}
}

void
ar_input_close(struct ar_input *in)
{
	if (in->cd)
		iconv_close((iconv_t)in->cd);
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
}

/* ---- what the first bytes say ---- */

/* Windows-1256 puts Arabic letters at C1..DA, DC..DF, E1, E3..E6, EC..ED
 * and harakat at F0..F6, F8, FA: bytes that are seldom valid UTF-8 in the
 * runs Arabic text makes. */
static int
cp1256_arabic(unsigned char b)
{
	return (b >= 0xC1 && b <= 0xDA) || (b >= 0xDC && b <= 0xDF) || b == 0xE1
	    || (b >= 0xE3 && b <= 0xE6) || b == 0xEC || b == 0xED || (b >= 0xF0 && b <= 0xFA);
}

int
ar_input_sniff(const unsigned char *p, size_t n)
{
	size_t zeros[2] = { 0, 0 }, high = 0, arab = 0, bad = 0, m = n < 4096 ? n : 4096;

	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return AR_SNIFF_UTF16LE;
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return AR_SNIFF_UTF16BE;
	for (size_t i = 0; i < m; i++) {
		zeros[i & 1] += p[i] == 0;
		if (p[i] >= 0x80) {
			high++;
			arab += cp1256_arabic(p[i]);
		}
	}
	/* text in UTF-16 has a zero in every other byte, the other seldom */
	if (m >= 16 && zeros[1] * 10 >= m * 4 && zeros[0] * 10 < m)
		return AR_SNIFF_UTF16LE;
	if (m >= 16 && zeros[0] * 10 >= m * 4 && zeros[1] * 10 < m)
		return AR_SNIFF_UTF16BE;
	if (memchr(p, 0, n))
		return AR_SNIFF_BINARY;
	for (size_t i = 0; i < m;) {
		size_t v = ar_u8valid((const char *)p + i, m - i);
		if (v >= m - i)
			break;
		if (i + v + 4 >= m)
			break;                  /* a character cut by the buffer */
		bad++;
		i += v + 1;
	}
	if (bad >= 3 && high * 5 >= m && arab * 10 >= high * 7)
		return AR_SNIFF_CP1256;
	return AR_SNIFF_TEXT;
}

const char *
ar_sniff_name(int kind)
{
	switch (kind) {
	case AR_SNIFF_UTF16LE: return "UTF-16LE";
	case AR_SNIFF_UTF16BE: return "UTF-16BE";
	case AR_SNIFF_CP1256:  return "CP1256";
	}
	return NULL;
}
