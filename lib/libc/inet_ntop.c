/* inet_ntop() for both static builds, in glibc's notation, which the
 * reference prints: the longest run of two or more zero groups (the first
 * of equal ones) becomes "::", and an address that is zero but for its last
 * 32 bits (or ::ffff: and 32 bits) ends in dotted decimal.  musl writes
 * ::1.2.3.4 as ::102:304, so a musl build printed such addresses unlike the
 * reference.  tests/libc/inet_diff.c checks it against glibc's. */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

static char *put_v4(char *p, const unsigned char *a)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			*p++ = '.';
		if (a[i] >= 100)
			*p++ = (char)('0' + a[i] / 100);
		if (a[i] >= 10)
			*p++ = (char)('0' + a[i] / 10 % 10);
		*p++ = (char)('0' + a[i] % 10);
	}
	return p;
}

static char *put_hex(char *p, unsigned int v)
{
	int shift = 12;

	while (shift > 0 && !(v >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		*p++ = "0123456789abcdef"[v >> shift & 15];
	return p;
}

static char *put_v6(char *p, const unsigned char *a)
{
	unsigned int w[8];
	int i, best = -1, blen = 0, cur = -1;

	for (i = 0; i < 8; i++)
		w[i] = (unsigned int)a[2 * i] << 8 | a[2 * i + 1];
	for (i = 0; i <= 8; i++) {	/* the longest zero run, first wins */
		if (i < 8 && !w[i]) {
			cur = cur < 0 ? i : cur;
			continue;
		}
		if (cur >= 0 && i - cur > blen) {
			best = cur;
			blen = i - cur;
		}
		cur = -1;
	}
	if (blen < 2)
		best = -1;
	for (i = 0; i < 8; i++) {
		if (best >= 0 && i >= best && i < best + blen) {
			if (i == best)
				*p++ = ':';
			continue;
		}
		if (i)
			*p++ = ':';
		if (i == 6 && best == 0 &&
		    (blen == 6 || (blen == 5 && w[5] == 0xffff)))
			return put_v4(p, a + 12);
		p = put_hex(p, w[i]);
	}
	if (best >= 0 && best + blen == 8)
		*p++ = ':';
	return p;
}

const char *inet_ntop(int af, const void *restrict src, char *restrict dst,
		      socklen_t size)
{
	char buf[48], *end;

	if (af == AF_INET) {
		end = put_v4(buf, src);
	} else if (af == AF_INET6) {
		end = put_v6(buf, src);
	} else {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	*end++ = '\0';
	if ((size_t)(end - buf) > size) {
		errno = ENOSPC;
		return NULL;
	}
	return memcpy(dst, buf, end - buf);
}
