/* json.c: the JSON Lines reader of --input=jsonl (src/lib/json.c). */
#include "arlib.h"
#include "check.h"

static const struct { const char *in; int members; } objects[] = {
	{ "{\"id\": 1, \"text\": \"قال\"}", 2 },
	{ "  {\"id\":\"a\",\"text\":\"x\\ny\",\"meta\":{\"url\":\"u\",\"t\":[1,2,{\"z\":null}]}}  ", 3 },
	{ "{}", 0 },
	{ "{\"a\":-1.5e3,\"b\":true,\"c\":false,\"d\":null,\"e\":[]}", 5 },
	{ "{\"a\":1,}", -1 },
	{ "{\"a\":01}", -1 },
	{ "{\"a\":\"\x01\"}", -1 },          /* a raw control in a string */
	{ "{\"a\":\"x\\q\"}", -1 },
	{ "{\"a\":[1,2}", -1 },
	{ "[1,2]", -1 },
	{ "{\"a\":1} x", -1 },
	{ "{\"a\":tru}", -1 },
	{ "", -1 },
};

int
main(void)
{
	struct ar_json_member m[8];

	ar_init("json", "", "");
	for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++) {
		int k = ar_json_members(objects[i].in, strlen(objects[i].in), m, 8);
		check(k == objects[i].members, "case %zu: %d members, want %d", i, k, objects[i].members);
	}
	const char *rec = "{\"id\":\"p1\",\"text\":\"\\u0642\\u0627\\u0644 \\\"\\u00e9\\\"\\n\\ud83d\\ude00 \\ud800x\"}";
	int k = ar_json_members(rec, strlen(rec), m, 8);
	check(k == 2 && m[1].keylen == 4 && !memcmp(m[1].key, "text", 4), "the text member");
	struct ar_buf b = { 0 };
	check(ar_json_decode(m[1].val, m[1].vallen, &b) == 0, "decodes");
	ar_buf_addc(&b, 0);
	check_str(b.s, "قال \"é\"\n\xf0\x9f\x98\x80 \xef\xbf\xbdx", "escapes, a pair, a lone surrogate");
	b.len = 0;
	check(ar_json_decode("12", 2, &b) < 0, "a number is no string");
	ar_buf_free(&b);
	return check_done("json");
}
