/* ip link: show (and the printer ip address reuses), add, set, delete. */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/net_namespace.h>
#include <linux/veth.h>

#include "link_kind.h"
#include "usage_text.h"

#ifndef IFALIASZ
#define IFALIASZ 256
#endif

static int link_usage(void);

static const char *const oper_names[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
	"TESTING", "DORMANT", "UP",
};

static const struct {
	unsigned int flag;
	const char *name;
} flag_names[] = {
	{ IFF_LOOPBACK, "LOOPBACK" },	{ IFF_BROADCAST, "BROADCAST" },
	{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
	{ IFF_NOARP, "NOARP" },		{ IFF_ALLMULTI, "ALLMULTI" },
	{ IFF_PROMISC, "PROMISC" },	{ IFF_MASTER, "MASTER" },
	{ IFF_SLAVE, "SLAVE" },		{ IFF_DEBUG, "DEBUG" },
	{ IFF_DYNAMIC, "DYNAMIC" },	{ IFF_AUTOMEDIA, "AUTOMEDIA" },
	{ IFF_PORTSEL, "PORTSEL" },	{ IFF_NOTRAILERS, "NOTRAILERS" },
	{ IFF_UP, "UP" },		{ IFF_LOWER_UP, "LOWER_UP" },
	{ IFF_DORMANT, "DORMANT" },	{ IFF_ECHO, "ECHO" },
};

/* Link types and their names: the codes in one array and the names in one
 * string (a pointer to each name cost 8 bytes and 6 of padding).  Ether
 * first: nearly every link of a long listing is one. */
#define LL_TYPES \
	X(ARPHRD_ETHER, "ether") \
	X(ARPHRD_NETROM, "netrom") \
	X(ARPHRD_EETHER, "eether") \
	X(ARPHRD_AX25, "ax25") \
	X(ARPHRD_PRONET, "pronet") \
	X(ARPHRD_CHAOS, "chaos") \
	X(ARPHRD_IEEE802, "ieee802") \
	X(ARPHRD_ARCNET, "arcnet") \
	X(ARPHRD_APPLETLK, "atalk") \
	X(ARPHRD_DLCI, "dlci") \
	X(ARPHRD_ATM, "atm") \
	X(ARPHRD_METRICOM, "metricom") \
	X(ARPHRD_IEEE1394, "ieee1394") \
	X(ARPHRD_INFINIBAND, "infiniband") \
	X(ARPHRD_SLIP, "slip") \
	X(ARPHRD_CSLIP, "cslip") \
	X(ARPHRD_SLIP6, "slip6") \
	X(ARPHRD_CSLIP6, "cslip6") \
	X(ARPHRD_RSRVD, "rsrvd") \
	X(ARPHRD_ADAPT, "adapt") \
	X(ARPHRD_ROSE, "rose") \
	X(ARPHRD_X25, "x25") \
	X(ARPHRD_HWX25, "hwx25") \
	X(ARPHRD_CAN, "can") \
	X(ARPHRD_PPP, "ppp") \
	X(ARPHRD_HDLC, "hdlc") \
	X(ARPHRD_LAPB, "lapb") \
	X(ARPHRD_DDCMP, "ddcmp") \
	X(ARPHRD_RAWHDLC, "rawhdlc") \
	X(ARPHRD_TUNNEL, "ipip") \
	X(ARPHRD_TUNNEL6, "tunnel6") \
	X(ARPHRD_FRAD, "frad") \
	X(ARPHRD_SKIP, "skip") \
	X(ARPHRD_LOOPBACK, "loopback") \
	X(ARPHRD_LOCALTLK, "ltalk") \
	X(ARPHRD_FDDI, "fddi") \
	X(ARPHRD_BIF, "bif") \
	X(ARPHRD_SIT, "sit") \
	X(ARPHRD_IPDDP, "ip/ddp") \
	X(ARPHRD_IPGRE, "gre") \
	X(ARPHRD_PIMREG, "pimreg") \
	X(ARPHRD_HIPPI, "hippi") \
	X(ARPHRD_ASH, "ash") \
	X(ARPHRD_ECONET, "econet") \
	X(ARPHRD_IRDA, "irda") \
	X(ARPHRD_FCPP, "fcpp") \
	X(ARPHRD_FCAL, "fcal") \
	X(ARPHRD_FCPL, "fcpl") \
	X(ARPHRD_FCFABRIC, "fcfb0") \
	X(ARPHRD_IEEE802_TR, "tr") \
	X(ARPHRD_IEEE80211, "ieee802.11") \
	X(ARPHRD_IEEE80211_PRISM, "ieee802.11/prism") \
	X(ARPHRD_IEEE80211_RADIOTAP, "ieee802.11/radiotap") \
	X(ARPHRD_IEEE802154, "ieee802.15.4") \
	X(ARPHRD_IEEE802154_MONITOR, "ieee802.15.4/monitor") \
	X(ARPHRD_PHONET, "phonet") \
	X(ARPHRD_PHONET_PIPE, "phonet_pipe") \
	X(ARPHRD_CAIF, "caif") \
	X(ARPHRD_IP6GRE, "gre6") \
	X(ARPHRD_NETLINK, "netlink") \
	X(ARPHRD_6LOWPAN, "6lowpan") \
	X(ARPHRD_NONE, "none") \
	X(ARPHRD_VOID, "void")

#define X(type, name) type,
static const unsigned short ll_type_codes[] = { LL_TYPES };
#undef X
#define X(type, name) name "\0"
static const char ll_type_names[] = LL_TYPES;
#undef X

const char *ll_type_name(struct ipctx *ctx, unsigned short type, char *buf,
			 size_t size)
{
	size_t i;

	for (i = 0; !ctx->numeric && i < sizeof(ll_type_codes) / sizeof(ll_type_codes[0]); i++)
		if (ll_type_codes[i] == type)
			return str_nth(ll_type_names, i);
	snprintf(buf, size, "[%d]", type);
	return buf;
}

/* Flags in the reference's order; "M-DOWN" when the lower link is down. */
static void print_flags(struct out *o, unsigned int flags, bool mdown)
{
	size_t i;
	bool first = true;

	out_arr_open(o, "flags");
	out_text(o, "<");
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING)) {
		out_str(o, OUT_ANY, NULL, "%s", "NO-CARRIER");
		first = false;
	}
	flags &= ~IFF_RUNNING;
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		if (!(flags & flag_names[i].flag))
			continue;
		flags &= ~flag_names[i].flag;
		out_str(o, OUT_ANY, NULL, first ? "%s" : ",%s", flag_names[i].name);
		first = false;
	}
	if (flags)
		out_xstr(o, OUT_ANY, NULL, first ? "%x" : ",%x", flags);
	if (mdown)
		out_str(o, OUT_ANY, NULL, ",%s", "M-DOWN");
	out_text(o, "> ");
	out_arr_close(o);
}

void print_link_flags(struct out *o, unsigned int flags)
{
	print_flags(o, flags, false);
}

const char *oper_name(unsigned int state, char *buf, size_t size)
{
	if (state < sizeof(oper_names) / sizeof(oper_names[0]))
		return oper_names[state];
	snprintf(buf, size, "state %#x", state);
	return buf;
}

static void print_operstate(struct out *o, unsigned int state, bool brief)
{
	enum out_color c = state == IF_OPER_UP ? C_UP :
			   state == IF_OPER_DOWN ? C_DOWN : C_NONE;

	if (state >= sizeof(oper_names) / sizeof(oper_names[0])) {
		out_uint(o, OUT_JSON, "operstate_index", NULL, state);
		out_xstr(o, OUT_TEXT, NULL, "state %#llx", state);
		return;
	}
	if (!brief)
		out_text(o, "state ");
	out_cstr(o, OUT_ANY, c, "operstate", brief ? "%-14s " : "%s ",
		 oper_names[state]);
}

struct link_view {
	struct ifinfomsg *ifi;
	struct rtattr **tb;	/* own, or the link dump's (ctx_link_attrs) */
	struct rtattr *own[IFLA_MAX + 1];
	unsigned int how;
};

/* "a@b" in buf, cut to fit as snprintf would (without its cost: this runs
 * for every link of a listing). */
static const char *name_at(char *buf, size_t size, const char *a,
			   const char *b)
{
	size_t n = strnlen(a, size - 1), m;

	memcpy(buf, a, n);
	if (n < size - 1)
		buf[n++] = '@';
	m = strnlen(b, size - 1 - n);
	memcpy(buf + n, b, m);
	buf[n + m] = '\0';
	return buf;
}

/* "name@link" as the reference prints it; JSON gets "link" or
 * "link_index".  Returns whether the lower link is down (M-DOWN). */
static bool print_name_and_link(struct ipctx *ctx, struct link_view *v,
				const char *fmt)
{
	struct out *o = &ctx->out;
	struct rtattr **tb = v->tb;
	const char *name = nl_attr_str(tb[IFLA_IFNAME]), *lname = NULL;
	char text[IFNAMSIZ * 2 + 16], buf[32];
	bool mdown = false;

	if (tb[IFLA_LINK]) {
		int iflink = nl_attr_s32(tb[IFLA_LINK]);

		if (!iflink) {
			out_null(o, OUT_JSON, "link", NULL, NULL);
			lname = "NONE";
		} else if (tb[IFLA_LINK_NETNSID]) {
			out_int(o, OUT_JSON, "link_index", NULL, iflink);
			snprintf(buf, sizeof(buf), "if%d", iflink);
			lname = buf;
		} else {
			lname = ll_name_or_num(ctx, iflink, buf, sizeof(buf));
			out_str(o, OUT_JSON, "link", NULL, lname);
			mdown = !(ll_flags(ctx, iflink) & IFF_UP);
		}
	}
	out_str(o, OUT_JSON, "ifname", NULL, name);
	out_cstr(o, OUT_TEXT, C_IFNAME, NULL, fmt,
		 lname ? name_at(text, sizeof(text), name, lname) : name);
	return mdown;
}

static void print_link_netnsid(struct ipctx *ctx, struct rtattr *a)
{
	struct out *o = &ctx->out;
	int id = nl_attr_s32(a);
	char name[256];

	if (o->json)
		out_int(o, OUT_JSON, "link_netnsid", NULL, id);
	else if (id < 0)
		out_text(o, " link-netnsid unknown");
	else if (netns_name_of(ctx, id, name, sizeof(name)))
		out_text(o, " link-netns %s", name);
	else
		out_text(o, " link-netnsid %d", id);
}

/* A link deleted here because it moved: where to, as ip monitor says. */
static void print_new_netns(struct ipctx *ctx, struct rtattr **tb)
{
	struct out *o = &ctx->out;
	char name[256];
	int id;

	if (o->json || nl_attr_len(tb[IFLA_NEW_NETNSID]) < 4)
		return;
	id = nl_attr_s32(tb[IFLA_NEW_NETNSID]);
	if (netns_name_of(ctx, id, name, sizeof(name)))
		out_text(o, " new-netns %s", name);
	else
		out_text(o, " new-netnsid %d", id);
	if (tb[IFLA_NEW_IFINDEX] && nl_attr_len(tb[IFLA_NEW_IFINDEX]) >= 4)
		out_text(o, " new-ifindex %d", nl_attr_s32(tb[IFLA_NEW_IFINDEX]));
}

static void print_lladdr_line(struct ipctx *ctx, struct link_view *v)
{
	struct out *o = &ctx->out;
	struct rtattr **tb = v->tb;
	unsigned short type = v->ifi->ifi_type;
	char tbuf[32], abuf[128];

	out_nl(o);
	out_str(o, OUT_ANY, "link_type", "    link/%s ",
		ll_type_name(ctx, type, tbuf, sizeof(tbuf)));
	if (tb[IFLA_ADDRESS])
		out_cstr(o, OUT_ANY, C_MAC, "address", "%s",
			 ll_addr_text(tb[IFLA_ADDRESS], type, abuf, sizeof(abuf)));
	if (tb[IFLA_BROADCAST]) {
		if (v->ifi->ifi_flags & IFF_POINTOPOINT) {
			out_text(o, " peer ");
			out_bool(o, OUT_JSON, "link_pointtopoint", NULL, true);
		} else {
			out_text(o, " brd ");
		}
		out_cstr(o, OUT_ANY, C_MAC, "broadcast", "%s",
			 ll_addr_text(tb[IFLA_BROADCAST], type, abuf, sizeof(abuf)));
	}
	if (tb[IFLA_PERM_ADDRESS] &&
	    (!tb[IFLA_ADDRESS] ||
	     nl_attr_len(tb[IFLA_ADDRESS]) != nl_attr_len(tb[IFLA_PERM_ADDRESS]) ||
	     memcmp(nl_attr_data(tb[IFLA_ADDRESS]),
		    nl_attr_data(tb[IFLA_PERM_ADDRESS]),
		    nl_attr_len(tb[IFLA_ADDRESS])))) {
		out_text(o, " permaddr ");	/* the address alone colored */
		out_cstr(o, OUT_ANY, C_MAC, "permaddr", "%s",
			 ll_addr_text(tb[IFLA_PERM_ADDRESS], type, abuf,
				       sizeof(abuf)));
	}
}

static void print_link_head(struct ipctx *ctx, struct link_view *v)
{
	struct out *o = &ctx->out;
	struct rtattr **tb = v->tb;
	char buf[64];
	bool mdown;

	out_int(o, OUT_ANY, "ifindex", "%d: ", v->ifi->ifi_index);
	mdown = print_name_and_link(ctx, v, "%s: ");
	print_flags(o, v->ifi->ifi_flags, mdown);
	if (tb[IFLA_MTU])
		out_uint(o, OUT_ANY, "mtu", "mtu %u ", nl_attr_u32(tb[IFLA_MTU]));
	if (tb[IFLA_XDP])
		print_xdp_head(ctx, tb[IFLA_XDP], v->how & LINK_IN_ADDR);
	if (tb[IFLA_QDISC])
		out_str(o, OUT_ANY, "qdisc", "qdisc %s ", nl_attr_str(tb[IFLA_QDISC]));
	if (tb[IFLA_MASTER])
		out_str(o, OUT_ANY, "master", "master %s ",
			ll_name_or_num(ctx, nl_attr_u32(tb[IFLA_MASTER]), buf,
				       sizeof(buf)));
	if (tb[IFLA_OPERSTATE])
		print_operstate(o, nl_attr_u8(tb[IFLA_OPERSTATE]), false);
	if (!(v->how & LINK_IN_ADDR) && tb[IFLA_LINKMODE]) {
		unsigned int m = nl_attr_u8(tb[IFLA_LINKMODE]);

		if (m < 2)
			out_str(o, OUT_ANY, "linkmode", "mode %s ",
				m ? "DORMANT" : "DEFAULT");
		else
			out_int(o, OUT_ANY, "linkmode_index", "mode %d ", m);
	}
	if (tb[IFLA_GROUP])
		out_str(o, OUT_ANY, "group", "group %s ",
			ctx_name_of(ctx, NT_GROUPS, nl_attr_u32(tb[IFLA_GROUP]),
				    buf, sizeof(buf)));
	if (tb[IFLA_TXQLEN] && nl_attr_u32(tb[IFLA_TXQLEN]) &&
	    !(v->how & LINK_ECHO))
		out_int(o, OUT_ANY, "txqlen", "qlen %d", nl_attr_u32(tb[IFLA_TXQLEN]));
}

static void print_brief(struct ipctx *ctx, struct link_view *v)
{
	struct out *o = &ctx->out;
	struct rtattr **tb = v->tb;
	char abuf[128];
	bool mdown;

	mdown = print_name_and_link(ctx, v, "%-16s ");
	if (tb[IFLA_OPERSTATE])
		print_operstate(o, nl_attr_u8(tb[IFLA_OPERSTATE]), true);
	/* ip -br addr lists addresses here; ip -br -0 addr is like ip -br link. */
	if ((v->how & LINK_IN_ADDR) && ctx->family != AF_PACKET)
		return;
	if (tb[IFLA_ADDRESS])
		out_cstr(o, OUT_ANY, C_MAC, "address", "%s ",
			 ll_addr_text(tb[IFLA_ADDRESS], v->ifi->ifi_type, abuf,
				       sizeof(abuf)));
	print_flags(o, v->ifi->ifi_flags, mdown);
}

static const char *const addrgen_names[] = {
	"eui64", "none", "stable_secret", "random",
};

/* IFLA_AF_SPEC: only the IPv6 address generation mode is shown. */
static void print_af_spec(struct out *o, const struct rtattr *spec)
{
	struct rtattr *af[AF_INET6 + 1], *tb[IFLA_INET6_MAX + 1];
	char buf[16];
	unsigned int mode;

	nl_parse_nested(af, AF_INET6, spec);
	if (!af[AF_INET6])
		return;
	nl_parse_nested(tb, IFLA_INET6_MAX, af[AF_INET6]);
	if (!tb[IFLA_INET6_ADDR_GEN_MODE])
		return;
	mode = nl_attr_u8(tb[IFLA_INET6_ADDR_GEN_MODE]);
	if (mode < sizeof(addrgen_names) / sizeof(addrgen_names[0]))
		out_str(o, OUT_ANY, "inet6_addr_gen_mode", "addrgenmode %s ",
			addrgen_names[mode]);
	else {
		snprintf(buf, sizeof(buf), "%#.2hhx", (unsigned char)mode);
		out_str(o, OUT_ANY, "inet6_addr_gen_mode", "addrgenmode %s ", buf);
	}
}

static void print_kind_data(struct ipctx *ctx, const char *kind,
			    const struct rtattr *data, const char *key)
{
	const struct link_kind *k = link_kind_find(kind);

	if (!k || !k->print)
		return;
	out_obj_open(&ctx->out, key);
	k->print(ctx, data);
	out_obj_close(&ctx->out);
}

static void print_linkinfo(struct ipctx *ctx, const struct rtattr *info)
{
	struct out *o = &ctx->out;
	struct rtattr *li[IFLA_INFO_MAX + 1];
	char slave[IFNAMSIZ + 16];

	nl_parse_nested(li, IFLA_INFO_MAX, info);
	out_obj_open(o, "linkinfo");
	if (li[IFLA_INFO_KIND]) {
		const char *kind = nl_attr_str(li[IFLA_INFO_KIND]);

		out_nl(o);
		out_str(o, OUT_ANY, "info_kind", "    %s ", kind);
		print_kind_data(ctx, kind, li[IFLA_INFO_DATA], "info_data");
	}
	if (li[IFLA_INFO_SLAVE_KIND]) {
		const char *kind = nl_attr_str(li[IFLA_INFO_SLAVE_KIND]);

		out_nl(o);
		out_str(o, OUT_ANY, "info_slave_kind", "    %s_slave ", kind);
		snprintf(slave, sizeof(slave), "%s_slave", kind);
		print_kind_data(ctx, slave, li[IFLA_INFO_SLAVE_DATA],
				"info_slave_data");
	}
	out_obj_close(o);
}

static void print_hexid(struct out *o, const struct rtattr *a,
			const char *key, const char *fmt)
{
	const uint8_t *p = nl_attr_data(a);
	size_t i, n = nl_attr_len(a);
	char buf[256];

	buf[0] = '\0';
	for (i = 0; i < n && i * 2 + 3 < sizeof(buf); i++)
		snprintf(buf + i * 2, 3, "%02x", p[i]);
	out_str(o, OUT_ANY, key, fmt, buf);
}

static const struct {
	unsigned short attr;
	const char *key, *fmt;
} detail_u32[] = {
	{ IFLA_NUM_TX_QUEUES, "num_tx_queues", "numtxqueues %u " },
	{ IFLA_NUM_RX_QUEUES, "num_rx_queues", "numrxqueues %u " },
	{ IFLA_GSO_MAX_SIZE, "gso_max_size", "gso_max_size %u " },
	{ IFLA_GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs %u " },
	{ IFLA_TSO_MAX_SIZE, "tso_max_size", "tso_max_size %u " },
	{ IFLA_TSO_MAX_SEGS, "tso_max_segs", "tso_max_segs %u " },
	{ IFLA_GRO_MAX_SIZE, "gro_max_size", "gro_max_size %u " },
};

/* The -d part: counters, limits, kind details, queues and offload sizes. */
static void print_details(struct ipctx *ctx, struct link_view *v)
{
	struct out *o = &ctx->out;
	struct rtattr **tb = v->tb;
	size_t i;

	if (tb[IFLA_PROMISCUITY])
		out_uint(o, OUT_ANY, "promiscuity", " promiscuity %u ",
			 nl_attr_u32(tb[IFLA_PROMISCUITY]));
	if (tb[IFLA_ALLMULTI])
		out_uint(o, OUT_ANY, "allmulti", " allmulti %u ",
			 nl_attr_u32(tb[IFLA_ALLMULTI]));
	if (tb[IFLA_MIN_MTU])
		out_uint(o, OUT_ANY, "min_mtu", "minmtu %u ",
			 nl_attr_u32(tb[IFLA_MIN_MTU]));
	if (tb[IFLA_MAX_MTU])
		out_uint(o, OUT_ANY, "max_mtu", "maxmtu %u ",
			 nl_attr_u32(tb[IFLA_MAX_MTU]));
	if (tb[IFLA_LINKINFO])
		print_linkinfo(ctx, tb[IFLA_LINKINFO]);
	if (!(v->how & LINK_IN_ADDR) && tb[IFLA_AF_SPEC])
		print_af_spec(o, tb[IFLA_AF_SPEC]);
	for (i = 0; i < sizeof(detail_u32) / sizeof(detail_u32[0]); i++)
		if (tb[detail_u32[i].attr])
			out_uint(o, OUT_ANY, detail_u32[i].key, detail_u32[i].fmt,
				 nl_attr_u32(tb[detail_u32[i].attr]));
	if (tb[IFLA_PHYS_PORT_NAME])
		out_str(o, OUT_ANY, "phys_port_name", "portname %s ",
			nl_attr_str(tb[IFLA_PHYS_PORT_NAME]));
	if (tb[IFLA_PHYS_PORT_ID])
		print_hexid(o, tb[IFLA_PHYS_PORT_ID], "phys_port_id", "portid %s ");
	if (tb[IFLA_PHYS_SWITCH_ID])
		print_hexid(o, tb[IFLA_PHYS_SWITCH_ID], "phys_switch_id",
			    "switchid %s ");
	if (tb[IFLA_PARENT_DEV_BUS_NAME])
		out_str(o, OUT_ANY, "parentbus", "parentbus %s ",
			nl_attr_str(tb[IFLA_PARENT_DEV_BUS_NAME]));
	if (tb[IFLA_PARENT_DEV_NAME])
		out_str(o, OUT_ANY, "parentdev", "parentdev %s ",
			nl_attr_str(tb[IFLA_PARENT_DEV_NAME]));
}

static void print_altnames(struct out *o, const struct rtattr *list)
{
	const struct rtattr *a;
	unsigned int left = nl_attr_len(list);

	out_arr_open(o, "altnames");
	for (a = nl_attr_data(list); RTA_OK(a, left);
	     a = nl_attr_next(a, &left)) {
		if ((a->rta_type & NLA_TYPE_MASK) != IFLA_ALT_IFNAME)
			continue;
		out_nl(o);
		out_text(o, "    altname ");
		out_str(o, OUT_ANY, NULL, "%s", nl_attr_str(a));
	}
	out_arr_close(o);
}

/* ---- statistics ---- */

/* A counter in a column: plain, or with -h scaled by 1000 (1024 with
 * -iec) to at most three significant digits and a unit letter. */
static void fmt_count(const struct ipctx *ctx, uint64_t v, char *buf,
		      size_t size)
{
	static const char units[] = "kMGTPE";
	unsigned int base = ctx->iec ? 1024 : 1000, prec = 2, i = 0;
	uint64_t div = 1, lim = 1;

	if (!ctx->human || v < base) {
		snprintf(buf, size, "%llu", (unsigned long long)v);
		return;
	}
	for (;;) {
		div *= base;
		if (v / base < div || !units[i + 1])
			break;
		i++;
	}
	for (; prec > 0; prec--) {
		lim *= 10;
		if (v / div < lim)
			break;
	}
	/* printf's %.*f of the double, without libc's float formatting. */
	format_fixed(buf, size, (double)v / div, prec);
	snprintf(buf + strlen(buf), size - strlen(buf), "%c%s", units[i],
		 ctx->iec ? "i" : "");
}

enum { NCOLS = 7 };

static void size_cols(const struct ipctx *ctx, unsigned int *cols,
		      const uint64_t *v, int n)
{
	char buf[64];
	int i;

	for (i = 0; i < n; i++) {
		size_t w;

		fmt_count(ctx, v[i], buf, sizeof(buf));
		w = strlen(buf);
		if (w > cols[i])
			cols[i] = w;
	}
}

static void print_counts(struct ipctx *ctx, const unsigned int *cols,
			 const uint64_t *v, int first, int n)
{
	char buf[64];
	int i;

	out_text(&ctx->out, "    ");
	for (i = 0; i < first; i++)
		out_text(&ctx->out, "%*s ", cols[i], "");
	for (i = first; i < n; i++) {
		fmt_count(ctx, v[i], buf, sizeof(buf));
		out_text(&ctx->out, "%*s ", cols[i], buf);
	}
}

/* The counters by their place in struct rtnl_link_stats64 (all u64), and
 * two places past its end: nothing (0) and the carrier changes, which come
 * in their own attribute.  Rows and keys are tables of one-byte places
 * instead of code that loads each field. */
#define ST(field) (offsetof(struct rtnl_link_stats64, field) / 8)
enum {
	ST_ZERO = sizeof(struct rtnl_link_stats64) / 8,
	ST_CHANGES,
	ST_ALL,
	ST_END = 0xff,
};

/* Text: RX, RX errors, TX, TX errors; the first column of an error row is
 * blank, the last one printed only when not 0 (not at all for TX errors). */
static const unsigned char stat_rows[4][NCOLS] = {
	{ ST(rx_bytes), ST(rx_packets), ST(rx_errors), ST(rx_dropped),
	  ST(rx_missed_errors), ST(multicast), ST(rx_compressed) },
	{ ST_ZERO, ST(rx_length_errors), ST(rx_crc_errors),
	  ST(rx_frame_errors), ST(rx_fifo_errors), ST(rx_over_errors),
	  ST(rx_nohandler) },
	{ ST(tx_bytes), ST(tx_packets), ST(tx_errors), ST(tx_dropped),
	  ST(tx_carrier_errors), ST(collisions), ST(tx_compressed) },
	{ ST_ZERO, ST(tx_aborted_errors), ST(tx_fifo_errors),
	  ST(tx_window_errors), ST(tx_heartbeat_errors), ST_CHANGES, ST_ZERO },
};

/* Each row's label, then the heads of its NCOLS columns. */
static const char *const stat_heads[4] = {
	"RX: \0bytes\0packets\0errors\0dropped\0missed\0mcast\0compressed",
	"RX errors:\0\0length\0crc\0frame\0fifo\0overrun\0nohandler",
	"TX: \0bytes\0packets\0errors\0dropped\0carrier\0collsns\0compressed",
	"TX errors:\0\0aborted\0fifo\0window\0heartbt\0transns\0",
};

/* The heads of a row (the sixth blank when its counters are n = 5: no
 * carrier changes came, as the reference), then the last column's: a data
 * row has it even when blank, an error row only with its counter.  Few
 * calls: each one goes through the printf engine (ip -s link on many
 * links). */
static void print_stat_head(struct out *o, const unsigned int *cols, int row,
			    int n, bool last)
{
	const char *w[NCOLS + 1], *p = stat_heads[row];
	int i;

	for (i = 0; i <= NCOLS; i++, p += strlen(p) + 1)
		w[i] = p;
	out_text(o, "    %s%*s %*s %*s %*s %*s %*s", w[0],
		 cols[0] - (int)strlen(w[0]), w[1], cols[1], w[2], cols[2], w[3],
		 cols[3], w[4], cols[4], w[5], cols[5], n > 5 ? w[6] : "");
	if (last || !(row & 1))
		out_text(o, " %*s", cols[6], last ? w[7] : "");
}

/* RX errors end with an eighth column, sized on its own, when packets for
 * other hosts were dropped (a counter of newer kernels). */
static void print_otherhost(struct ipctx *ctx, uint64_t n, bool head)
{
	char buf[64];
	int w;

	fmt_count(ctx, n, buf, sizeof(buf));
	w = strlen(buf) > 9 ? (int)strlen(buf) : 9;
	if (head)
		out_text(&ctx->out, " %*s", w, "otherhost");
	else
		out_text(&ctx->out, "%*s ", w, buf);
}

static void print_stats_text(struct ipctx *ctx, const uint64_t *all,
			     bool changes)
{
	unsigned int cols[NCOLS] = { 10, 7, 6, 7, 7, 7, 10 };
	uint64_t v[4][NCOLS], other = all[ST(rx_otherhost_dropped)];
	int row, i;

	for (row = 0; row < 4; row++) {
		for (i = 0; i < NCOLS; i++)
			v[row][i] = all[stat_rows[row][i]];
		if (!(row & 1) || ctx->stats > 1)
			size_cols(ctx, cols, v[row], NCOLS);
	}
	for (row = 0; row < 4; row++) {
		bool last = v[row][NCOLS - 1] != 0;
		int n = row == 3 && !changes ? 5 : 6;

		if ((row & 1) && ctx->stats < 2)
			continue;
		if (row)
			out_nl(&ctx->out);
		print_stat_head(&ctx->out, cols, row, n, last);
		if (row == 1 && other)
			print_otherhost(ctx, other, true);
		out_nl(&ctx->out);
		print_counts(ctx, cols, v[row], row & 1, last ? 7 : n);
		if (row == 1 && other)
			print_otherhost(ctx, other, false);
	}
}

/* JSON: keys (one string) and their places, up to ST_END. */
static void json_u64s(struct out *o, const char *keys,
		      const unsigned char *at, const uint64_t *all)
{
	for (; *at != ST_END; at++, keys += strlen(keys) + 1)
		out_u64(o, OUT_JSON, keys, NULL, all[*at]);
}

static void print_stats_json(struct ipctx *ctx, const uint64_t *all,
			     bool changes)
{
	static const unsigned char rx[] = {
		ST(rx_bytes), ST(rx_packets), ST(rx_errors), ST(rx_dropped),
		ST(rx_over_errors), ST(multicast), ST_END
	};
	static const unsigned char rxe[] = {
		ST(rx_length_errors), ST(rx_crc_errors), ST(rx_frame_errors),
		ST(rx_fifo_errors), ST(rx_missed_errors), ST_END
	};
	static const unsigned char tx[] = {
		ST(tx_bytes), ST(tx_packets), ST(tx_errors), ST(tx_dropped),
		ST(tx_carrier_errors), ST(collisions), ST_END
	};
	static const unsigned char txe[] = {
		ST(tx_aborted_errors), ST(tx_fifo_errors),
		ST(tx_window_errors), ST(tx_heartbeat_errors), ST_END
	};
	struct out *o = &ctx->out;

	out_obj_open(o, "stats64");
	out_obj_open(o, "rx");
	json_u64s(o, "bytes\0packets\0errors\0dropped\0over_errors\0multicast",
		  rx, all);
	if (all[ST(rx_compressed)])
		out_u64(o, OUT_JSON, "compressed", NULL, all[ST(rx_compressed)]);
	if (ctx->stats > 1) {
		json_u64s(o, "length_errors\0crc_errors\0frame_errors\0"
			  "fifo_errors\0missed_errors", rxe, all);
		if (all[ST(rx_nohandler)])
			out_u64(o, OUT_JSON, "nohandler", NULL,
				all[ST(rx_nohandler)]);
		if (all[ST(rx_otherhost_dropped)])
			out_u64(o, OUT_JSON, "otherhost", NULL,
				all[ST(rx_otherhost_dropped)]);
	}
	out_obj_close(o);
	out_obj_open(o, "tx");
	json_u64s(o, "bytes\0packets\0errors\0dropped\0carrier_errors\0"
		  "collisions", tx, all);
	if (all[ST(tx_compressed)])
		out_u64(o, OUT_JSON, "compressed", NULL, all[ST(tx_compressed)]);
	if (ctx->stats > 1) {
		json_u64s(o, "aborted_errors\0fifo_errors\0window_errors\0"
			  "heartbeat_errors", txe, all);
		if (changes)
			out_u64(o, OUT_JSON, "carrier_changes", NULL,
				all[ST_CHANGES]);
	}
	out_obj_close(o);
	out_obj_close(o);
}

static void print_stats_tb(struct ipctx *ctx, struct rtattr **tb)
{
	uint64_t all[ST_ALL] = { 0 };
	size_t len;

	if (!tb[IFLA_STATS64])
		return;
	len = nl_attr_len(tb[IFLA_STATS64]);
	memcpy(all, nl_attr_data(tb[IFLA_STATS64]),
	       len < sizeof(struct rtnl_link_stats64) ?
	       len : sizeof(struct rtnl_link_stats64));
	all[ST_CHANGES] = nl_attr_u32(tb[IFLA_CARRIER_CHANGES]);
	out_nl(&ctx->out);
	if (ctx->out.json)
		print_stats_json(ctx, all, tb[IFLA_CARRIER_CHANGES]);
	else
		print_stats_text(ctx, all, tb[IFLA_CARRIER_CHANGES]);
}

/* ---- one link ---- */

static int link_view_parse(struct ipctx *ctx, struct nlmsghdr *nlh,
			   struct link_view *v)
{
	struct rtattr *rta;
	size_t len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*v->ifi)))
		return -EBADMSG;
	v->ifi = NLMSG_DATA(nlh);
	v->tb = ctx ? ctx_link_attrs(ctx, nlh) : NULL;
	if (!v->tb) {
		v->tb = v->own;
		rta = nl_msg_attrs(nlh, sizeof(*v->ifi), &len);
		nl_parse(v->tb, IFLA_MAX, rta, len, NULL);
	}
	return v->tb[IFLA_IFNAME] ? 0 : -EBADMSG;
}

static int print_link_view(struct ipctx *ctx, struct link_view *v)
{
	struct out *o = &ctx->out;
	struct rtattr **tb = v->tb;
	bool in_addr = v->how & LINK_IN_ADDR;

	out_obj_open(o, NULL);
	if (v->how & LINK_DELETED)
		out_bool(o, OUT_ANY, "deleted", "Deleted ", true);
	if (ctx->brief) {
		print_brief(ctx, v);
		return 0;
	}
	print_link_head(ctx, v);
	if (!in_addr || ctx->family == AF_UNSPEC || ctx->family == AF_PACKET ||
	    ctx->details)
		print_lladdr_line(ctx, v);
	if (tb[IFLA_LINK_NETNSID])
		print_link_netnsid(ctx, tb[IFLA_LINK_NETNSID]);
	if (tb[IFLA_NEW_NETNSID])
		print_new_netns(ctx, tb);
	if (tb[IFLA_PROTO_DOWN] && nl_attr_u8(tb[IFLA_PROTO_DOWN]))
		out_bool(o, OUT_ANY, "proto_down", " protodown on ", true);
	if (ctx->details)
		print_details(ctx, v);
	if ((!in_addr || ctx->details) && tb[IFLA_IFALIAS]) {
		out_nl(o);
		out_str(o, OUT_ANY, "ifalias", "    alias %s",
			nl_attr_str(tb[IFLA_IFALIAS]));
	}
	if ((!in_addr || ctx->details) && tb[IFLA_XDP])
		print_xdp_progs(ctx, tb[IFLA_XDP]);
	if (!in_addr && ctx->stats)
		print_stats_tb(ctx, tb);
	if (tb[IFLA_PROP_LIST])
		print_altnames(o, tb[IFLA_PROP_LIST]);
	return 0;
}

int print_link_begin(struct ipctx *ctx, struct nlmsghdr *nlh, unsigned int how)
{
	struct link_view v = { .how = how };

	if (link_view_parse(ctx, nlh, &v))
		return -EBADMSG;
	return print_link_view(ctx, &v);
}

void print_link_stats(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct link_view v;

	if (!link_view_parse(ctx, nlh, &v))
		print_stats_tb(ctx, v.tb);
}

void print_link_end(struct ipctx *ctx)
{
	out_obj_close(&ctx->out);
	out_eol(&ctx->out);
}

int print_link(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	if (print_link_begin(ctx, nlh, 0))
		return 0;	/* not a link we can show: skip it */
	print_link_end(ctx);
	return 0;
}

void print_link_echo(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	unsigned int how = LINK_IN_ADDR | LINK_ECHO;

	struct link_view v;

	if (!nlh || link_view_parse(ctx, nlh, &v))
		return;
	/* iproute2's printer keeps only group 0 here (its filter is zeroed,
	 * not reset): a link in another group echoes as nothing */
	if (v.tb[IFLA_GROUP] && nl_attr_u32(v.tb[IFLA_GROUP])) {
		out_obj_open(&ctx->out, NULL);
		out_obj_close(&ctx->out);
		return;
	}
	if (nlh->nlmsg_type == RTM_DELLINK)
		how |= LINK_DELETED;
	if (print_link_begin(ctx, nlh, how))
		return;
	/* iproute2 ends a brief line only after the addresses it lists */
	if (ctx->brief)
		out_obj_close(&ctx->out);
	else
		print_link_end(ctx);
}

/* ---- ip link show ---- */

struct link_filter {
	const char *dev;
	bool up;
	int master;		/* ifindex; -1: nomaster */
	const char *kind;
	char slave_kind[IFNAMSIZ + 8];
	bool slave;		/* "type KIND_slave", KIND may be empty */
	bool has_group;
	uint32_t group;
};

/* As iproute2 matches a kind: never without IFLA_LINKINFO, and a kind
 * that is not there reads as "" ("type _slave": links of no master kind). */
static bool kind_is(struct rtattr **tb, int which, const char *kind)
{
	struct rtattr *li[IFLA_INFO_MAX + 1];

	if (!tb[IFLA_LINKINFO])
		return false;
	nl_parse_nested(li, IFLA_INFO_MAX, tb[IFLA_LINKINFO]);
	return streq(li[which] ? nl_attr_str(li[which]) : "", kind);
}

static bool link_selected(struct link_filter *f, struct link_view *v)
{
	struct rtattr **tb = v->tb;

	if (f->up && !(v->ifi->ifi_flags & IFF_UP))
		return false;
	if (f->has_group && tb[IFLA_GROUP] &&
	    nl_attr_u32(tb[IFLA_GROUP]) != f->group)
		return false;
	if (tb[IFLA_MASTER] ? (f->master < 0 ||
			       (f->master > 0 &&
				(int)nl_attr_u32(tb[IFLA_MASTER]) != f->master))
			    : f->master > 0)
		return false;
	if (f->kind && !kind_is(tb, IFLA_INFO_KIND, f->kind))
		return false;
	if (f->slave && !kind_is(tb, IFLA_INFO_SLAVE_KIND, f->slave_kind))
		return false;
	return true;
}

struct show_arg {
	struct ipctx *ctx;
	struct link_filter *f;
	struct nlmsghdr *copy;	/* "show dev": the answer, printed later */
};

static int show_one(struct ipctx *ctx, struct link_filter *f,
		    struct nlmsghdr *nlh)
{
	struct link_view v = { .how = 0 };

	if (link_view_parse(ctx, nlh, &v) || !link_selected(f, &v))
		return 0;
	print_link_view(ctx, &v);
	print_link_end(ctx);
	return 0;
}

static int show_cb(struct nlmsghdr *nlh, void *arg)
{
	struct show_arg *a = arg;

	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
		return 0;
	/* the link dump (ctx_dump) has noted it in the link cache */
	return show_one(a->ctx, a->f, nlh);
}

/* Names of other links cannot be asked for while a reply is being read on
 * the same socket: keep the answer and print it afterwards. */
static int keep_cb(struct nlmsghdr *nlh, void *arg)
{
	struct show_arg *a = arg;

	if (nlh->nlmsg_type != RTM_NEWLINK || a->copy)
		return 0;
	a->copy = malloc(nlh->nlmsg_len);
	if (!a->copy)
		return -ENOMEM;
	memcpy(a->copy, nlh, nlh->nlmsg_len);
	return 0;
}

static void link_show_request(struct ipctx *ctx, struct nl_req *r,
			      struct link_filter *f)
{
	struct ifinfomsg *ifi = nl_put_hdr(r, sizeof(*ifi));

	ifi->ifi_family = AF_UNSPEC;
	nl_put_u32(r, IFLA_EXT_MASK, ctx->stats ? RTEXT_FILTER_VF :
			     RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);
	if (f->dev) {
		put_ifname(r, f->dev);
		return;
	}
	if (f->master > 0)
		nl_put_u32(r, IFLA_MASTER, f->master);
	if (f->kind) {
		struct rtattr *li = link_nest(r, IFLA_LINKINFO);

		nl_put(r, IFLA_INFO_KIND, f->kind, strlen(f->kind));
		nl_nest_end(r, li);
	}
}

static int link_show_dev(struct ipctx *ctx, struct link_filter *f)
{
	NL_REQ_DEFINE(req, 512);
	struct show_arg a = { ctx, f, NULL };
	struct nl_sock *s = ctx_nl(ctx);
	int rc;

	if (!s)
		return EXIT_FAIL;
	NL_REQ_INIT(req, RTM_GETLINK, 0);
	link_show_request(ctx, &req, f);
	/* Like the reference's name lookup, any refusal (no such link, a
	 * name the kernel cannot take) means the device does not exist. */
	rc = nl_talk(s, &req, keep_cb, &a);
	if (rc < 0 || !a.copy) {
		free(a.copy);
		pr_err("Device \"%s\" does not exist.\n", f->dev);
		return EXIT_FAIL;
	}
	out_begin(&ctx->out);
	if (a.copy) {
		ll_cache_note(ctx, a.copy);
		show_one(ctx, f, a.copy);
	}
	out_end(&ctx->out);
	free(a.copy);
	return EXIT_OK;
}

static int link_show(struct ipctx *ctx, struct link_filter *f)
{
	NL_REQ_DEFINE(req, 512);
	struct show_arg a = { ctx, f, NULL };
	int rc;

	if (f->dev)
		return link_show_dev(ctx, f);
	/* One dump of every link first: names of lower links and masters
	 * then come from the hash while the listing streams. */
	if (ll_cache_fill(ctx) < 0)
		return nl_report(ctx, -EIO);
	NL_REQ_INIT(req, RTM_GETLINK, 0);
	link_show_request(ctx, &req, f);
	out_begin(&ctx->out);
	rc = ctx_dump(ctx, &req, show_cb, &a);
	out_end(&ctx->out);
	return rc;
}

static int show_master(struct ipctx *ctx, struct link_filter *f,
		       const char *name, bool vrf)
{
	f->master = ll_index(ctx, name);
	if (!f->master)
		return invarg(vrf ? "Not a valid VRF name\n" :
			      "Device does not exist\n", name);
	if (vrf && !ll_is_kind(ctx, name, "vrf"))
		return invarg("Not a valid VRF name\n", name);
	return EXIT_OK;
}

static int show_type(struct link_filter *f, const char *kind)
{
	size_t n = strlen(kind);

	if (n >= 6 && streq(kind + n - 6, "_slave")) {
		snprintf(f->slave_kind, sizeof(f->slave_kind), "%.*s",
			 (int)(n - 6), kind);
		f->slave = true;
		return EXIT_OK;
	}
	f->kind = kind;
	return EXIT_OK;
}

static int parse_show(struct ipctx *ctx, struct link_filter *f, int argc,
		      char **argv)
{
	int rc = EXIT_OK;

	for (; argc > 0 && !rc; argc--, argv++) {
		const char *a = argv[0];

		if (streq(a, "up")) {
			f->up = true;
		} else if (streq(a, "master") || streq(a, "vrf")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			rc = show_master(ctx, f, argv[0], streq(a, "vrf"));
		} else if (streq(a, "type")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			rc = show_type(f, argv[0]);
		} else if (streq(a, "group")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (group_id(argv[0], &f->group))
				return invarg("Invalid \"group\" value\n", argv[0]);
			f->has_group = true;
		} else if (streq(a, "nomaster")) {
			f->master = -1;
		} else if (matches(a, "help")) {
			return link_usage();
		} else {
			if (streq(a, "dev") && !next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (f->dev)
				return duparg2("dev", argv[0]);
			f->dev = argv[0];
		}
	}
	return rc;
}

/* ---- ip link add / set / delete ---- */

/* Nests as the reference sends them: without NLA_F_NESTED, so that the
 * requests are byte for byte the same. */
struct rtattr *link_nest(struct nl_req *r, uint16_t type)
{
	struct rtattr *nest = nl_nest_start(r, type);

	if (nest)
		nest->rta_type &= ~NLA_F_NESTED;
	return nest;
}

struct link_args {
	struct ifinfomsg *ifi;	/* flags, change and index go here */
	bool create;
	const char *name, *dev, *link, *type;
	int index;
	int addr_len;
	bool has_qlen, has_mtu, has_netns, has_ntx, has_nrx, has_group;
	bool move_netns;
};

int link_on_off(const char *key, const char *arg)
{
	static const char *const on_off[] = { "on", "off" };
	int i = must_be(key, on_off, 2, arg);

	return i < 0 ? -1 : !i;
}

/* ifname rules of the reference: names to create or rename to must fit
 * IFNAMSIZ; names of existing links may be alternative names (128). */
static bool ifname_ok(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (!n || n >= max)
		return false;
	for (; *s; s++)
		if (*s == '/' || *s == ' ' || (*s >= '\t' && *s <= '\r'))
			return false;
	return true;
}

/* Up to 32 bytes; 33 parts send 33 bytes as iproute2 does (the kernel's
 * policy refuses them), the last one zero here. */
static int put_lladdr(struct nl_req *r, int type, const char *arg)
{
	uint8_t a[33] = { 0 };
	int n = get_lladdr(a, sizeof(a) - 1, arg);

	if (n < 0)
		return -EXIT_FAIL;
	nl_put(r, type, a, n);
	return n;
}

static int get_int(int32_t *v, const char *arg)
{
	return parse_s32(v, arg, 0);
}

/* "KEY on|off" on an interface flag; `invert` for arp (on clears NOARP). */
static int set_flag(struct link_args *la, unsigned int flag, bool invert,
		    const char *key, const char *arg)
{
	int on = link_on_off(key, arg);

	if (on < 0)
		return -EXIT_FAIL;
	la->ifi->ifi_change |= flag;
	if (on != invert)
		la->ifi->ifi_flags |= flag;
	else
		la->ifi->ifi_flags &= ~flag;
	return 0;
}

static const struct {
	const char *name;
	unsigned int flag;
	bool invert;
} flag_args[] = {
	{ "multicast", IFF_MULTICAST, false },
	{ "allmulticast", IFF_ALLMULTI, false },
	{ "promisc", IFF_PROMISC, false },
	{ "trailers", IFF_NOTRAILERS, true },
	{ "arp", IFF_NOARP, true },
	{ "dynamic", IFF_DYNAMIC, false },
};

static int flag_arg(const char *a)
{
	size_t i;

	for (i = 0; i < sizeof(flag_args) / sizeof(flag_args[0]); i++)
		if (i == 5 ? matches(a, flag_args[i].name) :
			     streq(a, flag_args[i].name))
			return i;
	return -1;
}

/* An int option that may be given once: txqueuelen, mtu, num*queues. */
static int int_opt(struct nl_req *r, int type, bool *seen, const char *key,
		   const char *msg, const char *arg)
{
	int32_t v;

	if (*seen)
		return -duparg(key, arg);
	if (get_int(&v, arg))
		return -invarg(msg, arg);
	*seen = true;
	nl_put_u32(r, type, (uint32_t)v);
	return 0;
}

static int u32_opt(struct nl_req *r, int type, const char *msg,
		   const char *arg)
{
	uint32_t v;

	if (parse_u32(&v, arg, 0))
		return -invarg(msg, arg);
	nl_put_u32(r, type, v);
	return 0;
}

static int netns_opt(struct link_args *la, struct nl_req *r, const char *arg)
{
	int32_t pid;
	int fd;

	if (la->has_netns)
		return -duparg("netns", arg);
	la->has_netns = true;
	la->move_netns = true;
	fd = netns_open(arg);
	if (fd >= 0) {
		/* Closed after the request is sent (close_netns_fds). */
		nl_put_u32(r, IFLA_NET_NS_FD, fd);
		return 0;
	}
	if (get_int(&pid, arg))
		return -invarg("Invalid \"netns\" value\n", arg);
	nl_put_u32(r, IFLA_NET_NS_PID, pid);
	return 0;
}

static int master_opt(struct ipctx *ctx, struct nl_req *r, const char *arg,
		      bool vrf)
{
	int idx = ll_index(ctx, arg);

	if (!idx)
		return -invarg(vrf ? "Not a valid VRF name\n" :
			       "Device does not exist\n", arg);
	if (vrf && !ll_is_kind(ctx, arg, "vrf"))
		return -invarg("Not a valid VRF name\n", arg);
	nl_put_u32(r, IFLA_MASTER, idx);
	return 0;
}

static int name_index(const char *const *names, size_t n, const char *arg)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], arg) == 0)
			return i;
	return -1;
}

static int addrgen_opt(struct nl_req *r, const char *arg)
{
	int mode = name_index(addrgen_names, 4, arg);
	struct rtattr *spec, *in6;

	if (mode < 0)
		return -invarg("Invalid address generation mode\n", arg);
	spec = link_nest(r, IFLA_AF_SPEC);
	in6 = link_nest(r, AF_INET6);
	nl_put_u8(r, IFLA_INET6_ADDR_GEN_MODE, mode);
	nl_nest_end(r, in6);
	nl_nest_end(r, spec);
	return 0;
}

static int mode_state_opt(struct nl_req *r, const char *key, const char *arg)
{
	static const char *const modes[] = { "default", "dormant" };
	int v;

	if (streq(key, "mode")) {
		v = name_index(modes, 2, arg);
		if (v < 0)
			return -invarg("Invalid link mode\n", arg);
		nl_put_u8(r, IFLA_LINKMODE, v);
		return 0;
	}
	v = name_index((const char *const *)oper_names, 7, arg);
	if (v < 0)
		return -invarg("Invalid operstate\n", arg);
	nl_put_u8(r, IFLA_OPERSTATE, v);
	return 0;
}

/* The last of the single-value options: protodown and offload limits. */
static int tail_opt(struct nl_req *r, const char *key, const char *arg)
{
	int on;

	if (streq(key, "protodown")) {
		on = on_off_strict("protodown", arg);
		if (on < 0)
			return -EINVAL;
		nl_put_u8(r, IFLA_PROTO_DOWN, on);
		return 0;
	}
	if (streq(key, "gso_max_size"))
		return u32_opt(r, IFLA_GSO_MAX_SIZE, "Invalid \"gso_max_size\" value\n", arg);
	if (streq(key, "gso_max_segs"))
		return u32_opt(r, IFLA_GSO_MAX_SEGS, "Invalid \"gso_max_segs\" value\n", arg);
	if (streq(key, "gro_max_size"))
		return u32_opt(r, IFLA_GRO_MAX_SIZE, "Invalid \"gro_max_size\" value\n", arg);
	if (streq(key, "parentdev")) {
		nl_put_str(r, IFLA_PARENT_DEV_NAME, arg);
		return 0;
	}
	return 1;
}

/* Options with one value that map straight to an attribute; returns 1 when
 * `key` was not one of them. */
static int value_opt(struct ipctx *ctx, struct link_args *la, struct nl_req *r,
		     const char *key, const char *arg)
{
	int32_t v;
	int on;

	if (matches(key, "address")) {
		la->addr_len = put_lladdr(r, IFLA_ADDRESS, arg);
		return la->addr_len < 0 ? la->addr_len : 0;
	}
	if (matches(key, "broadcast") || streq(key, "brd"))
		return put_lladdr(r, IFLA_BROADCAST, arg) < 0 ? -EXIT_FAIL : 0;
	if (matches(key, "txqueuelen") || streq(key, "qlen") ||
	    matches(key, "txqlen"))
		return int_opt(r, IFLA_TXQLEN, &la->has_qlen, "txqueuelen",
			       "Invalid \"txqueuelen\" value\n", arg);
	if (streq(key, "mtu"))
		return int_opt(r, IFLA_MTU, &la->has_mtu, "mtu",
			       "Invalid \"mtu\" value\n", arg);
	if (streq(key, "netns"))
		return netns_opt(la, r, arg);
	if (streq(key, "carrier")) {
		on = on_off_strict("carrier", arg);
		if (on < 0)
			return -EINVAL;
		nl_put_u8(r, IFLA_CARRIER, on);
		return 0;
	}
	if (matches(key, "master") || streq(key, "vrf"))
		return master_opt(ctx, r, arg, streq(key, "vrf"));
	if (matches(key, "alias")) {
		if (strlen(arg) >= IFALIASZ)
			return -invarg("alias too long\n", arg);
		nl_put(r, IFLA_IFALIAS, arg, strlen(arg));
		return 0;
	}
	if (streq(key, "group")) {
		uint32_t g;

		if (la->has_group)
			return -duparg("group", arg);
		if (group_id(arg, &g))
			return -invarg("Invalid \"group\" value\n", arg);
		la->has_group = true;
		nl_put_u32(r, IFLA_GROUP, g);
		return 0;
	}
	if (streq(key, "mode") || streq(key, "state"))
		return mode_state_opt(r, key, arg);
	if (matches(key, "numtxqueues"))
		return int_opt(r, IFLA_NUM_TX_QUEUES, &la->has_ntx, "numtxqueues",
			       "Invalid \"numtxqueues\" value\n", arg);
	if (matches(key, "numrxqueues"))
		return int_opt(r, IFLA_NUM_RX_QUEUES, &la->has_nrx, "numrxqueues",
			       "Invalid \"numrxqueues\" value\n", arg);
	if (matches(key, "addrgenmode"))
		return addrgen_opt(r, arg);
	if (matches(key, "link-netnsid")) {
		if (get_int(&v, arg))
			return -invarg("Invalid \"link-netnsid\" value\n", arg);
		nl_put_u32(r, IFLA_LINK_NETNSID, v);
		return 0;
	}
	return tail_opt(r, key, arg);
}

/* Whether `a` names an option that takes a value: those the reference
 * takes abbreviated, then the whole words. */
static bool is_value_key(const char *a)
{
	return keyword_index(a, "address\0broadcast\0txqueuelen\0txqlen\0"
			     "master\0alias\0numtxqueues\0numrxqueues\0"
			     "addrgenmode\0link-netnsid\0=qlen\0=mtu\0=netns\0"
			     "=carrier\0=vrf\0=group\0=mode\0=state\0"
			     "=protodown\0=gso_max_size\0=gso_max_segs\0"
			     "=gro_max_size\0=parentdev\0=brd\0") >= 0;
}

/* link-netns NAME: the nsid of that namespace, assigned if it has none. */
static int link_netns_opt(struct ipctx *ctx, struct nl_req *r,
			  const char *arg)
{
	NL_REQ_DEFINE(req, 64);
	struct nl_sock *s = ctx_nl(ctx);
	struct rtgenmsg *g;
	int fd = netns_open(arg), id = -1;

	if (fd >= 0 && s) {
		id = nsid_of_fd(s, fd);
		if (id < 0) {
			NL_REQ_INIT(req, RTM_NEWNSID, 0);
			g = nl_put_hdr(&req, sizeof(*g));
			g->rtgen_family = AF_UNSPEC;
			nl_put_u32(&req, NETNSA_FD, fd);
			nl_put_u32(&req, NETNSA_NSID, (uint32_t)-1);
			nl_talk(s, &req, NULL, NULL);
			id = nsid_of_fd(s, fd);
		}
		close(fd);
	}
	if (id < 0)
		return -invarg("Invalid \"link-netns\" value\n", arg);
	nl_put_u32(r, IFLA_LINK_NETNSID, id);
	return 0;
}

static int name_opt(struct link_args *la, const char *arg)
{
	if (la->name)
		return -duparg("name", arg);
	if (!ifname_ok(arg, IFNAMSIZ))
		return -invarg("\"name\" not a valid ifname", arg);
	la->name = arg;
	if (!la->dev)
		la->dev = arg;
	return 0;
}

static int dev_opt(struct link_args *la, int *argc, char ***argv)
{
	if (streq((*argv)[0], "dev") && !next_arg(argc, argv))
		return -EXIT_USAGE;
	if (la->dev != la->name)
		return -duparg2("dev", (*argv)[0]);
	if (!ifname_ok((*argv)[0], SIZE_MAX))
		return -invarg("\"dev\" not a valid ifname", (*argv)[0]);
	la->dev = (*argv)[0];
	return 0;
}

/* xdp, xdpgeneric, xdpdrv, xdpoffload: only "off" (detaching a program);
 * loading BPF objects is not something this ip does. */
static int xdp_opt(struct nl_req *r, const char *key, const char *arg,
		   bool last)
{
	static const char *const modes[] = { "xdp", "xdpgeneric", "xdpdrv",
					     "xdpoffload" };
	static const uint32_t flags[] = { 0, XDP_FLAGS_SKB_MODE,
					  XDP_FLAGS_DRV_MODE, XDP_FLAGS_HW_MODE };
	struct rtattr *nest;
	int m = name_index(modes, 4, key);

	if (streq(arg, "object") || streq(arg, "obj") || streq(arg, "pinned") ||
	    streq(arg, "fd")) {
		pr_err("Error: \"%s %s\" is not supported by this ip.\n",
		       key, arg);
		return -EXIT_USAGE;
	}
	/* The reference takes "off" only as the very last word. */
	if (!streq(arg, "off") || !last) {
		pr_err("What mode is \"%s\"?\n", arg);
		return -EXIT_USAGE;
	}
	nest = link_nest(r, IFLA_XDP);
	nl_put_u32(r, IFLA_XDP_FD, (uint32_t)-1);
	nl_put_u32(r, IFLA_XDP_FLAGS, XDP_FLAGS_UPDATE_IF_NOEXIST | flags[m]);
	nl_nest_end(r, nest);
	return 0;
}

static bool is_xdp_key(const char *a)
{
	return streq(a, "xdp") || streq(a, "xdpgeneric") || streq(a, "xdpdrv") ||
	       streq(a, "xdpoffload");
}

/* One option; returns 0, or -(exit code).  Moves argc/argv past values. */
static int link_opt(struct ipctx *ctx, struct link_args *la, struct nl_req *r,
		    int *argc, char ***argv)
{
	const char *a = (*argv)[0];
	int i, rc;

	if (streq(a, "up") || streq(a, "down")) {
		la->ifi->ifi_change |= IFF_UP;
		if (streq(a, "up"))
			la->ifi->ifi_flags |= IFF_UP;
		else
			la->ifi->ifi_flags &= ~IFF_UP;
		return 0;
	}
	if (matches(a, "nomaster")) {
		nl_put_u32(r, IFLA_MASTER, 0);
		return 0;
	}
	i = flag_arg(a);
	if (i >= 0 || streq(a, "name") || streq(a, "index") ||
	    matches(a, "link") || matches(a, "link-netns") || is_value_key(a) ||
	    is_xdp_key(a)) {
		if (!next_arg(argc, argv))
			return -EXIT_USAGE;
	} else {
		if (matches(a, "help"))
			return -link_usage();
		return dev_opt(la, argc, argv);
	}
	if (i >= 0)
		return set_flag(la, flag_args[i].flag, flag_args[i].invert, a,
				(*argv)[0]);
	if (streq(a, "name"))
		return name_opt(la, (*argv)[0]);
	if (streq(a, "index")) {
		if (la->index)
			return -duparg("index", (*argv)[0]);
		la->index = (int)strtol((*argv)[0], NULL, 10);	/* atoi() */
		if (la->index <= 0)
			return -invarg("Invalid \"index\" value", (*argv)[0]);
		return 0;
	}
	if (is_xdp_key(a))
		return xdp_opt(r, a, (*argv)[0], *argc == 1);
	if (matches(a, "link")) {
		la->link = (*argv)[0];
		return 0;
	}
	if (matches(a, "link-netns"))
		return link_netns_opt(ctx, r, (*argv)[0]);
	rc = value_opt(ctx, la, r, a, (*argv)[0]);
	return rc == 1 ? -EXIT_USAGE : rc;
}

/* Options up to "type KIND"; returns how many arguments were used. */
static int link_parse_opts(struct ipctx *ctx, struct link_args *la,
			   struct nl_req *r, int argc, char **argv)
{
	int total = argc, rc;

	for (; argc > 0; argc--, argv++) {
		/* "t" is txqueuelen to the reference, "ty" is type. */
		if (matches(argv[0], "type") && !matches(argv[0], "txqueuelen")) {
			if (!next_arg(&argc, &argv))
				return -EXIT_USAGE;
			la->type = argv[0];
			argc--;
			break;
		}
		rc = link_opt(ctx, la, r, &argc, &argv);
		if (rc < 0)
			return rc;
	}
	return total - argc;
}

static int addr_len_cb(struct nlmsghdr *nlh, void *arg)
{
	struct link_view v;

	if (nlh->nlmsg_type == RTM_NEWLINK && !link_view_parse(NULL, nlh, &v) &&
	    v.tb[IFLA_ADDRESS])
		*(int *)arg = nl_attr_len(v.tb[IFLA_ADDRESS]);
	return 0;
}

/* "set DEV address X": X must be as long as DEV's current address. */
static int check_addr_len(struct ipctx *ctx, struct link_args *la)
{
	NL_REQ_DEFINE(req, 256);
	struct nl_sock *s = ctx_nl(ctx);
	struct ifinfomsg *ifi;
	int len = -1;

	if (!s)
		return 0;
	NL_REQ_INIT(req, RTM_GETLINK, 0);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	nl_put_u32(&req, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	nl_put_str(&req, IFLA_IFNAME, la->dev);
	if (nl_talk(s, &req, addr_len_cb, &len) < 0 || len < 0 ||
	    len == la->addr_len)
		return 0;
	pr_err("Invalid address length %d - must be %d bytes\n",
	       la->addr_len, len);
	return -1;
}

/* After the options: which link, its new name, the lower link. */
static int link_finish(struct ipctx *ctx, struct link_args *la,
		       struct nl_req *r)
{
	if (!la->name)
		la->name = la->dev;
	else if (!la->dev)
		la->dev = la->name;
	else if (streq(la->name, la->dev))
		la->name = la->dev;
	if (!la->create) {
		/* "set group G ..." / "delete group G": every link of it. */
		if (!la->dev && la->has_group)
			return EXIT_OK;
		if (!la->dev) {
			pr_err("Not enough information: \"dev\" argument is required.\n");
			return EXIT_USAGE;
		}
		if (la->addr_len && check_addr_len(ctx, la))
			return EXIT_FAIL;
		if (la->index && !la->move_netns) {
			pr_err("index can be used only when creating devices or when moving device to another netns.\n");
			return EXIT_USAGE;
		}
		la->ifi->ifi_index = ll_index(ctx, la->dev);
		if (!la->ifi->ifi_index) {
			pr_err("Cannot find device \"%s\"\n", la->dev);
			return EXIT_FAIL;
		}
		if (la->name == la->dev)
			la->name = NULL;
		if (la->index)
			nl_put_u32(r, IFLA_NEW_IFINDEX, la->index);
	} else {
		if (la->name != la->dev) {
			pr_err("both \"name\" and \"dev\" cannot be used when creating devices.\n");
			return EXIT_USAGE;
		}
		if (la->link) {
			int idx = ll_index(ctx, la->link);

			if (!idx) {
				pr_err("Cannot find device \"%s\"\n", la->link);
				return EXIT_FAIL;
			}
			nl_put_u32(r, IFLA_LINK, idx);
		}
		la->ifi->ifi_index = la->index;
	}
	if (la->name)
		nl_put_str(r, IFLA_IFNAME, la->name);
	return EXIT_OK;
}

int link_parse_peer(struct ipctx *ctx, struct nl_req *r,
		    struct ifinfomsg *ifi, int argc, char **argv)
{
	struct link_args la = { .ifi = ifi };
	int used, rc;

	/* The peer is parsed with the rules of the whole request: on "set"
	 * its name must be an existing link, as with the reference. */
	la.create = r->nlh->nlmsg_flags & NLM_F_CREATE;
	used = link_parse_opts(ctx, &la, r, argc, argv);

	if (used < 0)
		return used;
	if (la.type)
		return -duparg("type", la.type);
	rc = link_finish(ctx, &la, r);
	return rc ? -rc : used;
}

static void garbage_args(const char *arg)
{
	pr_err("Garbage instead of arguments \"%s ...\". Try \"ip link help\".\n",
	       arg);
}

/* "type KIND ARGS": the IFLA_LINKINFO nest. */
static int link_put_kind(struct ipctx *ctx, struct nl_req *r,
			 const char *type, int argc, char **argv)
{
	const struct link_kind *k = link_kind_find(type);
	struct rtattr *info = link_nest(r, IFLA_LINKINFO), *data;
	size_t n = strlen(type);
	bool slave = n > 6 && streq(type + n - 6, "_slave");
	int rc;

	nl_put(r, IFLA_INFO_KIND, type, n);
	if (k && k->parse && argc) {
		data = link_nest(r, slave ? IFLA_INFO_SLAVE_DATA :
					   IFLA_INFO_DATA);
		rc = k->parse(ctx, r, k->name, argc, argv);
		if (rc)
			return rc;
		nl_nest_end(r, data);
	} else if (argc) {
		if (matches(argv[0], "help")) {
			if (k && k->usage) {
				k->usage(stderr, k->name);
				return EXIT_FAIL;
			}
			return link_usage();
		}
		garbage_args(argv[0]);
		return EXIT_FAIL;
	}
	nl_nest_end(r, info);
	return EXIT_OK;
}

/* "netns NAME" put open descriptors into the request, for the link and
 * maybe its veth peer: close them once the kernel has read them, or a long
 * batch would run out of descriptors. */
static void close_netns_fds(struct rtattr *rta, size_t len, int depth)
{
	struct rtattr *tb[IFLA_MAX + 1], *li[IFLA_INFO_MAX + 1];
	struct rtattr *data[VETH_INFO_PEER + 1];

	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	if (tb[IFLA_NET_NS_FD] && nl_attr_len(tb[IFLA_NET_NS_FD]) >= 4)
		close(nl_attr_s32(tb[IFLA_NET_NS_FD]));
	if (depth || !tb[IFLA_LINKINFO])
		return;
	nl_parse_nested(li, IFLA_INFO_MAX, tb[IFLA_LINKINFO]);
	if (!li[IFLA_INFO_KIND] || !li[IFLA_INFO_DATA] ||
	    nl_attr_len(li[IFLA_INFO_KIND]) != 4 ||
	    memcmp(nl_attr_data(li[IFLA_INFO_KIND]), "veth", 4))
		return;
	nl_parse_nested(data, VETH_INFO_PEER, li[IFLA_INFO_DATA]);
	if (data[VETH_INFO_PEER] &&
	    nl_attr_len(data[VETH_INFO_PEER]) >= sizeof(struct ifinfomsg))
		close_netns_fds((struct rtattr *)((char *)nl_attr_data(data[VETH_INFO_PEER]) +
						  sizeof(struct ifinfomsg)),
				nl_attr_len(data[VETH_INFO_PEER]) -
				sizeof(struct ifinfomsg), 1);
}

/* "group G" without a device: the reference takes no kind arguments
 * there and creates no link of a group; both end a batch (exit). */
static int link_group_only(const struct link_args *la, int argc, char **argv)
{
	if (la->dev || la->name || !la->has_group)
		return EXIT_OK;
	if (la->type && argc) {
		garbage_args(argv[0]);
		return exit_now(EXIT_USAGE);
	}
	if (la->create) {
		pr_err("group cannot be used when creating devices.\n");
		return exit_now(EXIT_USAGE);
	}
	return EXIT_OK;
}

static int link_modify(struct ipctx *ctx, int cmd, unsigned int flags,
		       int argc, char **argv)
{
	NL_REQ_DEFINE(req, 8192);
	struct link_args la = { .create = flags & NLM_F_CREATE };
	struct rtattr *attrs;
	size_t len;
	int used, rc;

	NL_REQ_INIT(req, cmd, flags);
	la.ifi = nl_put_hdr(&req, sizeof(*la.ifi));
	la.ifi->ifi_family = ctx->family;
	used = link_parse_opts(ctx, &la, &req, argc, argv);
	if (used < 0)
		return -used;
	rc = link_group_only(&la, argc - used, argv + used);
	if (rc)
		return rc;
	rc = link_finish(ctx, &la, &req);
	if (rc)
		return rc;
	if (la.type) {
		rc = link_put_kind(ctx, &req, la.type, argc - used, argv + used);
		if (rc)
			return rc;
	} else if (la.create) {
		pr_err("Not enough information: \"type\" argument is required\n");
		return EXIT_FAIL;
	}
	if (req.overflow) {
		pr_err("Message too long\n");
		return EXIT_FAIL;
	}
	rc = ctx_talk_echo(ctx, &req, print_link_echo);
	attrs = nl_msg_attrs(req.nlh, sizeof(struct ifinfomsg), &len);
	close_netns_fds(attrs, len, 0);
	return rc;
}

/* ---- ip link property add|del dev DEV altname NAME... ---- */

static int prop_parse(struct ipctx *ctx, struct nl_req *r, const char **dev,
		      int argc, char **argv)
{
	struct rtattr *list = nl_nest_start(r, IFLA_PROP_LIST);

	for (; argc > 0; argc--, argv++) {
		if (matches(argv[0], "altname")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			/* any length: the kernel judges that */
			if (!ifname_ok(argv[0], SIZE_MAX))
				return invarg("not a valid altname", argv[0]);
			nl_put_str(r, IFLA_ALT_IFNAME, argv[0]);
			continue;
		}
		if (matches(argv[0], "help"))
			return link_usage();
		if (streq(argv[0], "dev") && !next_arg(&argc, &argv))
			return EXIT_USAGE;
		if (*dev)
			return duparg2("dev", argv[0]);
		if (!ifname_ok(argv[0], SIZE_MAX))
			return invarg("\"dev\" not a valid ifname", argv[0]);
		*dev = argv[0];
	}
	nl_nest_end(r, list);
	return EXIT_OK;
}

static int link_property(struct ipctx *ctx, int argc, char **argv)
{
	NL_REQ_DEFINE(req, 4096);
	struct ifinfomsg *ifi;
	const char *dev = NULL;
	bool add;
	int rc;

	if (argc < 1 || matches(argv[0], "help"))
		return link_usage();
	add = matches(argv[0], "add");
	if (!add && !matches(argv[0], "delete")) {
		pr_err("Operator required\n");
		return EXIT_USAGE;
	}
	NL_REQ_INIT(req, add ? RTM_NEWLINKPROP : RTM_DELLINKPROP,
		    add ? NLM_F_CREATE | NLM_F_EXCL | NLM_F_APPEND : 0);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_family = ctx->family;
	rc = prop_parse(ctx, &req, &dev, argc - 1, argv + 1);
	if (rc)
		return rc;
	if (!dev) {
		pr_err("Not enough of information: \"dev\" argument is required.\n");
		return EXIT_USAGE;
	}
	ifi->ifi_index = ll_index(ctx, dev);
	if (!ifi->ifi_index) {
		pr_err("Cannot find device \"%s\"\n", dev);
		return EXIT_FAIL;
	}
	return ctx_talk(ctx, &req, NULL, NULL);
}

/* ---- usage ---- */

static int link_usage(void)
{
	usage_print(stderr, USAGE_LINK);
	return EXIT_USAGE;
}

/* Kinds without options: the reference accepts and ignores arguments. */
static int ignore_args(struct ipctx *ctx, struct nl_req *r,
		       const char *kind, int argc, char **argv)
{
	return EXIT_OK;
}

static void no_options_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_NO_OPTIONS, kind);
}

static const struct link_kind ifb_kind = {
	.name = "ifb", .parse = ignore_args, .usage = no_options_usage,
};
static const struct link_kind dummy_kind = {
	.name = "dummy", .parse = ignore_args, .usage = no_options_usage,
};

static const struct link_kind *const kinds[] = {
	&veth_kind, &bridge_kind, &bridge_slave_kind, &macvlan_kind,
	&macvtap_kind, &vxlan_kind, &tun_kind, &vlan_kind, &vrf_kind,
	&bond_kind, &ifb_kind, &dummy_kind, &gre_kind, &gretap_kind,
	&erspan_kind, &ip6gre_kind, &ip6gretap_kind, &ip6erspan_kind,
	&ipip_kind, &sit_kind, &ip6tnl_kind, &bond_slave_kind, &vrf_slave_kind,
	&geneve_kind, &ipvlan_kind, &ipvtap_kind, &macsec_kind, &vti_kind,
	&vti6_kind, &xfrm_kind,
};

const struct link_kind *link_kind_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (streq(kinds[i]->name, name))
			return kinds[i];
	return NULL;
}

/* "ip link help KIND": the kind's usage on stderr, exit 0. */
static int link_help(int argc, char **argv)
{
	const struct link_kind *k;

	if (argc < 1)
		return link_usage();
	k = link_kind_find(argv[0]);
	if (!k || !k->usage)
		return link_usage();
	k->usage(stdout, k->name);
	return EXIT_OK;
}

static int link_cmd_show(struct ipctx *ctx, int argc, char **argv)
{
	struct link_filter f = { .master = 0 };
	int rc = parse_show(ctx, &f, argc, argv);

	return rc ? rc : link_show(ctx, &f);
}

int do_link(struct ipctx *ctx, int argc, char **argv)
{
	const char *c;

	if (argc < 1)
		return link_cmd_show(ctx, 0, argv);
	c = argv[0];
	argc--;
	argv++;
	if (matches(c, "add"))
		return link_modify(ctx, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL,
				   argc, argv);
	if (matches(c, "set") || matches(c, "change"))
		return link_modify(ctx, RTM_NEWLINK, 0, argc, argv);
	if (matches(c, "replace"))
		return link_modify(ctx, RTM_NEWLINK,
				   NLM_F_CREATE | NLM_F_REPLACE, argc, argv);
	if (matches(c, "delete"))
		return link_modify(ctx, RTM_DELLINK, 0, argc, argv);
	if (matches(c, "show") || matches(c, "lst") || matches(c, "list"))
		return link_cmd_show(ctx, argc, argv);
	if (matches(c, "property"))
		return link_property(ctx, argc, argv);
	if (matches(c, "help"))
		return link_help(argc, argv);
	pr_err("Command \"%s\" is unknown, try \"ip link help\".\n", c);
	return EXIT_USAGE;
}
