/* opt.c: the options every tool shares (DESIGN.md, "Interface"). */
#include "arlib.h"

#include <stdlib.h>

struct ar_opts ar_opts = { .headers = -1, .format = AR_FMT_TEXT, .format_name = "text" };

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
