/* pub.c: the recogniser of the lines that give a page its date, the
 * publication line and the crawler's timestamp line, for every tool that
 * needs a page's date (ar-date's reference, ar-strip-nav's page starts).
 * The shape of the line says which it is (one small test per shape, tried
 * in order from pub_shapes[]); the date grammar reads its day, the first
 * full date on the line, so every form the grammar knows serves. */
#include "arlib.h"

/* the words that open a publication line */
static const char *const pub_openers[] = {
	"تاريخ النشر",          /* تاريخ النشر: 29th, September 2023 GMT (as written after it) */
	"نشر في:",
	"نشر في :",
};

/* a line as the shapes see it: without the blanks around it */
struct line { const char *s; size_t n; };

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* the digits at s[*i] (ASCII), at most max: how many */
static int
digits(const struct line *l, size_t *i, int max)
{
	int k = 0;

	while (*i < l->n && k < max && isdig(l->s[*i]))
		(*i)++, k++;
	return k;
}

/* YYYY-MM-DD at the start, then the separator sep */
static int
iso_day_then(const struct line *l, char sep)
{
	size_t i = 0;

	return digits(l, &i, 4) == 4 && i < l->n && l->s[i++] == '-'
	    && digits(l, &i, 2) == 2 && i < l->n && l->s[i++] == '-'
	    && digits(l, &i, 2) == 2 && i < l->n && l->s[i] == sep;
}

/* from s[i]: HH:MM[:SS[.fff]], then a zone (Z, +03:00, +0300, " GMT",
 * " UTC") or nothing, then the end of the line */
static int
clock_to_end(const struct line *l, size_t i)
{
	if (digits(l, &i, 2) != 2 || i >= l->n || l->s[i++] != ':' || digits(l, &i, 2) != 2)
		return 0;
	if (i < l->n && l->s[i] == ':') {
		i++;
		if (digits(l, &i, 2) != 2)
			return 0;
		if (i < l->n && l->s[i] == '.' && (i++, digits(l, &i, 9) == 0))
			return 0;
	}
	if (i < l->n && l->s[i] == 'Z') {
		i++;
	} else if (i < l->n && (l->s[i] == '+' || l->s[i] == '-')) {
		i++;
		if (digits(l, &i, 2) != 2)
			return 0;
		if (i < l->n && l->s[i] == ':')
			i++;
		if (digits(l, &i, 2) != 2)
			return 0;
	} else if (l->n - i == 4 && (!memcmp(l->s + i, " GMT", 4) || !memcmp(l->s + i, " UTC", 4))) {
		i += 4;
	}
	return i == l->n;
}

/* تاريخ النشر: ..., نشر في: ... */
static int
shape_opener(struct ar_date *dt, const struct line *l)
{
	(void)dt;
	for (size_t k = 0; k < sizeof pub_openers / sizeof pub_openers[0]; k++) {
		size_t n = strlen(pub_openers[k]);
		if (l->n >= n && !memcmp(l->s, pub_openers[k], n))
			return AR_PUB_PUBLISHED;
	}
	return AR_PUB_NONE;
}

/* 2025-05-14@15:13:12 GMT (anything may follow the @) */
static int
shape_crawl_at(struct ar_date *dt, const struct line *l)
{
	(void)dt;
	return iso_day_then(l, '@') ? AR_PUB_CRAWLED : AR_PUB_NONE;
}

/* 2015-07-24 16:06:03 and 2023-09-20T14:35:00Z: the whole line */
static int
shape_crawl_iso(struct ar_date *dt, const struct line *l)
{
	(void)dt;
	if ((iso_day_then(l, ' ') || iso_day_then(l, 'T')) && clock_to_end(l, 11))
		return AR_PUB_CRAWLED;
	return AR_PUB_NONE;
}

/* الجمعة 09/10/2020 - 04:30 بتوقيت نيويورك: a word, a numeric date, and
 * the whole line one date expression with its day */
static int
shape_stamp(struct ar_date *dt, const struct line *l)
{
	size_t i = 0, d = 0;
	int32_t cp;

	while (i < l->n && l->s[i] != ' ' && !isdig(l->s[i]))
		i += ar_u8len((unsigned char)l->s[i]);
	if (i == 0 || i >= l->n || l->s[i] != ' ')
		return AR_PUB_NONE;
	while (i < l->n && l->s[i] == ' ')
		i++;
	/* a digit of any script, then a date's separator within five more */
	if (i >= l->n || (ar_u8dec(l->s + i, &cp), ar_digit_value(cp) < 0))
		return AR_PUB_NONE;
	while (i + d < l->n && d < 12 && !strchr("/.-", l->s[i + d]))
		d++;
	if (i + d >= l->n || d > 8)
		return AR_PUB_NONE;
	if (ar_date_scan(dt, l->s, l->n) == 0)
		return AR_PUB_NONE;
	const struct ar_date_expr *e = ar_date_get(dt, 0);
	int y, m, dd;
	if (e->b0 != 0 || e->b1 != l->n || !ar_scan_ymd(e->value, &y, &m, &dd))
		return AR_PUB_NONE;
	return AR_PUB_PUBLISHED;
}

static int (*const pub_shapes[])(struct ar_date *, const struct line *) = {
	shape_opener, shape_crawl_at, shape_crawl_iso, shape_stamp,
};

/* The first full date the grammar finds on the line, with its time. */
static int
line_date(struct ar_date *dt, const char *s, size_t n, struct ar_pub *pub)
{
	size_t nx = ar_date_scan(dt, s, n);

	for (size_t k = 0; k < nx; k++) {
		const char *v = ar_date_get(dt, k)->value;
		int y, m, d, H, M;
		const char *t = ar_scan_ymd(v, &y, &m, &d);
		if (!t || m < 1 || m > 12 || d < 1 || d > ar_days_in_month(y, m))
			continue;
		pub->ok = 1;
		pub->c0 = ar_date_get(dt, k)->c0, pub->c1 = ar_date_get(dt, k)->c1;
		pub->y = y, pub->m = m, pub->d = d;
		pub->days = ar_days_from_civil(y, m, d);
		if (ar_scan_hm(t, &H, &M) == 0)
			pub->H = H, pub->M = M;
		return 0;
	}
	return -1;
}

/* a crawl line's time as written after its day (2015-07-24 16:06:03):
 * with the seconds, which the grammar's value leaves out */
static void
crawl_time(const struct line *l, struct ar_pub *pub)
{
	const char *s = l->s;
	long written;

	if (ar_parse_iso_day(s, l->n, &written) < 0 || written != pub->days)
		return;
	if (l->n >= 16 && isdig(s[11]) && isdig(s[12]) && s[13] == ':' && isdig(s[14])
	    && isdig(s[15])) {
		pub->H = (s[11] - '0') * 10 + s[12] - '0';
		pub->M = (s[14] - '0') * 10 + s[15] - '0';
		pub->S = -1;
		if (l->n >= 19 && s[16] == ':' && isdig(s[17]) && isdig(s[18]))
			pub->S = (s[17] - '0') * 10 + s[18] - '0';
	}
}

/* v in at least w digits, zeros before it (as "%0*u"); the end */
static char *
put_num(char *p, unsigned v, int w)
{
	char t[12];
	int n = 0;

	do
		t[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n < w)
		t[n++] = '0';
	while (n)
		*p++ = t[--n];
	return p;
}

/* YYYY-MM-DD[THH:MM[:SS]] (the fields are in range: narrow types say so,
 * and at most 25 bytes come out); written by hand, as snprintf cost more
 * than the rest of the line's reading */
static void
iso_write(struct ar_pub *pub)
{
	unsigned short y = (unsigned short)pub->y;
	unsigned char m = (unsigned char)pub->m, d = (unsigned char)pub->d;
	unsigned char H = (unsigned char)pub->H, M = (unsigned char)pub->M;
	unsigned char S = (unsigned char)pub->S;
	char *p = pub->iso;

	p = put_num(p, y, 4);
	*p++ = '-';
	p = put_num(p, m, 2);
	*p++ = '-';
	p = put_num(p, d, 2);
	if (pub->H >= 0) {
		*p++ = 'T';
		p = put_num(p, H, 2);
		*p++ = ':';
		p = put_num(p, M, 2);
		if (pub->S >= 0) {
			*p++ = ':';
			p = put_num(p, S, 2);
		}
	}
	*p = 0;
}

int
ar_pub_line(struct ar_date *dt, const char *s, size_t n, struct ar_pub *pub)
{
	struct line l = { s, n };

	memset(pub, 0, sizeof *pub);
	pub->H = pub->M = pub->S = -1;
	while (l.n && (*l.s == ' ' || *l.s == '\t'))
		l.s++, l.n--;
	while (l.n && (l.s[l.n - 1] == ' ' || l.s[l.n - 1] == '\t'))
		l.n--;
	for (size_t k = 0; !pub->kind && k < sizeof pub_shapes / sizeof pub_shapes[0]; k++)
		pub->kind = pub_shapes[k](dt, &l);
	if (!pub->kind || line_date(dt, s, n, pub) < 0)
		return pub->kind;
	if (pub->kind == AR_PUB_CRAWLED)
		crawl_time(&l, pub);
	iso_write(pub);
	return pub->kind;
}
