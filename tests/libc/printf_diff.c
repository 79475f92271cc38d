/* lib/out_fmt.c against the C library's printf (glibc: what the
 * reference ip uses) on every format ip's sources use and on random integer
 * and string conversions: flags, width, precision, '*', lengths.  Prints
 * each disagreement; exit status 1 if there was one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int small_vfprintf(FILE *f, const char *fmt, va_list ap);

static long bad;

/* Both printfs of one format with the same arguments. */
static void check(const char *fmt, ...)
{
	char want[512], *got = NULL;
	size_t len = 0;
	int rw, rg;
	va_list ap;
	FILE *f = open_memstream(&got, &len);

	va_start(ap, fmt);
	rw = vsnprintf(want, sizeof(want), fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	rg = small_vfprintf(f, fmt, ap);
	va_end(ap);
	fclose(f);
	if ((rw != rg || strcmp(want, got)) && bad++ < 30)
		printf("'%s': libc '%s' (%d), ours '%s' (%d)\n", fmt, want, rw,
		       got, rg);
	free(got);
}

static long long rnd(void)
{
	long long v = (long long)((uint64_t)rand() << 42 ^ (uint64_t)rand() << 21 ^ rand());

	return v >> (rand() % 64);
}

int main(int argc, char **argv)
{
	static const char *const flags[] = { "", "-", "0", "+", " ", "#", "-0",
					     "+0", "#0", "-#", " 0", "+-" };
	static const char *const lens[] = { "", "hh", "h", "l", "ll", "j", "z", "t" };
	static const char conv[] = "diuoxXcs%";
	long i, n = argc > 1 ? atol(argv[1]) : 300000;
	char fmt[64], w[8], p[8];

	/* The shapes in ip's sources. */
	check("%s %u %d %x %*s|%02x %.2x %.2i %4i.%.2i %#llx %04llx %-16s|%-14s|",
	      "a", 7u, -7, 255u, 6, "ab", 5u, 10u, 3, 12, 4, 0x1234ull, 0xabull,
	      "name", "x");
	check("%#.2hhx %#.2hhx %#x %#llx %.*s %63s %c%c %ld %lu %llu %X %%",
	      300, 0, 0u, 0ull, 3, "abcdef", "s", 'a', 0, -5L, 5UL, 9ULL, 0xabu);
	check("%.0d|%.0x|%#.0o|%#o|%5.3d|%-5.3d|%05d|%-05d|%+.0d|% d|%+d", 0, 0u,
	      0u, 8u, -7, 7, -42, 42, 0, 5, 0);
	check("%s|%10s|%-10s|%.2s|%*.*s|%-*s|", (char *)NULL, "x", "y", "hello",
	      -6, 2, "abc", 4, "z");
	check("%lld %llu %jd %zu %td %hd %hhu", (long long)INT64_MIN,
	      (unsigned long long)UINT64_MAX, (intmax_t)-1, (size_t)-1,
	      (ptrdiff_t)-3, 70000, 300);
	srand(1);
	for (i = 0; i < n; i++) {
		char c = conv[rand() % (sizeof(conv) - 1)];
		const char *len = c == 'c' || c == 's' || c == '%' ? (i & 1 ? "" : "l") : lens[rand() % 8];

		if (c == 'c' || c == 's' || c == '%')
			len = "";
		w[0] = p[0] = '\0';
		if (rand() % 2)
			snprintf(w, sizeof(w), "%s", rand() % 4 ? "*" : "12");
		if (rand() % 2)
			snprintf(p, sizeof(p), ".%s", rand() % 3 ? "*" : rand() % 2 ? "0" : "3");
		snprintf(fmt, sizeof(fmt), "<%%%s%s%s%s%c>", flags[rand() % 12], w, p, len, c);
		if (c == '%' && (w[0] || p[0] || strcmp(len, "")))
			continue;	/* undefined */
		{
			int wa = rand() % 30 - 10, pa = rand() % 25 - 5;
			long long v = rnd();
			const char *str = (const char *[]){ "", "a", "hello world", NULL }[rand() % 4];

			/* The arguments each shape takes, in order. */
			if (w[0] == '*' && p[0] && p[1] == '*') {
				if (c == 's') check(fmt, wa, pa, str ? str : "n");
				else if (c == 'c') check(fmt, wa, pa, 'q');
				else if (!strcmp(len, "ll") || !strcmp(len, "j") || !strcmp(len, "l") || !strcmp(len, "z") || !strcmp(len, "t")) check(fmt, wa, pa, v);
				else check(fmt, wa, pa, (int)v);
			} else if (w[0] == '*' || (p[0] && p[1] == '*')) {
				int a = w[0] == '*' ? wa : pa;

				if (c == 's') check(fmt, a, str ? str : "n");
				else if (c == 'c') check(fmt, a, 'q');
				else if (!strcmp(len, "ll") || !strcmp(len, "j") || !strcmp(len, "l") || !strcmp(len, "z") || !strcmp(len, "t")) check(fmt, a, v);
				else check(fmt, a, (int)v);
			} else {
				if (c == 's') check(fmt, str ? str : "n");
				else if (c == 'c') check(fmt, 'q');
				else if (!strcmp(len, "ll") || !strcmp(len, "j") || !strcmp(len, "l") || !strcmp(len, "z") || !strcmp(len, "t")) check(fmt, v);
				else check(fmt, (int)v);
			}
		}
	}
	printf("%ld disagreements\n", bad);
	return bad != 0;
}
