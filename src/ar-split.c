/* ar-split: one sentence, or with -w one token, per line. */
#include "lib/arlib.h"

#include <stdlib.h>

static const char usage[] =
    "[-Hhpw] [--semicolon] [--abbrev=FILE] [--no-abbrev] [--format=FMT] [FILE]...";
static const char help[] =
"Split running text into sentences, one per line, or with -w into tokens.\n"
"Each input line is a paragraph and always ends a sentence. No character is\n"
"changed: only white space at sentence edges is dropped.\n"
"\n"
"  -w, --words          one token per line instead of one sentence\n"
"  -p, --paragraphs     write a blank line between paragraphs (text format)\n"
"      --semicolon      let the Arabic semicolon U+061B end a sentence\n"
"      --abbrev=FILE    more abbreviations (WORD<TAB>title|any lines);\n"
"                       may be repeated\n"
"      --no-abbrev      forget the built-in abbreviation list\n"
"      --format=FMT     text (default), tsv or json\n"
"      --tsv, --json    short for --format=tsv, --format=json; the columns\n"
"                       are doc para sent tok start end text, offsets in\n"
"                       code points into the input line (end exclusive)\n"
AR_HELP_HEADERS
AR_HELP_STRICT
"      --line-buffered  flush every line\n"
AR_HELP_TAIL
"\n"
"With no FILE, or when FILE is -, read standard input. Exit status: 0 ok,\n"
"2 trouble. See ar-split(1) and ar-tools(7).\n";

static struct ar_splitter sp;
static int opt_words, opt_para;
static int para_done;           /* a paragraph was written in this document */

/* code-point offsets, counted forward along the line */
static size_t cp_byte, cp_count;

static size_t
cpoff(const char *s, size_t b)
{
	cp_count += ar_u8count(s + cp_byte, b - cp_byte);
	cp_byte = b;
	return cp_count;
}

/* the fields of a row; "type" only for tokens, in JSON */
static struct ar_field fields[] = {
	{ "doc", AR_F_STR }, { "para", AR_F_NUM }, { "sent", AR_F_NUM },
	{ "tok", AR_F_NUM }, { "type", AR_F_STR | AR_F_OPT }, { "start", AR_F_NUM },
	{ "end", AR_F_NUM }, { "text", AR_F_STR },
};

static void
emit(const char *s, size_t a, size_t b, unsigned long sent, unsigned long tok,
    int type)
{
	if (ar_opts.format == AR_FMT_TEXT) {
		ar_out_write(s + a, b - a);
		ar_out_eol();
		return;
	}
	size_t ca = cpoff(s, a), cb = cpoff(s, b);
	ar_row_str(ar_doc.name, ar_doc.namelen);
	ar_row_num(ar_doc.line);
	ar_row_num(sent);
	ar_row_num(tok);
	if (ar_opts.format == AR_FMT_JSON)
		ar_row_cstr(opt_words ? ar_tok_name(type) : NULL);
	ar_row_num(ca);
	ar_row_num(cb);
	ar_row_str(s + a, b - a);
	ar_row_end();
}

static int
split_line(const char *s, size_t n, void *ctx)
{
	size_t from, e, resume, pos, a, b;
	unsigned long sent = 0, tok;
	int type;

	(void)ctx;
	from = ar_tok_skipws(s, n, 0);
	if (from >= n)
		return 0;
	if (opt_para && para_done && ar_opts.format == AR_FMT_TEXT)
		ar_out_eol();
	para_done = 1;
	cp_byte = cp_count = 0;
	while (from < n) {
		e = ar_sent_next(&sp, s, n, from, &resume);
		sent++;
		if (!opt_words) {
			emit(s, from, e, sent, 0, 0);
		} else {
			tok = 0;
			pos = from;
			while ((type = ar_tok_next(&sp, s, e, &pos, &a, &b)) >= 0)
				emit(s, a, b, sent, ++tok, type);
		}
		from = resume;
	}
	return 0;
}

static int
doc_begin(void *ctx)
{
	(void)ctx;
	para_done = 0;
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
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	const char *files[64];
	int c, nfiles = 0, builtin = 1;
	struct ar_abbrev *ab;
	const char *text;
	size_t len;

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "wp" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'w':
			opt_words = 1;
			break;
		case 'p':
			opt_para = 1;
			break;
		case OPT_SEMICOLON:
			sp.semicolon = 1;
			break;
		case OPT_ABBREV:
			if (nfiles == 64)
				ar_die("too many --abbrev files");
			files[nfiles++] = optarg;
			break;
		case OPT_NO_ABBREV:
			builtin = 0;
			break;
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;

	ab = ar_abbrev_new();
	if (builtin) {
		text = ar_data("abbrev.txt", &len);
		if (ar_abbrev_load(ab, text, len, "abbrev.txt") < 0)
			exit(2);
	}
	for (c = 0; c < nfiles; c++) {
		char *t = ar_slurp(files[c], &len);
		if (ar_abbrev_load(ab, t, len, files[c]) < 0)
			exit(2);
		free(t);
	}
	sp.abbrev = ab;

	if (ar_opts.format == AR_FMT_TSV) {       /* no type column (yet) */
		static struct ar_field tsv[7];
		for (int i = 0, j = 0; i < 8; i++)
			if (strcmp(fields[i].name, "type"))
				tsv[j++] = fields[i];
		ar_rows_begin(tsv, 7);
	} else {
		ar_rows_begin(fields, 8);
	}
	struct ar_loop lp = {
		.line = split_line, .begin = doc_begin,
		.echo_headers = ar_opts.format == AR_FMT_TEXT
	};
	return ar_loop_run(&lp, argc, argv);
}
