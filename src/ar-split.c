/* ar-split: one sentence, or with -w one token, per line; or the tokens as
 * CoNLL-U for dependency parsers and as CWB vertical text for CQP. */
#include "lib/arlib.h"

#include <stdlib.h>
#include <utf8proc.h>

static const char usage[] =
    "[-Hhprwa] [--abbrev=FILE] [--format=FMT] [--output-dir=DIR] [FILE]...";
static const char help[] =
"Split running text into sentences, one per line, or with -w into tokens,\n"
"one per line with a blank line after each sentence. Each input line is a\n"
"paragraph and always ends a sentence. No character is changed: only white\n"
"space at sentence edges is dropped.\n"
"\n"
"  -w, --words          one token per line instead of one sentence\n"
"  -p, --paragraphs     write a blank line between paragraphs (text format)\n"
"      --semicolon      let the Arabic semicolon U+061B end a sentence\n"
"      --abbrev=FILE    more abbreviations (WORD<TAB>title|any lines);\n"
"                       may be repeated\n"
"      --no-abbrev      forget the built-in abbreviation list\n"
"      --format=FMT     text (default), tsv, json, csv, conllu (CoNLL-U for\n"
"                       UD parsers) or vrt (CWB vertical text for CQP)\n"
"      --tsv, --json, --csv  short for --format=tsv, json, csv; the columns\n"
"                       are doc line sent tok type start end text date, offsets\n"
"                       in code points into the input line (end exclusive),\n"
"                       date the document's (its header's date=)\n"
"      --bom            start CSV with a byte order mark (for spreadsheets)\n"
"      --output-dir=DIR write each document to DIR/NAME (text, conllu, vrt)\n"
AR_HELP_HEADERS
AR_HELP_INPUT
AR_HELP_STRICT
"      --line-buffered  flush every line\n"
AR_HELP_TAIL
"\n"
"With no FILE, or when FILE is -, read standard input. Exit status: 0 ok,\n"
"2 trouble. See ar-split(1) and ar-tools(7).\n";

enum { F_ROWS, F_CONLLU, F_VRT };       /* F_ROWS: text and the row formats */
static const char *const own_formats[] = { "conllu", "vrt", NULL };

static struct ar_splitter sp;
static int opt_words, opt_para, vertical;      /* vertical: F_CONLLU or F_VRT */
static int para_done;           /* a paragraph was written in this document */
static int in_text;             /* VRT: a <text> element is open */

/* code-point offsets, counted forward along the line, where the format
 * has them (the rows and CoNLL-U) */
static size_t cp_byte, cp_count;
static int need_cp;

static size_t
cpoff(const char *s, size_t b)
{
	cp_count += ar_u8count(s + cp_byte, b - cp_byte);
	cp_byte = b;
	return cp_count;
}

/* ---- tsv, json, csv: one row a sentence or token ---- */

static const struct ar_field fields[] = {
	{ "doc", AR_F_STR }, { "line", AR_F_NUM }, { "sent", AR_F_NUM },
	{ "tok", AR_F_NUM }, { "type", AR_F_STR }, { "start", AR_F_NUM },
	{ "end", AR_F_NUM }, { "text", AR_F_STR }, { "date", AR_F_STR },
};

static void
row(const char *s, size_t a, size_t b, unsigned long sent, unsigned long tok,
    int type)
{
	size_t ca = cpoff(s, a), cb = cpoff(s, b);

	ar_row_str(ar_doc.name, ar_doc.namelen);
	ar_row_num(ar_doc.line);
	ar_row_num(sent);
	ar_row_num(tok);
	ar_row_cstr(opt_words ? ar_tok_name(type) : "sentence");
	ar_row_num(ca);
	ar_row_num(cb);
	ar_row_str(s + a, b - a);
	size_t dn;
	const char *d = ar_doc_field("date", &dn);     /* the page's, from its header */
	if (d)
		ar_row_str(d, dn);
	else
		ar_row_null();
	ar_row_end();
}

/* ---- CoNLL-U and VRT ---- */

/* s[0..n) in NFC (CoNLL-U wants its forms and text so) */
static void
out_nfc(const char *s, size_t n)
{
	utf8proc_uint8_t *d = NULL;
	utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &d, UTF8PROC_STABLE | UTF8PROC_COMPOSE);

	if (k < 0)
		ar_out_write(s, n);     /* cannot happen: the reader repaired it */
	else
		ar_out_write(d, (size_t)k);
	free(d);
}

/* An id for comments: white space, which CoNLL-U comments cannot hold in a
 * value, becomes '_' */
static void
out_id(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ar_out_putc(s[i] == ' ' || s[i] == '\t' ? '_' : s[i]);
}

/* XML text: the five escapes; C0 controls, which XML 1.0 cannot carry,
 * become U+FFFD */
static void
out_xml(const char *s, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *e;
		switch (c) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&apos;"; break;
		default:
			if (c >= 0x20 || c == '\t')
				continue;
			e = "\xef\xbf\xbd";
		}
		ar_out_write(s + run, i - run);
		ar_out_str(e);
		run = i + 1;
	}
	ar_out_write(s + run, n - run);
}

static const char *
upos(int type)
{
	switch (type) {
	case AR_TOK_NUM:    return "NUM";
	case AR_TOK_PUNCT:  return "PUNCT";
	case AR_TOK_SYMBOL: return "SYM";
	}
	return "_";
}

static void
conllu_sentence(const char *s, size_t from, size_t e, unsigned long sent)
{
	static struct ar_buf text;
	size_t pos = from, a, b, i;
	unsigned long id = 0;
	int type;

	ar_out_str("# sent_id = ");
	out_id(ar_doc.name, ar_doc.namelen);
	ar_out_printf("-%lu-%lu", ar_doc.line, sent);
	ar_out_eol();
	/* the text as the tokens and their SpaceAfter give it back: each run
	 * of white space one space */
	text.len = 0;
	for (i = from; i < e;) {
		size_t w = ar_tok_skipws(s, e, i);
		if (w > i) {
			ar_buf_addc(&text, ' ');
			i = w;
			continue;
		}
		size_t l = ar_u8len((unsigned char)s[i]);
		ar_buf_add(&text, s + i, l);
		i += l;
	}
	ar_out_str("# text = ");
	out_nfc(text.s ? text.s : "", text.len);
	ar_out_eol();
	while ((type = ar_tok_next(&sp, s, e, &pos, &a, &b)) >= 0) {
		size_t ca = cpoff(s, a), cb = cpoff(s, b);
		int space = b < e && ar_tok_skipws(s, e, b) > b;
		ar_out_printf("%lu\t", ++id);
		out_nfc(s + a, b - a);
		ar_out_printf("\t_\t%s\t_\t_\t_\t_\t_\t%sTokenRange=%zu:%zu", upos(type),
		    space || b == e ? "" : "SpaceAfter=No|", ca, cb);
		ar_out_eol();
	}
	ar_out_eol();
}

static void
vrt_sentence(const char *s, size_t from, size_t e)
{
	static struct ar_buf fold;
	size_t pos = from, a, b;
	int type;

	ar_out_str("<s>");
	ar_out_eol();
	while ((type = ar_tok_next(&sp, s, e, &pos, &a, &b)) >= 0) {
		out_xml(s + a, b - a);
		ar_out_putc('\t');
		ar_out_str(ar_tok_name(type));
		ar_out_putc('\t');
		fold.len = 0;
		ar_fold(s + a, b - a, &fold, AR_FOLD_CASE);
		if (fold.len)
			out_xml(fold.s, fold.len);
		else
			out_xml(s + a, b - a);  /* an invisible folds to nothing */
		ar_out_eol();
	}
	ar_out_str("</s>");
	ar_out_eol();
}

static void
vrt_open(void)
{
	ar_out_str("<text id=\"");
	out_xml(ar_doc.name, ar_doc.namelen);
	ar_out_str("\">");
	ar_out_eol();
	in_text = 1;
}

static void
vrt_close(void)
{
	if (!in_text)
		return;
	ar_out_str("</text>");
	ar_out_eol();
	in_text = 0;
}

/* ---- one paragraph ---- */

static void
sentence(const char *s, size_t from, size_t e, unsigned long sent)
{
	size_t pos, a, b;
	unsigned long tok = 0;
	int type;

	if (vertical) {
		if (vertical == F_CONLLU)
			conllu_sentence(s, from, e, sent);
		else
			vrt_sentence(s, from, e);
		return;
	}
	if (!opt_words) {
		if (ar_opts.format == AR_FMT_TEXT) {
			ar_out_write(s + from, e - from);
			ar_out_eol();
		} else {
			row(s, from, e, sent, 0, 0);
		}
		return;
	}
	if (ar_opts.format == AR_FMT_TEXT && !ar_out_linebuf()) {
		/* the lines of a sentence together, a signal checked after the
		 * last; a stretch of plain words as it is, spaces as line ends */
		for (pos = from;;) {
			size_t room;
			char *o = ar_out_room(4096, &room);
			size_t q = ar_tok_plain(s, e, pos, &a, o, room);
			if (q > a) {
				ar_out_commit(q - a);
				pos = q;
			}
			if (ar_tok_next(&sp, s, e, &pos, &a, &b) < 0)
				break;
			ar_out_write(s + a, b - a);
			ar_out_putc('\n');
		}
		ar_out_eol();           /* a blank line ends the sentence */
		return;
	}
	for (pos = from; (type = ar_tok_next(&sp, s, e, &pos, &a, &b)) >= 0;) {
		if (ar_opts.format == AR_FMT_TEXT) {
			ar_out_write(s + a, b - a);
			ar_out_eol();
		} else {
			row(s, a, b, sent, ++tok, type);
		}
	}
	if (ar_opts.format == AR_FMT_TEXT)
		ar_out_eol();           /* a blank line ends the sentence */
}

/* A line longer than the reader's piece comes in parts: the sentence
 * that runs into the next part waits in carry (up to CARRY_MAX, then it is
 * cut), so memory stays a few MB on a line of any length. */
#ifndef PIECE
#define PIECE (1u << 20)      /* -DPIECE=... in a test build to compare */
#endif
#define CARRY_MAX (4u << 20)
static struct ar_buf carry, joined;
static size_t base_cp;          /* code points of the line before this part */
static unsigned long line_sent; /* sentences of the line so far */
static int in_line, para_open;  /* a part came; the paragraph was opened */

static void
paragraph_open(void)
{
	if (opt_para && para_done && ar_opts.format == AR_FMT_TEXT && !opt_words)
		ar_out_eol();
	if (vertical == F_CONLLU) {
		if (!para_done) {
			ar_out_str("# newdoc id = ");
			out_id(ar_doc.name, ar_doc.namelen);
			ar_out_eol();
		}
		ar_out_printf("# newpar id = ");
		out_id(ar_doc.name, ar_doc.namelen);
		ar_out_printf("-%lu", ar_doc.line);
		ar_out_eol();
	} else if (vertical) {
		if (!in_text)
			vrt_open();
		ar_out_str("<p>");
		ar_out_eol();
	}
	para_done = para_open = 1;
}

static void
paragraph_close(void)
{
	if (para_open && vertical == F_VRT) {
		ar_out_str("</p>");
		ar_out_eol();
	}
	para_open = in_line = 0;
	carry.len = 0;
}

static int
split_line(const char *s, size_t n, void *ctx)
{
	size_t from, e, resume;
	int last = !ar_doc.partial;

	(void)ctx;
	if (!in_line)
		base_cp = line_sent = 0;
	if (carry.len) {
		joined.len = 0;
		ar_buf_add(&joined, carry.s, carry.len);
		ar_buf_add(&joined, s, n);
		s = joined.s;
		n = joined.len;
		carry.len = 0;
	}
	cp_byte = 0;
	cp_count = base_cp;
	from = ar_tok_skipws(s, n, 0);
	while (from < n) {
		e = ar_sent_next(&sp, s, n, from, &resume);
		if (!last && resume >= n && n - from < CARRY_MAX) {
			ar_buf_add(&carry, s + from, n - from);
			break;
		}
		if (!para_open)
			paragraph_open();
		sentence(s, from, e, ++line_sent);
		from = resume;
	}
	in_line = 1;
	if (need_cp)
		base_cp = cpoff(s, from < n ? from : n);
	if (last)
		paragraph_close();
	return 0;
}

static int
doc_begin(void *ctx)
{
	(void)ctx;
	para_done = 0;
	return 0;
}

static int
doc_end(void *ctx)
{
	(void)ctx;
	if (in_line) {          /* the input ended inside a line in parts */
		ar_doc.partial = 0;
		split_line("", 0, NULL);
	}
	if (vertical == F_VRT)
		vrt_close();
	return 0;
}

enum { OPT_SEMICOLON = AR_OPT_TOOL, OPT_ABBREV, OPT_NO_ABBREV };

static const struct option longopts[] = {
	{ "words",      no_argument,       NULL, 'w' },
	{ "paragraphs", no_argument,       NULL, 'p' },
	{ "semicolon",  no_argument,       NULL, OPT_SEMICOLON },
	{ "abbrev",     required_argument, NULL, OPT_ABBREV },
	{ "no-abbrev",  no_argument,       NULL, OPT_NO_ABBREV },
	AR_COMMON_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	AR_FILTER_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static struct ar_abbrev *
load_abbrevs(int builtin, const char **files, int nfiles)
{
	struct ar_abbrev *ab = ar_abbrev_new();
	const char *text;
	size_t len;

	if (builtin) {
		text = ar_data("abbrev.txt", &len);
		if (ar_abbrev_load(ab, text, len, "abbrev.txt") < 0)
			exit(2);
	}
	for (int i = 0; i < nfiles; i++) {
		char *t = ar_slurp(files[i], &len);
		if (ar_abbrev_load(ab, t, len, files[i]) < 0)
			exit(2);
		free(t);
	}
	return ab;
}

int
main(int argc, char *argv[])
{
	const char *files[64];
	int c, nfiles = 0, builtin = 1;

	ar_init(argv[0], usage, help);
	ar_opts.extra_formats = own_formats;
	while ((c = getopt_long(argc, argv, "wp" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'w': opt_words = 1; break;
		case 'p': opt_para = 1; break;
		case OPT_SEMICOLON: sp.semicolon = 1; break;
		case OPT_ABBREV:
			if (nfiles == 64)
				ar_die("too many --abbrev files");
			files[nfiles++] = optarg;
			break;
		case OPT_NO_ABBREV: builtin = 0; break;
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;
	sp.abbrev = load_abbrevs(builtin, files, nfiles);
	if (ar_opts.format == AR_FMT_OTHER)
		vertical = strcmp(ar_opts.format_name, "conllu") ? F_VRT : F_CONLLU;
	need_cp = vertical == F_CONLLU || (!vertical && ar_opts.format != AR_FMT_TEXT);
	if (!vertical && ar_opts.format != AR_FMT_TEXT)
		ar_rows_begin(fields, (int)(sizeof fields / sizeof fields[0]));
	if (ar_opts.output_dir && !vertical && ar_opts.format != AR_FMT_TEXT)
		ar_die("--output-dir writes text, conllu or vrt, not %s rows", ar_opts.format_name);
	/* a record's text becomes its sentences; rows name the record instead */
	struct ar_loop lp = {
		.line = split_line, .begin = doc_begin, .end = doc_end,
		.echo_headers = ar_opts.format == AR_FMT_TEXT,
		.filter = !(ar_opts.jsonl && ar_opts.format != AR_FMT_TEXT),
		.pieces = PIECE
	};
	return ar_loop_run(&lp, argc, argv);
}
