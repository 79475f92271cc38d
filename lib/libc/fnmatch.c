/* fnmatch() for "ip address show label PATTERN".  The reference calls
 * glibc's fnmatch(pattern, label, 0) in the C locale, where matching is
 * byte by byte; the libraries' own bring wide-character classification
 * and case tables to do the same (musl: 17 KB, a tenth of the musl binary;
 * glibc, static: 33 KB).  This one links in place of the libc's in both
 * static builds and does what glibc does with flags 0 and the C locale,
 * malformed patterns included (an unclosed '[' is a plain character, a
 * trailing '\' never matches); other flags are not supported.
 * tests/libc/fnmatch_diff.c checks it against glibc's. */
#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

enum { MISS, MATCH, LITERAL };

/* "[:name:]" at p ('[' ':' ...): the name's length, or -1 when a character
 * outside a-y comes first (glibc then reads the '[' as a plain character). */
static int class_len(const char *p)
{
	int n;

	for (n = 0; p[2 + n] != ':' || p[3 + n] != ']'; n++)
		if (p[2 + n] < 'a' || p[2 + n] >= 'z')
			return -1;
	return n;
}

/* 1 or 0 for c in the class, -1 for a name that is no class. */
static int in_class(const char *name, int len, unsigned char c)
{
	static const char names[] = "alnum\0alpha\0blank\0cntrl\0digit\0graph\0"
				    "lower\0print\0punct\0space\0upper\0xdigit";
	static int (*const test[])(int) = {
		isalnum, isalpha, isblank, iscntrl, isdigit, isgraph,
		islower, isprint, ispunct, isspace, isupper, isxdigit,
	};
	const char *s = names;
	unsigned int i;

	for (i = 0; i < sizeof(test) / sizeof(test[0]); i++, s += strlen(s) + 1)
		if ((int)strlen(s) == len && !memcmp(s, name, len))
			return c < 0x80 && test[i](c);
	return -1;
}

/* "[.x.]" at p ('[' '.' ...): the C locale names no collating element
 * but the character itself.  Returns x and moves *pp past the "]"; -1 for
 * anything else (glibc then fails the whole match). */
static int collating(const char **pp)
{
	const char *p = *pp;

	if (!p[2] || p[3] != '.' || p[4] != ']')
		return -1;
	*pp = p + 5;
	return (unsigned char)p[2];
}

static const char malformed[] = "";

/* After a match inside [...]: find the closing ']'.  NULL: none (the
 * '[' is then a plain character); malformed for a broken "[=" (glibc
 * then fails the whole match). */
static const char *bracket_end(const char *p)
{
	int n;

	for (;;) {
		char c = *p++;

		if (!c)
			return NULL;
		if (c == '\\') {
			if (!*p++)
				return NULL;
		} else if (c == '[' && *p == ':' && (n = class_len(p - 1)) >= 0) {
			p += n + 3;
		} else if (c == '[' && *p == '=') {
			if (!p[1] || p[2] != '=' || p[3] != ']')
				return malformed;
			p += 4;
		} else if (c == '[' && *p == '.') {
			p--;
			if (collating(&p) < 0)
				return NULL;
		} else if (c == ']') {
			return p;
		}
	}
}

/* A bracket element that names classes of characters: "[:name:]" or
 * "[=x=]" at p - 1.  Returns MATCH or MISS for c and moves *pp past it,
 * -1 for a class name that does not exist, -2 if this is no such element. */
static int class_elem(const char **pp, unsigned char c)
{
	const char *p = *pp - 1;
	int n;

	if (p[1] == ':' && (n = class_len(p)) >= 0) {
		*pp = p + n + 4;
		return in_class(p + 2, n, c);
	}
	if (p[1] == '=' && p[2] && p[3] == '=' && p[4] == ']') {
		*pp = p + 5;
		return (unsigned char)p[2] == c;
	}
	return -2;
}

/* One bracket expression; p is just past the '['.  On MATCH *end is past
 * its ']'.  LITERAL: the bracket never closes, the '[' is a plain char. */
static int bracket(const char *p, unsigned char c, const char **end)
{
	int neg = *p == '!' || (*p == '^' && !getenv("POSIXLY_CORRECT"));
	int ch, lo, hi, r, range;

	p += neg;
	ch = (unsigned char)*p++;
	for (;;) {
		range = *p == '-' && p[1] && p[1] != ']';
		if (ch == '\\') {
			if (!*p)
				return MISS;
			ch = (unsigned char)*p++;
			range = *p == '-' && p[1] && p[1] != ']';
		} else if (ch == '[' && (r = class_elem(&p, c)) != -2) {
			if (r < 0)
				return MISS;
			if (r)
				goto matched;
			ch = (unsigned char)*p++;
			goto next;
		} else if (ch == '[' && *p == '.') {
			p--;
			if ((ch = collating(&p)) < 0)
				return MISS;
			range = *p == '-' && p[1];
		} else if (!ch) {
			return LITERAL;
		}
		/* ch is one character, maybe the start of a range. */
		if (ch == c && !range)
			goto matched;
		lo = ch;
		ch = (unsigned char)*p++;
		if (ch == '-' && *p != ']') {
			hi = (unsigned char)*p++;
			if (hi == '\\')
				hi = (unsigned char)*p++;
			else if (hi == '[' && *p == '.' && (p--, hi = collating(&p)) < 0)
				return MISS;
			if (!hi)
				return MISS;
			if (lo <= c && c <= hi)
				goto matched;
			ch = (unsigned char)*p++;
		}
next:
		if (ch == ']')
			break;
	}
	*end = p;
	return neg ? MATCH : MISS;
matched:
	*end = bracket_end(p);
	if (!*end)
		return LITERAL;
	return neg || *end == malformed ? MISS : MATCH;
}

/* Match the pattern element at *pp against c and step past it. */
static int match_one(const char **pp, unsigned char c)
{
	const char *p = *pp;
	int r;

	switch (*p) {
	case '?':
		*pp = p + 1;
		return MATCH;
	case '\\':
		if (!p[1])
			return MISS;
		*pp = p + 2;
		return (unsigned char)p[1] == c;
	case '[':
		r = bracket(p + 1, c, pp);
		if (r != LITERAL)
			return r;
		/* fall through */
	default:
		*pp = p + 1;
		return (unsigned char)*p == c;
	}
}

/* Glob matching with one backtracking point: the last '*' seen, which
 * then swallows one more character of the string at each retry. */
int fnmatch(const char *pattern, const char *string, int flags)
{
	const char *p = pattern, *s = string, *star = NULL, *star_s = NULL;

	(void)flags;
	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			if (!*p)
				return 0;
			star = p;
			star_s = s;
			continue;
		}
		if (!*s && !*p)
			return 0;
		if (*s && *p && match_one(&p, *s) == MATCH) {
			s++;
			continue;
		}
		if (!star || !*star_s)
			return FNM_NOMATCH;
		p = star;
		s = ++star_s;
	}
}
