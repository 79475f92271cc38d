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
	if (f == stdout && !done && !isatty(fileno(f))) {
		o->buf = buf;
		o->cap = sizeof(buf);
	}
	done = true;
}

/* What o->buf holds goes to the stream. */
static void drain(struct out *o)
{
	if (o->len)
		fwrite_unlocked(o->buf, 1, o->len, o->f);
	o->len = 0;
}

static void put(struct out *o, const char *s, size_t n)
{
	if (!n)		/* an empty string; buf is NULL when unbuffered */
		return;
	if (n > o->cap - o->len) {
		drain(o);
		/* unbuffered (a terminal), or more than the buffer holds */
		if (n > o->cap) {
			fwrite_unlocked(s, 1, n, o->f);
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void out_vprintf(struct out *o, const char *fmt, va_list ap)
{
	if (o->cap)
		o->len = fmt_vappend(o->f, o->buf, o->len, o->cap, fmt, ap);
	else
		fmt_vfprintf(o->f, fmt, ap);
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
	if (o->len < o->cap)
		o->buf[o->len++] = c;
	else
		put(o, &c, 1);
}

static void jputs(struct out *o, const char *s)
{
	put(o, s, strlen(s));
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

static void out_fmt(struct out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vprintf(o, fmt, ap);
	va_end(ap);
}

/* JSON numbers. */
static void put_u64(struct out *o, uint64_t v)
{
	char buf[24], *end = buf + sizeof(buf), *s = fmt_num(end, v, 10, false);

	put(o, s, end - s);
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

/* A byte a JSON string holds as it is: not '"', '\\' nor a control
 * character.  Letters, the most common, are decided by the first test.
 * Inlined even at -Oz (the musl build): it runs for every byte of JSON. */
static inline __attribute__((always_inline)) bool j_plain(unsigned char c)
{
	return c > '\\' || (c >= '#' && c != '\\') || c == ' ' || c == '!';
}

static void j_escaped(struct out *o, const char *s)
{
	const char *run;

	for (;;) {
		for (run = s; j_plain(*s); s++)
			;
		put(o, run, s - run);
		if (!*s)
			return;
		switch (*s) {
		case '"': jputs(o, "\\\""); break;
		case '\\': jputs(o, "\\\\"); break;
		case '\n': jputs(o, "\\n"); break;
		case '\r': jputs(o, "\\r"); break;
		case '\t': jputs(o, "\\t"); break;
		case '\b': jputs(o, "\\b"); break;
		case '\f': jputs(o, "\\f"); break;
		default: out_fmt(o, "\\u%04x", (unsigned char)*s);
		}
		s++;
	}
}

/* s in quotes, escaped.  Nearly every string (all keys, names, addresses)
 * needs no escaping and fits the buffer: one scan and one copy there
 * (this is the bulk of ip -j addr's work). */
void out_json_string(struct out *o, const char *s)
{
	const char *e = s;
	char *d;

	while (j_plain(*e))
		e++;
	if (*e || (size_t)(e - s) + 2 > o->cap - o->len) {
		jputc(o, '"');
		j_escaped(o, s);
		jputc(o, '"');
		return;
	}
	d = o->buf + o->len;
	*d++ = '"';
	memcpy(d, s, e - s);
	d += e - s;
	*d++ = '"';
	o->len = d - o->buf;
}

/* Key of the next member, or just a separator inside an array. */
static void j_key(struct out *o, const char *key)
{
	j_eor(o);
	if (!key)
		return;
	j_eol(o);
	out_json_string(o, key);
	jputc(o, ':');
	if (o->pretty)
		jputc(o, ' ');
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
	out_vprintf(o, fmt, ap);
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
		out_fmt(o, fmt, v);
	}
}

void out_text(struct out *o, const char *fmt, ...)
{
	va_list ap;

	if (o->json)
		return;
	va_start(ap, fmt);
	out_vprintf(o, fmt, ap);
	va_end(ap);
}

void out_plain(struct out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vprintf(o, fmt, ap);
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
	drain(o);
	if (fflush(o->f) == EOF || ferror(o->f)) {
		if (!o->err)
			o->err = errno ? -errno : -EIO;
	}
	return o->err;
}
