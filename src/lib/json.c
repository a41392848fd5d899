/* json.c: just enough JSON for --input=jsonl: one object a line, as Spark,
 * Dask, datatrove and dolma pass documents. The members of the top-level
 * object are found (nested values are skipped whole, checked for balance
 * and well-formed strings), string values decoded to UTF-8, and a line
 * written back with one member's value replaced, every other byte as it
 * came. */
#include "arlib.h"

static size_t
skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i;
}

/* The end of the string that starts at s[i] == '"', or 0 if it is not one. */
static size_t
string_end(const char *s, size_t n, size_t i)
{
	for (i++; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"')
			return i + 1;
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			if (++i >= n)
				return 0;
			if (s[i] == 'u') {
				for (int k = 1; k <= 4; k++) {
					char h = i + (size_t)k < n ? s[i + (size_t)k] : 0;
					if (!((h >= '0' && h <= '9') || ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')))
						return 0;
				}
				i += 4;
			} else if (!strchr("\"\\/bfnrt", s[i])) {
				return 0;
			}
		}
	}
	return 0;
}

static size_t
digits(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/* A number, true, false or null at s[i]: its end, or 0. */
static size_t
scalar_end(const char *s, size_t n, size_t i)
{
	static const char *const lit[] = { "true", "false", "null" };
	size_t b, e;

	for (int k = 0; k < 3; k++) {
		size_t l = strlen(lit[k]);
		if (n - i >= l && !memcmp(s + i, lit[k], l))
			return i + l;
	}
	if (s[i] == '-')
		i++;
	b = i;
	if ((e = digits(s, n, i)) == b)
		return 0;
	if (s[b] == '0' && e > b + 1)
		return 0;
	i = e;
	if (i < n && s[i] == '.') {
		if ((e = digits(s, n, i + 1)) == i + 1)
			return 0;
		i = e;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if ((e = digits(s, n, i)) == i)
			return 0;
		i = e;
	}
	return i;
}

/* The end of the value at s[i], or 0 if it is not a JSON value. Nesting
 * is counted, not recursed into, so depth costs no stack. */
static size_t
value_end(const char *s, size_t n, size_t i)
{
	size_t depth = 0;

	if (i >= n)
		return 0;
	if (s[i] == '"')
		return string_end(s, n, i);
	if (s[i] != '{' && s[i] != '[')
		return scalar_end(s, n, i);
	for (; i < n; i++) {
		char c = s[i];
		if (c == '"') {
			size_t e = string_end(s, n, i);
			if (!e)
				return 0;
			i = e - 1;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return 0;
			if (--depth == 0)
				return i + 1;
		}
	}
	return 0;
}

int
ar_json_members(const char *s, size_t n, struct ar_json_member *m, int max)
{
	size_t i = skip_ws(s, n, 0);
	int k = 0;

	if (i >= n || s[i] != '{')
		return -1;
	i = skip_ws(s, n, i + 1);
	if (i < n && s[i] == '}')
		return skip_ws(s, n, i + 1) == n ? 0 : -1;
	for (;;) {
		size_t ke, ve, vb;
		if (i >= n || s[i] != '"' || !(ke = string_end(s, n, i)))
			return -1;
		size_t kb = i;
		i = skip_ws(s, n, ke);
		if (i >= n || s[i] != ':')
			return -1;
		vb = skip_ws(s, n, i + 1);
		if (!(ve = value_end(s, n, vb)))
			return -1;
		if (k < max) {
			m[k].key = s + kb + 1, m[k].keylen = ke - kb - 2;
			m[k].val = s + vb, m[k].vallen = ve - vb;
		}
		k++;
		i = skip_ws(s, n, ve);
		if (i < n && s[i] == ',') {
			i = skip_ws(s, n, i + 1);
			continue;
		}
		if (i < n && s[i] == '}')
			return skip_ws(s, n, i + 1) == n ? (k < max ? k : max) : -1;
		return -1;
	}
}

static int
hexval(char h)
{
	return h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10;
}

int
ar_json_decode(const char *v, size_t n, struct ar_buf *out)
{
	if (n < 2 || v[0] != '"' || v[n - 1] != '"')
		return -1;
	for (size_t i = 1; i + 1 < n; i++) {
		char c = v[i];
		if (c != '\\') {
			ar_buf_addc(out, c);
			continue;
		}
		c = v[++i];
		switch (c) {
		case 'b': ar_buf_addc(out, '\b'); break;
		case 'f': ar_buf_addc(out, '\f'); break;
		case 'n': ar_buf_addc(out, '\n'); break;
		case 'r': ar_buf_addc(out, '\r'); break;
		case 't': ar_buf_addc(out, '\t'); break;
		case 'u': {
			int32_t cp = 0;
			for (int k = 1; k <= 4; k++)
				cp = cp * 16 + hexval(v[i + (size_t)k]);
			i += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < n && v[i + 1] == '\\' && v[i + 2] == 'u') {
				int32_t lo = 0;
				for (int k = 3; k <= 6; k++)
					lo = lo * 16 + hexval(v[i + (size_t)k]);
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					i += 6;
				}
			}
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = 0xFFFD;            /* a lone surrogate */
			ar_buf_addcp(out, cp);
			break;
		}
		default: ar_buf_addc(out, c);  /* " \ / */
		}
	}
	return 0;
}
