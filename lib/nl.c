/* rtnetlink transport: socket, request builder, ack and dump handling. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "nl.h"
#include "util.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

enum { RBUF_MIN = 32768 };

int nl_open(struct nl_sock *s, int protocol)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	socklen_t salen = sizeof(sa);
	int one = 1;

	memset(s, 0, sizeof(*s));
	s->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
	if (s->fd < 0)
		return -errno;
	/* Run with stdout or stderr closed ("ip link >&-"), the socket would
	 * become fd 1 or 2 and our output would be sent to the kernel.  Keep
	 * it above them, so that writes there fail (and are reported). */
	if (s->fd <= 2) {
		int fd = fcntl(s->fd, F_DUPFD_CLOEXEC, 3);

		close(s->fd);
		if (fd < 0)
			return -errno;
		s->fd = fd;
	}
	/* No SO_SNDBUF/SO_RCVBUF: requests are small, and a dump only fills
	 * the next datagram once we have read the last one, so the default
	 * buffers are plenty; two system calls saved on every start. */
	/* Both are optional: old kernels simply lack them. */
	setsockopt(s->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(s->fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof(one));
	if (bind(s->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    getsockname(s->fd, (struct sockaddr *)&sa, &salen) < 0) {
		int err = -errno;

		close(s->fd);
		s->fd = -1;
		return err;
	}
	s->portid = sa.nl_pid;
	s->seq = (uint32_t)time(NULL);
	return 0;
}

void nl_close(struct nl_sock *s)
{
	if (s->fd >= 0)
		close(s->fd);
	free(s->rbuf);
	s->rbuf = NULL;
	s->rcap = 0;
	s->fd = -1;
}

void nl_req_init(struct nl_req *r, void *buf, size_t cap, uint16_t type,
		 uint16_t flags)
{
	/* Only the header: nl_reserve zeroes what each nl_put adds, and the
	 * callers' buffers are up to 8 KiB, per batch line. */
	memset(buf, 0, NLMSG_HDRLEN);
	r->nlh = buf;
	r->cap = cap;
	r->overflow = false;
	r->nlh->nlmsg_len = NLMSG_LENGTH(0);
	r->nlh->nlmsg_type = type;
	r->nlh->nlmsg_flags = NLM_F_REQUEST | flags;
}

/* Reserve `len` bytes (aligned) at the tail; NULL and overflow set if full. */
static void *nl_reserve(struct nl_req *r, size_t len)
{
	size_t at = NLMSG_ALIGN(r->nlh->nlmsg_len);
	void *p;

	if (r->overflow || at + NLMSG_ALIGN(len) > r->cap) {
		r->overflow = true;
		return NULL;
	}
	p = (char *)r->nlh + at;
	memset(p, 0, NLMSG_ALIGN(len));
	r->nlh->nlmsg_len = at + NLMSG_ALIGN(len);
	return p;
}

void *nl_put_hdr(struct nl_req *r, size_t len)
{
	return nl_reserve(r, len);
}

void nl_put(struct nl_req *r, uint16_t type, const void *data, size_t len)
{
	struct rtattr *rta = nl_reserve(r, RTA_LENGTH(len));

	if (!rta)
		return;
	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(rta), data, len);
}

void nl_put_u8(struct nl_req *r, uint16_t type, uint8_t v)
{
	nl_put(r, type, &v, sizeof(v));
}

void nl_put_u16(struct nl_req *r, uint16_t type, uint16_t v)
{
	nl_put(r, type, &v, sizeof(v));
}

void nl_put_u32(struct nl_req *r, uint16_t type, uint32_t v)
{
	nl_put(r, type, &v, sizeof(v));
}

void nl_put_u64(struct nl_req *r, uint16_t type, uint64_t v)
{
	nl_put(r, type, &v, sizeof(v));
}

void nl_put_str(struct nl_req *r, uint16_t type, const char *s)
{
	nl_put(r, type, s, strlen(s) + 1);
}

void nl_put_flag(struct nl_req *r, uint16_t type)
{
	nl_put(r, type, NULL, 0);
}

struct rtattr *nl_nest_start(struct nl_req *r, uint16_t type)
{
	struct rtattr *nest = (struct rtattr *)((char *)r->nlh +
						NLMSG_ALIGN(r->nlh->nlmsg_len));

	nl_put(r, type | NLA_F_NESTED, NULL, 0);
	return r->overflow ? NULL : nest;
}

void nl_nest_end(struct nl_req *r, struct rtattr *nest)
{
	if (nest && !r->overflow)
		nest->rta_len = (char *)r->nlh + r->nlh->nlmsg_len - (char *)nest;
}

int nl_send(struct nl_sock *s, struct nlmsghdr *nlh)
{
	return nl_send_batch(s, nlh, nlh->nlmsg_len);
}

/* Count requests that may change which link a name means (see ll_index). */
static void count_link_changes(struct nl_sock *s, const void *buf, size_t len)
{
	const struct nlmsghdr *nlh = buf;
	unsigned int left = len;

	for (; NLMSG_OK(nlh, left); nlh = NLMSG_NEXT(nlh, left))
		switch (nlh->nlmsg_type) {
		case RTM_NEWLINK: case RTM_DELLINK: case RTM_SETLINK:
		case RTM_NEWLINKPROP: case RTM_DELLINKPROP:
			s->link_changes++;
		}
}

int nl_send_batch(struct nl_sock *s, const void *buf, size_t len)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

	count_link_changes(s, buf, len);
	for (;;) {
		ssize_t n = sendto(s->fd, buf, len, 0,
				   (struct sockaddr *)&sa, sizeof(sa));
		if (n >= 0)
			return 0;
		if (errno != EINTR)
			return -errno;
	}
}

static int nl_send_req(struct nl_sock *s, struct nl_req *r, uint16_t flags)
{
	if (r->overflow)
		return -EMSGSIZE;
	r->nlh->nlmsg_flags |= flags;
	r->nlh->nlmsg_seq = ++s->seq;
	r->nlh->nlmsg_pid = 0;
	s->errmsg[0] = '\0';
	s->err_is_warning = false;
	s->dump_intr = false;
	s->err_kind = NL_ERR_NONE;
	return nl_send(s, r->nlh);
}

/* Keep the extack message (if any) of an NLMSG_ERROR or NLMSG_DONE. */
static void nl_take_extack(struct nl_sock *s, const struct nlmsghdr *nlh,
			   size_t off)
{
	struct rtattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t len;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || nlh->nlmsg_len < off)
		return;
	len = nlh->nlmsg_len - off;
	nl_parse(tb, NLMSGERR_ATTR_MAX, (struct rtattr *)((char *)nlh + off),
		 len, NULL);
	if (tb[NLMSGERR_ATTR_MSG]) {
		const char *m = nl_attr_str(tb[NLMSGERR_ATTR_MSG]);

		str_copy(s->errmsg, m, sizeof(s->errmsg));
	}
}

/* The kernel sends 0 or -errno.  Anything else (a corrupt reply) must not
 * reach strerror(-err) (INT_MIN: undefined) or pass for the loop's positive
 * "done" and "stop" codes. */
static int kernel_err(int err)
{
	return err > 0 || err < -4095 ? -EBADMSG : err;
}

static int nl_handle_error(struct nl_sock *s, const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *e = NLMSG_DATA(nlh);
	int err;
	size_t off;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*e))) {
		s->err_kind = NL_ERR_ACK_SHORT;
		return -EBADMSG;
	}
	err = kernel_err(e->error);
	if (err)
		s->err_kind = NL_ERR_ACK;
	off = NLMSG_LENGTH(sizeof(*e));
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (e->msg.nlmsg_len < sizeof(struct nlmsghdr))
			return err ? err : 1;
		off += NLMSG_ALIGN(e->msg.nlmsg_len) - sizeof(struct nlmsghdr);
	}
	nl_take_extack(s, nlh, off);
	s->err_is_warning = err == 0 && s->errmsg[0];
	/* 1 means "done, successfully" to the loop. */
	return err ? err : 1;
}

static int nl_handle_done(struct nl_sock *s, const struct nlmsghdr *nlh)
{
	int err = 0;

	if (nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(int))) {
		memcpy(&err, NLMSG_DATA(nlh), sizeof(err));
		nl_take_extack(s, nlh, NLMSG_LENGTH(sizeof(int)));
	}
	if (err < 0) {
		s->err_kind = NL_ERR_DONE;
		return kernel_err(err);
	}
	return 1;
}

/* One message: returns 0 to go on, 1 when done, <0 on error. */
static int nl_one(struct nl_sock *s, struct nlmsghdr *nlh, uint32_t seq,
		  bool dump, nl_cb cb, void *arg)
{
	int ret;

	if (nlh->nlmsg_seq != seq || (nlh->nlmsg_pid && nlh->nlmsg_pid != s->portid))
		return 0;	/* stale or foreign: not ours */
	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		s->dump_intr = true;
	if (nlh->nlmsg_type == NLMSG_ERROR)
		return nl_handle_error(s, nlh);
	if (nlh->nlmsg_type == NLMSG_DONE)
		return dump ? nl_handle_done(s, nlh) : 0;
	if (nlh->nlmsg_type < NLMSG_MIN_TYPE || !cb)
		return 0;
	ret = cb(nlh, arg);
	if (ret < 0)
		return ret;
	return ret > 0 ? 2 : 0;
}

int nl_walk_buf(struct nl_sock *s, char *buf, size_t len, uint32_t seq,
		bool dump, nl_cb cb, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	unsigned int left = len;

	for (; NLMSG_OK(nlh, left); nlh = NLMSG_NEXT(nlh, left)) {
		int ret = nl_one(s, nlh, seq, dump, cb, arg);

		if (ret)
			return ret;
		/* A last message without its padding: NLMSG_NEXT would wrap
		 * `left` around and walk past the buffer. */
		if (NLMSG_ALIGN(nlh->nlmsg_len) >= left)
			return 0;
	}
	if (left) {
		s->err_kind = NL_ERR_TRUNC;
		s->remnant = left;
		return -EBADMSG;
	}
	return 0;
}

/* Receive one datagram into s->rbuf, growing it to the size MSG_TRUNC reports.
 * A peek finds the size without losing what does not fit; it peeks into the
 * buffer itself, so that when the datagram fits (nearly always: a dump's
 * are 32 KiB at most) it is already read, and the datagram is then taken
 * off the queue with a read of nothing instead of a second copy (8,000
 * links: 10 MB the kernel copied twice). */
static ssize_t nl_recv(struct nl_sock *s, bool *from_kernel)
{
	struct sockaddr_nl sa;
	struct iovec iov;
	struct msghdr msg = { .msg_name = &sa, .msg_namelen = sizeof(sa),
			      .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;
	char *p;

	if (!s->rbuf) {
		s->rbuf = malloc(RBUF_MIN);
		if (!s->rbuf)
			return -ENOMEM;
		s->rcap = RBUF_MIN;
	}
	for (;;) {
		iov.iov_base = s->rbuf;
		iov.iov_len = s->rcap;
		n = recvmsg(s->fd, &msg, MSG_PEEK | MSG_TRUNC);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if ((size_t)n <= s->rcap)
			break;
		p = realloc(s->rbuf, n);
		if (!p)
			return -ENOMEM;
		s->rbuf = p;
		s->rcap = n;
	}
	*from_kernel = sa.nl_pid == 0;
	iov.iov_len = 0;
	while (recvmsg(s->fd, &msg, MSG_TRUNC) < 0)
		if (errno != EINTR)
			return -errno;
	return n;
}

int nl_recv_loop(struct nl_sock *s, uint32_t seq, bool dump, nl_cb cb,
		 void *arg)
{
	int stopped = 0;

	for (;;) {
		bool kernel = false;
		ssize_t n = nl_recv(s, &kernel);
		int ret;

		if (n < 0) {
			s->err_kind = NL_ERR_RECV;
			return (int)n;
		}
		if (n == 0)
			return -ECONNRESET;
		if (!kernel)
			continue;	/* only the kernel may answer us */
		/* After a callback asked to stop, drain the rest of the reply. */
		ret = nl_walk_buf(s, s->rbuf, n, seq, dump, stopped ? NULL : cb, arg);
		if (ret == 2) {
			stopped = 1;
			continue;
		}
		if (ret == 1)
			return 0;
		if (ret < 0)
			return ret;
	}
}

int nl_talk(struct nl_sock *s, struct nl_req *r, nl_cb cb, void *arg)
{
	int err = nl_send_req(s, r, NLM_F_ACK);

	if (err)
		return err;
	s->busy = true;
	err = nl_recv_loop(s, s->seq, false, cb, arg);
	s->busy = false;
	return err;
}

struct get_arg {
	nl_cb cb;
	void *arg;
	int ret;
};

static int get_cb(struct nlmsghdr *nlh, void *arg)
{
	struct get_arg *g = arg;

	g->ret = g->cb ? g->cb(nlh, g->arg) : 0;
	return g->ret < 0 ? g->ret : 1;	/* one answer: stop there */
}

int nl_get(struct nl_sock *s, struct nl_req *r, nl_cb cb, void *arg)
{
	struct get_arg g = { cb, arg, 0 };
	int err = nl_send_req(s, r, 0);

	if (err)
		return err;
	s->busy = true;
	do {
		bool kernel = false;
		ssize_t n = nl_recv(s, &kernel);

		if (n <= 0) {
			err = n < 0 ? (int)n : -ECONNRESET;
			break;
		}
		if (kernel)
			err = nl_walk_buf(s, s->rbuf, n, s->seq, false, get_cb, &g);
	} while (!err);
	s->busy = false;
	if (err == 2)	/* the answer */
		return g.ret < 0 ? g.ret : 0;
	return err < 0 ? err : 0;
}

int nl_dump(struct nl_sock *s, struct nl_req *r, nl_cb cb, void *arg)
{
	int err = nl_send_req(s, r, NLM_F_DUMP);

	if (err)
		return err;
	s->busy = true;
	err = nl_recv_loop(s, s->seq, true, cb, arg);
	s->busy = false;
	return err;
}
