/* fakekernel.so: the fake kernel for a dynamically linked ip (the reference),
 * so that crafted replies can be compared between both implementations:
 *   REPLAY_FILE=script.bin LD_PRELOAD=build/fakekernel.so /bin/ip link show
 * Only netlink sockets are faked; requests never reach the kernel. */
#include <dlfcn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fakekernel.h"

static bool on;

__attribute__((constructor)) static void fk_init(void)
{
	const char *p = getenv("REPLAY_FILE");

	on = p && !fk_load(p);
}

static bool faked(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	return on && !getsockname(fd, (struct sockaddr *)&ss, &len) &&
	       ss.ss_family == AF_NETLINK;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	if (!faked(fd))
		return REAL(send)(fd, buf, len, flags);
	fk_sent(buf, len);
	return len;
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags,
	       const struct sockaddr *to, socklen_t tolen)
{
	if (!faked(fd))
		return REAL(sendto)(fd, buf, len, flags, to, tolen);
	fk_sent(buf, len);
	return len;
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	size_t i, total = 0;

	if (!faked(fd))
		return REAL(sendmsg)(fd, msg, flags);
	if (msg->msg_iovlen)
		fk_sent(msg->msg_iov[0].iov_base, msg->msg_iov[0].iov_len);
	for (i = 0; i < msg->msg_iovlen; i++)
		total += msg->msg_iov[i].iov_len;
	return total;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	if (!faked(fd))
		return REAL(recvmsg)(fd, msg, flags);
	return fk_recvmsg(fd, msg, flags);
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags,
		 struct sockaddr *from, socklen_t *fromlen)
{
	struct iovec iov = { buf, len };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
			      .msg_name = from,
			      .msg_namelen = fromlen ? *fromlen : 0 };
	ssize_t n;

	if (!faked(fd))
		return REAL(recvfrom)(fd, buf, len, flags, from, fromlen);
	n = fk_recvmsg(fd, &msg, flags);
	if (fromlen)
		*fromlen = msg.msg_namelen;
	return n;
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	if (!faked(fd))
		return REAL(recv)(fd, buf, len, flags);
	return recvfrom(fd, buf, len, flags, NULL, NULL);
}
