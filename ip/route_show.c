/* ip route: the printer, the dump filter, and the commands built on dumps
 * (show, flush, save, restore, showdump). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>
#include <unistd.h>
#include <linux/in_route.h>
#include <linux/icmpv6.h>
#include <linux/mpls.h>

#include "route.h"

/* The first four bytes of a saved dump, in host order. */
#define ROUTE_DUMP_MAGIC 0x45311224u

static const char *const metric_names[RTAX_MAX + 1] = {
	[RTAX_MTU] = "mtu",		[RTAX_WINDOW] = "window",
	[RTAX_RTT] = "rtt",		[RTAX_RTTVAR] = "rttvar",
	[RTAX_SSTHRESH] = "ssthresh",	[RTAX_CWND] = "cwnd",
	[RTAX_ADVMSS] = "advmss",	[RTAX_REORDERING] = "reordering",
	[RTAX_HOPLIMIT] = "hoplimit",	[RTAX_INITCWND] = "initcwnd",
	[RTAX_FEATURES] = "features",	[RTAX_RTO_MIN] = "rto_min",
	[RTAX_INITRWND] = "initrwnd",	[RTAX_QUICKACK] = "quickack",
	[RTAX_CC_ALGO] = "congctl",
	[RTAX_FASTOPEN_NO_COOKIE] = "fastopen_no_cookie",
};

static const char *const type_names[] = {
	"none", "unicast", "local", "broadcast", "anycast", "multicast",
	"blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve",
};

static const char *type_name(struct ipctx *ctx, unsigned int t, char *buf,
			     size_t size)
{
	if (!ctx->numeric && t < sizeof(type_names) / sizeof(type_names[0]))
		return type_names[t];
	snprintf(buf, size, "%u", t);
	return buf;
}

static int host_len(int family)
{
	return family == AF_INET ? 32 : family == AF_INET6 ? 128 :
	       family == AF_MPLS ? 20 : 0;
}

static uint32_t route_table(const struct rtmsg *r, struct rtattr **tb)
{
	return tb[RTA_TABLE] ? nl_attr_u32(tb[RTA_TABLE]) : r->rtm_table;
}

/* ---- the printer ---- */

/* "dst" and "from": a host address alone, a prefix with its length. */
static void print_prefix(struct ipctx *ctx, const struct rtmsg *r,
			 const struct rtattr *a, int len, bool src)
{
	struct out *o = &ctx->out;
	char abuf[256], b[280];

	if (a) {
		if (len != host_len(r->rtm_family))
			snprintf(b, sizeof(b), "%s/%u",
				 addr_text(r->rtm_family, a, abuf, sizeof(abuf)),
				 len);
		else
			snprintf(b, sizeof(b), "%s",
				 host_text(ctx, r->rtm_family, a, abuf, sizeof(abuf)));
		out_cstr(o, OUT_ANY, family_color(r->rtm_family),
			 src ? "from" : "dst", src ? "from %s " : "%s ", b);
	} else if (src) {
		if (len) {
			snprintf(b, sizeof(b), "0/%u", len);
			out_str(o, OUT_ANY, "src", "from %s ", b);
		}
	} else if (len) {
		snprintf(b, sizeof(b), "0/%d ", len);
		out_str(o, OUT_ANY, "dst", "%s ", b);
	} else {
		out_str(o, OUT_ANY, "dst", "%s ", "default");
	}
}

static void print_via(struct ipctx *ctx, const struct rtattr *a)
{
	struct out *o = &ctx->out;
	const struct rtvia *v = nl_attr_data(a);
	char buf[64];

	if (nl_attr_len(a) < sizeof(*v))
		return;
	if (v->rtvia_family == AF_MPLS)
		mpls_text(v->rtvia_addr, nl_attr_len(a) - sizeof(*v), buf,
			  sizeof(buf));
	else
		format_addr(v->rtvia_family, v->rtvia_addr,
			    nl_attr_len(a) - sizeof(*v), buf, sizeof(buf));
	out_obj_open(o, "via");
	out_str(o, OUT_ANY, "family", "via %s ", family_name(v->rtvia_family));
	out_cstr(o, OUT_ANY, family_color(v->rtvia_family), "host", "%s ", buf);
	out_obj_close(o);
}

static void print_flow(struct ipctx *ctx, uint32_t to)
{
	struct out *o = &ctx->out;
	uint32_t from = to >> 16;
	char buf[32];

	to &= 0xffff;
	out_obj_open(o, "flow");
	out_text(o, "realm%s ", from ? "s" : "");
	if (from)
		out_str(o, OUT_ANY, "from", "%s/",
			ctx_name_of(ctx, NT_REALMS, from, buf, sizeof(buf)));
	out_str(o, OUT_ANY, "to", "%s ", ctx_name_of(ctx, NT_REALMS, to, buf, sizeof(buf)));
	out_obj_close(o);
}

static void print_cache_flags(struct out *o, uint32_t flags)
{
	static const struct { uint32_t bit; const char *name; } names[] = {
		{ RTCF_LOCAL, "local" },	{ RTCF_REJECT, "reject" },
		{ RTCF_MULTICAST, "mc" },	{ RTCF_BROADCAST, "brd" },
		{ RTCF_DNAT, "dst-nat" },	{ RTCF_SNAT, "src-nat" },
		{ RTCF_MASQ, "masq" },		{ RTCF_DIRECTDST, "dst-direct" },
		{ RTCF_DIRECTSRC, "src-direct" }, { RTCF_REDIRECTED, "redirected" },
		{ RTCF_DOREDIRECT, "redirect" }, { RTCF_FAST, "fastroute" },
		{ RTCF_NOTIFY, "notify" },	{ RTCF_TPROXY, "tproxy" },
	};
	size_t i;

	flags &= ~0xffffu;
	out_text(o, "%s    cache ", o->oneline ? "\\" : "\n");
	out_arr_open(o, "cache");
	if (flags) {
		out_text(o, "<");
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			if (!(flags & names[i].bit))
				continue;
			flags &= ~names[i].bit;
			out_str(o, OUT_ANY, NULL, flags ? "%s," : "%s", names[i].name);
		}
		if (flags)
			out_xstr(o, OUT_ANY, NULL, "%x", flags);
		out_text(o, "> ");
	}
	out_arr_close(o);
}

static void print_cacheinfo(struct ipctx *ctx, const struct rtattr *a)
{
	struct out *o = &ctx->out;
	static long hz;		/* USER_HZ, asked once: IPv6 dumps carry it per route */
	struct rta_cacheinfo ci;

	if (nl_attr_len(a) < sizeof(ci))
		return;
	memcpy(&ci, nl_attr_data(a), sizeof(ci));
	/* What glibc's sysconf(_SC_CLK_TCK) returns, without musl's sysconf
	 * and its table of every other name (1 KB). */
	if (!hz)
		hz = (long)getauxval(AT_CLKTCK);
	if (hz <= 0)
		hz = 100;
	if (ci.rta_expires)
		out_int(o, OUT_ANY, "expires", "expires %dsec ",
			(int)ci.rta_expires / (int)hz);
	if (ci.rta_error)
		out_uint(o, OUT_ANY, "error", "error %u ", ci.rta_error);
	if (ctx->stats) {
		if (ci.rta_clntref)
			out_uint(o, OUT_ANY, "users", "users %u ", ci.rta_clntref);
		if (ci.rta_used)
			out_uint(o, OUT_ANY, "used", "used %u ", ci.rta_used);
		if (ci.rta_lastuse)
			out_uint(o, OUT_ANY, "age", "age %usec ",
				 (unsigned int)(ci.rta_lastuse / hz));
	}
	/* hex numbers: JSON gets them as "0x..." alone */
	if (ci.rta_id) {
		out_xstr(o, OUT_JSON, "ipid", "%#llx", ci.rta_id);
		out_xstr(o, OUT_TEXT, NULL, "ipid 0x%04llx ", ci.rta_id);
	}
	if (ci.rta_ts || ci.rta_tsage) {
		out_xstr(o, OUT_JSON, "ts", "%#llx", ci.rta_ts);
		out_xstr(o, OUT_TEXT, NULL, "ts 0x%llx", ci.rta_ts);
		out_uint(o, OUT_ANY, "tsage", "tsage %usec ", ci.rta_tsage);
	}
}

/* rtt, rttvar and rto_min are kept in kernel units; show milliseconds. */
static void print_metric_time(struct out *o, int i, uint32_t val)
{
	char buf[32];

	if (i == RTAX_RTT)
		val /= 8;
	else if (i == RTAX_RTTVAR)
		val /= 4;
	if (o->json)
		out_uint(o, OUT_JSON, metric_names[i], NULL, val);
	else if (val >= 1000) {
		format_g(buf, sizeof(buf), val / 1e3);	/* printf's %g */
		out_text(o, "%ss ", buf);
	} else
		out_text(o, "%ums ", val);
}

static void print_metric(struct out *o, int i, struct rtattr *a, bool locked)
{
	uint32_t val = a && i != RTAX_CC_ALGO ? nl_attr_u32(a) : 0;

	if (i == RTAX_HOPLIMIT && (int32_t)val == -1)
		return;
	if (metric_names[i])
		out_text(o, "%s ", metric_names[i]);
	else
		out_text(o, "metric %d ", i);
	if (locked)
		out_text(o, "lock ");
	if (i == RTAX_RTT || i == RTAX_RTTVAR || i == RTAX_RTO_MIN) {
		print_metric_time(o, i, val);
	} else if (i == RTAX_FEATURES) {
		if (val & RTAX_FEATURE_ECN)
			out_null(o, OUT_ANY, "ecn", "ecn ", NULL);
		if (val & ~RTAX_FEATURE_ECN) {
			out_xstr(o, OUT_JSON, "features", "%#llx", val);
			out_xstr(o, OUT_TEXT, NULL, "%#llx ", val);
		}
	} else if (i == RTAX_CC_ALGO) {
		out_str(o, OUT_ANY, "congestion", "%s ", nl_attr_str(a));
	} else {
		out_uint(o, OUT_ANY, metric_names[i] ? metric_names[i] : "metric",
			 "%u ", val);
	}
}

static void print_metrics(struct ipctx *ctx, const struct rtattr *rta)
{
	struct out *o = &ctx->out;
	struct rtattr *mx[RTAX_MAX + 1];
	uint32_t lock = 0;
	int i;

	nl_parse_nested(mx, RTAX_MAX, rta);
	if (mx[RTAX_LOCK])
		lock = nl_attr_u32(mx[RTAX_LOCK]);
	out_arr_open(o, "metrics");
	out_obj_open(o, NULL);
	for (i = 2; i <= RTAX_MAX; i++) {
		bool locked = i < 32 && (lock & (1u << i));

		if (mx[i] || locked)
			print_metric(o, i, mx[i], locked);
	}
	out_obj_close(o);
	out_arr_close(o);
}

static void print_pref(struct out *o, unsigned int pref)
{
	switch (pref) {
	case ICMPV6_ROUTER_PREF_LOW:
		out_str(o, OUT_ANY, "pref", "pref %s", "low");
		break;
	case ICMPV6_ROUTER_PREF_MEDIUM:
		out_str(o, OUT_ANY, "pref", "pref %s", "medium");
		break;
	case ICMPV6_ROUTER_PREF_HIGH:
		out_str(o, OUT_ANY, "pref", "pref %s", "high");
		break;
	default:
		out_uint(o, OUT_ANY, "pref", "%u", pref);
	}
}

/* MPLS: the labels swapped in, for the route or one of its nexthops. */
static void print_newdst(struct ipctx *ctx, const struct rtmsg *r,
			 const struct rtattr *a)
{
	char buf[256];

	out_text(&ctx->out, "as to ");
	out_str(&ctx->out, OUT_ANY, "to", "%s ",
		addr_text(r->rtm_family, a, buf, sizeof(buf)));
}

static void print_one_nexthop(struct ipctx *ctx, const struct rtmsg *r,
			      const struct rtnexthop *nh)
{
	struct out *o = &ctx->out;
	struct rtattr *tb[RTA_MAX + 1];
	char buf[32];

	out_text(o, "%s\tnexthop ", o->oneline ? "\\" : "\n");
	if (nh->rtnh_len > sizeof(*nh)) {
		nl_parse(tb, RTA_MAX, RTNH_DATA(nh), nh->rtnh_len - sizeof(*nh),
			 NULL);
		if (tb[RTA_ENCAP])
			rt_print_encap(ctx, tb[RTA_ENCAP_TYPE], tb[RTA_ENCAP]);
		if (tb[RTA_NEWDST])
			print_newdst(ctx, r, tb[RTA_NEWDST]);
		if (tb[RTA_GATEWAY])
			rt_print_gateway(ctx, r->rtm_family, tb[RTA_GATEWAY]);
		if (tb[RTA_VIA])
			print_via(ctx, tb[RTA_VIA]);
		if (tb[RTA_FLOW])
			print_flow(ctx, nl_attr_u32(tb[RTA_FLOW]));
	}
	/* Unlike the route's own device, a nexthop's is never coloured. */
	out_str(o, OUT_ANY, "dev", "dev %s ",
		ll_name_or_num(ctx, nh->rtnh_ifindex, buf, sizeof(buf)));
	if (r->rtm_family != AF_MPLS)
		out_int(o, OUT_ANY, "weight", "weight %d ", nh->rtnh_hops + 1);
	rt_print_flags(o, nh->rtnh_flags);
}

static void print_multipath(struct ipctx *ctx, const struct rtmsg *r,
			    const struct rtattr *rta)
{
	struct out *o = &ctx->out;
	const struct rtnexthop *nh = nl_attr_data(rta);
	size_t len = nl_attr_len(rta);
	char buf[32];

	out_arr_open(o, "nexthops");
	while (len >= sizeof(*nh) && nh->rtnh_len <= len &&
	       nh->rtnh_len >= sizeof(*nh)) {
		out_obj_open(o, NULL);
		if ((r->rtm_flags & RTM_F_CLONED) && r->rtm_type == RTN_MULTICAST) {
			if (nh->rtnh_ifindex)
				out_str(o, OUT_ANY, "dev", "%s ",
					ll_name_or_num(ctx, nh->rtnh_ifindex, buf,
						       sizeof(buf)));
			if (nh->rtnh_hops != 1)
				out_int(o, OUT_ANY, "ttl", "(ttl>%d) ", nh->rtnh_hops);
			out_text(o, " ");
		} else {
			print_one_nexthop(ctx, r, nh);
		}
		out_obj_close(o);
		if ((size_t)RTNH_ALIGN(nh->rtnh_len) >= len)
			break;
		len -= RTNH_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
	}
	out_arr_close(o);
}

/* The head: type, destination, source, tos, gateway, device, table. */
static void print_route_head(struct ipctx *ctx, const struct rt_filter *f,
			     const struct rtmsg *r, struct rtattr **tb)
{
	struct out *o = &ctx->out;
	uint32_t table = route_table(r, tb);
	char buf[64];

	if ((r->rtm_type != RTN_UNICAST || ctx->details) &&
	    (!f->typemask || (f->typemask & (1u << (r->rtm_type & 31)))))
		out_str(o, OUT_ANY, "type", "%s ",
			type_name(ctx, r->rtm_type, buf, sizeof(buf)));
	print_prefix(ctx, r, tb[RTA_DST], r->rtm_dst_len, false);
	print_prefix(ctx, r, tb[RTA_SRC], r->rtm_src_len, true);
	if (tb[RTA_NH_ID])
		out_uint(o, OUT_ANY, "nhid", "nhid %u ", nl_attr_u32(tb[RTA_NH_ID]));
	if (tb[RTA_NEWDST])
		print_newdst(ctx, r, tb[RTA_NEWDST]);
	if (tb[RTA_ENCAP])
		rt_print_encap(ctx, tb[RTA_ENCAP_TYPE], tb[RTA_ENCAP]);
	if (r->rtm_tos && f->tosmask != 0xffffffffu)
		out_str(o, OUT_ANY, "tos", "tos %s ",
			rt_dsfield_name(r->rtm_tos, ctx->numeric, buf,
					sizeof(buf)));
	if (tb[RTA_GATEWAY] && f->rvia.bitlen != host_len(r->rtm_family))
		rt_print_gateway(ctx, r->rtm_family, tb[RTA_GATEWAY]);
	if (tb[RTA_VIA])
		print_via(ctx, tb[RTA_VIA]);
	if (tb[RTA_OIF] && f->oifmask != 0xffffffffu)
		rt_print_ifname(ctx, "dev", nl_attr_u32(tb[RTA_OIF]));
	if (table && (table != RT_TABLE_MAIN || ctx->details) && !f->tb)
		out_str(o, OUT_ANY, "table", "table %s ",
			ctx_name_of(ctx, NT_TABLES, table, buf, sizeof(buf)));
}

/* proto, scope, src, metric, flags, mark, realms, uid. */
static void print_route_middle(struct ipctx *ctx, const struct rt_filter *f,
			       const struct rtmsg *r, struct rtattr **tb)
{
	struct out *o = &ctx->out;
	char buf[64];

	if (!(r->rtm_flags & RTM_F_CLONED)) {
		if ((r->rtm_protocol != RTPROT_BOOT || ctx->details) &&
		    f->protocolmask != 0xffffffffu)
			out_str(o, OUT_ANY, "protocol", "proto %s ",
				ctx_name_of(ctx, NT_PROTOS, r->rtm_protocol, buf, sizeof(buf)));
		if ((r->rtm_scope != RT_SCOPE_UNIVERSE || ctx->details) &&
		    f->scopemask != 0xffffffffu)
			out_str(o, OUT_ANY, "scope", "scope %s ",
				ctx_name_of(ctx, NT_SCOPES, r->rtm_scope, buf, sizeof(buf)));
	}
	if (tb[RTA_PREFSRC] && f->rprefsrc.bitlen != host_len(r->rtm_family)) {
		addr_text(r->rtm_family, tb[RTA_PREFSRC], buf, sizeof(buf));
		out_text(o, "src ");
		out_cstr(o, OUT_ANY, family_color(r->rtm_family), "prefsrc", "%s ",
			 buf);
	}
	if (tb[RTA_PRIORITY] && f->metricmask != 0xffffffffu)
		out_uint(o, OUT_ANY, "metric", "metric %u ",
			 nl_attr_u32(tb[RTA_PRIORITY]));
	rt_print_flags(o, r->rtm_flags);
	if (tb[RTA_MARK] && nl_attr_u32(tb[RTA_MARK])) {
		uint32_t mark = nl_attr_u32(tb[RTA_MARK]);

		/* What the reference prints: decimal below 16, else hex. */
		out_uint(o, OUT_ANY, "mark", mark < 16 ? "mark %u " : "mark 0x%x ",
			 mark);
	}
	if (tb[RTA_FLOW] && f->realmmask != 0xffffffffu)
		print_flow(ctx, nl_attr_u32(tb[RTA_FLOW]));
	if (tb[RTA_UID])
		out_uint(o, OUT_ANY, "uid", "uid %u ", nl_attr_u32(tb[RTA_UID]));
}

static void print_route_tail(struct ipctx *ctx, const struct rt_filter *f,
			     const struct rtmsg *r, struct rtattr **tb)
{
	struct out *o = &ctx->out;

	if (r->rtm_family == AF_INET && (r->rtm_flags & RTM_F_CLONED))
		print_cache_flags(o, r->rtm_flags);
	if ((r->rtm_family == AF_INET || r->rtm_family == AF_INET6) &&
	    tb[RTA_CACHEINFO])
		print_cacheinfo(ctx, tb[RTA_CACHEINFO]);
	if (tb[RTA_METRICS])
		print_metrics(ctx, tb[RTA_METRICS]);
	if (tb[RTA_IIF] && f->iifmask != 0xffffffffu)
		rt_print_ifname(ctx, "iif", nl_attr_u32(tb[RTA_IIF]));
	if (tb[RTA_PREF])
		print_pref(o, nl_attr_u8(tb[RTA_PREF]));
	if (tb[RTA_TTL_PROPAGATE]) {
		bool on = nl_attr_u8(tb[RTA_TTL_PROPAGATE]);

		/* sic: iproute2 spells it so, in text and as the JSON key */
		if (o->json)
			out_bool(o, OUT_JSON, "ttl-propogate", NULL, on);
		else
			out_text(o, "ttl-propogate %s", on ? "enabled" : "disabled");
	}
	if (tb[RTA_NH_ID] && ctx->details)
		print_nh_info(ctx, f->nh, nl_attr_u32(tb[RTA_NH_ID]));
	if (tb[RTA_MULTIPATH])
		print_multipath(ctx, r, tb[RTA_MULTIPATH]);
}

static int route_parse(struct nlmsghdr *nlh, struct rtmsg **r,
		       struct rtattr **tb)
{
	struct rtattr *rta;
	size_t len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(**r)))
		return -EBADMSG;
	*r = NLMSG_DATA(nlh);
	rta = nl_msg_attrs(nlh, sizeof(**r), &len);
	nl_parse(tb, RTA_MAX, rta, len, NULL);
	return 0;
}

static void print_route_msg(struct ipctx *ctx, const struct rt_filter *f,
			    const struct rtmsg *r, struct rtattr **tb,
			    bool deleted)
{
	out_obj_open(&ctx->out, NULL);
	if (deleted)
		out_bool(&ctx->out, OUT_ANY, "deleted", "Deleted ", true);
	print_route_head(ctx, f, r, tb);
	print_route_middle(ctx, f, r, tb);
	print_route_tail(ctx, f, r, tb);
	out_obj_close(&ctx->out);
	out_eol(&ctx->out);
}

/* ---- the filter ---- */

void rt_filter_init(struct rt_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->mdst.bitlen = -1;
	f->msrc.bitlen = -1;
}

/* Compare the first `bits` bits; 0 when they agree. */
static int prefix_differs(const uint8_t *a, const uint8_t *b, int bits)
{
	int bytes = bits / 8, rest = bits % 8;

	if (bits <= 0)
		return 0;
	if (bytes > 16)
		bytes = 16, rest = 0;
	if (memcmp(a, b, bytes))
		return 1;
	if (rest) {
		uint8_t mask = 0xff << (8 - rest);

		return (a[bytes] ^ b[bytes]) & mask;
	}
	return 0;
}

static bool given(const struct rt_prefix *p)
{
	return p->family || (p->flags & PFX_LEN_GIVEN);
}

static bool len_fails(const struct rtmsg *r, const struct rt_prefix *root,
		      const struct rt_prefix *match, int len)
{
	if (root->family ? (r->rtm_family != root->family || root->bitlen > len)
			 : ((root->flags & PFX_LEN_GIVEN) && root->bitlen > len))
		return true;
	if (match->family && r->rtm_family != match->family)
		return true;
	if (given(match) && match->bitlen >= 0 && match->bitlen < len)
		return true;
	return false;
}

static void copy_attr(uint8_t *dst, const struct rtattr *a, size_t max)
{
	size_t n = nl_attr_len(a);

	if (a)
		memcpy(dst, nl_attr_data(a), n < max ? n : max);
}

static bool addrs_fail(const struct rt_filter *f, const struct rtmsg *r,
		       struct rtattr **tb)
{
	uint8_t dst[16] = { 0 }, src[16] = { 0 }, via[16] = { 0 }, psrc[16] = { 0 };

	copy_attr(dst, tb[RTA_DST], 16);
	copy_attr(src, tb[RTA_SRC], 16);
	copy_attr(via, tb[RTA_GATEWAY], 16);
	if (tb[RTA_VIA] && nl_attr_len(tb[RTA_VIA]) > 2) {
		const struct rtvia *v = nl_attr_data(tb[RTA_VIA]);
		size_t n = nl_attr_len(tb[RTA_VIA]) - 2;

		memcpy(via, v->rtvia_addr, n < 16 ? n : 16);
	}
	copy_attr(psrc, tb[RTA_PREFSRC], 16);
	if (given(&f->rdst) && prefix_differs(dst, f->rdst.data, f->rdst.bitlen))
		return true;
	if (given(&f->mdst) && prefix_differs(dst, f->mdst.data, r->rtm_dst_len))
		return true;
	if (given(&f->rsrc) && prefix_differs(src, f->rsrc.data, f->rsrc.bitlen))
		return true;
	if (given(&f->msrc) && f->msrc.bitlen >= 0 &&
	    prefix_differs(src, f->msrc.data, r->rtm_src_len))
		return true;
	if (f->rvia.family && prefix_differs(via, f->rvia.data, f->rvia.bitlen))
		return true;
	if (f->rprefsrc.family &&
	    prefix_differs(psrc, f->rprefsrc.data, f->rprefsrc.bitlen))
		return true;
	return false;
}

static bool masked_differs(uint32_t have, uint32_t want, uint32_t mask)
{
	return (have ^ want) & mask;
}

static bool attrs_fail(const struct rt_filter *f, const struct rtmsg *r,
		       struct rtattr **tb)
{
	if (f->rvia.family) {
		int family = r->rtm_family;

		if (tb[RTA_VIA] && nl_attr_len(tb[RTA_VIA]) >= 2)
			family = ((struct rtvia *)nl_attr_data(tb[RTA_VIA]))->rtvia_family;
		if (family != f->rvia.family)
			return true;
	}
	if (f->rprefsrc.family && r->rtm_family != f->rprefsrc.family)
		return true;
	return masked_differs(nl_attr_u32(tb[RTA_FLOW]), f->realm, f->realmmask) ||
	       masked_differs(nl_attr_u32(tb[RTA_IIF]), f->iif, f->iifmask) ||
	       masked_differs(nl_attr_u32(tb[RTA_OIF]), f->oif, f->oifmask) ||
	       masked_differs(nl_attr_u32(tb[RTA_MARK]), f->mark, f->markmask) ||
	       masked_differs(nl_attr_u32(tb[RTA_PRIORITY]), f->metric,
			      f->metricmask);
}

static bool route_wanted(struct ipctx *ctx, const struct rt_filter *f,
			 const struct rtmsg *r, struct rtattr **tb)
{
	uint32_t table = route_table(r, tb);

	if (ctx->family != AF_UNSPEC && r->rtm_family != ctx->family)
		return false;
	if (f->cloned == !(r->rtm_flags & RTM_F_CLONED))
		return false;
	if (f->tb && f->tb != table)
		return false;
	if (masked_differs(r->rtm_protocol, f->protocol, f->protocolmask) ||
	    masked_differs(r->rtm_scope, f->scope, f->scopemask) ||
	    (f->typemask && !(f->typemask & (1u << (r->rtm_type & 31)))) ||
	    masked_differs(r->rtm_tos, f->tos, f->tosmask))
		return false;
	if (len_fails(r, &f->rdst, &f->mdst, r->rtm_dst_len) ||
	    len_fails(r, &f->rsrc, &f->msrc, r->rtm_src_len))
		return false;
	if (attrs_fail(f, r, tb) || addrs_fail(f, r, tb))
		return false;
	/* The kernel's own catch-all IPv6 reject route is not ours to flush. */
	if (f->flushing && r->rtm_family == AF_INET6 && !r->rtm_dst_len &&
	    r->rtm_type == RTN_UNREACHABLE && tb[RTA_PRIORITY] &&
	    nl_attr_u32(tb[RTA_PRIORITY]) == 0xffffffffu)
		return false;
	return true;
}

int print_route(struct ipctx *ctx, const struct rt_filter *f,
		struct nlmsghdr *nlh)
{
	struct rtattr *tb[RTA_MAX + 1];
	struct rtmsg *r;

	if (nlh->nlmsg_type != RTM_NEWROUTE && nlh->nlmsg_type != RTM_DELROUTE)
		return 0;
	if (route_parse(nlh, &r, tb))
		return -EBADMSG;
	if (!route_wanted(ctx, f, r, tb))
		return 0;
	print_route_msg(ctx, f, r, tb, nlh->nlmsg_type == RTM_DELROUTE);
	return 0;
}

/* ---- show, flush, save ---- */

struct rt_dump {
	struct ipctx *ctx;
	struct rt_filter *f;
	int action;
	struct flush_batch *fb;	/* flush: delete requests not yet sent */
	int err;
};

static int dev_index_or_complain(struct ipctx *ctx, const char *name, uint32_t *idx)
{
	*idx = ll_index(ctx, name);
	if (*idx)
		return 0;
	pr_err("Cannot find device \"%s\"\n", name);
	return EXIT_FAIL;
}

static int parse_addr_filter(struct rt_prefix *root, struct rt_prefix *match,
			     int *argc, char ***argv, int family)
{
	const char *a = (*argv)[0];

	if (matches(a, "root")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return rt_get_prefix(root, (*argv)[0], family);
	}
	if (matches(a, "match")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return rt_get_prefix(match, (*argv)[0], family);
	}
	if (matches(a, "exact") && !next_arg(argc, argv))
		return EXIT_USAGE;
	if (rt_get_prefix(match, (*argv)[0], family))
		return EXIT_FAIL;
	*root = *match;
	return 0;
}

static int parse_realm_filter(struct rt_filter *f, const char *s)
{
	size_t n = strlen(s);

	if (rt_realms_a2n(s, &f->realm))
		return invarg("invalid realms\n", s);
	f->realmmask = ~0u;
	if (!(f->realm & 0xffff) && n && s[n - 1] == '/')
		f->realmmask &= ~0xffffu;
	if (!(f->realm & 0xffff0000u) && (!strchr(s, '/') || s[0] == '/'))
		f->realmmask &= ~0xffff0000u;
	return 0;
}

struct sel_args {
	struct ipctx *ctx;
	const char *idev, *odev;
	int family;
};

/* The selectors that take a value, in the reference's order of prefix
 * matching: the names ("t" is table, "p" protocol) before the others. */
enum {
	RS_TABLE, RS_TOS, RS_DSFIELD, RS_PROTOCOL, RS_SCOPE, RS_TYPE,
	RS_DEV, RS_OIF, RS_IIF, RS_MARK, RS_VIA, RS_SRC, RS_REALMS, RS_FROM,
	RS_METRIC, RS_PRIORITY, RS_PREFERENCE,
};
static const char sel_words[] =
	"table\0=tos\0dsfield\0protocol\0scope\0type\0"
	"=dev\0=oif\0=iif\0=mark\0=via\0=src\0realms\0from\0"
	"metric\0priority\0=preference\0";

static int parse_sel_named(struct rt_filter *f, int w, const char *v)
{
	uint32_t id;

	if (w == RS_TABLE) {
		if (!rt_table_a2n(v, &id))
			f->tb = id;
		else if (streq(v, "all"))
			f->tb = 0;
		else if (streq(v, "cache"))
			f->cloned = 1;
		else if (streq(v, "help"))
			return -1;
		else
			return invarg("table id value is invalid\n", v);
	} else if (w == RS_TOS || w == RS_DSFIELD) {
		if (rt_dsfield_a2n(v, &id))
			return invarg("TOS value is invalid\n", v);
		f->tos = id;
		f->tosmask = ~0u;
	} else if (w == RS_PROTOCOL) {
		f->protocolmask = ~0u;
		if (rt_proto_a2n(v, &id)) {
			if (!streq(v, "all"))
				return invarg("invalid \"protocol\"\n", v);
			id = 0;
			f->protocolmask = 0;
		}
		f->protocol = id;
	} else if (w == RS_SCOPE) {
		f->scopemask = ~0u;
		if (rt_scope_a2n(v, &id)) {
			if (!streq(v, "all"))
				return invarg("invalid \"scope\"\n", v);
			id = RT_SCOPE_NOWHERE;
			f->scopemask = 0;
		}
		f->scope = id;
	} else {
		if (rt_type_a2n(v, &id))
			return invarg("node type value is invalid\n", v);
		/* Types past 31 alias modulo 32, as the x86 shift does in the
		 * reference; without the mask the shift is undefined. */
		f->typemask = 1u << (id & 31);
	}
	return 0;
}

static int parse_sel_value(struct rt_filter *f, struct sel_args *s, int w,
			   int *argc, char ***argv)
{
	const char *v = (*argv)[0];
	uint32_t id;

	if (w == RS_DEV || w == RS_OIF) {
		s->odev = v;
	} else if (w == RS_IIF) {
		s->idev = v;
	} else if (w == RS_MARK) {
		if (parse_u32(&f->mark, v, 0))
			return invarg("invalid mark value", v);
		f->markmask = ~0u;
	} else if (w == RS_VIA) {
		int family = family_of_word(v);

		if (family == AF_UNSPEC)
			family = s->family;
		else if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return rt_get_prefix(&f->rvia, (*argv)[0], family);
	} else if (w == RS_SRC) {
		return rt_get_prefix(&f->rprefsrc, v, s->family);
	} else if (w == RS_REALMS) {
		return parse_realm_filter(f, v);
	} else if (w == RS_FROM) {
		return parse_addr_filter(&f->rsrc, &f->msrc, argc, argv, s->family);
	} else {
		if (parse_u32(&id, v, 0))
			return invarg("\"metric\" value is invalid\n", v);
		f->metric = id;
		f->metricmask = ~0u;
	}
	return 0;
}

/* The keywords in the reference's order of prefix matching. */
static int parse_selector(struct rt_filter *f, struct sel_args *s, int argc,
			  char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];
		int w, rc;

		if (matches(a, "vrf")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			f->tb = vrf_table(s->ctx, argv[0]);
			if (!f->tb)
				return invarg("Invalid VRF\n", argv[0]);
			/* the VRF's local and broadcast routes stay hidden */
			f->typemask = ~(1u << RTN_LOCAL | 1u << RTN_BROADCAST);
			continue;
		}
		if (matches(a, "cached") || matches(a, "cloned")) {
			f->cloned = 1;
			continue;
		}
		w = keyword_index(a, sel_words);
		if (w < 0) {
			if (matches(a, "to") && !next_arg(&argc, &argv))
				return EXIT_USAGE;
			rc = parse_addr_filter(&f->rdst, &f->mdst, &argc, &argv,
					       s->family);
		} else if (!next_arg(&argc, &argv)) {
			return EXIT_USAGE;
		} else if (w <= RS_TYPE) {
			rc = parse_sel_named(f, w, argv[0]);
		} else {
			rc = parse_sel_value(f, s, w, &argc, &argv);
		}
		if (rc)
			return rc < 0 ? -1 : rc;
	}
	return 0;
}

static int dump_cb(struct nlmsghdr *nlh, void *arg)
{
	struct rt_dump *d = arg;
	struct rtattr *tb[RTA_MAX + 1];
	struct rtmsg *r;

	if (nlh->nlmsg_type != RTM_NEWROUTE || route_parse(nlh, &r, tb))
		return 0;
	if (!route_wanted(d->ctx, d->f, r, tb))
		return 0;
	if (d->action == RT_SAVE) {
		if (fwrite(nlh, 1, nlh->nlmsg_len, d->ctx->out.f) != nlh->nlmsg_len) {
			d->err = -EIO;
			return -EIO;
		}
		return 0;
	}
	if (d->action == RT_FLUSH) {
		if (flush_batch_add(d->ctx, d->fb, nlh, RTM_DELROUTE))
			return -EIO;
		if (d->ctx->stats < 2)
			return 0;
	}
	print_route_msg(d->ctx, d->f, r, tb, false);
	return 0;
}

static void dump_request(struct nl_req *req, const struct rt_filter *f,
			 int family)
{
	struct rtmsg *r = nl_put_hdr(req, sizeof(*r));

	r->rtm_family = family;
	r->rtm_protocol = f->protocol;
	if (f->cloned)
		r->rtm_flags |= RTM_F_CLONED;
	if (f->tb)
		nl_put_u32(req, RTA_TABLE, f->tb);
	if (f->oif)
		nl_put_u32(req, RTA_OIF, f->oif);
}

/* Like ctx_dump, but the reference adds "Dump terminated" after extack. */
static int route_dump(struct ipctx *ctx, struct rt_dump *d, int family,
		      const char *fail)
{
	NL_REQ_DEFINE(req, 256);
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return EXIT_FAIL;
	/* Names are looked up while the dump fills the socket's buffer: take
	 * them all from one link dump first (also linear for big tables). */
	if (d->action == RT_LIST || ctx->stats >= 2) {
		ll_cache_fill(ctx);
		if (ctx->details && !d->f->nh)
			d->f->nh = nh_cache_load(ctx);
	}
	NL_REQ_INIT(req, RTM_GETROUTE, 0);
	dump_request(&req, d->f, family);
	err = nl_dump(s, &req, dump_cb, d);
	warn_dump_intr(s);
	/* A new namespace has no main table before its first route: the
	 * reference lists and saves it as empty (but fails a flush of it). */
	if (err == -ENOENT && d->action != RT_FLUSH &&
	    d->f->tb == RT_TABLE_MAIN)
		return EXIT_OK;
	if (err < 0) {
		if (s->errmsg[0])
			pr_err("Error: %s%s\n", s->errmsg,
			       s->errmsg[strlen(s->errmsg) - 1] == '.' ? "" : ".");
		pr_err("%s\n", fail);
		return EXIT_KERNEL;
	}
	return EXIT_OK;
}

static int flush_cache(void)
{
	static const char path[] = "/proc/sys/net/ipv4/route/flush";
	FILE *f = fopen(path, "we");

	if (!f) {
		pr_err("Cannot open \"%s\": %s\n", path, err_text(errno));
		return -1;
	}
	if (fputs("-1", f) < 0 || fclose(f)) {
		pr_err("Cannot flush routing cache\n");
		return -1;
	}
	return 0;
}

static int flush_report(struct ipctx *ctx, struct rt_dump *d, int round,
			int family)
{
	if (!ctx->stats)
		return EXIT_OK;
	if (round == 0 && (!d->f->cloned || family == AF_INET6))
		out_text(&ctx->out, "Nothing to flush.\n");
	else
		out_text(&ctx->out, "*** Flush is complete after %d round%s ***\n",
			 round, round > 1 ? "s" : "");
	return EXIT_OK;
}

static int route_flush(struct ipctx *ctx, struct rt_dump *d, int family)
{
	struct flush_batch fb;
	time_t start = time(NULL);
	int round = 0, rc;

	if (d->f->cloned) {
		if (family != AF_INET6) {
			flush_cache();
			if (ctx->stats)
				out_text(&ctx->out, "*** IPv4 routing cache is flushed.\n");
		}
		if (family == AF_INET)
			return EXIT_OK;
	}
	d->fb = &fb;
	d->f->flushing = true;
	for (;;) {
		fb.count = 0;
		fb.used = 0;
		rc = route_dump(ctx, d, family, "Flush terminated");
		if (rc)
			return rc;
		if (fb.count == 0)
			return flush_report(ctx, d, round, family);
		round++;
		if (flush_batch_send(ctx, &fb))
			return EXIT_KERNEL;
		if (time(NULL) - start > 30) {
			out_text(&ctx->out,
				 "\n*** Flush not completed after %ld seconds, %d entries remain ***\n",
				 (long)(time(NULL) - start), fb.count);
			return EXIT_FAIL;
		}
		if (ctx->stats) {
			out_text(&ctx->out, "\n*** Round %d, deleting %d entries ***\n",
				 round, fb.count);
			out_flush(&ctx->out);
		}
	}
}

static int resolve_devs(struct ipctx *ctx, struct rt_filter *f,
			const struct sel_args *s)
{
	if (s->idev) {
		if (dev_index_or_complain(ctx, s->idev, &f->iif))
			return EXIT_FAIL;
		f->iifmask = ~0u;
	}
	if (s->odev) {
		if (dev_index_or_complain(ctx, s->odev, &f->oif))
			return EXIT_FAIL;
		f->oifmask = ~0u;
	}
	return EXIT_OK;
}

int route_list(struct ipctx *ctx, int argc, char **argv, int action)
{
	struct rt_filter f;
	struct sel_args s = { .ctx = ctx, .family = ctx->family };
	struct rt_dump d = { .ctx = ctx, .f = &f, .action = action };
	int rc;

	if (action == RT_SAVE && (rc = saved_magic_write(ctx, ROUTE_DUMP_MAGIC)))
		return rc;
	rt_filter_init(&f);
	f.tb = RT_TABLE_MAIN;
	if (action == RT_FLUSH && argc <= 0) {
		pr_err("\"ip route flush\" requires arguments.\n");
		return EXIT_FAIL;
	}
	rc = parse_selector(&f, &s, argc, argv);
	if (rc)
		return rc < 0 ? route_usage() : rc;
	if (s.family == AF_UNSPEC && f.tb)
		s.family = AF_INET;
	rc = resolve_devs(ctx, &f, &s);
	if (rc)
		return rc;
	if (action == RT_FLUSH) {
		bool json = ctx->out.json;

		/* The reference flushes outside any JSON context: its -s
		 * messages and the -s -s listing are text even under -j. */
		ctx->out.json = false;
		rc = route_flush(ctx, &d, s.family);
		ctx->out.json = json;
	} else {
		if (action == RT_LIST)
			out_begin(&ctx->out);
		rc = route_dump(ctx, &d, s.family, "Dump terminated");
		if (action == RT_LIST)
			out_end(&ctx->out);
	}
	nh_cache_free(f.nh);
	return rc ? rc : d.err ? EXIT_FAIL : EXIT_OK;
}

/* ---- restore and showdump: a magic word, then raw netlink messages ---- */

static int check_magic(FILE *in)
{
	return saved_magic_check(in, ROUTE_DUMP_MAGIC, "route") ? EXIT_FAIL
								 : EXIT_OK;
}

/* Local addresses first, then the networks on them, then the rest, so
 * that every route finds its source address and gateway in place. */
static bool restore_now(struct nlmsghdr *nlh, int prio)
{
	struct rtattr *tb[RTA_MAX + 1];
	struct rtmsg *r;

	if (route_parse(nlh, &r, tb))
		return false;
	if (prio == 0)
		return !tb[RTA_GATEWAY] && (!tb[RTA_PREFSRC] ||
					    route_table(r, tb) == RT_TABLE_LOCAL);
	if (prio == 1)
		return !tb[RTA_GATEWAY] && tb[RTA_PREFSRC];
	return tb[RTA_GATEWAY];
}

static int restore_one(struct ipctx *ctx, struct nlmsghdr *nlh, void *arg)
{
	int err;

	if (!restore_now(nlh, *(int *)arg))
		return 0;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK;
	err = ctx_talk_raw(ctx, nlh);
	if (err == -ENOTCONN)
		return -1;
	if (err < 0)
		nl_report(ctx, err);
	/* Routes already in place are reported, but do not stop the restore. */
	return err < 0 && err != -EEXIST ? -1 : 0;
}

int route_restore(struct ipctx *ctx)
{
	long pos;
	int prio, rc = check_magic(stdin);

	if (rc)
		return rc;
	pos = ftell(stdin);
	if (pos == -1) {
		pr_err("Failed to restore: ftell: %s\n",
		       err_text(errno));
		return EXIT_FAIL;
	}
	for (prio = 0; prio < 3; prio++) {
		if (saved_msgs_read(stdin, ctx, restore_one, &prio))
			return EXIT_KERNEL;
		if (fseek(stdin, pos, SEEK_SET) == -1) {
			pr_err("Failed to restore: fseek: %s\n",
			       err_text(errno));
			return EXIT_FAIL;
		}
	}
	return EXIT_OK;
}

static int showdump_one(struct ipctx *ctx, struct nlmsghdr *nlh, void *arg)
{
	print_route(ctx, arg, nlh);
	return 0;
}

int route_showdump(struct ipctx *ctx)
{
	struct rt_filter f;
	bool json = ctx->out.json;
	int rc = check_magic(stdin);

	if (rc)
		return rc;
	rt_filter_init(&f);
	if (ctx->details)
		f.nh = nh_cache_load(ctx);
	/* The reference prints a saved dump as text whatever the options. */
	ctx->out.json = false;
	rc = saved_msgs_read(stdin, ctx, showdump_one, &f) ? EXIT_KERNEL : EXIT_OK;
	ctx->out.json = json;
	nh_cache_free(f.nh);
	return rc;
}
