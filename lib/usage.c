/* The help texts, unpacked when printed (see ip/usage.awk). */
#include <stdarg.h>
#include <string.h>

#include "usage.h"

/* Code c as text at out: 1..95 are ' '..'~', 96 '\n', 97 '\t', 98 and
 * up a pair of codes. */
static char *expand(char *out, unsigned int c)
{
	if (c < 98) {
		*out++ = c == 96 ? '\n' : c == 97 ? '\t' : (char)(c + 31);
		return out;
	}
	out = expand(out, usage_pairs[c - 98][0]);
	return expand(out, usage_pairs[c - 98][1]);
}

/* n codes from p, or up to the 0 that ends a text; a reference (code
 * USAGE_REF + n - 4, then where, in two bytes base 255 plus 1) stands for
 * n codes from an earlier place. */
static char *expand_run(char *out, const unsigned char *p, unsigned int n)
{
	for (; n && *p; n--, p++) {
		if (*p < USAGE_REF) {
			out = expand(out, *p);
			continue;
		}
		out = expand_run(out, usage_packed + (p[1] - 1) * 255 + p[2] - 1,
				 *p - USAGE_REF + 4);
		p += 2;
	}
	return out;
}

void usage_expand(char *text, int id)
{
	const unsigned char *p = usage_packed;
	int i;

	for (i = 0; i < id; i++)
		p += strlen((const char *)p) + 1;
	*expand_run(text, p, -1u) = '\0';
}

void usage_print(FILE *f, int id, ...)
{
	char text[USAGE_MAX];
	va_list ap;

	usage_expand(text, id);
	va_start(ap, id);
	vfprintf(f, text, ap);
	va_end(ap);
}
