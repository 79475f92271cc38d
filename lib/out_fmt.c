/* The one printf engine of ip: lib/out.c prints every listing through it,
 * and the musl build's vfprintf() is it (lib/musl/vfprintf.c), so the
 * printf family there (printf, fprintf, snprintf, vsnprintf, dprintf) ends
 * here too.  musl's own brings long double formatting and wide characters
 * (11 KB, 7% of that binary) that ip never prints: no format of ours asks
 * for a floating point value (lib/decimal.c writes fractions;
 * tests/build.bats keeps it so).  This one does the rest in full: flags
 * "-0+ #", width and precision (also '*'), lengths hh h l ll j z t,
 * conversions d i u o x X c s %.  Output is gathered and written with one
 * fwrite per 512 bytes, so a short message to an unbuffered stderr is one
 * write(2), as with musl's; lib/out.c has it append to its own buffer
 * instead (fmt_vappend).  tests/build.bats compares it with glibc's printf
 * on random formats. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "out.h"

enum { LEFT = 1, ZERO = 2, PLUS = 4, SPACE = 8, ALT = 16 };

struct pbuf {
	FILE *f;
	char *b;
	size_t n, cap;
	int total;
};

struct spec {
	int flags, width, prec;
	char len;		/* 0, 'H' (hh), 'h', 'l', 'L' (ll), 'j', 'z', 't' */
};

/* total counts what flush() writes: fmt_vfprintf's answer. */
static void flush(struct pbuf *b)
{
	b->total += (int)b->n;
	if (b->n)
		fwrite_unlocked(b->b, 1, b->n, b->f);
	b->n = 0;
}

static inline void put(struct pbuf *b, const char *s, size_t n)
{
	if (n <= b->cap - b->n) {	/* nearly always */
		memcpy(b->b + b->n, s, n);
		b->n += n;
		return;
	}
	while (n) {
		size_t k = b->cap - b->n;

		if (!k) {
			flush(b);
			k = b->cap;
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
	char run[16];

	if (n <= 0)
		return;
	memset(run, c, sizeof(run));
	for (; n > 0; n -= (int)sizeof(run))
		put(b, run, n < (int)sizeof(run) ? (size_t)n : sizeof(run));
}

/* prefix (sign, 0x), then `zeros` zeros, then the body, in the width. */
static void field(struct pbuf *b, const struct spec *s, const char *prefix,
		  int zeros, const char *body, size_t n)
{
	int plen = *prefix ? (int)strlen(prefix) : 0;
	int fill = s->width - plen - zeros - (int)n;

	if (fill <= 0 && !plen && !zeros) {	/* most of them: "%s", "%u" */
		put(b, body, n);
		return;
	}

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

static int flag_of(char c)
{
	switch (c) {
	case '-': return LEFT;
	case '0': return ZERO;
	case '+': return PLUS;
	case ' ': return SPACE;
	case '#': return ALT;
	default: return 0;
	}
}

static bool is_length(char c)
{
	return c == 'h' || c == 'l' || c == 'j' || c == 'z' || c == 't';
}

/* One conversion, p just past the '%'; returns what follows it. */
static const char *conversion(struct pbuf *b, const char *p, va_list *ap)
{
	struct spec s = { 0, 0, -1, 0 };
	const char *str;
	int flag;
	char c;

	for (; (flag = flag_of(*p)); p++)
		s.flags |= flag;
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
	for (; is_length(*p); p++)
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

static void format(struct pbuf *b, const char *fmt, va_list ap)
{
	const char *str;
	va_list aq;
	char c;

	va_copy(aq, ap);
	for (;;) {
		/* Literal text a byte at a time: the pieces between
		 * conversions are short ("dev ", " "), shorter than a call to
		 * find their end. */
		while ((c = *fmt) && c != '%') {
			if (b->n == b->cap)
				flush(b);
			b->b[b->n++] = c;
			fmt++;
		}
		if (!c)
			break;
		/* A plain "%s", most of ip's: no flags, width nor precision
		 * to read (ip link: 110,000 of them for 10,000 links). */
		if (fmt[1] == 's') {
			str = va_arg(aq, const char *);
			str = str ? str : "(null)";
			put(b, str, strlen(str));
			fmt += 2;
			continue;
		}
		fmt = conversion(b, fmt + 1, &aq);
	}
	va_end(aq);
}

int fmt_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	char buf[512];
	struct pbuf b = { .f = f, .b = buf, .cap = sizeof(buf) };

	format(&b, fmt, ap);
	flush(&b);
	return ferror(f) ? -1 : b.total;
}

size_t fmt_vappend(FILE *f, char *buf, size_t len, size_t cap,
		   const char *fmt, va_list ap)
{
	struct pbuf b = { .f = f, .b = buf, .n = len, .cap = cap };

	format(&b, fmt, ap);
	return b.n;
}
