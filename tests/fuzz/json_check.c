/* Recursive descent over the JSON grammar; no values are built. */
#include <string.h>

#include "json_check.h"

struct jp {
	const char *p, *end;
	int depth;
};

static bool value(struct jp *j);

static void blanks(struct jp *j)
{
	while (j->p < j->end && strchr(" \t\n\r", *j->p) && *j->p)
		j->p++;
}

static bool eat(struct jp *j, char c)
{
	blanks(j);
	if (j->p < j->end && *j->p == c) {
		j->p++;
		return true;
	}
	return false;
}

static bool word(struct jp *j, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n))
		return false;
	j->p += n;
	return true;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static bool string(struct jp *j)
{
	if (!eat(j, '"'))
		return false;
	while (j->p < j->end) {
		unsigned char c = *j->p++;

		if (c == '"')
			return true;
		if (c < 0x20)
			return false;
		if (c != '\\')
			continue;
		if (j->p >= j->end)
			return false;
		c = *j->p++;
		if (c == 'u') {
			int i;

			for (i = 0; i < 4; i++)
				if (j->p >= j->end || !is_hex(*j->p++))
					return false;
		} else if (!strchr("\"\\/bfnrt", c) || !c) {
			return false;
		}
	}
	return false;
}

static bool digits(struct jp *j)
{
	const char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s;
}

static bool number(struct jp *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (!digits(j))
		return false;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!digits(j))
			return false;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!digits(j))
			return false;
	}
	return true;
}

/* Members of an object (obj) or elements of an array, after the opener. */
static bool members(struct jp *j, bool obj)
{
	char close = obj ? '}' : ']';

	if (eat(j, close))
		return true;
	do {
		if (obj && (!string(j) || !eat(j, ':')))
			return false;
		if (!value(j))
			return false;
	} while (eat(j, ','));
	return eat(j, close);
}

static bool value(struct jp *j)
{
	bool ok;

	blanks(j);
	if (j->p >= j->end || ++j->depth > 64)
		return false;
	switch (*j->p) {
	case '{': j->p++; ok = members(j, true); break;
	case '[': j->p++; ok = members(j, false); break;
	case '"': ok = string(j); break;
	case 't': ok = word(j, "true"); break;
	case 'f': ok = word(j, "false"); break;
	case 'n': ok = word(j, "null"); break;
	default: ok = number(j);
	}
	j->depth--;
	return ok;
}

bool json_valid(const char *s, size_t len)
{
	struct jp j = { s, s + len, 0 };

	if (!value(&j))
		return false;
	blanks(&j);
	return j.p == j.end;
}
