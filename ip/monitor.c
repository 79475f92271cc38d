/* ip monitor: rtnetlink events as they happen (or as rtmon saved them),
 * each printed the way its object's listing prints it, flushed one by one
 * so that a script reading a pipe sees every event at once. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/if_link.h>
#include <linux/netconf.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>

#include "ip.h"
#include "nh.h"
#include "route.h"
#include "usage_text.h"

#ifndef NETLINK_LISTEN_ALL_NSID
#define NETLINK_LISTEN_ALL_NSID 8
#endif
#ifndef RTNLGRP_NEXTHOP
#define RTNLGRP_NEXTHOP 32
#endif
#ifndef RTNLGRP_STATS
#define RTNLGRP_STATS 36
#endif
#define NLMSG_TSTAMP 15	/* rtmon's record of when the next message came */
/* The bits of a prefix event's flags that the reference names (the
 * kernel's own IF_PREFIX_*; no uapi header has them). */
enum { PREFIX_ONLINK = 0x01, PREFIX_AUTOCONF = 0x02 };

/* The objects in the reference's order of prefix matching ("n" is neigh,
 * "r" route), with their multicast groups per family. */
enum { M_LINK, M_ADDR, M_ROUTE, M_MROUTE, M_PREFIX, M_NEIGH, M_NETCONF,
       M_RULE, M_NSID, M_NEXTHOP, M_STATS, M_COUNT };

struct mon_obj {
	const char *name, *label;
	uint8_t any, v4, v6, mpls;	/* groups: any family, or per family */
} __attribute__((packed));	/* 20 bytes an entry, not 24 */

static const struct mon_obj mon_objs[M_COUNT] = {
	[M_LINK] = { "link", "[LINK]", RTNLGRP_LINK, 0, 0, 0 },
	[M_ADDR] = { "address", "[ADDR]", 0, RTNLGRP_IPV4_IFADDR,
		     RTNLGRP_IPV6_IFADDR, 0 },
	[M_ROUTE] = { "route", "[ROUTE]", 0, RTNLGRP_IPV4_ROUTE,
		      RTNLGRP_IPV6_ROUTE, RTNLGRP_MPLS_ROUTE },
	[M_MROUTE] = { "mroute", "[MROUTE]", 0, RTNLGRP_IPV4_MROUTE,
		       RTNLGRP_IPV6_MROUTE, 0 },
	[M_PREFIX] = { "prefix", "[PREFIX]", 0, 0, RTNLGRP_IPV6_PREFIX, 0 },
	[M_NEIGH] = { "neigh", "[NEIGH]", RTNLGRP_NEIGH, 0, 0, 0 },
	[M_NETCONF] = { "netconf", "[NETCONF]", 0, RTNLGRP_IPV4_NETCONF,
			RTNLGRP_IPV6_NETCONF, RTNLGRP_MPLS_NETCONF },
	[M_RULE] = { "rule", "[RULE]", 0, RTNLGRP_IPV4_RULE,
		     RTNLGRP_IPV6_RULE, 0 },
	[M_NSID] = { "nsid", "[NSID]", RTNLGRP_NSID, 0, 0, 0 },
	[M_NEXTHOP] = { "nexthop", "[NEXTHOP]", RTNLGRP_NEXTHOP, 0, 0, 0 },
	[M_STATS] = { "stats", "[STATS]", RTNLGRP_STATS, 0, 0, 0 },
};

struct mon {
	struct ipctx *ctx;
	unsigned int objs;	/* bit per M_* */
	bool label;
	bool all_nsid;
	const char *file;
	int ifindex;		/* dev DEVICE: 0 for any */
	int nsid;		/* all-nsid: where the event came from, -1 here */
};

int monitor_usage(void)
{
	usage_print(stderr, USAGE_MONITOR);
	return EXIT_USAGE;
}

/* ---- the command line ---- */

/* The table is in the reference's order of prefix matching; "stats" only
 * in full. */
static int mon_object(const char *a)
{
	int i;

	for (i = 0; i < M_COUNT; i++)
		if (i == M_STATS ? streq(a, mon_objs[i].name) :
				   matches(a, mon_objs[i].name))
			return i;
	return -1;
}

/* Words in the reference's order: "file" and "label" take any prefix
 * ("l" is label), then the objects ("a" is address), then "all-nsid"
 * ("al"); "all", "dev" and "stats" only in full. */
static int mon_parse_word(struct mon *m, const char *a, bool *all)
{
	int obj;

	if (matches(a, "label")) {
		m->label = true;
	} else if (streq(a, "all")) {
		*all = true;
	} else if ((obj = mon_object(a)) >= 0) {
		m->objs |= 1u << obj;
	} else if (matches(a, "all-nsid")) {
		m->all_nsid = true;
	} else if (matches(a, "help")) {
		return monitor_usage();
	} else {
		pr_err(
			"Argument \"%s\" is unknown, try \"ip monitor help\".\n", a);
		return EXIT_USAGE;
	}
	return 0;
}

static int mon_parse(struct mon *m, int argc, char **argv)
{
	const char *dev = NULL;
	bool all = false;
	int rc;

	for (; argc > 0; argc--, argv++) {
		if (matches(argv[0], "file") || streq(argv[0], "dev")) {
			const char **v = streq(argv[0], "dev") ? &dev : &m->file;

			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			*v = argv[0];
			continue;
		}
		rc = mon_parse_word(m, argv[0], &all);
		if (rc)
			return rc;
	}
	if (all)
		m->label = true;
	if (!m->objs)
		m->objs = (1u << M_COUNT) - 1;
	if (dev) {
		m->ifindex = ll_index(m->ctx, dev);
		if (!m->ifindex)
			return invarg("Device does not exist\n", dev);
	}
	return 0;
}

/* ---- subscribing ---- */

static bool fam_ok(int fam, int want)
{
	return fam == AF_UNSPEC || fam == want;
}

static int mon_join(int fd, unsigned int grp)
{
	if (!grp)
		return 0;
	return setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &grp,
			  sizeof(grp));
}

static int mon_subscribe(struct mon *m, int fd)
{
	int fam = m->ctx->family, i, err = 0;

	for (i = 0; i < M_COUNT; i++) {
		const struct mon_obj *o = &mon_objs[i];

		if (!(m->objs & (1u << i)))
			continue;
		err |= mon_join(fd, o->any);
		if (fam_ok(fam, AF_INET))
			err |= mon_join(fd, o->v4);
		if (fam_ok(fam, AF_INET6))
			err |= mon_join(fd, o->v6);
		if (fam_ok(fam, AF_MPLS))
			err |= mon_join(fd, o->mpls);
	}
	if (!err && m->all_nsid) {
		int one = 1;

		err = setsockopt(fd, SOL_NETLINK, NETLINK_LISTEN_ALL_NSID, &one,
				 sizeof(one));
	}
	return err ? -errno : 0;
}

/* ---- one event ---- */

static void mon_time(struct mon *m)
{
	struct out *o = &m->ctx->out;
	struct timeval tv;
	struct tm tm;
	char buf[64];

	gettimeofday(&tv, NULL);
	local_time(tv.tv_sec, &tm);
	if (m->ctx->tshort) {
		out_plain(o, "[%d-%02d-%02dT%02d:%02d:%02d.%06ld] ",
			  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			  tm.tm_hour, tm.tm_min, tm.tm_sec, (long)tv.tv_usec);
		return;
	}
	format_ctime(buf, sizeof(buf), &tm);
	out_plain(o, "Timestamp: %s %ld usec\n", buf, (long)tv.tv_usec);
}

/* rtmon's record: the time it saw the message that follows. */
static void mon_saved_time(struct mon *m, const struct nlmsghdr *nlh)
{
	uint32_t t[2];
	struct tm tm;
	char buf[64];

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(t)))
		return;
	memcpy(t, NLMSG_DATA(nlh), sizeof(t));
	local_time(t[0], &tm);
	format_ctime(buf, sizeof(buf), &tm);
	out_plain(&m->ctx->out, "Timestamp: %s %u us\n", buf, t[1]);
}

/* The object of each family of message types (RTM_NEWx, RTM_DELx,
 * RTM_GETx and RTM_SETx come in fours from RTM_BASE), -1 for the ones
 * ip monitor does not show. */
static const int8_t mon_type_objs[] = {
	M_LINK, M_ADDR, M_ROUTE, M_NEIGH, M_RULE,
	-1, -1, -1, -1,		/* qdisc, tclass, tfilter, action */
	M_PREFIX,
	-1, -1, -1, -1, -1, -1,	/* multicast ... dcb */
	M_NETCONF,
	-1,			/* mdb */
	M_NSID, M_STATS,
	-1, -1,			/* cachereport, chain */
	M_NEXTHOP,
};

/* The object of a message: its NEW or DEL (prefixes and stats only come
 * as NEW); multicast routes are route messages of their own families. */
static int mon_obj_of(const struct nlmsghdr *nlh)
{
	const struct rtmsg *r = NLMSG_DATA(nlh);
	unsigned int t = nlh->nlmsg_type - RTM_BASE;
	int obj;

	if (nlh->nlmsg_type < RTM_BASE || t / 4 >= sizeof(mon_type_objs) ||
	    t % 4 > 1)
		return -1;
	obj = mon_type_objs[t / 4];
	if (t % 4 && (obj == M_PREFIX || obj == M_STATS))
		return -1;
	if (obj == M_ROUTE && nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(*r)) &&
	    (r->rtm_family == RTNL_FAMILY_IPMR ||
	     r->rtm_family == RTNL_FAMILY_IP6MR))
		return M_MROUTE;
	return obj;
}

/* The head of an event: time, namespace, object. */
static void mon_head(struct mon *m, int obj)
{
	struct out *o = &m->ctx->out;

	if (m->ctx->timestamp)
		mon_time(m);
	if (m->all_nsid) {
		if (m->nsid < 0)
			out_plain(o, "[nsid current]");
		else
			out_plain(o, "[nsid %d]", m->nsid);
	}
	if (m->label)
		out_plain(o, "%s", mon_objs[obj].label);
}

static void mon_route(struct mon *m, struct nlmsghdr *nlh)
{
	struct rt_filter f;

	rt_filter_init(&f);
	f.cloned = 2;
	if (m->ifindex) {
		f.oif = m->ifindex;
		f.oifmask = ~0u;
	}
	print_route(m->ctx, &f, nlh);
}

static void mon_nsid(struct mon *m, struct nlmsghdr *nlh)
{
	struct rtattr *tb[NETNSA_MAX + 1], *rta;
	struct out *o = &m->ctx->out;
	bool deleted = nlh->nlmsg_type == RTM_DELNSID;
	char buf[256];
	const char *name;
	size_t len;
	int nsid;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtgenmsg)))
		return;
	rta = nl_msg_attrs(nlh, sizeof(struct rtgenmsg), &len);
	nl_parse(tb, NETNSA_MAX, rta, len, NULL);
	if (!tb[NETNSA_NSID] || nl_attr_len(tb[NETNSA_NSID]) < 4)
		return;
	nsid = nl_attr_s32(tb[NETNSA_NSID]);
	name = netns_name_of(m->ctx, nsid, buf, sizeof(buf)) ? buf : NULL;
	if (deleted)
		out_plain(o, "Deleted ");
	out_plain(o, "nsid %u ", (unsigned int)nsid);
	if (name)
		out_plain(o, "(iproute2 netns name: %s)", name);
	out_plain(o, "\n");
}

/* An IPv6 prefix a router advertised.  The reference runs the length and
 * "dev" together ("/64dev eth0"), and tests the flags the kernel copies
 * from the advertisement (L and A are 0x80 and 0x40 there) against 0x01
 * and 0x02: its "onlink"/"autoconf" show only the reserved bits. */
static void mon_prefix(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct rtattr *tb[PREFIX_MAX + 1], *rta;
	struct prefixmsg *p = NLMSG_DATA(nlh);
	struct out *o = &ctx->out;
	char buf[64];
	size_t len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*p)) ||
	    p->prefix_family != AF_INET6)
		return;
	rta = nl_msg_attrs(nlh, NLMSG_ALIGN(sizeof(*p)), &len);
	nl_parse(tb, PREFIX_MAX, rta, len, NULL);
	out_plain(o, "prefix ");
	if (tb[PREFIX_ADDRESS] && nl_attr_len(tb[PREFIX_ADDRESS]) >= 16)
		out_plain(o, "%s/%u", format_addr(AF_INET6,
			  nl_attr_data(tb[PREFIX_ADDRESS]), 16, buf,
			  sizeof(buf)), p->prefix_len);
	if (p->prefix_ifindex)
		out_plain(o, "dev %s ", ll_name_or_num(ctx, p->prefix_ifindex,
						       buf, sizeof(buf)));
	if (p->prefix_flags & PREFIX_ONLINK)
		out_plain(o, "onlink ");
	if (p->prefix_flags & PREFIX_AUTOCONF)
		out_plain(o, "autoconf ");
	if (tb[PREFIX_CACHEINFO] &&
	    nl_attr_len(tb[PREFIX_CACHEINFO]) >= sizeof(struct prefix_cacheinfo)) {
		struct prefix_cacheinfo ci;

		memcpy(&ci, nl_attr_data(tb[PREFIX_CACHEINFO]), sizeof(ci));
		out_plain(o, "valid %u ", ci.valid_time);
		out_plain(o, "preferred %u ", ci.preferred_time);
	}
	out_plain(o, "\n");
}

static const char *mon_on_off(const struct rtattr *a)
{
	return a && nl_attr_len(a) >= 1 && nl_attr_u8(a) ? "on" : "off";
}

/* A change of a link's hardware statistics ("ip stats set dev X l3_stats
 * on"): the kernel tells only whether each kind is requested and in use.
 * The reference prints it as text in every mode, -j too, and under -o
 * ends it with "\" and no newline. */
static void mon_stats(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct rtattr *tb[IFLA_STATS_MAX + 1], *off[IFLA_OFFLOAD_XSTATS_MAX + 1];
	struct rtattr *info[IFLA_OFFLOAD_XSTATS_MAX + 1];
	struct rtattr *hw[IFLA_OFFLOAD_XSTATS_HW_S_INFO_MAX + 1];
	const struct if_stats_msg *ism = NLMSG_DATA(nlh);
	const char *nl = ctx->out.oneline ? "\\" : "\n";
	struct rtattr *l3, *rta;
	char buf[32];
	size_t len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ism)))
		return;
	rta = nl_msg_attrs(nlh, NLMSG_ALIGN(sizeof(*ism)), &len);
	nl_parse(tb, IFLA_STATS_MAX, rta, len, NULL);
	out_plain(&ctx->out, "%d: %s:%s", (int)ism->ifindex,
		  ll_name_or_num(ctx, ism->ifindex, buf, sizeof(buf)), nl);
	if (!tb[IFLA_STATS_LINK_OFFLOAD_XSTATS])
		return;
	nl_parse_nested(off, IFLA_OFFLOAD_XSTATS_MAX,
			tb[IFLA_STATS_LINK_OFFLOAD_XSTATS]);
	if (!off[IFLA_OFFLOAD_XSTATS_HW_S_INFO])
		return;
	nl_parse_nested(info, IFLA_OFFLOAD_XSTATS_MAX,
			off[IFLA_OFFLOAD_XSTATS_HW_S_INFO]);
	l3 = info[IFLA_OFFLOAD_XSTATS_L3_STATS];
	if (!l3)
		return;
	nl_parse_nested(hw, IFLA_OFFLOAD_XSTATS_HW_S_INFO_MAX, l3);
	out_plain(&ctx->out, "    l3_stats %s used %s%s",
		  mon_on_off(hw[IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST]),
		  mon_on_off(hw[IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED]), nl);
}

/* A link's event keeps its link/ether line under -4/-6 too. */
static void mon_link(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	int family = ctx->family;

	ctx->family = AF_UNSPEC;
	print_link_echo(ctx, nlh);
	ctx->family = family;
}

/* Names follow the link events, as the reference's cache does: a link
 * that left (or moved to another namespace) is "ifN" from then on. */
static void mon_note_link(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(nlh);

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return;
	if (nlh->nlmsg_type == RTM_NEWLINK)
		ll_cache_note(ctx, nlh);
	else
		ll_cache_forget(ctx, ifi->ifi_index);
}

/* Where each object's message says its device: the header's size, and
 * the attribute that holds the index (0: the header's own, at offset 4 in
 * all of them).  A zero size: "dev" does not filter the object. */
static const struct {
	uint8_t hdr, attr;
} mon_dev_at[M_COUNT] = {
	[M_LINK] = { sizeof(struct ifinfomsg), 0 },
	[M_ADDR] = { sizeof(struct ifaddrmsg), 0 },
	[M_ROUTE] = { sizeof(struct rtmsg), RTA_OIF },
	[M_MROUTE] = { sizeof(struct rtmsg), RTA_OIF },
	[M_NEIGH] = { sizeof(struct ndmsg), 0 },
	[M_NETCONF] = { sizeof(struct netconfmsg), NETCONFA_IFINDEX },
};
_Static_assert(offsetof(struct ifinfomsg, ifi_index) == 4 &&
	       offsetof(struct ifaddrmsg, ifa_index) == 4 &&
	       offsetof(struct ndmsg, ndm_ifindex) == 4, "index at 4");

/* The index an event is about, for "dev": 0 for an event that "dev" does
 * not filter (rules, nexthops, nsids, ...), -1 for one too short. */
static int mon_ifindex(const struct nlmsghdr *nlh, int obj)
{
	struct rtattr *tb[RTA_MAX + 1], *rta;
	size_t hdr = mon_dev_at[obj].hdr, len;
	int type = mon_dev_at[obj].attr, index;

	if (!hdr)
		return 0;
	if (nlh->nlmsg_len < NLMSG_LENGTH(hdr))
		return -1;
	if (!type) {
		memcpy(&index, (const char *)NLMSG_DATA(nlh) + 4, 4);
		return index;
	}
	rta = nl_msg_attrs(nlh, NLMSG_ALIGN(hdr), &len);
	nl_parse(tb, RTA_MAX, rta, len, NULL);
	return tb[type] && nl_attr_len(tb[type]) >= 4 ?
		       nl_attr_s32(tb[type]) : -1;
}

/* -4/-6 keep the neighbours of their family (all are in one group). */
static bool mon_neigh_family_ok(struct ipctx *ctx, const struct nlmsghdr *nlh)
{
	const struct ndmsg *n = NLMSG_DATA(nlh);

	return ctx->family == AF_UNSPEC ||
	       nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*n)) ||
	       n->ndm_family == ctx->family;
}

/* The reference prints the head of every event it is subscribed to, and
 * "dev" filters only what follows: a skipped event leaves its label. 1
 * when the output is gone. */
static int mon_print(struct mon *m, struct nlmsghdr *nlh)
{
	struct ipctx *ctx = m->ctx;
	int obj = mon_obj_of(nlh);

	if (nlh->nlmsg_type == NLMSG_TSTAMP) {
		mon_saved_time(m, nlh);
		return 0;
	}
	if (obj < 0 || !(m->objs & (1u << obj)))
		return 0;
	if (obj == M_LINK)
		mon_note_link(ctx, nlh);
	/* a neighbour of another family goes without even its head */
	if (obj == M_NEIGH && !mon_neigh_family_ok(ctx, nlh))
		return 0;
	mon_head(m, obj);
	/* The head stays in the buffer: the reference flushes only what it
	 * printed whole (a neighbour filters itself, in its printer). */
	if (m->ifindex && mon_ifindex(nlh, obj) &&
	    mon_ifindex(nlh, obj) != m->ifindex)
		return 0;

	switch (obj) {
	case M_LINK: mon_link(ctx, nlh); break;
	case M_ADDR: print_addr_msg(ctx, nlh); break;
	case M_ROUTE: case M_MROUTE: mon_route(m, nlh); break;
	case M_PREFIX: mon_prefix(ctx, nlh); break;
	case M_NETCONF: print_netconf(ctx, nlh); break;
	case M_NSID: mon_nsid(m, nlh); break;
	case M_NEIGH: print_neigh(ctx, nlh, !m->ifindex); break;
	case M_RULE: print_rule(ctx, nlh); break;
	case M_NEXTHOP: print_nexthop(ctx, nlh); break;
	case M_STATS: mon_stats(ctx, nlh); break;
	default: break;
	}
	return out_flush(&ctx->out) ? 1 : 0;
}

/* ---- the loops ---- */

static int mon_recv(struct mon *m, int fd, char *buf, size_t size)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct sockaddr_nl sa;
	struct iovec iov = { buf, size };
	/* designated: musl's msghdr has padding fields between these */
	struct msghdr msg = {
		.msg_name = &sa, .msg_namelen = sizeof(sa),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c;
	ssize_t n;

	n = recvmsg(fd, &msg, 0);
	if (n < 0)
		return errno == EINTR || errno == ENOBUFS ? 0 : -errno;
	m->nsid = -1;
	for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == SOL_NETLINK &&
		    c->cmsg_type == NETLINK_LISTEN_ALL_NSID &&
		    c->cmsg_len >= CMSG_LEN(sizeof(int)))
			memcpy(&m->nsid, CMSG_DATA(c), sizeof(int));
	return sa.nl_pid == 0 ? (int)n : 0;
}

static int mon_walk(struct mon *m, char *buf, size_t len)
{
	struct nlmsghdr *nlh;
	unsigned int left = len;

	for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, left);
	     nlh = NLMSG_NEXT(nlh, left))
		if (mon_print(m, nlh))
			return 1;
	return 0;
}

static int mon_listen(struct mon *m)
{
	/* static: pages not touched cost nothing, and no failure to say */
	static union {
		struct nlmsghdr h;	/* aligned for the messages */
		char b[1 << 16];
	} buf;
	struct nl_sock s;
	int n, err;

	if (rtnl_open(&s))
		return EXIT_FAIL;
	err = mon_subscribe(m, s.fd);
	if (err)
		pr_err("setsockopt: %s\n", err_text(-err));
	while (!err) {
		n = mon_recv(m, s.fd, buf.b, sizeof(buf));
		if (n < 0) {
			pr_err("netlink receive error %s (%d)\n",
			       err_text(-n), -n);
			err = n;
		} else if (n > 0 && mon_walk(m, buf.b, n)) {
			break;
		}
	}
	nl_close(&s);
	return err ? EXIT_FAIL : EXIT_OK;
}

/* One message of rtmon's file; a stop when the output is gone. */
static int mon_file_msg(struct ipctx *ctx, struct nlmsghdr *nlh, void *arg)
{
	return mon_print(arg, nlh) ? -EPIPE : 0;
}

/* rtmon's file: netlink messages back to back, each after its time, read
 * as restore reads a saved dump (the reference's limits and words); every
 * message in it is shown, whatever objects were named. */
static int mon_file(struct mon *m)
{
	FILE *f = fopen(m->file, "r");
	int rc;

	if (!f) {
		pr_err("Cannot fopen: %s\n", err_text(errno));
		return EXIT_USAGE;
	}
	m->nsid = -1;
	m->objs = (1u << M_COUNT) - 1;
	rc = saved_msgs_read(f, m->ctx, mon_file_msg, m);
	fclose(f);
	return rc == -1 ? EXIT_FAIL : EXIT_OK;
}

int do_monitor(struct ipctx *ctx, int argc, char **argv)
{
	struct mon m = { .ctx = ctx, .nsid = -1 };
	int rc;

	if (argc > 0 && matches(argv[0], "help"))
		return monitor_usage();
	rc = mon_parse(&m, argc, argv);
	if (rc)
		return rc;
	/* The reference prints its events as text whatever -j says. */
	ctx->out.json = false;
	ctx->out.pretty = false;
	nsid_memo_start(ctx);
	if (!m.file)
		ll_cache_preload(ctx);
	rc = m.file ? mon_file(&m) : mon_listen(&m);
	nsid_memo_free(ctx);
	return rc;
}
