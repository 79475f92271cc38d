/* Hand-written rtnetlink: socket, bounded request builder, dumps, attributes. */
#ifndef NL_H
#define NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

struct nl_sock {
	int fd;
	uint32_t seq;
	uint32_t portid;
	char *rbuf;		/* receive buffer, grown to fit MSG_TRUNC sizes */
	size_t rcap;
	char errmsg[256];	/* extack text of the last error or warning */
	bool err_is_warning;
	bool dump_intr;		/* last dump carried NLM_F_DUMP_INTR */
	bool busy;		/* reading replies: callbacks must not send here */
	uint32_t link_changes;	/* link requests sent (new, del, set, prop) */
	uint8_t err_kind;	/* NL_ERR_*: where the last error came from */
	unsigned int remnant;	/* NL_ERR_TRUNC: bytes that made no message */
};

/* Where an error of nl_talk/nl_dump came from; the reference words each
 * differently ("netlink receive error", "RTNETLINK answers", ...). */
enum {
	NL_ERR_NONE,		/* sending, or a callback's own error */
	NL_ERR_RECV,		/* recvmsg failed (ENOBUFS, ...) */
	NL_ERR_ACK,		/* an NLMSG_ERROR */
	NL_ERR_ACK_SHORT,	/* an NLMSG_ERROR too short for its header */
	NL_ERR_DONE,		/* an NLMSG_DONE carrying an error */
	NL_ERR_TRUNC,		/* a datagram ending in a partial message */
};

/* A request being built: an aligned buffer with a capacity and an overflow flag. */
struct nl_req {
	struct nlmsghdr *nlh;
	size_t cap;
	bool overflow;
};

#define NL_REQ_DEFINE(name, size)                                              \
	union {                                                                \
		struct nlmsghdr h;                                             \
		char b[size];                                                  \
	} name##_buf;                                                          \
	struct nl_req name

int nl_open(struct nl_sock *s, int protocol);
void nl_close(struct nl_sock *s);

void nl_req_init(struct nl_req *r, void *buf, size_t cap, uint16_t type,
		 uint16_t flags);
#define NL_REQ_INIT(name, type, flags)                                         \
	nl_req_init(&name, &name##_buf, sizeof(name##_buf), type, flags)
void *nl_put_hdr(struct nl_req *r, size_t len);
void nl_put(struct nl_req *r, uint16_t type, const void *data, size_t len);
void nl_put_u8(struct nl_req *r, uint16_t type, uint8_t v);
void nl_put_u16(struct nl_req *r, uint16_t type, uint16_t v);
void nl_put_u32(struct nl_req *r, uint16_t type, uint32_t v);
void nl_put_u64(struct nl_req *r, uint16_t type, uint64_t v);
void nl_put_str(struct nl_req *r, uint16_t type, const char *s);
void nl_put_flag(struct nl_req *r, uint16_t type);
struct rtattr *nl_nest_start(struct nl_req *r, uint16_t type);
void nl_nest_end(struct nl_req *r, struct rtattr *nest);

/* Callback for each message of a dump or reply: return 0 to go on, <0 to stop
 * with that error, >0 to stop quietly. */
typedef int (*nl_cb)(struct nlmsghdr *nlh, void *arg);

/* Send a request and wait for its ack; replies other than the ack go to cb. */
int nl_talk(struct nl_sock *s, struct nl_req *r, nl_cb cb, void *arg);
/* A request answered by one message (RTM_GET* by index or name): no
 * NLM_F_ACK, so the answer is one datagram instead of two; cb gets it. */
int nl_get(struct nl_sock *s, struct nl_req *r, nl_cb cb, void *arg);
/* Send a dump request and feed every message to cb. */
int nl_dump(struct nl_sock *s, struct nl_req *r, nl_cb cb, void *arg);
/* Send a raw, fully built message; used by fuzz harnesses and replay. */
int nl_send(struct nl_sock *s, struct nlmsghdr *nlh);
/* Several fully built messages in one datagram (bulk deletes of a flush). */
int nl_send_batch(struct nl_sock *s, const void *buf, size_t len);
/* Read replies for sequence `seq` until DONE/ERROR; exposed for tests. */
int nl_recv_loop(struct nl_sock *s, uint32_t seq, bool dump, nl_cb cb,
		 void *arg);
/* Walk one receive buffer; the piece of nl_recv_loop that fuzzers feed. */
int nl_walk_buf(struct nl_sock *s, char *buf, size_t len, uint32_t seq,
		bool dump, nl_cb cb, void *arg);

/* Attributes: parse into tb[0..max]; short or overrunning ones are dropped.
 * minlen (may be NULL) gives the least payload length per type. */
void nl_parse(struct rtattr **tb, int max, struct rtattr *rta, size_t len,
	      const uint8_t *minlen);
void nl_parse_nested(struct rtattr **tb, int max, const struct rtattr *nest);
/* For loops over nested attributes, in place of RTA_NEXT, which wraps the
 * unsigned `left` around after an unpadded last attribute and walks on past
 * the buffer:  for (a = data; RTA_OK(a, left); a = nl_attr_next(a, &left)) */
struct rtattr *nl_attr_next(const struct rtattr *a, unsigned int *left);
size_t nl_attr_len(const struct rtattr *a);
void *nl_attr_data(const struct rtattr *a);
uint8_t nl_attr_u8(const struct rtattr *a);
uint16_t nl_attr_u16(const struct rtattr *a);
uint32_t nl_attr_u32(const struct rtattr *a);
uint64_t nl_attr_u64(const struct rtattr *a);
int32_t nl_attr_s32(const struct rtattr *a);
/* Returns the string if it is NUL-terminated within the attribute, else "". */
const char *nl_attr_str(const struct rtattr *a);

/* Payload of a message after its fixed header of `hdrlen` bytes. */
struct rtattr *nl_msg_attrs(const struct nlmsghdr *nlh, size_t hdrlen,
			    size_t *len);

#endif
