/* ar-norm: normalize Arabic orthography, line by line. */
#define _GNU_SOURCE             /* memrchr (glibc, musl, BSDs) */
#include "lib/arlib.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] = "[-Hhra] [-s LIST] [--add=LIST] [-x LIST] [--map=FILE] [--output-dir=DIR] [FILE]...";
static const char help[] =
"Normalize Arabic orthography line by line: diacritics, alef and yeh variants,\n"
"teh marbuta, Persian look-alikes, digits, presentation forms, invisible\n"
"characters. Lines keep their count and order; document headers pass.\n"
"\n"
"  -s, --steps=LIST     apply exactly these steps (comma-separated)\n"
"      --add=LIST       add steps to the default set (entities for scraped HTML)\n"
"  -x, --skip=LIST      remove steps from the set\n"
"      --map=FILE       also map code points as FILE says (FROM<TAB>TO lines)\n"
"      --list-steps     list the steps, mark the default ones, and exit\n"
AR_HELP_OUTDIR
AR_HELP_HEADERS
AR_HELP_INPUT
AR_HELP_STRICT
"      --line-buffered  flush every line\n"
AR_HELP_TAIL
"\n"
"With no FILE, or when FILE is -, read standard input. Exit status: 0 ok,\n"
"2 trouble. See ar-norm(1) and ar-tools(7).\n";

static struct ar_norm *nm;
static struct ar_buf line;
static int trim;                /* the whitespace step trims lines */

static int
norm_line(const char *s, size_t n, void *ctx)
{
	(void)ctx;
	line.len = 0;
	ar_norm_apply(nm, s, n, &line, NULL);
	if (ar_doc.partial) {           /* a long line's piece: more follows */
		ar_out_write(line.s, line.len);
		return 0;
	}
	/* a CR the steps leave last (x CR ZWSP, x CR TAB trimmed) would be
	 * read back as the CR of a CRLF: drop it now, as the reader would */
	if (line.len && line.s[line.len - 1] == '\r') {
		while (line.len && (line.s[line.len - 1] == '\r'
		    || (trim && line.s[line.len - 1] == ' ')))
			line.len--;
	}
	ar_out_write(line.s, line.len);
	ar_out_eol();
	return 0;
}

/* into a pipe, a block's output goes in pieces of about this many bytes,
 * each as soon as it is done: written whole, a megabyte at a time, it
 * leaves the reader waiting while we work and us waiting while it reads
 * (ant.txt | wc -c: 138 ms, against 97 by lines and 100 by pieces) */
#define PIPE_PIECE (64 * 1024)

static size_t piece = SIZE_MAX;         /* PIPE_PIECE into a pipe */

/* Block mode (the default steps): whole blocks of lines at once, with no
 * call a line. The reader hands a block only if it is valid UTF-8 with
 * no CR, and counts its lines; the rest comes to norm_line. Cut between
 * lines, a block comes out the same in pieces. */
static int
norm_block(const char *p, size_t n, void *ctx)
{
	(void)ctx;
	while (n) {
		size_t k = n;
		const char *nl;
		if (k > piece && (nl = memrchr(p, '\n', piece)))
			k = (size_t)(nl - p) + 1;
		line.len = 0;
		ar_norm_lines(nm, p, k, &line);
		if (piece != SIZE_MAX) {        /* not copied into the buffer first */
			ar_out_flushbuf();
			ar_out_direct(line.s, line.len);
		} else {
			ar_out_write(line.s, line.len);
		}
		p += k, n -= k;
	}
	return 0;
}

static void
list_steps(void)
{
	for (int s = 0; s < AR_S_COUNT; s++)
		printf("%-19s %-8s %s\n", ar_step_name(s),
		    (ar_steps_default & AR_STEP(s)) ? "default" : "-", ar_step_help(s));
}

/* -a, -m and -l are grep's (text, max-count, files-with-matches) in every
 * tool: ar-norm's --add, --map and --list-steps are long options only */
enum { OPT_ADD = AR_OPT_TOOL, OPT_MAP, OPT_LIST };

static const struct option longopts[] = {
	{ "steps",      required_argument, NULL, 's' },
	{ "add",        required_argument, NULL, OPT_ADD },
	{ "skip",       required_argument, NULL, 'x' },
	{ "map",        required_argument, NULL, OPT_MAP },
	{ "list-steps", no_argument,       NULL, OPT_LIST },
	AR_COMMON_LONGOPTS,
	AR_FILTER_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	uint32_t mask = ar_steps_default, m;
	const char *maps[64];
	int c, nmaps = 0;

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "s:x:" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (ar_steps_parse(optarg, &m) < 0)
				ar_usage();
			mask = m;
			break;
		case OPT_ADD:
			if (ar_steps_parse(optarg, &m) < 0)
				ar_usage();
			mask |= m;
			break;
		case 'x':
			if (ar_steps_parse(optarg, &m) < 0)
				ar_usage();
			mask &= ~m;
			break;
		case OPT_MAP:
			if (nmaps == 64)
				ar_die("too many --map files");
			maps[nmaps++] = optarg;
			break;
		case OPT_LIST:
			list_steps();
			return ar_out_close();
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;

	nm = ar_norm_new(mask);
	trim = (mask & AR_STEP(AR_S_WHITESPACE)) != 0;
	for (c = 0; c < nmaps; c++)
		ar_norm_map_file(nm, maps[c]);
	ar_norm_ready(nm);

	/* a line comes in pieces of a megabyte, cut between two letters, so a
	 * line of any length takes a few megabytes */
	struct ar_loop lp = { .line = norm_line, .echo_headers = 1, .filter = 1,
	    .pieces = 1 << 20 };
	/* lines one by one where they must be: flushed each (a terminal,
	 * --line-buffered), or --strict stopping at the first bad one */
	struct stat st;
	if (ar_norm_lines_ok(nm) && !ar_opts.line_buffered && !ar_opts.strict
	    && !isatty(1) && !getenv("AR_NORM_LINES")) {
		lp.block = norm_block, lp.clean = 1;
		if (fstat(1, &st) < 0 || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
			piece = PIPE_PIECE;
	}
	c = ar_loop_run(&lp, argc, argv);
	ar_norm_free(nm);
	ar_buf_free(&line);
	return c;
}
