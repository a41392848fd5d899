/* u8.c: UTF-8 encode, validate and repair; display width; character
 * classes. The class table for the BMP is filled once from utf8proc so the
 * hot loops look up a byte instead of calling the library. */
#include "arlib.h"

#include <stdlib.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

size_t
ar_u8enc(int32_t cp, char *o)
{
	unsigned char *u = (unsigned char *)o;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Length of the valid sequence at s (1..4), or -(length of the maximal
 * subpart to replace) when it is invalid. Unicode 15, table 3-7. */
static int
seqlen(const unsigned char *s, size_t n)
{
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	int need, k;

	if (b < 0x80)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		need = 1;
	else if (b >= 0xE0 && b <= 0xEF) {
		need = 2;
		if (b == 0xE0) lo = 0xA0;
		if (b == 0xED) hi = 0x9F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		need = 3;
		if (b == 0xF0) lo = 0x90;
		if (b == 0xF4) hi = 0x8F;
	} else
		return -1;
	for (k = 1; k <= need; k++) {
		if ((size_t)k >= n || s[k] < lo || s[k] > hi)
			return -k;
		lo = 0x80, hi = 0xBF;
	}
	return need + 1;
}

/* Whole sequences from *jp until one reaches end (n bounds the text): 0,
 * or -1 with *jp at an invalid one. */
static int
check_upto(const unsigned char *s, size_t *jp, size_t end, size_t n)
{
	size_t j = *jp;
	int k;

	while (j < end) {
		if ((k = seqlen(s + j, n - j)) < 0) {
			*jp = j;
			return -1;
		}
		j += (size_t)k;
	}
	*jp = j;
	return 0;
}

/* Eight bytes at a time: a word of ASCII and well-formed two-byte
 * sequences (all of Arabic's letters) passes with a few bit operations and
 * no branch per byte; anything else is checked exactly by seqlen. */
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__)) \
    && !defined(AR_NO_SIMD)
#include <immintrin.h>
#define AR_VALID_AVX2 1
static int valid_avx2 = -1;     /* -1: not yet asked */

/* The sixteen-byte test below on 32 bytes: ASCII and two-byte sequences
 * pass with no branch per byte. Returns where it stopped (the caller goes
 * on exactly from there) and the carry of a lead byte at the end. */
__attribute__((target("avx2"))) static size_t
valid_avx2_run(const unsigned char *s, size_t i, size_t n, uint64_t *carryp)
{
	uint64_t carry = *carryp;

	while (i + 32 <= n) {
		__m256i x = _mm256_loadu_si256((const __m256i *)(s + i));
		uint64_t hi = (uint32_t)_mm256_movemask_epi8(x);
		if (!hi && !carry) {
			i += 32;
			continue;
		}
		uint64_t b6 = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(x, 1));
		uint64_t b5 = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(x, 2));
		uint64_t z = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		    _mm256_and_si256(x, _mm256_set1_epi8(0x1E)), _mm256_setzero_si256()));
		uint64_t lead = hi & b6, cont = hi & ~b6;
		if (!(lead & b5) && !(lead & z) && cont == (((lead << 1) | carry) & 0xFFFFFFFFu)) {
			carry = lead >> 31;
			i += 32;
			continue;
		}
		break;
	}
	*carryp = carry;
	return i;
}

/* The same test on 64 bytes with AVX-512 masks, as a comparison of two
 * masks rather than a carry from block to block: the continuation bytes
 * are exactly the bytes after a lead, and no byte is C0, C1 or E0 and up
 * (those go to the exact check). The byte before each comes from its own
 * load. On to n, the last bytes through masked loads (what lies after n
 * reads as zero, so a sequence cut there stops the run). */
__attribute__((target("avx512f,avx512bw"))) static size_t
valid_avx512_run(const unsigned char *s, size_t i, size_t n, uint64_t *carryp)
{
	const __m512i c0 = _mm512_set1_epi8((char)0xC0), e0 = _mm512_set1_epi8((char)0xE0);
	const __m512i fe = _mm512_set1_epi8((char)0xFE), c0lt = _mm512_set1_epi8(-64);
	__mmask64 nofirst = i ? ~0ULL : ~1ULL;  /* s[i - 1] ends a sequence */

	while (i + 64 <= n) {
		__m512i x = _mm512_loadu_si512(s + i);
		__m512i before = _mm512_maskz_loadu_epi8(nofirst, s + i - 1);
		__mmask64 bad = _mm512_cmpge_epu8_mask(x, e0)
		    | _mm512_cmpeq_epi8_mask(_mm512_and_si512(x, fe), c0);
		__mmask64 cont = _mm512_cmplt_epi8_mask(x, c0lt);
		__mmask64 after_lead = _mm512_cmpge_epu8_mask(before, c0);
		if (bad | (cont ^ after_lead))
			break;
		i += 64;
		nofirst = ~0ULL;
	}
	if (i + 64 > n && i < n) {
		size_t left = n - i;
		__mmask64 in = (1ULL << left) - 1;
		__mmask64 in1 = left >= 63 ? ~0ULL : (1ULL << (left + 1)) - 1;
		__m512i x = _mm512_maskz_loadu_epi8(in, s + i);
		__m512i before = _mm512_maskz_loadu_epi8(in1 & nofirst, s + i - 1);
		__mmask64 bad = _mm512_cmpge_epu8_mask(x, e0)
		    | _mm512_cmpeq_epi8_mask(_mm512_and_si512(x, fe), c0);
		__mmask64 cont = _mm512_cmplt_epi8_mask(x, c0lt);
		__mmask64 after_lead = _mm512_cmpge_epu8_mask(before, c0);
		if (!(bad | (cont ^ after_lead)))
			i = n;
	}
	/* stopped after a lead (a block starts with its second byte, or the
	 * text ends with it): the caller's exact check begins at the lead */
	*carryp = i > 0 && s[i - 1] >= 0xC0;
	return i;
}
#endif

#ifdef AR_VALID_AVX2
__attribute__((target("avx512f,avx512bw,popcnt"))) static size_t
count_avx512(const unsigned char *s, size_t n, unsigned char c, size_t *done)
{
	const __m512i v = _mm512_set1_epi8((char)c);
	size_t i = 0, k = 0;

	for (; i + 64 <= n; i += 64)
		k += (size_t)__builtin_popcountll(_mm512_cmpeq_epi8_mask(
		    _mm512_loadu_si512(s + i), v));
	*done = i;
	return k;
}
#endif

size_t
ar_count_byte(const char *str, size_t n, int c)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k = 0;

#ifdef AR_VALID_AVX2
	static int avx512 = -1;
	if (avx512 < 0)
		avx512 = __builtin_cpu_supports("avx512bw") && !getenv("AR_NO_AVX512")
		    && !getenv("AR_NO_AVX2");
	if (avx512)
		k = count_avx512(s, n, (unsigned char)c, &i);
#endif
#ifdef __SSE2__
	{
		const __m128i v = _mm_set1_epi8((char)c);
		for (; i + 16 <= n; i += 16)
			k += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i)), v)));
	}
#endif
	for (; i < n; i++)
		k += s[i] == (unsigned char)c;
	return k;
}

size_t
ar_u8valid(const char *str, size_t n)
{
	const uint64_t H = 0x8080808080808080ULL;
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, j;
	uint64_t carry = 0;     /* the previous word ended with a lead byte */

#ifdef AR_VALID_AVX2
	if (valid_avx2 < 0) {
		valid_avx2 = __builtin_cpu_supports("avx2") && !getenv("AR_NO_AVX2");
		if (valid_avx2 && __builtin_cpu_supports("avx512bw") && !getenv("AR_NO_AVX512"))
			valid_avx2 = 2;
	}
	/* back to 32 bytes at a time after each exact check (a quote mark, a
	 * dash: three-byte characters are rare, but a long text holds some) */
	while (valid_avx2 && n >= 64) {
		i = valid_avx2 == 2 ? valid_avx512_run(s, i, n, &carry)
		    : valid_avx2_run(s, i, n, &carry);
		if (i + 32 > n)
			break;
		j = carry ? i - 1 : i;
		if (check_upto(s, &j, i + 32, n) < 0)
			return j;
		i = j;
		carry = 0;
	}
#endif

#ifdef __SSE2__
	/* the same test on sixteen bytes at once, where every x86-64 has it */
	while (i + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(s + i));
		unsigned hi = (unsigned)_mm_movemask_epi8(x);
		if (!hi && !carry) {
			i += 16;
			continue;
		}
		unsigned b6 = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(x, 1));
		unsigned b5 = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(x, 2));
		unsigned z = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_and_si128(x, _mm_set1_epi8(0x1E)), _mm_setzero_si128()));
		unsigned lead = hi & b6, cont = hi & ~b6;
		if (!(lead & b5) && !(lead & z) && cont == (((lead << 1) | (unsigned)carry) & 0xFFFF)) {
			carry = lead >> 15;
			i += 16;
			continue;
		}
		j = carry ? i - 1 : i;          /* exact check of these bytes */
		if (check_upto(s, &j, i + 16, n) < 0)
			return j;
		i = j;
		carry = 0;
	}
#endif
	while (i + 8 <= n) {
		uint64_t w, hi, b6, b5, lead, cont, low, nz;

		memcpy(&w, s + i, 8);
		hi = w & H;
		if (!hi && !carry) {
			i += 8;
			continue;
		}
		b6 = (w << 1) & H;
		b5 = (w << 2) & H;
		cont = hi & ~b6;
		lead = hi & b6;
		low = w & 0x1E1E1E1E1E1E1E1EULL;        /* C0 and C1 are never valid */
		nz = ((low + 0x7F7F7F7F7F7F7F7FULL) | low) & H;
		if (!(lead & b5) && !(lead & ~nz) && cont == ((lead << 8) | (carry ? 0x80 : 0))) {
			carry = lead >> 63;
			i += 8;
			continue;
		}
		/* exact check of this word, from the lead byte it may continue */
		j = carry ? i - 1 : i;
		if (check_upto(s, &j, i + 8, n) < 0)
			return j;
		i = j;
		carry = 0;
	}
	j = carry ? i - 1 : i;
	return check_upto(s, &j, n, n) < 0 ? j : n;
}

size_t
ar_u8repair(const char *str, size_t n, struct ar_buf *out, size_t *first)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, run = 0, bad = 0;

	while (i < n) {
		int k = s[i] < 0x80 ? 1 : seqlen(s + i, n - i);

		if (k > 0) {
			i += (size_t)k;
			continue;
		}
		if (!bad++ && first)
			*first = i;
		ar_buf_add(out, str + run, i - run);
		ar_buf_add(out, "\xEF\xBF\xBD", 3);
		i += (size_t)-k;
		run = i;
	}
	ar_buf_add(out, str + run, n - run);
	return bad;
}

size_t
ar_u8count(const char *s, size_t n)
{
	size_t i = 0, c = 0;

#ifdef __SSE2__
	/* sixteen bytes at a time: a byte that is not 0x80..0xBF (below -64
	 * as a signed byte) starts a code point; up to 255 blocks add their
	 * counts bytewise before a sum of absolute differences adds them up */
	while (i + 16 <= n) {
		__m128i acc = _mm_setzero_si128();
		for (int b = 0; b < 255 && i + 16 <= n; b++, i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			acc = _mm_sub_epi8(acc, _mm_cmpgt_epi8(v, _mm_set1_epi8(-65)));
		}
		__m128i sum = _mm_sad_epu8(acc, _mm_setzero_si128());
		c += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_extract_epi16(sum, 4);
	}
#endif
	for (; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

int
ar_cpwidth_slow(int32_t cp)
{
	return utf8proc_charwidth(cp);
}

int
ar_u8width(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;

	while (i < n) {
		int32_t cp;

		i += ar_u8dec(s + i, &cp);
		w += ar_cpwidth(cp);
	}
	return w;
}

unsigned char ar_cclass_bmp[65536];

int
ar_cclass_slow(int32_t cp)
{
	switch ((int)utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return AR_C_LETTER;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return AR_C_MARK;
	case UTF8PROC_CATEGORY_ND:
		return AR_C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
		return AR_C_SPACE;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return AR_C_PUNCT;
	case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
		return AR_C_SYMBOL;
	case UTF8PROC_CATEGORY_CF:
		return AR_C_FORMAT;
	case UTF8PROC_CATEGORY_CC:
		return AR_C_CONTROL;
	}
	return AR_C_OTHER;
}

void
ar_cclass_init(void)
{
	static int done;
	int32_t cp;

	if (done++)
		return;
	for (cp = 0; cp < 0x10000; cp++)
		ar_cclass_bmp[cp] = (unsigned char)ar_cclass_slow(cp);
	/* tab, LF, CR and the like act as spaces in running text */
	ar_cclass_bmp['\t'] = ar_cclass_bmp['\n'] = ar_cclass_bmp['\r'] = AR_C_SPACE;
	ar_cclass_bmp['\v'] = ar_cclass_bmp['\f'] = AR_C_SPACE;
}

int
ar_digit_value(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0x0660 && cp <= 0x0669)
		return cp - 0x0660;
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return cp - 0x06F0;
	if (ar_cclass(cp) != AR_C_DIGIT)
		return -1;
	/* most other digits have a compatibility mapping to ASCII */
	{
		utf8proc_int32_t d[4];
		utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 4,
		    UTF8PROC_COMPAT, NULL);
		if (k == 1 && d[0] >= '0' && d[0] <= '9')
			return d[0] - '0';
	}
	/* digits without a compatibility mapping: find the block's zero */
	{
		int32_t z = cp;
		while (z > 0 && ar_cclass(z - 1) == AR_C_DIGIT && cp - z < 9)
			z--;
		return (int)(cp - z);
	}
}

/* ar_plain_skip's SSSE3 pass, where the compiler can ask the CPU for it;
 * build with -DAR_NO_SIMD to run (and test) the scalar callers alone */
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__)) \
    && !defined(AR_NO_SIMD)
#define AR_PLAIN_SSSE3 1
#endif

/* the widest pass the CPU has and the environment allows: 2 AVX2, 1
 * SSSE3, 0 none */
static int
simd_level(void)
{
	int simd = 0;
#ifdef AR_PLAIN_SSSE3
	simd = __builtin_cpu_supports("avx2") ? 2 : __builtin_cpu_supports("ssse3");
	if (getenv("AR_NO_AVX2") && simd == 2)  /* to test the SSSE3 pass */
		simd = 1;
	if (getenv("AR_NO_SIMD"))               /* to test the scalar path */
		simd = 0;
#endif
	return simd;
}

void
ar_plain_init(struct ar_plain *pl)
{
	memset(pl, 0, sizeof *pl);
	pl->simd = simd_level();
}

void
ar_plain_patch(struct ar_plain *pl, int32_t cp, const unsigned char b[2])
{
	if (cp < 0x600 || cp >= 0x680)
		return;
	pl->patch[(cp >> 3) & 0xF] |= (unsigned char)(1u << (cp & 7));
	memcpy(&pl->to[cp - 0x600], b, 2);
}

/* the patches of one block: bit j of m is a second byte at s[j]; s[top]
 * may be read (the block's last byte) */
static inline void
plain_patch_bits(const struct ar_plain *pl, const unsigned char *s,
    unsigned char *o, unsigned m, unsigned top)
{
	/* two patches without a branch (a block holds one or two most
	 * often, and a loop on how many mispredicts): with none left, the
	 * byte pair at top is looked up and written to a scratch pair */
	unsigned char scratch[2];
	for (int t = 0; t < 2; t++) {
		size_t j = (size_t)__builtin_ctz(m | 1u << top);
		/* j 0: the lead is the last byte of the block before (a
		 * signed offset, so that no unsigned one wraps) */
		ptrdiff_t lead = (ptrdiff_t)j - 1;
		unsigned char *dst = m ? o + lead : scratch;
		memcpy(dst, &pl->to[(s[lead] & 1) << 6 | (s[j] & 0x3F)], 2);
		m &= m - 1;
	}
	while (m) {
		size_t j = (size_t)__builtin_ctz(m);
		m &= m - 1;
		/* the lead is 0xD8 or 0xD9: U+0600 + its low bit and six bits */
		ptrdiff_t lead = (ptrdiff_t)j - 1;
		memcpy(o + lead, &pl->to[(s[lead] & 1) << 6 | (s[j] & 0x3F)], 2);
	}
}

void
ar_plain_shrink(struct ar_plain *pl, int32_t cp, const unsigned char *b, size_t len)
{
	if (cp < 0x600 || cp >= 0x680 || len > 1 || (len == 1 && b[0] >= 0x80))
		return;
	pl->shrink[cp - 0x600] = (unsigned char)(len ? 1 + b[0] : 1);
}

void
ar_plain_set(struct ar_plain *pl, int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		pl->ascii[cp >> 3] |= (unsigned char)(1u << (cp & 7));
	else if (cp >= 0x80 && cp < 0xC0)      /* no-break space, guillemets */
		pl->latin[cp - 0x80] = 0xFF;
	else if (cp >= 0x600 && cp < 0x680)    /* (cp >> 3) & 15: the lead's low bit, the second byte's bits 3..5 */
		pl->arabic[(cp >> 3) & 0xF] |= (unsigned char)(1u << (cp & 7));
}

void
ar_plain_ready(struct ar_plain *pl)
{
	for (int c = 0; c < 128; c++) {
		int keep = pl->arabic[c >> 3] >> (c & 7) & 1;
		int patch = pl->patch[c >> 3] >> (c & 7) & 1;
		const unsigned char *to = (const unsigned char *)&pl->to[c];
		pl->tab[0][c] = (pl->ascii[c >> 3] >> (c & 7) & 1) ? 0xFF : 0;
		int shrink = pl->shrink[c];
		/* 0 (no high bit, unlike any second byte) where it stops, and
		 * bit 6 (unlike any second byte) where it goes */
		pl->tab[1][c] = patch ? to[1] : keep ? (unsigned char)(0x80 | (c & 0x3F))
		    : shrink == 1 ? 0xFF : shrink ? 0xC0 : 0;
		pl->tab[2][c] = keep ? 0xFF : 0;
		pl->tab[3][c] = patch ? to[0] : shrink > 1 ? (unsigned char)(shrink - 1)
		    : (unsigned char)(0xD8 | c >> 6);
	}
#ifdef AR_PLAIN_SSSE3
	if (pl->simd == 2 && __builtin_cpu_supports("avx512bw")
	    && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi")
	    && __builtin_cpu_supports("avx512vbmi2") && __builtin_cpu_supports("popcnt")
	    && !getenv("AR_NO_AVX512"))
		pl->simd = 3;
#endif
}

#ifdef AR_PLAIN_SSSE3
#include <immintrin.h>

/* Each byte's bit in a bitmap row picked by pshufb: ASCII by its bits 3..6,
 * a second byte by its bits 3..5 and whether the byte before is 0xD9. */
__attribute__((target("ssse3"))) static size_t
plain_skip_ssse3(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned *mask)
{
	const __m128i bits = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128);
	const __m128i ascii_rows = _mm_loadu_si128((const __m128i *)pl->ascii);
	const __m128i arabic_rows = _mm_loadu_si128((const __m128i *)pl->arabic);
	const __m128i low3 = _mm_set1_epi8(7), low4 = _mm_set1_epi8(0xF);
	const __m128i d8 = _mm_set1_epi8((char)0xD8), d9 = _mm_set1_epi8((char)0xD9);
	const __m128i eight = _mm_set1_epi8(8);
	__m128i prev = _mm_setzero_si128();     /* s[i] starts a character */

	for (; i + 17 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i before = _mm_alignr_epi8(v, prev, 15);  /* byte j: s[i + j - 1] */
		__m128i after = _mm_loadu_si128((const __m128i *)(s + i + 1));
		__m128i bit = _mm_shuffle_epi8(bits, _mm_and_si128(v, low3));
		__m128i row = _mm_and_si128(_mm_srli_epi16(v, 3), low4);
		__m128i ascii = _mm_cmpgt_epi8(v, _mm_set1_epi8(-1));
		__m128i ascii_plain = _mm_cmpeq_epi8(_mm_and_si128(
		    _mm_shuffle_epi8(ascii_rows, row), bit), bit);
		/* a lead only with a second byte after it: invalid text stops */
		__m128i lead = _mm_and_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d8), _mm_cmpeq_epi8(v, d9)),
		    _mm_cmplt_epi8(after, _mm_set1_epi8(-64)));
		__m128i lead9 = _mm_cmpeq_epi8(before, d9);
		__m128i second = _mm_or_si128(_mm_cmpeq_epi8(before, d8), lead9);
		__m128i arow = _mm_or_si128(_mm_and_si128(row, low3), _mm_and_si128(lead9, eight));
		__m128i second_plain = _mm_cmpeq_epi8(_mm_and_si128(
		    _mm_shuffle_epi8(arabic_rows, arow), bit), bit);
		__m128i plain = _mm_or_si128(_mm_or_si128(_mm_and_si128(ascii, ascii_plain), lead),
		    _mm_and_si128(second, second_plain));
		unsigned other = ~(unsigned)_mm_movemask_epi8(plain) & 0xFFFF;
		if (other) {
			*mask = other;
			return i;
		}
		prev = v;
	}
	*mask = 0;
	return i;
}

/* ar_plain_copy on sixteen bytes at a time: plain_skip_ssse3 with a third
 * bitmap, for the second bytes to patch, and a store */
__attribute__((target("ssse3"))) static size_t
plain_copy_ssse3(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned char *restrict o, unsigned *mask)
{
	const __m128i bits = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128);
	const __m128i ascii_rows = _mm_loadu_si128((const __m128i *)pl->ascii);
	const __m128i arabic_rows = _mm_loadu_si128((const __m128i *)pl->arabic);
	const __m128i patch_rows = _mm_loadu_si128((const __m128i *)pl->patch);
	const __m128i low3 = _mm_set1_epi8(7), low4 = _mm_set1_epi8(0xF);
	const __m128i d8 = _mm_set1_epi8((char)0xD8), d9 = _mm_set1_epi8((char)0xD9);
	const __m128i eight = _mm_set1_epi8(8);
	__m128i prev = _mm_setzero_si128();
	size_t i0 = i;

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i before = _mm_alignr_epi8(v, prev, 15);
		__m128i bit = _mm_shuffle_epi8(bits, _mm_and_si128(v, low3));
		__m128i row = _mm_and_si128(_mm_srli_epi16(v, 3), low4);
		__m128i ascii = _mm_cmpgt_epi8(v, _mm_set1_epi8(-1));
		__m128i ascii_plain = _mm_cmpeq_epi8(_mm_and_si128(
		    _mm_shuffle_epi8(ascii_rows, row), bit), bit);
		__m128i lead = _mm_or_si128(_mm_cmpeq_epi8(v, d8), _mm_cmpeq_epi8(v, d9));
		__m128i lead9 = _mm_cmpeq_epi8(before, d9);
		__m128i second = _mm_or_si128(_mm_cmpeq_epi8(before, d8), lead9);
		__m128i arow = _mm_or_si128(_mm_and_si128(row, low3), _mm_and_si128(lead9, eight));
		__m128i second_plain = _mm_cmpeq_epi8(_mm_and_si128(
		    _mm_shuffle_epi8(arabic_rows, arow), bit), bit);
		__m128i second_patch = _mm_and_si128(second, _mm_cmpeq_epi8(_mm_and_si128(
		    _mm_shuffle_epi8(patch_rows, arow), bit), bit));
		__m128i plain = _mm_or_si128(_mm_or_si128(_mm_and_si128(ascii, ascii_plain), lead),
		    _mm_and_si128(second, second_plain));
		unsigned other = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(plain, second_patch)) & 0xFFFF;
		if (other) {
			*mask = ~(unsigned)_mm_movemask_epi8(plain) & 0xFFFF;
			return i;
		}
		_mm_storeu_si128((__m128i *)(o + (i - i0)), v);
		plain_patch_bits(pl, s + i, o + (i - i0), (unsigned)_mm_movemask_epi8(second_patch), 15);
		prev = v;
	}
	*mask = 0;
	return i;
}

/* The same on 32 bytes at a time. pshufb works within each 128-bit lane,
 * so the bitmap rows are in both; the byte before each byte crosses the
 * lanes through a permute. The mask keeps the contract of sixteen bytes:
 * a block whose low half is plain moves p on by sixteen. */
__attribute__((target("avx2"))) static size_t
plain_skip_avx2(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned *mask)
{
	const __m256i bits = _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128);
	const __m256i ascii_rows = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)pl->ascii));
	const __m256i arabic_rows = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)pl->arabic));
	const __m256i low3 = _mm256_set1_epi8(7), low4 = _mm256_set1_epi8(0xF);
	const __m256i d8 = _mm256_set1_epi8((char)0xD8), d9 = _mm256_set1_epi8((char)0xD9);
	const __m256i eight = _mm256_set1_epi8(8);
	__m256i prev = _mm256_setzero_si256();  /* s[i] starts a character */

	for (; i + 33 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i before = _mm256_alignr_epi8(v, _mm256_permute2x128_si256(prev, v, 0x21), 15);
		__m256i after = _mm256_loadu_si256((const __m256i *)(s + i + 1));
		__m256i bit = _mm256_shuffle_epi8(bits, _mm256_and_si256(v, low3));
		__m256i row = _mm256_and_si256(_mm256_srli_epi16(v, 3), low4);
		__m256i ascii = _mm256_cmpgt_epi8(v, _mm256_set1_epi8(-1));
		__m256i ascii_plain = _mm256_cmpeq_epi8(_mm256_and_si256(
		    _mm256_shuffle_epi8(ascii_rows, row), bit), bit);
		__m256i lead = _mm256_and_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, d8),
		    _mm256_cmpeq_epi8(v, d9)), _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), after));
		__m256i lead9 = _mm256_cmpeq_epi8(before, d9);
		__m256i second = _mm256_or_si256(_mm256_cmpeq_epi8(before, d8), lead9);
		__m256i arow = _mm256_or_si256(_mm256_and_si256(row, low3), _mm256_and_si256(lead9, eight));
		__m256i second_plain = _mm256_cmpeq_epi8(_mm256_and_si256(
		    _mm256_shuffle_epi8(arabic_rows, arow), bit), bit);
		__m256i plain = _mm256_or_si256(_mm256_or_si256(_mm256_and_si256(ascii, ascii_plain), lead),
		    _mm256_and_si256(second, second_plain));
		unsigned other = ~(unsigned)_mm256_movemask_epi8(plain);
		if (other) {
			if (!(other & 0xFFFF)) {
				i += 16;
				other >>= 16;
			}
			*mask = other & 0xFFFF;
			return i;
		}
		prev = v;
	}
	if (i + 17 <= n)        /* a last block or two of sixteen */
		return plain_skip_ssse3(pl, s, i, n, mask);
	*mask = 0;
	return i;
}

/* ar_plain_copy on 32 bytes at a time */
__attribute__((target("avx2"))) static size_t
plain_copy_avx2(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned char *restrict o, unsigned *mask)
{
	const __m256i bits = _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128,
	    1, 2, 4, 8, 16, 32, 64, -128);
	const __m256i ascii_rows = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)pl->ascii));
	const __m256i arabic_rows = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)pl->arabic));
	const __m256i patch_rows = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)pl->patch));
	const __m256i low3 = _mm256_set1_epi8(7), low4 = _mm256_set1_epi8(0xF);
	const __m256i d8 = _mm256_set1_epi8((char)0xD8), d9 = _mm256_set1_epi8((char)0xD9);
	const __m256i eight = _mm256_set1_epi8(8);
	__m256i prev = _mm256_setzero_si256();
	size_t i0 = i;

	for (; i + 32 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i before = _mm256_alignr_epi8(v, _mm256_permute2x128_si256(prev, v, 0x21), 15);
		__m256i bit = _mm256_shuffle_epi8(bits, _mm256_and_si256(v, low3));
		__m256i row = _mm256_and_si256(_mm256_srli_epi16(v, 3), low4);
		__m256i ascii = _mm256_cmpgt_epi8(v, _mm256_set1_epi8(-1));
		__m256i ascii_plain = _mm256_cmpeq_epi8(_mm256_and_si256(
		    _mm256_shuffle_epi8(ascii_rows, row), bit), bit);
		/* valid UTF-8: a lead has its second byte */
		__m256i lead = _mm256_or_si256(_mm256_cmpeq_epi8(v, d8), _mm256_cmpeq_epi8(v, d9));
		__m256i lead9 = _mm256_cmpeq_epi8(before, d9);
		__m256i second = _mm256_or_si256(_mm256_cmpeq_epi8(before, d8), lead9);
		__m256i arow = _mm256_or_si256(_mm256_and_si256(row, low3), _mm256_and_si256(lead9, eight));
		__m256i second_plain = _mm256_cmpeq_epi8(_mm256_and_si256(
		    _mm256_shuffle_epi8(arabic_rows, arow), bit), bit);
		__m256i second_patch = _mm256_and_si256(second, _mm256_cmpeq_epi8(_mm256_and_si256(
		    _mm256_shuffle_epi8(patch_rows, arow), bit), bit));
		__m256i plain = _mm256_or_si256(_mm256_or_si256(_mm256_and_si256(ascii, ascii_plain), lead),
		    _mm256_and_si256(second, second_plain));
		unsigned patch = (unsigned)_mm256_movemask_epi8(second_patch);
		unsigned stop = ~((unsigned)_mm256_movemask_epi8(plain) | patch);
		if (stop) {
			unsigned other = ~(unsigned)_mm256_movemask_epi8(plain);
			if (!(stop & 0xFFFF)) {        /* the low half is done here */
				_mm_storeu_si128((__m128i *)(o + (i - i0)), _mm256_castsi256_si128(v));
				plain_patch_bits(pl, s + i, o + (i - i0), patch & 0xFFFF, 15);
				i += 16;
				other >>= 16;
			}
			*mask = other & 0xFFFF;
			return i;
		}
		_mm256_storeu_si256((__m256i *)(o + (i - i0)), v);
		plain_patch_bits(pl, s + i, o + (i - i0), patch, 31);
		prev = v;
	}
	if (i + 16 <= n)        /* a last block of sixteen */
		return plain_copy_ssse3(pl, s, i, n, o + (i - i0), mask);
	*mask = 0;
	return i;
}

/* ar_plain_copy on 64 bytes at a time, where AVX-512 VBMI looks a byte up
 * in a table of 128 (vpermi2b): whether an ASCII byte is plain (no look-up
 * when all are, as with the default steps), the second byte a letter is
 * written with (by its six bits and its lead's low bit; one with no high
 * bit where the letter stops the block, so one look-up says both), and the
 * lead, so a block is classified and patched with no loop over its
 * letters. U+0080..U+00BF (lead 0xC2: the no-break space of news text)
 * is plain where the table of 64 says so. The lead is written by the
 * byte after it. The bytes of what
 * ar_plain_shrink deletes or shortens go (VBMI2's compress); a lead whose
 * second byte is in the next block is not one of them (the next block
 * stops at that byte, and the caller goes back to the lead). The last
 * bytes before n go through masked loads and stores. The mask keeps the
 * contract of sixteen bytes: on a stop, p is the sixteen bytes that hold
 * it (all before them written), and at most sixteen bytes from n, *mask
 * is 0 and the caller goes on. */
#define AVX512_TARGET "avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2,popcnt"
__attribute__((target(AVX512_TARGET))) static size_t
plain_copy_avx512(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned char *restrict o, unsigned *mask, size_t *wrote)
{
	const __m512i asc0 = _mm512_loadu_si512(pl->tab[0]), asc1 = _mm512_loadu_si512(pl->tab[0] + 64);
	const __m512i sec0 = _mm512_loadu_si512(pl->tab[1]), sec1 = _mm512_loadu_si512(pl->tab[1] + 64);
	const __m512i lead0 = _mm512_loadu_si512(pl->tab[3]), lead1 = _mm512_loadu_si512(pl->tab[3] + 64);
	const __m512i fe = _mm512_set1_epi8((char)0xFE), d8 = _mm512_set1_epi8((char)0xD8);
	const __m512i bit6 = _mm512_set1_epi8(0x40), ones = _mm512_set1_epi8(-1);
	const __m512i latin = _mm512_loadu_si512(pl->latin), c2 = _mm512_set1_epi8((char)0xC2);
	const int ascii_all = _mm512_cmpeq_epi8_mask(_mm512_and_si512(asc0, asc1), ones) == ~0ULL;
	__mmask64 nofirst = ~1ULL;      /* s[i] starts a character */
	size_t w = 0;

	while (i < n) {
		size_t left = n - i;
		__mmask64 in = ~0ULL;
		__m512i v, before, after;
		if (left >= 65) {       /* whole blocks: no mask to make */
			v = _mm512_loadu_si512(s + i);
			before = _mm512_maskz_loadu_epi8(nofirst, s + i - 1);
			after = _mm512_loadu_si512(s + i + 1);
		} else {
			__mmask64 in1 = (1ULL << (left - 1)) - 1;
			in = left == 64 ? ~0ULL : (1ULL << left) - 1;
			v = _mm512_maskz_loadu_epi8(in, s + i);
			before = _mm512_maskz_loadu_epi8(in & nofirst, s + i - 1);
			after = _mm512_maskz_loadu_epi8(in1, s + i + 1);
		}
		__mmask64 ascii_plain = ~_mm512_movepi8_mask(v);
		if (!ascii_all) {
			__m512i a = _mm512_permutex2var_epi8(asc0, v, asc1);
			ascii_plain &= _mm512_test_epi8_mask(a, a);
		}
		__mmask64 lead = _mm512_cmpeq_epi8_mask(_mm512_and_si512(v, fe), d8);
		__mmask64 second = _mm512_cmpeq_epi8_mask(_mm512_and_si512(before, fe), d8);
		__m512i lt = _mm512_permutexvar_epi8(v, latin);
		__mmask64 latin_plain = _mm512_cmpeq_epi8_mask(v, c2)
		    | _mm512_mask_test_epi8_mask(_mm512_cmpeq_epi8_mask(before, c2), lt, lt);
		/* the index of a second byte: its lead's low bit, its six bits */
		__m512i idx = _mm512_ternarylogic_epi32(bit6, _mm512_slli_epi16(before, 6), v, 0xCA);
		__m512i idxl = _mm512_ternarylogic_epi32(bit6, _mm512_slli_epi16(v, 6), after, 0xCA);
		__m512i sec = _mm512_permutex2var_epi8(sec0, idx, sec1);
		/* second bytes that go, and those whose lead goes too */
		__mmask64 gone = _mm512_mask_test_epi8_mask(second, sec, bit6);
		__mmask64 both = _mm512_mask_cmpeq_epi8_mask(gone, sec, ones);
		/* one whose lead was in the block before stops this one */
		__mmask64 plain = ascii_plain | lead | (second & _mm512_movepi8_mask(sec) & ~(gone & 1))
		    | latin_plain | ~in;
		__mmask64 keep = ~(gone | both >> 1) & in;
		__m512i out = _mm512_mask_blend_epi8(second, v, sec);
		out = _mm512_mask_blend_epi8(lead, out, _mm512_permutex2var_epi8(lead0, idxl, lead1));
		if (plain != ~0ULL) {
			size_t p = (size_t)__builtin_ctzll(~plain) & ~(size_t)15;
			if (p) {        /* the bytes before p, a lead at p - 1 kept */
				keep |= lead & 1ULL << (p - 1);
				keep &= ~0ULL >> (64 - p);
				_mm512_mask_compressstoreu_epi8(o + w, keep, out);
				w += (size_t)__builtin_popcountll(keep);
			}
			*wrote = w;
			if (p + 16 > left) {
				*mask = 0;
				return i + p;
			}
			const __m512i keep0 = _mm512_loadu_si512(pl->tab[2]);
			const __m512i keep1 = _mm512_loadu_si512(pl->tab[2] + 64);
			__m512i k = _mm512_permutex2var_epi8(keep0, idx, keep1);
			__mmask64 same = ascii_plain | lead | (second & _mm512_test_epi8_mask(k, k))
			    | latin_plain;
			*mask = (unsigned)(~same >> p) & 0xFFFF;
			return i + p;
		}
		size_t nk = (size_t)__builtin_popcountll(keep);
		out = _mm512_maskz_compress_epi8(keep, out);
		_mm512_mask_storeu_epi8(o + w, nk == 64 ? ~0ULL : (1ULL << nk) - 1, out);
		w += nk;
		if (left <= 64)
			break;
		i += 64;
		nofirst = ~0ULL;
	}
	*wrote = w;
	*mask = 0;
	return n;
}

size_t
ar_plain_copy(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned char *restrict o, unsigned *mask, size_t *wrote)
{
	size_t p = i;

	if (pl->simd == 3)
		return plain_copy_avx512(pl, s, i, n, o, mask, wrote);
	if (pl->simd == 2)
		p = plain_copy_avx2(pl, s, i, n, o, mask);
	else if (pl->simd)
		p = plain_copy_ssse3(pl, s, i, n, o, mask);
	else
		*mask = 0;
	*wrote = p - i;
	return p;
}

size_t
ar_plain_skip(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned *mask)
{
	if (pl->simd >= 2)
		return plain_skip_avx2(pl, s, i, n, mask);
	if (pl->simd)
		return plain_skip_ssse3(pl, s, i, n, mask);
	*mask = 0;
	return i;
}
#else
size_t
ar_plain_skip(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned *mask)
{
	(void)pl, (void)s, (void)n;
	*mask = 0;
	return i;
}

size_t
ar_plain_copy(const struct ar_plain *pl, const unsigned char *s, size_t i,
    size_t n, unsigned char *restrict o, unsigned *mask, size_t *wrote)
{
	(void)pl, (void)s, (void)n, (void)o;
	*mask = 0;
	*wrote = 0;
	return i;
}
#endif

/* ---- ar_byteset ---- */
void
ar_byteset_init(struct ar_byteset *bs)
{
	memset(bs, 0, sizeof *bs);
	bs->simd = simd_level();
}

void
ar_byteset_add(struct ar_byteset *bs, unsigned char c, int group)
{
	bs->lo[c & 0xF] |= (unsigned char)(1u << (group & 7));
	bs->hi[c >> 4] |= (unsigned char)(1u << (group & 7));
}

static unsigned
byteset_scan_tab(const struct ar_byteset *bs, const unsigned char *s, size_t n)
{
	unsigned m = 0;

	for (size_t i = 0; i < n; i++)
		m |= bs->lo[s[i] & 0xF] & bs->hi[s[i] >> 4];
	return m;
}

#ifdef AR_PLAIN_SSSE3
/* the sixteen bytes of a ORed into one */
__attribute__((target("ssse3"))) static inline unsigned
or_bytes(__m128i a)
{
	a = _mm_or_si128(a, _mm_srli_si128(a, 8));
	a = _mm_or_si128(a, _mm_srli_si128(a, 4));
	a = _mm_or_si128(a, _mm_srli_si128(a, 2));
	a = _mm_or_si128(a, _mm_srli_si128(a, 1));
	return (unsigned)_mm_cvtsi128_si32(a) & 0xFF;
}

/* the groups of every byte ORed into one vector, then its bytes into one */
__attribute__((target("ssse3"))) static unsigned
byteset_scan_ssse3(const struct ar_byteset *bs, const unsigned char *s, size_t n)
{
	const __m128i lo = _mm_loadu_si128((const __m128i *)bs->lo);
	const __m128i hi = _mm_loadu_si128((const __m128i *)bs->hi);
	const __m128i low4 = _mm_set1_epi8(0xF);
	__m128i acc = _mm_setzero_si128();
	size_t i = 0;

	if (n < 16)
		return byteset_scan_tab(bs, s, n);
	for (;;) {      /* the last block ends at n, as in the AVX2 pass */
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i l = _mm_shuffle_epi8(lo, _mm_and_si128(v, low4));
		__m128i h = _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(v, 4), low4));
		acc = _mm_or_si128(acc, _mm_and_si128(l, h));
		if (i + 16 == n)
			break;
		i = i + 32 <= n ? i + 16 : n - 16;
	}
	return or_bytes(acc);
}

__attribute__((target("avx2"))) static unsigned
byteset_scan_avx2(const struct ar_byteset *bs, const unsigned char *s, size_t n)
{
	const __m256i lo = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)bs->lo));
	const __m256i hi = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)bs->hi));
	const __m256i low4 = _mm256_set1_epi8(0xF);
	__m256i acc = _mm256_setzero_si256();
	size_t i = 0;

	if (n < 32)
		return byteset_scan_ssse3(bs, s, n);
	/* the last block ends at n, over bytes already seen: ORing them
	 * again changes nothing */
	for (;;) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i l = _mm256_shuffle_epi8(lo, _mm256_and_si256(v, low4));
		__m256i h = _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4));
		acc = _mm256_or_si256(acc, _mm256_and_si256(l, h));
		if (i + 32 == n)
			break;
		i = i + 64 <= n ? i + 32 : n - 32;
	}
	return or_bytes(_mm_or_si128(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1)));
}
#endif

unsigned
ar_byteset_scan(const struct ar_byteset *bs, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
#ifdef AR_PLAIN_SSSE3
	if (bs->simd == 2)
		return byteset_scan_avx2(bs, u, n);
	if (bs->simd)
		return byteset_scan_ssse3(bs, u, n);
#endif
	return byteset_scan_tab(bs, u, n);
}
