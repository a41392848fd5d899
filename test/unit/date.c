/* date.c: the date grammar (src/lib/date.c): one case per rule and
 * component, each a line with its reference and the expressions it holds,
 * written "value|text|type|start-end|tz|hijri" (code-point offsets). */
#include "arlib.h"
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

static const struct { const char *ref, *line, *want; } cases[] = {
	/* rule period */
	{ "2023-09-29", "أعلنت الحكومة الأسبوع الماضي خطة جديدة",
	    "2023-W38|الأسبوع الماضي|date|14-28||" },
	{ "2023-09-29", "تنتهي الأشغال مطلع العام الجاري",
	    "2023|مطلع العام الجاري|date|14-31||" },
	{ "2023-09-29", "هذا العام شهد تحولات",
	    "2023|هذا العام|date|0-9||" },
	/* rule decade */
	{ "2023-09-29", "في تسعينيات القرن الماضي",
	    "199|تسعينيات القرن الماضي|date|3-24||" },
	/* rule year-word, its dual, Hijri */
	{ "2023-09-29", "جرى ذلك عام 2020 في المدينة",
	    "2020|عام 2020|date|8-16||" },
	{ "2023-09-29", "بين عامي 2020 و2022 تضاعف العدد",
	    "2020/2022|عامي 2020 و2022|date|4-19||" },
	{ "2023-09-29", "ولد سنة 1445 هـ في مكة",
	    "2023-07-19/2024-07-06|سنة 1445 هـ|date|4-15||1445" },
	/* rule bare-year */
	{ "2023-09-29", "منذ 2015 والبلاد في أزمة",
	    "2015|2015|date|4-8||" },
	/* rule season */
	{ "2023-09-29", "في صيف 2021 اشتد الحر",
	    "2021-SU|صيف 2021|date|3-11||" },
	{ "2023-09-29", "يعود في شتاء هذا العام",
	    "2023-WI|شتاء هذا العام|date|8-22||" },
	/* rule day-month: ordinals, partners, English, Hijri month */
	{ "2023-09-29", "وصل في التاسع من أكتوبر",
	    "2023-10-09|التاسع من أكتوبر|date|7-23||" },
	{ "2023-09-29", "التقى الرئيسان في 15 مايو/أيار الجاري",
	    "2023-05-15|15 مايو/أيار الجاري|date|18-37||" },
	{ "2023-09-29", "في 10 تشرين نوفمبر 2020",
	    "2020-11-10|10 تشرين نوفمبر 2020|date|3-23||" },
	{ "2023-09-29", "published on September 29, 2023 GMT",
	    "2023-09-29|September 29, 2023 GMT|date|13-35|GMT|" },
	{ "2023-09-29", "يحل شهر رمضان المبارك قريبا",
	    "2023-03-23/2023-04-20|شهر رمضان المبارك|date|4-21||1444-09" },
	/* rule day-of-month */
	{ "2023-09-29", "في العاشر من الشهر الجاري",
	    "2023-09-10|العاشر من الشهر الجاري|date|3-25||" },
	{ "2023-09-29", "في الحادي والعشرين من مارس",
	    "2024-03-21|الحادي والعشرين من مارس|date|3-26||" },
	/* chains: clock, relative day, weekday, part of day, zone */
	{ "2023-09-29", "وقع الانفجار الساعة السابعة صباح أمس الخميس",
	    "2023-09-28T07:00|الساعة السابعة صباح أمس الخميس|time|13-43||" },
	{ "2023-09-29", "قال بالأمس إن",
	    "2023-09-28|الأمس|date|5-10||" },
	{ "2023-09-29", "سيعقد البرلمان جلسة الأربعاء",
	    "2023-10-04|الأربعاء|date|20-28||" },
	{ "2023-09-29", "يوم الجمعة 24 أبريل في الساعة الثامنة",
	    "2023-04-24T08:00|يوم الجمعة 24 أبريل في الساعة الثامنة|time|0-37||" },
	{ "2023-09-29", "الساعة 13:30 بتوقيت مكة المكرمة",
	    "2023-09-29T13:30|الساعة 13:30 بتوقيت مكة المكرمة|time|0-31|Asia/Riyadh|" },
	/* durations, sets, ranges, numeric dates */
	{ "2023-09-29", "استمر ثلاثة أيام ثم يومين",
	    "P3D|ثلاثة أيام|duration|6-16|| P2D|يومين|duration|20-25||" },
	{ "2023-09-29", "تعقد كل جمعة وكل 3 أشهر",
	    "XXXX-WXX-5|كل جمعة|set|5-12|| P3M|كل 3 أشهر|set|14-23||" },
	{ "2023-09-29", "من 3 إلى 5 مايو 2024",
	    "2024-05-03/2024-05-05|من 3 إلى 5 مايو 2024|date|0-20||" },
	{ "2023-09-29", "في 2023-09-20T14:35:00Z",
	    "2023-09-20T14:35:00|2023-09-20T14:35:00Z|time|3-23|UTC|" },
	{ "2023-09-29", "وصل يوم 20/09/2023",
	    "2023-09-20|يوم 20/09/2023|date|4-18||" },
	{ "2023-09-29", "في 14 رمضان 1445 هـ",
	    "2024-03-24|14 رمضان 1445 هـ|date|3-19||1445-09-14" },
	/* amounts: numbers in words of both genders, teens, compounds,
	 * hundreds, duals, fractions; ago and in at the unit's grain (منذ
	 * after a continuing state is a duration); amounts with the article;
	 * vague words */
	{ "2024-05-10", "قضى في السجن خمسة عشر عاما",
	    "P15Y|خمسة عشر عاما|duration|13-26||" },
	{ "2024-05-10", "مكث اثني عشر يوما ثم إحدى عشرة ساعة",
	    "P12D|اثني عشر يوما|duration|4-17|| PT11H|إحدى عشرة ساعة|duration|21-35||" },
	{ "2024-05-10", "تأخرت الرحلة ساعتين ونصف",
	    "PT2H30M|ساعتين ونصف|duration|13-24||" },
	{ "2024-05-10", "أمضى مئة وعشرين يوما",
	    "P120D|مئة وعشرين يوما|duration|5-20||" },
	{ "2024-05-10", "سافر منذ سنتين",
	    "2022|منذ سنتين|date|5-14||" },
	{ "2024-05-10", "تعيش المدينة أزمة منذ سنتين",
	    "P2Y|منذ سنتين|duration|18-27||" },
	{ "2024-05-10", "لم يزر البلاد منذ ثلاثة أعوام",
	    "P3Y|منذ ثلاثة أعوام|duration|14-29||" },
	{ "2024-05-10", "اختفى من أسبوع",
	    "2024-W18|من أسبوع|date|6-14||" },
	{ "2024-05-10", "وصل بأكثر من أسبوع",
	    "" },
	{ "2024-05-10", "يعود بعد أسبوعين",
	    "2024-W21|بعد أسبوعين|date|5-16||" },
	{ "2024-05-10", "في غضون ثلاثة أشهر",
	    "2024-08|في غضون ثلاثة أشهر|date|0-18||" },
	{ "2024-05-10", "ارتفعت الأسعار خلال الأسابيع الثلاثة الماضية",
	    "P3W|الأسابيع الثلاثة الماضية|duration|20-44||" },
	{ "2024-05-10", "تهطل الأمطار في الساعات المقبلة",
	    "FUTURE_REF|الساعات المقبلة|date|16-31||" },
	{ "2024-05-10", "تكرر ذلك في الأيام الأخيرة",
	    "PAST_REF|الأيام الأخيرة|date|12-26||" },
	{ "2024-05-10", "نفذت حاليا وستستمر مستقبلا",
	    "PRESENT_REF|حاليا|date|5-10|| FUTURE_REF|مستقبلا|date|19-26||" },
	{ "2024-05-10", "أغلق الطريق لمدة شهر",
	    "P1M|لمدة شهر|duration|12-20||" },
	{ "2024-05-10", "منذ عام 2020",
	    "2020|عام 2020|date|4-12||" },
	{ "2024-05-10", "قبل عقدين",
	    "2004|قبل عقدين|date|0-9||" },
	{ "2024-05-10T09:40", "انطلقت الطائرة قبل ساعة وربع",
	    "2024-05-10T08:25|قبل ساعة وربع|time|15-28||" },
	{ "2024-05-10T09:40", "يبدأ بعد 30 دقيقة",
	    "2024-05-10T10:10|بعد 30 دقيقة|time|5-17||" },
	{ "2024-05-10T09:40", "قبل 36 ساعة",
	    "2024-05-08T21:40|قبل 36 ساعة|time|0-11||" },
	{ NULL, "وصل قبل يومين",
	    "XXXX-XX-XX|قبل يومين|date|4-13||" },
	/* clocks: seconds, minutes in words and digits after the hour, إلا,
	 * من عصر, prayers and parts of the day that stand alone, a day and
	 * its clock a word apart, time ranges; the quoted dialect */
	{ "2024-05-10", "سجلت الهزة الساعة 04:12:33 بتوقيت غرينتش",
	    "2024-05-10T04:12:33|الساعة 04:12:33 بتوقيت غرينتش|time|11-40|GMT|" },
	{ "2024-05-10", "أقلعت الطائرة في الرابعة وخمس وعشرين دقيقة عصرا",
	    "2024-05-10T16:25|الرابعة وخمس وعشرين دقيقة عصرا|time|17-47||" },
	{ "2024-05-10", "وصل في السابعة و10 دقائق مساء",
	    "2024-05-10T19:10|السابعة و10 دقائق مساء|time|7-29||" },
	{ "2024-05-10", "انتهى في التاسعة إلا عشر دقائق صباحا",
	    "2024-05-10T08:50|التاسعة إلا عشر دقائق صباحا|time|9-36||" },
	{ "2024-05-10", "أذيع البيان في الحادية عشرة إلا ثلثا ليلا",
	    "2024-05-10T22:40|الحادية عشرة إلا ثلثا ليلا|time|15-41||" },
	{ "2024-05-10", "تبدأ في الرابعة من عصر الخميس",
	    "2024-05-09T16:00|الرابعة من عصر الخميس|time|8-29||" },
	{ "2024-05-10", "سقطت قذيفة قبيل صلاة العشاء",
	    "2024-05-10|قبيل صلاة العشاء|date|11-27||" },
	{ "2024-05-10", "اجتمعوا بعد صلاة الجمعة",
	    "2024-05-10|بعد صلاة الجمعة|date|8-23||" },
	{ "2024-05-10", "قرابة منتصف الليل",
	    "2024-05-10|منتصف الليل|date|6-17||" },
	{ "2024-05-10", "يعود بعد المغرب مباشرة",
	    "" },
	{ "2024-05-10", "يغلق المتجر من العاشرة صباحا حتى الثامنة مساء",
	    "2024-05-10T10:00/2024-05-10T20:00|من العاشرة صباحا حتى الثامنة مساء|time|12-45||" },
	{ "2024-05-10", "تتوقف الخدمة بين 1 و3 فجرا",
	    "2024-05-10T01:00/2024-05-10T03:00|بين 1 و3 فجرا|time|13-26||" },
	{ "2024-05-10", "يعقد يوم الخميس 16 مايو 2024 عند الساعة العاشرة",
	    "2024-05-16T10:00|يوم الخميس 16 مايو 2024 عند الساعة العاشرة|time|5-47||" },
	{ "2024-05-10", "أعلنت عند الثالثة بتوقيت القدس",
	    "2024-05-10T03:00|الثالثة بتوقيت القدس|time|10-30|Asia/Jerusalem|" },
	{ "2024-05-10", "وقال: بكرة الصبح نسافر",
	    "2024-05-11|بكرة الصبح|date|6-16||" },
	{ "2024-05-10", "الشهر اللي فات والسنة الجاية",
	    "2024-04|الشهر اللي فات|date|0-14|| 2025|السنة الجاية|date|16-28||" },
	{ "2024-05-10", "وصل امبارح بالليل",
	    "2024-05-09|امبارح بالليل|date|4-17||" },
	/* traps: a score, an outlet's name */
	{ "2023-09-29", "انتهت المباراة 3-1 مساء السبت",
	    "2023-09-23|مساء السبت|date|19-29||" },
	{ "2023-09-29", "قناة روسيا اليوم",
	    "" },
	/* the shared fold and word iterator: ZWNJ, Persian heh, digits */
	{ "2023-09-29", "قال أم\xe2\x80\x8c" "س إن",
	    "2023-09-28|أم\xe2\x80\x8c" "س|date|4-8||" },
	{ "2023-09-29", "يوم الجمعۀ الماضي",
	    "2023-09-22|يوم الجمعۀ الماضي|date|0-17||" },
	{ "2023-09-29", "في عام ２٠٢٠",
	    "2020|عام ２٠٢٠|date|3-11||" },
	/* without a reference, what needs one is X */
	{ NULL, "وصل الوفد أمس في 15 مايو الجاري",
	    "XXXX-XX-XX|أمس|date|10-13|| XXXX-05-15|15 مايو الجاري|date|17-31||" },
	{ NULL, "لا تاريخ هنا", "" },
	{ NULL, "", "" },
};

/* the expressions of the last scan, as the cases write them */
static void
describe(const struct ar_date *dt, const char *line, size_t nx, struct ar_buf *out)
{
	char tmp[512];

	for (size_t k = 0; k < nx; k++) {
		const struct ar_date_expr *e = ar_date_get(dt, k);
		check(e->b0 <= e->b1 && e->b1 <= strlen(line), "byte span in the line");
		check(ar_u8count(line + e->b0, e->b1 - e->b0) == e->c1 - e->c0,
		    "byte and code-point spans agree: %s", line);
		snprintf(tmp, sizeof tmp, "%s%s|%.*s|%s|%zu-%zu|%s|%s", k ? " " : "",
		    e->value, (int)(e->b1 - e->b0), line + e->b0, e->type, e->c0, e->c1,
		    e->tz, e->hijri);
		ar_buf_add(out, tmp, strlen(tmp));
	}
	ar_buf_addc(out, 0);
}

int
main(void)
{
	ar_init("date", "", "");
	struct ar_date *dt = ar_date_new(NULL, NULL);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ar_date_ref ref = { 0, 0, -1 };
		struct ar_buf got = { 0 };
		int H, M;
		if (cases[i].ref)
			ref.ok = ar_parse_iso_day(cases[i].ref, strlen(cases[i].ref), &ref.days) == 0;
		if (cases[i].ref && strlen(cases[i].ref) > 10
		    && sscanf(cases[i].ref + 11, "%d:%d", &H, &M) == 2)
			ref.sec = H * 3600 + M * 60;
		ar_date_set_ref(dt, cases[i].ref ? &ref : NULL);
		size_t nx = ar_date_scan(dt, cases[i].line, strlen(cases[i].line));
		describe(dt, cases[i].line, nx, &got);
		check_str(got.s, cases[i].want, cases[i].line);
		for (size_t k = 0; k < nx; k++)
			check(ar_date_get(dt, k)->ref.ok == ref.ok
			    && (!ref.ok || ar_date_get(dt, k)->ref.days == ref.days),
			    "the reference used: %s", cases[i].line);
		check(ar_date_get(dt, nx) == NULL, "nothing after the last");
		ar_buf_free(&got);
	}
	check(ar_date_get_ref(dt)->ok == 0, "the last reference was none");

	/* --words/--months: a lexicon of one month */
	char months[64], words[64];
	snprintf(months, sizeof months, "/tmp/ar-unit-date-%ld.months", (long)getpid());
	snprintf(words, sizeof words, "/tmp/ar-unit-date-%ld.words", (long)getpid());
	FILE *f = fopen(months, "w");
	check(f != NULL, "write %s", months);
	if (f) {
		fputs("# one month\nفلوريال\t5\tg\n", f);
		fclose(f);
		f = fopen(words, "w");
		fputs("rel\tأمس\t-1\n", f);
		fclose(f);
		struct ar_date *own = ar_date_new(words, months);
		struct ar_date_ref ref = { 1, 0, -1 };
		ar_date_set_ref(own, &ref);
		check(ar_date_scan(own, "في 3 فلوريال 2020 أمس", strlen("في 3 فلوريال 2020 أمس")) == 2
		    && !strcmp(ar_date_get(own, 0)->value, "2020-05-03")
		    && !strcmp(ar_date_get(own, 1)->value, "1969-12-31"), "own word lists");
		check(ar_date_scan(own, "في 3 مايو 2020", strlen("في 3 مايو 2020")) == 0,
		    "only the listed months");
		ar_date_free(own);
		remove(months);
		remove(words);
	}
	ar_date_free(dt);
	return check_done("date");
}
