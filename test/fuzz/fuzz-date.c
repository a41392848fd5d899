/* fuzz-date.c: libFuzzer target for the date grammar and the recogniser of
 * publication and crawl lines, in process. The engine is made once; each
 * input is cut into lines (repaired to valid UTF-8, as the line reader
 * hands them out) and each line goes through ar_pub_line, which may set
 * the reference as ar-date does, then ar_date_scan; every expression must
 * lie inside its line with spans that agree, and parsing whole lines must
 * find what parsing windows around the anchors finds. Build it with clang
 * -fsanitize=fuzzer,address,undefined, -Isrc/lib, this file, every
 * src/lib C file and build/data_tab.c, -lutf8proc -lm. */
#include "arlib.h"

#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ar_date *dt, *whole;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	ar_init("fuzz-date", "", "");
	dt = ar_date_new(NULL, NULL);
	whole = ar_date_new(NULL, NULL);
	ar_date_set_windows(whole, 0);
	return 0;
}

static void
one_line(const char *s, size_t n)
{
	struct ar_pub pub;
	int kind = ar_pub_line(dt, s, n, &pub);

	if (kind != AR_PUB_NONE && pub.ok) {
		struct ar_date_ref ref = { 1, pub.days, -1 };
		if (pub.H >= 0)
			ref.sec = pub.H * 3600 + pub.M * 60 + (pub.S > 0 ? pub.S : 0);
		ar_date_set_ref(dt, &ref);
	}
	ar_date_set_ref(whole, ar_date_get_ref(dt));
	size_t nx = ar_date_scan(dt, s, n);
	if (ar_date_scan(whole, s, n) != nx)
		abort();
	for (size_t k = 0; k < nx; k++) {
		const struct ar_date_expr *e = ar_date_get(dt, k);
		if (!(e->b0 <= e->b1 && e->b1 <= n && e->c0 <= e->c1)
		    || ar_u8count(s + e->b0, e->b1 - e->b0) != e->c1 - e->c0
		    || ar_u8valid(s + e->b0, e->b1 - e->b0) != e->b1 - e->b0
		    || !memchr(e->value, 0, sizeof e->value) || !e->type)
			abort();
		const struct ar_date_expr *w = ar_date_get(whole, k);
		if (w->b0 != e->b0 || w->b1 != e->b1 || strcmp(w->value, e->value))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ar_buf line = { 0 };
	size_t i = 0, first;

	/* each input is a document: no reference, unless the first byte asks */
	struct ar_date_ref ref = { size && (data[0] & 1), 19000 + (size ? data[0] : 0), -1 };
	ar_date_set_ref(dt, &ref);
	ar_date_set_ref(whole, &ref);
	while (i < size) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t n = nl ? (size_t)(nl - (data + i)) : size - i;
		line.len = 0;
		ar_u8repair((const char *)data + i, n, &line, &first);
		/* copy to a buffer of its own length, so ASan sees any over-read */
		char *own = malloc(line.len ? line.len : 1);
		if (line.len)
			memcpy(own, line.s, line.len);
		one_line(own, line.len);
		free(own);
		i += n + 1;
	}
	ar_buf_free(&line);
	return 0;
}
