/* Parsing and formatting helpers shared by every object. */
#ifndef UTIL_H
#define UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* True when `arg` is a non-empty prefix of `word` (the reference's rule). */
bool matches(const char *arg, const char *word);
bool streq(const char *a, const char *b);
/* The i-th of the NUL-separated strings in packed ("a\0bc\0..."): a name
 * table kept as one string instead of 8-byte pointers to each name. */
const char *str_nth(const char *packed, size_t i);
/* Which of words arg is: words is one string of NUL-separated words ended by
 * an empty one, each taken abbreviated (matches()) unless it starts with
 * '=' (then only whole); the first that fits wins.  -1 when none does.
 * A chain of matches()/streq() calls costs more code per word. */
int keyword_index(const char *arg, const char *words);
/* strlcpy(): s, cut to size - 1 bytes, with its NUL (no strncpy, whose
 * padding a musl build would link just for this). */
void str_copy(char *dst, const char *s, size_t size);

/* strerror() in glibc's wording with any libc (lib/errtext.c): a musl build
 * prints the reference's "RTNETLINK answers: ..." texts. */
const char *err_text(int errnum);

/* Numbers: base 0 (decimal, 0x hex, 0 octal), whole string, range-checked.
 * Return 0 or -EINVAL. */
int parse_u64(uint64_t *v, const char *s, int base);
int parse_u32(uint32_t *v, const char *s, int base);
int parse_u16(uint16_t *v, const char *s, int base);
int parse_u8(uint8_t *v, const char *s, int base);
int parse_s32(int32_t *v, const char *s, int base);
/* sscanf(s, "PREFIX%u") (base 10) or sscanf(s, "PREFIX%x") (base 16) == 1. */
bool scan_uint(const char *s, const char *prefix, int base, unsigned int *v);

/* Fractions without printf's %f/%g or strtod (lib/decimal.c): the same
 * text as glibc for d = 0 or 1 <= d < 2^64. */
void format_fixed(char *buf, size_t size, double d, int prec);
void format_g(char *buf, size_t size, double d);
/* strtod() of decimal and hex numbers: exact to 15 significant digits. */
double scan_double(const char *s, char **end);

/* An address with optional prefix length. */
struct inet_addr {
	uint16_t family;	/* AF_INET, AF_INET6, AF_PACKET, ... */
	uint16_t bytelen;
	int16_t bitlen;		/* -1 when no prefix length was given */
	uint8_t flags;		/* ADDR_* below */
	uint8_t data[16];
};
enum {
	ADDR_DEFAULT = 1,	/* "default", "any", "all" */
	ADDR_HAS_PREFIX = 2,
};

/* family AF_UNSPEC accepts either; returns 0 or -EINVAL. */
int parse_addr(struct inet_addr *a, const char *s, int family);
int parse_prefix(struct inet_addr *a, const char *s, int family);
const char *format_addr(int family, const void *data, size_t len, char *buf,
			size_t size);
/* -r: the first /etc/hosts name of an IPv4/IPv6 address (no DNS). */
bool hosts_lookup(int family, const void *addr, size_t len, char *buf,
		  size_t size);

/* IP protocol numbers and names from /etc/protocols ("tcp"); a number
 * without a name is "ipproto-N", as it is always with -N (numeric). */
const char *ipproto_name(int proto, bool numeric, char *buf, size_t size);
int ipproto_id(const char *s);	/* -1 when unknown */

/* Link-layer addresses "aa:bb:..." up to `max` bytes; returns length or <0. */
int parse_lladdr(uint8_t *out, size_t max, const char *s);
const char *format_lladdr(const uint8_t *a, size_t len, char *buf,
			  size_t size);

/* Named tables from /etc/iproute2, read only on first use. */
enum name_table {
	NT_TABLES,
	NT_PROTOS,
	NT_SCOPES,
	NT_GROUPS,
	NT_REALMS,
	NT_DSFIELD,
	NT_MAX
};
/* Name for id, or the number in decimal when it has none. */
const char *name_of(enum name_table t, uint32_t id, char *buf, size_t size);
/* Id for a name or a number; 0 or -EINVAL. */
int id_of(enum name_table t, const char *name, uint32_t *id);
/* Override the directory (tests, fuzzers). */
void names_set_dir(const char *dir);
/* A user or group in /etc/passwd or /etc/group: by name (sets *id) when
 * name is not NULL, else by *id (its name to buf).  False when absent. */
bool passwd_lookup(const char *file, const char *name, unsigned int *id,
		   char *buf, size_t size);

/* Local time without libc's localtime_r (lib/localtime.c says why), and
 * asctime's layout without its newline. */
void local_time(int64_t t, struct tm *tm);
void format_ctime(char *buf, size_t size, const struct tm *tm);

/* fprintf(stderr, ...) in one call: loading stderr at each of some 220
 * messages cost 1.4 KB of the musl build. */
int pr_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
