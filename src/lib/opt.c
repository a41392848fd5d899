/* opt.c: the options every tool shares (DESIGN.md, "Interface"). */
#include "arlib.h"

#include <stdlib.h>

struct ar_opts ar_opts = { .headers = -1, .format = AR_FMT_TEXT, .format_name = "text",
    .text_field = "text", .max_line = (size_t)64 << 20 };

void ar_print_help(void);

int
ar_common_opt(int c, const char *arg)
{
	switch (c) {
	case AR_OPT_HELP:
		ar_print_help();
		exit(ar_out_close());
	case AR_OPT_VERSION:
		ar_out_str(ar_prog);
		ar_out_str(" (ar-tools) " AR_VERSION "\n");
		exit(ar_out_close());   /* > /dev/full: a message and 2 */
	case AR_OPT_LINEBUF:  ar_opts.line_buffered = 1; return 1;
	case AR_OPT_STRICT:   ar_opts.strict = 1; return 1;
	case AR_OPT_PROGRESS: ar_opts.progress = 1; return 1;
	case 'H':             ar_opts.headers = 1; return 1;
	case 'h':             ar_opts.headers = 0; return 1;
	case AR_OPT_TSV:      ar_opts.format = AR_FMT_TSV; ar_opts.format_name = "tsv"; return 1;
	case AR_OPT_JSON:     ar_opts.format = AR_FMT_JSON; ar_opts.format_name = "json"; return 1;
	case AR_OPT_CSV:      ar_opts.format = AR_FMT_CSV; ar_opts.format_name = "csv"; return 1;
	case AR_OPT_BOM:      ar_opts.bom = 1; return 1;
	case 'r':             ar_opts.recursive = 1; return 1;
	case 'a':             ar_opts.text = 1; return 1;
	case AR_OPT_ENCODING: ar_opts.encoding = arg; return 1;
	case AR_OPT_TEXTFIELD: ar_opts.text_field = arg; return 1;
	case AR_OPT_OUTDIR:   ar_opts.output_dir = arg; return 1;
	case AR_OPT_MAXLINE:  ar_opts.max_line = ar_parse_size(arg, "--max-line"); return 1;
	case AR_OPT_INPUT:
		if (!strcmp(arg, "jsonl") || !strcmp(arg, "json"))
			ar_opts.jsonl = 1;
		else if (!strcmp(arg, "text"))
			ar_opts.jsonl = 0;
		else {
			ar_warn("unknown input format '%s' (text or jsonl)", arg);
			ar_usage();
		}
		return 1;
	case AR_OPT_FORMAT:
		ar_opts.format = ar_format_parse(arg, ar_opts.extra_formats);
		ar_opts.format_name = arg;
		return 1;
	case '?':
	case ':':
		ar_usage();
	}
	return 0;
}

enum ar_format
ar_format_parse(const char *name, const char *const *extra)
{
	if (!strcmp(name, "text"))
		return AR_FMT_TEXT;
	if (!strcmp(name, "tsv"))
		return AR_FMT_TSV;
	if (!strcmp(name, "json") || !strcmp(name, "jsonl"))
		return AR_FMT_JSON;
	if (!strcmp(name, "csv"))
		return AR_FMT_CSV;
	for (; extra && *extra; extra++)
		if (!strcmp(name, *extra))
			return AR_FMT_OTHER;
	{
		char list[256] = "text, tsv, json, csv";
		for (const char *const *e = extra; e && *e; e++)
			snprintf(list + strlen(list), sizeof list - strlen(list), ", %s", *e);
		ar_warn("unknown format '%s' (%s)", name, list);
	}
	ar_usage();
}

int
ar_grep_opt(int c, const char *arg)
{
	switch (c) {
	case 'c': ar_grep.count = 1; return 1;
	case 'l': ar_grep.files_with = 1; return 1;
	case 'L': ar_grep.files_without = 1; return 1;
	case 'q': ar_grep.quiet = 1; return 1;
	case 'm': ar_grep.max = ar_parse_count(arg, "--max-count", (unsigned long)-1 / 2); return 1;
	case AR_OPT_NULL: ar_grep.null = 1; return 1;
	}
	return 0;
}

unsigned long
ar_parse_count(const char *arg, const char *what, unsigned long max)
{
	const char *p = arg;
	unsigned long v = 0;

	if (!*p)
		goto bad;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			goto bad;
		if (v > (max - (unsigned long)(*p - '0')) / 10) {
			ar_warn("%s: too large: '%s' (at most %lu)", what, arg, max);
			ar_usage();
		}
		v = v * 10 + (unsigned long)(*p - '0');
	}
	return v;
bad:
	ar_warn("%s: not a number: '%s'", what, arg);
	ar_usage();
}

size_t
ar_parse_size(const char *arg, const char *what)
{
	size_t n = strlen(arg), mul = 1;
	char num[32];

	if (n && (arg[n - 1] == 'K' || arg[n - 1] == 'k'))
		mul = 1024, n--;
	else if (n && (arg[n - 1] == 'M' || arg[n - 1] == 'm'))
		mul = 1024 * 1024, n--;
	else if (n && (arg[n - 1] == 'G' || arg[n - 1] == 'g'))
		mul = (size_t)1024 * 1024 * 1024, n--;
	if (n == 0 || n >= sizeof num) {
		ar_warn("%s: not a size: '%s'", what, arg);
		ar_usage();
	}
	memcpy(num, arg, n);
	num[n] = 0;
	unsigned long v = ar_parse_count(num, what, (unsigned long)(SIZE_MAX / mul));
	if (v == 0) {
		ar_warn("%s: a size must be at least 1: '%s'", what, arg);
		ar_usage();
	}
	return (size_t)v * mul;
}
