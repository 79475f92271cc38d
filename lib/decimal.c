/* Decimal text of doubles and back, for the few places ip prints or reads
 * a fraction ("rtt 1.5s", "1.23457e+06s", "-h" sizes "1.50M").  printf's
 * %f/%g and strtod bring the C library's long double formatting and its
 * float scanner (15 KB of a 150 KB musl binary); the values here are small
 * and positive, so exact integer arithmetic on the double's bits gives the
 * very text glibc prints: the exact binary value, rounded half to even. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* d = m / 2^s exactly; only 0 and 1 <= d < 2^64 are exact (below 1, bits
 * past 2^-60 are dropped: no caller prints such values). */
static void split_double(double d, uint64_t *m, int *s)
{
	uint64_t bits;
	int e;

	memcpy(&bits, &d, sizeof(bits));
	e = (int)(bits >> 52 & 0x7ff);
	*m = bits & ((1ull << 52) - 1);
	if (e)
		*m |= 1ull << 52;
	else
		e = 1;
	e -= 1075;		/* d = m * 2^e */
	if (e >= 0) {
		*m = e > 11 ? UINT64_MAX : *m << e;
		*s = 0;
	} else if (e < -60) {
		/* 0 and subnormals shift by up to 1014: past 63 is undefined */
		*m = -60 - e < 64 ? *m >> (-60 - e) : 0;
		*s = 60;
	} else {
		*s = -e;
	}
}

/* i + f / 2^s rounded to prec decimals, half to even: the integer part
 * stays in *i, the decimals go to dig[0..prec). */
static void round_fixed(uint64_t *i, uint64_t f, int s, int prec, char *dig)
{
	uint64_t mask = (1ull << s) - 1, half = s ? 1ull << (s - 1) : 1;
	int k, last;

	for (k = 0; k < prec; k++) {
		f *= 10;
		dig[k] = (char)('0' + (f >> s));
		f &= mask;
	}
	last = prec ? dig[prec - 1] : (int)(*i & 1);
	if (f > half || (f == half && (last & 1))) {
		for (k = prec - 1; k >= 0 && dig[k] == '9'; k--)
			dig[k] = '0';
		if (k >= 0)
			dig[k]++;
		else
			(*i)++;
	}
}

static int ndigits(uint64_t v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* printf("%.*f", prec, d) for d = 0 or 1 <= d < 2^64, prec <= 20. */
void format_fixed(char *buf, size_t size, double d, int prec)
{
	char dig[24];
	uint64_t m, i;
	int s;

	split_double(d, &m, &s);
	i = m >> s;
	round_fixed(&i, m & ((1ull << s) - 1), s, prec, dig);
	snprintf(buf, size, "%llu%s%.*s", (unsigned long long)i,
		 prec ? "." : "", prec, dig);
}

/* "%e"-style with 6 significant digits, trailing zeros dropped, of
 * q * 10^x where q has 6 digits. */
static void format_exp(char *buf, size_t size, uint64_t q, int x)
{
	char dig[8];
	int n;

	snprintf(dig, sizeof(dig), "%llu", (unsigned long long)q);
	for (n = 6; n > 1 && dig[n - 1] == '0'; n--)
		;
	snprintf(buf, size, "%c%s%.*se+%02d", dig[0], n > 1 ? "." : "", n - 1,
		 dig + 1, x);
}

/* printf("%g", d) for d = 0 or 1 <= d < 2^64. */
void format_g(char *buf, size_t size, double d)
{
	char dig[8];
	uint64_t m, i, p10 = 1, q, r;
	int s, x, k, n;

	split_double(d, &m, &s);
	i = m >> s;
	x = ndigits(i) - 1;
	if (x < 6) {
		round_fixed(&i, m & ((1ull << s) - 1), s, 5 - x, dig);
		if (i >= 1000000) {
			format_exp(buf, size, 100000, 6);
			return;
		}
		for (n = 5 - x; n > 0 && dig[n - 1] == '0'; n--)
			;
		snprintf(buf, size, "%llu%s%.*s", (unsigned long long)i,
			 n ? "." : "", n, dig);
		return;
	}
	/* Six significant digits of the integer part, the rest rounded off. */
	for (k = 0; k < x - 5; k++)
		p10 *= 10;
	q = i / p10;
	r = i % p10;
	if (2 * r > p10 || (2 * r == p10 && ((m & ((1ull << s) - 1)) || q & 1)))
		q++;
	if (q == 1000000) {
		q /= 10;
		x++;
	}
	format_exp(buf, size, q, x);
}

static int digit_value(char c, int base)
{
	int v = isdigit((unsigned char)c) ? c - '0' :
		isxdigit((unsigned char)c) ? (c | 32) - 'a' + 10 : -1;

	return v < base ? v : -1;
}

/* m * base^scale, base 10 or 2: exact, one rounding, as strtod, while m <
 * 2^53 and |scale| <= 22 for base 10 (15 significant digits); beyond, each
 * step rounds again. */
static double scale_by(uint64_t m, int scale, int base)
{
	static const double p10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
	};
	double d = (double)m;
	int k;

	while (scale > 0 && d <= 1e308) {
		k = base == 2 ? 1 : scale < 22 ? scale : 22;
		d *= base == 2 ? 2 : p10[k];
		scale -= k;
	}
	while (scale < 0 && d > 0) {
		k = base == 2 ? 1 : -scale < 22 ? -scale : 22;
		d /= base == 2 ? 2 : p10[k];
		scale += k;
	}
	return d;
}

/* The exponent after "e" or "p", if digits follow; returns it, moves *pp. */
static int read_exponent(const char **pp)
{
	const char *p = *pp + 1;
	int neg = 0, e = 0;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return 0;
	for (; isdigit((unsigned char)*p); p++)
		if (e < 100000)
			e = e * 10 + (*p - '0');
	*pp = p;
	return neg ? -e : e;
}

/* strtod() for decimal and hex numbers: leading space, a sign, digits
 * with one point, an exponent.  "inf" and "nan" are no number here (ip
 * refuses them either way). */
double scan_double(const char *s, char **end)
{
	const char *p = s;
	bool neg = false, point = false;
	uint64_t m = 0;
	int base = 10, scale = 0, n = 0, v;
	double d;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (p[0] == '0' && (p[1] | 32) == 'x' &&
	    (digit_value(p[2], 16) >= 0 ||
	     (p[2] == '.' && digit_value(p[3], 16) >= 0))) {
		base = 16;
		p += 2;
	}
	for (;; p++) {
		if (*p == '.' && !point) {
			point = true;
			continue;
		}
		if ((v = digit_value(*p, base)) < 0)
			break;
		n++;
		if (m < (1ull << 59)) {
			m = m * base + v;
			scale -= point;
		} else {
			scale += !point;
		}
	}
	if (!n) {
		*end = (char *)s;
		return 0;
	}
	if (base == 16)
		scale *= 4;	/* hex digits are 4 bits, the exponent is 2^ */
	if ((*p | 32) == (base == 16 ? 'p' : 'e'))
		scale += read_exponent(&p);
	*end = (char *)p;
	d = scale_by(m, scale, base == 16 ? 2 : 10);
	return neg ? -d : d;
}
