/* fuzz-reader.c: the shared reader (lines.c, input.c) in process. The first
 * byte picks how a tool would read: lines or blocks, small pieces or not,
 * JSON Lines, CP1256 through iconv, -a; the rest is the input, as a file.
 * Checks what every tool relies on: each line or block handed out is valid
 * UTF-8 (repaired), a part of a long line is no longer than the piece,
 * the padding after a block is readable (ASan), and no byte is handed out
 * twice. */
#include "arlib.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static size_t given, piece;

static int
on_line(const char *s, size_t n, void *ctx)
{
	(void)ctx;
	if (ar_u8valid(s, n) != n)
		abort();                        /* invalid UTF-8 reached a tool */
	if (ar_doc.partial && piece && n > 3 * (piece + 4))
		abort();                        /* a part longer than the piece (and its repairs) */
	if (memchr(s, '\n', n))
		abort();                        /* a line holds a newline */
	given += n;
	ar_out_write(s, n);                 /* a filter's output, captured */
	if (!ar_doc.partial)
		ar_out_eol();
	return 0;
}

static int
on_block(const char *s, size_t n, void *ctx)
{
	volatile char sink = 0;

	(void)ctx;
	for (size_t i = 0; i < AR_BLOCK_PAD; i++)
		sink ^= s[n + i];               /* the padding the scanners may read */
	if (n && ar_doc.partial && piece && n > piece + 4)
		abort();
	given += n;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/fuzz-reader-XXXXXX";
	static int fd = -1;
	static struct ar_buf out;

	if (fd < 0) {
		ar_init("fuzz-reader", "", "");
		fd = mkstemp(path);
		if (fd < 0)
			abort();
		unlink(path);
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (size == 0)
		return 0;
	unsigned mode = data[0];
	data++, size--;
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();

	ar_opts.jsonl = (mode & 3) == 3;
	ar_opts.text = (mode >> 2) & 1;
	ar_opts.encoding = (mode >> 3) & 1 ? "CP1256" : NULL;
	ar_opts.headers = (int)((mode >> 4) & 1) - 1 + ((mode >> 5) & 1);  /* -1, 0, 1 */
	ar_opts.strict = 0;
	ar_opts.output_dir = NULL;
	if (!ar_opts.text_field)
		ar_opts.text_field = "text";
	piece = (mode >> 6) & 1 ? 64 : 0;

	struct ar_loop lp = {
		.line = (mode & 1) ? NULL : on_line,
		.block = (mode & 1) && !ar_opts.jsonl ? on_block : NULL,
		.echo_headers = 1,
		.filter = (mode >> 7) & 1,
		.search = !((mode >> 7) & 1),
		.pieces = piece,
	};
	if (!lp.line && !lp.block)
		lp.line = on_line;
	char *argv[] = { path, NULL };
	int saved = dup(1);
	out.len = 0;
	ar_out_capture(&out);
	given = 0;
	(void)ar_loop_run(&lp, 1, argv);
	ar_out_capture(NULL);
	dup2(saved, 1);
	close(saved);
	/* what was handed out is at most the input, grown by U+FFFD repairs
	 * (3 bytes for 1) and CP1256 (2 bytes for 1) */
	if (given > 3 * size + 16)
		abort();
	return 0;
}
