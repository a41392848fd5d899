/* nav.c: the page classifier (src/lib/nav.c). Each case is a document,
 * with rules and kinds to keep, and what comes back for each line:
 * "LINE[+] VERDICT ROLE REASON" ("+" where a page starts), the reason as
 * --explain writes it. */
#include "arlib.h"
#include "check.h"

#include <stdlib.h>

static const char page[] =
	"موقع التجربة:\n"
	"2024-05-01@10:00:00 GMT\n"
	"\n"
	"وزارة الصحة تطلق حملة تطعيم جديدة في المدارس\n"
	"تاريخ النشر: 1st, May 2024 GMT\n"
	"أعلنت وزارة الصحة اليوم عن إطلاق حملة وطنية للتطعيم في جميع المدارس الحكومية، "
	"وقال الوزير إن الحملة تستهدف أكثر من مليون طالب في المرحلة الأولى من البرنامج.\n"
	"مراحل الحملة\n"
	"وأوضح المتحدث باسم الوزارة أن الفرق الطبية ستزور المدارس وفق جدول زمني محدد، "
	"وأن أولياء الأمور سيتلقون رسائل قبل موعد الزيارة بأسبوع على الأقل.\n"
	"المصدر: وكالة الأنباء\n"
	"كلمات دلالية: الصحة التطعيم\n"
	"إقرأ أيضاً:\n"
	"عنوان آخر لا علاقة له بالموضوع\n";

static const char page_verdicts[] =
	"1 D none source (the source name before it)\n"
	"2 D none source\n"
	"3 D none stat:blank len=0 sw=0.00\n"
	"4 K title stat:near len=44 sw=0.12; leads into good lines\n"
	"5 K date date\n"
	"6 K body stat:good len=156 sw=0.33\n"
	"7 K body stat:short len=12 sw=0.00; between good lines\n"
	"8 K body stat:good len=143 sw=0.21\n"
	"9 K attribution attribution\n"
	"10 D none tags\n"
	"11 D none related\n"
	"12 D none related (rest of the page)\n";

static const char menu[] =
	"الرئيسية\n"
	"محليات\n"
	"رياضة\n"
	"اتصل بنا\n"
	"ارتفاع أسعار الخضار في الأسواق المحلية\n"
	"ارتفعت أسعار الخضار في الأسواق المحلية خلال الأسبوع الماضي بنسبة كبيرة، وقال "
	"التجار إن السبب يعود إلى قلة المعروض بعد موجة الحر التي ضربت المنطقة. افتتاح "
	"جسر جديد في المدينة منذ ساعة مهرجان الربيع يبدأ غدا منذ ساعة وأضاف التجار أن "
	"الأسعار قد تعود إلى مستواها خلال أسابيع.\n"
	"ارتفاع أسعار الخضار في الأسواق المحلية\n"
	"ويتوقع الخبراء أن تستقر الأسعار مع بداية الموسم الجديد، حيث تصل كميات كبيرة من "
	"المحاصيل إلى الأسواق من المزارع القريبة من العاصمة في الأيام المقبلة.\n";

static const struct nav_case {
	const char *name, *rules, *keep, *doc, *want;
} cases[] = {
	{ "empty line", NULL, NULL, "\n", "1 D none stat:blank len=0 sw=0.00\n" },
	{ "--keep=blank", NULL, "blank", "\n", "1 K body stat:blank len=0 sw=0.00\n" },
	{ "a page: source, title, date, body, attribution, tags, related", NULL, NULL,
	  page, page_verdicts },
	{ "--keep=related,source", NULL, "related,source", page,
	  "1 K body source (the source name before it)\n"
	  "2 K body source\n"
	  "3 D none stat:blank len=0 sw=0.00\n"
	  "4 K title stat:near len=44 sw=0.12; leads into good lines\n"
	  "5 K date date\n"
	  "6 K body stat:good len=156 sw=0.33\n"
	  "7 K body stat:short len=12 sw=0.00; between good lines\n"
	  "8 K body stat:good len=143 sw=0.21\n"
	  "9 K attribution attribution\n"
	  "10 D none tags\n"
	  "11 K body related\n"
	  "12 K body stat:short len=30 sw=0.33; text, not inside a block of chrome\n" },
	{ "a menu block, a widget run cut out, the title again", NULL, NULL, menu,
	  "1 D none menu\n"
	  "2 D none stat:short len=6 sw=0.00; in a block of menu items\n"
	  "3 D none stat:short len=5 sw=0.00; in a block of menu items\n"
	  "4 D none stat:short len=8 sw=0.00; in a block of menu items\n"
	  "5 K title stat:short len=38 sw=0.17; leads into good lines\n"
	  "6 S body widget stat:good len=203 sw=0.29\n"
	  "7 D none dup: the title again\n"
	  "8 K body stat:good len=148 sw=0.32\n" },
	{ "user rules come first", "التجار|*$\tdrop-span\ttail\n^ارتفاع\tkeep-line\thead\n",
	  NULL, menu,
	  "1 D none menu\n"
	  "2 D none stat:short len=6 sw=0.00; in a block of menu items\n"
	  "3 D none stat:short len=5 sw=0.00; in a block of menu items\n"
	  "4 D none stat:short len=8 sw=0.00; in a block of menu items\n"
	  "5 K body head\n"
	  "6 S title tail stat:near len=83 sw=0.15; between good lines\n"
	  "7 K body head\n"
	  "8 K body stat:good len=148 sw=0.32\n" },
	{ "a crawler header starts the next page", NULL, NULL,
	  "عنوان الصفحة الأولى عن الطقس\n"
	  "موقع ثان:\n"
	  "2024-05-02@11:00:00 GMT\n"
	  "عنوان الصفحة الثانية عن الطقس\n",
	  "1 K title stat:short len=28 sw=0.20; no context\n"
	  "2+ D none source (the source name before it)\n"
	  "3 D none source\n"
	  "4 K title stat:short len=29 sw=0.20; text, not inside a block of chrome\n" },
};

static struct ar_buf got;
static int spans_seen;
static struct ar_buf span_kept, span_cut, source;

static void
collect(const struct ar_nav_line *ln, void *ctx)
{
	static const char verdict[] = "KDS";
	char head[64];
	int l;

	(void)ctx;
	l = snprintf(head, sizeof head, "%lu%s %c %s ", ln->lineno, ln->newpage ? "+" : "",
	    verdict[ln->verdict], ar_nav_role_name(ln->role));
	ar_buf_add(&got, head, (size_t)l);
	ar_nav_explain(ln, &got);
	ar_buf_addc(&got, '\n');
	if (ln->verdict == AR_NAV_SPAN) {
		spans_seen++;
		span_kept.len = span_cut.len = 0;
		ar_buf_add(&span_kept, ln->kept, ln->keptlen);
		ar_buf_add(&span_cut, ln->cut, ln->cutlen);
	}
	if (ln->source) {
		source.len = 0;
		ar_buf_add(&source, ln->source, ln->sourcelen);
	}
}

/* a classifier for case c, or NULL if its rules or kinds are refused */
static struct ar_nav *
make(const char *rules, const char *keep)
{
	struct ar_nav *nav = ar_nav_new(collect, NULL);
	char kinds[128], *k, *save = NULL;

	if (rules && ar_nav_rules(nav, "case.tsv", rules, strlen(rules)) < 0) {
		ar_nav_free(nav);
		return NULL;
	}
	snprintf(kinds, sizeof kinds, "%s", keep ? keep : "");
	for (k = strtok_r(kinds, ",", &save); k; k = strtok_r(NULL, ",", &save))
		if (ar_nav_keep(nav, k) < 0) {
			ar_nav_free(nav);
			return NULL;
		}
	ar_nav_ready(nav);
	return nav;
}

/* feed doc line by line as one document; got holds what came back */
static void
run(struct ar_nav *nav, const char *doc)
{
	unsigned long lineno = 0;

	got.len = 0;
	ar_nav_doc_begin(nav);
	for (const char *p = doc; *p; ) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		ar_nav_line(nav, p, n, ++lineno);
		p += n + (nl != NULL);
	}
	ar_nav_doc_end(nav);
	ar_buf_addc(&got, 0);
}

static void
check_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct nav_case *c = &cases[i];
		struct ar_nav *nav = make(c->rules, c->keep);
		check(nav != NULL, "%s: rules or kinds refused", c->name);
		if (!nav)
			continue;
		run(nav, c->doc);
		check(!strcmp(got.s, c->want), "%s:\n--- got\n%s--- want\n%s", c->name, got.s,
		    c->want);
		ar_nav_free(nav);
	}
}

/* what a span cut and what it left, the source name */
static void
check_parts(void)
{
	struct ar_nav *nav = make(NULL, NULL);

	run(nav, menu);
	ar_buf_addc(&span_cut, 0);
	ar_buf_addc(&span_kept, 0);
	check(spans_seen > 0, "the widget line is cut");
	check_str(span_cut.s, "افتتاح جسر جديد في المدينة منذ ساعة مهرجان الربيع يبدأ غدا منذ ساعة\n",
	    "the runs cut out");
	check(strstr(span_kept.s, "المنطقة. وأضاف التجار") != NULL, "what is left: %s", span_kept.s);
	run(nav, page);
	ar_buf_addc(&source, 0);
	check_str(source.s, "موقع التجربة", "the source name");
	ar_nav_free(nav);
}

static const struct { const char *rules, *why; } bad_rules[] = {
	{ "x\tdrop-it\tname\n", "unknown action" },
	{ "only-one-field\n", "one field" },
	{ "<|*\tdrop-span\tx\n", "a span that can match the empty string" },
	{ "*\tdrop-span\tx\n", "a span of a star alone" },
	{ "^*$\tdrop-span\tx\n", "an anchored span of a star" },
	{ "|\tdrop-span\tx\n", "an empty pattern" },
};

static void
check_refusals(void)
{
	for (size_t i = 0; i < sizeof bad_rules / sizeof *bad_rules; i++) {
		struct ar_nav *nav = ar_nav_new(collect, NULL);
		int rc = ar_nav_rules(nav, "bad.tsv", bad_rules[i].rules, strlen(bad_rules[i].rules));
		check(rc == -1, "refused: %s", bad_rules[i].why);
		ar_nav_free(nav);
	}
	struct ar_nav *nav = ar_nav_new(collect, NULL);
	const char *star = "*\tdrop-line\tall\n";
	check(ar_nav_rules(nav, "ok.tsv", star, strlen(star)) == 0, "a drop-line star is fine");
	check(ar_nav_keep(nav, "nosuch") == -1, "an unknown kind");
	check(ar_nav_keep(nav, "all") == 0 && ar_nav_keep(nav, "tweets") == 0, "kinds by rule name");
	check(ar_nav_keep(nav, "stat") == 0, "a kind of the statistics");
	ar_nav_ready(nav);
	struct ar_nav_rule r = ar_nav_rule(nav, 0);
	check_str(r.name, "all", "the caller's rules are tried first");
	check(r.kept && r.action == AR_NAV_A_DROP_LINE, "rule 0 kept, drop-line");
	check(ar_nav_nrules(nav) > 50, "the built-in rules follow");
	ar_nav_free(nav);
}

/* the lists: one name each, as the rules files and --explain write them */
static void
check_lists(void)
{
	check_str(ar_nav_action_name(AR_NAV_A_DROP_SPAN), "drop-span", "action");
	check_str(ar_nav_action_name(AR_NAV_A_START_PAGE), "start-page", "action");
	check(ar_nav_action_name(-1) == NULL && ar_nav_action_name(AR_NAV_A_COUNT) == NULL,
	    "no action");
	check_str(ar_nav_class_name(AR_NAV_C_HEAD), "headline", "class");
	check_str(ar_nav_reason_text(AR_NAV_R_LEADS_INTO), "leads into good lines", "reason");
	check_str(ar_nav_reason_text(AR_NAV_R_REST_OF_PAGE), "(rest of the page)", "reason");
	check_str(ar_nav_role_name(AR_NAV_ROLE_ATTRIBUTION), "attribution", "role");
}

int
main(void)
{
	ar_init("nav", "", "");
	check_cases();
	check_parts();
	check_refusals();
	check_lists();
	ar_buf_free(&got);
	ar_buf_free(&span_kept);
	ar_buf_free(&span_cut);
	ar_buf_free(&source);
	return check_done("nav");
}
