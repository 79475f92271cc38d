/* Numbers, addresses and link-layer addresses. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util.h"

/* Both run for every entry of every keyword table, on every batch line:
 * most entries differ in the first character, so look at that first. */
bool matches(const char *arg, const char *word)
{
	if (!*arg || *arg != *word)
		return false;
	while (*arg && *arg == *word) {
		arg++;
		word++;
	}
	return !*arg;
}

bool streq(const char *a, const char *b)
{
	return *a == *b && strcmp(a, b) == 0;
}

void str_copy(char *dst, const char *s, size_t size)
{
	size_t n = strnlen(s, size - 1);

	memcpy(dst, s, n);
	dst[n] = '\0';
}

int keyword_index(const char *arg, const char *words)
{
	int i;

	for (i = 0; *words; i++, words += strlen(words) + 1)
		if (*words == '=' ? streq(arg, words + 1) : matches(arg, words))
			return i;
	return -1;
}

const char *str_nth(const char *packed, size_t i)
{
	while (i--)
		packed += strlen(packed) + 1;
	return packed;
}

/* As iproute2's get_u32 and kin, strtoul underneath: blanks and a sign
 * pass, so "-0" is 0 (and "-1" is too big for anything narrower). */
int parse_u64(uint64_t *v, const char *s, int base)
{
	unsigned long long r;
	char *end;

	if (!s || !*s)
		return -EINVAL;
	errno = 0;
	r = strtoull(s, &end, base);
	if (*end || errno)
		return -EINVAL;
	*v = r;
	return 0;
}

static int parse_bounded(uint64_t *v, const char *s, int base, uint64_t max)
{
	int err = parse_u64(v, s, base);

	return err ? err : (*v > max ? -EINVAL : 0);
}

/* What sscanf(s, "PREFIX%u") (base 10) or "PREFIX%x" (base 16) reads,
 * without the scanf engine (a tenth of a musl binary): the prefix exactly,
 * then leading space, a sign, 0x for hex; the value wraps to 32 bits, a
 * too big one is all ones.  False when no digit comes. */
bool scan_uint(const char *s, const char *prefix, int base, unsigned int *v)
{
	size_t n = strlen(prefix);
	char *end;
	unsigned long long x;	/* 64 bits on 32-bit targets too: it wraps */

	if (strncmp(s, prefix, n))
		return false;
	x = strtoull(s + n, &end, base);
	if (end == s + n)
		return false;
	*v = (unsigned int)x;
	return true;
}

int parse_u32(uint32_t *v, const char *s, int base)
{
	uint64_t r;
	int err = parse_bounded(&r, s, base, UINT32_MAX);

	if (!err)
		*v = r;
	return err;
}

int parse_u16(uint16_t *v, const char *s, int base)
{
	uint64_t r;
	int err = parse_bounded(&r, s, base, UINT16_MAX);

	if (!err)
		*v = r;
	return err;
}

int parse_u8(uint8_t *v, const char *s, int base)
{
	uint64_t r;
	int err = parse_bounded(&r, s, base, UINT8_MAX);

	if (!err)
		*v = r;
	return err;
}

int parse_s32(int32_t *v, const char *s, int base)
{
	long long r;
	char *end;

	if (!s || !*s)
		return -EINVAL;
	errno = 0;
	r = strtoll(s, &end, base);
	if (*end || errno || r < INT32_MIN || r > INT32_MAX)
		return -EINVAL;
	*v = r;
	return 0;
}

/* IPv4 as the reference reads it: one to four parts, each a number in C
 * syntax up to 255 ("10/8", "10.1", "0x0a.0.0.1"); missing parts are 0.
 * Each part goes through strtoul there, so blanks and a sign pass too
 * (" 10.1", "+10.0.0.1", "-0.0.0.1"). */
static int parse_ipv4(uint8_t *out, const char *s)
{
	int i;

	memset(out, 0, 4);
	for (i = 0; i < 4; i++) {
		char *end;
		unsigned long long n;	/* "-4294967295" is no 1 on 32 bits */

		n = strtoull(s, &end, 0);
		if (n > 255 || end == s)
			return -EINVAL;
		out[i] = n;
		if (!*end)
			return 0;
		if (i == 3 || *end != '.')
			return -EINVAL;
		s = end + 1;
	}
	return -EINVAL;
}

/* A prefix length: a number, or a contiguous dotted netmask. */
static int parse_netmask(uint32_t *len, const char *s)
{
	uint8_t m[4];
	uint32_t mask;

	if (!parse_u32(len, s, 0))
		return 0;
	if (parse_ipv4(m, s))
		return -EINVAL;
	mask = (uint32_t)m[0] << 24 | m[1] << 16 | m[2] << 8 | m[3];
	if (mask & (~mask >> 1))
		return -EINVAL;
	for (*len = 0; mask; mask <<= 1)
		(*len)++;
	return 0;
}

int parse_addr(struct inet_addr *a, const char *s, int family)
{
	memset(a, 0, sizeof(*a));
	a->bitlen = -1;
	if (streq(s, "default") || streq(s, "any") || streq(s, "all")) {
		a->family = family;
		a->flags = ADDR_DEFAULT;
		a->bytelen = family == AF_INET6 ? 16 : 4;
		a->bitlen = 0;
		return 0;
	}
	if (strchr(s, ':')) {
		if (family != AF_UNSPEC && family != AF_INET6)
			return -EINVAL;
		if (inet_pton(AF_INET6, s, a->data) != 1)
			return -EINVAL;
		a->family = AF_INET6;
		a->bytelen = 16;
		return 0;
	}
	if (family != AF_UNSPEC && family != AF_INET)
		return -EINVAL;
	if (parse_ipv4(a->data, s))
		return -EINVAL;
	a->family = AF_INET;
	a->bytelen = 4;
	return 0;
}

int parse_prefix(struct inet_addr *a, const char *s, int family)
{
	char buf[INET6_ADDRSTRLEN + 8];
	const char *slash = strchr(s, '/');
	uint32_t plen;
	int err;

	if (!slash)
		return parse_addr(a, s, family);
	if ((size_t)(slash - s) >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, slash - s);
	buf[slash - s] = '\0';
	err = parse_addr(a, buf, family);
	if (err)
		return err;
	if (parse_netmask(&plen, slash + 1) || plen > a->bytelen * 8u)
		return -EINVAL;
	a->bitlen = plen;
	a->flags |= ADDR_HAS_PREFIX;
	return 0;
}

/* A dotted quad by hand: glibc's inet_ntop goes through sprintf, which was a
 * quarter of the user time of a 100,000-route listing. */
static const char *format_ipv4(const uint8_t *a, char *buf)
{
	char *p = buf;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned int v = a[i];

		if (v >= 100)
			*p++ = '0' + v / 100;
		if (v >= 10)
			*p++ = '0' + v / 10 % 10;
		*p++ = '0' + v % 10;
		*p++ = i < 3 ? '.' : '\0';
	}
	return buf;
}

const char *format_addr(int family, const void *data, size_t len, char *buf,
			size_t size)
{
	if (family == AF_INET && len >= 4 && size >= 16)
		return format_ipv4(data, buf);
	if ((family == AF_INET && len >= 4) || (family == AF_INET6 && len >= 16)) {
		if (inet_ntop(family, data, buf, size))
			return buf;
	}
	if (family == AF_PACKET || (family != AF_INET && family != AF_INET6))
		return format_lladdr(data, len, buf, size);
	snprintf(buf, size, "???");
	return buf;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "a:b:c" with one or two hex digits per byte; '.' separates too. */
int parse_lladdr(uint8_t *out, size_t max, const char *s)
{
	size_t n = 0;

	while (*s) {
		int hi = hexval(s[0]), lo;

		if (hi < 0 || n >= max)
			return -EINVAL;
		lo = s[1] ? hexval(s[1]) : -1;
		if (lo >= 0) {
			out[n++] = hi << 4 | lo;
			s += 2;
		} else {
			out[n++] = hi;
			s += 1;
		}
		if (*s == ':' || *s == '.') {
			s++;
			if (!*s)
				return -EINVAL;
		} else if (*s) {
			return -EINVAL;
		}
	}
	return n ? (int)n : -EINVAL;
}

const char *format_lladdr(const uint8_t *a, size_t len, char *buf, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, at = 0;

	if (!size)
		return buf;
	/* By hand: every link prints two of these, snprintf was most of it. */
	for (i = 0; i < len && at + 3 < size; i++) {
		if (i)
			buf[at++] = ':';
		buf[at++] = hex[a[i] >> 4];
		buf[at++] = hex[a[i] & 15];
	}
	buf[at] = '\0';
	return buf;
}

int pr_err(const char *fmt, ...)
{
       va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stderr, fmt, ap);
	va_end(ap);
	return n;
}
