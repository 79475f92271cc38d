/* type vxlan: most options go out as they are read; the VNI, addresses,
 * learning and port are added at the end, as the reference orders them. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_link.h>

#include "link_kind.h"
#include "usage_text.h"

struct vxlan_args {
	uint32_t vni;
	bool has_vni, metadata, has_port, has_local, has_remote, has_group;
	int learning;		/* -1: not given */
	uint16_t port;
	struct inet_addr local, remote;
};

static void vxlan_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_VXLAN);
}

/* [no]FLAG words that become a u8 attribute at once. */
static const struct {
	const char *name;
	unsigned short attr;
} bool_opts[] = {
	{ "proxy", IFLA_VXLAN_PROXY }, { "rsc", IFLA_VXLAN_RSC },
	{ "l2miss", IFLA_VXLAN_L2MISS }, { "l3miss", IFLA_VXLAN_L3MISS },
	{ "udpcsum", IFLA_VXLAN_UDP_CSUM },
	{ "udp6zerocsumtx", IFLA_VXLAN_UDP_ZERO_CSUM6_TX },
	{ "udp6zerocsumrx", IFLA_VXLAN_UDP_ZERO_CSUM6_RX },
	{ "remcsumtx", IFLA_VXLAN_REMCSUM_TX },
	{ "remcsumrx", IFLA_VXLAN_REMCSUM_RX },
	{ "external", IFLA_VXLAN_COLLECT_METADATA },
	{ "vnifilter", IFLA_VXLAN_VNIFILTER },
};

static bool bool_opt(struct vxlan_args *v, struct nl_req *r, const char *a)
{
	bool no = strncmp(a, "no", 2) == 0;
	const char *name = no ? a + 2 : a;
	size_t i;

	if (streq(name, "learning")) {
		v->learning = !no;
		return true;
	}
	for (i = 0; i < sizeof(bool_opts) / sizeof(bool_opts[0]); i++) {
		if (!streq(name, bool_opts[i].name))
			continue;
		nl_put_u8(r, bool_opts[i].attr, !no);
		if (bool_opts[i].attr == IFLA_VXLAN_COLLECT_METADATA)
			v->metadata = !no;
		return true;
	}
	if (streq(a, "gbp") || streq(a, "gpe")) {
		nl_put_flag(r, a[2] == 'p' ? IFLA_VXLAN_GBP : IFLA_VXLAN_GPE);
		return true;
	}
	return false;
}

/* An address; family AF_UNSPEC takes either.  The reference's wording. */
static int get_ip(struct inet_addr *a, const char *s, int family)
{
	if (!parse_addr(a, s, family) && !(a->flags & ADDR_DEFAULT))
		return 0;
	if (streq(s, "any") || streq(s, "default") || streq(s, "all")) {
		memset(a, 0, sizeof(*a));
		a->family = family;
		return 0;
	}
	return addr_expected(family, "address", s);
}

static bool is_multicast(const struct inet_addr *a)
{
	if (a->family == AF_INET)
		return (a->data[0] & 0xf0) == 0xe0;
	return a->family == AF_INET6 && a->data[0] == 0xff;
}

static int ttl_opt(struct nl_req *r, const char *arg)
{
	int ttl;

	if (udp_ttl_arg(arg, &ttl))
		return EXIT_USAGE;
	if (ttl < 0)
		nl_put_flag(r, IFLA_VXLAN_TTL_INHERIT);
	else
		nl_put_u8(r, IFLA_VXLAN_TTL, ttl);
	return 0;
}

static int tos_df_label(struct nl_req *r, const char *key, const char *arg)
{
	uint32_t label;
	uint8_t tos;

	if (streq(key, "df"))
		return udp_df_arg(r, IFLA_VXLAN_DF, arg);
	if (streq(key, "tos")) {
		if (tos_arg(arg, &tos))
			return EXIT_USAGE;
		nl_put_u8(r, IFLA_VXLAN_TOS, tos);
	} else {
		if (udp_label_arg(arg, &label))
			return EXIT_USAGE;
		nl_put_u32(r, IFLA_VXLAN_LABEL, label);
	}
	return 0;
}

static int addr_opt(struct vxlan_args *v, const char *key, const char *arg)
{
	struct inet_addr a;
	int family = v->has_local ? v->local.family :
		     v->has_remote ? v->remote.family : AF_UNSPEC;

	if (get_ip(&a, arg, family))
		return EXIT_FAIL;
	if (streq(key, "local")) {
		v->local = a;
		v->has_local = true;
		return 0;
	}
	if (streq(key, "group") && !is_multicast(&a))
		return invarg("invalid group address", arg);
	if (streq(key, "remote") && is_multicast(&a))
		return invarg("invalid remote address", arg);
	if ((v->has_group && streq(key, "remote")) ||
	    (v->has_remote && !v->has_group && streq(key, "group"))) {
		pr_err("vxlan: both group and remote cannot be specified\n");
		return EXIT_FAIL;
	}
	v->remote = a;
	v->has_remote = true;
	v->has_group = streq(key, "group");
	return 0;
}

static int number_opt(struct ipctx *ctx, struct vxlan_args *v,
		      struct nl_req *r, const char *key, const char *arg)
{
	uint32_t n;
	uint16_t p;

	if (streq(key, "id") || streq(key, "vni")) {
		if (udp_vni_arg(arg, &v->vni))
			return EXIT_USAGE;
		v->has_vni = true;
	} else if (streq(key, "dstport")) {
		if (parse_u16(&p, arg, 0))
			return invarg("dst port", arg);
		v->port = p;
		v->has_port = true;
	} else if (streq(key, "ageing")) {
		if (parse_u32(&n, arg, 0))
			return invarg("ageing timer", arg);
		nl_put_u32(r, IFLA_VXLAN_AGEING, n);
	} else if (streq(key, "maxaddress")) {
		if (parse_u32(&n, arg, 0))
			return invarg("max addresses", arg);
		nl_put_u32(r, IFLA_VXLAN_LIMIT, n);
	} else {	/* dev */
		n = kind_dev(ctx, arg);
		if (!n)
			return EXIT_USAGE;
		nl_put_u32(r, IFLA_VXLAN_LINK, n);
	}
	return 0;
}

static int srcport_opt(struct nl_req *r, int *argc, char ***argv)
{
	struct ifla_vxlan_port_range range;
	uint16_t lo, hi;

	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	if (parse_u16(&lo, (*argv)[0], 0))
		return invarg("min port", (*argv)[0]);
	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	if (parse_u16(&hi, (*argv)[0], 0))
		return invarg("max port", (*argv)[0]);
	range.low = htons(lo);
	range.high = htons(hi);
	nl_put(r, IFLA_VXLAN_PORT_RANGE, &range, sizeof(range));
	return 0;
}

static int vxlan_opt(struct ipctx *ctx, struct vxlan_args *v,
		     struct nl_req *r, int *argc, char ***argv)
{
	/* three addresses, six numbers, three for tos_df_label() */
	static const char *const keys[] = { "local", "remote", "group", "id",
		"vni", "dstport", "ageing", "maxaddress", "dev", "tos", "df",
		"flowlabel" };
	const char *a = (*argv)[0];
	size_t i;

	if (bool_opt(v, r, a))
		return 0;
	if (streq(a, "srcport"))
		return srcport_opt(r, argc, argv);
	if (streq(a, "ttl") || streq(a, "hoplimit")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return ttl_opt(r, (*argv)[0]);
	}
	for (i = 0; i < 12 && !streq(a, keys[i]); i++)
		;
	if (i == 12)
		return kind_unknown("vxlan", "command", a, vxlan_usage);
	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	if (i < 3)
		return addr_opt(v, a, (*argv)[0]);
	if (i < 9)
		return number_opt(ctx, v, r, a, (*argv)[0]);
	return tos_df_label(r, a, (*argv)[0]);
}

static void put_addr(struct nl_req *r, const struct inet_addr *a, int type4,
		     int type6)
{
	if (a->family == AF_INET6)
		nl_put(r, type6, a->data, 16);
	else
		nl_put(r, type4, a->data, a->bytelen);
}

static int vxlan_finish(struct vxlan_args *v, struct nl_req *r, bool create,
			bool has_link)
{
	if (v->metadata && v->has_vni) {
		pr_err("vxlan: both 'external' and vni cannot be specified\n");
		return EXIT_FAIL;
	}
	if (v->has_group && !has_link) {
		pr_err("vxlan: 'group' requires 'dev' to be specified\n");
		return EXIT_FAIL;
	}
	if (create && !v->has_port && !v->metadata)
		pr_err(
			"vxlan: destination port not specified\n"
			"Will use Linux kernel default (non-standard value)\n"
			"Use 'dstport 4789' to get the IANA assigned value\n"
			"Use 'dstport 0' to get default and quiet this message\n");
	if (v->has_vni)
		nl_put_u32(r, IFLA_VXLAN_ID, v->vni);
	if (v->has_local)
		put_addr(r, &v->local, IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6);
	if (v->has_remote)
		put_addr(r, &v->remote, IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6);
	if (v->learning >= 0 || create)
		nl_put_u8(r, IFLA_VXLAN_LEARNING,
			  v->learning >= 0 ? v->learning : !v->metadata);
	if (v->has_port && v->port)
		nl_put_u16(r, IFLA_VXLAN_PORT, htons(v->port));
	return 0;
}

static int vxlan_parse(struct ipctx *ctx, struct nl_req *r,
		       const char *kind, int argc, char **argv)
{
	struct vxlan_args v = { .learning = -1 };
	bool has_link = false;
	int rc;

	for (; argc > 0; argc--, argv++) {
		has_link |= streq(argv[0], "dev");
		rc = vxlan_opt(ctx, &v, r, &argc, &argv);
		if (rc)
			return rc;
	}
	return vxlan_finish(&v, r, r->nlh->nlmsg_flags & NLM_F_CREATE, has_link);
}

/* ---- printing ---- */

/* The IPv4 address when set and not 0, else the IPv6 one when not ::
 * (and no IPv4 attribute at all); NULL for neither.  *v6 says which. */
static const struct rtattr *set_addr(const struct rtattr *a4,
				     const struct rtattr *a6, bool *v6)
{
	static const uint8_t zero[16];

	*v6 = false;
	if (a4 && nl_attr_len(a4) >= 4 && nl_attr_u32(a4))
		return a4;
	*v6 = true;
	if (!a4 && a6 && nl_attr_len(a6) >= 16 &&
	    memcmp(nl_attr_data(a6), zero, 16))
		return a6;
	return NULL;
}

static void print_addrs(struct ipctx *ctx, struct rtattr **tb)
{
	struct out *o = &ctx->out;
	const struct rtattr *a;
	bool v6, mc;

	a = set_addr(tb[IFLA_VXLAN_GROUP], tb[IFLA_VXLAN_GROUP6], &v6);
	if (a) {
		const uint8_t *p = nl_attr_data(a);

		mc = v6 ? p[0] == 0xff : (p[0] & 0xf0) == 0xe0;
		print_addr_attr(o, a, v6 ? AF_INET6 : AF_INET,
				mc ? (v6 ? "group6" : "group") :
				     (v6 ? "remote6" : "remote"),
				mc ? "group %s " : "remote %s ");
	}
	a = set_addr(tb[IFLA_VXLAN_LOCAL], tb[IFLA_VXLAN_LOCAL6], &v6);
	if (a)
		print_addr_attr(o, a, v6 ? AF_INET6 : AF_INET,
				v6 ? "local6" : "local", "local %s ");
}

static void print_ports(struct ipctx *ctx, struct rtattr **tb)
{
	struct out *o = &ctx->out;
	char buf[32];

	if (tb[IFLA_VXLAN_LINK] && nl_attr_u32(tb[IFLA_VXLAN_LINK]))
		out_str(o, OUT_ANY, "link", "dev %s ",
			ll_name_or_num(ctx, nl_attr_u32(tb[IFLA_VXLAN_LINK]), buf,
				       sizeof(buf)));
	if (tb[IFLA_VXLAN_PORT_RANGE] &&
	    nl_attr_len(tb[IFLA_VXLAN_PORT_RANGE]) >= 4) {
		struct ifla_vxlan_port_range pr;

		memcpy(&pr, nl_attr_data(tb[IFLA_VXLAN_PORT_RANGE]), sizeof(pr));
		out_obj_open(o, "port_range");
		out_uint(o, OUT_JSON, "low", NULL, ntohs(pr.low));
		out_uint(o, OUT_JSON, "high", NULL, ntohs(pr.high));
		out_obj_close(o);
		out_text(o, "srcport %u %u ", ntohs(pr.low), ntohs(pr.high));
	}
	print_udp_port(o, tb[IFLA_VXLAN_PORT]);
	if (tb[IFLA_VXLAN_LEARNING]) {
		bool on = nl_attr_u8(tb[IFLA_VXLAN_LEARNING]);

		out_bool(o, OUT_JSON, "learning", NULL, on);
		if (!on)
			out_text(o, "nolearning ");
	}
}

static const struct kind_field vxlan_flags[] = {
	{ IFLA_VXLAN_PROXY, P_FLAG, "proxy" },
	{ IFLA_VXLAN_RSC, P_FLAG, "rsc" },
	{ IFLA_VXLAN_L2MISS, P_FLAG, "l2miss" },
	{ IFLA_VXLAN_L3MISS, P_FLAG, "l3miss" },
};

static const struct kind_field vxlan_tail[] = {
	{ IFLA_VXLAN_REMCSUM_TX, P_FLAG | F_TEXT, "remcsum_tx\0remcsumtx" },
	{ IFLA_VXLAN_REMCSUM_RX, P_FLAG | F_TEXT, "remcsum_rx\0remcsumrx" },
	{ IFLA_VXLAN_GBP, P_PRESENT, "gbp" },
	{ IFLA_VXLAN_GPE, P_PRESENT, "gpe" },
};

static void vxlan_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_VXLAN_MAX + 1];
	struct out *o = &ctx->out;
	uint32_t v;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_VXLAN_MAX, data);
	if (nl_attr_u8(tb[IFLA_VXLAN_COLLECT_METADATA]))
		out_bool(o, OUT_ANY, "external", "external ", true);
	/* the reference prints no space after it */
	if (nl_attr_u8(tb[IFLA_VXLAN_VNIFILTER]))
		out_bool(o, OUT_ANY, "vnifilter", "vnifilter", true);
	if (tb[IFLA_VXLAN_ID] && nl_attr_len(tb[IFLA_VXLAN_ID]) >= 4)
		out_uint(o, OUT_ANY, "id", "id %u ", nl_attr_u32(tb[IFLA_VXLAN_ID]));
	print_addrs(ctx, tb);
	print_ports(ctx, tb);
	print_fields(o, vxlan_flags, 4, tb);
	print_tos_inherit(o, nl_attr_u8(tb[IFLA_VXLAN_TOS]));
	print_udp_ttl(o, tb[IFLA_VXLAN_TTL_INHERIT], tb[IFLA_VXLAN_TTL]);
	print_udp_df(o, tb[IFLA_VXLAN_DF]);
	print_udp_label(o, tb[IFLA_VXLAN_LABEL]);
	if (tb[IFLA_VXLAN_AGEING]) {
		v = nl_attr_u32(tb[IFLA_VXLAN_AGEING]);
		out_uint(o, OUT_ANY, "ageing", v ? "ageing %u " : "ageing none ", v);
	}
	if ((v = nl_attr_u32(tb[IFLA_VXLAN_LIMIT])))
		out_uint(o, OUT_ANY, "limit", "maxaddr %u ", v);
	print_yes_no(o, tb[IFLA_VXLAN_UDP_CSUM], "udp_csum", "udpcsum");
	print_yes_no(o, tb[IFLA_VXLAN_UDP_ZERO_CSUM6_TX], "udp_zero_csum6_tx",
		     "udp6zerocsumtx");
	print_yes_no(o, tb[IFLA_VXLAN_UDP_ZERO_CSUM6_RX], "udp_zero_csum6_rx",
		     "udp6zerocsumrx");
	print_fields(o, vxlan_tail, 4, tb);
}

const struct link_kind vxlan_kind = {
	.name = "vxlan",
	.parse = vxlan_parse,
	.print = vxlan_print,
	.usage = vxlan_usage,
};
