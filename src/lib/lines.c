/* lines.c: the line loop. Reads operands as cat does, splits lines of any
 * length (LF or CRLF, final newline optional), repairs invalid UTF-8, tracks
 * documents and their "\f" header lines, and decides the exit status. */
#include "arlib.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct ar_doc ar_doc;

struct reader {
	int fd;
	char *buf;
	size_t cap, start, end;     /* unread bytes are buf[start..end) */
	int eof;
};

/* Next line into line and len (no newline, no CR before it). 1, 0 at end,
 * -1 on a read error (errno set). */
static int
next_line(struct reader *r, char **line, size_t *len)
{
	size_t scan = r->start;

	for (;;) {
		char *nl = memchr(r->buf + scan, '\n', r->end - scan);

		if (nl) {
			size_t n = (size_t)(nl - (r->buf + r->start));
			*line = r->buf + r->start;
			r->start += n + 1;
			while (n && (*line)[n - 1] == '\r')     /* CRLF, and CRs before it */
				n--;
			*len = n;
			return 1;
		}
		if (r->eof) {
			if (r->start == r->end)
				return 0;
			*line = r->buf + r->start;
			*len = r->end - r->start;
			r->start = r->end;
			while (*len && (*line)[*len - 1] == '\r')
				(*len)--;
			return 1;
		}
		/* make room: slide the partial line down, or grow */
		if (r->start > 0) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		scan = r->end;
		if (r->cap - r->end < 64 * 1024) {
			r->cap *= 2;
			r->buf = ar_realloc(r->buf, r->cap);
		}
		ssize_t got;
		do {
			got = read(r->fd, r->buf + r->end, r->cap - r->end);
			ar_sig_check();         /* between lines: exit cleanly */
		} while (got < 0 && errno == EINTR);
		if (got < 0)
			return -1;
		if (got == 0)
			r->eof = 1;
		r->end += (size_t)got;
		ar_progress_add((size_t)got);
	}
}

/* ---- --progress: a pv-like bar on stderr for regular files ---- */
static struct timespec prog_t0, prog_last;
static off_t prog_total, prog_done;
static int prog_on;

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
progress_draw(int final)
{
	struct timespec now;
	double el, rate, pct, left;
	char cells[21];
	int bar, i;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!final && since(&prog_last, &now) < 0.2)
		return;
	prog_last = now;
	el = since(&prog_t0, &now);
	rate = el > 0 ? (double)prog_done / el : 0;
	pct = prog_total ? 100.0 * (double)prog_done / (double)prog_total : 100.0;
	left = rate > 0 ? (double)(prog_total - prog_done) / rate : 0;
	bar = (int)(pct / 5);
	for (i = 0; i < 20; i++)
		cells[i] = i < bar ? '=' : ' ';
	cells[20] = 0;
	fprintf(stderr, "\r%s: %8.1f MB [%s] %5.1f%% %7.1f MB/s ETA %d:%02d%s",
	    ar_prog, (double)prog_done / 1e6, cells, pct, rate / 1e6,
	    (int)left / 60, (int)left % 60, final ? "\n" : "");
}

void
ar_progress_start(int argc, char **argv)
{
	struct stat st;
	int i;

	if (!ar_opts.progress || !isatty(2))
		return;
	prog_on = 1;
	for (i = 0; i < argc || (argc == 0 && i == 0); i++) {
		int bad = argc ? (strcmp(argv[i], "-") ? stat(argv[i], &st) : fstat(0, &st))
		    : fstat(0, &st);
		if (bad || !S_ISREG(st.st_mode)) {
			prog_on = 0;    /* no size to measure against */
			return;
		}
		prog_total += st.st_size;
	}
	clock_gettime(CLOCK_MONOTONIC, &prog_t0);
}

void
ar_progress_add(size_t bytes)
{
	if (!prog_on)
		return;
	prog_done += (off_t)bytes;
	progress_draw(0);
}

void
ar_progress_end(void)
{
	if (prog_on)
		progress_draw(1);
	prog_on = 0;
}

static struct ar_buf docname;

static void
set_docname(const char *s, size_t n)
{
	docname.len = 0;
	ar_buf_add(&docname, s, n);
	ar_buf_addc(&docname, 0);
	ar_doc.name = docname.s;
	ar_doc.namelen = n;
}

int
ar_loop_run(struct ar_loop *lp, int argc, char **argv)
{
	static char *stdin_arg[] = { "-" };
	struct reader r = { 0 };
	struct ar_buf fixed = { 0 };
	int status = 0, i;
	int headers = ar_opts.headers < 0 ? argc > 0 : ar_opts.headers;

	if (argc == 0) {
		argc = 1;
		argv = stdin_arg;
	}
	r.cap = 256 * 1024;
	r.buf = ar_alloc(r.cap);

	ar_progress_start(argc == 1 && argv == stdin_arg ? 0 : argc, argv);

	for (i = 0; i < argc; i++) {
		const char *name = argv[i];
		int in_doc = 0, first = 1, warned = 0, rc;
		char *s;
		size_t n;

		if (!strcmp(name, "-")) {
			r.fd = 0;
		} else if ((r.fd = open(name, O_RDONLY)) < 0) {
			ar_warn("%s: %s", name, strerror(errno));
			status = 2;
			continue;
		}
#ifdef POSIX_FADV_SEQUENTIAL
		posix_fadvise(r.fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
		r.start = r.end = 0;
		r.eof = 0;
		ar_doc.file = name;
		set_docname(name, strlen(name));
		ar_doc.line = 0;

		while ((rc = next_line(&r, &s, &n)) > 0) {
			if (ar_is_header(s, n)) {
				if (in_doc && lp->end && lp->end(lp->ctx) < 0)
					status = 2;
				/* the header names the document; repair it too */
				fixed.len = 0;
				ar_u8repair(s + 1, n - 1, &fixed, NULL);
				set_docname(fixed.s ? fixed.s : "", fixed.len);
				ar_doc.line = 0;
				ar_doc.index++;
				in_doc = 1;
				warned = 0;
				first = 0;
				if (lp->echo_headers)
					ar_out_header(ar_doc.name, ar_doc.namelen);
				if (lp->begin && lp->begin(lp->ctx) < 0)
					status = 2;
				continue;
			}
			if (!in_doc) {
				/* a file that starts with its own header keeps it; else
				 * it is one document named after the operand */
				ar_doc.index++;
				in_doc = 1;
				if (headers && first && lp->echo_headers)
					ar_out_header(ar_doc.name, ar_doc.namelen);
				if (lp->begin && lp->begin(lp->ctx) < 0)
					status = 2;
			}
			first = 0;
			ar_doc.line++;
			size_t bad = ar_u8valid(s, n);
			if (bad < n) {
				if (ar_opts.strict) {
					ar_warn("%s:%lu: invalid UTF-8 at byte %zu",
					    ar_doc.name, ar_doc.line, bad);
					status = 2;
					break;
				}
				if (!warned++)
					ar_warn("%s:%lu: invalid UTF-8 at byte %zu, replaced by U+FFFD"
					    " (further warnings for this document suppressed)",
					    ar_doc.name, ar_doc.line, bad);
				fixed.len = 0;
				ar_u8repair(s, n, &fixed, NULL);
				s = fixed.s;
				n = fixed.len;
			}
			if (lp->line(s, n, lp->ctx) < 0)
				status = 2;
		}
		if (rc < 0) {
			ar_warn("%s: read error: %s", name, strerror(errno));
			status = 2;
		}
		if (in_doc && lp->end && lp->end(lp->ctx) < 0)
			status = 2;
		if (r.fd != 0)
			close(r.fd);
	}
	ar_progress_end();
	free(r.buf);
	ar_buf_free(&fixed);
	return status | ar_out_close();
}
