/* lib/libc/inet_ntop.c against the C library's inet_ntop (glibc: what the
 * reference prints with) on IPv6 addresses of random groups, mostly zeros
 * in random places, and on IPv4 ones; also the ENOSPC edge.  Prints each
 * disagreement; exit status 1 if there was one. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

const char *small_inet_ntop(int af, const void *src, char *dst, socklen_t size);

static long bad;

static void check(int af, const unsigned char *a, socklen_t size)
{
	char want[64] = "", got[64] = "";
	const char *w, *g;
	int ew, eg;

	errno = 0;
	w = inet_ntop(af, a, want, size);
	ew = errno;
	errno = 0;
	g = small_inet_ntop(af, a, got, size);
	eg = errno;
	if ((!w != !g || (w && strcmp(want, got)) || (!w && ew != eg)) &&
	    bad++ < 30)
		printf("af %d size %u: libc '%s' (errno %d), ours '%s' (errno %d)\n",
		       af, size, w ? want : "NULL", ew, g ? got : "NULL", eg);
}

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 1000000;
	unsigned char a[16];
	int k;

	srand(1);
	for (i = 0; i < n; i++) {
		for (k = 0; k < 8; k++) {
			int r = rand() % 8, v = r < 4 ? 0 : r == 4 ? 0xffff :
						r == 5 ? rand() % 16 : rand() % 65536;

			a[2 * k] = v >> 8;
			a[2 * k + 1] = v & 255;
		}
		if (i % 5 == 0)	/* the dotted-tail shapes */
			memset(a, 0, 10 + (i % 3 == 0 ? 2 : 0));
		if (i % 15 == 0)
			a[10] = a[11] = 0xff;
		check(AF_INET6, a, 64);
		check(AF_INET, a + 12, 64);
		if (i % 100 == 0)
			check(AF_INET6, a, rand() % 42);
	}
	check(AF_UNIX, a, 64);
	printf("%ld disagreements\n", bad);
	return bad != 0;
}
