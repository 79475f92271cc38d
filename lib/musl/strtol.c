/* strtol() and its siblings for the musl build: musl's go through its
 * generic scanner of FILE streams (2.4 KB); these read a string directly.
 * Same rules: leading space, a sign, "0x" for base 16 or 0 (only before a
 * hex digit), a leading 0 for octal in base 0; *end at the first unused
 * character, or at s itself when no digit came; ERANGE and the limit on
 * overflow; an unsigned result of a "-" number is negated.
 * tests/build.bats checks them against glibc's. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

static int digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 32;
	return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

/* The magnitude read, at most lim_pos (lim_neg after a '-'); *over when it
 * was more. */
static unsigned long long scan(const char *s, char **end, int base,
			       unsigned long long lim_pos,
			       unsigned long long lim_neg, bool *neg, bool *over)
{
	const char *p = s;
	unsigned long long v = 0, lim;
	bool any = false;
	int d;

	while (isspace((unsigned char)*p))
		p++;
	*neg = *p == '-';
	p += *p == '+' || *p == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
	    digit(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	lim = *neg ? lim_neg : lim_pos;
	*over = false;
	for (; (d = digit(*p)) < base; p++) {
		any = true;
		if (*over || v > (lim - d) / base)
			*over = true;
		else
			v = v * base + d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	if (*over)
		errno = ERANGE;
	return v;
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	bool neg, over;
	unsigned long long v = scan(s, end, base, ULLONG_MAX, ULLONG_MAX, &neg, &over);

	return over ? ULLONG_MAX : neg ? -v : v;
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	bool neg, over;
	unsigned long v = scan(s, end, base, ULONG_MAX, ULONG_MAX, &neg, &over);

	return over ? ULONG_MAX : neg ? -v : v;
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	bool neg, over;
	unsigned long long v = scan(s, end, base, LLONG_MAX,
				    (unsigned long long)LLONG_MAX + 1, &neg, &over);

	if (over)
		return neg ? LLONG_MIN : LLONG_MAX;
	return neg ? (long long)-v : (long long)v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	bool neg, over;
	unsigned long v = scan(s, end, base, LONG_MAX,
			       (unsigned long)LONG_MAX + 1, &neg, &over);

	if (over)
		return neg ? LONG_MIN : LONG_MAX;
	return neg ? (long)-v : (long)v;
}
