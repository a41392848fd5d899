/* pub.c: the recogniser of publication and crawl lines (src/lib/pub.c).
 * Lines in the shapes of the seeds and the bench pages, written for this
 * test, and lines that only look like them. */
#include "arlib.h"
#include "check.h"

enum { N = AR_PUB_NONE, P = AR_PUB_PUBLISHED, C = AR_PUB_CRAWLED };

/* a line, the reference the grammar reads it with (or NULL), its kind and
 * its date as ISO ("" when none could be read) */
static const struct { const char *line, *ref; int kind; const char *iso; } cases[] = {
	/* publication lines */
	{ "تاريخ النشر: 12th, March 2024 GMT", NULL, P, "2024-03-12" },
	{ "  تاريخ النشر: 12th, March 2024 GMT", NULL, P, "2024-03-12" },
	{ "تاريخ النشر : الأحد 3 مارس 2024", NULL, P, "2024-03-03" },
	{ "تاريخ النشر: 2024-03-12 09:15", NULL, P, "2024-03-12T09:15" },
	{ "تاريخ النشر: أمس", "2024-03-12", P, "2024-03-11" },
	{ "تاريخ النشر: أمس", NULL, P, "" },         /* a publication line without a day */
	{ "نشر في: 5 يونيو 2021", NULL, P, "2021-06-05" },
	{ "الخميس 14/03/2024 - 18:45 بتوقيت القدس", NULL, P, "2024-03-14T18:45" },
	{ "السبت 02/11/2019 - 07:05 بتوقيت غرينتش", NULL, P, "2019-11-02T07:05" },
	{ "الأحد ٠٣/٠٣/٢٠٢٤", NULL, P, "2024-03-03" },
	{ "الاثنين 2024-03-11", NULL, P, "2024-03-11" },
	/* crawl lines */
	{ "2024-03-15@08:00:00 GMT", NULL, C, "2024-03-15T08:00:00" },
	{ "2016-01-09 11:42:07", NULL, C, "2016-01-09T11:42:07" },
	{ "2016-01-09 11:42", NULL, C, "2016-01-09T11:42" },
	{ "2016-01-09 11:42:07  ", NULL, C, "2016-01-09T11:42:07" },
	{ "2024-02-20T09:05:00Z", NULL, C, "2024-02-20T09:05:00" },
	{ "2024-02-20T09:05:00.250+03:00", NULL, C, "2024-02-20T09:05:00" },
	{ "2024-02-20T09:05:00+0300", NULL, C, "2024-02-20T09:05:00" },
	{ "2024-02-20T09:05:00 GMT", NULL, C, "2024-02-20T09:05:00" },
	{ "2024-02-30 10:00:00", NULL, C, "" },          /* the shape, no such day */
	/* neither */
	{ "", NULL, N, "" },
	{ "وصل الوفد أمس إلى العاصمة.", "2024-03-12", N, "" },
	{ "قال الوزير إن تاريخ النشر لا يهم", NULL, N, "" },
	{ "2016-01-09 11:42:07 وصل الوفد إلى العاصمة", NULL, N, "" },
	{ "2016-01-09", NULL, N, "" },
	{ "2016-01-09 وصل", NULL, N, "" },
	{ "2016-1-9 11:42:07", NULL, N, "" },
	{ "16-01-09 11:42:07", NULL, N, "" },
	{ "2016-01-09T11", NULL, N, "" },
	{ "2016-01-09 11:42:07 +", NULL, N, "" },
	{ "الخميس 14/03/2024 وصل الوفد إلى العاصمة", NULL, N, "" },
	{ "المصدر 14/03/2024", NULL, N, "" },            /* no date expression from the start */
	{ "الخميس 14 مارس 2024", NULL, N, "" },          /* no numeric date */
	{ "في 14/03/2024", NULL, N, "" },
	{ "3alyoum:", NULL, N, "" },
	{ "عاجل | 2024-03-15 10:00", NULL, N, "" },
};

int
main(void)
{
	ar_init("pub", "", "");
	struct ar_date *dt = ar_date_new(NULL, NULL);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ar_pub pub;
		struct ar_date_ref ref = { 0, 0, -1 };
		if (cases[i].ref)
			ref.ok = ar_parse_iso_day(cases[i].ref, 10, &ref.days) == 0;
		ar_date_set_ref(dt, &ref);
		int kind = ar_pub_line(dt, cases[i].line, strlen(cases[i].line), &pub);
		check(kind == cases[i].kind && pub.kind == kind, "%s: kind %d, want %d",
		    cases[i].line, kind, cases[i].kind);
		check_str(pub.iso, cases[i].iso, cases[i].line);
		check(pub.ok == (cases[i].iso[0] != 0), "%s: ok", cases[i].line);
		if (pub.ok) {
			int y, m, d;
			ar_civil_from_days(pub.days, &y, &m, &d);
			check(y == pub.y && m == pub.m && d == pub.d, "%s: days", cases[i].line);
		}
	}
	ar_date_free(dt);
	return check_done("pub");
}
