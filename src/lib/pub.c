/* pub.c: the recogniser of the lines that give a page its date: the
 * publication line and the crawler's timestamp line. The shape of the line
 * says which it is; the date grammar reads its day (the first full date on
 * the line), so every form the grammar knows serves. */
#include "arlib.h"

static const char PUBLINE[] = "تاريخ النشر";

static const char *
skip_blanks(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t'))
		s++, (*n)--;
	return s;
}

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* تاريخ النشر at the start */
static int
is_publine(const char *s, size_t n)
{
	return n >= sizeof PUBLINE - 1 && !memcmp(s, PUBLINE, sizeof PUBLINE - 1);
}

/* 2025-05-14@15:13:12 GMT */
static int
is_crawlline(const char *s, size_t n)
{
	return n >= 11 && s[4] == '-' && s[7] == '-' && s[10] == '@'
	    && isdig(s[0]) && isdig(s[1]);
}

/* The first full date the grammar finds on the line, with its time. */
static int
line_date(struct ar_date *dt, const char *s, size_t n, struct ar_pub *pub)
{
	size_t nx = ar_date_scan(dt, s, n);

	for (size_t k = 0; k < nx; k++) {
		const char *v = ar_date_get(dt, k)->value;
		int y, m, d, H, M;
		if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12
		    || d < 1 || d > ar_days_in_month(y, m))
			continue;
		pub->ok = 1;
		pub->y = y, pub->m = m, pub->d = d;
		pub->days = ar_days_from_civil(y, m, d);
		if (sscanf(v, "%*4d-%*2d-%*2dT%2d:%2d", &H, &M) == 2)
			pub->H = H, pub->M = M;
		return 0;
	}
	return -1;
}

/* the time as the line writes it, after a day of 10 characters
 * (2015-07-24 16:06:03): seconds too */
static void
crawl_time(const char *s, size_t n, struct ar_pub *pub)
{
	if (n >= 16 && isdig(s[11]) && isdig(s[12]) && s[13] == ':' && isdig(s[14])
	    && isdig(s[15])) {
		pub->H = (s[11] - '0') * 10 + s[12] - '0';
		pub->M = (s[14] - '0') * 10 + s[15] - '0';
		if (n >= 19 && s[16] == ':' && isdig(s[17]) && isdig(s[18]))
			pub->S = (s[17] - '0') * 10 + s[18] - '0';
	}
}

int
ar_pub_line(struct ar_date *dt, const char *s, size_t n, struct ar_pub *pub)
{
	const char *p = skip_blanks(s, &n);

	memset(pub, 0, sizeof *pub);
	pub->H = pub->M = pub->S = -1;
	if (is_publine(p, n))
		pub->kind = AR_PUB_PUBLISHED;
	else if (is_crawlline(p, n))
		pub->kind = AR_PUB_CRAWLED;
	else
		return AR_PUB_NONE;
	if (line_date(dt, s, n + (size_t)(p - s), pub) < 0)
		return pub->kind;
	long written;
	if (pub->kind == AR_PUB_CRAWLED && ar_parse_iso_day(p, n, &written) == 0
	    && written == pub->days) {
		pub->H = pub->M = pub->S = -1;
		crawl_time(p, n, pub);
	}
	if (pub->H < 0)
		snprintf(pub->iso, sizeof pub->iso, "%04d-%02d-%02d", pub->y, pub->m, pub->d);
	else if (pub->S < 0)
		snprintf(pub->iso, sizeof pub->iso, "%04d-%02d-%02dT%02d:%02d",
		    pub->y, pub->m, pub->d, pub->H, pub->M);
	else
		snprintf(pub->iso, sizeof pub->iso, "%04d-%02d-%02dT%02d:%02d:%02d",
		    pub->y, pub->m, pub->d, pub->H, pub->M, pub->S);
	return pub->kind;
}
