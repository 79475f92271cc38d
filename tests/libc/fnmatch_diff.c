/* lib/libc/fnmatch.c against the C library's fnmatch (glibc: what the
 * reference ip calls) with flags 0, on hand-picked and on random patterns.
 * Prints each disagreement; exit status 1 if there was one. */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int small_fnmatch(const char *pattern, const char *string, int flags);

static int bad;

static void check(const char *p, const char *s)
{
	int want = fnmatch(p, s, 0) == 0, got = small_fnmatch(p, s, 0) == 0;

	if (want != got && bad++ < 50)
		printf("pattern '%s' string '%s': glibc %d, ours %d\n", p, s,
		       want, got);
}

static void random_str(char *b, int max, const char *alpha)
{
	int n = rand() % max, i, k = strlen(alpha);

	for (i = 0; i < n; i++)
		b[i] = alpha[rand() % k];
	b[n] = '\0';
}

int main(int argc, char **argv)
{
	static const char *const fixed[][2] = {
		{ "eth0*", "eth0:1" }, { "eth*", "veth0" }, { "*:1", "eth0:1" },
		{ "[", "[" }, { "[a", "a" }, { "[a", "[a" }, { "[]", "]" },
		{ "[]a]", "]" }, { "[!]]", "a" }, { "[^a]", "b" }, { "a\\", "a\\" },
		{ "\\*", "*" }, { "[[:alpha:]]", "x" }, { "[[:alpha:]]", "1" },
		{ "[[:foo:]]", "f" }, { "[[:alpha:]", "a" }, { "[[:Alpha:]]", "A" },
		{ "[a-]", "-" }, { "[a-", "a" }, { "[a-", "b" }, { "[-a]", "-" },
		{ "[z-a]", "m" }, { "[a-\\]]", "b" }, { "[\\]", "\\" },
		{ "[[=a=]]", "a" }, { "[[.a.]]", "a" }, { "[[.-.]]", "-" },
		{ "*a*b*c", "xaybzc" }, { "**", "" }, { "?", "" }, { "", "" },
		{ "[\x80-\xff]", "\xe9" }, { "\xe9*", "\xe9t" }, { "[[:print:]]", "\x80" },
	};
	const char *alpha = "ab*?[]!^-\\:.=";
	char p[16], s[12];
	long i, n = argc > 1 ? atol(argv[1]) : 2000000;

	for (i = 0; i < (long)(sizeof(fixed) / sizeof(fixed[0])); i++)
		check(fixed[i][0], fixed[i][1]);
	srand(1);
	for (i = 0; i < n; i++) {
		random_str(p, sizeof(p), i & 1 ? alpha : "ab*?[]-!\\");
		random_str(s, sizeof(s), i & 2 ? "ab" : "ab[]-!\\*?:");
		check(p, s);
		if (i % 7 == 0) {	/* classes, both spellings */
			snprintf(p, sizeof(p), "*[%s[:%s:]]*", i & 8 ? "!" : "",
				 (const char *[]){ "alpha", "digit", "punct",
						   "space", "xdigit", "upper",
						   "lowe", "print" }[i % 8]);
			check(p, s);
		}
	}
	printf("%d disagreements\n", bad);
	return bad != 0;
}
