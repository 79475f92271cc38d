/* lib/decimal.c against the C library (glibc: what the reference ip
 * uses): format_g() against "%g" of v / 1e3 (route metrics: rtt 1.5s),
 * format_fixed() against "%.*f" of v / div (-h sizes), scan_double()
 * against strtod.  Prints each disagreement; exit status 1 if any. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static long bad;

static void same(const char *what, const char *want, const char *got)
{
	if (strcmp(want, got) && bad++ < 30)
		printf("%s: libc '%s', ours '%s'\n", what, want, got);
}

static void check_g(uint32_t v)
{
	char want[64], got[64], what[32];

	snprintf(want, sizeof(want), "%g", v / 1e3);
	format_g(got, sizeof(got), v / 1e3);
	snprintf(what, sizeof(what), "%%g of %u/1e3", v);
	same(what, want, got);
}

static void check_fixed(uint64_t v, uint64_t div, int prec)
{
	char want[64], got[64], what[64];

	snprintf(want, sizeof(want), "%.*f", prec, (double)v / div);
	format_fixed(got, sizeof(got), (double)v / div, prec);
	snprintf(what, sizeof(what), "%%.%df of %llu/%llu", prec,
		 (unsigned long long)v, (unsigned long long)div);
	same(what, want, got);
}

static void check_scan(const char *s)
{
	char *e1, *e2, want[80], got[80];
	double a = strtod(s, &e1), b = scan_double(s, &e2);

	if (isinf(a) || isnan(a))	/* ours reads no number: ip refuses both */
		return;
	/* Past 15 significant digits or 10^22 ours may be an ulp off: only
	 * what ip reads (0 or up to 2^32 ms) must be exact. */
	if (e1 == e2 && (fabs(a) > 1e10 || (a && fabs(a) < 1e-4)) &&
	    fabs(a - b) <= fabs(a) * 1e-15)
		return;

	snprintf(want, sizeof(want), "%a end %d", a, (int)(e1 - s));
	snprintf(got, sizeof(got), "%a end %d", b, (int)(e2 - s));
	same(s, want, got);
}

static uint64_t rnd64(void)
{
	return (uint64_t)rand() << 42 ^ (uint64_t)rand() << 21 ^ rand();
}

int main(int argc, char **argv)
{
	static const char *const fixed[] = {
		"1.5", "0.5", "-0.0", "-1.5", " 2.25s", "1.005", "1.5e3", "1.5e",
		"1.5e+", ".5", "5.", ".", "-.", "0x1.8p1", "0x.8", "0x1.", "0x.",
		"0x", "0xg.1", "1e-400", "1.0e400", "4294967.295", "inf.0",
		"nan.5", "+.25E-1ms", "00.100", "1.23456789012345",
	};
	static const uint64_t divs[] = { 1000, 1024, 1000000, 1048576,
					 1000000000, 1073741824,
					 1000000000000ull, 1099511627776ull };
	const char *alpha = "0123456789.eE+-xpa ";
	long i, n = argc > 1 ? atol(argv[1]) : 1000000;
	char s[24];
	int k, len;

	for (i = 0; i < (long)(sizeof(fixed) / sizeof(fixed[0])); i++)
		check_scan(fixed[i]);
	/* Every value up to 2,000,000 (all the rounding of the %f branch),
	 * then the ties and random ones of the whole uint32 range. */
	for (i = 0; i < 2000000; i++)
		check_g((uint32_t)i);
	srand(1);
	for (i = 0; i < n; i++) {
		uint32_t v = (uint32_t)rnd64();

		check_g(v);
		check_g(v - v % 10000 + 5000);
		check_g(v - v % 100 + 50);
		check_g(v - v % 10 + 5);
		check_fixed(rnd64() >> (rand() % 64), divs[i % 8], i % 3);
		check_fixed(1000 + i % 5000000, divs[i % 2], i % 3);
		len = rand() % 16;
		for (k = 0; k < len; k++)
			s[k] = alpha[rand() % (i & 1 ? 19 : 11)];
		s[len] = '\0';
		check_scan(s);
	}
	check_g(UINT32_MAX);
	check_fixed(UINT64_MAX, 1000, 2);
	check_fixed(UINT64_MAX, 1024, 2);
	printf("%ld disagreements\n", bad);
	return bad != 0;
}
