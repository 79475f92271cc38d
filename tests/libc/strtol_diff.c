/* lib/musl/strtol.c against the C library's (glibc: what the reference
 * uses) on hand-picked and random strings in bases 0, 8, 10 and 16: value,
 * end and errno.  Prints each disagreement; exit status 1 if there was one. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned long long small_strtoull(const char *s, char **end, int base);
unsigned long small_strtoul(const char *s, char **end, int base);
long long small_strtoll(const char *s, char **end, int base);
long small_strtol(const char *s, char **end, int base);

static long bad;

#define CHECK(fn, s, base, fmt)                                              \
	do {                                                                 \
		char *e1, *e2;                                               \
		int r1, r2;                                                  \
		errno = 0;                                                   \
		__typeof__(fn(s, &e1, base)) a = fn(s, &e1, base);           \
		r1 = errno;                                                  \
		errno = 0;                                                   \
		__typeof__(a) b = small_##fn(s, &e2, base);                  \
		r2 = errno;                                                  \
		if ((a != b || e1 != e2 || r1 != r2) && bad++ < 30)          \
			printf(#fn "('%s', %d): libc " fmt " end %d errno %d, " \
			       "ours " fmt " end %d errno %d\n", s, base, a,  \
			       (int)(e1 - s), r1, b, (int)(e2 - s), r2);     \
	} while (0)

static void check(const char *s, int base)
{
	CHECK(strtoull, s, base, "%llu");
	CHECK(strtoul, s, base, "%lu");
	CHECK(strtoll, s, base, "%lld");
	CHECK(strtol, s, base, "%ld");
}

int main(int argc, char **argv)
{
	static const char *const fixed[] = {
		"", " ", "0", "-0", "+", "-", "0x", "0xg", "0x1f", "0X1F", "-0x10",
		"010", "08", "09", "  \t\n42abc", "18446744073709551615",
		"18446744073709551616", "-18446744073709551615",
		"-18446744073709551616", "9223372036854775807",
		"9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "0xffffffffffffffff", "0x10000000000000000",
		"4294967295", "4294967296", "z", "+-1", "- 1", "0x-1", "00x1",
	};
	static const int bases[] = { 0, 8, 10, 16 };
	const char *alpha = "0123456789abcdefxX+- \t89z";
	long i, n = argc > 1 ? atol(argv[1]) : 500000;
	char s[32];
	int k, len;
	size_t j;

	for (j = 0; j < sizeof(fixed) / sizeof(fixed[0]); j++)
		for (k = 0; k < 4; k++)
			check(fixed[j], bases[k]);
	srand(1);
	for (i = 0; i < n; i++) {
		len = rand() % 26;
		for (k = 0; k < len; k++)
			s[k] = alpha[rand() % (i & 1 ? 25 : 10)];
		s[len] = '\0';
		check(s, bases[i % 4]);
	}
	printf("%ld disagreements\n", bad);
	return bad != 0;
}
