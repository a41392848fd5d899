/* buf.c: growable byte buffer. */
#include "arlib.h"

#include <stdlib.h>

void
ar_buf_grow(struct ar_buf *b, size_t extra)
{
	size_t cap = b->cap ? b->cap : 256;

	while (cap < b->len + extra) {
		if (cap > SIZE_MAX / 2)
			ar_die("out of memory");
		cap *= 2;
	}
	if (cap != b->cap) {
		b->s = ar_realloc(b->s, cap);
		b->cap = cap;
	}
}

void
ar_buf_addcp(struct ar_buf *b, int32_t cp)
{
	char tmp[4];

	ar_buf_add(b, tmp, ar_u8enc(cp, tmp));
}

void
ar_buf_free(struct ar_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
