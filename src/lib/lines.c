/* lines.c: the reader every tool runs. Reads operands as cat does, tracks
 * documents and their "\f" header lines, and decides the exit status. A
 * tool takes either lines (of any length, LF or CRLF, final newline
 * optional, invalid UTF-8 repaired) or, in block mode, blocks of whole
 * lines of one document with no header among them, which it scans itself
 * (ar-kwic: most of a text is never looked at line by line). */
#include "arlib.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct ar_doc ar_doc;

/* ---- --progress: a pv-like bar on stderr for regular files ---- */
struct progress {
	struct timespec t0, last;
	off_t total, done;
	int on;
};

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
progress_draw(struct progress *pg, int final)
{
	struct timespec now;
	double el, rate, pct, left;
	char cells[21];
	int bar, i;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!final && since(&pg->last, &now) < 0.2)
		return;
	pg->last = now;
	el = since(&pg->t0, &now);
	rate = el > 0 ? (double)pg->done / el : 0;
	pct = pg->total ? 100.0 * (double)pg->done / (double)pg->total : 100.0;
	left = rate > 0 ? (double)(pg->total - pg->done) / rate : 0;
	bar = (int)(pct / 5);
	for (i = 0; i < 20; i++)
		cells[i] = i < bar ? '=' : ' ';
	cells[20] = 0;
	fprintf(stderr, "\r%s: %8.1f MB [%s] %5.1f%% %7.1f MB/s ETA %d:%02d%s",
	    ar_prog, (double)pg->done / 1e6, cells, pct, rate / 1e6,
	    (int)left / 60, (int)left % 60, final ? "\n" : "");
}

/* On only with --progress, on a terminal, when every operand is a regular
 * file (else there is no size to measure against). */
static void
progress_start(struct progress *pg, int argc, char **argv)
{
	struct stat st;
	int i;

	if (!ar_opts.progress || !isatty(2))
		return;
	pg->on = 1;
	for (i = 0; i < argc || (argc == 0 && i == 0); i++) {
		int bad = argc ? (strcmp(argv[i], "-") ? stat(argv[i], &st) : fstat(0, &st))
		    : fstat(0, &st);
		if (bad || !S_ISREG(st.st_mode)) {
			pg->on = 0;
			return;
		}
		pg->total += st.st_size;
	}
	clock_gettime(CLOCK_MONOTONIC, &pg->t0);
}

static void
progress_add(struct progress *pg, size_t bytes)
{
	if (!pg->on)
		return;
	pg->done += (off_t)bytes;
	progress_draw(pg, 0);
}

static void
progress_end(struct progress *pg)
{
	if (pg->on)
		progress_draw(pg, 1);
	pg->on = 0;
}

/* ---- documents ---- */
/* ar_doc.name points here, also after the loop */
static struct ar_buf docstore;
static struct ar_header dochead;

void
ar_header_parse(struct ar_header *h, const char *s, size_t n, struct ar_buf *store)
{
	const char *tab;

	store->len = 0;
	ar_u8repair(s + 1, n - 1, store, NULL);
	ar_buf_addc(store, 0);
	h->text = store->s;
	h->len = store->len - 1;
	tab = memchr(h->text, '\t', h->len);
	h->namelen = tab ? (size_t)(tab - h->text) : h->len;
	h->fields = tab ? tab + 1 : h->text + h->len;
	h->fieldslen = tab ? h->len - h->namelen - 1 : 0;
}

int
ar_doc_invalid(unsigned long line, size_t off)
{
	if (ar_opts.strict) {
		ar_warn("%s:%lu: invalid UTF-8 at byte %zu", ar_doc.name, line, off);
		return -1;
	}
	if (!ar_doc.warned++)
		ar_warn("%s:%lu: invalid UTF-8 at byte %zu, replaced by U+FFFD"
		    " (further warnings for this document suppressed)",
		    ar_doc.name, line, off);
	return 0;
}

/* ---- one run of the loop ---- */
struct run {
	struct ar_loop *lp;
	int status;
	int headers;            /* a header before a document named after its operand */
	int in_doc;             /* the operand's lines have begun a document */
	char *buf;              /* what is read and not yet handed out: buf[0..len) */
	size_t cap, len;        /* (AR_BLOCK_PAD more bytes are allocated) */
	struct ar_buf fixed;    /* a line with its invalid UTF-8 repaired */
	struct progress pg;
};

static void
call(struct run *run, ar_doc_fn fn)
{
	if (fn && fn(run->lp->ctx) < 0)
		run->status = 2;
}

/* A new operand: one document named after it, until a header says other. */
static void
doc_operand(struct run *run, const char *name)
{
	size_t n = strlen(name);

	docstore.len = 0;
	ar_buf_add(&docstore, name, n);
	ar_buf_addc(&docstore, 0);
	ar_doc.file = name;
	ar_doc.name = docstore.s;
	ar_doc.namelen = n;
	ar_doc.header = NULL;
	ar_doc.line = 0;
	ar_doc.warned = 0;
	run->in_doc = 0;
}

/* The operand's first line, unless a header came first: its document begins. */
static void
doc_enter(struct run *run)
{
	if (run->in_doc)
		return;
	ar_doc.index++;
	run->in_doc = 1;
	if (run->headers && run->lp->echo_headers)
		ar_out_header(ar_doc.name, ar_doc.namelen);
	call(run, run->lp->begin);
}

/* A header line s[0..n): the document before it ends, its own begins. */
static void
doc_header(struct run *run, const char *s, size_t n)
{
	if (run->in_doc)
		call(run, run->lp->end);
	ar_header_parse(&dochead, s, n, &docstore);
	ar_doc.name = dochead.text;
	ar_doc.namelen = dochead.len;
	ar_doc.header = &dochead;
	ar_doc.line = 0;
	ar_doc.index++;
	ar_doc.warned = 0;
	run->in_doc = 1;
	if (run->lp->echo_headers)
		ar_out_header(ar_doc.name, ar_doc.namelen);
	call(run, run->lp->begin);
}

/* Complete lines p[0..n), one by one. -1 stops the operand (--strict). */
static int
hand_lines(struct run *run, char *p, size_t n)
{
	size_t pos = 0;

	while (pos < n) {
		char *nl = memchr(p + pos, '\n', n - pos), *s = p + pos;
		size_t e = nl ? (size_t)(nl - p) : n, len = e - pos;
		while (len && s[len - 1] == '\r')      /* CRLF, and CRs before it */
			len--;
		pos = e + 1;
		if (ar_is_header(s, len)) {
			doc_header(run, s, len);
			continue;
		}
		doc_enter(run);
		ar_doc.line++;
		size_t bad = ar_u8valid(s, len);
		if (bad < len) {
			if (ar_doc_invalid(ar_doc.line, bad) < 0) {
				run->status = 2;
				return -1;
			}
			run->fixed.len = 0;
			ar_u8repair(s, len, &run->fixed, NULL);
			s = run->fixed.s;
			len = run->fixed.len;
		}
		if (run->lp->line(s, len, run->lp->ctx) < 0)
			run->status = 2;
	}
	return 0;
}

/* Complete lines p[0..n), as blocks between the header lines. */
static int
hand_blocks(struct run *run, const char *p, size_t n)
{
	size_t pos = 0;

	while (pos < n) {
		size_t h = pos;
		const char *f;
		/* next "\f" at the start of a line */
		for (;;) {
			f = memchr(p + h, '\f', n - h);
			if (!f || f == p || f[-1] == '\n' || (size_t)(f - p) == pos)
				break;
			h = (size_t)(f - p) + 1;
		}
		size_t he = f ? (size_t)(f - p) : n;
		if (he > pos) {
			doc_enter(run);
			if (run->lp->block(p + pos, he - pos, run->lp->ctx) < 0)
				run->status = 2;
		}
		if (!f)
			break;
		const char *nl = memchr(f, '\n', n - he);
		size_t e = nl ? (size_t)(nl - p) : n, le = e;
		while (le > he && p[le - 1] == '\r')
			le--;
		doc_header(run, f, le - he);
		pos = e + 1;
	}
	return 0;
}

static int
open_operand(struct run *run, const char *name)
{
	int fd = 0;

	if (strcmp(name, "-") && (fd = open(name, O_RDONLY)) < 0) {
		ar_warn("%s: %s", name, strerror(errno));
		run->status = 2;
		return -1;
	}
#ifdef POSIX_FADV_SEQUENTIAL
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	return fd;
}

/* Read the operand, handing out its complete lines as they come (all that
 * is left at the end of input, followed by AR_BLOCK_PAD zero bytes). */
static void
read_operand(struct run *run, const char *name)
{
	int fd = open_operand(run, name), eof = 0;

	if (fd < 0)
		return;
	doc_operand(run, name);
	run->len = 0;
	while (!eof) {
		if (run->cap - run->len < 64 * 1024) {
			run->cap *= 2;
			run->buf = ar_realloc(run->buf, run->cap + AR_BLOCK_PAD);
		}
		ssize_t got = read(fd, run->buf + run->len, run->cap - run->len);
		ar_sig_check();                 /* between lines: exit cleanly */
		if (got < 0) {
			if (errno == EINTR)
				continue;
			ar_warn("%s: read error: %s", name, strerror(errno));
			run->status = 2;
			break;
		}
		if (got == 0)
			eof = 1;
		progress_add(&run->pg, (size_t)got);
		size_t old = run->len, upto;
		run->len += (size_t)got;
		upto = run->len;
		if (eof) {
			memset(run->buf + run->len, 0, AR_BLOCK_PAD);
		} else {
			/* the remainder before old holds no newline */
			while (upto > old && run->buf[upto - 1] != '\n')
				upto--;
			if (upto == old)
				continue;
		}
		if ((run->lp->block ? hand_blocks(run, run->buf, upto)
		    : hand_lines(run, run->buf, upto)) < 0)
			break;
		memmove(run->buf, run->buf + upto, run->len - upto);
		run->len -= upto;
	}
	if (run->in_doc)
		call(run, run->lp->end);
	if (fd != 0)
		close(fd);
}

int
ar_loop_run(struct ar_loop *lp, int argc, char **argv)
{
	static char *stdin_arg[] = { "-" };
	struct run run = { .lp = lp };
	int i;

	run.headers = ar_opts.headers < 0 ? argc > 0 : ar_opts.headers;
	progress_start(&run.pg, argc, argv);
	if (argc == 0) {
		argc = 1;
		argv = stdin_arg;
	}
	/* blocks are scanned a megabyte at a time; lines need less */
	run.cap = lp->block ? 1 << 20 : 256 * 1024;
	run.buf = ar_alloc(run.cap + AR_BLOCK_PAD);
	for (i = 0; i < argc; i++)
		read_operand(&run, argv[i]);
	progress_end(&run.pg);
	call(&run, lp->done);
	free(run.buf);
	ar_buf_free(&run.fixed);
	return run.status | ar_out_close();
}
