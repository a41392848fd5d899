/* nav.c: the page classifier (src/lib/nav.c, navpage.c, navlex.c). Each
 * case is a document (or several: "\f" starts the next), with rules and
 * kinds to keep, and what comes back for each line: "LINE[+] VERDICT ROLE
 * REASON" ("+" where a page starts), the reason as --explain writes it
 * (the layer, what it said, the line's class). Then the parts of a line
 * (spans, source), the page's date, the refusals, the lists, and the
 * bound of the site templates. */
#include "arlib.h"
#include "navint.h"
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

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

static const char doc_a[] =
	"موقع الاختبار:\n"
	"2024-06-10@09:30:00 GMT\n"
	"\n"
	"الرئيسية\n"
	"محليات\n"
	"اقتصاد\n"
	"رياضة\n"
	"ثقافة\n"
	"الرئيسية › محليات\n"
	"وزارة المياه تعلن خطة لتحلية مياه البحر في المدن الساحلية\n"
	"كتب: سامي الحداد\n"
	"تاريخ النشر: 10th, June 2024 GMT\n"
	"شارك\n"
	"فيسبوك\n"
	"واتساب\n"
	"نسخ الرابط\n"
	"أعلنت وزارة المياه اليوم الاثنين عن خطة وطنية لتحلية مياه البحر في المدن الساحلية، وقال الوزير إن الخطة تشمل بناء ثلاث محطات جديدة خلال خمس سنوات.\n"
	"وأوضح الوزير في مؤتمر صحفي أن محطات التحلية الجديدة ستوفر المياه لأكثر من مليوني نسمة، وأن الحكومة رصدت لها ميزانية خاصة من صندوق التنمية.\n"
	"تمويل المحطات\n"
	"وأشار إلى أن الوزارة ستطرح مناقصة دولية لبناء المحطات قبل نهاية العام، مؤكدا أن الأولوية للمدن التي تعاني من نقص المياه في فصل الصيف.\n"
	"المصدر: وكالة الأنباء الرسمية\n"
	"الوسوم: المياه، التحلية، المدن الساحلية\n"
	"أخبار ذات علاقة\n"
	"افتتاح طريق سريع جديد يربط العاصمة بالمطار\n"
	"12 يونيو 2024\n"
	"ارتفاع أسعار الخضار في الأسواق مع بداية الصيف\n"
	"11 يونيو 2024\n"
	"جميع الحقوق محفوظة © موقع الاختبار 2024\n";

static const char doc_b[] =
	"مجلس البلدية يقر ميزانية جديدة لصيانة الطرق والحدائق العامة\n"
	"أقر مجلس البلدية في جلسته الأسبوعية ميزانية جديدة لصيانة الطرق والحدائق العامة في أحياء المدينة، وقال رئيس المجلس إن الأعمال ستبدأ الشهر المقبل.\n"
	"نجم كرة القدم يوقع عقدا جديدا مع ناديه لثلاثة مواسم قادمة\n"
	"وأضاف رئيس المجلس أن ميزانية الصيانة تشمل تجديد الإنارة في الشوارع الرئيسية، وزراعة الأشجار في الحدائق التي تضررت خلال فصل الشتاء الماضي.\n"
	"اقرأ أيضا\n"
	"البلدية تطلق حملة لتنظيف الشواطئ\n"
	"وأكد المجلس أن الأحياء الشعبية ستحظى بالأولوية في برنامج صيانة الطرق، وأن لجنة خاصة ستتابع تنفيذ الأعمال وترفع تقريرا شهريا إلى أعضاء المجلس.\n";

static const char doc_c[] =
	"جامعة العاصمة تفتح باب التسجيل في برامج الدراسات العليا\n"
	"أعلنت جامعة العاصمة فتح باب التسجيل في برامج الدراسات العليا للعام الجامعي المقبل، وقالت إدارة الجامعة إن التسجيل سيكون إلكترونيا عبر موقعها الرسمي.\n"
	"وأوضحت الجامعة أن برامج الدراسات العليا تشمل أكثر من أربعين تخصصا في العلوم والهندسة والآداب، وأن المقاعد محدودة في بعض التخصصات.\n"
	"شارك المقال\n"
	"فيسبوك\n"
	"واتساب\n"
	"آراء القراء\n"
	"الاسم\n"
	"البريد الإلكتروني\n"
	"إرسال\n"
	"المنتخب الوطني يستعد لمباراة حاسمة أمام ضيفه في التصفيات، والمدرب يعلن قائمة اللاعبين غدا بعد الحصة التدريبية الأخيرة.\n";

static const char doc_d[] =
	"افتتاح معرض للكتاب في العاصمة بمشاركة مئات دور النشر\n"
	"افتتح وزير الثقافة معرض الكتاب الدولي في العاصمة بمشاركة مئات دور النشر العربية والأجنبية، ويستمر المعرض عشرة أيام.\n"
	"ويضم معرض الكتاب هذا العام جناحا خاصا لكتب الأطفال، وندوات يومية يشارك فيها كتاب ومترجمون من عدة بلدان.\n"
	"\n"
	"ارتفاع صادرات التمور إلى الأسواق الأوروبية هذا الموسم\n"
	"سجلت صادرات التمور إلى الأسواق الأوروبية ارتفاعا ملحوظا خلال الموسم الحالي، بحسب ما أعلنته غرفة التجارة في تقرير نشرته أمس.\n"
	"وأرجعت الغرفة ارتفاع صادرات التمور إلى تحسن جودة الإنتاج وفتح أسواق جديدة في شمال أوروبا وشرقها.\n"
	"\n"
	"انطلاق حملة تطعيم ضد الإنفلونزا في المدارس الابتدائية\n"
	"أطلقت وزارة الصحة حملة تطعيم ضد الإنفلونزا في المدارس الابتدائية تستهدف نصف مليون تلميذ، وتستمر الحملة شهرا كاملا.\n"
	"ودعت الوزارة أولياء الأمور إلى التعاون مع الفرق الطبية وتسليم بطاقات التطعيم السابقة لتلاميذ حملة التطعيم.\n";




static const char doc_e[] =
	"افتتاح مستشفى جديد في الضاحية الشمالية للمدينة\n"
	"افتتح وزير الصحة مستشفى جديدا في الضاحية الشمالية للمدينة، ويضم المستشفى مئتي سرير وأقساما للطوارئ والولادة.\n"
	"افتتح وزير الصحة مستشفى جديدا في الضاحية الشمالية للمدينة، ويضم المستشفى مئتي سرير وأقساما للطوارئ والولادة.\n"
	"منصة إخبارية مستقلة تصدر من المدينة\n"
	"\fpage two\n"
	"انخفاض أسعار الوقود للمرة الثانية هذا العام\n"
	"أعلنت وزارة الطاقة خفض أسعار الوقود للمرة الثانية هذا العام، وقالت إن القرار يأتي بعد تراجع الأسعار في الأسواق العالمية.\n"
	"أعلنت وزارة الطاقة خفض أسعار الوقود للمرة الثانية هذا العام، وقالت إن القرار يأتي بعد تراجع الأسعار في الأسواق العالمية.\n"
	"منصة إخبارية مستقلة تصدر من المدينة\n"
	"\fpage three\n"
	"فريق المدينة يفوز بكأس البطولة بعد مباراة مثيرة\n"
	"فاز فريق المدينة بكأس البطولة بعد مباراة مثيرة أمام ضيفه انتهت بهدفين مقابل هدف، وسط حضور جماهيري كبير في الملعب.\n"
	"فاز فريق المدينة بكأس البطولة بعد مباراة مثيرة أمام ضيفه انتهت بهدفين مقابل هدف، وسط حضور جماهيري كبير في الملعب.\n"
	"منصة إخبارية مستقلة تصدر من المدينة\n";

/* the site's name above a menu, a ticker at the top of the body: the title
 * is the headline below the ticker */
static const char doc_f[] =
	"أخبار المدينة اليوم\n"
	"الرئيسية\n"
	"سياسة\n"
	"اقتصاد\n"
	"رياضة\n"
	"ثقافة\n"
	"منوعات\n"
	"فيديو\n"
	"عاجل: انقطاع الكهرباء عن أحياء شرق العاصمة بسبب عطل فني في المحطة الرئيسية، وفرق الصيانة تعمل على إصلاحه منذ الصباح.\n"
	"افتتاح مكتبة عامة جديدة في حي النخيل بحضور وزير الثقافة اليوم\n"
	"افتتح وزير الثقافة اليوم مكتبة عامة جديدة في حي النخيل، تضم أكثر من عشرين ألف كتاب وقاعة للأطفال ومختبرا رقميا مفتوحا للطلاب.\n"
	"وقال الوزير إن مكتبة النخيل هي الأولى ضمن خطة لافتتاح عشر مكتبات عامة في أحياء المدينة خلال السنوات الثلاث المقبلة.\n";

/* a ticker of results: a line of figures longer than the ones before it
 * is still one of them */
static const char doc_g[] =
	"نتائج المباريات\n"
	"الوحدة 2 - 1 الجزيرة | انتهت\n"
	"الشعلة 0 - 0 النجمة | انتهت\n"
	"الساحل 1 - 3 الأمل | الشوط الثاني الدقيقة 71\n"
	"الفجر - الشروق | 20:30\n"
	"كل النتائج\n"
	"الوحدة يهزم الجزيرة ويقترب من لقب الدوري\n"
	"حقق فريق الوحدة فوزا ثمينا على ضيفه الجزيرة بهدفين مقابل هدف في المباراة التي أقيمت مساء اليوم، ليقترب من لقب الدوري.\n"
	"وسجل مهاجم الوحدة هدفي فريقه في الشوط الثاني، بينما أحرز الجزيرة هدفه الوحيد من ركلة جزاء قبل نهاية المباراة بدقائق.\n";

/* a post embedded in the body: the account, the post, its picture link
 * and its date go; the paragraphs around it stay */
static const char doc_h[] =
	"بلدية الساحل تغلق الشاطئ الشمالي أمام السباحة بسبب ارتفاع الأمواج\n"
	"أعلنت بلدية الساحل اليوم إغلاق الشاطئ الشمالي أمام السباحة حتى إشعار آخر، بعد أن تجاوز ارتفاع الأمواج ثلاثة أمتار صباح اليوم.\n"
	"ونشرت البلدية على حسابها الرسمي تحذيرا للمصطافين من الاقتراب من الصخور القريبة من الميناء خلال الأيام المقبلة.\n"
	"بلدية الساحل @SahelCity\n"
	"نرجو من المواطنين الالتزام بتعليمات فرق الإنقاذ وعدم النزول إلى البحر حفاظا على سلامتهم\n"
	"pic.twitter.com/Ab12Cd34Ef\n"
	"— 3 يوليو 2025\n"
	"وقال رئيس البلدية إن فرق الإنقاذ ستبقى على الشاطئ طوال اليوم لمنع السباحة، وإن الإغلاق قد يستمر حتى نهاية الأسبوع إذا بقيت الأمواج مرتفعة.\n";

/* a video player between the title and the body goes, its title with it;
 * a time between paragraphs stays */
static const char doc_i[] =
	"الأمطار الغزيرة تغلق طرقا جبلية في شمال البلاد\n"
	"فيضانات في الوادي الكبير بعد يومين من المطر\n"
	"00:00 / 01:45\n"
	"أغلقت السلطات المحلية عدة طرق جبلية في شمال البلاد بعد أمطار غزيرة استمرت يومين، وتسببت في انهيارات صخرية على الطرق.\n"
	"10:30\n"
	"وقالت مديرية الطرق إن فرقها تعمل على إزالة الصخور، وإن الطرق المغلقة ستفتح تباعا خلال الأيام المقبلة بعد أن يتوقف المطر.\n";

/* tickers above the title go (a cue and its headline, a cue alone over
 * a headline); a wire's dateline stays; after the body a caption with its
 * credit and a line of tags under a label no lexicon knows go */
static const char doc_j[] =
	"عاجل\n"
	"سقوط أمطار غزيرة على العاصمة\n"
	"الآن: الدفاع المدني يرفع درجة الاستعداد في العاصمة\n"
	"\n"
	"الدفاع المدني يرفع درجة الاستعداد بعد أمطار غزيرة في العاصمة\n"
	"عمّان (بترا) - 12 تموز 2025\n"
	"رفعت مديرية الدفاع المدني درجة الاستعداد القصوى في العاصمة بعد هطول أمطار غزيرة تسببت في تجمع المياه في عدد من الشوارع الرئيسية.\n"
	"ودعت المديرية المواطنين إلى تجنب الأودية والمناطق المنخفضة، والإبلاغ عن أي طارئ عبر رقم الطوارئ الموحد.\n"
	"آليات الدفاع المدني تسحب المياه من أحد شوارع وسط العاصمة (بترا)\n"
	"\n"
	"ملف اليوم: الطقس، الدفاع المدني، العاصمة\n";

static const struct nav_case {
	const char *name, *rules, *keep, *doc, *want;
} cases[] = {
	{ "tickers, a dateline, a caption with its credit, a line of tags", NULL, NULL, doc_j,
	  "1 D none page:before the title; short len=4 sw=0.00\n"
	  "2 D none page:before the title; short len=28 sw=0.20\n"
	  "3 D none page:before the title; headline len=50 sw=0.12\n"
	  "4 D none stat:blank\n"
	  "5 K title page:title; headline len=60 sw=0.20\n"
	  "6 K date page:meta line of the title; short len=27 sw=0.00\n"
	  "7 K body page:body; good len=128 sw=0.23\n"
	  "8 K body page:body; good len=103 sw=0.25\n"
	  "9 D none page:a photo caption; near len=63 sw=0.09\n"
	  "10 D none stat:blank\n"
	  "11 D none list:a list of links; near len=40 sw=0.17\n" },
	{ "empty line", NULL, NULL, "\n",
	  "1 D none stat:blank\n" },
	{ "--keep=blank", NULL, "blank", "\n",
	  "1 K body stat:blank\n" },
	{ "a page: source, title, date, body, attribution, tags, related", NULL, NULL,
	  page,
	  "1 D none rule:source (the source name before it)\n"
	  "2 D none rule:source\n"
	  "3 D none stat:blank\n"
	  "4 K title page:title; near len=44 sw=0.12\n"
	  "5 K date rule:date\n"
	  "6 K body page:body; good len=156 sw=0.33\n"
	  "7 K body page:body; short len=12 sw=0.00\n"
	  "8 K body page:body; good len=143 sw=0.21\n"
	  "9 K attribution rule:attribution\n"
	  "10 D none rule:tags\n"
	  "11 D none rule:related\n"
	  "12 D none rule:related (rest of the page); short len=30 sw=0.33\n" },
	{ "--keep=related,source", NULL, "related,source", page,
	  "1 K body rule:source (the source name before it)\n"
	  "2 K body rule:source\n"
	  "3 D none stat:blank\n"
	  "4 K title page:title; near len=44 sw=0.12\n"
	  "5 K date rule:date\n"
	  "6 K body page:body; good len=156 sw=0.33\n"
	  "7 K body page:body; short len=12 sw=0.00\n"
	  "8 K body page:body; good len=143 sw=0.21\n"
	  "9 K attribution rule:attribution\n"
	  "10 D none rule:tags\n"
	  "11 K body rule:related\n"
	  "12 D none page:after the body; short len=30 sw=0.33\n" },
	{ "a menu block, a widget run cut out, the title again", NULL, NULL, menu,
	  "1 D none rule:menu\n"
	  "2 D none list:a list of links (3 lines); short len=6 sw=0.00\n"
	  "3 D none list:a list of links (3 lines); short len=5 sw=0.00\n"
	  "4 D none list:a list of links (3 lines); short len=8 sw=0.00\n"
	  "5 K title page:title; short len=38 sw=0.17\n"
	  "6 S body page:body, cut by rule:widget; good len=203 sw=0.29\n"
	  "7 D none page:the title again; short len=38 sw=0.17\n"
	  "8 K body page:body; good len=148 sw=0.32\n" },
	{ "user rules come first", "التجار|*$\tdrop-span\ttail\n^ارتفاع\tkeep-line\thead\n",
	  NULL, menu,
	  "1 D none rule:menu\n"
	  "2 D none list:a list of links (3 lines); short len=6 sw=0.00\n"
	  "3 D none list:a list of links (3 lines); short len=5 sw=0.00\n"
	  "4 D none list:a list of links (3 lines); short len=8 sw=0.00\n"
	  "5 K body rule:head\n"
	  "6 S body page:body, cut by rule:tail; near len=83 sw=0.15\n"
	  "7 K body rule:head\n"
	  "8 K body page:body; good len=148 sw=0.32\n" },
	{ "a crawler header starts the next page", NULL, NULL,
	  "عنوان الصفحة الأولى عن الطقس\n"
	  "موقع ثان:\n"
	  "2024-05-02@11:00:00 GMT\n"
	  "عنوان الصفحة الثانية عن الطقس\n",
	  "1 K title page:no body on the page; short len=28 sw=0.20\n"
	  "2+ D none rule:source (the source name before it)\n"
	  "3 D none rule:source\n"
	  "4 K title page:no body on the page; short len=29 sw=0.20\n" },
	{ "the page model: furniture above the title, lists, vocabulary", NULL, NULL, doc_a,
	  "1 D none rule:source (the source name before it)\n"
	  "2 D none rule:source\n"
	  "3 D none stat:blank\n"
	  "4 D none rule:menu\n"
	  "5 D none list:a list of links (5 lines); short len=6 sw=0.00\n"
	  "6 D none list:a list of links (5 lines); short len=6 sw=0.00\n"
	  "7 D none list:a list of links (5 lines); short len=5 sw=0.00\n"
	  "8 D none list:a list of links (5 lines); short len=5 sw=0.00\n"
	  "9 D none list:a list of links (5 lines); short len=17 sw=0.00\n"
	  "10 K title page:title; near len=57 sw=0.10\n"
	  "11 K body page:meta line of the title; short len=16 sw=0.00\n"
	  "12 K date rule:date\n"
	  "13 D none rule:share\n"
	  "14 D none list:a list of links (3 lines); short len=6 sw=0.00\n"
	  "15 D none list:a list of links (3 lines); short len=6 sw=0.00\n"
	  "16 D none list:a list of links (3 lines); short len=10 sw=0.00\n"
	  "17 K body page:body; good len=146 sw=0.19\n"
	  "18 K body page:body; good len=138 sw=0.25\n"
	  "19 K body page:body; short len=13 sw=0.00\n"
	  "20 K body page:body; good len=133 sw=0.29\n"
	  "21 K attribution rule:attribution\n"
	  "22 D none rule:tags\n"
	  "23 D none list:the heading of a list (5 lines); short len=15 sw=0.00\n"
	  "24 D none list:a list of links (5 lines); headline len=42 sw=0.00\n"
	  "25 D none list:a list of links (5 lines); short len=13 sw=0.00\n"
	  "26 D none list:a list of links (5 lines); headline len=45 sw=0.25\n"
	  "27 D none list:a list of links (5 lines); short len=13 sw=0.00\n"
	  "28 D none list:a list of links (5 lines); short len=39 sw=0.17\n" },
	{ "cohesion: a spliced headline; the body resumes after read-also", NULL, NULL, doc_b,
	  "1 K title page:title; headline len=59 sw=0.00\n"
	  "2 K body page:body; good len=144 sw=0.13\n"
	  "3 D none cohesion:a headline spliced between paragraphs (shares 0.00); headline len=57 sw=0.09\n"
	  "4 K body page:body; good len=137 sw=0.23\n"
	  "5 D none rule:related\n"
	  "6 D none rule:related (rest of the page); short len=32 sw=0.00\n"
	  "7 K body page:body; good len=141 sw=0.17\n" },
	{ "a section heading of furniture: what follows is another article", NULL, NULL, doc_c,
	  "1 K title page:title; headline len=55 sw=0.11\n"
	  "2 K body page:body; good len=148 sw=0.13\n"
	  "3 K body page:body; good len=129 sw=0.33\n"
	  "4 D none list:a list of links (7 lines); short len=11 sw=0.00\n"
	  "5 D none list:a list of links (7 lines); short len=6 sw=0.00\n"
	  "6 D none list:a list of links (7 lines); short len=6 sw=0.00\n"
	  "7 D none list:a list of links (7 lines); short len=11 sw=0.00\n"
	  "8 D none list:a list of links (7 lines); short len=5 sw=0.00\n"
	  "9 D none list:a list of links (7 lines); short len=17 sw=0.00\n"
	  "10 D none list:a list of links (7 lines); short len=5 sw=0.00\n"
	  "11 D none cohesion:another article (shares 0.00); good len=118 sw=0.17\n" },
	{ "--keep=cohesion,list", NULL, "cohesion,list", doc_c,
	  "1 K title page:title; headline len=55 sw=0.11\n"
	  "2 K body page:body; good len=148 sw=0.13\n"
	  "3 K body page:body; good len=129 sw=0.33\n"
	  "4 K body list:a list of links (7 lines); short len=11 sw=0.00\n"
	  "5 K body list:a list of links (7 lines); short len=6 sw=0.00\n"
	  "6 K body list:a list of links (7 lines); short len=6 sw=0.00\n"
	  "7 K body list:a list of links (7 lines); short len=11 sw=0.00\n"
	  "8 K body list:a list of links (7 lines); short len=5 sw=0.00\n"
	  "9 K body list:a list of links (7 lines); short len=17 sw=0.00\n"
	  "10 K body list:a list of links (7 lines); short len=5 sw=0.00\n"
	  "11 K body cohesion:another article (shares 0.00); good len=118 sw=0.17\n" },
	{ "a stream of clean articles keeps them all", NULL, NULL, doc_d,
	  "1 K title page:title; headline len=52 sw=0.11\n"
	  "2 K body page:body; near len=115 sw=0.06\n"
	  "3 K body page:body; good len=103 sw=0.22\n"
	  "4 D none stat:blank\n"
	  "5 K body page:body; headline len=53 sw=0.25\n"
	  "6 K body page:body; good len=123 sw=0.25\n"
	  "7 K body page:body; near len=96 sw=0.12\n"
	  "8 D none stat:blank\n"
	  "9 K body page:body; headline len=53 sw=0.25\n"
	  "10 K body page:body; good len=114 sw=0.11\n"
	  "11 K body page:body; good len=106 sw=0.12\n" },
	{ "site templates: a line on two earlier pages", NULL, NULL, doc_e,
	  "1 K title page:title; headline len=46 sw=0.14\n"
	  "2 K body page:body; near len=108 sw=0.06\n"
	  "3 K body page:body; near len=108 sw=0.06\n"
	  "4 K body page:body; short len=35 sw=0.17\n"
	  "1 K title page:title; headline len=43 sw=0.14\n"
	  "2 K body page:body; good len=120 sw=0.20\n"
	  "3 K body page:body; good len=120 sw=0.20\n"
	  "4 K body page:body; short len=35 sw=0.17\n"
	  "1 K title page:title; near len=47 sw=0.12\n"
	  "2 K body page:body; good len=113 sw=0.15\n"
	  "3 K body page:body; good len=113 sw=0.15\n"
	  "4 D none template:a line of the site's template (seen on 2 earlier pages); short len=35 sw=0.17\n" },
	{ "the title below a header of furniture and a ticker", NULL, NULL, doc_f,
	  "1 D none page:before the title; short len=19 sw=0.33\n"
	  "2 D none rule:menu\n"
	  "3 D none list:a list of links (6 lines); short len=5 sw=0.00\n"
	  "4 D none list:a list of links (6 lines); short len=6 sw=0.00\n"
	  "5 D none list:a list of links (6 lines); short len=5 sw=0.00\n"
	  "6 D none list:a list of links (6 lines); short len=5 sw=0.00\n"
	  "7 D none list:a list of links (6 lines); short len=6 sw=0.00\n"
	  "8 D none list:a list of links (6 lines); short len=5 sw=0.00\n"
	  "9 D none page:before the title; good len=116 sw=0.20\n"
	  "10 K title page:title; headline len=61 sw=0.18\n"
	  "11 K body page:body; good len=125 sw=0.18\n"
	  "12 K body page:body; good len=115 sw=0.25\n" },
	{ "a post embedded in the body goes", NULL, NULL, doc_h,
	  "1 K title page:title; headline len=65 sw=0.10\n"
	  "2 K body page:body; good len=125 sw=0.29\n"
	  "3 K body page:body; good len=110 sw=0.29\n"
	  "4 D none stat:page furniture; bad len=23 sw=0.00 links\n"
	  "5 D none page:a post embedded in the body; headline len=87 sw=0.21\n"
	  "6 D none rule:tweets\n"
	  "7 D none page:a post embedded in the body; short len=14 sw=0.00\n"
	  "8 K body page:body; good len=138 sw=0.29\n" },
	{ "a media player goes, a time between paragraphs stays", NULL, NULL, doc_i,
	  "1 K title page:title; headline len=46 sw=0.12\n"
	  "2 D none page:a media player; near len=43 sw=0.38\n"
	  "3 D none page:a media player; short len=13 sw=0.00\n"
	  "4 K body page:body; good len=116 sw=0.25\n"
	  "5 K body page:body; short len=5 sw=0.00\n"
	  "6 K body page:body; good len=120 sw=0.29\n" },
	{ "a ticker of results is a list", NULL, NULL, doc_g,
	  "1 D none list:a list of links (5 lines); short len=15 sw=0.00\n"
	  "2 D none list:a list of links (5 lines); short len=28 sw=0.00\n"
	  "3 D none list:a list of links (5 lines); short len=27 sw=0.00\n"
	  "4 D none list:a list of links (5 lines); headline len=44 sw=0.00\n"
	  "5 D none list:a list of links (5 lines); short len=22 sw=0.00\n"
	  "6 D none page:before the title; short len=10 sw=0.50\n"
	  "7 K title page:title; headline len=40 sw=0.14\n"
	  "8 K body page:body; good len=117 sw=0.24\n"
	  "9 K body page:body; good len=116 sw=0.20\n" },
};

static struct ar_buf got;
static int spans_seen;
static struct ar_buf span_kept, span_cut, source, date;

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
	if (ln->first) {
		const struct ar_nav_page *p = ln->pg;
		date.len = 0;
		l = snprintf(head, sizeof head, "%s|%s|", p->date ? p->date : "-",
		    p->crawled ? p->crawled : "-");
		ar_buf_add(&date, head, (size_t)l);
		if (p->date_line)
			ar_buf_add(&date, p->date_line, p->date_linelen);
		ar_buf_addc(&date, '|');
		if (p->title)
			ar_buf_add(&date, p->title, p->titlelen);
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

/* feed doc line by line as documents ("\f" starts the next); got holds
 * what came back */
static void
run(struct ar_nav *nav, const char *doc)
{
	unsigned long lineno = 0;

	got.len = 0;
	ar_nav_doc_begin(nav);
	for (const char *p = doc; *p; ) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n && *p == '\f') {
			ar_nav_doc_end(nav);
			ar_nav_doc_begin(nav);
			lineno = 0;
		} else {
			ar_nav_line(nav, p, n, ++lineno);
		}
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
		if (getenv("NAV_UNIT_PRINT"))
			printf("== %s\n%s", c->name, got.s);
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

/* the page's date (ISO), crawl time, date line and title, from the first line */
static void
check_dates(void)
{
	static const struct { const char *doc, *want; } d[] = {
		{ page, "2024-05-01|2024-05-01T10:00:00|تاريخ النشر: 1st, May 2024 GMT|"
		  "وزارة الصحة تطلق حملة تطعيم جديدة في المدارس" },
		/* no publication line: the crawl time */
		{ "موقع:\n2015-07-24 16:06:03\n\nعنوان قصير للخبر\n",
		  "2015-07-24T16:06:03|2015-07-24T16:06:03|2015-07-24 16:06:03|عنوان قصير للخبر" },
		/* a meta line of the title with a full date, and its time */
		{ "حريق في مستودع للأخشاب قرب الميناء الجديد\n"
		  "الثلاثاء 4 يونيو 2024 - 14:20\n"
		  "اندلع حريق كبير في مستودع للأخشاب قرب الميناء الجديد مساء اليوم، وقالت فرق الإطفاء "
		  "إنها سيطرت على النيران بعد ساعتين من العمل المتواصل دون تسجيل إصابات.\n",
		  "2024-06-04T14:20|-|الثلاثاء 4 يونيو 2024 - 14:20|حريق في مستودع للأخشاب قرب الميناء الجديد" },
		/* no date at all */
		{ "سطر واحد بلا تاريخ\n", "-|-||سطر واحد بلا تاريخ" },
	};
	struct ar_nav *nav = make(NULL, NULL);

	for (size_t i = 0; i < sizeof d / sizeof *d; i++) {
		date.len = 0;
		run(nav, d[i].doc);
		ar_buf_addc(&date, 0);
		check_str(date.s, d[i].want, "the page's date");
	}
	ar_nav_free(nav);
}

static const struct { const char *rules, *why; } bad_rules[] = {
	{ "x\tdrop-it\tname\n", "unknown action" },
	{ "only-one-field\n", "one field" },
	{ "<|*\tdrop-span\tx\n", "a span that can match the empty string" },
	{ "*\tdrop-span\tx\n", "a span of a star alone" },
	{ "^*$\tdrop-span\tx\n", "an anchored span of a star" },
	{ "|\tdrop-span\tx\n", "an empty pattern" },
	{ "^ab\xff\tdrop-line\tx\n", "a pattern that is not UTF-8" },
	{ "^ab\tdrop-line\tx\xc3\n", "a name that is not UTF-8" },
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
	check(ar_nav_keep(nav, "cohesion") == 0 && ar_nav_keep(nav, "vocab") == 0, "layers");
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
	check_str(ar_nav_layer_name(AR_NAV_L_COHESION), "cohesion", "layer");
	check_str(ar_nav_layer_name(AR_NAV_L_VOCAB), "vocab", "layer");
	check_str(ar_nav_reason_text(AR_NAV_R_OTHER_ARTICLE), "another article", "reason");
	check_str(ar_nav_reason_text(AR_NAV_R_REST_OF_PAGE), "(rest of the page)", "reason");
	check_str(ar_nav_role_name(AR_NAV_ROLE_ATTRIBUTION), "attribution", "role");
}

/* --learn: what one run learnt serves the next; the file stays bounded
 * (at most 4096 lines) however many pages a run reads */
static void
check_learn(void)
{
	char path[] = "/tmp/nav-learn-XXXXXX";
	int fd = mkstemp(path);
	struct ar_buf doc = { 0 };

	check(fd >= 0, "a temporary file");
	if (fd < 0)
		return;
	close(fd);
	unlink(path);
	/* run 1: the template page twice over (3 pages); run 2: its last page alone */
	struct ar_nav *nav = make(NULL, NULL);
	check(ar_nav_learn(nav, path) == 0, "a missing --learn file is an empty one");
	run(nav, doc_e);
	check(ar_nav_finish(nav) == 0, "the --learn file is written");
	ar_nav_free(nav);
	nav = make(NULL, NULL);
	check(ar_nav_learn(nav, path) == 0, "the --learn file is read back");
	const char *third = strstr(doc_e, "\fpage three\n") + strlen("\fpage three\n");
	run(nav, third);
	check(strstr(got.s, "4 D none template:") != NULL, "learnt: the template line goes "
	    "on a page read alone:\n%s", got.s);
	ar_nav_free(nav);
	/* many pages, each with lines of its own and a line shared by all */
	nav = make(NULL, NULL);
	ar_nav_learn(nav, path);
	for (int p = 0; p < 3000; p++) {
		char line[128];
		doc.len = 0;
		for (int k = 0; k < 4; k++) {
			int l = snprintf(line, sizeof line, "سطر رقم %d من الصفحة %d\n", k, p);
			ar_buf_add(&doc, line, (size_t)l);
		}
		ar_buf_add(&doc, "سطر مشترك\n", strlen("سطر مشترك\n"));
		ar_buf_addc(&doc, 0);
		run(nav, doc.s);
	}
	check(ar_nav_finish(nav) == 0, "written again");
	ar_nav_free(nav);
	size_t len;
	char *text = ar_slurp(path, &len);
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	check(lines >= 2 && lines <= 4097, "the --learn file holds %zu lines", lines);
	check(strstr(text, "\tسطر مشترك\n") != NULL, "the shared line is learnt");
	check(strstr(text, "من الصفحة 17") == NULL, "a line of one page is not");
	free(text);
	unlink(path);
	ar_buf_free(&doc);
}

/* the features pass's stem (nav_stem_plain) gives nav_stem's value on
 * every word of the letters it stores: random words of the letters the
 * stem rules look at, other Arabic letters and ASCII */
static void
check_stems(void)
{
	static const int32_t pool[] = { 0x0648, 0x0641, 0x0628, 0x0643, 0x0644, 0x0627, 0x062A,
		0x0646, 0x0645, 0x0647, 0x064A, 0x0621, 0x0642, 0x0639, 0x0650, 'a', 'z', 'k' };
	struct ar_nav *nav = ar_nav_new(collect, NULL);        /* fills the tables */
	uint64_t seed = 0x9E3779B97F4A7C15u;
	int bad = 0;

	for (int round = 0; round < 200000; round++) {
		int32_t c[50];
		uint16_t c16[50];
		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		int k = (int)(seed % 9);
		for (int i = 0; i < k; i++) {
			seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
			c[i] = pool[(seed >> 8) % (sizeof pool / sizeof pool[0])];
		}
		c[k] = c[k + 1] = 0;
		for (int i = 0; i < k + 2; i++)
			c16[i] = (uint16_t)c[i];
		bad += nav_stem_plain(c16, k) != nav_stem(c, k);
	}
	check(bad == 0, "nav_stem_plain: %d random words unlike nav_stem", bad);
	bad = 0;
	for (int32_t cp = 0x600; cp < 0x680; cp++)
		bad += nav_fold_letter(cp) >= 0x680;
	check(bad == 0, "a folded letter below U+0680 stays below it");
	ar_nav_free(nav);
}

int
main(void)
{
	ar_init("nav", "", "");
	check_stems();
	check_cases();
	check_parts();
	check_dates();
	check_refusals();
	check_lists();
	check_learn();
	ar_buf_free(&got);
	ar_buf_free(&span_kept);
	ar_buf_free(&span_cut);
	ar_buf_free(&source);
	ar_buf_free(&date);
	return check_done("nav");
}
