/* fuzz-term.c: ar-kwic's text layout helpers in process (src/lib/term.c).
 * The first two bytes cut the rest (repaired to valid UTF-8, as rows are)
 * into preceding context, keyword and following context. Checks: --visual's
 * parts are valid UTF-8 whose widths are the columns it reports and add up
 * to no more than the row's; where a bidi terminal puts the keyword lies
 * within the row; a part without width takes no column. */
#include "arlib.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the offset at or before at that starts a code point */
static size_t
boundary(const char *s, size_t n, size_t at)
{
	if (at > n)
		at = n;
	while (at > 0 && at < n && ((unsigned char)s[at] & 0xc0) == 0x80)
		at--;
	return at;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ar_buf row, vis[3];
	static int ready;
	size_t first = 0, cols[3], hi, total;

	if (!ready++)
		ar_init("fuzz-term", "", "");
	if (size < 2)
		return 0;
	row.len = 0;
	ar_u8repair((const char *)data + 2, size - 2, &row, &first);
	size_t n = row.len, w = ar_term_columns(row.s ? row.s : "", n);  /* controls: 1 */
	size_t b = boundary(row.s, n, data[0] * n / 256);
	size_t e = boundary(row.s, n, b + data[1] * (n - b) / 256);
	size_t cut[2] = { b, e };

	ar_term_visual(row.s ? row.s : "", n, 1, cut, 3, vis, cols);
	size_t sum = 0;
	for (int k = 0; k < 3; k++) {
		if (ar_u8valid(vis[k].s ? vis[k].s : "", vis[k].len) != vis[k].len)
			abort();
		if ((size_t)ar_u8width(vis[k].s ? vis[k].s : "", vis[k].len) != cols[k])
			abort();
		sum += cols[k];
	}
	if (sum > w)            /* shaping only joins: never wider */
		abort();
	size_t lo = ar_term_bidi_cols(row.s ? row.s : "", n, b, e, &hi, &total);
	if (total != w || lo > hi || hi > total)
		abort();
	if (hi == 0 && ar_term_columns(row.s ? row.s + b : "", e - b) != 0)
		abort();
	return 0;
}
