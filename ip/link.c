/* ip link: show, and the printer ip address reuses. */
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>

#include "ip.h"

struct link_filter {
	const char *dev;
	bool up;
	int master;		/* ifindex, -1 for nomaster */
	const char *kind;
	int group;		/* -1: any */
};

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

static const struct {
	unsigned short type;
	const char *name;
} ll_types[] = {
	{ ARPHRD_NETROM, "netrom" },	{ ARPHRD_ETHER, "ether" },
	{ ARPHRD_EETHER, "eether" },	{ ARPHRD_AX25, "ax25" },
	{ ARPHRD_PRONET, "pronet" },	{ ARPHRD_CHAOS, "chaos" },
	{ ARPHRD_IEEE802, "ieee802" },	{ ARPHRD_ARCNET, "arcnet" },
	{ ARPHRD_APPLETLK, "atalk" },	{ ARPHRD_DLCI, "dlci" },
	{ ARPHRD_ATM, "atm" },		{ ARPHRD_METRICOM, "metricom" },
	{ ARPHRD_IEEE1394, "ieee1394" }, { ARPHRD_INFINIBAND, "infiniband" },
	{ ARPHRD_SLIP, "slip" },	{ ARPHRD_CSLIP, "cslip" },
	{ ARPHRD_SLIP6, "slip6" },	{ ARPHRD_CSLIP6, "cslip6" },
	{ ARPHRD_RSRVD, "rsrvd" },	{ ARPHRD_ADAPT, "adapt" },
	{ ARPHRD_ROSE, "rose" },	{ ARPHRD_X25, "x25" },
	{ ARPHRD_HWX25, "hwx25" },	{ ARPHRD_CAN, "can" },
	{ ARPHRD_PPP, "ppp" },		{ ARPHRD_HDLC, "hdlc" },
	{ ARPHRD_LAPB, "lapb" },	{ ARPHRD_DDCMP, "ddcmp" },
	{ ARPHRD_RAWHDLC, "rawhdlc" },	{ ARPHRD_TUNNEL, "ipip" },
	{ ARPHRD_TUNNEL6, "tunnel6" },	{ ARPHRD_FRAD, "frad" },
	{ ARPHRD_SKIP, "skip" },	{ ARPHRD_LOOPBACK, "loopback" },
	{ ARPHRD_LOCALTLK, "ltalk" },	{ ARPHRD_FDDI, "fddi" },
	{ ARPHRD_BIF, "bif" },		{ ARPHRD_SIT, "sit" },
	{ ARPHRD_IPDDP, "ip/ddp" },	{ ARPHRD_IPGRE, "gre" },
	{ ARPHRD_PIMREG, "pimreg" },	{ ARPHRD_HIPPI, "hippi" },
	{ ARPHRD_ASH, "ash" },		{ ARPHRD_ECONET, "econet" },
	{ ARPHRD_IRDA, "irda" },	{ ARPHRD_FCPP, "fcpp" },
	{ ARPHRD_FCAL, "fcal" },	{ ARPHRD_FCPL, "fcpl" },
	{ ARPHRD_FCFABRIC, "fcfb0" },	{ ARPHRD_IEEE802_TR, "tr" },
	{ ARPHRD_IEEE80211, "ieee802.11" },
	{ ARPHRD_IEEE80211_PRISM, "ieee802.11/prism" },
	{ ARPHRD_IEEE80211_RADIOTAP, "ieee802.11/radiotap" },
	{ ARPHRD_IEEE802154, "ieee802.15.4" },
	{ ARPHRD_IEEE802154_MONITOR, "ieee802.15.4/monitor" },
	{ ARPHRD_PHONET, "phonet" },	{ ARPHRD_PHONET_PIPE, "phonet_pipe" },
	{ ARPHRD_CAIF, "caif" },	{ ARPHRD_IP6GRE, "gre6" },
	{ ARPHRD_NETLINK, "netlink" },	{ ARPHRD_6LOWPAN, "6lowpan" },
	{ ARPHRD_NONE, "none" },	{ ARPHRD_VOID, "void" },
};

const char *ll_type_name(unsigned short type, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof(ll_types) / sizeof(ll_types[0]); i++)
		if (ll_types[i].type == type)
			return ll_types[i].name;
	snprintf(buf, size, "[%d]", type);
	return buf;
}

void print_link_flags(struct out *o, unsigned int flags)
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
	out_text(o, "> ");
	out_arr_close(o);
}

const char *oper_name(unsigned int state, char *buf, size_t size)
{
	if (state < sizeof(oper_names) / sizeof(oper_names[0]))
		return oper_names[state];
	snprintf(buf, size, "state %#x", state);
	return buf;
}

static void print_operstate(struct out *o, unsigned int state, const char *fmt)
{
	char buf[32];
	const char *name = oper_name(state, buf, sizeof(buf));
	enum out_color c = state == IF_OPER_UP ? C_UP :
			   state == IF_OPER_DOWN ? C_DOWN : C_NONE;

	out_cstr(o, OUT_ANY, c, "operstate", fmt, name);
}

/* "name@link" as the reference prints it; JSON gets "link" or "link_index". */
static void print_name_and_link(struct ipctx *ctx, struct rtattr **tb,
				const char *fmt)
{
	struct out *o = &ctx->out;
	const char *name = nl_attr_str(tb[IFLA_IFNAME]);
	char text[IFNAMSIZ * 2 + 16], buf[32];

	snprintf(text, sizeof(text), "%s", name);
	if (tb[IFLA_LINK]) {
		int iflink = nl_attr_s32(tb[IFLA_LINK]);
		const char *lname = NULL;

		if (!iflink) {
			strcat(text, "@NONE");
			out_null(o, OUT_JSON, "link", NULL, NULL);
		} else if (tb[IFLA_LINK_NETNSID] || !(lname = ll_name(ctx, iflink))) {
			snprintf(text + strlen(text), sizeof(text) - strlen(text),
				 "@if%d", iflink);
			out_int(o, OUT_JSON, "link_index", NULL, iflink);
		} else {
			snprintf(text + strlen(text), sizeof(text) - strlen(text),
				 "@%s", lname);
			out_str(o, OUT_JSON, "link", NULL, lname);
		}
	}
	(void)buf;
	out_str(o, OUT_JSON, "ifname", NULL, name);
	out_cstr(o, OUT_TEXT, C_IFNAME, NULL, fmt, text);
}

static void print_lladdr_line(struct ipctx *ctx, const struct ifinfomsg *ifi,
			      struct rtattr **tb)
{
	struct out *o = &ctx->out;
	char tbuf[32], abuf[128];

	out_nl(o);
	out_str(o, OUT_ANY, "link_type", "    link/%s ",
		ll_type_name(ifi->ifi_type, tbuf, sizeof(tbuf)));
	if (tb[IFLA_ADDRESS]) {
		format_lladdr(nl_attr_data(tb[IFLA_ADDRESS]),
			      nl_attr_len(tb[IFLA_ADDRESS]), abuf, sizeof(abuf));
		out_cstr(o, OUT_ANY, C_MAC, "address", "%s", abuf);
	}
	if (tb[IFLA_BROADCAST]) {
		bool p2p = ifi->ifi_flags & IFF_POINTOPOINT;

		format_lladdr(nl_attr_data(tb[IFLA_BROADCAST]),
			      nl_attr_len(tb[IFLA_BROADCAST]), abuf, sizeof(abuf));
		out_text(o, p2p ? " peer " : " brd ");
		out_cstr(o, OUT_ANY, C_MAC, p2p ? "link_pointtopoint" : "broadcast",
			 "%s", abuf);
	}
	if (tb[IFLA_LINK_NETNSID]) {
		int id = nl_attr_s32(tb[IFLA_LINK_NETNSID]);

		if (id >= 0)
			out_int(o, OUT_ANY, "link_netnsid", " link-netnsid %d", id);
		else
			out_str(o, OUT_ANY, "link_netnsid", " link-netnsid %s",
				"unknown");
	}
}

static void print_link_head(struct ipctx *ctx, const struct ifinfomsg *ifi,
			    struct rtattr **tb)
{
	struct out *o = &ctx->out;
	char buf[64];

	out_int(o, OUT_ANY, "ifindex", "%d: ", ifi->ifi_index);
	print_name_and_link(ctx, tb, "%s: ");
	print_link_flags(o, ifi->ifi_flags);
	if (tb[IFLA_MTU])
		out_uint(o, OUT_ANY, "mtu", "mtu %u ", nl_attr_u32(tb[IFLA_MTU]));
	if (tb[IFLA_QDISC])
		out_str(o, OUT_ANY, "qdisc", "qdisc %s ", nl_attr_str(tb[IFLA_QDISC]));
	if (tb[IFLA_MASTER])
		out_str(o, OUT_ANY, "master", "master %s ",
			ll_name_or_num(ctx, nl_attr_u32(tb[IFLA_MASTER]), buf,
				       sizeof(buf)));
	if (tb[IFLA_OPERSTATE]) {
		out_text(o, "state ");
		print_operstate(o, nl_attr_u8(tb[IFLA_OPERSTATE]), "%s ");
	}
	if (tb[IFLA_LINKMODE]) {
		unsigned int m = nl_attr_u8(tb[IFLA_LINKMODE]);

		out_str(o, OUT_ANY, "linkmode", "mode %s ",
			m == 0 ? "DEFAULT" : m == 1 ? "DORMANT" : m == 2 ? "TESTING" : "UNKNOWN");
	}
	if (tb[IFLA_GROUP])
		out_str(o, OUT_ANY, "group", "group %s ",
			name_of(NT_GROUPS, nl_attr_u32(tb[IFLA_GROUP]), buf,
				sizeof(buf)));
	if (tb[IFLA_TXQLEN])
		out_uint(o, OUT_ANY, "txqlen", "qlen %u", nl_attr_u32(tb[IFLA_TXQLEN]));
}

static void print_link_brief(struct ipctx *ctx, const struct ifinfomsg *ifi,
			     struct rtattr **tb, bool name_only)
{
	struct out *o = &ctx->out;
	char abuf[128];

	print_name_and_link(ctx, tb, "%-16s ");
	print_operstate(o, nl_attr_u8(tb[IFLA_OPERSTATE]), "%-14s ");
	/* ip address lists addresses here instead (unless -0). */
	if (name_only)
		return;
	if (tb[IFLA_ADDRESS]) {
		format_lladdr(nl_attr_data(tb[IFLA_ADDRESS]),
			      nl_attr_len(tb[IFLA_ADDRESS]), abuf, sizeof(abuf));
		out_cstr(o, OUT_ANY, C_MAC, "address", "%s ", abuf);
	}
	print_link_flags(o, ifi->ifi_flags);
}

static int link_parse(struct nlmsghdr *nlh, struct ifinfomsg **ifi,
		      struct rtattr **tb)
{
	struct rtattr *rta;
	size_t len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(**ifi)))
		return -EBADMSG;
	*ifi = NLMSG_DATA(nlh);
	rta = nl_msg_attrs(nlh, sizeof(**ifi), &len);
	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	return tb[IFLA_IFNAME] ? 0 : -EBADMSG;
}

int print_link_begin(struct ipctx *ctx, struct nlmsghdr *nlh, unsigned int how)
{
	struct ifinfomsg *ifi;
	struct rtattr *tb[IFLA_MAX + 1];
	bool in_addr = false, lladdr = true;

	if (link_parse(nlh, &ifi, tb))
		return -EBADMSG;
	out_obj_open(&ctx->out, NULL);
	/* Inside ip address: no "mode", and the link/ether line (brief: the
	 * lladdr and flags) only when links are listed for themselves (no
	 * family, or -0) or with -d. */
	if (how & LINK_IN_ADDR) {
		in_addr = true;
		lladdr = ctx->family == AF_UNSPEC || ctx->family == AF_PACKET ||
			 ctx->details;
		tb[IFLA_LINKMODE] = NULL;
	}
	if (ctx->brief) {
		print_link_brief(ctx, ifi, tb, in_addr && ctx->family != AF_PACKET);
		return 0;
	}
	print_link_head(ctx, ifi, tb);
	if (lladdr)
		print_lladdr_line(ctx, ifi, tb);
	return 0;
}

void print_link_stats(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	(void)ctx;
	(void)nlh;
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
	if (!ctx->brief && ctx->stats)
		print_link_stats(ctx, nlh);
	print_link_end(ctx);
	return 0;
}

struct show_arg {
	struct ipctx *ctx;
	struct link_filter *f;
};

static bool link_filtered_out(struct link_filter *f, struct nlmsghdr *nlh)
{
	struct ifinfomsg *ifi = NLMSG_DATA(nlh);

	return f->up && !(ifi->ifi_flags & IFF_UP);
}

static int show_cb(struct nlmsghdr *nlh, void *arg)
{
	struct show_arg *a = arg;

	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
		return 0;
	ll_cache_note(a->ctx, nlh);
	if (link_filtered_out(a->f, nlh))
		return 0;
	return print_link(a->ctx, nlh);
}

static void link_show_request(struct ipctx *ctx, struct nl_req *r,
			      struct link_filter *f)
{
	struct ifinfomsg *ifi = nl_put_hdr(r, sizeof(*ifi));

	ifi->ifi_family = AF_UNSPEC;
	nl_put_u32(r, IFLA_EXT_MASK, ctx->stats ? RTEXT_FILTER_VF :
			     RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);
	if (f->dev)
		nl_put_str(r, IFLA_IFNAME, f->dev);
	if (f->master > 0)
		nl_put_u32(r, IFLA_MASTER, f->master);
	if (f->kind) {
		struct rtattr *li = nl_nest_start(r, IFLA_LINKINFO);

		nl_put_str(r, IFLA_INFO_KIND, f->kind);
		nl_nest_end(r, li);
	}
}

static int link_show(struct ipctx *ctx, struct link_filter *f)
{
	NL_REQ_DEFINE(req, 512);
	struct show_arg a = { ctx, f };
	int rc;

	out_begin(&ctx->out);
	if (f->dev) {
		NL_REQ_INIT(req, RTM_GETLINK, 0);
		link_show_request(ctx, &req, f);
		rc = nl_talk(ctx_nl(ctx), &req, show_cb, &a);
		if (rc == -ENODEV) {
			fprintf(stderr, "Device \"%s\" does not exist.\n", f->dev);
			return EXIT_FAIL;
		}
		rc = rc < 0 ? nl_report(ctx, rc) : EXIT_OK;
	} else {
		NL_REQ_INIT(req, RTM_GETLINK, 0);
		link_show_request(ctx, &req, f);
		rc = ctx_dump(ctx, &req, show_cb, &a);
	}
	out_end(&ctx->out);
	return rc;
}

static int parse_show(struct ipctx *ctx, struct link_filter *f, int argc,
		      char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];

		if (streq(a, "up")) {
			f->up = true;
		} else if (streq(a, "master")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			f->master = ll_index(ctx, argv[0]);
			if (!f->master)
				return invarg("Device does not exist\n", argv[0]);
		} else if (streq(a, "type")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			f->kind = argv[0];
		} else {
			if (streq(a, "dev") && !next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (f->dev)
				return duparg2("dev", argv[0]);
			f->dev = argv[0];
		}
	}
	return EXIT_OK;
}

static int link_usage(void)
{
	fprintf(stderr,
		"Usage: ip link show [ DEVICE ] [ up ] [ master DEV ] [ type TYPE ]\n");
	return EXIT_USAGE;
}

int do_link(struct ipctx *ctx, int argc, char **argv)
{
	struct link_filter f = { .group = -1 };
	int rc;

	if (argc < 1 || matches(argv[0], "show") || matches(argv[0], "lst") ||
	    matches(argv[0], "list")) {
		if (argc > 0) {
			argc--;
			argv++;
		}
		rc = parse_show(ctx, &f, argc, argv);
		return rc ? rc : link_show(ctx, &f);
	}
	if (matches(argv[0], "help"))
		return link_usage();
	fprintf(stderr, "Command \"%s\" is unknown, try \"ip link help\".\n",
		argv[0]);
	return EXIT_USAGE;
}
