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

void usage_print(FILE *f, int id, ...)
{
	const unsigned char *p = usage_packed;
	char text[USAGE_MAX], *end = text;
	va_list ap;
	int i;

	for (i = 0; i < id; i++)
		p += strlen((const char *)p) + 1;
	for (; *p; p++)
		end = expand(end, *p);
	*end = '\0';
	va_start(ap, id);
	vfprintf(f, text, ap);
	va_end(ap);
}
