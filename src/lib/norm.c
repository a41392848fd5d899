/* norm.c: the normalization engine. ar-norm writes with it, ar-kwic folds
 * with it.
 *
 * Every step except nfc/nfkc and the whitespace collapse maps one code point
 * to a string, so the whole chain of enabled steps is composed once, at set-up,
 * into one action per BMP code point. The hot loop then decodes, looks up one
 * word, and copies runs of unchanged text with memcpy. Composition (nfc,
 * nfkc) needs context: a line is composed first, cluster by cluster, and only
 * when it holds a code point that composition may change. */
#define _GNU_SOURCE             /* memrchr (glibc, musl, BSDs) */
#include "arlib.h"

#include <stdlib.h>
#include <utf8proc.h>

static const struct {
	const char *name, *help;
	int dflt;
} steps[AR_S_COUNT] = {
	[AR_S_NFC] = { "nfc", "canonical composition and mark order (Unicode NFC)", 1 },
	[AR_S_DIACRITICS] = { "diacritics", "remove Arabic marks: harakat, tanween, shadda, sukun, superscript alef, Quranic signs", 1 },
	[AR_S_TATWEEL] = { "tatweel", "remove tatweel U+0640", 1 },
	[AR_S_ALEF] = { "alef", "alef with madda/hamza, wasla, wavy hamza -> bare alef U+0627", 1 },
	[AR_S_YEH] = { "yeh", "alef maksura U+0649 -> yeh U+064A", 1 },
	[AR_S_TEH_MARBUTA] = { "teh-marbuta", "teh marbuta U+0629 -> heh U+0647", 1 },
	[AR_S_HAMZA] = { "hamza", "waw and yeh with hamza -> waw, yeh (bare hamza stays)", 0 },
	[AR_S_PERSIAN] = { "persian", "Persian/Urdu look-alikes -> Arabic letters (Farsi yeh, keheh, heh goal, ae)", 1 },
	[AR_S_DIGITS] = { "digits", "every decimal digit -> ASCII; Arabic decimal/thousands separators -> . ,", 1 },
	[AR_S_PRESENTATION] = { "presentation-forms", "single-letter presentation forms -> base letter (hamza kept)", 1 },
	[AR_S_LIGATURES] = { "ligatures", "lam-alef and word ligatures -> letters (U+FDF2 -> Allah, rial, bismillah)", 1 },
	[AR_S_ZERO_WIDTH] = { "zero-width", "delete ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen", 1 },
	[AR_S_BIDI] = { "bidi-controls", "delete ALM, LRM, RLM, embeddings, overrides, isolates", 1 },
	[AR_S_WHITESPACE] = { "whitespace", "tabs and Unicode spaces -> space; collapse runs; trim lines", 0 },
	[AR_S_PUNCTUATION] = { "punctuation", "Arabic and typographic punctuation -> ASCII (ellipsis -> ..., dashes -> -)", 0 },
	[AR_S_NFKC] = { "nfkc", "full Unicode NFKC (compatibility composition)", 0 },
	[AR_S_ENTITIES] = { "entities", "HTML character references -> characters (&quot; &#1573; &#x625;), first", 0 },
};

const uint32_t ar_steps_default =
    AR_STEP(AR_S_NFC) | AR_STEP(AR_S_DIACRITICS) | AR_STEP(AR_S_TATWEEL)
    | AR_STEP(AR_S_ALEF) | AR_STEP(AR_S_YEH) | AR_STEP(AR_S_TEH_MARBUTA)
    | AR_STEP(AR_S_PERSIAN) | AR_STEP(AR_S_DIGITS) | AR_STEP(AR_S_PRESENTATION)
    | AR_STEP(AR_S_LIGATURES) | AR_STEP(AR_S_ZERO_WIDTH) | AR_STEP(AR_S_BIDI);

const char *ar_step_name(int s) { return s >= 0 && s < AR_S_COUNT ? steps[s].name : NULL; }
const char *ar_step_help(int s) { return s >= 0 && s < AR_S_COUNT ? steps[s].help : NULL; }

int
ar_steps_parse(const char *list, uint32_t *mask)
{
	const char *p = list;

	*mask = 0;
	while (*p) {
		size_t n = strcspn(p, ", ");
		int s, found = 0;

		if (n == 0) {
			p++;
			continue;
		}
		if (n == 3 && !strncmp(p, "all", 3)) {
			*mask |= (1u << AR_S_COUNT) - 1, found = 1;
		} else if (n == 7 && !strncmp(p, "default", 7)) {
			*mask |= ar_steps_default, found = 1;
		} else if (n == 4 && !strncmp(p, "none", 4)) {
			found = 1;
		}
		for (s = 0; s < AR_S_COUNT && !found; s++)
			if (strlen(steps[s].name) == n && !strncmp(p, steps[s].name, n))
				*mask |= AR_STEP(s), found = 1;
		if (!found) {
			ar_warn("unknown step '%.*s' (see --list-steps)", (int)n, p);
			return -1;
		}
		p += n;
	}
	return 0;
}

/* ---- set-up: the composed per-code-point actions ---- */

#define ACT_KEEP 0u
#define ACT_DEL 0x3FFFFFFFu
#define ACT_SPACE 0x3FFFFFFEu   /* a space the whitespace step collapses */
#define ACT_SUSPECT 0x80000000u /* flag: composition may change this code point */
#define ACT_SAME2 0x40000000u   /* flag: two bytes in, the two bytes in bits 0..15 out */
/* apply_fast's table for code points below U+0800: the output bytes as a
 * uint16_t in bits 0..15 (as memcpy lays them), their number (0..2) in bits
 * 16..17, or FAST_SPECIAL for anything else */
#define FAST_SPECIAL 0x80000000u
/* other values: pool offset << 8 | byte length (1..255) */

struct entry { int step; int32_t lo, hi; int32_t to[24]; int ton; };

struct ar_norm {
	uint32_t steps;
	int compose;                    /* 0, or utf8proc options for nfc/nfkc */
	uint32_t *act;                  /* 65536 actions for the BMP */
	uint32_t *fast;                 /* 0x800 entries for apply_fast */
	struct ar_plain same;           /* characters that stay as they are */
	struct ar_buf pool;             /* replacement strings */
	struct entry *ent;              /* table entries: norm.tsv and --map */
	size_t nent, capent;
	unsigned char *second;          /* marks some composite decomposes into */
	unsigned char *leadns;          /* bitmap: a starter whose decomposition
	                                   begins with a non-starter (U+0F73) */
	struct ar_lex *ent_names;       /* entities.tsv, for the entities step */
	size_t *bystep;                 /* entry numbers by step, last first */
	size_t stepat[AR_S_COUNT + 2];  /* step s's from stepat[s + 1] on */
	int ready;
};

static void
add_entry(struct ar_norm *nm, int step, int32_t lo, int32_t hi,
    const int32_t *to, int ton)
{
	struct entry *e;

	if (nm->nent == nm->capent) {
		nm->capent = nm->capent ? nm->capent * 2 : 128;
		nm->ent = ar_realloc(nm->ent, nm->capent * sizeof *nm->ent);
	}
	e = &nm->ent[nm->nent++];
	e->step = step, e->lo = lo, e->hi = hi, e->ton = ton;
	memcpy(e->to, to, (size_t)ton * sizeof *to);
}

/* Parse "U+0627 U+0644" into cps; -1 on error. */
static int
parse_cps(char *s, int32_t *out, int max)
{
	int n = 0;

	while (*s) {
		size_t k = strcspn(s, " ");
		if (k) {
			int32_t cp = ar_parse_cp(s, k);
			if (cp < 0 || n == max)
				return -1;
			out[n++] = cp;
		}
		s += k;
		if (*s)
			s++;
	}
	return n;
}

static int
tsv_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct ar_norm *nm = ctx;
	char *f[4] = { line, NULL, NULL, NULL };
	int nf = 1, s, ton;
	int32_t to[24], lo, hi;
	char *dots;
	size_t i;

	for (i = 0; i < n && nf < 4; i++)
		if (line[i] == '\t')
			line[i] = 0, f[nf++] = line + i + 1;
	if (nf < 2)
		ar_die("norm.tsv:%lu: expected step<TAB>from<TAB>to", lineno);
	for (s = 0; s < AR_S_COUNT; s++)
		if (!strcmp(f[0], steps[s].name))
			break;
	if (s == AR_S_COUNT)
		ar_die("norm.tsv:%lu: unknown step '%s'", lineno, f[0]);
	if ((dots = strstr(f[1], ".."))) {
		*dots = 0;
		lo = ar_parse_cp(f[1], strlen(f[1]));
		hi = ar_parse_cp(dots + 2, strlen(dots + 2));
	} else {
		lo = hi = ar_parse_cp(f[1], strlen(f[1]));
	}
	ton = f[2] ? parse_cps(f[2], to, 24) : 0;
	if (lo < 0 || hi < lo || ton < 0)
		ar_die("norm.tsv:%lu: bad code point", lineno);
	add_entry(nm, s, lo, hi, to, ton);
	return 0;
}

struct ar_norm *
ar_norm_new(uint32_t mask)
{
	struct ar_norm *nm = ar_alloc(sizeof *nm);
	const char *text;
	size_t len;

	memset(nm, 0, sizeof *nm);
	nm->steps = mask;
	text = ar_data("norm.tsv", &len);
	ar_each_line(text, len, tsv_line, nm);
	return nm;
}

/* user mappings are kept as step -1 entries */
void
ar_norm_map(struct ar_norm *nm, int32_t from, const char *to, size_t tolen)
{
	int32_t cps[24];
	int n = 0;
	size_t i = 0;

	while (i < tolen) {
		if (n == 24)
			ar_die("--map: replacement for U+%04X longer than 24 characters", (unsigned)from);
		i += ar_u8dec(to + i, &cps[n++]);
	}
	add_entry(nm, -1, from, from, cps, n);
}

struct mapctx { struct ar_norm *nm; const char *path; };

static int
map_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct mapctx *mc = ctx;
	char *tab = memchr(line, '\t', n), *to, *end;
	int32_t from;

	if (!tab)
		ar_die("%s:%lu: expected FROM<TAB>TO", mc->path, lineno);
	if (ar_u8valid(line, n) != n)
		ar_die("%s:%lu: invalid UTF-8", mc->path, lineno);
	from = ar_parse_cp(line, (size_t)(tab - line));
	if (from < 0)
		ar_die("%s:%lu: FROM must be one character or U+XXXX", mc->path, lineno);
	to = tab + 1;
	end = line + n;
	if ((tab = memchr(to, '\t', (size_t)(end - to))))
		end = tab;                      /* a third column is a comment */
	if (end - to >= 2 && (to[0] == 'U' || to[0] == 'u') && to[1] == '+') {
		int32_t cps[24];
		char save = *end;
		*end = 0;
		int k = parse_cps(to, cps, 24);
		*end = save;
		if (k < 0)
			ar_die("%s:%lu: bad code point in TO", mc->path, lineno);
		add_entry(mc->nm, -1, from, from, cps, k);
	} else {
		ar_norm_map(mc->nm, from, to, (size_t)(end - to));
	}
	return 0;
}

void
ar_norm_map_file(struct ar_norm *nm, const char *path)
{
	struct mapctx mc = { nm, path };
	size_t len;
	char *text = ar_slurp(path, &len);

	ar_each_line(text, len, map_line, &mc);
	free(text);
}

/* One step applied to one code point: number of code points written to out,
 * or -1 when the step leaves it alone. */
static int
step_map(const struct ar_norm *nm, int s, int32_t cp, int32_t *out)
{
	/* table entries first: they override the computed rules; the last
	 * one of the step that holds cp wins */
	size_t from = 0, to = nm->nent;
	if (nm->bystep)
		from = nm->stepat[s + 1], to = nm->stepat[s + 2];
	for (size_t j = from; j < to; j++) {
		const struct entry *e = &nm->ent[nm->bystep ? nm->bystep[j] : nm->nent - 1 - j];
		if (e->step != s || cp < e->lo || cp > e->hi)
			continue;
		if (s == AR_S_DIACRITICS && utf8proc_category(cp) != UTF8PROC_CATEGORY_MN)
			continue;
		memcpy(out, e->to, (size_t)e->ton * sizeof *out);
		return e->ton;
	}
	switch (s) {
	case AR_S_DIGITS:
		if (cp > '9' && ar_cclass(cp) == AR_C_DIGIT) {
			int v = ar_digit_value(cp);
			if (v >= 0) {
				out[0] = '0' + v;
				return 1;
			}
		}
		break;
	case AR_S_WHITESPACE:
		if (cp == '\t' || (cp != ' ' && ar_cclass(cp) == AR_C_SPACE
		    && cp != '\n' && cp != '\r' && cp != '\f' && cp != '\v')) {
			out[0] = ' ';
			return 1;
		}
		break;
	case AR_S_PRESENTATION:
	case AR_S_LIGATURES:
		if ((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF)) {
			utf8proc_int32_t d[24];
			utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 24,
			    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, NULL);
			int j = 0, m;
			if (k <= 0 || k > 24 || (k == 1 && d[0] == cp))
				break;
			k = utf8proc_normalize_utf32(d, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
			/* isolated marks (U+FE70...) are a space plus the mark */
			if (k > 1 && d[0] == ' ')
				j = 1;
			m = (int)k - j;
			if ((s == AR_S_PRESENTATION) != (m == 1))
				break;
			memcpy(out, d + j, (size_t)m * sizeof *out);
			return m;
		}
		break;
	}
	return -1;
}

/* order in which the steps apply to each code point */
static const int chain_order[] = {
	-1, AR_S_PRESENTATION, AR_S_LIGATURES, AR_S_DIACRITICS, AR_S_TATWEEL,
	AR_S_ALEF, AR_S_YEH, AR_S_TEH_MARBUTA, AR_S_HAMZA, AR_S_PERSIAN,
	AR_S_DIGITS, AR_S_ZERO_WIDTH, AR_S_BIDI, AR_S_PUNCTUATION, AR_S_WHITESPACE
};

/* The whole chain on one code point; returns length of out or -1 if the
 * code point comes through unchanged. */
static int
chain(const struct ar_norm *nm, int32_t cp, int32_t *out, int max)
{
	int32_t a[64], b[64], *cur = a, *nxt = b, *t;
	int n = 1, changed = 0;
	size_t k;

	a[0] = cp;
	for (k = 0; k < sizeof chain_order / sizeof *chain_order; k++) {
		int s = chain_order[k], m = 0, i;
		if (s >= 0 && !(nm->steps & AR_STEP(s)))
			continue;
		for (i = 0; i < n; i++) {
			int32_t tmp[24];
			int r = step_map(nm, s, cur[i], tmp);
			if (r < 0) {
				tmp[0] = cur[i];
				r = 1;
			} else {
				changed = 1;
			}
			if (m + r > 64)
				r = 64 - m;
			memcpy(nxt + m, tmp, (size_t)r * sizeof *tmp);
			m += r;
		}
		t = cur, cur = nxt, nxt = t;
		n = m;
	}
	if (!changed)
		return -1;
	if (n > max)
		n = max;
	memcpy(out, cur, (size_t)n * sizeof *out);
	return n;
}

/* Starters that compose with the starter before them (Hangul vowels and
 * trailing consonants, some Indic vowel signs): NFC_Quick_Check=Maybe. */
static int
second_starter(int32_t cp)
{
	if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
		return 1;
	switch (cp) {
	case 0x09BE: case 0x09D7: case 0x0B3E: case 0x0B56: case 0x0B57:
	case 0x0BBE: case 0x0BD7: case 0x0C56: case 0x0CC2: case 0x0CD5:
	case 0x0CD6: case 0x0D3E: case 0x0D57: case 0x0DCF: case 0x0DDF:
	case 0x102E: case 0x1B35:
		return 1;
	}
	return 0;
}

/* Could composition change cp, alone or with its neighbours? */
static int
compose_suspect(int32_t cp, int opts)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	utf8proc_int32_t d[24];
	utf8proc_ssize_t k;

	if (p->combining_class != 0 || second_starter(cp))
		return 1;
	if (p->decomp_seqindex == UINT16_MAX)
		return 0;
	if (!(opts & UTF8PROC_COMPAT) && p->decomp_type != 0)
		return 0;
	k = utf8proc_decompose_char(cp, d, 24, (utf8proc_option_t)opts, NULL);
	if (k <= 0 || k > 24)
		return 1;
	k = utf8proc_normalize_utf32(d, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	return !(k == 1 && d[0] == cp);
}

static uint32_t
encode_action(struct ar_norm *nm, const int32_t *cps, int n)
{
	char tmp[64 * 4];
	size_t len = 0;
	int i;

	if (n == 0)
		return ACT_DEL;
	if (n == 1 && cps[0] == ' ' && (nm->steps & AR_STEP(AR_S_WHITESPACE)))
		return ACT_SPACE;
	for (i = 0; i < n; i++)
		len += ar_u8enc(cps[i], tmp + len);
	if (len > 255)
		len = 255;      /* cannot happen with the shipped tables */
	uint32_t off = (uint32_t)nm->pool.len;
	ar_buf_add(&nm->pool, tmp, len);
	return off << 8 | (uint32_t)len;
}

/* ---- the entities step: HTML character references ---- */

static int
entity_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct ar_norm *nm = ctx;
	char *f[3] = { line, NULL, NULL }, utf8[64];
	int nf = 1, ncp;
	int32_t cps[8];
	size_t len = 0;

	for (size_t i = 0; i < n && nf < 3; i++)
		if (line[i] == '\t')
			line[i] = 0, f[nf++] = line + i + 1;
	if (nf < 2 || !*f[0] || (ncp = parse_cps(f[1], cps, 8)) <= 0)
		ar_die("entities.tsv:%lu: expected name<TAB>code points", lineno);
	for (int k = 0; k < ncp; k++)
		len += ar_u8enc(cps[k], utf8 + len);
	utf8[len] = 0;
	ar_lex_add(nm->ent_names, f[0], strlen(f[0]), 0,
	    f[2] && !strncmp(f[2], "legacy", 6), utf8);
	return 0;
}

static void
load_entities(struct ar_norm *nm)
{
	size_t len;
	const char *t = ar_data("entities.tsv", &len);

	nm->ent_names = ar_lex_new(0);
	ar_each_line(t, len, entity_line, nm);
}

/* What HTML makes of &#128; to &#159; (the Windows-1252 characters) */
static const uint16_t c1_1252[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
	0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C,
	0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
	0x017E, 0x0178,
};

static inline int
is_alnum(int c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The reference r[0..n) (after '&', without ';'): its characters in out,
 * their number of bytes, or 0 if it is none (semi: it ended with ';'). */
static size_t
entity_value(const struct ar_norm *nm, const char *r, size_t n, int semi, char *out)
{
	if (n >= 2 && r[0] == '#') {
		int hex = r[1] == 'x' || r[1] == 'X';
		size_t i = hex ? 2 : 1;
		uint32_t v = 0;
		if (i >= n)
			return 0;
		for (; i < n; i++) {
			int c = (unsigned char)r[i], d;
			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				d = (c | 0x20) - 'a' + 10;
			else
				return 0;
			v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + (uint32_t)d;
		}
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		else if (v >= 0x80 && v <= 0x9F)
			v = c1_1252[v - 0x80];
		return ar_u8enc((int32_t)v, out);
	}
	const struct ar_lexent *e = ar_lex_get(nm->ent_names, r, n);
	if (!e || (!semi && !e->val))
		return 0;
	size_t len = strlen(e->str);
	memcpy(out, e->str, len);
	return len;
}

/* The last '&' in out from lo on that may begin a reference, or -1. */
static long
last_amp(const struct ar_buf *out, size_t lo)
{
	size_t i = out->len;
	while (i > lo)
		if (out->s[--i] == '&')
			return (long)i;
	return -1;
}

#define ENT_MAX 40      /* longer than any reference in the table */

/* Replace the reference at out[amp..end) (end excludes a byte kept after
 * it) by its characters; the offsets of the new bytes are the '&''s. */
static int
entity_reduce(const struct ar_norm *nm, struct ar_buf *out, struct ar_buf *offs,
    long *amp, size_t end, int semi)
{
	char val[64], keep = 0;
	size_t a = (size_t)*amp, rn = end - a - 1 - (semi != 0);
	size_t vn = entity_value(nm, out->s + a + 1, rn, semi, val);
	int kept = end < out->len;
	uint32_t from;

	if (!vn)
		return 0;
	uint32_t ko = 0;
	if (kept) {
		keep = out->s[end];
		memcpy(&ko, offs->s + 4 * end, 4);
	}
	memcpy(&from, offs->s + 4 * a, 4);
	out->len = a, offs->len = 4 * a;
	ar_buf_add(out, val, vn);
	for (size_t k = 0; k < vn; k++)
		ar_buf_add(offs, &from, 4);
	if (kept) {
		ar_buf_addc(out, keep);
		ar_buf_add(offs, &ko, 4);
	}
	/* the characters may complete or begin another reference: &amp;lt; */
	*amp = last_amp(out, out->len > ENT_MAX ? out->len - ENT_MAX : 0);
	return 1;
}

/* Decode s[0..n) into out, offs getting each output byte's input offset.
 * A reference that decodes to '&' (or to what completes one before it) is
 * read again, so nested escapes (&amp;quot;) come out whole: the result
 * has no reference left, and decoding it again changes nothing. Each
 * reduction shortens the output, so this is linear. Returns 1 if anything
 * was decoded. */
static int
decode_entities(const struct ar_norm *nm, const char *s, size_t n,
    struct ar_buf *out, struct ar_buf *offs)
{
	long amp = -1;
	int any = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		uint32_t o = (uint32_t)i;
		ar_buf_addc(out, c);
		ar_buf_add(offs, &o, 4);
		if (amp >= 0 && out->len - (size_t)amp > ENT_MAX + 1)
			amp = last_amp(out, out->len - ENT_MAX);
		if (c == '&') {
			if (amp >= 0 && out->len - 1 > (size_t)amp + 1) {
				/* a reference without ';' ends at this '&' */
				long a = amp;
				out->len--, offs->len -= 4;
				if (entity_reduce(nm, out, offs, &a, out->len, 0))
					any = 1;
				ar_buf_addc(out, c);
				ar_buf_add(offs, &o, 4);
			}
			amp = (long)out->len - 1;
			continue;
		}
		if (amp < 0)
			continue;
		size_t len = out->len - (size_t)amp - 1;       /* after '&', with c */
		if (c == ';') {
			if (entity_reduce(nm, out, offs, &amp, out->len, 1))
				any = 1;
			else
				amp = -1;
			continue;
		}
		int cc = (unsigned char)c;
		if (is_alnum(cc) || (len == 1 && c == '#'))
			continue;
		/* ends here without ';': a legacy name or a number */
		if (entity_reduce(nm, out, offs, &amp, out->len - 1, 0))
			any = 1;
		else
			amp = -1;
	}
	if (amp >= 0 && out->len > (size_t)amp + 1
	    && entity_reduce(nm, out, offs, &amp, out->len, 0))
		any = 1;
	return any;
}

/* Blocks of the BMP where no character decomposes or has a combining
 * class (CJK ideographs, Yi, private use: more than half of it), checked
 * against utf8proc's tables; set-up passes over them. Hangul syllables
 * decompose, so they are not among them. */
static int
compose_free(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
	    || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xE000 && cp <= 0xF8FF);
}

void
ar_norm_ready(struct ar_norm *nm)
{
	int32_t cp, out[64];
	size_t i;
	int n;

	if (nm->ready)
		return;
	nm->ready = 1;
	if (nm->steps & AR_STEP(AR_S_ENTITIES))
		load_entities(nm);
	if (nm->steps & AR_STEP(AR_S_NFKC))
		nm->compose = UTF8PROC_COMPOSE | UTF8PROC_STABLE | UTF8PROC_COMPAT;
	else if (nm->steps & (AR_STEP(AR_S_NFC) | AR_STEP(AR_S_DIACRITICS)))
		nm->compose = UTF8PROC_COMPOSE | UTF8PROC_STABLE;  /* marks go after composing */
	/* the entries of each step together, so a code point's chain looks at
	 * its step's few, not all of them */
	nm->bystep = ar_alloc((nm->nent + 1) * sizeof *nm->bystep);
	memset(nm->stepat, 0, sizeof nm->stepat);
	for (i = 0; i < nm->nent; i++)
		nm->stepat[nm->ent[i].step + 2]++;
	for (int st = 1; st < AR_S_COUNT + 2; st++)
		nm->stepat[st] += nm->stepat[st - 1];
	{
		size_t fill[AR_S_COUNT + 2];
		memcpy(fill, nm->stepat, sizeof fill);
		for (i = nm->nent; i-- > 0;)
			nm->bystep[fill[nm->ent[i].step + 1]++] = i;
	}
	nm->act = ar_alloc(65536 * sizeof *nm->act);
	memset(nm->act, 0, 65536 * sizeof *nm->act);
	ar_buf_add(&nm->pool, "", 0);

	/* only code points some step names can change need the chain */
	unsigned char *touch = ar_alloc(65536);
	memset(touch, 0, 65536);
	for (i = 0; i < nm->nent; i++) {
		const struct entry *e = &nm->ent[i];
		if (e->step >= 0 && !(nm->steps & AR_STEP(e->step)))
			continue;
		for (cp = e->lo; cp <= e->hi && cp < 0x10000; cp++)
			touch[cp] = 1;
	}
	for (cp = 0; cp < 0x10000; cp++) {
		int c = ar_cclass_bmp[cp];
		if ((c == AR_C_DIGIT && (nm->steps & AR_STEP(AR_S_DIGITS)))
		    || ((c == AR_C_SPACE || cp == '\t') && (nm->steps & AR_STEP(AR_S_WHITESPACE)))
		    || (((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
		    && (nm->steps & (AR_STEP(AR_S_PRESENTATION) | AR_STEP(AR_S_LIGATURES)))))
			touch[cp] = 1;
	}
	/* Marks that some composite decomposes into. A mark the chain deletes
	 * and that composes with nothing (fatha, shadda...) needs no composing
	 * first: only these (hamza above and below, madda...) do. */
	unsigned char *second = ar_alloc(65536);
	memset(second, 0, 65536);
	for (cp = 0; nm->compose && cp < 0x10000; cp++) {
		if (compose_free(cp))
			continue;
		const utf8proc_property_t *p = utf8proc_get_property(cp);
		utf8proc_int32_t d[24];
		utf8proc_ssize_t k, j;
		if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0 || p->comp_exclusion)
			continue;
		k = utf8proc_decompose_char(cp, d, 24, UTF8PROC_DECOMPOSE, NULL);
		for (j = 1; j < k && j < 24; j++)
			if (d[j] < 0x10000)
				second[d[j]] = 1;
	}
	nm->leadns = ar_alloc(65536 / 8);
	memset(nm->leadns, 0, 65536 / 8);
	for (cp = 0x300; nm->compose && cp < 0x10000; cp++) {
		if (compose_free(cp))
			continue;
		const utf8proc_property_t *p = utf8proc_get_property(cp);
		utf8proc_int32_t d[24];
		if (p->combining_class || p->decomp_seqindex == UINT16_MAX
		    || (p->decomp_type != 0 && !(nm->compose & UTF8PROC_COMPAT)))
			continue;
		if (utf8proc_decompose_char(cp, d, 24, (utf8proc_option_t)(nm->compose
		    & UTF8PROC_COMPAT) | UTF8PROC_DECOMPOSE, NULL) > 0
		    && utf8proc_get_property(d[0])->combining_class)
			nm->leadns[cp >> 3] |= (unsigned char)(1u << (cp & 7));
	}
	for (cp = 0; cp < 0x10000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (touch[cp] && (n = chain(nm, cp, out, 64)) >= 0)
			nm->act[cp] = encode_action(nm, out, n);
		else if (cp == ' ' && (nm->steps & AR_STEP(AR_S_WHITESPACE)))
			nm->act[cp] = ACT_SPACE;
		if (nm->compose && cp >= 0x300 && !compose_free(cp) && compose_suspect(cp, nm->compose)
		    && !(nm->act[cp] == ACT_DEL && !second[cp]
		    && utf8proc_get_property(cp)->combining_class != 0))
			nm->act[cp] |= ACT_SUSPECT;
	}
	free(touch);
	nm->second = second;
	/* the fast table: a character below U+0800 that stays, goes, or becomes
	 * at most as many bytes of one or two-byte text */
	nm->fast = ar_alloc(0x800 * sizeof *nm->fast);
	for (cp = 0; cp < 0x800; cp++) {
		uint32_t a = nm->act[cp];
		unsigned char bytes[2] = { 0, 0 };
		size_t len = 0, srclen = cp < 0x80 ? 1 : 2;
		uint16_t v;
		if (a & ACT_SUSPECT || a == ACT_SPACE) {
			nm->fast[cp] = FAST_SPECIAL;
			continue;
		}
		if (a == ACT_KEEP) {
			len = ar_u8enc(cp, (char *)bytes);
		} else if (a != ACT_DEL) {
			len = a & 0xFF;
			if (len > srclen) {
				nm->fast[cp] = FAST_SPECIAL;
				continue;
			}
			memcpy(bytes, nm->pool.s + (a >> 8), len);
		}
		memcpy(&v, bytes, 2);
		nm->fast[cp] = v | (uint32_t)len << 16;
	}
	ar_plain_init(&nm->same);
	for (cp = 0; cp < 0x680; cp++) {
		char b[2];
		uint16_t v;
		size_t len = ar_u8enc(cp, b);
		memcpy(&v, b, len);
		if (len == 1)
			v &= 0xFF;
		if (nm->fast[cp] == ((uint32_t)len << 16 | v))
			ar_plain_set(&nm->same, cp);
	}
	/* a two-byte letter that becomes another two-byte letter (ة to ه, أ to
	 * ا, ى to ي: most of what changes in Arabic text) is patched in place */
	for (cp = 0x80; cp < 0x800; cp++) {
		uint32_t a = nm->act[cp];
		if (a == ACT_KEEP || a == ACT_DEL || a == ACT_SPACE || (a & ACT_SUSPECT))
			continue;
		const unsigned char *r = (const unsigned char *)nm->pool.s + (a >> 8);
		if ((a & 0xFF) == 2 && r[0] >= 0xC2 && r[0] <= 0xDF) {
			nm->act[cp] = ACT_SAME2 | (uint32_t)r[0] << 8 | r[1];
			ar_plain_patch(&nm->same, cp, r);
		}
	}
	/* and one the fast table deletes or makes one byte (harakat,
	 * tatweel, digits), as it would */
	for (cp = 0x600; cp < 0x680; cp++) {
		uint32_t e = nm->fast[cp];
		unsigned char b = (unsigned char)e;
		if (!(e & FAST_SPECIAL) && (e >> 16) < 2)
			ar_plain_shrink(&nm->same, cp, &b, e >> 16);
	}
	ar_plain_ready(&nm->same);
}

void
ar_norm_free(struct ar_norm *nm)
{
	if (!nm)
		return;
	free(nm->act);
	free(nm->fast);
	free(nm->leadns);
	free(nm->second);
	free(nm->bystep);
	ar_lex_free(nm->ent_names);
	free(nm->ent);
	ar_buf_free(&nm->pool);
	free(nm);
}

/* ---- the hot path ---- */

static inline void
add_offs(struct ar_buf *offs, size_t nbytes, uint32_t from)
{
	size_t k;

	ar_buf_grow(offs, nbytes * 4);
	for (k = 0; k < nbytes; k++)
		memcpy(offs->s + offs->len + 4 * k, &from, 4);
	offs->len += nbytes * 4;
}

/* Offsets of a run of nbytes copied from s+at: each byte maps to its own
 * position, through base if the text was itself rewritten. */
static inline void
add_run_offs(struct ar_buf *offs, const uint32_t *base, size_t at, size_t nbytes)
{
	size_t k;

	ar_buf_grow(offs, nbytes * 4);
	for (k = 0; k < nbytes; k++) {
		uint32_t o = base ? base[at + k] : (uint32_t)(at + k);
		memcpy(offs->s + offs->len + 4 * k, &o, 4);
	}
	offs->len += nbytes * 4;
}

/* Slow path for a code point outside the BMP. */
static uint32_t
act_astral(const struct ar_norm *nm, int32_t cp, int32_t *out, int *n)
{
	*n = chain(nm, cp, out, 64);
	if (*n < 0) {
		if (nm->compose && compose_suspect(cp, nm->compose))
			return ACT_SUSPECT;
		return ACT_KEEP;
	}
	return *n == 0 ? ACT_DEL : 1;     /* 1: use out[] */
}

/* Index of the first code point from i on whose action is not KEEP, or of
 * anything longer than two bytes. ASCII and two-byte sequences are the whole
 * of Arabic text but for some punctuation, so this is the loop ar-norm lives
 * in: no branch on which of the two a character is, only the exit test. */
static inline size_t
scan_keep(const uint32_t *restrict act, const unsigned char *restrict s,
    size_t i, size_t n)
{
	while (i + 1 < n) {
		uint32_t b = s[i], two, c2, cp;

		if (b >= 0xE0)
			break;
		two = b >> 7;
		c2 = ((b & 0x1F) << 6) | (s[i + 1] & 0x3F);
		cp = b ^ ((b ^ c2) & (0u - two));
		if (act[cp])
			break;
		i += 1 + two;
	}
	return i;
}

/* What action a (not keep, delete or space) makes of cp: its bytes at *rep
 * (in tmp when built here), and their number. astral[0..an) is the mapping
 * of a code point outside the BMP. */
static size_t
replacement(const struct ar_norm *nm, uint32_t a, int32_t cp,
    const int32_t *astral, int an, char tmp[256], const char **rep)
{
	size_t len = 0;

	if (a & ACT_SAME2) {
		tmp[0] = (char)(a >> 8), tmp[1] = (char)a;
		*rep = tmp;
		return 2;
	}
	if (cp >= 0x10000) {
		for (int j = 0; j < an; j++)
			len += ar_u8enc(astral[j], tmp + len);
		*rep = tmp;
		return len;
	}
	*rep = nm->pool.s + (a >> 8);
	return a & 0xFF;
}

/* Map s[0..n) through the action table into out. Returns 0, or 1 when a
 * code point needs composition first (and compose is set): out is then
 * left as it was. */
static int
apply_map(const struct ar_norm *nm, const char *s, size_t n, struct ar_buf *out,
    struct ar_buf *offs, const uint32_t *base, int compose, int keep_second)
{
	const uint32_t *act = nm->act;
	size_t i = 0, run = 0, out0 = out->len, offs0 = offs ? offs->len : 0;
	int pending = 0;                /* a space waits for the next content */
	size_t content = 0;             /* bytes of content written (for trim) */
	uint32_t pend_off = 0;

#define FLUSH_RUN(upto) do { \
	if ((upto) > run) { \
		if (pending) { \
			ar_buf_addc(out, ' '); \
			if (offs) add_offs(offs, 1, pend_off); \
			pending = 0; \
		} \
		ar_buf_add(out, s + run, (upto) - run); \
		if (offs) add_run_offs(offs, base, run, (upto) - run); \
		content += (upto) - run; \
	} \
} while (0)

	ar_buf_grow(out, n + 16);
	while (i < n) {
		int32_t cp;
		size_t k;
		uint32_t a;

		i = scan_keep(act, (const unsigned char *)s, i, n);
		if (i >= n)
			break;
		k = ar_u8dec(s + i, &cp);
		a = cp < 0x10000 ? act[cp] : ACT_KEEP;
		if (keep_second && cp < 0x10000 && nm->second && nm->second[cp])
			a = ACT_KEEP;           /* composition needs it: later */
		if (a == ACT_KEEP && cp < 0x10000) {
			i += k;
			continue;
		}
		int32_t astral[64];
		int an = 0;
		if (cp >= 0x10000) {
			a = act_astral(nm, cp, astral, &an);
			if (a == ACT_KEEP) {
				i += k;
				continue;
			}
		}
		if (a & ACT_SUSPECT) {
			if (compose) {
				out->len = out0;
				if (offs)
					offs->len = offs0;
				return 1;
			}
			a &= ~ACT_SUSPECT;
			if (a == ACT_KEEP) {
				i += k;
				continue;
			}
		}
		FLUSH_RUN(i);
		uint32_t here = base ? base[i] : (uint32_t)i;
		if (a == ACT_DEL) {
			/* nothing */
		} else if (a == ACT_SPACE) {
			if (content && !pending)
				pending = 1, pend_off = here;
		} else {
			const char *rep;
			char tmp[256];
			size_t rlen = replacement(nm, a, cp, astral, an, tmp, &rep);
			if (pending) {
				ar_buf_addc(out, ' ');
				if (offs)
					add_offs(offs, 1, pend_off);
				pending = 0;
			}
			if (out->len + rlen > out->cap)
				ar_buf_grow(out, rlen);
			for (size_t r = 0; r < rlen; r++)      /* short: no memcpy call */
				out->s[out->len + r] = rep[r];
			out->len += rlen;
			if (offs)
				add_offs(offs, rlen, here);
			content += rlen;
		}
		i += k;
		run = i;
	}
	FLUSH_RUN(n);
#undef FLUSH_RUN
	return 0;
}

/* Stream-safe limit: a run of more marks than this is composed in pieces,
 * so 10 million combining marks stay linear (UAX #15, section 13). */
#define MAX_NONSTARTERS 30

/* Compose s[0..n) cluster by cluster into out, recording for each output
 * byte the input offset of its cluster. */
static void
compose_line(const struct ar_norm *nm, const char *s, size_t n,
    struct ar_buf *out, struct ar_buf *map)
{
	static utf8proc_int32_t *cps;
	static size_t capcps;
	size_t i = 0;

	while (i < n) {
		/* a cluster: one code point, then the non-starters after it */
		size_t start = i, marks = 0;
		int32_t cp;
		int suspect;

		i += ar_u8dec(s + i, &cp);
		suspect = cp >= 0x300 && compose_suspect(cp, nm->compose);
		while (i < n && marks < MAX_NONSTARTERS) {
			int32_t c2;
			size_t k = ar_u8dec(s + i, &c2);
			if (c2 < 0x300 || (utf8proc_get_property(c2)->combining_class == 0
			    && !second_starter(c2) && !(c2 < 0x10000
			    && (nm->leadns[c2 >> 3] >> (c2 & 7) & 1))))
				break;
			suspect = 1;
			marks++;
			i += k;
		}
		if (!suspect) {
			ar_buf_add(out, s + start, i - start);
			add_run_offs(map, NULL, start, i - start);
			continue;
		}
		size_t need = (i - start) * 4 + 8;
		for (;;) {
			if (need > capcps) {
				capcps = need;
				cps = ar_realloc(cps, capcps * sizeof *cps);
			}
			utf8proc_ssize_t k = utf8proc_decompose(
			    (const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(i - start),
			    cps, (utf8proc_ssize_t)capcps,
			    (utf8proc_option_t)((nm->compose & ~UTF8PROC_COMPOSE) | UTF8PROC_DECOMPOSE));
			if (k < 0) {            /* cannot happen on valid UTF-8 */
				ar_buf_add(out, s + start, i - start);
				add_run_offs(map, NULL, start, i - start);
				break;
			}
			if ((size_t)k > capcps) {
				need = (size_t)k;
				continue;
			}
			k = utf8proc_normalize_utf32(cps, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
			size_t before = out->len;
			for (utf8proc_ssize_t j = 0; j < k; j++)
				ar_buf_addcp(out, cps[j]);
			add_offs(map, out->len - before, (uint32_t)start);
			break;
		}
	}
}

/* Sixteen or 32 bytes at a time over text that stays as it is, copied
 * whole; a letter that becomes another two-byte letter (alef forms, teh
 * marbuta, alef maksura: the common change, one character in ten of news
 * text) is patched in the copy, without leaving the block loop. Stops at
 * anything else, for fast_run. */
static void
block_run(const struct ar_norm *nm, const unsigned char *s, size_t n,
    char *o, size_t *ip, size_t *wp)
{
	size_t i = *ip, w = *wp;

	for (;;) {
		unsigned other;
		size_t wrote;
		size_t p = ar_plain_copy(&nm->same, s, i, n, (unsigned char *)o + w, &other, &wrote);

		w += wrote, i = p;              /* whole blocks, patched */
		if (!other)
			break;
		memcpy(o + w, s + i, 16);
		while (other) {
			size_t j = (size_t)__builtin_ctz(other), at = i + j;
			other &= other - 1;
			/* a second byte: its lead is U+0600..U+067F's (or
			 * U+0080..U+00BF's, on the AVX-512 path) */
			if (s[at] < 0xC0 && at > *ip && s[at - 1] >= 0xC2 && s[at - 1] <= 0xDF) {
				uint32_t c = (uint32_t)(s[at - 1] & 0x1F) << 6 | (s[at] & 0x3F);
				uint32_t e = nm->fast[c];
				if (!(e & FAST_SPECIAL) && (e >> 16) == 2) {
					o[w + j - 1] = (char)e;
					o[w + j] = (char)(e >> 8);
					continue;
				}
				at--;
			}
			*ip = at, *wp = w + (at - i);
			return;
		}
		i += 16, w += 16;
	}
	/* end on a character boundary, not after a lead */
	if (i > *ip && s[i - 1] >= 0xC2 && s[i - 1] <= 0xDF)
		i--, w--;
	*ip = i, *wp = w;
}

/* apply_fast's inner loop, on its own so its few variables stay in
 * registers: from *ip in s to the first character the table cannot do,
 * writing at *wp in o. */
static void
fast_run(const uint32_t *restrict fast, const unsigned char *restrict s, size_t n,
    size_t until, char *restrict o, size_t *ip, size_t *wp)
{
	size_t i = *ip, w = *wp;

	while (i < until) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* two characters per step from one four-byte load: where the
		 * second starts is a shift by the first's length, not another
		 * load, which halves the chain of dependent loads */
		while (i + 4 <= n && i < until) {
			uint32_t x, b0, t0, c0, sh, b1, t1, c1, e0, e1;
			uint16_t v;

			memcpy(&x, s + i, 4);
			b0 = x & 0xFF;
			t0 = b0 >> 7;
			c0 = b0 ^ ((b0 ^ (((b0 & 0x1F) << 6) | ((x >> 8) & 0x3F))) & (0u - t0));
			sh = 8 + 8 * t0;
			b1 = (x >> sh) & 0xFF;
			t1 = b1 >> 7;
			c1 = b1 ^ ((b1 ^ (((b1 & 0x1F) << 6) | ((x >> (sh + 8)) & 0x3F))) & (0u - t1));
			if ((b0 >= 0xE0) | (b1 >= 0xE0))
				break;
			e0 = fast[c0];
			e1 = fast[c1];
			if ((e0 | e1) & FAST_SPECIAL)
				break;
			v = (uint16_t)e0;
			memcpy(o + w, &v, 2);
			w += (e0 >> 16) & 3;
			v = (uint16_t)e1;
			memcpy(o + w, &v, 2);
			w += (e1 >> 16) & 3;
			i += 2 + t0 + t1;
		}
#endif
		/* one character, then back to pairs */
		if (i + 1 >= n)
			break;
		uint32_t b = s[i], two, c2, cp, e;
		uint16_t v;

		if (b >= 0xE0)
			break;
		two = b >> 7;
		c2 = ((b & 0x1F) << 6) | (s[i + 1] & 0x3F);
		cp = b ^ ((b ^ c2) & (0u - two));
		e = fast[cp];
		if (e & FAST_SPECIAL)
			break;
		v = (uint16_t)e;
		memcpy(o + w, &v, 2);
		w += (e >> 16) & 3;
		i += 1 + two;
	}
	*ip = i;
	*wp = w;
}

/* The common case, no offsets and no space collapsing. ASCII and two-byte
 * characters (all of Arabic) go through the fast table: each writes its
 * replacement of at most two bytes (itself, another letter, a digit, or
 * nothing) with no branch but the exit test. Anything else is handled one
 * character at a time. Same return as apply_map. */
static int
apply_fast(const struct ar_norm *nm, const char *str, size_t n, struct ar_buf *out,
    int compose, size_t *stop)
{
	const uint32_t *fast = nm->fast, *act = nm->act;
	const unsigned char *s = (const unsigned char *)str;
	size_t base = out->len, i = 0, w = 0;
	char *o;

	ar_buf_grow(out, n + 16);
	o = out->s + base;
	for (;;) {
		size_t until = n;
		if (nm->same.simd) {
			/* blocks while they run long, the table for a few
			 * characters where they stop */
			block_run(nm, s, n, o, &i, &w);
			until = i + 8 < n ? i + 8 : n;
		}
		fast_run(fast, s, n, until, o, &i, &w);
		if (i >= n)
			break;
		if (i >= until)
			continue;
		/* one character the slow way */
		int32_t cp, astral[64];
		int an = 0;
		size_t k = ar_u8dec(str + i, &cp);
		uint32_t a;
		a = cp < 0x10000 ? act[cp] : act_astral(nm, cp, astral, &an);
		if ((a & ACT_SUSPECT) && a != ACT_DEL && compose) {
			/* stop: with stop, what is done stays in out */
			out->len = stop ? base + w : base;
			if (stop)
				*stop = i;
			return 1;
		}
		if (a != ACT_DEL && a != ACT_SPACE)
			a &= ~ACT_SUSPECT;
		char tmp[256];
		const char *rep = str + i;
		size_t rlen = k;
		if (a == ACT_DEL) {
			rlen = 0;
		} else if (a != ACT_KEEP && a != ACT_SPACE) {
			rlen = replacement(nm, a, cp, astral, an, tmp, &rep);
		}
		if (w + rlen + (n - i) + 16 > out->cap - base) {
			out->len = base + w;
			ar_buf_grow(out, rlen + (n - i) + 16);
			o = out->s + base;
		}
		memcpy(o + w, rep, rlen);
		w += rlen;
		i += k;
	}
	out->len = base + w;
	return 0;
}

/* Offsets through two rewrites: composed byte k came from mapped byte
 * map[k], which came from input byte first[map[k]]. */
static void
chain_offs(struct ar_buf *map, const struct ar_buf *first)
{
	uint32_t *m = (uint32_t *)map->s;
	const uint32_t *f = (const uint32_t *)first->s;

	for (size_t k = 0; k < map->len / 4; k++)
		m[k] = f[m[k]];
}

/* buffers of one text and the input offset of each of its bytes */
struct textoffs { struct ar_buf t, o; };

static int
same_text(const struct textoffs *a, const struct textoffs *b)
{
	return a->t.len == b->t.len && (!a->t.len || !memcmp(a->t.s, b->t.s, a->t.len));
}

/* dst = src mapped (keep_second: the marks that compose stay for now) */
static void
map_step(const struct ar_norm *nm, const struct textoffs *src, struct textoffs *dst,
    int keep_second)
{
	dst->t.len = dst->o.len = 0;
	apply_map(nm, src->t.s ? src->t.s : "", src->t.len, &dst->t, &dst->o,
	    (const uint32_t *)src->o.s, 0, keep_second);
}

/* dst = src composed; 1 if that changed it */
static int
compose_step(const struct ar_norm *nm, const struct textoffs *src, struct textoffs *dst)
{
	dst->t.len = dst->o.len = 0;
	compose_line(nm, src->t.s ? src->t.s : "", src->t.len, &dst->t, &dst->o);
	chain_offs(&dst->o, &src->o);
	return !same_text(src, dst);
}

static void
apply_steps(const struct ar_norm *nm, const char *s, size_t n,
    struct ar_buf *out, struct ar_buf *offs)
{
	static struct textoffs cur, comp, fin;

	if (!nm->ready)
		ar_die("internal error: ar_norm_ready not called");
	if (!offs && !(nm->steps & AR_STEP(AR_S_WHITESPACE))) {
		if (apply_fast(nm, s, n, out, nm->compose != 0, NULL) == 0)
			return;
	} else if (apply_map(nm, s, n, out, offs, NULL, nm->compose != 0, 0) == 0)
		return;
	/* A line composition may change. Map it first, so that what the steps
	 * delete (a ZWJ, a tatweel) does not stand between a letter and its
	 * mark and presentation forms are letters and marks, but keep the
	 * marks that compose (hamza above and below, madda); compose; map what
	 * composition made (alef + hamza below is إ, which the alef step makes
	 * ا, and that ا may meet a mark it composes with: ا ٕ ٕ); and again
	 * until composing changes nothing. Then the marks left over go as the
	 * steps say, and if that lets two characters compose (a hamza mark
	 * stood between i and its acute), round again. Each round takes a
	 * character away, so this ends; and a second run changes nothing. */
	cur.t.len = cur.o.len = 0;
	apply_map(nm, s, n, &cur.t, &cur.o, NULL, 0, 1);
	for (;;) {
		if (compose_step(nm, &cur, &comp)) {
			map_step(nm, &comp, &cur, 1);
			continue;
		}
		map_step(nm, &cur, &fin, 0);
		if (same_text(&fin, &cur) || !compose_step(nm, &fin, &comp))
			break;
		map_step(nm, &comp, &cur, 1);
	}
	ar_buf_add(out, fin.t.s, fin.t.len);
	if (offs)
		ar_buf_add(offs, fin.o.s, fin.o.len);
}

void
ar_norm_apply(const struct ar_norm *nm, const char *s, size_t n,
    struct ar_buf *out, struct ar_buf *offs)
{
	static struct ar_buf dec, dofs, res, rofs;

	if (!(nm->steps & AR_STEP(AR_S_ENTITIES)) || !memchr(s, '&', n)) {
		apply_steps(nm, s, n, out, offs);
		return;
	}
	/* references first (&#1573; is إ, which the alef step makes ا); and
	 * again if the steps made a new one (a fullwidth ＆ by nfkc) */
	dec.len = dofs.len = 0;
	decode_entities(nm, s, n, &dec, &dofs);
	for (int round = 0;; round++) {
		res.len = rofs.len = 0;
		apply_steps(nm, dec.s ? dec.s : "", dec.len, &res, &rofs);
		chain_offs(&rofs, &dofs);
		if (round == 8 || !memchr(res.s ? res.s : "", '&', res.len))
			break;
		dec.len = dofs.len = 0;
		if (!decode_entities(nm, res.s, res.len, &dec, &dofs))
			break;
		chain_offs(&dofs, &rofs);
	}
	ar_buf_add(out, res.s, res.len);
	if (offs)
		ar_buf_add(offs, rofs.s, rofs.len);
}

int
ar_norm_lines_ok(const struct ar_norm *nm)
{
	if (!nm->ready || (nm->steps & (AR_STEP(AR_S_WHITESPACE) | AR_STEP(AR_S_ENTITIES))))
		return 0;
	if (nm->act['\n'] != ACT_KEEP || nm->act['\r'] != ACT_KEEP
	    || nm->fast['\n'] != (1u << 16 | '\n'))
		return 0;
	/* no replacement holds a newline or a CR (--map) */
	return !memchr(nm->pool.s ? nm->pool.s : "", '\n', nm->pool.len)
	    && !memchr(nm->pool.s ? nm->pool.s : "", '\r', nm->pool.len);
}

void
ar_norm_lines(const struct ar_norm *nm, const char *s, size_t n, struct ar_buf *out)
{
	size_t pos = 0;

	if (!nm->ready)
		ar_die("internal error: ar_norm_ready not called");
	while (pos < n) {
		size_t base = out->len, stop;
		if (apply_fast(nm, s + pos, n - pos, out, nm->compose != 0, &stop) == 0) {
			if (s[n - 1] != '\n')
				ar_buf_addc(out, '\n');
			return;
		}
		/* a line composition may change: the lines before it stay as
		 * they came out (a newline maps to itself, and nothing else to
		 * a newline, so the last one out ends the last line done) */
		const char *nl = memrchr(s + pos, '\n', stop);
		size_t ls = nl ? (size_t)(nl - s) + 1 : pos;
		const char *onl = memrchr(out->s + base, '\n', out->len - base);
		out->len = onl ? (size_t)(onl - out->s) + 1 : base;
		nl = memchr(s + ls, '\n', n - ls);
		size_t le = nl ? (size_t)(nl - s) : n;
		apply_steps(nm, s + ls, le - ls, out, NULL);
		ar_buf_addc(out, '\n');
		pos = le + 1;
	}
}

/* ---- the matching fold: what every tool compares words with ---- */

static struct ar_norm *fold_nm;

const struct ar_norm *
ar_fold_norm(void)
{
	if (!fold_nm) {
		fold_nm = ar_norm_new(ar_steps_default);
		ar_norm_ready(fold_nm);
	}
	return fold_nm;
}

size_t
ar_norm_cp(const struct ar_norm *nm, int32_t cp, char *out)
{
	uint32_t a;
	int32_t astral[64];
	int an = 0;
	char tmp[256];
	const char *rep;
	size_t len;

	if (cp < 0x10000) {
		a = nm->act[cp] & ~ACT_SUSPECT;
	} else {
		a = act_astral(nm, cp, astral, &an) & ~ACT_SUSPECT;
	}
	if (a == ACT_KEEP)
		return ar_u8enc(cp, out);
	if (a == ACT_DEL)
		return 0;
	if (a == ACT_SPACE) {
		out[0] = ' ';
		return 1;
	}
	len = replacement(nm, a, cp, astral, an, tmp, &rep);
	if (len > AR_FOLD_MAX)
		len = AR_FOLD_MAX;
	memcpy(out, rep, len);
	return len;
}

/* A-Z to a-z in s[0..n), other bytes as they are: eight bytes at a time
 * (most of a folded line is Arabic, with no byte to change), the high
 * bit of each byte that is an ASCII capital turned into its 0x20. */
static void
lower_ascii(char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		uint64_t low7 = x & ~high;
		uint64_t ge_a = low7 + ones * (0x80 - 'A');     /* high bit: >= 'A' */
		uint64_t gt_z = low7 + ones * (0x7F - 'Z');     /* high bit: > 'Z' */
		uint64_t caps = (ge_a & ~gt_z) & ~x & high;
		if (caps) {
			x ^= caps >> 2;
			memcpy(s + i, &x, 8);
		}
	}
	for (; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] += 'a' - 'A';
}

void
ar_fold(const char *s, size_t n, struct ar_buf *out, int flags)
{
	size_t at = out->len;

	ar_norm_apply(ar_fold_norm(), s, n, out, NULL);
	if (flags & AR_FOLD_CASE)
		lower_ascii(out->s + at, out->len - at);
}

size_t
ar_fold_cp(int32_t cp, char *out, int flags)
{
	if (cp < 0x80) {
		if ((flags & AR_FOLD_CASE) && cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		out[0] = (char)cp;
		return 1;
	}
	return ar_norm_cp(ar_fold_norm(), cp, out);
}
