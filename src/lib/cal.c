/* cal.c: calendar arithmetic. Days are counted from 1970-01-01 in the
 * proleptic Gregorian calendar; Hijri dates go through the Umm al-Qura
 * table of share/ar-tools/ummalqura.tsv (1356-1500 AH, built once, read
 * only after that) and through the tabular Islamic calendar outside it.
 * Every function is pure over that table. */
#include "arlib.h"

#include <stdlib.h>

long
ar_days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
ar_civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

int
ar_days_in_month(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	/* years before 0 are never leap: the grammar never makes them */
	if (m == 2 && y >= 0 && ((y % 4 == 0 && y % 100) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

int
ar_weekday(long days)
{
	return (int)(((days % 7) + 7 + 3) % 7) + 1;
}

void
ar_isoweek(long days, int *wy, int *wk)
{
	long thu = days - (ar_weekday(days) - 1) + 3;   /* the week's Thursday */
	int y, m, d;

	ar_civil_from_days(thu, &y, &m, &d);
	*wy = y;
	*wk = (int)((thu - ar_days_from_civil(y, 1, 1)) / 7) + 1;
}

/* n digits at most at *s, at least one: the number, or -1 */
static int
scan_num(const char **s, int n)
{
	int v = -1;

	for (; n > 0 && **s >= '0' && **s <= '9'; n--, (*s)++)
		v = (v < 0 ? 0 : 10 * v) + (**s - '0');
	return v;
}

/* The day of a value (2024-03-10, 2024-03-10T14:30, 2024-03-10/...): as
 * sscanf's "%4d-%2d-%2d" reads it, without its cost on every row. */
const char *
ar_scan_ymd(const char *s, int *y, int *m, int *d)
{
	if ((*y = scan_num(&s, 4)) < 0 || *s++ != '-' || (*m = scan_num(&s, 2)) < 0
	    || *s++ != '-' || (*d = scan_num(&s, 2)) < 0)
		return NULL;
	return s;
}

/* "THH:MM" after a day: 0, or -1 when the value has no clock */
int
ar_scan_hm(const char *s, int *H, int *M)
{
	if (*s++ != 'T' || (*H = scan_num(&s, 2)) < 0 || *s++ != ':'
	    || (*M = scan_num(&s, 2)) < 0)
		return -1;
	return 0;
}

int
ar_parse_iso_day(const char *s, size_t n, long *days)
{
	int y, m, d;

	if (n < 10 || !ar_scan_ymd(s, &y, &m, &d) || m < 1 || m > 12
	    || d < 1 || d > ar_days_in_month(y, m))
		return -1;
	*days = ar_days_from_civil(y, m, d);
	return 0;
}

/* ---- Hijri: the Umm al-Qura table, the tabular calendar outside it ---- */

/* uq_start[k]: the day of 1 of month k % 12 + 1 of year AR_UQ_FIRST + k / 12;
 * the last slot is 1 Muharram after the table. uq_ok is 0 when the file
 * left a slot empty: then the tabular calendar serves everywhere. */
#define UQ_MONTHS ((AR_UQ_LAST - AR_UQ_FIRST + 1) * 12 + 1)
static long uq_start[UQ_MONTHS];
static int uq_built, uq_ok;

static int
uq_line(char *s, size_t n, unsigned long lineno, void *ctx)
{
	char *p = s, *end = s + n;
	int y = (int)strtol(p, &p, 10);

	(void)ctx, (void)lineno;
	if (y < AR_UQ_FIRST || y > AR_UQ_LAST + 1)
		return 0;
	for (int m = 0; m < 12 && p < end; m++) {
		long day;
		while (p < end && (*p == '\t' || *p == ' '))
			p++;
		if (ar_parse_iso_day(p, (size_t)(end - p), &day) < 0)
			return 1;
		uq_start[(y - AR_UQ_FIRST) * 12 + m] = day;
		p += 10;
		if (y == AR_UQ_LAST + 1)
			break;
	}
	return 0;
}

void
ar_cal_init(void)
{
	size_t len;
	const char *t;

	if (uq_built)
		return;
	uq_built = 1;
	t = ar_data("ummalqura.tsv", &len);
	if (ar_each_line(t, len, uq_line, NULL))
		ar_die("ummalqura.tsv: bad line");
	uq_ok = 1;
	for (size_t k = 0; k < UQ_MONTHS; k++)
		if (!uq_start[k])
			uq_ok = 0;
}

static int
in_table(int y)
{
	ar_cal_init();
	return uq_ok && y >= AR_UQ_FIRST && y <= AR_UQ_LAST;
}

long
ar_hijri_tabular(int y, int m, int d)
{
	long jdn = d + (long)((295 * (m - 1) + 9) / 10) + (long)(y - 1) * 354
	    + (3 + 11L * y) / 30 + 1948439;
	return jdn - 2440588;           /* the Julian day of 1970-01-01 */
}

long
ar_hijri_days(int y, int m, int d)
{
	if (in_table(y))
		return uq_start[(y - AR_UQ_FIRST) * 12 + m - 1] + d - 1;
	return ar_hijri_tabular(y, m, d);
}

int
ar_hijri_month_len(int y, int m)
{
	if (in_table(y)) {
		int k = (y - AR_UQ_FIRST) * 12 + m - 1;
		return (int)(uq_start[k + 1] - uq_start[k]);
	}
	return (int)((m == 12 ? ar_hijri_tabular(y + 1, 1, 1) : ar_hijri_tabular(y, m + 1, 1))
	    - ar_hijri_tabular(y, m, 1));
}

int
ar_hijri_year_of(long days)
{
	/* a guess from the mean year (354.36667 days, 1 AH began on day
	 * -492148), then a step or two to the year whose 1 Muharram is the
	 * last on or before the day */
	int hy = (int)((days + 492148) / 354.36667) + 1;

	while (ar_hijri_days(hy, 1, 1) > days)
		hy--;
	while (ar_hijri_days(hy + 1, 1, 1) <= days)
		hy++;
	return hy;
}
