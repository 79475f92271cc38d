/* A fake kernel for robustness tests: runs a real ip command whose netlink
 * replies come from a script instead of the kernel.
 *
 *   replay record FILE ip ARGS...  run for real, save every datagram received
 *   replay play FILE ip ARGS...    answer every request from FILE, in order
 *   replay asm < TEXT > FILE       build FILE from a readable description
 *
 * FILE is a sequence of frames (struct frame + payload).  In play mode each
 * recvmsg() takes the next frame: its datagram comes "from" frame.pid (0 is
 * the kernel), or recvmsg fails with frame.err (ENOBUFS, EINTR, ...).  The
 * sequence numbers and port ids of its messages are set to those of the last
 * request sent, unless the frame says to keep them (to test mismatches).
 * Nothing is sent to the kernel in play mode.
 *
 * asm text, one directive per line ('#' starts a comment):
 *   dgram [pid=N] [keepseq] [err=N]   a new datagram (err: a failing recvmsg)
 *   msg TYPE [flags=N] [seq=N] [len=N]  a new message; TYPE is a number or
 *                                     NEWLINK NEWADDR NEWROUTE DONE ERROR NOOP
 *   ifinfo|ifaddr|rtmsg F1 F2 ...     the fixed header, fields as numbers
 *   attr TYPE [len=N] ... end         an attribute (nested until its end)
 *   u8|u16|u32|u64|i32 N, str TEXT, strn TEXT (no NUL), hex XX..., pad N
 * len=N overrides the computed nlmsg_len / rta_len (truncation, overruns). */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "fakekernel.h"

int ip_main(int argc, char **argv);
ssize_t __real_recvmsg(int fd, struct msghdr *msg, int flags);
ssize_t __real_sendto(int fd, const void *buf, size_t len, int flags,
		      const struct sockaddr *to, socklen_t tolen);

static enum { PASS, RECORD, PLAY } mode;
static FILE *rec;

ssize_t __wrap_sendto(int fd, const void *buf, size_t len, int flags,
		      const struct sockaddr *to, socklen_t tolen)
{
	if (mode != PLAY)
		return __real_sendto(fd, buf, len, flags, to, tolen);
	fk_sent(buf, len);
	return len;
}

static void record(struct msghdr *msg, ssize_t n)
{
	struct sockaddr_nl *sa = msg->msg_name;
	struct frame fr = { .len = n, .pid = sa ? sa->nl_pid : 0 };

	fwrite(&fr, sizeof(fr), 1, rec);
	fwrite(msg->msg_iov[0].iov_base, 1, n, rec);
	fflush(rec);
}

ssize_t __wrap_recvmsg(int fd, struct msghdr *msg, int flags)
{
	ssize_t n;

	if (mode == PLAY)
		return fk_recvmsg(fd, msg, flags);
	n = __real_recvmsg(fd, msg, flags);
	if (mode == RECORD && n > 0 && !(flags & MSG_PEEK))
		record(msg, n);
	return n;
}

/* ---- the assembler ---- */

struct asm_state {
	uint8_t buf[1 << 16];
	size_t len;
	size_t frame;		/* offset of the open frame */
	size_t msg;		/* offset of the open message + 1, 0 if none */
	long msg_len;		/* forced nlmsg_len, -1 if none */
	size_t nest[16];	/* offsets of open attributes */
	long nest_len[16];
	int depth;
	int line;
};

static void asm_die(struct asm_state *a, const char *why, const char *what)
{
	fprintf(stderr, "replay asm: line %d: %s: %s\n", a->line, why, what);
	exit(2);
}

static void put(struct asm_state *a, const void *p, size_t n)
{
	if (a->len + n > sizeof(a->buf))
		asm_die(a, "too big", "");
	memcpy(a->buf + a->len, p, n);
	a->len += n;
}

static void align4(struct asm_state *a)
{
	static const uint8_t z[4];

	put(a, z, (4 - a->len % 4) % 4);
}

static long num(struct asm_state *a, const char *s)
{
	char *end;
	long long v;

	if (!s)
		asm_die(a, "missing number", "");
	v = strtoll(s, &end, 0);
	if (*end)
		v = (long long)strtoull(s, &end, 0);
	if (*end)
		asm_die(a, "bad number", s);
	return (long)v;
}

static long opt(struct asm_state *a, char **w, const char *key, long dflt)
{
	size_t n = strlen(key);

	for (; *w; w++)
		if (!strncmp(*w, key, n) && (*w)[n] == '=')
			return num(a, *w + n + 1);
	return dflt;
}

static bool has(char **w, const char *word)
{
	for (; *w; w++)
		if (!strcmp(*w, word))
			return true;
	return false;
}

static void close_msg(struct asm_state *a)
{
	struct nlmsghdr *nlh;

	if (!a->msg)
		return;
	if (a->depth)
		asm_die(a, "attribute not ended", "");
	align4(a);
	nlh = (struct nlmsghdr *)(a->buf + a->msg - 1);
	nlh->nlmsg_len = a->msg_len >= 0 ? (uint32_t)a->msg_len :
					   a->len - (a->msg - 1);
	a->msg = 0;
}

static void close_frame(struct asm_state *a)
{
	struct frame *fr;

	close_msg(a);
	if (!a->frame)
		return;
	fr = (struct frame *)(a->buf + a->frame - 1);
	fr->len = a->len - (a->frame - 1) - sizeof(*fr);
	a->frame = 0;
}

static const struct { const char *name; int type; } msg_types[] = {
	{ "NEWLINK", RTM_NEWLINK }, { "DELLINK", RTM_DELLINK },
	{ "NEWADDR", RTM_NEWADDR }, { "NEWROUTE", RTM_NEWROUTE },
	{ "DONE", NLMSG_DONE }, { "ERROR", NLMSG_ERROR }, { "NOOP", NLMSG_NOOP },
};

static int msg_type(struct asm_state *a, const char *s)
{
	size_t i;

	for (i = 0; s && i < sizeof(msg_types) / sizeof(msg_types[0]); i++)
		if (!strcmp(s, msg_types[i].name))
			return msg_types[i].type;
	return num(a, s);
}

static void do_dgram(struct asm_state *a, char **w)
{
	struct frame fr = { 0 };

	close_frame(a);
	fr.pid = opt(a, w, "pid", 0);
	fr.err = opt(a, w, "err", 0);
	fr.keep = has(w, "keepseq");
	a->frame = a->len + 1;
	put(a, &fr, sizeof(fr));
}

static void do_msg(struct asm_state *a, char **w)
{
	struct nlmsghdr h = { 0 };

	if (!a->frame)
		asm_die(a, "msg outside a dgram", "");
	close_msg(a);
	h.nlmsg_type = msg_type(a, w[1]);
	h.nlmsg_flags = opt(a, w, "flags", 0);
	h.nlmsg_seq = opt(a, w, "seq", 0);
	h.nlmsg_pid = opt(a, w, "pid", 0);
	a->msg_len = opt(a, w, "len", -1);
	a->msg = a->len + 1;
	put(a, &h, sizeof(h));
}

static void do_attr(struct asm_state *a, char **w)
{
	struct rtattr rta = { 0 };

	if (a->depth >= 16)
		asm_die(a, "nested too deep", "");
	align4(a);
	rta.rta_type = num(a, w[1]);
	a->nest_len[a->depth] = opt(a, w, "len", -1);
	a->nest[a->depth++] = a->len;
	put(a, &rta, sizeof(rta));
}

static void do_end(struct asm_state *a)
{
	struct rtattr *rta;
	size_t at;

	if (!a->depth)
		asm_die(a, "end without attr", "");
	at = a->nest[--a->depth];
	rta = (struct rtattr *)(a->buf + at);
	rta->rta_len = a->nest_len[a->depth] >= 0 ?
		       (unsigned short)a->nest_len[a->depth] : a->len - at;
	align4(a);
}

/* Fixed headers, fields in struct order, missing ones zero. */
static void do_fixed(struct asm_state *a, char **w, const char *what)
{
	uint8_t b[16] = { 0 };
	size_t n;
	int i;

	if (!strcmp(what, "ifinfo")) {
		struct ifinfomsg h = { 0 };
		long v[6] = { 0 };

		for (i = 0; i < 6 && w[i + 1]; i++)
			v[i] = num(a, w[i + 1]);
		h.ifi_family = v[0]; h.ifi_type = v[1]; h.ifi_index = v[2];
		h.ifi_flags = v[3]; h.ifi_change = v[4];
		n = sizeof(h);
		memcpy(b, &h, n);
	} else if (!strcmp(what, "ifaddr")) {
		struct ifaddrmsg h = { 0 };
		long v[5] = { 0 };

		for (i = 0; i < 5 && w[i + 1]; i++)
			v[i] = num(a, w[i + 1]);
		h.ifa_family = v[0]; h.ifa_prefixlen = v[1]; h.ifa_flags = v[2];
		h.ifa_scope = v[3]; h.ifa_index = v[4];
		n = sizeof(h);
		memcpy(b, &h, n);
	} else {
		struct rtmsg h = { 0 };
		long v[9] = { 0 };

		for (i = 0; i < 9 && w[i + 1]; i++)
			v[i] = num(a, w[i + 1]);
		h.rtm_family = v[0]; h.rtm_dst_len = v[1]; h.rtm_src_len = v[2];
		h.rtm_tos = v[3]; h.rtm_table = v[4]; h.rtm_protocol = v[5];
		h.rtm_scope = v[6]; h.rtm_type = v[7]; h.rtm_flags = v[8];
		n = sizeof(h);
		memcpy(b, &h, n);
	}
	put(a, b, n);
}

static void do_value(struct asm_state *a, char **w)
{
	const char *k = w[0];
	long long v = w[1] ? num(a, w[1]) : 0;
	int i;

	if (!strcmp(k, "u8")) {
		uint8_t x = v; put(a, &x, 1);
	} else if (!strcmp(k, "u16")) {
		uint16_t x = v; put(a, &x, 2);
	} else if (!strcmp(k, "u32") || !strcmp(k, "i32")) {
		uint32_t x = v; put(a, &x, 4);
	} else if (!strcmp(k, "u64")) {
		uint64_t x = v; put(a, &x, 8);
	} else if (!strcmp(k, "pad")) {
		for (i = 0; i < v; i++)
			put(a, "", 1);
	} else {
		asm_die(a, "unknown directive", k);
	}
}

static void do_line(struct asm_state *a, char *line)
{
	char *w[32], *rest = NULL, *p;
	int n = 0;

	line[strcspn(line, "#\n")] = '\0';
	p = line + strspn(line, " \t");
	if (!strncmp(p, "str ", 4) || !strncmp(p, "strn ", 5)) {
		rest = strchr(p, ' ') + 1;
		put(a, rest, strlen(rest) + (p[3] == ' '));
		return;
	}
	for (p = strtok(p, " \t"); p && n < 31; p = strtok(NULL, " \t"))
		w[n++] = p;
	w[n] = NULL;
	if (!n)
		return;
	if (!strcmp(w[0], "dgram"))
		do_dgram(a, w);
	else if (!strcmp(w[0], "msg"))
		do_msg(a, w);
	else if (!strcmp(w[0], "attr"))
		do_attr(a, w);
	else if (!strcmp(w[0], "end"))
		do_end(a);
	else if (!strcmp(w[0], "ifinfo") || !strcmp(w[0], "ifaddr") ||
		 !strcmp(w[0], "rtmsg"))
		do_fixed(a, w, w[0]);
	else if (!strcmp(w[0], "hex"))
		for (n = 1; w[n]; n++) {
			uint8_t x = strtoul(w[n], NULL, 16);
			put(a, &x, 1);
		}
	else
		do_value(a, w);
}

static int assemble(void)
{
	static struct asm_state a;
	char line[4096];

	while (fgets(line, sizeof(line), stdin)) {
		a.line++;
		do_line(&a, line);
	}
	close_frame(&a);
	fwrite(a.buf, 1, a.len, stdout);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "asm"))
		return assemble();
	if (argc < 4 || (strcmp(argv[1], "record") && strcmp(argv[1], "play"))) {
		fprintf(stderr, "usage: replay {record|play} FILE ip ARGS... | replay asm\n");
		return 2;
	}
	if (!strcmp(argv[1], "record")) {
		mode = RECORD;
		rec = fopen(argv[2], "wb");
		if (!rec) {
			perror(argv[2]);
			return 2;
		}
	} else {
		mode = PLAY;
		if (fk_load(argv[2]))
			return 2;
	}
	return ip_main(argc - 3, argv + 3);
}
