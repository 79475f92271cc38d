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

void usage_expand(char *text, int id)
{
	const unsigned char *p = usage_packed;
	int i;

	for (i = 0; i < id; i++)
		p += strlen((const char *)p) + 1;
	for (; *p; p++)
		text = expand(text, *p);
	*text = '\0';
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
