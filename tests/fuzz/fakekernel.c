/* The fake kernel's replies: frames from a script file, handed out one per
 * recvmsg(), stamped with the sequence number of the last request sent.
 * Shared by replay (our ip, linked with --wrap) and fakekernel.so (the
 * reference, through LD_PRELOAD). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "fakekernel.h"

static uint8_t *script;
static size_t script_len, script_at;
static uint32_t last_seq;
/* The reference starts with an empty RTM_NEWLINK (seq 0) and wants ENODEV
 * back; that answer is made up here so scripts fit both implementations. */
static struct {
	struct nlmsghdr h;
	struct nlmsgerr e;
} probe_reply;
static bool probe_pending;

void fk_sent(const void *buf, size_t len)
{
	const struct nlmsghdr *nlh = buf;

	if (len < sizeof(*nlh))
		return;
	last_seq = nlh->nlmsg_seq;
	if (nlh->nlmsg_type == RTM_NEWLINK && !nlh->nlmsg_seq &&
	    len == NLMSG_LENGTH(sizeof(struct ifinfomsg))) {
		probe_reply.h.nlmsg_len = sizeof(probe_reply);
		probe_reply.h.nlmsg_type = NLMSG_ERROR;
		probe_reply.e.error = -ENODEV;
		memcpy(&probe_reply.e.msg, nlh, sizeof(*nlh));
		probe_pending = true;
	}
	if (getenv("FK_DEBUG"))
		fprintf(stderr, "fk: request type %u flags %#x seq %u len %zu\n",
			nlh->nlmsg_type, nlh->nlmsg_flags, nlh->nlmsg_seq, len);
}

/* Stamp our request's seq and our port id on every message of a datagram. */
static void restamp(int fd, uint8_t *p, size_t len)
{
	struct sockaddr_nl sa = { 0 };
	socklen_t salen = sizeof(sa);
	struct nlmsghdr *nlh = (struct nlmsghdr *)p;
	unsigned int left = len;

	getsockname(fd, (struct sockaddr *)&sa, &salen);
	for (; NLMSG_OK(nlh, left); nlh = NLMSG_NEXT(nlh, left)) {
		nlh->nlmsg_seq = last_seq;
		nlh->nlmsg_pid = sa.nl_pid;
		if (NLMSG_ALIGN(nlh->nlmsg_len) >= left)
			break;	/* unpadded last message: no wrap-around */
	}
}

/* Hand one frame's datagram to recvmsg's caller. */
static ssize_t give(int fd, struct msghdr *msg, int flags,
		    const struct frame *fr, uint8_t *data)
{
	size_t n;

	n = fr->len < msg->msg_iov[0].iov_len ? fr->len : msg->msg_iov[0].iov_len;
	if (n)
		memcpy(msg->msg_iov[0].iov_base, data, n);
	/* On the copy: the caller's buffer is aligned, the script may not be. */
	if (!fr->keep && n)
		restamp(fd, msg->msg_iov[0].iov_base, n);
	if (msg->msg_name) {
		struct sockaddr_nl *sa = msg->msg_name;

		memset(sa, 0, sizeof(*sa));
		sa->nl_family = AF_NETLINK;
		sa->nl_pid = fr->pid;
		msg->msg_namelen = sizeof(*sa);
	}
	if (getenv("FK_DEBUG"))
		fprintf(stderr, "fk: reply %u bytes from %u%s\n", fr->len, fr->pid,
			flags & MSG_PEEK ? " (peek)" : "");
	if (data == (uint8_t *)&probe_reply && !(flags & MSG_PEEK))
		probe_pending = false;
	return flags & MSG_TRUNC ? (ssize_t)fr->len : (ssize_t)n;
}

ssize_t fk_recvmsg(int fd, struct msghdr *msg, int flags)
{
	struct frame fr;
	uint8_t *data;

	if (probe_pending) {
		struct frame f = { .len = sizeof(probe_reply) };

		return give(fd, msg, flags, &f, (uint8_t *)&probe_reply);
	}
	if (script_at + sizeof(fr) > script_len) {
		/* Not EAGAIN: the reference would retry forever. */
		fprintf(stderr, "replay: no more replies in the script\n");
		errno = ENOTCONN;
		return -1;
	}
	memcpy(&fr, script + script_at, sizeof(fr));
	data = script + script_at + sizeof(fr);
	if (fr.err) {
		script_at += sizeof(fr) + fr.len;
		errno = fr.err;
		return -1;
	}
	if (!(flags & MSG_PEEK))
		script_at += sizeof(fr) + fr.len;
	return give(fd, msg, flags, &fr, data);
}

void fk_set_script(uint8_t *buf, size_t len)
{
	script = buf;
	script_len = len;
	script_at = 0;
	probe_pending = false;
}

int fk_load(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16;

	if (!f) {
		perror(path);
		return -1;
	}
	script = malloc(cap);
	while ((script_len += fread(script + script_len, 1, cap - script_len,
				    f)) == cap)
		script = realloc(script, cap *= 2);
	fclose(f);
	return 0;
}

