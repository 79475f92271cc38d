/* scan_uint() (lib/util.c) against the C library's sscanf "if%u" and "%x"
 * (glibc: what the reference ip calls), on hand-picked and random strings.
 * Prints each disagreement; exit status 1 if there was one. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool scan_uint(const char *s, const char *prefix, int base, unsigned int *v);

static int bad;

static void check(const char *s, int base)
{
	unsigned int want = 0, got = 0;
	bool w = sscanf(s, base == 16 ? "%x" : "if%u", &want) == 1;
	bool g = scan_uint(s, base == 16 ? "" : "if", base, &got);

	if ((w != g || (w && want != got)) && bad++ < 50)
		printf("'%s' base %d: sscanf %d %u, ours %d %u\n", s, base, w,
		       want, g, got);
}

int main(int argc, char **argv)
{
	static const char *const fixed[] = {
		"", "0", "ff", "FF", "0x", "0X1f", "0xg", "-1", "+5", " 7", "\t\n8",
		"- 1", "4294967295", "4294967296", "18446744073709551615",
		"18446744073709551616", "99999999999999999999999", "-0x10",
		"100", "1ff", "0x0x", "x1", "00012",
	};
	const char *alpha = "0123456789abcdefxX+- \tgi:";
	char s[24];
	long i, n = argc > 1 ? atol(argv[1]) : 1000000;
	int k, len, na = strlen(alpha);

	for (i = 0; i < (long)(sizeof(fixed) / sizeof(fixed[0])); i++) {
		check(fixed[i], 10);
		snprintf(s, sizeof(s), "if%s", fixed[i]);
		check(s, 10);
		check(fixed[i], 16);
	}
	srand(1);
	for (i = 0; i < n; i++) {
		len = rand() % 22;
		for (k = 0; k < len; k++)
			s[k] = alpha[rand() % (i & 1 ? na : 12)];
		s[len] = '\0';
		check(s, 10);
		check(s, 16);
		if (len > 2 && i & 2) {
			s[0] = 'i';
			s[1] = 'f';
			check(s, 10);
		}
	}
	printf("%d disagreements\n", bad);
	return bad != 0;
}
