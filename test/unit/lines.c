/* lines.c: the reader (src/lib/lines.c): the header parser, and one input
 * read as lines and as blocks, which must name the same documents. */
#include "arlib.h"
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

static const struct { const char *line, *name, *fields, *text; } headers[] = {
	{ "\fpage.txt", "page.txt", "", "page.txt" },
	{ "\fpage.txt\tdate=2023-09-29\tcrawled=x", "page.txt",
	  "date=2023-09-29\tcrawled=x", "page.txt\tdate=2023-09-29\tcrawled=x" },
	{ "\f", "", "", "" },
	{ "\f\tdate=1", "", "date=1", "\tdate=1" },
	{ "\fbad\xff\tk=\xfe", "bad\xef\xbf\xbd", "k=\xef\xbf\xbd", "bad\xef\xbf\xbd\tk=\xef\xbf\xbd" },
};

static void
parse_headers(void)
{
	struct ar_buf store = { 0 };

	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		struct ar_header h;
		char name[64], fields[64];

		ar_header_parse(&h, headers[i].line, strlen(headers[i].line), &store);
		snprintf(name, sizeof name, "%.*s", (int)h.namelen, h.text);
		snprintf(fields, sizeof fields, "%.*s", (int)h.fieldslen, h.fields);
		check_str(name, headers[i].name, "name");
		check_str(fields, headers[i].fields, "fields");
		check_str(h.text, headers[i].text, "text");
		check(h.len == strlen(headers[i].text), "case %zu: length", i);
	}
	ar_buf_free(&store);
}

/* What a loop saw: "doc|line|text" for lines, "doc|+N|text" for a block
 * that starts after N lines, "<" and ">" for begin and end. */
static struct ar_buf seen;

static void
note(const char *s, size_t n)
{
	size_t vn;
	const char *v = ar_doc_field("date", &vn);

	ar_buf_add(&seen, ar_doc.name, ar_doc.namelen);
	if (v) {        /* the name excludes the fields; the field API reads them */
		ar_buf_add(&seen, "\tdate=", 6);
		ar_buf_add(&seen, v, vn);
	}
	ar_buf_addc(&seen, '|');
	ar_buf_add(&seen, s, n);
	ar_buf_addc(&seen, '\n');
}

static int
on_line(const char *s, size_t n, void *ctx)
{
	char tmp[32];
	(void)ctx;
	snprintf(tmp, sizeof tmp, "%lu|", ar_doc.line);
	ar_buf_add(&seen, tmp, strlen(tmp));
	note(s, n);
	return 0;
}

static int
on_block(const char *p, size_t n, void *ctx)
{
	char tmp[32];
	(void)ctx;
	snprintf(tmp, sizeof tmp, "+%lu|", ar_doc.line);
	ar_buf_add(&seen, tmp, strlen(tmp));
	note(p, n);
	for (size_t i = 0; i < AR_BLOCK_PAD && n && p[n - 1] != '\n'; i++)
		check(p[n + i] == 0, "zero padding after the last block");
	for (size_t i = 0; i < n; i++)
		ar_doc.line += p[i] == '\n';
	return 0;
}

static int on_begin(void *ctx) { (void)ctx; ar_buf_addc(&seen, '<'); return 0; }
static int on_end(void *ctx) { (void)ctx; ar_buf_addc(&seen, '>'); return 0; }

static const char input[] = "a\r\nb\n\fsecond\tdate=1\nc\n\n\fthird\nd";

static const char want_lines[] =
	"<1|f|a\n2|f|b\n><1|second\tdate=1|c\n2|second\tdate=1|\n><1|third|d\n>";
static const char want_blocks[] =
	"<+0|f|a\r\nb\n\n><+0|second\tdate=1|c\n\n\n><+0|third|d\n>";

/* Run the loop on file f; stdout is closed by the loop, so keep a copy. */
static void
run(struct ar_loop *lp, char *f, const char *want, const char *what)
{
	int out = dup(1);

	seen.len = 0;
	check(ar_loop_run(lp, 1, &f) == 0, "%s: status", what);
	dup2(out, 1);
	close(out);
	ar_buf_addc(&seen, 0);
	check(!strcmp(seen.s, want), "%s: got\n%s\nwant\n%s", what, seen.s, want);
}

static void
loops(void)
{
	char dir[] = "/tmp/ar-unit-XXXXXX", f[64];
	FILE *fp;

	if (!mkdtemp(dir))
		return;
	if (chdir(dir) < 0)
		return;
	snprintf(f, sizeof f, "f");
	fp = fopen(f, "w");
	fwrite(input, 1, sizeof input - 1, fp);
	fclose(fp);

	struct ar_loop lines = { .line = on_line, .begin = on_begin, .end = on_end };
	struct ar_loop blocks = { .block = on_block, .begin = on_begin, .end = on_end };
	run(&lines, f, want_lines, "lines");
	run(&blocks, f, want_blocks, "blocks");
	check(ar_doc.header && ar_doc.header->namelen == 5, "the last header, parsed");

	unlink(f);
	if (chdir("/") == 0)
		rmdir(dir);
}

int
main(void)
{
	ar_init("lines", "", "");
	parse_headers();
	loops();
	ar_buf_free(&seen);
	return check_done("lines");
}
