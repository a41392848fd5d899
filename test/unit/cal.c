/* cal.c: the calendars (src/lib/cal.c): civil days, ISO weeks, leap years,
 * Umm al-Qura and the tabular Hijri calendar. */
#include "arlib.h"
#include "check.h"

#include <stdlib.h>

static void
ymd(long days, char *out)
{
	int y, m, d;

	ar_civil_from_days(days, &y, &m, &d);
	sprintf(out, "%04d-%02d-%02d", y, m, d);
}

/* day, ISO weekday, ISO week-year and week: the weeks at the edges of years */
static const struct { int y, m, d, wd, wy, wk; } weeks[] = {
	{ 1970, 1, 1, 4, 1970, 1 },
	{ 2000, 1, 1, 6, 1999, 52 },
	{ 2004, 12, 31, 5, 2004, 53 },
	{ 2005, 1, 1, 6, 2004, 53 },
	{ 2005, 1, 2, 7, 2004, 53 },
	{ 2005, 1, 3, 1, 2005, 1 },
	{ 2007, 1, 1, 1, 2007, 1 },
	{ 2008, 12, 29, 1, 2009, 1 },
	{ 2010, 1, 3, 7, 2009, 53 },
	{ 2020, 12, 31, 4, 2020, 53 },
	{ 2021, 1, 3, 7, 2020, 53 },
	{ 2021, 1, 4, 1, 2021, 1 },
	{ 2023, 10, 5, 4, 2023, 40 },
	{ 2024, 3, 11, 1, 2024, 11 },
	{ 2024, 12, 30, 1, 2025, 1 },
	{ 2026, 12, 31, 4, 2026, 53 },
	{ 2027, 1, 1, 5, 2026, 53 },
};

static const struct { int y, m, days; } months[] = {
	{ 1900, 2, 28 }, { 2000, 2, 29 }, { 2023, 2, 28 }, { 2024, 2, 29 },
	{ 2100, 2, 28 }, { 2400, 2, 29 }, { 2024, 1, 31 }, { 2024, 4, 30 },
	{ 2024, 12, 31 }, { 2024, 9, 30 },
};

/* Hijri dates and their Gregorian days, in the table and outside it */
static const struct { int hy, hm, hd; const char *greg; } hijri[] = {
	{ 1445, 9, 1, "2024-03-11" },          /* 1 Ramadan 1445 */
	{ 1445, 10, 1, "2024-04-10" },         /* 1 Shawwal 1445 */
	{ 1446, 1, 1, "2024-07-07" },
	{ 1356, 1, 1, "1937-03-14" },          /* the table's first day */
	{ 1500, 12, 1, "2077-10-18" },         /* its last month */
	{ 1501, 1, 1, "2077-11-17" },          /* after it: tabular, same day */
	{ 1, 1, 1, "0622-07-19" },             /* the tabular epoch (16 July 622 Julian) */
	{ 1355, 12, 29, "1937-03-12" },        /* the tabular day before the table */
};

static const char *
field(const char *p, const char *end, int k)
{
	while (k-- > 0) {
		p = memchr(p, '\t', (size_t)(end - p));
		if (!p)
			return NULL;
		p++;
	}
	return p;
}

/* every month start in ummalqura.tsv is the day ar_hijri_days gives */
static void
check_table(void)
{
	size_t len, i = 0;
	const char *t = ar_data("ummalqura.tsv", &len);
	int years = 0;

	while (i < len) {
		const char *nl = memchr(t + i, '\n', len - i), *end = nl ? nl : t + len;
		if (t[i] != '#') {
			int hy = atoi(t + i);
			for (int m = 1; m <= 12 && hy <= AR_UQ_LAST; m++) {
				const char *f = field(t + i, end, m);
				long day;
				check(f && ar_parse_iso_day(f, (size_t)(end - f), &day) == 0,
				    "ummalqura.tsv %d/%d readable", hy, m);
				if (f && ar_parse_iso_day(f, (size_t)(end - f), &day) == 0)
					check(ar_hijri_days(hy, m, 1) == day, "1/%d/%d AH", m, hy);
				if (m < 12 && f) {
					const char *g = field(t + i, end, m + 1);
					long next;
					if (g && ar_parse_iso_day(g, (size_t)(end - g), &next) == 0)
						check(ar_hijri_month_len(hy, m) == next - day,
						    "length of %d/%d AH", m, hy);
				}
			}
			years += hy <= AR_UQ_LAST;
		}
		i = (size_t)(end - t) + 1;
	}
	check(years == AR_UQ_LAST - AR_UQ_FIRST + 1, "table years: %d", years);
}

int
main(void)
{
	char buf[32];

	ar_init("cal", "", "");
	for (size_t i = 0; i < sizeof weeks / sizeof weeks[0]; i++) {
		long days = ar_days_from_civil(weeks[i].y, weeks[i].m, weeks[i].d);
		int wy, wk;
		ar_isoweek(days, &wy, &wk);
		check(ar_weekday(days) == weeks[i].wd, "weekday of %d-%d-%d: %d",
		    weeks[i].y, weeks[i].m, weeks[i].d, ar_weekday(days));
		check(wy == weeks[i].wy && wk == weeks[i].wk, "ISO week of %d-%d-%d: %d-W%d",
		    weeks[i].y, weeks[i].m, weeks[i].d, wy, wk);
	}
	check(ar_days_from_civil(1970, 1, 1) == 0, "epoch");
	check(ar_days_from_civil(2000, 3, 1) - ar_days_from_civil(2000, 2, 28) == 2, "2000 leap");
	check(ar_days_from_civil(1900, 3, 1) - ar_days_from_civil(1900, 2, 28) == 1, "1900 not");
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		check(ar_days_in_month(months[i].y, months[i].m) == months[i].days,
		    "days in %d-%d", months[i].y, months[i].m);
	for (size_t i = 0; i < sizeof hijri / sizeof hijri[0]; i++) {
		ymd(ar_hijri_days(hijri[i].hy, hijri[i].hm, hijri[i].hd), buf);
		check_str(buf, hijri[i].greg, "Hijri date");
	}
	check(ar_hijri_tabular(1501, 1, 1) == ar_hijri_days(1501, 1, 1), "tabular after");
	check(ar_hijri_month_len(1445, 9) == 30 && ar_hijri_month_len(1445, 8) == 29,
	    "Shaban 1445 29 days, Ramadan 30");
	check_table();

	/* every day of 1900..2100: civil round trip, month lengths, ISO weeks
	 * one apart, the Hijri year that holds it */
	long first = ar_days_from_civil(1900, 1, 1), last = ar_days_from_civil(2100, 12, 31);
	int bad = 0, badh = 0, badw = 0;
	for (long z = first; z <= last; z++) {
		int y, m, d, wy, wk, wy2, wk2;
		long back;
		ar_civil_from_days(z, &y, &m, &d);
		if (ar_days_from_civil(y, m, d) != z || d > ar_days_in_month(y, m)
		    || ar_parse_iso_day((sprintf(buf, "%04d-%02d-%02d", y, m, d), buf), 10, &back)
		    || back != z)
			bad++;
		int hy = ar_hijri_year_of(z);
		if (!(ar_hijri_days(hy, 1, 1) <= z && z < ar_hijri_days(hy + 1, 1, 1)))
			badh++;
		ar_isoweek(z, &wy, &wk);
		ar_isoweek(z + 7, &wy2, &wk2);
		if (!(wk >= 1 && wk <= 53 && (wy2 == wy ? wk2 == wk + 1 : wk2 == 1)))
			badw++;
		if (ar_weekday(z + 1) != ar_weekday(z) % 7 + 1)
			badw++;
	}
	check(!bad, "civil round trips 1900-2100: %d bad", bad);
	check(!badh, "Hijri year of each day 1900-2100: %d bad", badh);
	check(!badw, "ISO weeks 1900-2100: %d bad", badw);
	check(ar_parse_iso_day("2023-02-29", 10, &(long){ 0 }) < 0, "2023-02-29 is no day");
	check(ar_parse_iso_day("2023-1", 6, &(long){ 0 }) < 0, "short");
	/* ar_scan_ymd and ar_scan_hm read values as sscanf's %4d-%2d-%2d and
	 * THH:MM did: the same fields, the same refusals */
	static const char *vals[] = {
		"2024-03-10", "2024-03-10T14:30", "2024-03-10T14:30:05", "2024-03-10/2024-03-12",
		"2024-03", "2024-W10", "XXXX-03-10", "PAST_REF", "P3D", "2024-3-5", "20240-03-10",
		"2024-03-10T", "2024-03-10T9:5", "2024-03-10TXX:XX", "199", "2024-03-1",
		"-2024-03-10", "2024--03-10", "",
	};
	for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) {
		int y, m, d, H, M, y2, m2, d2, H2, M2;
		int want = sscanf(vals[k], "%4d-%2d-%2d", &y, &m, &d) == 3 && vals[k][0] != '-';
		const char *t = ar_scan_ymd(vals[k], &y2, &m2, &d2);
		check(!!t == want && (!want || (y == y2 && m == m2 && d == d2)), "scan_ymd %s", vals[k]);
		if (t && want) {
			int hw = sscanf(vals[k], "%*4d-%*2d-%*2dT%2d:%2d", &H, &M) == 2;
			check((ar_scan_hm(t, &H2, &M2) == 0) == hw && (!hw || (H == H2 && M == M2)),
			    "scan_hm %s", vals[k]);
		}
	}
	return check_done("cal");
}
