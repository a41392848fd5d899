/* lines.c: the reader every tool runs. Reads operands as cat does (input.c
 * walks directories and converts encodings), tracks documents: their "\f"
 * header lines with their fields, or, with --input=jsonl, the records of a
 * JSON Lines stream; decides where a document's output goes (a header
 * before it as grep writes names, its own file with --output-dir, back into
 * its record) and the exit status. A tool takes either lines (of any
 * length, LF or CRLF, final newline optional, invalid UTF-8 repaired; a
 * line longer than the tool's piece comes in pieces) or, in block mode,
 * blocks of whole lines of one document with no header among them, which
 * it scans itself (ar-kwic: most of a text is never looked at line by
 * line). */
#include "arlib.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <limits.h>

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
/* fields a tool sets for the header it writes: "key=value\0" one after
 * another, values as given (escaped when written) */
static struct ar_buf setfields;
/* --input=jsonl: the current record and its members */
#define MAXMEMBERS 64
static struct ar_buf record;
static struct ar_json_member members[MAXMEMBERS];
static int nmembers;
static struct ar_buf fieldval;          /* what ar_doc_field returns */

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

/* TSV's escapes undone: \t \n \r \\ */
static void
unescape(const char *s, size_t n, struct ar_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char c = s[++i];
			ar_buf_addc(out, c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
		} else {
			ar_buf_addc(out, s[i]);
		}
	}
}

/* The raw value of field key in "k=v<TAB>k=v", or NULL. */
static const char *
raw_field(const char *f, size_t n, const char *key, size_t kl, size_t *vl)
{
	size_t i = 0;

	while (i < n) {
		const char *t = memchr(f + i, '\t', n - i);
		size_t e = t ? (size_t)(t - f) : n;
		if (e - i > kl && f[i + kl] == '=' && !memcmp(f + i, key, kl)) {
			*vl = e - i - kl - 1;
			return f + i + kl + 1;
		}
		i = e + 1;
	}
	return NULL;
}

const char *
ar_doc_field(const char *key, size_t *len)
{
	size_t kl = strlen(key), vl;
	const char *v;

	/* what the tool set wins, then the header's, then the record's */
	for (size_t i = 0; i < setfields.len;) {
		const char *f = setfields.s + i;
		size_t fl = strlen(f);
		if (fl > kl && f[kl] == '=' && !memcmp(f, key, kl)) {
			*len = fl - kl - 1;
			return f + kl + 1;
		}
		i += fl + 1;
	}
	fieldval.len = 0;
	if (ar_doc.header && (v = raw_field(ar_doc.header->fields, ar_doc.header->fieldslen,
	    key, kl, &vl))) {
		unescape(v, vl, &fieldval);
	} else if (ar_opts.jsonl) {
		int k;
		for (k = 0; k < nmembers; k++)
			if (members[k].keylen == kl && !memcmp(members[k].key, key, kl))
				break;
		if (k == nmembers || !strcmp(key, ar_opts.text_field))
			return NULL;
		if (ar_json_decode(members[k].val, members[k].vallen, &fieldval) < 0)
			ar_buf_add(&fieldval, members[k].val, members[k].vallen);
	} else {
		return NULL;
	}
	ar_buf_addc(&fieldval, 0);
	*len = fieldval.len - 1;
	return fieldval.s;
}

void
ar_doc_set_field(const char *key, const char *val, size_t n)
{
	struct ar_buf keep = { 0 };
	size_t kl = strlen(key);

	/* drop an earlier value of the key */
	for (size_t i = 0; i < setfields.len;) {
		const char *f = setfields.s + i;
		size_t fl = strlen(f);
		if (!(fl > kl && f[kl] == '=' && !memcmp(f, key, kl)))
			ar_buf_add(&keep, f, fl + 1);
		i += fl + 1;
	}
	setfields.len = 0;
	ar_buf_add(&setfields, keep.s, keep.len);
	ar_buf_free(&keep);
	if (!val)
		return;         /* unset: the header's own value shows again */
	ar_buf_add(&setfields, key, kl);
	ar_buf_addc(&setfields, '=');
	ar_buf_add(&setfields, val, n);
	ar_buf_addc(&setfields, 0);
}

/* Has the tool set key? */
static int
set_has(const char *key, size_t kl)
{
	for (size_t j = 0; j < setfields.len;) {
		const char *sf = setfields.s + j;
		size_t sl = strlen(sf);
		if (sl > kl && sf[kl] == '=' && !memcmp(sf, key, kl))
			return 1;
		j += sl + 1;
	}
	return 0;
}

/* A header is input: on a terminal its controls are shown as spaces, as
 * in every row, so a name cannot retitle or reprogram the terminal; into a
 * pipe or a file it passes unchanged. */
static void
head_write(const char *s, size_t n)
{
	static int tty = -1;

	if (tty < 0)
		tty = isatty(1);
	tty ? ar_term_write(s, n) : ar_out_write(s, n);
}

void
ar_out_header_doc(const char *name, size_t n)
{
	if (!ar_doc.want_header)
		return;
	if (!name)
		name = ar_doc.name, n = ar_doc.namelen;
	ar_out_putc('\f');
	head_write(name, n);
	/* the header's own fields, but those the tool set, in their order */
	if (ar_doc.header) {
		const char *f = ar_doc.header->fields;
		size_t fn = ar_doc.header->fieldslen, i = 0;
		while (i < fn) {
			const char *t = memchr(f + i, '\t', fn - i);
			size_t e = t ? (size_t)(t - f) : fn;
			const char *eq = memchr(f + i, '=', e - i);
			size_t kl = eq ? (size_t)(eq - (f + i)) : e - i;
			if (e > i && !(eq && set_has(f + i, kl))) {
				ar_out_putc('\t');
				head_write(f + i, e - i);
			}
			i = e + 1;
		}
	}
	for (size_t i = 0; i < setfields.len;) {
		const char *sf = setfields.s + i;
		size_t sl = strlen(sf);
		const char *eq = memchr(sf, '=', sl);
		ar_out_putc('\t');
		ar_out_write(sf, (size_t)(eq - sf) + 1);
		ar_out_tsv_str(eq + 1, sl - (size_t)(eq - sf) - 1);
		i += sl + 1;
	}
	ar_out_eol();
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
	int skip;               /* the rest of this document is not wanted */
	char *buf;              /* what is read and not yet handed out: buf[0..len) */
	size_t cap, len;        /* (AR_BLOCK_PAD more bytes are allocated) */
	size_t piece;           /* the longest line a callback gets whole */
	int piece_open;         /* a line was handed out in part: more follows */
	size_t line_off;        /* bytes of the line in the pieces before */
	int drop_line;          /* the rest of an over-long header line goes */
	int long_warned;        /* a line of this document came in pieces */
	int binary;             /* the operand has NUL bytes (searching tools) */
	size_t scan_from;       /* buf[0..scan_from) holds no newline */
	int valid;              /* the lines being handed out are valid UTF-8 */
	struct ar_buf fixed;    /* a line with its invalid UTF-8 repaired */
	struct ar_buf text;     /* --input=jsonl: the record's text */
	struct ar_buf caught;   /* --input=jsonl: a filter's output for it */
	int outfd;              /* --output-dir: this document's file, or -1 */
	struct ar_buf outname;
	struct progress pg;
};

static void
call(struct run *run, ar_doc_fn fn)
{
	if (fn && fn(run->lp->ctx) < 0)
		run->status = 2;
}

/* mkdir -p: every directory on the way to p->s (NUL-terminated). */
static int
make_dirs(struct ar_buf *p, size_t from)
{
	for (size_t i = from + 1; i <= p->len; i++) {
		if (i < p->len && p->s[i] != '/')
			continue;
		char c = p->s[i];
		p->s[i] = 0;
		int bad = mkdir(p->s, 0777) < 0 && errno != EEXIST;
		if (bad)
			ar_warn("%s: %s", p->s, strerror(errno));
		p->s[i] = c;
		if (bad)
			return -1;
	}
	return 0;
}

/* The paths written in this run, as 64-bit hashes in an open-addressed
 * table: 8 bytes a document, so a crawl of millions stays small. */
static uint64_t *written;
static size_t nwritten, capwritten;

static uint64_t
path_hash(const char *s)
{
	uint64_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h | 1;                   /* 0 marks an empty slot */
}

/* Add a path's hash; 0 when it was there already. */
static int
written_add(uint64_t h)
{
	size_t i;

	if (2 * (nwritten + 1) > capwritten) {
		uint64_t *old = written;
		size_t oldcap = capwritten;
		capwritten = capwritten ? 2 * capwritten : 1024;
		written = ar_alloc(capwritten * sizeof *written);
		memset(written, 0, capwritten * sizeof *written);
		nwritten = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i])
				written_add(old[i]);
		free(old);
	}
	for (i = h & (capwritten - 1); written[i]; i = (i + 1) & (capwritten - 1))
		if (written[i] == h)
			return 0;
	written[i] = h;
	nwritten++;
	return 1;
}

/* Two documents of one name would be one file, the first lost: the
 * second becomes NAME.1, the next NAME.2, as wget names them. P holds the
 * path without its NUL; it leaves with one. */
static void
outdir_unique(struct ar_buf *p)
{
	size_t len = p->len;
	unsigned long k = 0;

	ar_buf_addc(p, 0);
	while (!written_add(path_hash(p->s))) {
		char num[24];
		p->len = len;
		ar_buf_add(p, num, (size_t)snprintf(num, sizeof num, ".%lu", ++k));
		ar_buf_addc(p, 0);
	}
	if (k)
		ar_warn("%.*s: a document of this name was written already; this one goes to %s",
		    (int)len, p->s, p->s);
}

/* --output-dir: DIR/NAME, made safe: no absolute path, no "..". */
static void
outdir_open(struct run *run)
{
	const char *name = ar_doc.namelen == 1 && ar_doc.name[0] == '-' ? "stdin" : ar_doc.name;
	size_t n = strlen(name), i;
	struct ar_buf *p = &run->outname;

	p->len = 0;
	ar_buf_add(p, ar_opts.output_dir, strlen(ar_opts.output_dir));
	ar_buf_addc(p, 0);
	p->len--;
	if (make_dirs(p, 0) < 0)
		run->status = 2;
	for (i = 0; i < n && name[i] == '/'; i++)
		;
	for (; i < n;) {
		const char *sl = memchr(name + i, '/', n - i);
		size_t e = sl ? (size_t)(sl - name) : n;
		if (e > i && !(e - i == 2 && name[i] == '.' && name[i + 1] == '.')
		    && !(e - i == 1 && name[i] == '.')) {
			ar_buf_addc(p, '/');
			ar_buf_add(p, name + i, e - i);
			if (sl) {               /* make the directory on the way */
				ar_buf_addc(p, 0);
				if (mkdir(p->s, 0777) < 0 && errno != EEXIST) {
					ar_warn("%s: %s", p->s, strerror(errno));
					run->status = 2;
				}
				p->len--;
			}
		}
		i = e + 1;
	}
	outdir_unique(p);
	run->outfd = open(p->s, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (run->outfd < 0) {
		ar_warn("%s: %s", p->s, strerror(errno));
		run->status = 2;
		run->outfd = open("/dev/null", O_WRONLY);
	}
	ar_out_to_fd(run->outfd, p->s);
}

static void
doc_begin(struct run *run)
{
	setfields.len = 0;
	run->skip = 0;
	run->long_warned = 0;
	ar_doc.partial = 0;
	ar_doc.binary = run->binary;
	ar_doc.index++;
	run->in_doc = 1;
	if (ar_opts.jsonl && run->lp->filter) {
		run->caught.len = 0;
		ar_out_capture(&run->caught);
	} else if (ar_opts.output_dir && run->lp->filter) {
		outdir_open(run);
	}
	if (ar_doc.want_header && run->lp->echo_headers)
		ar_out_header_doc(NULL, 0);
	call(run, run->lp->begin);
}

/* The record with its text replaced by what the filter wrote */
static void
record_out(struct run *run)
{
	int k;
	size_t n;

	ar_out_capture(NULL);   /* flushes into caught first */
	n = run->caught.len;
	if (n && run->caught.s[n - 1] == '\n')
		n--;
	for (k = 0; k < nmembers; k++)
		if (members[k].keylen == strlen(ar_opts.text_field)
		    && !memcmp(members[k].key, ar_opts.text_field, members[k].keylen))
			break;
	const char *r = record.s, *v = members[k].val;
	ar_out_write(r, (size_t)(v - r));
	ar_out_json_str(run->caught.s ? run->caught.s : "", n);
	ar_out_write(v + members[k].vallen, record.len - (size_t)(v + members[k].vallen - r));
	ar_out_eol();
}

static void
doc_end(struct run *run)
{
	if (!run->in_doc)
		return;
	call(run, run->lp->end);
	run->in_doc = 0;
	if (ar_opts.jsonl && run->lp->filter) {
		record_out(run);
	} else if (run->outfd >= 0) {
		ar_out_to_fd(1, NULL);
		if (close(run->outfd) < 0) {
			ar_warn("%s: %s", run->outname.s, strerror(errno));
			run->status = 2;
		}
		run->outfd = -1;
	}
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
	ar_doc.want_header = run->headers && !ar_opts.output_dir && !ar_opts.jsonl;
	run->in_doc = 0;
}

/* The operand's first line, unless a header came first: its document begins. */
static void
doc_enter(struct run *run)
{
	if (!run->in_doc)
		doc_begin(run);
}

/* A header line s[0..n): the document before it ends, its own begins. */
static void
doc_header(struct run *run, const char *s, size_t n)
{
	doc_end(run);
	ar_header_parse(&dochead, s, n, &docstore);
	ar_doc.name = dochead.text;
	ar_doc.namelen = dochead.namelen;
	ar_doc.header = &dochead;
	ar_doc.line = 0;
	ar_doc.warned = 0;
	/* input with headers keeps them, but -h */
	ar_doc.want_header = ar_opts.headers != 0 && !ar_opts.output_dir && !ar_opts.jsonl;
	doc_begin(run);
}

static int
letter_at(const unsigned char *p)
{
	return (p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')
	    || (p[0] == 0xD8 && p[1] >= 0xA1 && p[1] <= 0xBF)
	    || (p[0] == 0xD9 && p[1] >= 0x81 && p[1] <= 0x8A);
}

/* Where to cut a line too long for one callback, at most at lim: before a
 * word, after the space that ends a white-space run (no token, run, cluster
 * of marks or character reference is cut: what ar-norm's steps and
 * ar-split's tokens need); else between two letters; else at a character
 * boundary. */
static size_t
cut_point(const unsigned char *p, size_t lim)
{
	size_t lo = lim > 65536 ? lim - 65536 : 1;

	for (size_t i = lim; i > lo; i--)
		if (p[i - 1] == ' ' && letter_at(p + i))
			return i;
	for (size_t i = lim; i > lo; i--) {
		unsigned char a = p[i - 1], b = p[i];
		int al = (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z')
		    || (a >= 0xA1 && a <= 0xBF && i >= 2 && p[i - 2] == 0xD8)
		    || (a >= 0x81 && a <= 0x8A && i >= 2 && p[i - 2] == 0xD9);
		int bl = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
		    || ((b == 0xD8 && p[i + 1] >= 0xA1 && p[i + 1] <= 0xBF)
		    || (b == 0xD9 && p[i + 1] >= 0x81 && p[i + 1] <= 0x8A));
		if (al && bl && !(i + 3 < lim && p[i + 2] == 0xD9 && p[i + 3] >= 0x8B
		    && p[i + 3] <= 0x9F) && (a >= 0x80 || !memchr(p + (i > 40 ? i - 40 : 0), '&',
		    i > 40 ? 40 : i)))
			return i;       /* (Latin letters: not inside a reference) */
	}
	while (lim > 1 && (p[lim] & 0xC0) == 0x80)
		lim--;
	return lim;
}

/* A tool that did not ask for pieces is told once a document. */
static void
long_line_warn(struct run *run)
{
	if (!run->lp->pieces && !run->long_warned++)
		ar_warn("%s:%lu: a line longer than --max-line (%zu bytes): read in pieces",
		    ar_doc.name, ar_doc.line, run->piece);
}

/* A line the tool gets: repaired, and in pieces when longer than piece. */
static int
hand_line(struct run *run, const char *s, size_t len, int partial)
{
	if (run->skip)
		return 0;
	size_t bad = run->valid ? len : ar_u8valid(s, len);
	if (bad < len) {
		if (ar_doc_invalid(ar_doc.line, run->line_off + bad) < 0) {
			run->status = 2;
			return -1;
		}
		run->fixed.len = 0;
		ar_u8repair(s, len, &run->fixed, NULL);
		s = run->fixed.s;
		len = run->fixed.len;
	}
	ar_doc.partial = partial;
	int r = run->lp->line(s, len, run->lp->ctx);
	ar_doc.partial = 0;
	if (r < 0)
		run->status = 2;
	else if (r == AR_SKIP_DOC)
		run->skip = 1;
	return 0;
}

/* Complete lines p[0..n), one by one. -1 stops the operand (--strict). */
static int
hand_lines(struct run *run, char *p, size_t n)
{
	size_t pos = 0;

	/* one check of the whole block, not one a line: a newline ends no
	 * sequence, so every line of a valid block is valid */
	run->valid = ar_u8valid(p, n) == n;
	while (pos < n) {
		char *nl = memchr(p + pos, '\n', n - pos), *s = p + pos;
		size_t e = nl ? (size_t)(nl - p) : n, len = e - pos;
		while (len && s[len - 1] == '\r')      /* CRLF, and CRs before it */
			len--;
		pos = e + 1;
		if (ar_is_header(s, len) && !run->piece_open) {
			doc_header(run, s, len);
			continue;
		}
		doc_enter(run);
		if (!run->piece_open)
			ar_doc.line++, run->line_off = 0;
		/* longer than the tool's piece though it came whole in one read */
		while (len > run->piece + 4) {
			size_t cut = cut_point((const unsigned char *)s, run->piece);
			long_line_warn(run);
			if (hand_line(run, s, cut, 1) < 0)
				return run->valid = 0, -1;
			s += cut;
			len -= cut;
			run->line_off += cut;
		}
		run->piece_open = 0;
		if (hand_line(run, s, len, 0) < 0)
			return run->valid = 0, -1;
	}
	run->valid = 0;
	return 0;
}

/* The buffer holds no newline and more than the tool takes in one piece:
 * hand out the first piece of the line. */
static size_t
hand_piece(struct run *run)
{
	size_t cut = cut_point((const unsigned char *)run->buf, run->piece);

	if (!run->piece_open && ar_is_header(run->buf, run->len)) {
		/* a header of that length: its name is cut, the rest dropped */
		ar_warn("%s: a header line longer than %zu bytes: cut", ar_doc.file, run->piece);
		doc_header(run, run->buf, cut);
		run->drop_line = 1;
		return cut;
	}
	doc_enter(run);
	if (!run->piece_open)
		ar_doc.line++, run->line_off = 0;
	long_line_warn(run);
	if (run->lp->block && !run->lp->clean) {
		ar_doc.partial = 1;
		if (!run->skip) {
			int r = run->lp->block(run->buf, cut, run->lp->ctx);
			if (r < 0)
				run->status = 2;
			else if (r == AR_SKIP_DOC)
				run->skip = 1;
		}
		ar_doc.partial = 0;
	} else {
		hand_line(run, run->buf, cut, 1);
	}
	run->piece_open = 1;
	run->line_off += cut;
	return cut;
}

/* A block callback's answer into the run's state. */
static void
block_said(struct run *run, int r)
{
	if (r < 0)
		run->status = 2;
	else if (r == AR_SKIP_DOC)
		run->skip = 1;
}

/* Clean block mode: whole lines p[0..n) of one document, no header among
 * them, to the block callback if they are valid UTF-8 with no CR (and the
 * reader counts them), else line by line as line mode hands them; the end
 * of a line that came in pieces goes that way first. */
static int
hand_clean(struct run *run, char *p, size_t n)
{
	if (run->piece_open) {
		char *nl = memchr(p, '\n', n);
		size_t e = nl ? (size_t)(nl - p) + 1 : n;
		if (hand_lines(run, p, e) < 0)
			return -1;
		p += e, n -= e;
	}
	if (!n || run->skip)
		return 0;
	if (memchr(p, '\r', n) || ar_u8valid(p, n) < n)
		return hand_lines(run, p, n);
	block_said(run, run->lp->block(p, n, run->lp->ctx));
	ar_doc.line += ar_count_byte(p, n, '\n') + (p[n - 1] != '\n');
	return 0;
}

/* Complete lines p[0..n), as blocks between the header lines. */
static int
hand_blocks(struct run *run, char *p, size_t n)
{
	size_t pos = 0;

	while (pos < n) {
		size_t h = pos;
		const char *f;
		/* next "\f" at the start of a line */
		for (;;) {
			f = memchr(p + h, '\f', n - h);
			if (!f || (f == p ? !run->piece_open : f[-1] == '\n'))
				break;
			h = (size_t)(f - p) + 1;
		}
		size_t he = f ? (size_t)(f - p) : n;
		if (he > pos) {
			doc_enter(run);
			if (run->lp->clean) {
				if (hand_clean(run, p + pos, he - pos) < 0)
					return -1;
			} else {
				run->piece_open = 0;
				if (!run->skip)
					block_said(run, run->lp->block(p + pos, he - pos, run->lp->ctx));
			}
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

/* ---- --input=jsonl: a record a line, its text a document ---- */

static void
hand_record(struct run *run, const char *s, size_t n, unsigned long recno)
{
	int k, t = -1, id = -1;

	while (n && (s[n - 1] == '\r' || s[n - 1] == ' '))
		n--;
	if (!n)
		return;
	record.len = 0;
	ar_buf_add(&record, s, n);
	nmembers = ar_json_members(record.s, record.len, members, MAXMEMBERS);
	for (k = 0; k < nmembers; k++) {
		if (members[k].keylen == strlen(ar_opts.text_field)
		    && !memcmp(members[k].key, ar_opts.text_field, members[k].keylen))
			t = k;
		else if (members[k].keylen == 2 && !memcmp(members[k].key, "id", 2))
			id = k;
	}
	run->text.len = 0;
	if (nmembers < 0 || t < 0 || ar_json_decode(members[t].val, members[t].vallen, &run->text) < 0) {
		ar_warn("%s:%lu: %s", ar_doc.file, recno, nmembers < 0 ? "not a JSON object"
		    : t < 0 ? "no text field (see --text-field)" : "the text field is not a string");
		run->status = 2;
		nmembers = 0;
		if (run->lp->filter) {  /* a filter loses no record: it goes on as it came */
			ar_out_write(record.s, record.len);
			ar_out_eol();
		}
		return;
	}
	/* the document's name: the id, else the record's number */
	docstore.len = 0;
	if (id < 0 || ar_json_decode(members[id].val, members[id].vallen, &docstore) < 0) {
		if (id >= 0)
			ar_buf_add(&docstore, members[id].val, members[id].vallen);
		else {
			char num[32];
			int l = snprintf(num, sizeof num, "%lu", recno);
			ar_buf_add(&docstore, num, (size_t)l);
		}
	}
	run->fixed.len = 0;             /* names are text: repair them too */
	ar_u8repair(docstore.s ? docstore.s : "", docstore.len, &run->fixed, NULL);
	docstore.len = 0;
	ar_buf_add(&docstore, run->fixed.s, run->fixed.len);
	ar_buf_addc(&docstore, 0);
	ar_doc.name = docstore.s;
	ar_doc.namelen = docstore.len - 1;
	ar_doc.header = NULL;
	ar_doc.line = 0;
	ar_doc.warned = 0;
	ar_doc.want_header = 0;
	doc_begin(run);
	ar_buf_addc(&run->text, '\n');
	if (run->lp->block && !(run->lp->clean && (memchr(run->text.s, '\r', run->text.len)
	    || ar_u8valid(run->text.s, run->text.len) < run->text.len))) {
		if (run->text.len + AR_BLOCK_PAD > run->text.cap)
			ar_buf_grow(&run->text, AR_BLOCK_PAD);
		memset(run->text.s + run->text.len, 0, AR_BLOCK_PAD);
		if (run->lp->block(run->text.s, run->text.len - 1, run->lp->ctx) < 0)
			run->status = 2;
		if (run->lp->clean && run->text.len > 1)
			ar_doc.line += ar_count_byte(run->text.s, run->text.len - 1, '\n')
			    + (run->text.s[run->text.len - 2] != '\n');
	} else {
		/* the text's own form feeds start no document: lines as they are */
		size_t pos = 0, len = run->text.len - 1;
		while (pos < len) {
			const char *nl = memchr(run->text.s + pos, '\n', len - pos);
			size_t e = nl ? (size_t)(nl - run->text.s) : len, l = e - pos;
			while (l && run->text.s[pos + l - 1] == '\r')
				l--;
			ar_doc.line++;
			if (hand_line(run, run->text.s + pos, l, 0) < 0)
				break;
			pos = e + 1;
		}
	}
	doc_end(run);
}

static int
hand_records(struct run *run, char *p, size_t n, unsigned long *recno)
{
	size_t pos = 0;

	while (pos < n) {
		char *nl = memchr(p + pos, '\n', n - pos);
		size_t e = nl ? (size_t)(nl - p) : n;
		(*recno)++;
		hand_record(run, p + pos, e - pos, *recno);
		pos = e + 1;
	}
	return 0;
}

/* ---- reading an operand ---- */

/* The first bytes of an operand: say what is not UTF-8 text. 1 to skip
 * the operand (a filter given binary input), else 0. */
static int
sniff(struct run *run, const char *name)
{
	int kind = ar_input_sniff((const unsigned char *)run->buf, run->len);
	const char *enc = ar_sniff_name(kind);

	if (kind == AR_SNIFF_TEXT || ar_opts.encoding)
		return 0;
	if (enc) {
		ar_warn("%s: this looks like %s text, not UTF-8: read it with --encoding=%s",
		    name, enc, enc);
		if (kind == AR_SNIFF_CP1256)
			return 0;       /* read on: bad bytes become U+FFFD */
	}
	if (ar_opts.text)
		return 0;
	if (!run->lp->search) {
		if (!enc)
			ar_warn("%s: binary file (NUL bytes): not read (-a reads it as text)", name);
		run->status = 2;
		return 1;
	}
	run->binary = 1;        /* the searching tools say "Binary file NAME matches" */
	return 0;
}

/* Read the operand, handing out its complete lines as they come (all that
 * is left at the end of input, followed by AR_BLOCK_PAD zero bytes). */
static int
read_operand(const char *name, void *ctx)
{
	struct run *run = ctx;
	static struct ar_input in;
	int eof = 0, first = 1, rc;
	unsigned long recno = 0;

	if ((rc = ar_input_open(&in, name)) < 0) {
		if (rc == -2)
			exit(2);        /* an unknown encoding: the same for every file */
		run->status = 2;
		return 0;
	}
	doc_operand(run, name);
	run->len = run->scan_from = 0;
	run->piece_open = run->drop_line = run->binary = 0;
	while (!eof) {
		if (run->cap - run->len < 64 * 1024) {
			run->cap *= 2;
			run->buf = ar_realloc(run->buf, run->cap + AR_BLOCK_PAD + 4);
		}
		ssize_t got = ar_input_read(&in, run->buf + run->len, run->cap - run->len);
		if (got < 0) {
			ar_warn("%s: read error: %s", name, strerror(errno));
			run->status = 2;
			break;
		}
		if (got == 0)
			eof = 1;
		progress_add(&run->pg, (size_t)got);
		run->len += (size_t)got;
		if (first) {            /* look at what the first read brought */
			first = 0;
			if (!ar_opts.jsonl && sniff(run, name))
				break;
		}
		if (run->drop_line) {   /* the rest of an over-long header */
			const char *nl = memchr(run->buf, '\n', run->len);
			size_t d = nl ? (size_t)(nl - run->buf) + 1 : run->len;
			memmove(run->buf, run->buf + d, run->len - d);
			run->len -= d;
			run->drop_line = !nl;
			run->scan_from = 0;
			if (!nl)
				continue;
		}
		size_t upto = run->len;
		if (eof) {
			memset(run->buf + run->len, 0, AR_BLOCK_PAD + 4);
		} else {
			while (upto > run->scan_from && run->buf[upto - 1] != '\n')
				upto--;
			if (upto == run->scan_from) {   /* no newline yet */
				run->scan_from = run->len;
				/* a line too long for one callback: its first piece */
				if (!ar_opts.jsonl && run->len > run->piece + 4) {
					size_t cut = hand_piece(run);
					memmove(run->buf, run->buf + cut, run->len - cut);
					run->len -= cut;
					run->scan_from = run->len;
				}
				continue;
			}
		}
		if ((ar_opts.jsonl ? hand_records(run, run->buf, upto, &recno)
		    : run->lp->block ? hand_blocks(run, run->buf, upto)
		    : hand_lines(run, run->buf, upto)) < 0)
			break;
		memmove(run->buf, run->buf + upto, run->len - upto);
		run->len -= upto;
		run->scan_from = 0;
	}
	doc_end(run);
	ar_input_close(&in);
	return 0;
}

int
ar_loop_run(struct ar_loop *lp, int argc, char **argv)
{
	struct run run = { .lp = lp, .outfd = -1 };

	if (ar_opts.jsonl && ar_opts.output_dir && lp->filter)
		ar_die("--output-dir and --input=jsonl: a record's text goes back into "
		    "its record, not to a file; choose one");

	/* headers as grep writes names: two or more files (or -r) */
	if (ar_opts.headers >= 0)
		run.headers = ar_opts.headers;
	else if (ar_opts.recursive)
		run.headers = 1;
	else
		run.headers = argc > 1;
	progress_start(&run.pg, argc, argv);
	/* blocks are scanned a megabyte at a time; lines need less */
	run.piece = lp->pieces ? lp->pieces : ar_opts.max_line;
	run.cap = lp->block ? 1 << 20 : 256 * 1024;
	run.buf = ar_alloc(run.cap + AR_BLOCK_PAD + 4);
	run.status |= ar_operands(argc, argv, read_operand, &run);
	progress_end(&run.pg);
	call(&run, lp->done);
	free(run.buf);
	int status = run.status | ar_out_close();
	/* after the output is closed (its capture, if any, let go) */
	ar_buf_free(&run.fixed);
	ar_buf_free(&run.text);
	ar_buf_free(&run.caught);
	ar_buf_free(&run.outname);
	return status;
}
