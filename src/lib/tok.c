/* tok.c: word and sentence boundaries in running Arabic (and Latin) news
 * text. Sentence ends are found by a byte scan for terminal marks and a look
 * at the words around each; tokens by one pass over code points with an
 * ASCII/Arabic fast path. Nothing here changes a character: both return
 * byte spans into the caller's line. */
#include "arlib.h"

#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- abbreviations: a small open-addressing set of words ---- */
struct ar_abbrev {
	struct abent { char *w; size_t n; int kind; } *tab;
	size_t cap, used;
};

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

struct ar_abbrev *
ar_abbrev_new(void)
{
	struct ar_abbrev *ab = ar_alloc(sizeof *ab);
	ab->cap = 256;
	ab->used = 0;
	ab->tab = calloc(ab->cap, sizeof *ab->tab);
	if (!ab->tab)
		ar_die("out of memory");
	return ab;
}

static void
ab_put(struct ar_abbrev *ab, const char *w, size_t n, int kind)
{
	size_t i;

	if ((ab->used + 1) * 2 > ab->cap) {
		struct ar_abbrev big = { 0 };
		big.cap = ab->cap * 2;
		big.tab = calloc(big.cap, sizeof *big.tab);
		if (!big.tab)
			ar_die("out of memory");
		for (i = 0; i < ab->cap; i++)
			if (ab->tab[i].w) {
				size_t j = hash(ab->tab[i].w, ab->tab[i].n) & (big.cap - 1);
				while (big.tab[j].w)
					j = (j + 1) & (big.cap - 1);
				big.tab[j] = ab->tab[i];
			}
		free(ab->tab);
		ab->tab = big.tab;
		ab->cap = big.cap;
	}
	i = hash(w, n) & (ab->cap - 1);
	while (ab->tab[i].w) {
		if (ab->tab[i].n == n && !memcmp(ab->tab[i].w, w, n)) {
			ab->tab[i].kind = kind;
			return;
		}
		i = (i + 1) & (ab->cap - 1);
	}
	ab->tab[i].w = ar_alloc(n + 1);
	memcpy(ab->tab[i].w, w, n);
	ab->tab[i].w[n] = 0;
	ab->tab[i].n = n;
	ab->tab[i].kind = kind;
	ab->used++;
}

int
ar_abbrev_kind(const struct ar_abbrev *ab, const char *w, size_t n)
{
	size_t i;

	if (!ab || !n)
		return 0;
	i = hash(w, n) & (ab->cap - 1);
	while (ab->tab[i].w) {
		if (ab->tab[i].n == n && !memcmp(ab->tab[i].w, w, n))
			return ab->tab[i].kind;
		i = (i + 1) & (ab->cap - 1);
	}
	return 0;
}

struct abload { struct ar_abbrev *ab; const char *name; };

static int
ab_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct abload *l = ctx;
	char *tab = memchr(line, '\t', n);
	size_t wn = tab ? (size_t)(tab - line) : n;
	int kind = AR_ABBREV_TITLE;

	while (wn && (line[wn - 1] == ' ' || line[wn - 1] == '.'))
		wn--;
	if (tab) {
		const char *k = tab + 1;
		size_t kn = n - wn - 1;
		while (kn && (k[kn - 1] == ' ' || k[kn - 1] == '\t'))
			kn--;
		if (kn == 5 && !memcmp(k, "title", 5))
			kind = AR_ABBREV_TITLE;
		else if (kn == 3 && !memcmp(k, "any", 3))
			kind = AR_ABBREV_ANY;
		else {
			ar_warn("%s:%lu: unknown kind '%.*s' (title or any)",
			    l->name, lineno, (int)kn, k);
			return -1;
		}
	}
	if (wn == 0 || ar_u8valid(line, wn) < wn) {
		ar_warn("%s:%lu: bad abbreviation", l->name, lineno);
		return -1;
	}
	ab_put(l->ab, line, wn, kind);
	return 0;
}

int
ar_abbrev_load(struct ar_abbrev *ab, const char *text, size_t len, const char *name)
{
	struct abload l = { ab, name };
	return ar_each_line(text, len, ab_line, &l) ? -1 : 0;
}

/* ---- character tests on UTF-8 bytes ---- */

/* Length of the white-space character at s[i] (bytes), 0 if none. */
static inline size_t
wslen(const char *s, size_t n, size_t i)
{
	unsigned char b = (unsigned char)s[i];

	if (b == ' ' || b == '\t' || b == '\v' || b == '\f' || b == '\r' || b == '\n')
		return 1;
	if (b < 0xC2)
		return 0;
	if (b == 0xC2)
		return i + 1 < n && (unsigned char)s[i + 1] == 0xA0 ? 2 : 0;
	if ((b == 0xE2 || b == 0xE3) && i + 2 < n) {
		int32_t cp;
		ar_u8dec(s + i, &cp);
		if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F
		    || cp == 0x3000 || cp == 0x2028 || cp == 0x2029)
			return 3;
	}
	return 0;
}

size_t
ar_tok_skipws(const char *s, size_t n, size_t i)
{
	size_t k;
	while (i < n && (k = wslen(s, n, i)))
		i += k;
	return i;
}

/* Start of the white space that ends s[..e). */
static size_t
trim_back(const char *s, size_t from, size_t e)
{
	while (e > from) {
		size_t p = e - 1;
		while (p > from && ((unsigned char)s[p] & 0xC0) == 0x80)
			p--;
		if (!wslen(s, e, p))
			break;
		e = p;
	}
	return e;
}

/* Terminal mark at s[i]: its byte length, or 0. */
static inline size_t
termlen(const char *s, size_t n, size_t i, int semicolon)
{
	unsigned char b = (unsigned char)s[i];

	if (b == '.' || b == '!' || b == '?')
		return 1;
	if (i + 1 >= n)
		return 0;
	if (b == 0xD8) {                        /* ؟ U+061F, ؛ U+061B */
		unsigned char c = (unsigned char)s[i + 1];
		return c == 0x9F || (semicolon && c == 0x9B) ? 2 : 0;
	}
	if (b == 0xDB)                          /* ۔ U+06D4 */
		return (unsigned char)s[i + 1] == 0x94 ? 2 : 0;
	if (b == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80
	    && (unsigned char)s[i + 2] == 0xA6) /* … */
		return 3;
	if (b == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80
	    && (unsigned char)s[i + 2] == 0xBC) /* ‼ */
		return 3;
	if (b == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x81
	    && ((unsigned char)s[i + 2] == 0x87 || (unsigned char)s[i + 2] == 0x88
	    || (unsigned char)s[i + 2] == 0x89))  /* ⁇ ⁈ ⁉ */
		return 3;
	return 0;
}

/* Closing quote or bracket at s[i]: its byte length, or 0. */
static inline size_t
closelen(const char *s, size_t n, size_t i)
{
	unsigned char b = (unsigned char)s[i];
	int32_t cp;

	if (b == '"' || b == '\'' || b == ')' || b == ']' || b == '}')
		return 1;
	if (b < 0xC2 || i + 1 >= n)
		return 0;
	if (b == 0xC2)
		return (unsigned char)s[i + 1] == 0xBB ? 2 : 0;       /* » */
	if (b == 0xE2 && i + 2 < n) {
		ar_u8dec(s + i, &cp);
		if (cp == 0x201D || cp == 0x2019 || cp == 0x203A || cp == 0x201C)
			return 3;                               /* ” ’ › “ */
	}
	if (b == 0xEF && i + 2 < n) {
		ar_u8dec(s + i, &cp);
		if (cp == 0xFD3F || cp == 0xFD3E)               /* ornate parens */
			return 3;
	}
	return 0;
}

static inline int
is_opener(int32_t cp)
{
	return cp == '(' || cp == '[' || cp == '{' || cp == '"' || cp == '\''
	    || cp == 0xAB || cp == 0x201C || cp == 0x2018 || cp == 0x2039
	    || cp == 0xFD3E || cp == 0xFD3F;
}

static inline int latin_upper(int32_t c) { return c >= 'A' && c <= 'Z'; }
static inline int latin_lower(int32_t c) { return c >= 'a' && c <= 'z'; }
static inline int latin_letter(int c) { return latin_upper(c) || latin_lower(c); }
static inline int ascii_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static inline int
is_digit_cp(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669)
	    || (c >= 0x6F0 && c <= 0x6F9);
}

/* A word made only of digits (and the separators inside numbers). */
static int
all_digits(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int any = 0;

	while (i < n) {
		i += ar_u8dec(s + i, &cp);
		if (is_digit_cp(cp))
			any = 1;
		else if (!(cp == ',' || cp == '.' || cp == 0x66B || cp == 0x66C))
			return 0;
	}
	return any;
}

/* One letter (Arabic or Latin), perhaps with marks or tatweel after it.
 * Returns the letter, or 0. */
static int32_t
single_letter(const char *s, size_t n)
{
	int32_t first, cp;
	size_t i;

	if (!n)
		return 0;
	i = ar_u8dec(s, &first);
	if (ar_cclass(first) != AR_C_LETTER || first == 0x640)
		return 0;
	while (i < n) {
		i += ar_u8dec(s + i, &cp);
		if (cp != 0x640 && ar_cclass(cp) != AR_C_MARK)
			return 0;
	}
	return first;
}

/* An initialism: letters in pieces of one or two, joined by periods
 * (U.S, ج.م.ع, Ph.D). Returns 1 Latin, 2 Arabic, 0 if not. */
static int
initialism(const char *s, size_t n)
{
	size_t i = 0, piece = 0;
	int dots = 0, script = 0;
	int32_t cp;

	while (i < n) {
		i += ar_u8dec(s + i, &cp);
		if (cp == '.') {
			if (!piece)
				return 0;
			dots++;
			piece = 0;
		} else if (ar_cclass(cp) == AR_C_LETTER && cp != 0x640) {
			if (++piece > 2)
				return 0;
			script = cp < 0x80 ? 1 : 2;
		} else if (ar_cclass(cp) != AR_C_MARK && cp != 0x640) {
			return 0;
		}
	}
	return dots && piece ? script : 0;
}

/* Does the word at s[i..) look like the start of a sentence after an
 * abbreviation that may also end one? */
static int
starts_sentence(const char *s, size_t n, size_t i)
{
	int32_t cp;

	if (i >= n)
		return 1;
	ar_u8dec(s + i, &cp);
	if (latin_upper(cp) || is_opener(cp))
		return 1;
	return cp == 0x648 || cp == 0x641;      /* و ف */
}

/* A URL begins at s[i]: scheme, www. or a lower-case domain with a path.
 * By the first byte, then compares of fixed length (inline, where
 * strncmp was a call for every Latin word). */
static inline int
url_at(const char *s, size_t n, size_t i)
{
	size_t r = n - i;
	const char *p = s + i;

	switch (*p) {
	case 'h':
		return (r > 7 && !memcmp(p, "http://", 7)) || (r > 8 && !memcmp(p, "https://", 8));
	case 'w':
		return r > 4 && !memcmp(p, "www.", 4);
	case 'p':
		return r > 4 && !memcmp(p, "pic.", 4);
	}
	return 0;
}

/* The word that ends before the white space before s[ws] is a number. */
static int
after_number(const char *s, size_t from, size_t ws)
{
	size_t e = ws, b;

	while (e > from && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	b = e;
	while (b > from && s[b - 1] != ' ' && s[b - 1] != '\t')
		b--;
	return e > b && all_digits(s + b, e - b);
}

/* ---- sentences ---- */

/* Bytes a terminal mark holds that Arabic text seldom does: '.', '!', '?',
 * the second bytes of ؟ (D8 9F), ؛ (D8 9B) and ۔ (DB 94), and the lead of
 * … ‼ ⁇ (E2). Searching for these, and not for the lead D8 that every
 * alef carries, is what makes the scan fast. */
static inline int
term_byte(unsigned char b)
{
	return b == '.' || b == '!' || b == '?' || b == 0x9F || b == 0x9B || b == 0x94
	    || b == 0xE2;
}

/* The first terminal mark at or after i (a character boundary), or n. */
static size_t
next_terminal(const char *s, size_t n, size_t i, int semicolon)
{
	for (;;) {
#ifdef __SSE2__
		while (i + 16 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			__m128i m = _mm_or_si128(_mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))),
			    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('?')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x9F)))),
			    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x9B)),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x94))),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2))));
			unsigned bits = (unsigned)_mm_movemask_epi8(m);
			if (bits) {
				i += (size_t)__builtin_ctz(bits);
				break;
			}
			i += 16;
		}
#endif
		while (i < n && !term_byte((unsigned char)s[i]))
			i++;
		if (i >= n)
			return n;
		unsigned char b = (unsigned char)s[i];
		/* a second byte: its mark starts one before */
		size_t at = b >= 0x80 && b < 0xC0 && i > 0 ? i - 1 : i;
		if (termlen(s, n, at, semicolon))
			return at;
		i++;
	}
}


size_t
ar_sent_next(const struct ar_splitter *sp, const char *s, size_t n,
    size_t from, size_t *resume)
{
	size_t i = from;

	while (i < n) {
		size_t t, j, k, next, ws, we;
		int dots = 0, other = 0, closed = 0;
		unsigned char b;

		/* find a terminal mark */
		if ((i = next_terminal(s, n, i, sp->semicolon)) >= n)
			goto end;
		/* the run of terminals and closing marks */
		j = i;
		for (;;) {
			if ((t = termlen(s, n, j, sp->semicolon))) {
				if (s[j] == '.')
					dots++;
				else if (t == 3 && (unsigned char)s[j + 2] == 0xA6)
					dots += 3;
				else
					other++;
				j += t;
			} else if ((t = closelen(s, n, j))) {
				closed = 1;
				j += t;
			} else
				break;
			if (j >= n)
				break;
		}
		if (j >= n) {
			i = j;
			goto end;
		}
		k = ar_tok_skipws(s, n, j);
		if (k == j) {                   /* 3.5, pic.twitter.com, U.S */
			i = j;
			continue;
		}
		if (k >= n) {
			i = k;
			goto end;
		}
		next = k;
		b = (unsigned char)s[next];
		/* the next word: lower-case Latin, or a comma, continues */
		if (latin_lower(b) || b == ',' || b == ';' || b == ':'
		    || (b == 0xD8 && (unsigned char)s[next + 1] == 0x8C)) {  /* ، */
			i = j;
			continue;
		}
		/* a link at the end of a tweet stays with it */
		if (url_at(s, n, next)) {
			size_t e = next;
			while (e < n && !wslen(s, n, e))
				e++;
			if (ar_tok_skipws(s, n, e) >= n) {
				i = j;
				continue;
			}
		}
		if (!other && dots >= 3) {
			/* an ellipsis: a pause more often than an end */
			if (!starts_sentence(s, n, next) || ((unsigned char)s[next] == 0xD9
			    && (unsigned char)s[next + 1] == 0x81)) {
				i = j;
				continue;
			}
		} else if (!other && dots == 1 && s[i] == '.') {
			/* the word before the period */
			int32_t cp, l;
			int kind, ini;
			we = i;
			ws = we;
			while (ws > from && !wslen(s, n, ws - 1)) {
				size_t p = ws - 1;
				while (p > from && ((unsigned char)s[p] & 0xC0) == 0x80)
					p--;
				if (wslen(s, n, p))
					break;
				ws = p;
			}
			while (ws < we) {
				size_t L = ar_u8dec(s + ws, &cp);
				if (!is_opener(cp))
					break;
				ws += L;
			}
			(void)closed;
			/* "1." opening a sentence numbers a list item */
			if (ws == from && we - ws <= 3 && all_digits(s + ws, we - ws)) {
				i = j;
				continue;
			}
			if (ws < we && !all_digits(s + ws, we - ws)) {
				kind = ar_abbrev_kind(sp->abbrev, s + ws, we - ws);
				/* وأ. ود. وم.: a title after the conjunction */
				if (!kind && we - ws > 2 && (unsigned char)s[ws] == 0xD9
				    && ((unsigned char)s[ws + 1] == 0x88
				    || (unsigned char)s[ws + 1] == 0x81)) {
					int k2 = ar_abbrev_kind(sp->abbrev, s + ws + 2, we - ws - 2);
					l = single_letter(s + ws + 2, we - ws - 2);
					if (k2 == AR_ABBREV_TITLE || (l >= 0x600 && !k2)) {
						i = j;
						continue;
					}
				}
				if (kind == AR_ABBREV_TITLE) {
					/* م and هـ after a year end sentences */
					l = single_letter(s + ws, we - ws);
					if (!((l == 0x645 || l == 0x647)
					    && after_number(s, from, ws))) {
						i = j;
						continue;
					}
				} else if (kind == AR_ABBREV_ANY) {
					if (!starts_sentence(s, n, next)) {
						i = j;
						continue;
					}
				} else if ((l = single_letter(s + ws, we - ws))) {
					if (latin_upper(l) || (l >= 0x600 && !((l == 0x645
					    || l == 0x647) && after_number(s, from, ws)))) {
						i = j;
						continue;
					}
				} else if ((ini = initialism(s + ws, we - ws))) {
					if (ini == 1 || !starts_sentence(s, n, next)) {
						i = j;
						continue;
					}
				}
			}
		}
		/* a boundary */
		*resume = next;
		return j;
	}
end:
	*resume = n;
	return trim_back(s, from, n);
}

/* ---- tokens ---- */

static const char *const tok_names[] = {
	"word", "num", "url", "email", "handle", "hashtag", "punct", "symbol", "other"
};

const char *
ar_tok_name(int type)
{
	return type >= 0 && type <= AR_TOK_OTHER ? tok_names[type] : "?";
}

/* characters a URL may not contain or end with */
static int
url_stop(int32_t cp)
{
	return cp == '"' || cp == '<' || cp == '>' || cp == 0xAB || cp == 0xBB
	    || cp == 0x60C || cp == 0x61B || cp == 0x61F || cp == 0x201C
	    || cp == 0x201D || cp == 0x2026 || ar_cclass(cp) == AR_C_SPACE
	    || ar_cclass(cp) == AR_C_CONTROL;
}

static size_t
url_end(const char *s, size_t n, size_t i)
{
	int32_t cp;
	size_t e, L;
	int paren = 0;

	while (i < n) {
		L = ar_u8dec(s + i, &cp);
		if (url_stop(cp))
			break;
		if (cp == '(')
			paren++;
		else if (cp == ')' && --paren < 0)
			break;
		i += L;
	}
	e = i;
	/* trailing punctuation belongs to the sentence */
	while (e > 0 && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == ';'
	    || s[e - 1] == ':' || s[e - 1] == '!' || s[e - 1] == '?'
	    || s[e - 1] == '\'' || s[e - 1] == ']' || s[e - 1] == '}'))
		e--;
	return e;
}

/* a domain at s[i]: labels of [A-Za-z0-9-] joined by '.', the last one of
 * two or more lower-case letters; returns its end, or 0 */
static size_t
domain_end(const char *s, size_t n, size_t i, int need_slash)
{
	size_t j = i, lab;
	int labels = 0, lower = 0;

	if (n - i > 253)                /* a domain name is at most 253 bytes */
		n = i + 253;
	for (;;) {
		lab = j;
		lower = 1;
		while (j < n && (ascii_alnum((unsigned char)s[j]) || s[j] == '-')) {
			if (!latin_lower((unsigned char)s[j]))
				lower = 0;
			j++;
		}
		if (j == lab)
			return 0;
		labels++;
		if (j + 1 < n && s[j] == '.' && ascii_alnum((unsigned char)s[j + 1])) {
			j++;
			continue;
		}
		break;
	}
	if (labels < 2 || !lower || j - lab < 2 || j - lab > 24)
		return 0;
	if (need_slash && !(j < n && s[j] == '/'))
		return 0;
	return j;
}

/* Two-byte characters (U+0080..U+07FF) by what they do in a word, as the
 * word loop's slow path says (ar_cclass): W2_CONT letters, marks and
 * digits carry a word on, W2_START letters and marks also begin one. The
 * index is (lead - 0xC2) * 64 + second byte, which is the code point
 * itself for valid UTF-8 (and stays inside the table for any bytes). */
enum { W2_CONT = 1, W2_START = 2 };
static unsigned char word2[0x800 + 0x40];
static int word2_ready, plain_ok;

/* The letters and marks of U+0600..U+067F as ar_tok_plain's blocks know
 * them (Unicode 15): all but the signs, punctuation, format characters
 * and digits */
static int
plain_letter(int32_t cp)
{
	return (cp >= 0x610 && cp <= 0x61A) || (cp >= 0x620 && cp <= 0x65F)
	    || (cp >= 0x66E && cp <= 0x67F);
}

static void
word2_init(void)
{
	for (int32_t cp = 0x80; cp < 0x800; cp++) {
		int c = ar_cclass(cp);
		word2[cp] = c == AR_C_LETTER || c == AR_C_MARK ? W2_CONT | W2_START
		    : c == AR_C_DIGIT ? W2_CONT : 0;
	}
	/* ar_tok_plain's blocks test fixed ranges: only where they are the
	 * letters and marks of U+0600..U+067F that the table says */
	plain_ok = 1;
	for (int32_t cp = 0x600; cp < 0x680; cp++)
		if (!!(word2[cp] & W2_START) != plain_letter(cp))
			plain_ok = 0;
	word2_ready = 1;
}

static inline unsigned
word2_at(const char *s, size_t j)
{
	return word2[(((unsigned char)s[j] - 0xC2u) << 6) + (unsigned char)s[j + 1]];
}

static inline int
is_lead2(unsigned char b)
{
	return b - 0xC2u < 0x1Eu;
}

/* From j, inside a word, past the ASCII letters and digits and the two-byte
 * characters that carry it on (the word loop's fast steps) */
static inline size_t
word_run(const char *s, size_t n, size_t j)
{
	while (j < n) {
		unsigned char b = (unsigned char)s[j];
		if (is_lead2(b)) {
			if (j + 1 >= n || !(word2_at(s, j) & W2_CONT))
				break;
			j += 2;
		} else if (b < 0x80 && ascii_alnum(b)) {
			j++;
		} else {
			break;
		}
	}
	return j;
}

/* ---- ar_tok_plain: stretches of plain Arabic words, a block at a time ---- */

/* Each byte of a block is good when it is a lead 0xD8 or 0xD9; a second
 * byte after one, unless it makes one of the signs, punctuation, format
 * characters or digits of U+0600..U+067F (second bytes 0x80..0x8F and
 * 0x9B..0x9F after 0xD8, 0xA0..0xAD after 0xD9: t = byte ^ 0x80 below); or
 * a space after a byte that is neither a space nor a lead. The stretch ends
 * after the last space before the first byte that is not. Each block is
 * also written out, spaces as '\n' (' ' ^ 0x2A). */
#if defined(__SSE2__) && !defined(AR_NO_SIMD) && (defined(__GNUC__) || defined(__clang__))
#define TOK_PLAIN_SSE2 1
#include <immintrin.h>

/* The classes of a block, at any width: T is a vector of signed bytes, v
 * the block and prev the block one byte back; good, no and space are
 * masks of bytes (0 or -1), out the block as written. Written once, with
 * the compiler's vector types, for the 16 and the 32 bytes below. */
#define PLAIN_CLASSES(T, v, prev, good, no, space, out) do {			\
	T t_ = (v) ^ (signed char)0x80;						\
	T a8_ = (prev) == (signed char)0xD8, a9_ = (prev) == (signed char)0xD9;	\
	T r8_ = (t_ < 0x10) | ((t_ > 0x1A) & (t_ < 0x20));			\
	T r9_ = (t_ > 0x1F) & (t_ < 0x2E);					\
	(no) = (a8_ & r8_) | (a9_ & r9_);					\
	(space) = (v) == ' ';							\
	(good) = a8_ | a9_ | ((v) == (signed char)0xD8)				\
	    | ((v) == (signed char)0xD9) | ((space) & ~((prev) == ' '));	\
	(out) = (v) ^ ((space) & (' ' ^ '\n'));				\
} while (0)

typedef signed char plain_v16 __attribute__((vector_size(16)));
typedef signed char plain_v32 __attribute__((vector_size(32)));

/* 16 bytes from p, written to o: the bad bytes, and the spaces */
static inline unsigned
plain16(const char *s, size_t p, char *o, unsigned *spaces)
{
	plain_v16 v, prev, good, no, space, out;

	memcpy(&v, s + p, sizeof v);
	memcpy(&prev, s + p - 1, sizeof prev);
	PLAIN_CLASSES(plain_v16, v, prev, good, no, space, out);
	memcpy(o, &out, sizeof out);
	*spaces = (unsigned)_mm_movemask_epi8((__m128i)space);
	return (~(unsigned)_mm_movemask_epi8((__m128i)good)
	    | (unsigned)_mm_movemask_epi8((__m128i)no)) & 0xFFFF;
}

#define TOK_PLAIN_AVX2 1
/* plain16 on 32 bytes at a time, from p (written to o) while p + 32 <= lim:
 * where the blocks stopped, or lim if the stretch ended */
__attribute__((target("avx2"))) static size_t
plain_avx2(const char *s, size_t p, size_t lim, size_t *endp, char *o)
{
	size_t end = *endp;

	for (; p + 32 <= lim; p += 32, o += 32) {
		plain_v32 v, prev, good, no, space, out;
		memcpy(&v, s + p, sizeof v);
		memcpy(&prev, s + p - 1, sizeof prev);
		PLAIN_CLASSES(plain_v32, v, prev, good, no, space, out);
		memcpy(o, &out, sizeof out);
		uint32_t spaces = (uint32_t)_mm256_movemask_epi8((__m256i)space);
		uint32_t bad = ~(uint32_t)_mm256_movemask_epi8((__m256i)good)
		    | (uint32_t)_mm256_movemask_epi8((__m256i)no);
		if (bad)
			spaces &= (1u << __builtin_ctz(bad)) - 1;
		if (spaces)
			end = p + 32 - (size_t)__builtin_clz(spaces);
		if (bad) {
			*endp = end;
			return lim;
		}
	}
	*endp = end;
	return p;
}
#endif

static int plain_simd = -1;     /* 0 none, 1 SSE2, 2 AVX2 */

size_t
ar_tok_plain(const char *s, size_t n, size_t i, size_t *a, char *o, size_t room)
{
	size_t p, end;

	if (i < n && s[i] == ' ')
		i++;
	*a = end = i;
	if (plain_simd < 0) {
		if (!word2_ready)
			word2_init();
		plain_simd = 0;
#ifdef TOK_PLAIN_SSE2
		plain_simd = plain_ok && !getenv("AR_NO_SIMD");
#ifdef TOK_PLAIN_AVX2
		if (plain_simd && __builtin_cpu_supports("avx2") && !getenv("AR_NO_AVX2"))
			plain_simd = 2;
#endif
#endif
	}
	/* blocks read the byte before them: not at the start of the text */
	if (!plain_simd || i == 0 || i + 16 > n || ((unsigned char)s[i] | 1) != 0xD9)
		return i;
#ifdef TOK_PLAIN_SSE2
	/* s[p] goes to o[p - i], a block of it wholly inside room */
	size_t lim = room < n - i ? i + room : n;
	p = i;
#ifdef TOK_PLAIN_AVX2
	if (plain_simd == 2 && (p = plain_avx2(s, p, lim, &end, o)) == lim)
		return end;
#endif
	for (; p + 16 <= lim; p += 16) {
		unsigned spaces, bad = plain16(s, p, o + (p - i), &spaces);
		if (bad)
			spaces &= (1u << __builtin_ctz(bad)) - 1;
		if (spaces)
			end = p + 32 - (size_t)__builtin_clz(spaces);
		if (bad)
			break;
	}
#else
	(void)p, (void)o, (void)room;
#endif
	return end;
}

int
ar_tok_next(const struct ar_splitter *sp, const char *s, size_t n,
    size_t *pos, size_t *start, size_t *end)
{
	if (!word2_ready)
		word2_init();
	size_t i = *pos, j, L;
	int32_t cp, c2;
	int cl, type;

	/* The usual token: after one space, a word of two-byte letters (all
	 * of Arabic) that ends before ASCII punctuation or a space. The slow
	 * path below takes the same steps; this one only skips its tests. */
	if (i < n && s[i] == ' ')
		i++;
	if (i + 1 < n && is_lead2((unsigned char)s[i]) && (word2_at(s, i) & W2_START)) {
		*start = i;
		type = AR_TOK_WORD;
		j = word_run(s, n, i + 2);
		if (j >= n || ((unsigned char)s[j] < 0x80 && s[j] != '\'' && s[j] != '.'))
			goto done;
		goto word;
	}

	/* skip white space */
	for (;;) {
		if (i >= n) {
			*pos = n;
			return -1;
		}
		if (!(L = wslen(s, n, i)))
			break;
		i += L;
	}
	L = ar_u8dec(s + i, &cp);
	cl = ar_cclass(cp);
	*start = i;
	j = i + L;
	/* invisible characters standing alone (RLM, ZWNJ, BOM, NUL, ESC) are a
	 * token of their own: nothing of the text may go missing */
	if (cl == AR_C_FORMAT || cl == AR_C_CONTROL) {
		while (j < n && !wslen(s, n, j)) {
			L = ar_u8dec(s + j, &c2);
			if (ar_cclass(c2) != AR_C_FORMAT && ar_cclass(c2) != AR_C_CONTROL)
				break;
			j += L;
		}
		type = AR_TOK_OTHER;
		goto done;
	}

	if (cp < 0x80 && ascii_alnum((int)cp)) {
		size_t e;
		/* links */
		if (url_at(s, n, i)) {
			e = url_end(s, n, i);
			if (e > i + 4) {
				type = AR_TOK_URL;
				j = e;
				goto done;
			}
		}
		if ((e = domain_end(s, n, i, 0)) && (e >= n || s[e] == '/'
		    || !ascii_alnum((unsigned char)s[e]))) {
			size_t d = e;
			if (e < n && s[e] == '/')
				e = url_end(s, n, e);
			if (e < d)
				e = d;
			type = AR_TOK_URL;
			j = e;
			goto done;
		}
		/* e-mail */
		e = i;
		while (e < n && e - i < 64 && (ascii_alnum((unsigned char)s[e]) || s[e] == '.'
		    || s[e] == '_' || s[e] == '%' || s[e] == '+' || s[e] == '-'))
			e++;                    /* a local part is at most 64 bytes */
		if (e < n && s[e] == '@' && s[e - 1] != '.') {
			size_t d = domain_end(s, n, e + 1, 0);
			if (d) {
				type = AR_TOK_EMAIL;
				j = d;
				goto done;
			}
		}
	}
	if (cp == '@' || cp == '#') {
		j = i + 1;
		while (j < n) {
			L = ar_u8dec(s + j, &c2);
			if (cp == '@' ? !(c2 < 0x80 && (ascii_alnum((int)c2) || c2 == '_'))
			    : !(c2 == '_' || ar_is_wordchar(c2) || c2 == 0x200C || c2 == 0x200D))
				break;
			j += L;
		}
		if (j > i + 1) {
			type = cp == '@' ? AR_TOK_HANDLE : AR_TOK_HASHTAG;
			goto done;
		}
		type = AR_TOK_SYMBOL;
		j = i + 1;
		goto done;
	}
	if (cl == AR_C_DIGIT) {
		/* a number with its inner separators: 84,770 3.5 13:00 09/10/2020
		 * 2025-05-14@15:13:12 ٣٫٥ */
		type = AR_TOK_NUM;
		for (;;) {
			while (j < n) {
				L = ar_u8dec(s + j, &c2);
				if (ar_cclass(c2) != AR_C_DIGIT)
					break;
				j += L;
			}
			if (j < n) {
				L = ar_u8dec(s + j, &c2);
				if ((c2 == '.' || c2 == ',' || c2 == ':' || c2 == '/'
				    || c2 == '-' || c2 == '@' || c2 == 0x66B || c2 == 0x66C)
				    && j + L < n) {
					int32_t c3;
					ar_u8dec(s + j + L, &c3);
					if (ar_cclass(c3) == AR_C_DIGIT) {
						j += L;
						continue;
					}
				}
			}
			break;
		}
		/* 2020م, 19th, 1445هـ: digits glued to letters make a word */
		if (j < n) {
			ar_u8dec(s + j, &c2);
			if (ar_cclass(c2) == AR_C_LETTER || ar_cclass(c2) == AR_C_MARK) {
				type = AR_TOK_WORD;
				goto word;
			}
		}
		goto done;
	}
	if (cl == AR_C_LETTER || cl == AR_C_MARK) {
		type = AR_TOK_WORD;
word:
		for (;;) {
			while (j < n) {
				/* fast: ASCII and two-byte letters, marks, digits */
				j = word_run(s, n, j);
				if (j >= n || (unsigned char)s[j] < 0x80)
					break;
				L = ar_u8dec(s + j, &c2);
				int c = ar_cclass(c2);
				if (c == AR_C_LETTER || c == AR_C_MARK || c == AR_C_DIGIT)
					j += L;
				else if ((c2 == 0x200C || c2 == 0x200D) && j + L < n) {
					int32_t c3;
					ar_u8dec(s + j + L, &c3);
					if (!ar_is_wordchar(c3))
						break;
					j += L;
				} else
					break;
			}
			/* Latin apostrophes between letters: don't, Armenia’s */
			if (j < n && j > i) {
				size_t a = s[j] == '\'' ? 1 : n - j >= 3
				    && !memcmp(s + j, "\xE2\x80\x99", 3) ? 3 : 0;
				if (a && j + a < n && latin_letter((unsigned char)s[j - 1])
				    && latin_letter((unsigned char)s[j + a])) {
					j += a;
					continue;
				}
			}
			break;
		}
		/* an initialism (U.S., ج.م.ع.) or a listed abbreviation keeps
		 * its period */
		if (j + 1 < n && s[j] == '.') {
			size_t e = j;
			int pieces = 0;
			while (e + 1 < n && s[e] == '.' && pieces++ < 12) {
				size_t q = e + 1;
				int32_t c3;
				while (q < n) {
					L = ar_u8dec(s + q, &c3);
					if (ar_cclass(c3) != AR_C_LETTER && ar_cclass(c3) != AR_C_MARK)
						break;
					q += L;
				}
				if (q == e + 1 || !initialism(s + i, q - i))
					break;
				e = q;
			}
			j = e;
		}
		if (j < n && s[j] == '.' && (ar_abbrev_kind(sp ? sp->abbrev : NULL, s + i, j - i)
		    || initialism(s + i, j - i) || (single_letter(s + i, j - i)
		    && latin_upper(single_letter(s + i, j - i))))) {
			if (!(j + 1 < n && s[j + 1] == '.'))    /* not an ellipsis */
				j++;
		}
		goto done;
	}
	if (cp == '.') {
		while (j < n && s[j] == '.')
			j++;
		type = AR_TOK_PUNCT;
		goto done;
	}
	type = cl == AR_C_PUNCT ? AR_TOK_PUNCT : cl == AR_C_SYMBOL ? AR_TOK_SYMBOL
	    : AR_TOK_OTHER;
	/* marks after a symbol stay with it */
	while (j < n) {
		L = ar_u8dec(s + j, &c2);
		if (ar_cclass(c2) != AR_C_MARK)
			break;
		j += L;
	}
done:
	*end = j;
	*pos = j;
	return type;
}

/* ---- the word iterator: words, numbers and marks of punctuation ---- */

/* Does cp carry on a word? Letters, marks, tatweel, and the invisible
 * format characters (ZWNJ, ZWJ, RLM...) that sit inside words; digits too
 * with AR_W_ALNUM. ASCII is tested first: it is most of what is not Arabic. */
static inline int
word_cont(int32_t cp, int flags)
{
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
		    || ((flags & AR_W_ALNUM) && cp >= '0' && cp <= '9');
	int c = ar_cclass(cp);
	return c == AR_C_LETTER || c == AR_C_MARK || c == AR_C_FORMAT || cp == 0x0640
	    || ((flags & AR_W_ALNUM) && c == AR_C_DIGIT);
}

void
ar_words_init(struct ar_words *it, const char *s, size_t n, int flags)
{
	it->s = s, it->n = n, it->pos = 0, it->cp = 0, it->flags = flags;
}

int
ar_word_next(struct ar_words *it, struct ar_word *w)
{
	const char *s = it->s;
	size_t n = it->n, i = it->pos, cp = it->cp, l;
	int32_t c;
	int cl;

	for (;;) {                      /* white space, controls, stray format */
		if (i >= n) {
			it->pos = i, it->cp = cp;
			return 0;
		}
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			c = b, l = 1;
			if (b > ' ' && b != 0x7F)
				break;
		} else {
			l = ar_u8dec(s + i, &c);
			cl = ar_cclass(c);
			if (cl != AR_C_SPACE && cl != AR_C_CONTROL && cl != AR_C_FORMAT)
				break;
		}
		i += l, cp++;
	}
	w->b0 = i, w->c0 = cp, w->cp = c, w->nd = 0, w->ascii = c < 0x80;
	int dv = ar_digit_value(c);
	if (dv >= 0 && !(it->flags & AR_W_ALNUM)) {
		w->type = AR_W_NUM;
		do {
			w->nd++;
			i += l, cp++;
			if (i >= n)
				break;
			if ((unsigned char)s[i] < 0x80)
				c = (unsigned char)s[i], l = 1;
			else
				l = ar_u8dec(s + i, &c);
		} while (ar_digit_value(c) >= 0);
	} else if (word_cont(c, it->flags) && ar_cclass(c) != AR_C_FORMAT) {
		w->type = AR_W_WORD;
		for (;;) {
			if (c >= 0x80)
				w->ascii = 0;
			i += l, cp++;
			/* a run of Arabic letters and marks, two bytes each, which
			 * the steps below would all take into the word */
			while (i + 1 < n && ((unsigned char)s[i] | 1) == 0xD9
			    && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
				int k = ar_cclass_bmp[0x600 | (s[i] & 1) << 6 | (s[i + 1] & 0x3F)];
				if (k != AR_C_LETTER && k != AR_C_MARK)
					break;
				w->ascii = 0;
				i += 2, cp++;
			}
			if (i >= n)
				break;
			if ((unsigned char)s[i] < 0x80)
				c = (unsigned char)s[i], l = 1;
			else
				l = ar_u8dec(s + i, &c);
			if (!word_cont(c, it->flags))
				break;
			if (ar_cclass(c) == AR_C_FORMAT) {
				/* inside the word only if a letter follows the run */
				size_t j = i + l;
				int32_t c2 = 0;
				while (j < n) {
					j += ar_u8dec(s + j, &c2);
					if (ar_cclass(c2) != AR_C_FORMAT)
						break;
				}
				if (j >= n && ar_cclass(c2) == AR_C_FORMAT)
					break;
				if (!word_cont(c2, it->flags))
					break;
			}
		}
	} else {
		w->type = AR_W_PUNCT;
		i += l, cp++;
	}
	w->b1 = i, w->c1 = cp;
	it->pos = i, it->cp = cp;
	return w->type;
}
