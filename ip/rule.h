/* ip rule: what the grammar (rule.c) and the dump commands and printer
 * (rule_show.c) share. */
#ifndef RULE_H
#define RULE_H

#include <stdint.h>
#include <sys/socket.h>
#include <linux/fib_rules.h>

#include "ip.h"
#include "names.h"

/* The selectors of list and flush, each off until given. */
struct rule_filter {
	bool inverted, l3mdev, pref_set, tos_set, uid_set;
	uint8_t tos, ipproto;
	uint32_t pref, fwmark, fwmask, table, protocol, protocolmask;
	struct inet_addr src, dst;	/* family AF_UNSPEC: not given */
	char iif[16], oif[16];		/* "": not given */
	struct fib_rule_uid_range uid;
	struct fib_rule_port_range sport, dport;	/* start 0: not given */
	uint64_t tun_id;		/* 0: not given */
};

/* One rule message, decoded. */
struct rule_view {
	uint32_t has;		/* 1 << FRA_x for each attribute present */
	bool deleted;
	uint8_t family, src_len, dst_len, tos, action, l3mdev, proto, ipproto;
	uint32_t flags, prio, table, mark, mask, flow, target;
	int32_t suppress_len, suppress_group;
	uint64_t tun_id;
	struct fib_rule_uid_range uid;
	struct fib_rule_port_range sport, dport;
	const struct rtattr *src, *dst, *nat;
	const char *iif, *oif;
};
#define RULE_HAS(v, attr) ((v)->has & (1u << (attr)))

/* The attribute a NAT rule's address travels in (the reference sends
 * RTA_GATEWAY, which is FRA_UNUSED2 in a rule). */
enum { RULE_NAT_ADDR = RTA_GATEWAY };

int rule_decode(const struct nlmsghdr *nlh, struct rule_view *v);
bool rule_wanted(const struct ipctx *ctx, const struct rule_filter *f,
		 const struct rule_view *v);
void print_rule_view(struct ipctx *ctx, const struct rule_view *v);

enum { RULE_LIST, RULE_FLUSH, RULE_SAVE };
/* list, flush and save after their selectors were read into f. */
int rule_dump_cmd(struct ipctx *ctx, const struct rule_filter *f, int action);
int rule_restore(struct ipctx *ctx);

#endif
