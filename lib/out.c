/* Text / oneline / JSON / colour writer.  The JSON layout (pretty or compact)
 * follows the reference byte for byte: "[ {" openers, 4-space indent, arrays
 * of scalars kept on one line. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"

static const char *const color_code[2][C_MAX] = {
	{ "", "\033[36m", "\033[33m", "\033[35m", "\033[34m", "\033[32m",
	  "\033[31m" },
	{ "", "\033[1;36m", "\033[1;33m", "\033[1;35m", "\033[1;34m",
	  "\033[1;32m", "\033[1;31m" },
};

void out_init(struct out *o, FILE *f)
{
	static char buf[65536];
	static bool done;

	memset(o, 0, sizeof(*o));
	o->f = f;
	/* Off a terminal, big blocks: 100,000 routes in ~100 writes, not
	 * ~2,000.  isatty() replaces the fstat() stdio would make anyway. */
	if (f == stdout && !done && !isatty(fileno(f)))
		setvbuf(f, buf, _IOFBF, sizeof(buf));
	done = true;
}

/* COLORFGBG="fg;bg": backgrounds 0-6 and 8 are dark. */
static bool background_is_dark(void)
{
	const char *p = getenv("COLORFGBG");

	if (!p)
		return false;
	p = strrchr(p, ';');
	if (!p || !p[1] || p[2])
		return false;
	return (p[1] >= '0' && p[1] <= '6') || p[1] == '8';
}

void out_set_color(struct out *o, enum out_color_mode mode)
{
	o->color = false;
	if (o->json || mode == COLOR_NEVER)
		return;
	if (mode == COLOR_AUTO && !isatty(fileno(o->f)))
		return;
	o->color = true;
	o->dark = background_is_dark();
}

static void jputc(struct out *o, char c)
{
	putc_unlocked(c, o->f);
}

static void jputs(struct out *o, const char *s)
{
	fputs_unlocked(s, o->f);
}

static char *fmt_num(char *end, unsigned long long v, unsigned int base,
		     bool upper)
{
	const char *d = upper ? "0123456789ABCDEF" : "0123456789abcdef";

	do {
		*--end = d[v % base];
		v /= base;
	} while (v);
	return end;
}

#ifdef OUR_VFPRINTF
/* The musl build's vfprintf is lib/musl/vfprintf.c, as quick as the one
 * below and complete: no need for two. */
static void out_vfmt(struct out *o, const char *fmt, va_list ap)
{
	vfprintf(o->f, fmt, ap);
}
#else
/* ---- a small printf ----
 * vfprintf was over half of the user time of a 100,000-route listing.  The
 * printers' formats are literal text and %s %c %d %i %u %x %X, with flags
 * '-' and '0', a width or '*', and l, ll, z, j: those are done here, into a
 * buffer written to the FILE once per call.  At the first conversion of any
 * other kind (a precision, floats, ...) the rest of the format, with the
 * arguments not yet used, goes to vfprintf: the output is the same. */

struct fbuf {
	FILE *fp;
	size_t n;
	char b[256];
};

static void fb_flush(struct fbuf *f)
{
	fwrite_unlocked(f->b, 1, f->n, f->fp);
	f->n = 0;
}

static void fb_put(struct fbuf *f, const char *s, size_t n)
{
	if (f->n + n > sizeof(f->b)) {
		fb_flush(f);
		if (n > sizeof(f->b)) {
			fwrite_unlocked(s, 1, n, f->fp);
			return;
		}
	}
	memcpy(f->b + f->n, s, n);
	f->n += n;
}

static void fb_pad(struct fbuf *f, char c, int n)
{
	while (n > 0) {
		size_t k = sizeof(f->b) - f->n;

		if (!k) {
			fb_flush(f);
			continue;
		}
		k = k < (size_t)n ? k : (size_t)n;
		memset(f->b + f->n, c, k);
		f->n += k;
		n -= (int)k;
	}
}

struct field {
	int width;
	bool left, zero, star;
	char len;		/* 0, 'l', 'L' (ll), 'z', 'j' */
	char conv;
};

/* Parse "%...c" (f is past the '%') without touching the arguments;
 * returns what follows, or NULL if this is not a conversion we do. */
static const char *field_parse(struct field *fl, const char *f)
{
	for (; *f == '-' || *f == '0'; f++)
		*(*f == '-' ? &fl->left : &fl->zero) = true;
	if (*f == '*') {
		fl->star = true;
		f++;
	}
	while (*f >= '0' && *f <= '9')
		fl->width = fl->width * 10 + (*f++ - '0');
	for (; *f == 'l' || *f == 'z' || *f == 'j'; f++)
		fl->len = *f == 'l' && fl->len == 'l' ? 'L' : *f;
	fl->conv = *f;
	if (!*f || !strchr("sdiuxXc", *f) || (fl->star && fl->width) ||
	    (fl->zero && (*f == 's' || *f == 'c')))
		return NULL;
	return f + 1;
}

static void put_field(struct fbuf *f, const struct field *fl, char sign,
		      const char *s, size_t n)
{
	int pad = fl->width - (int)n - (sign != 0);

	if (!fl->left && !fl->zero)
		fb_pad(f, ' ', pad);
	if (sign)
		fb_put(f, &sign, 1);
	if (!fl->left && fl->zero)
		fb_pad(f, '0', pad);
	fb_put(f, s, n);
	if (fl->left)
		fb_pad(f, ' ', pad);
}

static unsigned long long arg_unsigned(va_list *ap, char len)
{
	switch (len) {
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	case 'j': return va_arg(*ap, uintmax_t);
	default: return va_arg(*ap, unsigned int);
	}
}

static long long arg_signed(va_list *ap, char len)
{
	switch (len) {
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return va_arg(*ap, ssize_t);
	case 'j': return va_arg(*ap, intmax_t);
	default: return va_arg(*ap, int);
	}
}

/* Format one parsed conversion, taking its arguments. */
static void field_put(struct fbuf *f, struct field *fl, va_list *ap)
{
	char buf[24], *end = buf + sizeof(buf), *s;
	unsigned long long u;
	long long v;

	if (fl->star) {
		fl->width = va_arg(*ap, int);
		fl->left |= fl->width < 0;
		fl->width = fl->width < 0 ? -fl->width : fl->width;
	}
	switch (fl->conv) {
	case 's':
		s = va_arg(*ap, char *);
		s = s ? s : "(null)";
		put_field(f, fl, 0, s, strlen(s));
		break;
	case 'c':
		buf[0] = (char)va_arg(*ap, int);
		put_field(f, fl, 0, buf, 1);
		break;
	case 'd':
	case 'i':
		v = arg_signed(ap, fl->len);
		u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
		s = fmt_num(end, u, 10, false);
		put_field(f, fl, v < 0 ? '-' : 0, s, end - s);
		break;
	default:	/* u, x, X */
		u = arg_unsigned(ap, fl->len);
		s = fmt_num(end, u, fl->conv == 'u' ? 10 : 16, fl->conv == 'X');
		put_field(f, fl, 0, s, end - s);
	}
}

static void out_vfmt(struct out *o, const char *fmt, va_list ap)
{
	struct fbuf f = { o->f, 0, "" };
	va_list aq;
	char c;

	va_copy(aq, ap);
	while ((c = *fmt++)) {
		struct field fl = { 0, false, false, false, 0, 0 };
		const char *next;

		if (c != '%') {
			if (f.n == sizeof(f.b))
				fb_flush(&f);
			f.b[f.n++] = c;
		} else if (*fmt == '%') {
			fb_put(&f, fmt++, 1);
		} else if ((next = field_parse(&fl, fmt))) {
			field_put(&f, &fl, &aq);
			fmt = next;
		} else {
			fb_flush(&f);
			vfprintf(o->f, fmt - 1, aq);
			va_end(aq);
			return;
		}
	}
	fb_flush(&f);
	va_end(aq);
}

#endif

static void out_fmt(struct out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vfmt(o, fmt, ap);
	va_end(ap);
}

/* JSON numbers. */
static void put_u64(struct out *o, uint64_t v)
{
	char buf[24], *end = buf + sizeof(buf), *s = fmt_num(end, v, 10, false);

	fwrite_unlocked(s, 1, end - s, o->f);
}

static void put_s64(struct out *o, int64_t v)
{
	if (v < 0)
		jputc(o, '-');
	put_u64(o, v < 0 ? -(uint64_t)v : (uint64_t)v);
}

/* Separator between elements. */
static void j_eor(struct out *o)
{
	if (o->sep)
		jputc(o, o->sep);
	o->sep = ',';
}

static void j_eol(struct out *o)
{
	int i;

	if (!o->pretty)
		return;
	jputc(o, '\n');
	for (i = 0; i < o->depth; i++)
		jputs(o, "    ");
}

void out_json_string(struct out *o, const char *s)
{
	jputc(o, '"');
	for (; *s; s++) {
		unsigned char c = *s;
		size_t n = 0;

		/* Runs that need no escaping go out in one piece. */
		while (s[n] && (unsigned char)s[n] >= 0x20 && s[n] != '"' &&
		       s[n] != '\\')
			n++;
		if (n) {
			fwrite_unlocked(s, 1, n, o->f);
			s += n - 1;
			continue;
		}

		switch (c) {
		case '"': jputs(o, "\\\""); break;
		case '\\': jputs(o, "\\\\"); break;
		case '\n': jputs(o, "\\n"); break;
		case '\r': jputs(o, "\\r"); break;
		case '\t': jputs(o, "\\t"); break;
		case '\b': jputs(o, "\\b"); break;
		case '\f': jputs(o, "\\f"); break;
		default:
			if (c < 0x20)
				fprintf(o->f, "\\u%04x", c);
			else
				jputc(o, c);
		}
	}
	jputc(o, '"');
}

/* Key of the next member, or just a separator inside an array. */
static void j_key(struct out *o, const char *key)
{
	if (!key) {
		j_eor(o);
		return;
	}
	j_eor(o);
	j_eol(o);
	o->sep = '\0';
	out_json_string(o, key);
	jputc(o, ':');
	if (o->pretty)
		jputc(o, ' ');
	o->sep = ',';
}

static void j_begin(struct out *o, char c)
{
	jputc(o, c);
	o->depth++;
	o->sep = '\0';
}

static void j_end(struct out *o, char c)
{
	o->depth--;
	if (o->sep)
		j_eol(o);
	jputc(o, c);
	o->sep = ',';
}

void out_begin(struct out *o)
{
	if (!o->json)
		return;
	o->depth = 0;
	o->sep = '\0';
	out_arr_open(o, NULL);
}

void out_end(struct out *o)
{
	if (!o->json)
		return;
	out_arr_close(o);
	jputc(o, '\n');
}

void out_obj_open(struct out *o, const char *key)
{
	if (!o->json)
		return;
	j_key(o, key);
	j_begin(o, '{');
}

void out_obj_close(struct out *o)
{
	if (o->json)
		j_end(o, '}');
}

void out_arr_open(struct out *o, const char *key)
{
	if (!o->json)
		return;
	j_key(o, key);
	j_begin(o, '[');
	if (o->pretty)
		jputc(o, ' ');
}

void out_arr_close(struct out *o)
{
	if (!o->json)
		return;
	if (o->pretty && o->sep)
		jputc(o, ' ');
	o->sep = '\0';
	j_end(o, ']');
}

static bool want_text(const struct out *o, enum out_kind k)
{
	return !o->json && k != OUT_JSON;
}

static bool want_json(const struct out *o, enum out_kind k)
{
	return o->json && k != OUT_TEXT;
}

static void text_color(struct out *o, enum out_color c, const char *fmt,
		       va_list ap)
{
	bool on = o->color && c != C_NONE;

	if (on)
		jputs(o, color_code[o->dark][c]);
	out_vfmt(o, fmt, ap);
	if (on)
		jputs(o, "\033[0m");
}

static void text_out(struct out *o, enum out_color c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	text_color(o, c, fmt, ap);
	va_end(ap);
}

void out_cstr(struct out *o, enum out_kind k, enum out_color c,
	      const char *key, const char *fmt, const char *v)
{
	if (want_json(o, k)) {
		j_key(o, key);
		out_json_string(o, v);
	} else if (want_text(o, k) && fmt) {
		text_out(o, c, fmt, v);
	}
}

void out_str(struct out *o, enum out_kind k, const char *key, const char *fmt,
	     const char *v)
{
	out_cstr(o, k, C_NONE, key, fmt, v);
}

void out_u64(struct out *o, enum out_kind k, const char *key, const char *fmt,
	     uint64_t v)
{
	if (want_json(o, k)) {
		j_key(o, key);
		put_u64(o, v);
	} else if (want_text(o, k) && fmt) {
		out_fmt(o, fmt, v);
	}
}

void out_s64(struct out *o, enum out_kind k, const char *key, const char *fmt,
	     int64_t v)
{
	if (want_json(o, k)) {
		j_key(o, key);
		put_s64(o, v);
	} else if (want_text(o, k) && fmt) {
		out_fmt(o, fmt, v);
	}
}

void out_uint(struct out *o, enum out_kind k, const char *key,
	      const char *fmt, unsigned int v)
{
	if (want_json(o, k)) {
		j_key(o, key);
		put_u64(o, v);
	} else if (want_text(o, k) && fmt) {
		out_fmt(o, fmt, v);
	}
}

void out_int(struct out *o, enum out_kind k, const char *key, const char *fmt,
	     int v)
{
	if (want_json(o, k)) {
		j_key(o, key);
		put_s64(o, v);
	} else if (want_text(o, k) && fmt) {
		out_fmt(o, fmt, v);
	}
}

void out_bool(struct out *o, enum out_kind k, const char *key,
	      const char *fmt, bool v)
{
	if (want_json(o, k)) {
		j_key(o, key);
		jputs(o, v ? "true" : "false");
	} else if (want_text(o, k) && fmt) {
		out_fmt(o, fmt, v ? "true" : "false");
	}
}

void out_on_off(struct out *o, enum out_kind k, const char *key,
		const char *fmt, bool v)
{
	if (want_json(o, k)) {
		j_key(o, key);
		jputs(o, v ? "true" : "false");
	} else if (want_text(o, k) && fmt) {
		out_fmt(o, fmt, v ? "on" : "off");
	}
}

void out_null(struct out *o, enum out_kind k, const char *key,
	      const char *fmt, const char *text)
{
	if (want_json(o, k)) {
		j_key(o, key);
		jputs(o, "null");
	} else if (want_text(o, k) && fmt) {
		out_fmt(o, fmt, text);
	}
}

void out_xstr(struct out *o, enum out_kind k, const char *key,
	      const char *fmt, unsigned long long v)
{
	char buf[64];

	snprintf(buf, sizeof(buf), fmt, v);
	out_str(o, k, key, "%s", buf);
}

void out_num_str(struct out *o, enum out_kind k, const char *key,
		 const char *fmt, const char *v)
{
	if (want_json(o, k)) {
		j_key(o, key);
		jputs(o, v);
	} else if (want_text(o, k) && fmt) {
		fprintf(o->f, fmt, v);
	}
}

void out_text(struct out *o, const char *fmt, ...)
{
	va_list ap;

	if (o->json)
		return;
	va_start(ap, fmt);
	out_vfmt(o, fmt, ap);
	va_end(ap);
}

void out_plain(struct out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(o->f, fmt, ap);
	va_end(ap);
}

void out_nl(struct out *o)
{
	if (!o->json)
		jputs(o, o->oneline ? "\\" : "\n");
}

void out_eol(struct out *o)
{
	if (!o->json)
		jputc(o, '\n');
}

int out_flush(struct out *o)
{
	if (fflush(o->f) == EOF || ferror(o->f)) {
		if (!o->err)
			o->err = errno ? -errno : -EIO;
	}
	return o->err;
}
