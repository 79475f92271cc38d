/* The one output writer: every field is given once, with its JSON key and its
 * text format; the writer decides between text, oneline, JSON and colour. */
#ifndef OUT_H
#define OUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum out_kind {
	OUT_ANY,	/* text and JSON */
	OUT_TEXT,	/* text only */
	OUT_JSON,	/* JSON only */
};

enum out_color {
	C_NONE,
	C_IFNAME,
	C_MAC,
	C_INET,
	C_INET6,
	C_UP,
	C_DOWN,
	C_MAX
};

enum out_color_mode { COLOR_NEVER, COLOR_AUTO, COLOR_ALWAYS };

struct out {
	FILE *f;
	/* Off a terminal, output gathers here and goes to f in 64 KiB pieces:
	 * a listing makes a few calls into stdio instead of one per field
	 * (a quarter of the instructions of `ip -j addr`).  cap is 0 on a
	 * terminal: then everything goes to f as it comes. */
	char *buf;
	size_t len, cap;
	bool json;
	bool pretty;
	bool oneline;
	bool color;
	bool dark;		/* COLORFGBG says the background is dark */
	int depth;
	char sep;		/* JSON: separator owed before the next element */
	int err;		/* first write error, as -errno */
};

void out_init(struct out *o, FILE *f);
/* Decide colour: never in JSON, auto only on a terminal. */
void out_set_color(struct out *o, enum out_color_mode mode);

/* JSON: the outer array of a listing (no-op in text). */
void out_begin(struct out *o);
void out_end(struct out *o);

void out_obj_open(struct out *o, const char *key);
void out_obj_close(struct out *o);
void out_arr_open(struct out *o, const char *key);
void out_arr_close(struct out *o);

void out_str(struct out *o, enum out_kind k, const char *key, const char *fmt,
	     const char *v);
void out_cstr(struct out *o, enum out_kind k, enum out_color c,
	      const char *key, const char *fmt, const char *v);
void out_uint(struct out *o, enum out_kind k, const char *key,
	      const char *fmt, unsigned int v);
void out_int(struct out *o, enum out_kind k, const char *key, const char *fmt,
	     int v);
void out_u64(struct out *o, enum out_kind k, const char *key, const char *fmt,
	     uint64_t v);
void out_s64(struct out *o, enum out_kind k, const char *key, const char *fmt,
	     int64_t v);
/* JSON true/false; text prints fmt with "true"/"false" unless fmt is NULL. */
void out_bool(struct out *o, enum out_kind k, const char *key,
	      const char *fmt, bool v);
/* JSON true/false; text prints fmt with "on"/"off". */
void out_on_off(struct out *o, enum out_kind k, const char *key,
		const char *fmt, bool v);
/* JSON null; text prints fmt with `text`. */
void out_null(struct out *o, enum out_kind k, const char *key,
	      const char *fmt, const char *text);
/* JSON: a string made from fmt (e.g. "0x%x"); text: the same. */
void out_xstr(struct out *o, enum out_kind k, const char *key,
	      const char *fmt, unsigned long long v);
/* A number already formatted: JSON gets it bare (e.g. "0.00"), text gets
 * fmt applied to it. */
void out_num_str(struct out *o, enum out_kind k, const char *key,
		 const char *fmt, const char *v);
/* Text only, printf-like. */
void out_text(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Plain text in every mode, JSON too (ip netns identify/pids/monitor and the
 * exec headers are not JSON in the reference). */
void out_plain(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* End of a text line inside a record: "\n", or "\" in oneline mode. */
void out_nl(struct out *o);
/* End of a record: always "\n" in text mode. */
void out_eol(struct out *o);
int out_flush(struct out *o);

/* JSON string escaping, exposed for tests. */
void out_json_string(struct out *o, const char *s);

/* vfprintf() without floating point (lib/out_fmt.c): what every listing is
 * printed with, and the musl build's vfprintf. */
int fmt_vfprintf(FILE *f, const char *fmt, va_list ap);
/* The same, appended to buf[len..cap) (cap > 0), whose first len bytes
 * are written to f whenever it fills; returns the new len. */
size_t fmt_vappend(FILE *f, char *buf, size_t len, size_t cap,
		   const char *fmt, va_list ap);

#endif
