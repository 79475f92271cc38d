/* vfprintf() for the musl build.  musl's printf family (printf, fprintf,
 * snprintf, vsnprintf, dprintf) all end in vfprintf, and musl's brings long
 * double formatting and wide characters (11 KB, 7% of the binary) that ip
 * never prints: no format of ours asks for a floating point value
 * (lib/decimal.c writes fractions; tests/build.bats keeps it so).  This one
 * does the rest in full: flags "-0+ #", width and precision (also '*'),
 * lengths hh h l ll j z t, conversions d i u o x X c s %.  Output is
 * gathered and written with one fwrite per 512 bytes, so a short message to
 * an unbuffered stderr is one write(2), as with musl's. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { LEFT = 1, ZERO = 2, PLUS = 4, SPACE = 8, ALT = 16 };

struct pbuf {
	FILE *f;
	size_t n;
	int total;
	char b[512];
};

struct spec {
	int flags, width, prec;
	char len;		/* 0, 'H' (hh), 'h', 'l', 'L' (ll), 'j', 'z', 't' */
};

static void flush(struct pbuf *b)
{
	if (b->n)
		fwrite(b->b, 1, b->n, b->f);
	b->n = 0;
}

static void put(struct pbuf *b, const char *s, size_t n)
{
	b->total += (int)n;
	while (n) {
		size_t k = sizeof(b->b) - b->n;

		if (!k) {
			flush(b);
			k = sizeof(b->b);
		}
		if (k > n)
			k = n;
		memcpy(b->b + b->n, s, k);
		b->n += k;
		s += k;
		n -= k;
	}
}

static void pad(struct pbuf *b, char c, int n)
{
	for (; n > 0; n--)
		put(b, &c, 1);
}

/* prefix (sign, 0x), then `zeros` zeros, then the body, in the width. */
static void field(struct pbuf *b, const struct spec *s, const char *prefix,
		  int zeros, const char *body, size_t n)
{
	int plen = (int)strlen(prefix), fill = s->width - plen - zeros - (int)n;

	if (!(s->flags & (LEFT | ZERO)))
		pad(b, ' ', fill);
	put(b, prefix, plen);
	if ((s->flags & (LEFT | ZERO)) == ZERO)
		pad(b, '0', fill);
	pad(b, '0', zeros);
	put(b, body, n);
	if (s->flags & LEFT)
		pad(b, ' ', fill);
}

static uintmax_t arg_uint(va_list *ap, char len)
{
	switch (len) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned int);
	case 'h': return (unsigned short)va_arg(*ap, unsigned int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'j': return va_arg(*ap, uintmax_t);
	case 'z': return va_arg(*ap, size_t);
	case 't': return (uintmax_t)va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, unsigned int);
	}
}

static intmax_t arg_int(va_list *ap, char len)
{
	switch (len) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'j': return va_arg(*ap, intmax_t);
	case 'z': return (intmax_t)va_arg(*ap, size_t);
	case 't': return va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, int);
	}
}

/* An integer conversion: d i u o x X. */
static void integer(struct pbuf *b, struct spec *s, char conv, va_list *ap)
{
	const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned int base = conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10;
	char buf[24], *end = buf + sizeof(buf), *p = end;
	const char *prefix = "";
	uintmax_t v;
	int n;

	if (conv == 'd' || conv == 'i') {
		intmax_t x = arg_int(ap, s->len);

		v = x < 0 ? -(uintmax_t)x : (uintmax_t)x;
		prefix = x < 0 ? "-" : s->flags & PLUS ? "+" : s->flags & SPACE ? " " : "";
	} else {
		v = arg_uint(ap, s->len);
		if (s->flags & ALT && v && base == 16)
			prefix = conv == 'X' ? "0X" : "0x";
	}
	for (; v; v /= base)
		*--p = digits[v % base];
	if (p == end && s->prec) /* zero has one digit, unless precision 0 */
		*--p = '0';
	if (s->flags & ALT && base == 8 && *p != '0')
		*--p = '0';
	n = (int)(end - p);
	if (s->prec >= 0)
		s->flags &= ~ZERO;
	field(b, s, prefix, s->prec > n ? s->prec - n : 0, p, n);
}

/* One conversion, p just past the '%'; returns what follows it. */
static const char *conversion(struct pbuf *b, const char *p, va_list *ap)
{
	static const char flag_chars[] = "-0+ #";
	struct spec s = { 0, 0, -1, 0 };
	const char *q, *str;
	char c;

	for (; *p && (q = strchr(flag_chars, *p)); p++)
		s.flags |= 1 << (q - flag_chars);
	if (*p == '*') {
		s.width = va_arg(*ap, int);
		if (s.width < 0) {
			s.flags |= LEFT;
			s.width = -s.width;
		}
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++)
		s.width = s.width * 10 + (*p - '0');
	if (*p == '.') {
		s.prec = 0;
		if (*++p == '*') {
			s.prec = va_arg(*ap, int);
			s.prec = s.prec < 0 ? -1 : s.prec;
			p++;
		}
		for (; *p >= '0' && *p <= '9'; p++)
			s.prec = s.prec * 10 + (*p - '0');
	}
	for (; *p && strchr("hljzt", *p); p++)
		s.len = (*p == 'h' || *p == 'l') && s.len == *p ?
			(*p == 'h' ? 'H' : 'L') : *p;
	if (*p == 'c' || *p == 's')
		s.flags &= ~ZERO;	/* glibc pads strings with spaces */
	switch ((c = *p)) {
	case 'c':
		c = (char)va_arg(*ap, int);
		field(b, &s, "", 0, &c, 1);
		break;
	case 's':
		str = va_arg(*ap, const char *);
		str = str ? str : "(null)";
		field(b, &s, "", 0, str,
		      s.prec >= 0 ? strnlen(str, s.prec) : strlen(str));
		break;
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		integer(b, &s, c, ap);
		break;
	case '%':
		put(b, "%", 1);
		break;
	default:	/* not ours to print (see above): shown as written */
		put(b, "%", 1);
		put(b, p, c ? 1 : 0);
		return c ? p + 1 : p;
	}
	return p + 1;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct pbuf b;
	va_list aq;
	const char *pct;

	b.f = f;
	b.n = 0;
	b.total = 0;
	va_copy(aq, ap);
	while ((pct = strchr(fmt, '%'))) {
		put(&b, fmt, pct - fmt);
		fmt = conversion(&b, pct + 1, &aq);
	}
	put(&b, fmt, strlen(fmt));
	flush(&b);
	va_end(aq);
	return ferror(f) ? -1 : b.total;
}
