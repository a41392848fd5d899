/* arlib.h: the one header every ar-tools program includes.
 * Prototypes are grouped by the source file that defines them. */
#ifndef ARLIB_H
#define ARLIB_H

#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#ifndef AR_VERSION
#define AR_VERSION "0.1.0"
#endif

/* ---- err.c: program name, messages, usage ---- */
extern const char *ar_prog;
void ar_init(const char *argv0, const char *usage, const char *help);
void ar_warn(const char *fmt, ...);                 /* "ar-x: ...\n" on stderr */
_Noreturn void ar_die(const char *fmt, ...);       /* ar_warn, then exit 2 */
_Noreturn void ar_usage(void);                     /* usage line on stderr, exit 2 */
void *ar_alloc(size_t n);                          /* malloc or die */
/* s to f with controls shown (U+2400 pictures) and bidi overrides escaped:
 * every message goes through it, so input cannot drive the terminal */
void ar_safe_write(FILE *f, const char *s, size_t n);
void *ar_realloc(void *p, size_t n);

struct ar_buf;                  /* buf.c */

/* ---- opt.c: options every tool shares ---- */
enum {
	AR_OPT_HELP = 0x1000, AR_OPT_VERSION, AR_OPT_LINEBUF, AR_OPT_STRICT,
	AR_OPT_PROGRESS, AR_OPT_FORMAT, AR_OPT_TSV, AR_OPT_JSON, AR_OPT_CSV, AR_OPT_BOM,
	AR_OPT_ENCODING, AR_OPT_INPUT, AR_OPT_TEXTFIELD, AR_OPT_OUTDIR, AR_OPT_MAXLINE,
	AR_OPT_NULL, AR_OPT_GREP_MAX,
	AR_OPT_TOOL = 0x1100        /* first free code for a tool's own long options */
};
/* -H -h as grep; -r recurse into directories; -a binary input as text */
#define AR_COMMON_SHORTOPTS "Hhra"
#define AR_COMMON_LONGOPTS \
	{ "help",          no_argument, NULL, AR_OPT_HELP }, \
	{ "version",       no_argument, NULL, AR_OPT_VERSION }, \
	{ "line-buffered", no_argument, NULL, AR_OPT_LINEBUF }, \
	{ "strict",        no_argument, NULL, AR_OPT_STRICT }, \
	{ "progress",      no_argument, NULL, AR_OPT_PROGRESS }, \
	{ "with-filename", no_argument, NULL, 'H' }, \
	{ "no-filename",   no_argument, NULL, 'h' }, \
	{ "recursive",     no_argument, NULL, 'r' }, \
	{ "text",          no_argument, NULL, 'a' }, \
	{ "encoding",      required_argument, NULL, AR_OPT_ENCODING }, \
	{ "input",         required_argument, NULL, AR_OPT_INPUT }, \
	{ "text-field",    required_argument, NULL, AR_OPT_TEXTFIELD }, \
	{ "max-line",      required_argument, NULL, AR_OPT_MAXLINE }
/* the filters (ar-norm, ar-split, ar-strip-nav) write documents to files */
#define AR_FILTER_LONGOPTS \
	{ "output-dir", required_argument, NULL, AR_OPT_OUTDIR }
/* the searching tools (ar-kwic, ar-date): grep's choice of documents */
#define AR_GREP_SHORTOPTS "clLqm:"
#define AR_GREP_LONGOPTS \
	{ "count",               no_argument,       NULL, 'c' }, \
	{ "files-with-matches",  no_argument,       NULL, 'l' }, \
	{ "files-without-match", no_argument,       NULL, 'L' }, \
	{ "quiet",               no_argument,       NULL, 'q' }, \
	{ "silent",              no_argument,       NULL, 'q' }, \
	{ "max-count",           required_argument, NULL, 'm' }, \
	{ "null",                no_argument,       NULL, AR_OPT_NULL }
#define AR_FORMAT_LONGOPTS \
	{ "format", required_argument, NULL, AR_OPT_FORMAT }, \
	{ "tsv",    no_argument,       NULL, AR_OPT_TSV }, \
	{ "json",   no_argument,       NULL, AR_OPT_JSON }, \
	{ "csv",    no_argument,       NULL, AR_OPT_CSV }, \
	{ "bom",    no_argument,       NULL, AR_OPT_BOM }

/* --help lines of the shared options, for the tools' help strings
 * (--line-buffered's line is each tool's own: what it flushes differs) */
#define AR_HELP_HEADERS \
"  -H, --with-filename  a \\fNAME header before every document (default:\n" \
"                       with two or more files, or input with headers)\n" \
"  -h, --no-filename    never write header lines\n"
#define AR_HELP_STRICT \
"      --strict         invalid UTF-8 is an error (default: U+FFFD, warning)\n"
#define AR_HELP_INPUT \
"  -r, --recursive      read the files under each directory operand\n" \
"  -a, --text           read binary input (NUL bytes) as text\n" \
"      --encoding=NAME  the input's encoding (iconv: CP1256, ISO-8859-6, UTF-16)\n" \
"      --input=jsonl    JSON Lines documents ({\"id\", \"text\", ...} a line)\n" \
"      --text-field=F   with --input=jsonl, the text is in field F (default text)\n" \
"      --max-line=SIZE  longest line held whole (default 64M; K, M, G)\n"
#define AR_HELP_GREP \
"  -c, --count          the number of hits per document\n" \
"  -l, --files-with-matches  only the names of documents with a hit\n" \
"  -L, --files-without-match only the names of documents without one\n" \
"  -q, --quiet          print nothing; exit 0 at the first hit\n" \
"  -m, --max-count=NUM  at most NUM hits from each document\n" \
"      --null           end the names of -l and -L with NUL\n"
#define AR_HELP_OUTDIR \
"      --output-dir=DIR write each document to DIR/NAME, without a header\n"
#define AR_HELP_TAIL \
"      --progress       show a progress bar on a terminal\n" \
"      --help           show this help and exit\n" \
"      --version        show the version and exit\n"

enum ar_format { AR_FMT_TEXT, AR_FMT_TSV, AR_FMT_JSON, AR_FMT_CSV, AR_FMT_OTHER };
struct ar_opts {
	int headers;          /* -1 default (on with file operands), 0 -h, 1 -H */
	int line_buffered;
	int strict;
	int progress;
	int bom;              /* --bom: CSV starts with a byte order mark */
	enum ar_format format;
	const char *format_name;  /* as given to --format */
	const char *const *extra_formats;  /* a tool's own (NULL-terminated) */
	int recursive;        /* -r: directories are read, file by file */
	int text;             /* -a: binary input is read as text */
	const char *encoding; /* --encoding: iconv(3) name of the input's encoding */
	int jsonl;            /* --input=jsonl: one JSON document a line */
	const char *text_field;   /* --text-field: its text (default "text") */
	const char *output_dir;   /* --output-dir: each document to DIR/NAME */
	size_t max_line;      /* --max-line: longer lines go in pieces */
};
extern struct ar_opts ar_opts;
/* Handle c if it is a shared option; returns 1 if handled, 0 if not.
 * --help and --version print and exit 0; '?' (bad option) exits 2. */
int ar_common_opt(int c, const char *arg);
/* The same for the searching tools' -c -l -L -q -m --null (grep.c). */
int ar_grep_opt(int c, const char *arg);
/* A size: digits with an optional K, M or G (powers of 1024); what names
 * the option in the message. Dies with "too large" or "not a size". */
size_t ar_parse_size(const char *arg, const char *what);
/* A count 0..max; dies with "not a number" or "too large". */
unsigned long ar_parse_count(const char *arg, const char *what, unsigned long max);
/* Parse --format: returns the format, AR_FMT_OTHER for a name in extra
 * (a NULL-terminated list of the tool's own formats), dies otherwise. */
enum ar_format ar_format_parse(const char *name, const char *const *extra);

/* ---- out.c: buffered standard output that checks every write ---- */
struct ar_outbuf { char *buf; size_t len, cap; };
extern struct ar_outbuf ar_ob;
void ar_out_flushbuf(void);                        /* write out the buffer */
void ar_out_direct(const void *p, size_t n);       /* past it (flushed first) */
static inline void ar_out_write(const void *p, size_t n)
{
	if (n == 0)
		return;
	if (ar_ob.len + n > ar_ob.cap) {
		ar_out_flushbuf();
		if (n > ar_ob.cap) {               /* big: write through */
			ar_out_direct(p, n);
			return;
		}
	}
	memcpy(ar_ob.buf + ar_ob.len, p, n);
	ar_ob.len += n;
}
static inline void ar_out_putc(int c)
{
	if (ar_ob.len == ar_ob.cap)
		ar_out_flushbuf();
	ar_ob.buf[ar_ob.len++] = (char)c;
}
static inline void ar_out_str(const char *s) { ar_out_write(s, strlen(s)); }
/* To write straight into the buffer: room for at least want bytes (at most
 * its size), flushing it first where less is left; *room gets how much
 * there is. ar_out_commit(k) then keeps the first k bytes written there. */
static inline char *ar_out_room(size_t want, size_t *room)
{
	if (ar_ob.cap - ar_ob.len < want)
		ar_out_flushbuf();
	*room = ar_ob.cap - ar_ob.len;
	return ar_ob.buf + ar_ob.len;
}
static inline void ar_out_commit(size_t k) { ar_ob.len += k; }
/* n spaces (the columns of a concordance row), a block at a time */
static inline void ar_out_spaces(size_t n)
{
	static const char sp[32] = "                                ";
	for (; n > sizeof sp; n -= sizeof sp)
		ar_out_write(sp, sizeof sp);
	ar_out_write(sp, n);
}
void ar_out_printf(const char *fmt, ...);
/* v in decimal into b (room for 20 digits): its length (snprintf's "%llu",
 * without the cost of a format per number) */
size_t ar_utoa(unsigned long long v, char *b);
void ar_out_num(unsigned long long v);
void ar_out_eol(void);           /* '\n', then flush if line-buffered */
/* Whether ar_out_eol flushes every line (--line-buffered, or a terminal);
 * where it does not, a tool may write a group of lines with their '\n'
 * and call ar_out_eol only after the last. */
int ar_out_linebuf(void);
/* SIGINT, SIGTERM, SIGHUP (set up by ar_init): the line being written is
 * finished, the output flushed, and the program exits 128+N. The readers
 * call ar_sig_check between lines, ar_out_eol after each. */
void ar_signals_init(void);
void ar_sig_check(void);
void ar_out_json_str(const char *s, size_t n);      /* "…" with JSON escapes */
void ar_out_tsv_str(const char *s, size_t n);       /* \t \n \r \\ escaped */
int ar_out_close(void);          /* flush, check; 0 or 2 */
/* Where the output goes: fd (named name in messages; 1 and NULL for
 * standard output), or, while b is not NULL, appended to b. Both flush
 * what was written before. */
void ar_out_to_fd(int fd, const char *name);
void ar_out_capture(struct ar_buf *b);

/* Rows: a tool names its fields once and writes each row field by field, in
 * order; the printer writes TSV (a header line, then values with \t \n \r
 * \\ escaped), JSON Lines (one object a row) or CSV (RFC 4180: a header, a
 * comma between fields, quotes where needed and doubled, CRLF; a BOM first
 * with --bom). Text output is each tool's own. */
enum { AR_F_STR = 0, AR_F_NUM = 1, AR_F_OPT = 0x100 /* JSON: left out when empty */ };
struct ar_field { const char *name; int kind; };
void ar_rows_begin(const struct ar_field *f, int nf);   /* and the header line */
void ar_row_str(const char *s, size_t n);
void ar_row_cstr(const char *s);                        /* NULL is empty */
void ar_row_num(unsigned long long v);
void ar_row_int(long long v);
void ar_row_fixed(double v, int prec);                  /* %.*f */
void ar_row_null(void);                                 /* JSON null, else empty */
void ar_row_end(void);
void ar_row_eol(void);           /* end of a line in the current format */

/* ---- buf.c: growable byte buffer ---- */
struct ar_buf { char *s; size_t len, cap; };
void ar_buf_grow(struct ar_buf *b, size_t extra);
static inline void ar_buf_add(struct ar_buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	if (b->len + n > b->cap)
		ar_buf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
}
static inline void ar_buf_addc(struct ar_buf *b, int c)
{
	if (b->len + 1 > b->cap)
		ar_buf_grow(b, 1);
	b->s[b->len++] = (char)c;
}
void ar_buf_addcp(struct ar_buf *b, int32_t cp);    /* UTF-8 encode */
void ar_buf_free(struct ar_buf *b);

/* FNV-1a over bytes: for the tools' word tables */
static inline uint32_t ar_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* ---- u8.c: UTF-8, widths, character classes ---- */
/* Decode one code point from valid UTF-8 (what the line loop hands out). */
static inline size_t ar_u8dec(const char *p, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)p;
	if (s[0] < 0x80) { *cp = s[0]; return 1; }
	if (s[0] < 0xE0) { *cp = ((s[0] & 0x1F) << 6) | (s[1] & 0x3F); return 2; }
	if (s[0] < 0xF0) {
		*cp = ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	*cp = ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6)
	    | (s[3] & 0x3F);
	return 4;
}
/* Length of the code point that starts at p; 1 for a stray byte. */
static inline size_t ar_u8len(unsigned char b)
{
	return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}
size_t ar_u8enc(int32_t cp, char *out);             /* 1..4 bytes */
/* Offset of the first invalid sequence in s[0..n), or n if valid. */
size_t ar_u8valid(const char *s, size_t n);
/* Copy s to out replacing each maximal invalid subpart by U+FFFD;
 * returns the number of replacements, *first gets the first bad offset. */
size_t ar_u8repair(const char *s, size_t n, struct ar_buf *out, size_t *first);
size_t ar_u8count(const char *s, size_t n);         /* code points */
size_t ar_count_byte(const char *s, size_t n, int c);   /* bytes c in s[0..n) */
/* A scanner that passes over plain text sixteen bytes at a time (SSSE3,
 * chosen at run time). Plain are the ASCII bytes and the two-byte
 * characters U+0600..U+067F that a caller marks with ar_plain_set; other
 * characters and invalid UTF-8 never are, so the scanner stops at both.
 * AR_NO_SIMD=1 in the environment turns the blocks off (callers go on
 * alone, to test their scalar path); AR_NO_AVX2=1 keeps SSSE3;
 * AR_NO_AVX512=1 keeps ar_plain_copy on AVX2. */
struct ar_plain {
	unsigned char ascii[16], arabic[16];
	unsigned char patch[16];        /* ar_plain_copy rewrites these */
	uint16_t to[128];               /* ... into these two bytes */
	unsigned char shrink[128];      /* 0, or 1 + the bytes ar_plain_shrink gives */
	unsigned char latin[64];        /* 0xFF: U+0080 + i is plain (AVX-512) */
	int simd;                       /* 0, 1 SSSE3, 2 AVX2, 3 AVX-512 copy */
	/* ar_plain_ready's tables for AVX-512 (VBMI), 128 bytes each, by an
	 * ASCII byte or by the lead's low bit and a second byte's six bits:
	 * ASCII plain; the second byte written (0 if it stops, 0xC0 if it
	 * goes, 0xFF if it goes with its lead); second byte plain; the lead
	 * written (by its second byte) */
	unsigned char tab[4][128];
};
void ar_plain_init(struct ar_plain *pl);            /* nothing plain yet */
/* After the last ar_plain_set and ar_plain_patch: ar_plain_copy may then
 * take 64 bytes at a time where the CPU has AVX-512 VBMI. */
void ar_plain_ready(struct ar_plain *pl);
void ar_plain_set(struct ar_plain *pl, int32_t cp);
/* From i, a character boundary, the first p >= i whose sixteen bytes hold
 * something not plain, with *mask: bit j for byte p + j, set on the second
 * byte of a two-byte character from U+0600..U+067F (whose lead may be
 * p - 1), else on every byte of what is not plain. Where fewer than sixteen
 * bytes are left (and one to look ahead at), or without SSSE3, *mask is 0
 * and the caller goes on alone.
 * Either way p may fall after a lead 0xD8 or 0xD9 and before its second byte. */
size_t ar_plain_skip(const struct ar_plain *pl, const unsigned char *s,
    size_t i, size_t n, unsigned *mask);
/* A character U+0600..U+067F that ar_plain_copy writes as the two bytes
 * b[0] b[1] of another two-byte character (not plain either). */
void ar_plain_patch(struct ar_plain *pl, int32_t cp, const unsigned char b[2]);
/* A character U+0600..U+067F that ar_plain_copy may delete (len 0) or
 * write as the one ASCII byte b[0] (len 1), where the CPU has AVX-512
 * VBMI2 (harakat, tatweel, digits: the letter's context plays no part);
 * elsewhere it is not plain. */
void ar_plain_shrink(struct ar_plain *pl, int32_t cp, const unsigned char *b, size_t len);
/* ar_plain_skip that also copies: the blocks it passes over go to o (s[i]
 * to o[0], and so on), with the characters marked by ar_plain_patch
 * rewritten and those of ar_plain_shrink deleted or shortened (*wrote says
 * how many bytes went to o), and it passes over those too. It stops at a
 * block holding anything else, not written, with the mask ar_plain_skip
 * gives (the second byte of a shortened letter whose lead is p - 1 may
 * be in it, the lead then written as one byte). Its text is valid UTF-8
 * (what the line loop hands out), so it may end a block sixteen bytes from
 * n, not seventeen. */
size_t ar_plain_copy(const struct ar_plain *pl, const unsigned char *s,
    size_t i, size_t n, unsigned char *restrict o, unsigned *mask, size_t *wrote);
/* A set of bytes in up to eight groups, and which groups a text holds,
 * by the bytes' two nibbles (the "shufti" test: pshufb on sixteen or 32
 * bytes at a time where the CPU has SSSE3 or AVX2, a table alone without).
 * A byte counts for group g when its low nibble is that of some byte of g
 * and its high nibble that of some byte of g, so the answer may hold a
 * group none of whose bytes is there, never miss one that is: a filter
 * before a search. Both paths give the same answer; AR_NO_SIMD=1 in the
 * environment keeps the table. */
struct ar_byteset {
	unsigned char lo[16], hi[16];
	int simd;                       /* 0, 1 SSSE3, 2 AVX2 */
};
void ar_byteset_init(struct ar_byteset *bs);        /* empty */
void ar_byteset_add(struct ar_byteset *bs, unsigned char c, int group);
/* the groups (bit g for group g) that s[0..n) may hold */
unsigned ar_byteset_scan(const struct ar_byteset *bs, const char *s, size_t n);
int ar_u8width(const char *s, size_t n);            /* display columns */
int ar_cpwidth_slow(int32_t cp);
static inline int ar_cpwidth(int32_t cp)            /* display columns of one */
{
	if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0x0621 && cp <= 0x064A))
		return 1;                           /* ASCII, Arabic letters */
	return ar_cpwidth_slow(cp);
}

enum ar_cclass {
	AR_C_OTHER, AR_C_LETTER, AR_C_MARK, AR_C_DIGIT, AR_C_SPACE,
	AR_C_PUNCT, AR_C_SYMBOL, AR_C_FORMAT, AR_C_CONTROL
};
extern unsigned char ar_cclass_bmp[65536];
void ar_cclass_init(void);                          /* called by ar_init */
int ar_cclass_slow(int32_t cp);
static inline int ar_cclass(int32_t cp)
{
	return cp < 0x10000 ? ar_cclass_bmp[cp] : ar_cclass_slow(cp);
}
static inline int ar_is_arabic(int32_t cp)          /* Arabic script blocks */
{
	return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F)
	    || (cp >= 0x0870 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF)
	    || (cp >= 0xFE70 && cp <= 0xFEFF);
}
int ar_digit_value(int32_t cp);                     /* 0..9, or -1 */
static inline int ar_is_wordchar(int32_t cp)       /* letter, mark, digit, tatweel */
{
	int c = ar_cclass(cp);
	return c == AR_C_LETTER || c == AR_C_MARK || c == AR_C_DIGIT;
}

/* ---- input.c: operands: directories, encodings, what the bytes are ---- */
/* Call fn on each operand (none: "-", or "." with -r); a directory is
 * walked with -r, its files in sorted order, and is an error without it.
 * Returns fn's statuses or-ed, 2 for a directory refused. */
typedef int (*ar_operand_fn)(const char *name, void *ctx);
int ar_operands(int argc, char **argv, ar_operand_fn fn, void *ctx);
/* One operand open for reading, converted to UTF-8 with --encoding. */
struct ar_input {
	int fd;
	const char *name;
	void *cd;               /* iconv_t, or NULL when the input is UTF-8 */
	char raw[65536];        /* bytes read, not yet converted */
	size_t rawlen;
	int eof, badenc;
};
/* 0; -1 after a message (cannot open it); -2 (an unknown --encoding). */
int ar_input_open(struct ar_input *in, const char *name);
ssize_t ar_input_read(struct ar_input *in, char *buf, size_t cap);   /* -1 errno */
void ar_input_close(struct ar_input *in);
/* What the first bytes of an operand look like. */
enum { AR_SNIFF_TEXT, AR_SNIFF_BINARY, AR_SNIFF_UTF16LE, AR_SNIFF_UTF16BE, AR_SNIFF_CP1256 };
int ar_input_sniff(const unsigned char *p, size_t n);
const char *ar_sniff_name(int kind);    /* the encoding's name, or NULL */

/* ---- lines.c: the reader: operands, documents, lines or blocks of lines ---- */
/* A "\f" header line: "\fNAME", then optionally TAB-separated key=value
 * fields (ar-tools(7)). The one parser of them is ar_header_parse. */
struct ar_header {
	const char *text;       /* the line after "\f" (no CR), invalid UTF-8 repaired */
	size_t len;
	size_t namelen;         /* the name: text[0..namelen), up to the first TAB */
	const char *fields;     /* after that TAB, unchanged ("" if none) */
	size_t fieldslen;
};
/* Parse the header line s[0..n) (s[0] is the form feed) into h; the text
 * is kept, NUL-terminated, in store. */
void ar_header_parse(struct ar_header *h, const char *s, size_t n, struct ar_buf *store);
struct ar_doc {
	const char *name;       /* current document name ("-" for stdin), without */
	size_t namelen;         /* its header's fields */
	const struct ar_header *header; /* NULL for a document named after its operand */
	unsigned long line;     /* line number within the document, from 1 */
	unsigned long index;    /* documents seen so far, from 1 */
	const char *file;       /* the operand being read */
	int warned;             /* invalid UTF-8 reported in this document */
	int want_header;        /* a header goes before its output (as grep writes
	                           names: two or more files, or input with headers;
	                           -H and -h force; never with --output-dir or jsonl) */
	int partial;            /* the line (block) handed out goes on in the next:
	                           a line longer than the tool's piece */
	int binary;             /* its operand holds NUL bytes (and -a was not given) */
};
extern struct ar_doc ar_doc;
/* The value of a field of the current document: from its header line
 * ("\fNAME<TAB>key=value..."), unescaped, or the record's member with
 * --input=jsonl; what the tool set wins. NULL if there is none. The text
 * lives until the next call. */
const char *ar_doc_field(const char *key, size_t *len);
/* Set a field for the header the tool writes (ar-strip-nav's date=);
 * val NULL unsets what the tool set. */
void ar_doc_set_field(const char *key, const char *val, size_t n);
/* Write the current document's header, if it wants one: "\f", name (NULL:
 * the document's), its header's fields but those set, then those set. */
void ar_out_header_doc(const char *name, size_t n);
typedef int (*ar_line_fn)(const char *s, size_t n, void *ctx);
/* Block mode: p[0..n) is whole lines of the current document with their
 * newlines (the last may lack one at the end of input), no header among
 * them; the AR_BLOCK_PAD bytes after p[n] may be read (zero at the end of
 * input). ar_doc.line is the number of the document's lines before the
 * block: the reader does not count them, the callback moves it on. A line
 * longer than the tool's piece comes in parts: a block with ar_doc.partial
 * set ends inside a line, which the next block goes on with. */
typedef int (*ar_block_fn)(const char *p, size_t n, void *ctx);
#define AR_BLOCK_PAD 8
typedef int (*ar_doc_fn)(void *ctx);
/* What a line or block callback may return besides 0 and < 0 (an error): */
#define AR_SKIP_DOC 1           /* the rest of this document is not wanted */
struct ar_loop {
	ar_line_fn line;        /* each line, valid UTF-8, without its newline */
	ar_block_fn block;      /* or, instead, blocks of lines (then line is unused) */
	int clean;              /* with block: blocks only of valid UTF-8 with no CR,
	                           their lines counted by the reader; the others,
	                           and long lines' pieces, go to line one by one,
	                           repaired, as in line mode */
	ar_doc_fn begin;        /* a document starts (ar_doc is set); may be NULL */
	ar_doc_fn end;          /* a document ends; may be NULL */
	ar_doc_fn done;         /* after the last operand, before the output is
	                         * closed (summaries); may be NULL */
	void *ctx;
	int echo_headers;       /* the reader writes the headers (ar-norm, ar-split) */
	int filter;             /* the tool writes documents: --output-dir puts each
	                           in its file, --input=jsonl back in its record */
	int search;             /* binary input is no error: ar_doc.binary is set
	                           (the tool says "Binary file NAME matches") */
	size_t pieces;          /* the longest line a callback gets whole: 0 for
	                           --max-line (a warning when a line is longer); a
	                           tool that works on a window sets its own */
};
/* Run the loop over argv (files, "-" or none for stdin; directories with
 * -r), with --progress. Returns 0, or 2 if anything went wrong (unreadable
 * file, --strict violation, write error), after output has been flushed
 * and checked. A callback returning < 0 marks the status 2 and goes on. */
int ar_loop_run(struct ar_loop *lp, int argc, char **argv);
/* Invalid UTF-8 at byte off of line `line` of the current document: a
 * warning, once per document; with --strict one each time, and -1 (an
 * error, the caller drops the line), else 0 (the caller repairs it). */
int ar_doc_invalid(unsigned long line, size_t off);
/* 1 if line s is a document header (begins with a form feed). */
static inline int ar_is_header(const char *s, size_t n) { return n && s[0] == '\f'; }

/* ---- data.c: data files from share/ar-tools, compiled in ---- */
/* Contents of data file name: $AR_DATADIR/name if that variable is set
 * and the file exists, else the copy compiled in; dies if neither. */
const char *ar_data(const char *name, size_t *len);
/* Whole file into memory (for --rules=FILE and the like); dies on error. */
char *ar_slurp(const char *path, size_t *len);
/* The same, for text kept until exit (tables point into it). */
const char *ar_slurp_keep(const char *path, size_t *len);
/* Call fn on each line of text (without newline; CR stripped); lines that
 * are empty or start with '#' are skipped. Returns the first nonzero fn result. */
int ar_each_line(const char *text, size_t len,
    int (*fn)(char *line, size_t n, unsigned long lineno, void *ctx), void *ctx);
/* Parse "U+0627", "0x627" or a literal single character; -1 on error. */
int32_t ar_parse_cp(const char *s, size_t n);

/* ---- norm.c: the normalization engine (ar-norm writes, ar-kwic folds) ---- */
enum ar_step {
	AR_S_NFC, AR_S_DIACRITICS, AR_S_TATWEEL, AR_S_ALEF, AR_S_YEH,
	AR_S_TEH_MARBUTA, AR_S_HAMZA, AR_S_PERSIAN, AR_S_DIGITS,
	AR_S_PRESENTATION, AR_S_LIGATURES, AR_S_ZERO_WIDTH, AR_S_BIDI,
	AR_S_WHITESPACE, AR_S_PUNCTUATION, AR_S_NFKC, AR_S_ENTITIES, AR_S_COUNT
};
#define AR_STEP(s) (1u << (s))
extern const uint32_t ar_steps_default;
const char *ar_step_name(int step);
const char *ar_step_help(int step);
/* Parse a comma/space-separated list of step names into a mask ("all" and
 * "default" allowed); returns 0 or -1 naming the bad step on stderr. */
int ar_steps_parse(const char *list, uint32_t *mask);

struct ar_norm;                 /* opaque: per-code-point tables */
struct ar_norm *ar_norm_new(uint32_t steps);
/* Add a user mapping from one code point to a string (may be empty). */
void ar_norm_map(struct ar_norm *nm, int32_t from, const char *to, size_t tolen);
/* Load a --map file: TSV "from<TAB>to" lines; dies with file:line on error. */
void ar_norm_map_file(struct ar_norm *nm, const char *path);
/* Finish set-up (after ar_norm_map calls). */
void ar_norm_ready(struct ar_norm *nm);
/* Normalize s[0..n) (valid UTF-8) into out (appended). If offs is not NULL,
 * offs->s receives, as uint32_t per output byte, the input byte offset the
 * byte came from (so a matcher on folded text can point into the original). */
void ar_norm_apply(const struct ar_norm *nm, const char *s, size_t n,
    struct ar_buf *out, struct ar_buf *offs);
/* Block mode: whether ar_norm_lines may take many lines at once (the
 * steps work code point by code point but for composition, which
 * ar_norm_lines does line by line: not with the whitespace or entities
 * steps, nor when a newline or CR changes or comes out of a mapping). */
int ar_norm_lines_ok(const struct ar_norm *nm);
/* Normalize s[0..n), whole lines with their newlines (the last may lack
 * one), valid UTF-8 without CR, into out: what ar_norm_apply makes of each
 * line, with its newline. */
void ar_norm_lines(const struct ar_norm *nm, const char *s, size_t n,
    struct ar_buf *out);
void ar_norm_free(struct ar_norm *nm);
/* The engine's mapping of one code point, without composition: its bytes in
 * out (at most AR_FOLD_MAX), and their number (0: deleted). */
#define AR_FOLD_MAX 256
size_t ar_norm_cp(const struct ar_norm *nm, int32_t cp, char *out);

/* The matching fold: the default steps (ar_steps_default), built once, that
 * ar-date, ar-kwic and ar-strip-nav compare words with, so that a word is
 * found in every spelling ar-norm would unify. AR_FOLD_CASE also lower-cases
 * ASCII letters. */
enum { AR_FOLD_CASE = 1 };
const struct ar_norm *ar_fold_norm(void);
void ar_fold(const char *s, size_t n, struct ar_buf *out, int flags);
size_t ar_fold_cp(int32_t cp, char *out, int flags);    /* one code point */

/* ---- tok.c: word and sentence boundaries (ar-split; ar-kwic may reuse) ---- */
enum { AR_ABBREV_TITLE = 1, AR_ABBREV_ANY = 2 };
struct ar_abbrev;               /* a set of abbreviations (abbrev.txt) */
struct ar_abbrev *ar_abbrev_new(void);
/* Add the lines of an abbreviation file ("WORD<TAB>title|any"); -1 after a
 * message naming name:line on a bad line. */
int ar_abbrev_load(struct ar_abbrev *ab, const char *text, size_t len, const char *name);
/* AR_ABBREV_TITLE, AR_ABBREV_ANY, or 0 if w[0..n) (without its period) is not listed. */
int ar_abbrev_kind(const struct ar_abbrev *ab, const char *w, size_t n);
struct ar_splitter {
	const struct ar_abbrev *abbrev;  /* may be NULL */
	int semicolon;                   /* U+061B ends a sentence */
};
/* The sentence that starts at s[from] (not white space) in the paragraph
 * s[0..n): returns its end (exclusive, trailing white space excluded) and
 * sets *resume to where the next one starts (n when none is left). */
size_t ar_sent_next(const struct ar_splitter *sp, const char *s, size_t n,
    size_t from, size_t *resume);
/* Offset of the first character at or after s[i] that is not white space. */
size_t ar_tok_skipws(const char *s, size_t n, size_t i);
enum ar_tok_type {
	AR_TOK_WORD, AR_TOK_NUM, AR_TOK_URL, AR_TOK_EMAIL, AR_TOK_HANDLE,
	AR_TOK_HASHTAG, AR_TOK_PUNCT, AR_TOK_SYMBOL, AR_TOK_OTHER
};
/* The next token of s[0..n) at or after *pos: sets [*start, *end) and
 * *pos = *end, returns its type; -1 when none is left. Words keep their
 * marks, tatweel and clitics; numbers their inner separators; URLs, e-mail
 * addresses, @handles and #hashtags are one token; every punctuation mark
 * is its own (a run of periods is one). sp may be NULL (no abbreviations). */
int ar_tok_next(const struct ar_splitter *sp, const char *s, size_t n,
    size_t *pos, size_t *start, size_t *end);
const char *ar_tok_name(int type);               /* "word", "num", "url"… */
/* A stretch of plain words from i, where ar_tok_next would look next
 * (after one space there), in valid UTF-8: it returns q and sets *a so that
 * s[*a..q) is words of Arabic letters and marks (U+0600..U+067F), each
 * followed by one space, and ar_tok_next from i would give each of those
 * words as one AR_TOK_WORD token and then go on from q. The stretch is
 * also written to o as lines (each space as '\n'), with bytes after it
 * that are not to be kept: o has room for room bytes. It may be shorter
 * than it could be (it is taken in blocks of sixteen bytes or more, which
 * stop short of room, n and the start of the text), and with AR_NO_SIMD,
 * or AR_NO_SIMD=1 in the environment, it is always empty: q == *a. */
size_t ar_tok_plain(const char *s, size_t n, size_t i, size_t *a, char *o, size_t room);

/* The word iterator every engine splits text with (ar-split's -w tokens
 * build on the same classes with ar_tok_next). A word is a run of letters,
 * marks and tatweel, ASCII and Arabic alike, with the invisible format
 * characters (ZWNJ, RLM...) inside it; a number a run of decimal digits of
 * any script; every other visible character is a token of its own. White
 * space, controls and stray format characters are skipped. With
 * AR_W_ALNUM, digits are letters: words and numbers are one kind. */
enum ar_word_type { AR_W_WORD = 1, AR_W_NUM, AR_W_PUNCT };
enum { AR_W_ALNUM = 1 };
struct ar_words { const char *s; size_t n, pos, cp; int flags; };
struct ar_word {
	int type;
	size_t b0, b1;          /* byte span in the text */
	size_t c0, c1;          /* code-point span */
	int32_t cp;             /* its first code point (the mark, for AR_W_PUNCT) */
	unsigned nd;            /* AR_W_NUM: digits */
	int ascii;              /* every character is ASCII */
};
void ar_words_init(struct ar_words *it, const char *s, size_t n, int flags);
int ar_word_next(struct ar_words *it, struct ar_word *w);   /* type; 0 at the end */

/* ---- json.c: JSON Lines documents (--input=jsonl) ---- */
struct ar_json_member { const char *key, *val; size_t keylen, vallen; };  /* raw */
/* The members of the object that is the whole of s[0..n), at most max of
 * them (nested values skipped whole); their number, or -1 if s is not one
 * JSON object. Keys are raw (between the quotes), values raw JSON. */
int ar_json_members(const char *s, size_t n, struct ar_json_member *m, int max);
/* Append the string value v (with its quotes) decoded to UTF-8; -1 if v is
 * no string. A lone surrogate becomes U+FFFD. */
int ar_json_decode(const char *v, size_t n, struct ar_buf *out);

/* ---- grep.c: choosing documents as grep does (ar-kwic, ar-date) ---- */
struct ar_grep {
	int count;              /* -c: hits per document */
	int files_with;         /* -l: names of documents with a hit */
	int files_without;      /* -L: names of documents without one */
	int quiet;              /* -q: exit 0 at the first hit, print nothing */
	int null;               /* --null: names end with NUL */
	unsigned long max;      /* -m NUM: at most NUM hits a document (0: none) */
};
extern struct ar_grep ar_grep;
/* What to do with a hit: print it (AR_GREP_LAST: and it is the last this
 * document may have), count it without printing, or print nothing more
 * of this document (the tool may stop reading it). -q exits here. */
enum { AR_GREP_PRINT, AR_GREP_LAST, AR_GREP_SKIP, AR_GREP_STOP };
void ar_grep_doc_begin(void);
int ar_grep_hit(void);
int ar_grep_done(void);                 /* -m reached in this document */
void ar_grep_doc_end(int with_names);   /* -c's count, -L's name */
int ar_grep_listing(void);              /* -c -l -L -q: no rows */
unsigned long ar_grep_total(void);
int ar_grep_status(void);               /* 0 a hit anywhere, else 1 */

/* ---- lex.c: word lists (share/ar-tools), folded, with proclitics ---- */
/* An entry: a phrase of one or more words, folded, and what its list says
 * of it. Entries are found by their first word; entries with the same
 * first word are chained, the latest added first. */
#define AR_LEX_MAXW 8
struct ar_lexent {
	const struct ar_lexent *next;
	int cls, val;                   /* the list's class and number */
	const char *str;                /* the list's string, or NULL */
	int nw;                         /* words in the phrase */
	const char *w[AR_LEX_MAXW];     /* each folded, NUL-terminated */
	size_t wl[AR_LEX_MAXW];
};
/* How a lexicon folds its words (and must be looked up with): AR_LEX_FOLD
 * the matching fold (ar_fold), AR_LEX_CASE ASCII lower case; 0 as written. */
enum { AR_LEX_FOLD = 1, AR_LEX_CASE = 2 };
struct ar_lex;
struct ar_lex *ar_lex_new(int flags);
/* Add the phrase s[0..n) (words separated by spaces); NULL when it has no
 * word. str is copied. */
const struct ar_lexent *ar_lex_add(struct ar_lex *lx, const char *s, size_t n,
    int cls, int val, const char *str);
/* The entries whose first word is w[0..n), already folded as lx folds. */
const struct ar_lexent *ar_lex_get(const struct ar_lex *lx, const char *w, size_t n);
void ar_lex_fold(const struct ar_lex *lx, const char *s, size_t n, struct ar_buf *out);
size_t ar_lex_size(const struct ar_lex *lx);        /* entries */
void ar_lex_free(struct ar_lex *lx);
/* Proclitics (proclitics.txt), folded, longest first. */
struct ar_clitics { const char **p; size_t *n; int count; };
void ar_clitics_load(struct ar_clitics *cl, const char *text, size_t len);
void ar_clitics_free(struct ar_clitics *cl);
/* The entries for w, else for w without the longest proclitic that leaves
 * at least min bytes; *pfx gets the bytes stripped. */
const struct ar_lexent *ar_lex_get_clitic(const struct ar_lex *lx,
    const struct ar_clitics *cl, const char *w, size_t n, size_t min, size_t *pfx);

/* ---- cal.c: calendars: civil days, ISO weeks, Umm al-Qura ---- */
/* Days are counted from 1970-01-01 (day 0) in the proleptic Gregorian
 * calendar; months and days from 1; weekdays ISO (Monday 1 .. Sunday 7). */
long ar_days_from_civil(long y, int m, int d);
void ar_civil_from_days(long days, int *y, int *m, int *d);
int ar_days_in_month(int y, int m);                 /* 28..31 */
int ar_weekday(long days);
void ar_isoweek(long days, int *wy, int *wk);       /* ISO week-year, week 1..53 */
/* "YYYY-MM-DD" at the start of s[0..n) (n >= 10) into *days; -1 if it is
 * no valid day. */
int ar_parse_iso_day(const char *s, size_t n, long *days);
const char *ar_scan_ymd(const char *s, int *y, int *m, int *d);  /* end, or NULL */
int ar_scan_hm(const char *s, int *H, int *M);     /* "THH:MM": 0, or -1 */
/* Hijri dates: the Umm al-Qura calendar for AR_UQ_FIRST..AR_UQ_LAST AH
 * (ummalqura.tsv, read once, by ar_cal_init or the first call that needs
 * it; dies on a bad line), the tabular Islamic calendar outside it. */
#define AR_UQ_FIRST 1356
#define AR_UQ_LAST 1500
void ar_cal_init(void);
long ar_hijri_days(int y, int m, int d);            /* day of a Hijri date */
long ar_hijri_tabular(int y, int m, int d);         /* the arithmetical one */
int ar_hijri_month_len(int y, int m);               /* 29 or 30 */
int ar_hijri_year_of(long days);                    /* the Hijri year a day is in */

/* ---- date.c: the date grammar, and the publication-line recogniser ---- */
/* The grammar of date and time expressions, with the word lists it is made
 * of (months.tsv, date-words.tsv) and its reference day. Scan a line, then
 * read its expressions: each with its span, its TIMEX3 value ("2023-09-29",
 * "XXXX-WXX-4", "2023-W40", "P3D", "2020-10-09T04:30"...), its type, its
 * zone and Hijri date when written, and the reference it was resolved with. */
struct ar_date;
/* The reference: a day, and room for a time of day (issue 12). */
struct ar_date_ref {
	int ok;                 /* 0: none; relative expressions get X */
	long days;              /* days since 1970-01-01 */
	int sec;                /* seconds after midnight, -1 when no time is known */
};
struct ar_date_expr {
	size_t b0, b1;          /* byte span in the line */
	size_t c0, c1;          /* code-point span */
	char value[96];         /* TIMEX3 value */
	const char *type;       /* "date", "time", "duration" or "set" */
	char tz[48];            /* the zone written with it, or "" */
	char hijri[24];         /* the Hijri date it was written as, or "" */
	struct ar_date_ref ref; /* the reference it was resolved with */
	int relative;           /* its value was read from the reference */
	/* ago and in: -1 or 1, the value is the reference moved back or on
	 * by amount (قبل ساعتين: PT2H); 2, a duration up to the reference
	 * (مستمرة منذ 3 أعوام); 0 neither */
	int offset;
	char amount[24];
};
/* The word files, NULL for the defaults (the data files months.tsv and
 * date-words.tsv); dies naming file:line on a bad line. */
struct ar_date *ar_date_new(const char *words_file, const char *months_file);
/* More holidays, in the form of holidays.tsv; dies naming file:line. */
void ar_date_add_holidays(struct ar_date *dt, const char *path);
void ar_date_free(struct ar_date *dt);
void ar_date_set_ref(struct ar_date *dt, const struct ar_date_ref *ref);  /* NULL: none */
const struct ar_date_ref *ar_date_get_ref(const struct ar_date *dt);
/* Scan s[0..n) (valid UTF-8, one line): returns the number of expressions
 * found, left to right; they stay readable until the next scan. */
size_t ar_date_scan(struct ar_date *dt, const char *s, size_t n);
const struct ar_date_expr *ar_date_get(const struct ar_date *dt, size_t k);
/* The same a few at a time, in constant memory on a line of any length:
 * ar_date_begin, then ar_date_next until it returns NULL; each expression
 * stays readable until the next call. s must stay as it is meanwhile. */
void ar_date_begin(struct ar_date *dt, const char *s, size_t n);
const struct ar_date_expr *ar_date_next(struct ar_date *dt);
/* The scanner passes over the text far from any word or number that
 * anchors a date, and parses windows around them (on, the default); off,
 * it parses whole lines: the same expressions, slower (for the tests). */
void ar_date_set_windows(struct ar_date *dt, int on);

/* ---- pub.c: publication and crawl lines ---- */
/* The lines of a page that give its date: a publication line
 * (تاريخ النشر: 29th, September 2023 GMT; الجمعة 09/10/2020 - 04:30 بتوقيت
 * نيويورك) or a crawler's timestamp line (2025-05-14@15:13:12 GMT,
 * 2015-07-24 16:06:03, 2023-09-20T14:35:00Z). */
enum ar_pub_kind { AR_PUB_NONE, AR_PUB_PUBLISHED, AR_PUB_CRAWLED };
struct ar_pub {
	int kind;               /* enum ar_pub_kind */
	int ok;                 /* a day was read (kind may be set without one) */
	long days;              /* the day, days since 1970-01-01 */
	int y, m, d;
	int H, M, S;            /* the time when written, else -1 */
	char iso[32];           /* YYYY-MM-DD, with THH:MM[:SS] when written; "" */
	size_t c0, c1;          /* the code points of the date expression read */
};
/* What line s[0..n) is (its kind, also in pub->kind), and its date: the
 * first full date dt's grammar reads on it, against dt's reference. It
 * may scan the line with dt, so the expressions of an earlier scan are
 * gone; the reference is left as it was. */
int ar_pub_line(struct ar_date *dt, const char *s, size_t n, struct ar_pub *pub);

/* ---- nav.c, navpage.c, navlex.c: the page classifier (ar-strip-nav) ---- */
/* Feed the lines of a document; each comes back, in order, through a
 * callback with its verdict and the layer and reason that decided it. A
 * page is held whole (at most 20,000 lines or 4 MB: a longer one is
 * decided in pieces, with a warning) and decided at its end, when the
 * next page starts or the document ends. The layers: the rules of
 * nav-rules.tsv (and of the files given to ar_nav_rules, tried first) as
 * the lines arrive; then, over the page, the vocabulary of interfaces
 * (nav-words.tsv), the site templates (lines seen on many pages of the
 * run, and of earlier runs with ar_nav_learn), lists of links, the page
 * model (the body as the densest run of prose, the title before it, its
 * meta lines, the attribution after it), cohesion (prose that shares few
 * words with the title and lead is another article) and the statistics
 * of each line. Every list below is one X-macro: the enum and its names
 * from one place. */
#define AR_NAV_ACTIONS(X)                 /* what a rule does */ \
	X(DROP_LINE,  "drop-line")  \
	X(DROP_REST,  "drop-rest")  \
	X(DROP_SPAN,  "drop-span")  \
	X(KEEP_LINE,  "keep-line")  \
	X(PUB_DATE,   "pub-date")   \
	X(START_PAGE, "start-page")
#define AR_NAV_CLASSES(X)                 /* the statistical class of a line */ \
	X(BLANK, "blank")    \
	X(GOOD,  "good")     \
	X(BAD,   "bad")      \
	X(SHORT, "short")    \
	X(NEAR,  "near")     \
	X(HEAD,  "headline") \
	X(RULE,  "rule")                  /* a rule decided: no class */
/* The layers, as --explain names them, and what each says of a line. */
#define AR_NAV_LAYERS(X) \
	X(NONE,     "")         \
	X(RULE,     "rule")     \
	X(PAGE,     "page")     \
	X(LIST,     "list")     \
	X(COHESION, "cohesion") \
	X(TEMPLATE, "template") \
	X(VOCAB,    "vocab")    \
	X(STAT,     "stat")
#define AR_NAV_REASONS(X) \
	X(NONE,          "")                                       \
	X(RULE,          "")              /* the rule's name */    \
	X(REST_OF_PAGE,  "(rest of the page)")                     \
	X(SOURCE_NAME,   "(the source name before it)")            \
	X(TITLE_BEFORE,  "(title: before the publication line)")   \
	X(BLANK,         "blank")                                  \
	X(TITLE,         "title")                                  \
	X(TITLE_AGAIN,   "the title again")                        \
	X(META,          "meta line of the title")                 \
	X(BEFORE_TITLE,  "before the title")                       \
	X(BODY,          "body")                                   \
	X(ATTRIBUTION,   "attribution after the body")             \
	X(AFTER_BODY,    "after the body")                         \
	X(NO_BODY,       "no body on the page")                    \
	X(LIST,          "a list of links")                        \
	X(LIST_HEAD,     "the heading of a list")                  \
	X(OTHER_ARTICLE, "another article")                        \
	X(SPLICED,       "a headline spliced between paragraphs")  \
	X(INSERT,        "an insert in the body")                  \
	X(POST,          "a post embedded in the body")            \
	X(PLAYER,        "a media player")                         \
	X(TEMPLATE,      "a line of the site's template")            \
	X(VOCAB,         "interface words")                        \
	X(CAPTION,       "a photo caption")                        \
	X(AUTHOR_BOX,    "the author's box")                       \
	X(CONTACT,       "a block of contacts")                    \
	X(CONTENTS,      "a table of contents")                    \
	X(CHROME,        "page furniture")
#define AR_NAV_ROLES(X)                   /* what a kept line is to its page */ \
	X(NONE,        "none")         /* dropped */ \
	X(TITLE,       "title")        \
	X(DATE,        "date")         \
	X(ATTRIBUTION, "attribution")  \
	X(BODY,        "body")
#define AR_NAV_A_ENUM(id, name) AR_NAV_A_##id,
#define AR_NAV_C_ENUM(id, name) AR_NAV_C_##id,
#define AR_NAV_L_ENUM(id, name) AR_NAV_L_##id,
#define AR_NAV_R_ENUM(id, name) AR_NAV_R_##id,
#define AR_NAV_ROLE_ENUM(id, name) AR_NAV_ROLE_##id,
enum ar_nav_action { AR_NAV_ACTIONS(AR_NAV_A_ENUM) AR_NAV_A_COUNT };
enum ar_nav_class { AR_NAV_CLASSES(AR_NAV_C_ENUM) AR_NAV_C_COUNT };
enum ar_nav_layer { AR_NAV_LAYERS(AR_NAV_L_ENUM) AR_NAV_L_COUNT };
enum ar_nav_reason { AR_NAV_REASONS(AR_NAV_R_ENUM) AR_NAV_R_COUNT };
enum ar_nav_role { AR_NAV_ROLES(AR_NAV_ROLE_ENUM) AR_NAV_ROLE_COUNT };
const char *ar_nav_action_name(int action);      /* "drop-line"…, NULL if none */
const char *ar_nav_class_name(int cls);          /* "blank"… */
const char *ar_nav_layer_name(int layer);        /* "rule"… */
const char *ar_nav_reason_text(int reason);      /* what --explain writes */
const char *ar_nav_role_name(int role);          /* "title"… */

/* What the page model found of a page, for every line of it (valid while
 * the lines of the page, or of the piece of it, come back: a page decided
 * in pieces has one for each piece). */
struct ar_nav_page {
	unsigned long page;                 /* page within the document, from 1 */
	const char *title; size_t titlelen; /* its title line, or NULL */
	const char *date;                   /* ISO 8601 of its publication
	                                       line, else of its crawl line; NULL */
	const char *date_line; size_t date_linelen;  /* the line it came from */
	const char *crawled;                /* ISO 8601 of the crawl line, or NULL */
};

enum ar_nav_verdict { AR_NAV_KEEP, AR_NAV_DROP, AR_NAV_SPAN };   /* K D S */
struct ar_nav_line {
	const char *text; size_t len;       /* the line as it came */
	const char *kept; size_t keptlen;   /* what a kept line is: the line, or
	                                       what the spans left (AR_NAV_SPAN) */
	const char *cut; size_t cutlen;     /* AR_NAV_SPAN: the runs cut out,
	                                       each followed by '\n' */
	const char *source; size_t sourcelen;  /* the crawler's source name
	                                       ("NAME:" before a page start), or NULL */
	const struct ar_nav_page *pg;       /* the page it is on */
	unsigned long lineno;               /* as given to ar_nav_line */
	unsigned long page;                 /* page within the document, from 1 */
	int newpage;                        /* page (> 1) starts at this line */
	int first;                          /* the first line of its page, or of
	                                       a piece of it (see ar_nav_page) */
	enum ar_nav_verdict verdict;
	enum ar_nav_role role;              /* a kept line's part of the page */
	int rule;                           /* the rule that decided or cut, or -1 */
	int action;                         /* its action, or -1 */
	const char *rule_name;              /* its name, or NULL */
	enum ar_nav_class cls;              /* AR_NAV_C_RULE if no class was needed */
	enum ar_nav_layer layer;            /* the layer that decided */
	enum ar_nav_reason reason;          /* what it said */
	const char *detail;                 /* more of it ("share", "5 lines"), or "" */
	unsigned cps, words, stops;         /* features: code points, words, stop words */
	int links, latin;                   /* links in it; more Latin than Arabic */
};
typedef void (*ar_nav_fn)(const struct ar_nav_line *ln, void *ctx);

struct ar_nav;
/* A classifier with the built-in rules, stop words and vocabulary
 * (nav-rules.tsv, stopwords.txt, nav-words.tsv, from ar_data) that hands
 * every line to fn; NULL after a message naming the file and line if the
 * built-in rules are bad. */
struct ar_nav *ar_nav_new(ar_nav_fn fn, void *ctx);
/* Add the rules in text (a rules file's contents, name for messages): tried
 * before the built-in ones, files in the order added. -1 after a message
 * naming name:line on a bad line (the lines before it stay added). A
 * pattern must be valid UTF-8. */
int ar_nav_rules(struct ar_nav *nav, const char *name, const char *text, size_t len);
/* The same for the rules file path (dies if it cannot be read). */
int ar_nav_rules_file(struct ar_nav *nav, const char *path);
/* Keep a kind after all: a rule name (after the files are added), a layer
 * (page, list, cohesion, template, vocab), or blank, dup, headline, stat
 * (all that no rule drops). 0, or -1 if nothing has that name. */
int ar_nav_keep(struct ar_nav *nav, const char *kind);
/* Read the site templates learnt by earlier runs from path (none if it
 * does not exist yet); ar_nav_finish writes them back, with this run's.
 * -1 after a message if the file is not one. */
int ar_nav_learn(struct ar_nav *nav, const char *path);
/* Read documents cut to a fixed width (a text browser's dump) a paragraph
 * at a time: on (the default) or off. Each line still comes back as read. */
void ar_nav_unwrap(struct ar_nav *nav, int on);
/* Index the rules: after this, only lines (no more rules or kinds). */
void ar_nav_ready(struct ar_nav *nav);
/* The rules in use, in the order they are tried (after ar_nav_ready). */
struct ar_nav_rule { const char *pattern, *name; int action, kept; };
int ar_nav_nrules(const struct ar_nav *nav);
struct ar_nav_rule ar_nav_rule(const struct ar_nav *nav, int i);
/* A document starts (the page state restarts), a line of it (valid UTF-8,
 * without its newline), the document ends (every waiting line is handed on). */
void ar_nav_doc_begin(struct ar_nav *nav);
void ar_nav_line(struct ar_nav *nav, const char *s, size_t n, unsigned long lineno);
void ar_nav_doc_end(struct ar_nav *nav);
/* The run ends: the --learn file is written back. 0, or -1 after a message. */
int ar_nav_finish(struct ar_nav *nav);
/* Append the reason of ln as --explain writes it: the layer, what it said,
 * then the line's class ("rule:tweets", "rule:related (rest of the page)",
 * "page:body; good len=156 sw=0.33", "list:a list of links, 5 lines; short
 * len=12 sw=0.00"). */
void ar_nav_explain(const struct ar_nav_line *ln, struct ar_buf *out);
void ar_nav_free(struct ar_nav *nav);

/* ---- kwic.c: the concordance matcher (ar-kwic) ---- */
/* Patterns are folded as the text is (ar-norm's steps); a hit is a whole
 * word, maybe after proclitics, '*' any letters within a word, words
 * separated by spaces a phrase. Compile: ar_kwic_new, ar_kwic_add for each
 * pattern, ar_kwic_ready; then ar_kwic_block on each block of lines. */
enum ar_kwic_mode { AR_KWIC_WORD, AR_KWIC_PREFIX, AR_KWIC_SUBSTRING };
struct ar_kwic_opts {
	enum ar_kwic_mode mode;  /* word, --prefix (any ending), --substring */
	uint32_t steps;          /* the fold (ar_steps_default, --fold) */
	int exact;               /* --exact: code points as written, no fold */
	int every_line;          /* every line goes to the sink, hits or not */
	int icase;               /* -i: Latin letters A-Z match a-z */
	const char *proclitics;  /* their list, one a line; NULL for */
	size_t proclitics_len;   /* share/ar-tools/proclitics.txt */
};
struct ar_kwic;                 /* opaque: patterns and the scanner's tables */
struct ar_kwic *ar_kwic_new(const struct ar_kwic_opts *o);
/* Add pattern s[0..n) (dies if it is not valid UTF-8): its index, or -1
 * for an empty one, which is ignored. */
int ar_kwic_add(struct ar_kwic *k, const char *s, size_t n);
void ar_kwic_ready(struct ar_kwic *k);              /* after the last pattern */
int ar_kwic_count(const struct ar_kwic *k);         /* patterns added */
const char *ar_kwic_pattern(const struct ar_kwic *k, int i);   /* as given */
size_t ar_kwic_width(const struct ar_kwic *k, int i);  /* folded, in columns */
const struct ar_norm *ar_kwic_norm(const struct ar_kwic *k);   /* the fold */
struct ar_kwic_hit { size_t start, end; int pat; };  /* line[start..end) */
struct ar_kwic_line {
	const char *s;           /* the line, valid UTF-8 (repaired if it was not), */
	size_t n;                /* without its newline */
	unsigned long lineno;    /* its number in the document */
	const struct ar_kwic_hit *hits;   /* in order of start, then end */
	size_t nhits;
	size_t base, cpbase;     /* a window of a long line (ar_kwic_piece): the
	                            bytes and code points of the line before s */
};
struct ar_kwic_sink {
	/* a line with hits (with every_line, every line); < 0 marks an error */
	int (*line)(const struct ar_kwic_line *l, void *ctx);
	/* a line with invalid UTF-8 from byte off: < 0 drops the line, else it
	 * is matched repaired; NULL repairs silently */
	int (*invalid)(unsigned long lineno, size_t off, void *ctx);
	void *ctx;
};
/* Scan p[0..n), whole lines of one document as ar_loop's block mode gives
 * them (AR_BLOCK_PAD readable bytes after p[n], zero after a last line
 * without newline). *line is the number of lines before p, and is moved
 * past the block's. Returns 0, or -1 if the sink refused something. */
int ar_kwic_block(struct ar_kwic *k, const char *p, size_t n, unsigned long *line,
    const struct ar_kwic_sink *sink);
/* A line too long to hold, in pieces: p[0..n) goes on with it (last: its
 * end, without the newline), line is its number. The matcher keeps a
 * window of it, a few hundred kilobytes, and reports each hit once, in a
 * line of the window with its context (the hits' offsets are in the
 * window: add base). Returns as ar_kwic_block. */
int ar_kwic_piece(struct ar_kwic *k, const char *p, size_t n, int last,
    unsigned long line, const struct ar_kwic_sink *sink);
/* The context of hit s[start..end) in line s[0..n): columns display
 * columns (or, if words > 0, words words) each side. Sets *ls and *re to
 * where the left context starts and the right one ends, *rwidth to the
 * right context's columns. */
void ar_kwic_context(const char *s, size_t n, size_t start, size_t end,
    int columns, int words, size_t *ls, size_t *re, size_t *rwidth);
/* The same, and *plain 1 when each character of both contexts is
 * printable ASCII, U+0621..U+064A, U+060C, U+061B or U+061F, a column
 * each (struct ar_term_kwic's plain), with *lwidth the left context's
 * columns (--words: *plain 0). */
void ar_kwic_context_plain(const char *s, size_t n, size_t start, size_t end,
    int columns, int words, size_t *ls, size_t *re, size_t *rwidth, size_t *lwidth, int *plain);
/* The k-th word (from 1) of string s, or with back of its end: the words a
 * concordance sorts on (R1 after the hit, L1 before it). */
void ar_kwic_context_word(const char *s, int k, int back, const char **w, size_t *wn);
void ar_kwic_free(struct ar_kwic *k);

/* ---- sort.c: ar-kwic --sort, concordance rows kept and sorted ---- */
/* One concordance row: a hit with its context, as ar-kwic prints it. */
struct ar_kwic_row {
	const char *doc; size_t docl;        /* the document's name */
	unsigned long line;
	size_t startcp, endcp;               /* the hit in code points (tsv, json) */
	const char *l, *m, *r;               /* left context, the hit, right context */
	size_t ll, ml, rl;
	size_t rwidth;                       /* display width of r */
	int pat;                             /* the pattern's index */
	const char *date; size_t datel;      /* NULL: the document has none */
	/* last, so that rows written in order leave them 0 (not known) */
	size_t lwidth;                       /* display width of l, where plain */
	int plain;                           /* as ar_kwic_context_plain says */
};
struct ar_kwic_sort;            /* opaque: the keys and the rows kept */
/* Keys "R1,L2,match,doc" (R1..R9 the words after the hit, L1..L9 before
 * it, in lower case too; empty ones skipped; 16 at most). NULL if one is
 * bad, with *bad (if not NULL) at it, or at the end when there is none. */
struct ar_kwic_sort *ar_kwic_sort_new(const char *keys, const char **bad);
/* The fold keys are compared in (before the first row; NULL: as written). */
void ar_kwic_sort_fold(struct ar_kwic_sort *st, const struct ar_norm *nm);
void ar_kwic_sort_add(struct ar_kwic_sort *st, const struct ar_kwic_row *w);  /* copied */
/* Sort on the keys, bytewise on the folded words; ties keep their order. */
void ar_kwic_sort_run(struct ar_kwic_sort *st);
size_t ar_kwic_sort_count(const struct ar_kwic_sort *st);
const struct ar_kwic_row *ar_kwic_sort_row(const struct ar_kwic_sort *st, size_t i);
void ar_kwic_sort_free(struct ar_kwic_sort *st);

/* ---- freq.c: a table of word frequencies (ar-kwic -c, --collocates, --clusters) ---- */
struct ar_freq_ent {
	size_t off, len;        /* the key, in the table's keys */
	uint32_t h;
	int used, tag;
	long a, b, c;           /* three counts, the caller's to name */
	size_t aux;             /* the caller's too */
};
struct ar_freq { struct ar_freq_ent *slot; size_t cap, n; struct ar_buf keys; };
/* The entry of key s[0..n) under tag; a new one has counts 0. The pointer
 * lasts until the next ar_freq_get. */
struct ar_freq_ent *ar_freq_get(struct ar_freq *t, const char *s, size_t n, int tag);
static inline const char *ar_freq_key(const struct ar_freq *t, const struct ar_freq_ent *e)
{
	return t->keys.s + e->off;
}
/* The entry of s[0..n) under tag, or NULL: no entry is added. */
struct ar_freq_ent *ar_freq_find(const struct ar_freq *t, const char *s, size_t n, int tag);
/* Every entry, in no order: *n pointers in an array to free. */
struct ar_freq_ent **ar_freq_all(const struct ar_freq *t, size_t *n);
/* The same by tag, then count a (most first), then key bytes. */
struct ar_freq_ent **ar_freq_sorted(const struct ar_freq *t, size_t *n);
/* Log-likelihood (G2) of a word seen o11 times among the r1 words near the
 * hits and c1 times among the n of the text; negative when it is rarer near
 * the hits than elsewhere. */
double ar_freq_ll(double o11, double r1, double c1, double n);
/* The association of a collocate with the hits, from the two by two table
 * of the words near the hits (r1 of them, o11 the collocate) against the
 * rest of the text (n words in all, c1 the collocate), E11 = r1 c1 / n:
 * mutual information log2(o11 / E11); t-score (o11 - E11) / sqrt(o11);
 * Log Ratio log2((o11 / r1) / (o21 / r2)), the binary log of the ratio of
 * the collocate's relative frequencies near the hits and elsewhere (o21 =
 * c1 - o11, r2 = n - r1; a zero count there is taken as 0.5). */
double ar_freq_mi(double o11, double r1, double c1, double n);
double ar_freq_t(double o11, double r1, double c1, double n);
double ar_freq_logratio(double o11, double r1, double c1, double n);
/* Collocates: the words within left words before (a) and right words
 * after (b) each hit, and every word of the text (c), folded with nm;
 * forms counts the written forms near the hits. */
struct ar_colloc_tok { size_t rs, re, fs, fe; };    /* in the line, folded */
struct ar_colloc {
	struct ar_freq words;
	unsigned long long corpus, window;  /* words in the text, near hits */
	int left, right;
	const struct ar_norm *nm;
	struct ar_freq forms;               /* "folded\0written" near the hits */
	const char *line;
	struct ar_buf F, O;                 /* the current line, folded */
	struct ar_colloc_tok *tok;
	size_t ntok, captok;
	struct ar_freq clusters, cforms;    /* --clusters: folded; "folded\0written" */
	struct ar_buf K;
};
void ar_colloc_line(struct ar_colloc *c, const char *s, size_t n);  /* each line */
void ar_colloc_hit(struct ar_colloc *c, size_t start, size_t end);  /* its hits */
enum { AR_STAT_LL, AR_STAT_MI, AR_STAT_T, AR_STAT_LOGRATIO };
struct ar_colloc_row {
	const char *word, *form;    /* folded; the written form most often near the hits */
	size_t len, formlen;
	long freq, left, right, corpus, formfreq;
	double stat[4];             /* by AR_STAT_* */
};
/* The collocates seen at least min_freq times near the hits, best first by
 * stat (then more frequent, then in byte order): *n rows in an array to
 * free. */
struct ar_colloc_row *ar_colloc_rank(const struct ar_colloc *c, int stat, long min_freq,
    size_t *n);
/* Clusters (AntConc's): the runs of n words of the line that hold all the
 * words of a hit, within a sentence (no . ! ? ؟ ؛ between two of their
 * words); a hit of more than n words has none. Counted folded (the words
 * joined by one space), each with its written forms (the text from the
 * first word to the last). */
void ar_cluster_hit(struct ar_colloc *c, size_t start, size_t end, int n);
struct ar_cluster_row {
	const char *key, *form;     /* folded; the written form seen most */
	size_t len, formlen;
	long freq, formfreq;
};
/* The clusters seen at least min_freq times, the most frequent first, then
 * in byte order of the folded form: *n rows in an array to free. */
struct ar_cluster_row *ar_cluster_rank(const struct ar_colloc *c, long min_freq, size_t *n);

/* ---- term.c: text for a terminal (controls as spaces, columns, --visual) ---- */
void ar_term_write(const char *s, size_t n);        /* controls become spaces */
size_t ar_term_columns(const char *s, size_t n);    /* as ar_term_write shows s */
/* s[0..n) in the order a terminal without bidi must show it (GNU FriBidi:
 * the Unicode bidi algorithm, brackets mirrored, Arabic letters joined as
 * presentation forms), as one paragraph, right to left when rtl. It is cut
 * at the byte offsets cut[0..nparts-1) into nparts parts, each reordered
 * as a line of its own into vis[k] (controls as spaces), display columns
 * in cols[k]. */
#define AR_TERM_MAXPARTS 4
/* Where a terminal that applies bidi (a left-to-right paragraph, as the
 * Unicode bidi algorithm puts it) shows the bytes [b, e) of s[0..n): the
 * first display column they take, in *hi the column after the last, and
 * in *total the columns of s (controls as spaces). */
size_t ar_term_bidi_cols(const char *s, size_t n, size_t b, size_t e, size_t *hi,
    size_t *total);
void ar_term_visual(const char *s, size_t n, int rtl, const size_t *cut, int nparts,
    struct ar_buf *vis, size_t *cols);
/* A concordance row for a terminal (ar-kwic's text rows): the preceding
 * context l, the keyword m and the following r (r's display width given),
 * lying end to end; on and off around the keyword (--color). The keyword's
 * column is *kw wide (widened to the keyword's width), each context's cw:
 * written for a terminal that applies bidi (logical) or that shows bytes
 * left to right (visual, FriBidi); the row's display width returned. */
struct ar_term_kwic {
	const char *l; size_t ll;
	const char *m; size_t ml;
	const char *r; size_t rl, rwidth;
	const char *on, *off;
	/* 1: l and r hold only ar_kwic_context_plain's plain characters,
	 * l lwidth columns wide (the row's columns are counts; 0: unknown) */
	int plain;
	size_t lwidth;
};
size_t ar_term_kwic_logical(const struct ar_term_kwic *w, size_t cw, size_t *kw);
size_t ar_term_kwic_visual(const struct ar_term_kwic *w, size_t cw, size_t *kw);

#endif
