/* term.c: text for a terminal: control characters shown as spaces, display
 * columns counted the same way, and right-to-left text in visual order for
 * terminals without bidi (ar-kwic --visual), reordered and shaped by GNU
 * FriBidi. */
#include "arlib.h"

#include <fribidi.h>
#include <stdlib.h>
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__)) \
    && !defined(AR_NO_SIMD)
#include <immintrin.h>
#define TERM_AVX2 1
#endif

#ifdef TERM_AVX2
/* From s[i], thirty-two bytes at a time, to the first block that holds a
 * byte below 0x20, 0x7f or 0xc2 (or to fewer than 32 before n) */
__attribute__((target("avx2"))) static size_t
write_skip(const char *s, size_t i, size_t n)
{
	const __m256i c1f = _mm256_set1_epi8(0x1F), del = _mm256_set1_epi8(0x7F);
	const __m256i c2 = _mm256_set1_epi8((char)0xC2);

	while (n - i >= 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i bad = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(v, c1f), v),
		    _mm256_or_si256(_mm256_cmpeq_epi8(v, del), _mm256_cmpeq_epi8(v, c2)));
		if (!_mm256_testz_si256(bad, bad))
			break;
		i += 32;
	}
	return i;
}
#endif

void
ar_term_write(const char *s, size_t n)
{
	size_t run = 0;
#ifdef TERM_AVX2
	static int avx2 = -1;
	if (avx2 < 0)
		avx2 = __builtin_cpu_supports("avx2") && !getenv("AR_NO_AVX2") && !getenv("AR_NO_SIMD");
#endif
	for (size_t i = 0; i < n; i++) {
#ifdef TERM_AVX2
		if (avx2 && n - i >= 32) {
			/* the rows' bulk passes 32 bytes at a time */
			size_t j = write_skip(s, i, n);
			if (j > i) {
				i = j - 1;
				continue;
			}
		}
#endif
		if (i + 8 <= n) {
			/* eight bytes at once: none below 0x20, 0x7f or 0xc2
			 * (printable ASCII and Arabic, most rows) */
			const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
			uint64_t v, d, c2;
			memcpy(&v, s + i, 8);
			d = v ^ (ones * 0x7f), c2 = v ^ (ones * 0xc2);
			if (!((((v - ones * 0x20) & ~v) | ((d - ones) & ~d) | ((c2 - ones) & ~c2)) & high)) {
				i += 7;
				continue;
			}
		}
		unsigned char c = (unsigned char)s[i];
		/* C0, DEL and C1 (U+0080..U+009F: 8-bit CSI and OSC) drive a
		 * terminal: each becomes one space */
		size_t l = c < 0x20 || c == 0x7f ? 1
		    : c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80
		      && (unsigned char)s[i + 1] <= 0x9f ? 2 : 0;
		if (l) {
			ar_out_write(s + run, i - run);
			ar_out_putc(' ');
			run = i + l;
			i += l - 1;
		}
	}
	ar_out_write(s + run, n - run);
}

size_t
ar_term_columns(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	while (i < n) {
		int32_t cp;
		/* printable ASCII and the letters U+0621..U+064A: a column */
		if ((unsigned char)s[i] - 0x20u < 0x5F) {
			i++, w++;
			continue;
		}
		if (i + 1 < n && (((unsigned)(unsigned char)s[i] << 8 | (unsigned char)s[i + 1])
		    - 0xD8A1u <= 0xD98Au - 0xD8A1u)) {
			i += 2, w++;
			continue;
		}
		i += ar_u8dec(s + i, &cp);
		w += cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? 1 : (size_t)ar_cpwidth(cp);
	}
	return w;
}

/* ---- --visual: GNU FriBidi ---- */
/* Per-row arrays, grown as a row needs and kept for the next. */
static struct {
	FriBidiChar *u;
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	FriBidiArabicProp *joining;
	FriBidiStrIndex *map;
	size_t *at;             /* each code point's byte offset */
	FriBidiCharType *work;  /* levels_simple's types as the rules resolve them */
	size_t cap;
} fb;

static void
fb_grow(size_t n)
{
	if (n <= fb.cap)
		return;
	fb.cap = n < 256 ? 256 : n * 2;
	fb.u = ar_realloc(fb.u, fb.cap * sizeof *fb.u);
	fb.types = ar_realloc(fb.types, fb.cap * sizeof *fb.types);
	fb.brackets = ar_realloc(fb.brackets, fb.cap * sizeof *fb.brackets);
	fb.levels = ar_realloc(fb.levels, fb.cap * sizeof *fb.levels);
	fb.joining = ar_realloc(fb.joining, fb.cap * sizeof *fb.joining);
	fb.map = ar_realloc(fb.map, fb.cap * sizeof *fb.map);
	fb.at = ar_realloc(fb.at, fb.cap * sizeof *fb.at);
	fb.work = ar_realloc(fb.work, fb.cap * sizeof *fb.work);
}

/* UAX #9 N0 on levels_simple's types t[0..len) after W7, as FriBidi
 * does it at level 0: pairs (BD16) from a stack of 63 openers (when it is
 * full, no more), taken in the order of their openers; a pair with a
 * left-to-right letter in it is L, one with only right-to-left ones (or
 * numbers) takes the direction of the strong type before it (L if none).
 * The row has no marks (see levels_simple). */
static void
n0_pairs(const FriBidiBracketType *br, size_t len, FriBidiCharType *t, FriBidiStrIndex *pair)
{
	FriBidiStrIndex open[FRIBIDI_BIDI_MAX_NESTED_BRACKET_PAIRS];
	int top = 0;
	size_t k, m;

	for (k = 0; k < len; k++)
		pair[k] = -1;
	for (k = 0; k < len; k++) {
		if (br[k] == FRIBIDI_NO_BRACKET || t[k] != FRIBIDI_TYPE_ON)
			continue;
		if (FRIBIDI_IS_BRACKET_OPEN(br[k])) {
			if (top == FRIBIDI_BIDI_MAX_NESTED_BRACKET_PAIRS)
				break;
			open[top++] = (FriBidiStrIndex)k;
			continue;
		}
		for (int x = top - 1; x >= 0; x--)
			if (FRIBIDI_BRACKET_ID(br[open[x]]) == FRIBIDI_BRACKET_ID(br[k])) {
				pair[open[x]] = (FriBidiStrIndex)k;
				top = x;
				break;
			}
	}
	for (k = 0; k < len; k++) {
		if (pair[k] < 0)
			continue;
		size_t c = (size_t)pair[k];
		FriBidiCharType d = FRIBIDI_TYPE_ON;    /* ON: no strong type in it */
		for (m = k + 1; m < c; m++) {
			if (t[m] == FRIBIDI_TYPE_LTR) {
				d = FRIBIDI_TYPE_LTR;
				break;
			}
			if (t[m] == FRIBIDI_TYPE_RTL || t[m] == FRIBIDI_TYPE_EN || t[m] == FRIBIDI_TYPE_AN)
				d = FRIBIDI_TYPE_RTL;
		}
		if (d == FRIBIDI_TYPE_RTL) {    /* the context before decides */
			d = FRIBIDI_TYPE_LTR;
			for (m = k; m > 0; m--)
				if (t[m - 1] == FRIBIDI_TYPE_LTR || t[m - 1] == FRIBIDI_TYPE_RTL
				    || t[m - 1] == FRIBIDI_TYPE_EN || t[m - 1] == FRIBIDI_TYPE_AN) {
					d = t[m - 1] == FRIBIDI_TYPE_LTR ? FRIBIDI_TYPE_LTR : FRIBIDI_TYPE_RTL;
					break;
				}
		}
		if (d != FRIBIDI_TYPE_ON)
			t[k] = t[c] = d;
	}
}

/* The levels FriBidi gives a left-to-right paragraph (UAX #9 rules W1 to
 * W7, N0 to N2, I1 and I2), for a row of strong letters, numbers,
 * separators, terminators, marks, spaces, brackets and other neutrals: no
 * embedding, override or isolate, no boundary neutral. Rows with Latin in
 * them take this, not the whole algorithm. 0 if the row has anything
 * else. pair[0..len) is room for the bracket pairs. */
static int
levels_simple(const FriBidiCharType *types, const FriBidiBracketType *br, size_t len,
    FriBidiCharType *t, FriBidiLevel *lv, FriBidiStrIndex *pair)
{
	FriBidiCharType strong = FRIBIDI_TYPE_LTR;      /* sos */
	size_t k, j;
	int brackets = 0, marks = 0;

	for (k = 0; k < len; k++) {
		FriBidiCharType c = types[k];
		brackets |= br[k] != FRIBIDI_NO_BRACKET;
		marks |= c == FRIBIDI_TYPE_NSM;
		if (c != FRIBIDI_TYPE_LTR && c != FRIBIDI_TYPE_RTL && c != FRIBIDI_TYPE_AL
		    && c != FRIBIDI_TYPE_EN && c != FRIBIDI_TYPE_AN && c != FRIBIDI_TYPE_ES
		    && c != FRIBIDI_TYPE_ET && c != FRIBIDI_TYPE_CS && c != FRIBIDI_TYPE_NSM
		    && c != FRIBIDI_TYPE_WS && c != FRIBIDI_TYPE_ON)
			return 0;
		/* W1: a mark takes the type before it; W2: a European number
		 * after Arabic letters is an Arabic one; W3: AL is R */
		if (c == FRIBIDI_TYPE_NSM)
			c = k ? t[k - 1] : FRIBIDI_TYPE_LTR;
		if (c == FRIBIDI_TYPE_LTR || c == FRIBIDI_TYPE_RTL || c == FRIBIDI_TYPE_AL)
			strong = c;
		else if (c == FRIBIDI_TYPE_EN && strong == FRIBIDI_TYPE_AL)
			c = FRIBIDI_TYPE_AN;
		t[k] = c;
	}
	for (k = 0; k < len; k++)
		if (t[k] == FRIBIDI_TYPE_AL)
			t[k] = FRIBIDI_TYPE_RTL;
	/* W4: one separator between two numbers of a kind is one of them */
	for (k = 1; k + 1 < len; k++)
		if ((t[k] == FRIBIDI_TYPE_ES && t[k - 1] == FRIBIDI_TYPE_EN && t[k + 1] == FRIBIDI_TYPE_EN)
		    || (t[k] == FRIBIDI_TYPE_CS && t[k - 1] == t[k + 1]
		      && (t[k - 1] == FRIBIDI_TYPE_EN || t[k - 1] == FRIBIDI_TYPE_AN)))
			t[k] = t[k - 1];
	/* W5: terminators next to a European number are one */
	for (k = 0; k < len; k = j) {
		for (j = k; j < len && t[j] == FRIBIDI_TYPE_ET; j++)
			;
		if (j == k) {
			j++;
			continue;
		}
		if ((k > 0 && t[k - 1] == FRIBIDI_TYPE_EN) || (j < len && t[j] == FRIBIDI_TYPE_EN))
			for (size_t m = k; m < j; m++)
				t[m] = FRIBIDI_TYPE_EN;
	}
	/* W6: other separators and terminators are neutral; W7: a European
	 * number after left-to-right text is left to right */
	strong = FRIBIDI_TYPE_LTR;
	for (k = 0; k < len; k++) {
		FriBidiCharType c = t[k];
		if (c == FRIBIDI_TYPE_ES || c == FRIBIDI_TYPE_ET || c == FRIBIDI_TYPE_CS)
			t[k] = FRIBIDI_TYPE_ON;
		else if (c == FRIBIDI_TYPE_LTR || c == FRIBIDI_TYPE_RTL)
			strong = c;
		else if (c == FRIBIDI_TYPE_EN && strong == FRIBIDI_TYPE_LTR)
			t[k] = FRIBIDI_TYPE_LTR;
	}
	/* FriBidi's runs take a mark into the run before it, and that
	 * run may take the next (a bracket): left to FriBidi */
	if (brackets && marks)
		return 0;
	if (brackets)
		n0_pairs(br, len, t, pair);
	/* N1, N2: neutrals between two of one direction (numbers count as
	 * right to left) take it, others the paragraph's; then the levels */
	for (k = 0; k < len; k = j) {
		if (t[k] != FRIBIDI_TYPE_WS && t[k] != FRIBIDI_TYPE_ON) {
			lv[k] = t[k] == FRIBIDI_TYPE_LTR ? 0 : t[k] == FRIBIDI_TYPE_RTL ? 1 : 2;
			j = k + 1;
			continue;
		}
		for (j = k; j < len && (t[j] == FRIBIDI_TYPE_WS || t[j] == FRIBIDI_TYPE_ON); j++)
			;
		int before = k == 0 || t[k - 1] == FRIBIDI_TYPE_LTR ? 0 : 1;
		int after = j == len || t[j] == FRIBIDI_TYPE_LTR ? 0 : 1;
		for (size_t m = k; m < j; m++)
			lv[m] = (FriBidiLevel)(before && after);
	}
	/* L1: spaces at the end take the paragraph's level */
	for (k = len; k > 0 && types[k - 1] == FRIBIDI_TYPE_WS; k--)
		lv[k - 1] = 0;
	return 1;
}

/* map[0..len) in display order (UAX #9 L2): from the highest level
 * down to 1, each run at that level or higher reversed */
static void
reorder_simple(const FriBidiLevel *lv, size_t len, FriBidiStrIndex *map)
{
	FriBidiLevel top = 0;

	for (size_t k = 0; k < len; k++) {
		map[k] = (FriBidiStrIndex)k;
		if (lv[k] > top)
			top = lv[k];
	}
	for (FriBidiLevel l = top; l >= 1; l--)
		for (size_t k = 0; k < len;) {
			if (lv[map[k]] < l) {
				k++;
				continue;
			}
			size_t j = k;
			while (j < len && lv[map[j]] >= l)
				j++;
			for (size_t a = k, b = j - 1; a < b; a++, b--) {
				FriBidiStrIndex x = map[a];
				map[a] = map[b], map[b] = x;
			}
			k = j;
		}
}

/* Bidi types, widths and bracket flags of U+0000..U+06FF (ASCII and
 * Arabic), looked up once: a row is mostly these. */
static FriBidiCharType low_type[0x700];
static unsigned char low_width[0x700], low_bracket[0x700];

/* FriBidi types the characters as bidi_plain takes them (plain_types),
 * and AVX2 too (plain_ok) */
static int plain_types;
/* bidi_simple's loop may pass over the Arabic marks (nonspacing, no
 * column) and the no-break space (a neutral, a column) as the decoding
 * path would take them */
static int simple_marks, simple_nbsp;
#ifdef TERM_AVX2
static int plain_ok;
#endif

/* bidi_plain's characters: 1 a neutral, 2 a European digit, 3 an Arabic
 * letter; 0 any other (of U+0000..U+06FF) */
static int
plain_kind(int32_t cp)
{
	if ((cp >= 0x0621 && cp <= 0x064A) || cp == 0x061B || cp == 0x061F)
		return 3;               /* letters, the semicolon, the question mark */
	if (cp == 0x060C)
		return 1;               /* the Arabic comma */
	if (cp >= '0' && cp <= '9')
		return 2;
	if (cp < 0x20 || cp > 0x7E || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
	    || (cp & 0xFE) == '(' || (cp & 0xDF) == '[' || (cp & 0xDF) == ']')
		return 0;               /* controls, Latin letters, brackets */
	return 1;
}

static void
low_init(void)
{
	for (int32_t cp = 0; cp < 0x700; cp++) {
		low_type[cp] = fribidi_get_bidi_type((FriBidiChar)cp);
		low_width[cp] = (unsigned char)ar_cpwidth(cp);
		low_bracket[cp] = fribidi_get_bracket((FriBidiChar)cp) != FRIBIDI_NO_BRACKET;
	}
	/* what bidi_plain assumes of its characters, asked once */
	plain_types = 1;
	for (int32_t cp = 0; cp < 0x700; cp++) {
		FriBidiCharType t = low_type[cp];
		int kind = plain_kind(cp);
		if (kind && (low_width[cp] != 1 || low_bracket[cp] || t == FRIBIDI_TYPE_LTR
		    || FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t)
		    || (kind == 1 && (t == FRIBIDI_TYPE_EN || FRIBIDI_IS_LETTER(t) || FRIBIDI_IS_NUMBER(t)))
		    || (kind == 2 && t != FRIBIDI_TYPE_EN)
		    || (kind == 3 && t != FRIBIDI_TYPE_AL)))
			plain_types = 0;
	}
	simple_marks = 1;
	for (int32_t cp = 0x064B; cp <= 0x065F; cp++)
		if (low_type[cp] != FRIBIDI_TYPE_NSM || low_width[cp] || low_bracket[cp])
			simple_marks = 0;
	FriBidiCharType nb = low_type[0xA0];
	simple_nbsp = low_width[0xA0] == 1 && !low_bracket[0xA0] && nb != FRIBIDI_TYPE_LTR
	    && nb != FRIBIDI_TYPE_EN && !FRIBIDI_IS_EXPLICIT(nb) && !FRIBIDI_IS_ISOLATE(nb)
	    && !FRIBIDI_IS_LETTER(nb) && !FRIBIDI_IS_NUMBER(nb);
#ifdef TERM_AVX2
	plain_ok = plain_types && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")
	    && !getenv("AR_NO_AVX2") && !getenv("AR_NO_SIMD");
#endif
}

#ifdef TERM_AVX2
/* Each byte's class from its two halves (vpshufb): bit 7 of the first
 * table a second byte (0x80..0xBF), bits 0..5 a byte that begins one of
 * plain_kind's characters: ASCII in groups by high half (2: but ( ); 3;
 * 4 and 6: @ `; 5 and 7: \ ^ | ~; 5: _), or D8, D9. Of the second table,
 * bit 7 a second byte after D9 (80..8A), bits 0..3 one after D8 (8C; 9B
 * 9F; A1..AF; B0..BF). */
#define LUT(f) f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), \
	f(10), f(11), f(12), f(13), f(14), f(15)
#define C1LO(l) (char)(0x81 | ((l) != 8 && (l) != 9 ? 2 : 0) | ((l) == 0 ? 4 : 0) \
	| ((l) == 12 || (l) == 14 ? 8 : 0) | ((l) == 15 ? 0x10 : 0) | ((l) == 8 || (l) == 9 ? 0x20 : 0))
#define C1HI(h) (char)((h) == 2 ? 2 : (h) == 3 ? 1 : (h) == 4 || (h) == 6 ? 4 \
	: (h) == 5 ? 0x18 : (h) == 7 ? 8 : (h) >= 8 && (h) <= 11 ? 0x80 : (h) == 13 ? 0x20 : 0)
#define C2LO(l) (char)(((l) <= 10 ? 0x80 : 0) | ((l) == 12 ? 1 : 0) \
	| ((l) == 11 || (l) == 15 ? 2 : 0) | ((l) >= 1 ? 4 : 0) | 8)
#define C2HI(h) (char)((h) == 8 ? 0x81 : (h) == 9 ? 2 : (h) == 10 ? 4 : (h) == 11 ? 8 : 0)

/* The code points of s[0, n) before b (*cb), before e (*ce) and in all
 * (returned); 0 with *bad set if one of them is none of plain_kind's.
 * Thirty-two bytes at a time, the row's last ones from a copy. */
__attribute__((target("avx2,popcnt"))) static size_t
plain_chars(const char *s, size_t n, size_t b, size_t e, size_t *cb, size_t *ce, int *bad)
{
	const __m256i c1lo = _mm256_setr_epi8(LUT(C1LO), LUT(C1LO));
	const __m256i c1hi = _mm256_setr_epi8(LUT(C1HI), LUT(C1HI));
	const __m256i c2lo = _mm256_setr_epi8(LUT(C2LO), LUT(C2LO));
	const __m256i c2hi = _mm256_setr_epi8(LUT(C2HI), LUT(C2HI));
	const __m256i low = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
	size_t count = 0;
	unsigned carry8 = 0, carry9 = 0, nope = 0;

	*cb = *ce = 0;
	for (size_t i = 0; i < n; i += 32) {
		unsigned mask = n - i < 32 ? (1u << (n - i)) - 1 : 0xFFFFFFFFu;
		__m256i v;
		if (n - i >= 32) {
			v = _mm256_loadu_si256((const __m256i *)(s + i));
		} else {
			char t[32] = { 0 };
			memcpy(t, s + i, n - i);
			v = _mm256_loadu_si256((const __m256i *)t);
		}
		__m256i lo = _mm256_and_si256(v, low), hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), low);
		__m256i c1 = _mm256_and_si256(_mm256_shuffle_epi8(c1lo, lo), _mm256_shuffle_epi8(c1hi, hi));
		__m256i c2 = _mm256_and_si256(_mm256_shuffle_epi8(c2lo, lo), _mm256_shuffle_epi8(c2hi, hi));
		unsigned cont = (unsigned)_mm256_movemask_epi8(c1);
		unsigned first = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		    _mm256_and_si256(c1, _mm256_set1_epi8(0x3F)), zero));
		unsigned v9 = (unsigned)_mm256_movemask_epi8(c2);
		unsigned v8 = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		    _mm256_and_si256(c2, low), zero));
		unsigned d8 = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xD8)));
		unsigned d9 = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xD9)));
		/* after D8 or D9 a second byte that makes a plain character,
		 * elsewhere the first byte of one */
		unsigned p8 = d8 << 1 | carry8, p9 = d9 << 1 | carry9;
		unsigned good = (first & ~(p8 | p9)) | (cont & ((p8 & v8) | (p9 & v9)));
		carry8 = d8 >> 31, carry9 = d9 >> 31;
		nope |= ~good & mask;
		unsigned starts = ~cont & mask;
		if (b >= i && b - i < 32)
			*cb = count + (size_t)__builtin_popcount(starts & ((1u << (b - i)) - 1));
		if (e >= i && e - i < 32)
			*ce = count + (size_t)__builtin_popcount(starts & ((1u << (e - i)) - 1));
		count += (size_t)__builtin_popcount(starts);
	}
	if (n && ((unsigned char)s[n - 1] & 0xFE) == 0xD8)
		nope = 1;               /* a first byte at the end */
	if (b >= n)
		*cb = count;
	if (e >= n)
		*ce = count;
	*bad = nope != 0;
	return count;
}
#undef LUT
#undef C1LO
#undef C1HI
#undef C2LO
#undef C2HI

#endif

/* bidi_simple on a row s[0, n) of plain_kind's characters, each a
 * column, tot of them, cb before b and ce before e: the run's ends from
 * the first Arabic letter and the last letter or digit (digits before the
 * first letter stay put, as neutrals do). 0 where bidi_simple says no. */
static int
plain_ends(const char *s, size_t n, size_t b, size_t e, size_t tot, size_t cb, size_t ce,
    size_t *lo, size_t *hi, size_t *total)
{
	size_t i, j, pre = 0, post = 0;

	for (i = 0; i < n; i++, pre++) {        /* to the first letter: not ، */
		if ((unsigned char)s[i] >= 0x80) {
			if ((unsigned char)s[i] != 0xD8 || (unsigned char)s[i + 1] != 0x8C)
				break;
			i++;
		}
	}
	for (j = n; j > 0; j--, post++) {       /* back to the last letter or digit */
		unsigned c = (unsigned char)s[j - 1];
		if (c >= '0' && c <= '9')
			break;
		if (c >= 0x80) {
			if (c != 0x8C || (unsigned char)s[j - 2] != 0xD8)
				break;
			j--;
		}
	}
	if (i >= n || i > b || j < e)
		return 0;               /* bidi_simple says no too */
	*lo = pre + tot - post - ce;
	*hi = pre + tot - post - cb;
	*total = tot;
	return 1;
}

#ifdef TERM_AVX2
/* latin_or_bracket thirty-two bytes at a time: a byte's class from its
 * two halves (vpshufb), bit 0 @..O ` ..o but @ `, bit 1 P..Z p..z, bit 2
 * [ ] { }, bit 3 ( ) */
#define LUT(f) f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), \
	f(10), f(11), f(12), f(13), f(14), f(15)
#define LBHI(h) (char)((h) == 2 ? 8 : (h) == 4 || (h) == 6 ? 1 : (h) == 5 || (h) == 7 ? 6 : 0)
#define LBLO(l) (char)(((l) >= 1 ? 1 : 0) | ((l) <= 10 ? 2 : 0) | ((l) == 11 || (l) == 13 ? 4 : 0) \
	| ((l) == 8 || (l) == 9 ? 8 : 0))
__attribute__((target("avx2"))) static size_t
latin_skip(const char *s, size_t n)
{
	const __m256i hl = _mm256_setr_epi8(LUT(LBHI), LUT(LBHI));
	const __m256i ll = _mm256_setr_epi8(LUT(LBLO), LUT(LBLO));
	const __m256i low = _mm256_set1_epi8(0x0F);
	size_t i = 0;

	for (; n - i >= 32; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i c = _mm256_and_si256(_mm256_shuffle_epi8(hl, _mm256_and_si256(_mm256_srli_epi16(v, 4), low)),
		    _mm256_shuffle_epi8(ll, _mm256_and_si256(v, low)));
		if (!_mm256_testz_si256(c, c))
			break;
	}
	return i;
}
#undef LUT
#undef LBHI
#undef LBLO
#endif

/* Has s[0, n) a Latin letter or a bracket (plain_kind's ASCII that is no
 * control and no plain character)? */
static int
latin_or_bracket(const char *s, size_t n)
{
	size_t i = 0;
#ifdef TERM_AVX2
	if (plain_ok) {
		/* latin_skip stops only at a block with one; the last bytes
		 * as a block too, from the row's end back (or from a copy) */
		i = latin_skip(s, n);
		if (n - i >= 32)
			return 1;
		if (n >= 32)
			return latin_skip(s + n - 32, 32) == 0;
		char t[32] = { 0 };
		memcpy(t, s, n);
		return latin_skip(t, 32) == 0;
	}
#endif
	for (; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if ((c | 0x20) - 'a' < 26u || (c & 0xFE) == '(' || (c & 0xDF) == '[' || (c & 0xDF) == ']')
			return 1;
	}
	return 0;
}

/* the code points of s[0, n) (a context's end cut off: short) */
static size_t
cps_in(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* plain_kind's characters of s[0, n), counted into *cps: 0 if there is
 * another (for a keyword: short) */
static int
plain_count(const char *s, size_t n, size_t *cps)
{
	size_t i = 0, c = 0;

	while (i < n) {
		unsigned b0 = (unsigned char)s[i], b1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (b0 < 0x80) {
			if (b0 < 0x20 || b0 == 0x7F || (b0 | 0x20) - 'a' < 26u || (b0 & 0xFE) == '('
			    || (b0 & 0xDF) == '[' || (b0 & 0xDF) == ']')
				return 0;
			i++;
		} else if ((b0 == 0xD8 && ((b1 >= 0xA1 && b1 <= 0xBF) || b1 == 0x8C || b1 == 0x9B || b1 == 0x9F))
		    || (b0 == 0xD9 && b1 >= 0x80 && b1 <= 0x8A)) {
			i += 2;
		} else {
			return 0;
		}
		c++;
	}
	*cps = c;
	return 1;
}

#ifdef TERM_AVX2
/* bidi_simple on a row of plain_kind's characters, each a column: the
 * columns come from counting code points. 0 if the row has other
 * characters. */
static int
bidi_plain(const char *s, size_t n, size_t b, size_t e, size_t *lo, size_t *hi,
    size_t *total)
{
	int bad;
	size_t cb, ce;

	if (!plain_ok || b > e || e > n)
		return 0;
	size_t tot = plain_chars(s, n, b, e, &cb, &ce, &bad);
	if (bad)
		return 0;
	return plain_ends(s, n, b, e, tot, cb, ce, lo, hi, total);
}
#endif

/* Most Arabic rows need no bidi algorithm to say where each code point
 * lands: with no left-to-right letter, no explicit control, and no
 * bracket at the ends, everything from the first right-to-left letter or
 * Arabic number to the last is one right-to-left run, shown reversed, and
 * what comes before and after it (spaces, punctuation, digits before any
 * Arabic) stays in place. Digits after an Arabic letter are Arabic
 * numbers; neutrals, brackets and joiners between Arabic stay in the run.
 * The unit test holds this against the whole algorithm. */
/* The shortcut in one pass, no arrays: the columns before the run (pre),
 * before b and e, and after the run's last code point. 0 if it does not
 * apply (or [b, e) is not inside the run). */
static int
bidi_simple(const char *s, size_t n, size_t b, size_t e, size_t *lo, size_t *hi,
    size_t *total)
{
	FriBidiCharType strong = FRIBIDI_TYPE_LTR;      /* sos */
	size_t i = 0, col = 0, pre = 0, cb = 0, ce = 0, end = 0;
	size_t first = (size_t)-1, last_end = 0, bracket_end = 0;

	while (i < n) {
		/* Arabic letters and spaces, up to the next of b and e: no
		 * decoding, no look-up */
		size_t stop = b > i ? b : e > i ? e : n;
		if (i == b)
			cb = col;
		if (i == e)
			ce = col;
		if (stop > n)
			stop = n;
		while (i + 1 < stop) {
			/* U+0621..U+064A: in valid UTF-8 the two bytes D8 A1 to D9 8A */
			unsigned v = (unsigned)(unsigned char)s[i] << 8 | (unsigned char)s[i + 1];
			if (v - 0xD8A1u <= 0xD98Au - 0xD8A1u) {
				if (first == (size_t)-1)
					first = i, pre = col;
				do {            /* the rest of the run of letters */
					i += 2, col++;
					if (i + 1 >= stop)
						break;
					v = (unsigned)(unsigned char)s[i] << 8 | (unsigned char)s[i + 1];
				} while (v - 0xD8A1u <= 0xD98Au - 0xD8A1u);
				strong = FRIBIDI_TYPE_AL;
				last_end = i, end = col;
			} else if (v >> 8 == ' ') {
				i++, col++;     /* a neutral, one column */
			} else if (v - 0xD98Bu <= 0xD99Fu - 0xD98Bu && simple_marks) {
				i += 2;         /* U+064B..U+065F: a mark, no column */
			} else if (v == 0xC2A0u && simple_nbsp) {
				i += 2, col++;  /* a no-break space: a neutral */
			} else {
				break;
			}
		}
		if (i >= n)
			break;
		int32_t cp;
		FriBidiCharType t;
		size_t at = i, w;
		if (at == b)
			cb = col;
		if (at == e)
			ce = col;
		if ((unsigned char)s[i] < 0x80)
			cp = (unsigned char)s[i++];
		else
			i += ar_u8dec(s + i, &cp);
		if (cp >= 0x0621 && cp <= 0x064A) {     /* an Arabic letter: most */
			if (first == (size_t)-1)
				first = at, pre = col;
			strong = FRIBIDI_TYPE_AL;
			last_end = i, end = ++col;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			cp = ' ';
		if (cp < 0x700) {
			t = low_type[cp], w = low_width[cp];
			if (low_bracket[cp]) {
				if (first == (size_t)-1)
					return 0;       /* may pair with one in the run */
				bracket_end = i;
			}
		} else {
			t = fribidi_get_bidi_type((FriBidiChar)cp), w = (size_t)ar_cpwidth(cp);
			if (fribidi_get_bracket((FriBidiChar)cp) != FRIBIDI_NO_BRACKET) {
				if (first == (size_t)-1)
					return 0;
				bracket_end = i;
			}
		}
		if (t == FRIBIDI_TYPE_LTR || FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t))
			return 0;
		if (t == FRIBIDI_TYPE_EN && strong != FRIBIDI_TYPE_AL) {
			if (first != (size_t)-1)
				return 0;               /* European after Hebrew: ask */
		} else if (FRIBIDI_IS_LETTER(t) || FRIBIDI_IS_NUMBER(t)) {
			if (first == (size_t)-1)
				first = at, pre = col;
			last_end = i, end = col + w;
			if (FRIBIDI_IS_STRONG(t))
				strong = t;
		}
		col += w;
	}
	if (e >= n)
		ce = col;
	*total = col;
	if (first == (size_t)-1 || bracket_end > last_end || first > b || last_end < e)
		return 0;
	/* in the run a code point's column is pre + end - (its end column) */
	*lo = pre + end - ce;
	*hi = pre + end - cb;
	return 1;
}

/* ar_term_bidi_cols; *plain set when the row is all bidi_plain's
 * characters (none that ar_term_write would change) */
static size_t
bidi_cols(const char *s, size_t n, size_t b, size_t e, size_t *hi, size_t *total, int *plain)
{
	FriBidiParType base = FRIBIDI_PAR_LTR;
	size_t len = 0, i = 0, col = 0, lo = (size_t)-1;
	static int ready;

	if (!ready)
		ready = 1, low_init();
	*hi = 0;
	*plain = 0;
#ifdef TERM_AVX2
	if (bidi_plain(s, n, b, e, &lo, hi, total)) {
		*plain = 1;
		return lo;
	}
#endif
	if (bidi_simple(s, n, b, e, &lo, hi, total))
		return lo;
	fb_grow(n + 1);
	while (i < n) {         /* code points (controls as spaces), types, widths */
		int32_t cp;
		fb.at[len] = i;
		i += ar_u8dec(s + i, &cp);
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			cp = ' ';
		fb.u[len] = (FriBidiChar)cp;
		/* the types and widths of most from the tables (the widths in
		 * joining, here) */
		if (cp < 0x700) {
			fb.types[len] = low_type[cp];
			fb.joining[len] = low_width[cp];
		} else {
			fb.types[len] = fribidi_get_bidi_type((FriBidiChar)cp);
			fb.joining[len] = (FriBidiArabicProp)ar_cpwidth(cp);
		}
		col += fb.joining[len++];
	}
	*total = col;
	*hi = 0;
	lo = (size_t)-1;
	if (!len)
		return 0;
	fribidi_get_bracket_types(fb.u, (FriBidiStrIndex)len, fb.types, fb.brackets);
	if (levels_simple(fb.types, fb.brackets, len, fb.work, fb.levels, fb.map)) {
		reorder_simple(fb.levels, len, fb.map);
	} else {
		if (!fribidi_get_par_embedding_levels_ex(fb.types, fb.brackets,
		    (FriBidiStrIndex)len, &base, fb.levels))
			ar_die("fribidi: out of memory");
		for (size_t k = 0; k < len; k++)
			fb.map[k] = (FriBidiStrIndex)k;
		/* no shaping, no mirroring: only where each code point lands */
		if (!fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, fb.types, (FriBidiStrIndex)len, 0,
		    base, fb.levels, NULL, fb.map))
			ar_die("fribidi: out of memory");
	}
	col = 0;
	for (size_t v = 0; v < len; v++) {
		size_t k = (size_t)fb.map[v], w = fb.joining[k];
		if (fb.at[k] >= b && fb.at[k] < e && w) {
			if (lo == (size_t)-1 || col < lo)
				lo = col;
			if (col + w > *hi)
				*hi = col + w;
		}
		col += w;
	}
	return lo == (size_t)-1 ? 0 : lo;
}

size_t
ar_term_bidi_cols(const char *s, size_t n, size_t b, size_t e, size_t *hi, size_t *total)
{
	int plain;
	return bidi_cols(s, n, b, e, hi, total, &plain);
}

void
ar_term_visual(const char *s, size_t n, int rtl, const size_t *cut, int nparts,
    struct ar_buf *vis, size_t *cols)
{
	const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
	FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	size_t len = 0, i = 0, part = 0;
	FriBidiStrIndex start[AR_TERM_MAXPARTS + 1];

	/* code points, controls as spaces (as ar_term_write shows them);
	 * start[k]: where part k begins */
	fb_grow(n + 1);
	start[0] = 0;
	while (i < n) {
		int32_t cp;
		while (part + 1 < (size_t)nparts && i >= cut[part])
			start[++part] = (FriBidiStrIndex)len;
		i += ar_u8dec(s + i, &cp);
		fb.u[len++] = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? ' ' : (FriBidiChar)cp;
	}
	while (part + 1 < (size_t)nparts)
		start[++part] = (FriBidiStrIndex)len;
	start[nparts] = (FriBidiStrIndex)len;

	/* one paragraph: levels, then Arabic joining and shaping over all of
	 * it (a word cut by a part boundary stays joined), mirrored brackets */
	if (len) {
		fribidi_get_bidi_types(fb.u, (FriBidiStrIndex)len, fb.types);
		fribidi_get_bracket_types(fb.u, (FriBidiStrIndex)len, fb.types, fb.brackets);
		if (!fribidi_get_par_embedding_levels_ex(fb.types, fb.brackets,
		    (FriBidiStrIndex)len, &base, fb.levels))
			ar_die("fribidi: out of memory");
		fribidi_get_joining_types(fb.u, (FriBidiStrIndex)len, fb.joining);
		fribidi_join_arabic(fb.types, (FriBidiStrIndex)len, fb.levels, fb.joining);
		fribidi_shape(flags, fb.levels, (FriBidiStrIndex)len, fb.joining, fb.u);
	}
	/* each part reordered as a line of its own */
	for (int k = 0; k < nparts; k++) {
		FriBidiStrIndex off = start[k], pl = start[k + 1] - start[k];
		vis[k].len = 0;
		cols[k] = 0;
		if (pl && !fribidi_reorder_line(flags, fb.types, pl, off, base, fb.levels,
		    fb.u, NULL))
			ar_die("fribidi: out of memory");
		for (FriBidiStrIndex j = off; j < off + pl; j++) {
			char b[4];
			if (fb.u[j] == FRIBIDI_CHAR_FILL)
				continue;       /* what a lam-alef ligature leaves */
			ar_buf_add(&vis[k], b, ar_u8enc((int32_t)fb.u[j], b));
			cols[k] += (size_t)ar_cpwidth((int32_t)fb.u[j]);
		}
	}
}

/* ---- the concordance row: ar-kwic's text layout ---- */
static void
term_spaces(size_t n)
{
	ar_out_spaces(n);
}

/* Context shortened at its far end by at least cols display columns: the
 * new length of s[0..n) without its last code points (trim_end), or the
 * bytes to drop from its start, with the marks of the last one dropped
 * (trim_start). */
static size_t
trim_end(const char *s, size_t n, size_t cols)
{
	size_t gone = 0;
	while (n && gone < cols) {
		size_t k = n;
		int32_t cp;
		while (k && ((unsigned char)s[--k] & 0xc0) == 0x80)
			;
		ar_u8dec(s + k, &cp);
		gone += (size_t)ar_cpwidth(cp);
		n = k;
	}
	return n;
}

static size_t
trim_start(const char *s, size_t n, size_t cols)
{
	size_t i = 0, gone = 0;
	while (i < n) {
		int32_t cp;
		size_t k = ar_u8dec(s + i, &cp);
		int w = ar_cpwidth(cp);
		if (gone >= cols && w)
			break;
		gone += (size_t)w;
		i += k;
	}
	return i;
}

/* The keyword in a column kw wide (the tool's, or the keyword's width), its
 * first letter (its right edge) in one place, with the preceding context
 * to its right and the following to its left, each in a column cw wide,
 * as a reader of Arabic sees them: on a terminal that applies bidi to the
 * logical-order row (ar_term_kwic_logical), or with --visual (FriBidi) on one that
 * shows bytes left to right (ar_term_kwic_visual). Each writes the row and returns
 * its display width; the tool pads it to 2 cw + kw + 2. */
size_t
ar_term_kwic_visual(const struct ar_term_kwic *w, size_t cw, size_t *kwp)
{
	static struct ar_buf vis[3];
	size_t ls = 0, rl = w->rl, cols[3], wl, wm, wr;

	/* l, m and r lie end to end, in the line or in a kept row; a context
	 * wider than its column (--words) loses its far end */
	wl = ar_term_columns(w->l, w->ll);
	if (wl > cw)
		ls = trim_start(w->l, w->ll, wl - cw);
	if (w->rwidth > cw)
		rl = trim_end(w->r, rl, w->rwidth - cw);
	size_t cut[2] = { w->ll - ls, w->ll - ls + w->ml };
	ar_term_visual(w->l + ls, w->ll - ls + w->ml + rl, 1, cut, 3, vis, cols);
	wl = cols[0], wm = cols[1], wr = cols[2];
	if (wm > *kwp)
		*kwp = wm;
	/* left to right on screen: following context, keyword, preceding */
	term_spaces(cw > wr ? cw - wr : 0);
	ar_out_write(vis[2].s, vis[2].len);
	term_spaces(1 + *kwp - wm);
	ar_out_str(w->on);
	ar_out_write(vis[1].s, vis[1].len);
	ar_out_str(w->off);
	ar_out_putc(' ');
	ar_out_write(vis[0].s, vis[0].len);
	return (cw > wr ? cw : wr) + 1 + *kwp + 1 + wl;
}

/* Logical order. Where a bidi terminal shows the keyword (FriBidi says:
 * neutrals, digits and Latin at the ends stay put while the Arabic between
 * them is reversed) sets the padding in front; what stays put takes room
 * from the contexts' far ends. */
size_t
ar_term_kwic_logical(const struct ar_term_kwic *w, size_t cw, size_t *kwp)
{
	static struct ar_buf row;
	const char *l = w->l;
	size_t ll = w->ll, rl = w->rl, kb, ke, hi, pad, col, padm, kw;
	size_t wm, mcps = 0, lw = w->lwidth, rw = w->rwidth;
	int nofit = 0, plain;
	static int ready;

	if (!ready)
		ready = 1, low_init();
	/* the contexts said plain and the keyword is: no character to look
	 * at again, the first round's columns are counts */
	int hint = w->plain && plain_types && plain_count(w->m, w->ml, &mcps);
	wm = hint ? mcps : ar_term_columns(w->m, w->ml);
	if (wm > *kwp)
		*kwp = wm;
	kw = *kwp, padm = kw - wm;
	while (ll && (*l == ' ' || *l == '\t'))         /* spaces would stay put */
		l++, ll--, lw--;
	while (rl && (w->r[rl - 1] == ' ' || w->r[rl - 1] == '\t'))
		rl--, rw--;
	size_t rl0 = rl, rw0 = rw;
	/* a few rounds: on mixed text a cut may move little, and each round
	 * reads the row again */
	for (int round = 0;; round++) {
		row.len = 0;
		ar_buf_add(&row, l, ll);
		if (ll)                 /* no gap on a side without context */
			ar_buf_addc(&row, ' ');
		kb = row.len;
		ar_buf_add(&row, w->m, w->ml);
		ke = row.len;
		if (rl) {
			if (row.len + padm + 1 > row.cap)
				ar_buf_grow(&row, padm + 1);
			memset(row.s + row.len, ' ', padm + 1);
			row.len += padm + 1;
		}
		ar_buf_add(&row, w->r, rl);
		size_t cb = ll ? lw + 1 : 0, ce = cb + mcps, lo;
		if (round == 0 && hint && latin_or_bracket(row.s, row.len))
			hint = 0;       /* (the later rounds' rows are less of it) */
		if (hint && plain_ends(row.s, row.len, kb, ke, ce + (rl ? padm + 1 + rw : 0), cb, ce,
		    &lo, &hi, &col))
			plain = 1;
		else
			bidi_cols(row.s, row.len, kb, ke, &hi, &col, &plain);
		pad = cw + 1 + kw > hi ? cw + 1 + kw - hi : 0;
		col += pad;
		/* too far right: the right context gives up as many columns at
		 * its far end; too wide: the left context at its own */
		if (round == 8) {
			break;          /* as good as it gets */
		} else if (hi > cw + 1 + kw && !nofit) {
			if (!rl) {      /* not the right context's doing */
				rl = rl0, rw = rw0, nofit = 1;
				continue;
			}
			size_t k = trim_end(w->r, rl, hi - (cw + 1 + kw));
			rw -= hint ? cps_in(w->r + k, rl - k) : 0;
			rl = k;
		} else if (col > 2 * cw + kw + 2 && ll) {
			size_t k = trim_start(l, ll, col - (2 * cw + kw + 2));
			lw -= hint ? cps_in(l, k) : 0;
			l += k, ll -= k;
		} else if (col > 2 * cw + kw + 2 && rl) {
			size_t k = trim_end(w->r, rl, col - (2 * cw + kw + 2));
			rw -= hint ? cps_in(w->r + k, rl - k) : 0;
			rl = k;
		} else {
			break;
		}
	}
	term_spaces(pad);
	if (plain && !*w->on && !*w->off) {
		/* the row as measured is the row to show: nothing in it for
		 * ar_term_write to change, no highlight between its parts */
		ar_out_write(row.s, row.len);
		return col;
	}
	ar_term_write(l, ll);
	if (ll)
		ar_out_putc(' ');
	ar_out_str(w->on);
	ar_term_write(w->m, w->ml);
	ar_out_str(w->off);
	if (rl) {
		term_spaces(padm + 1);
		ar_term_write(w->r, rl);
	}
	return col;
}
