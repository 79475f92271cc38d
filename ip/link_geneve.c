/* type geneve: the VNI and remote end, checked at the end as the reference
 * does; "ttl inherit" and "df" go out as they are read, the rest after. */
#include <arpa/inet.h>
#include <string.h>
#include <linux/if_link.h>

#include "link_kind.h"
#include "usage_text.h"

struct geneve_args {
	uint32_t vni, label;
	int csum[3];		/* udpcsum, udp6zerocsumtx, udp6zerocsumrx; -1 unset */
	uint16_t port;
	uint8_t ttl, tos;
	bool has_vni, has_port, metadata, inner_inherit;
	struct inet_addr remote;
};

static void geneve_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_GENEVE);
}

static const char *const csum_words[] = { "udpcsum", "udp6zerocsumtx",
					  "udp6zerocsumrx" };

static bool geneve_flag(struct geneve_args *g, const char *a)
{
	bool no = !strncmp(a, "no", 2);
	const char *name = no ? a + 2 : a;
	int i;

	for (i = 0; i < 3; i++)
		if (streq(name, csum_words[i])) {
			g->csum[i] = !no;
			return true;
		}
	if (streq(name, "external"))
		g->metadata = !no;
	else if (streq(a, "innerprotoinherit"))
		g->inner_inherit = true;
	else
		return false;
	return true;
}

static int geneve_remote(struct geneve_args *g, const char *s)
{
	struct inet_addr *a = &g->remote;

	if (parse_addr(a, s, AF_UNSPEC) || (a->flags & ADDR_DEFAULT)) {
		if (!(a->flags & ADDR_DEFAULT))
			return addr_expected(AF_UNSPEC, "address", s);
		return invarg("invalid remote address", s);
	}
	if ((a->family == AF_INET && (a->data[0] & 0xf0) == 0xe0) ||
	    (a->family == AF_INET6 && a->data[0] == 0xff))
		return invarg("invalid remote address", s);
	return 0;
}

/* The words that take a value. */
enum { G_ID, G_VNI, G_REMOTE, G_TTL, G_HOPLIMIT, G_TOS, G_DF, G_LABEL };
static const char *const keys[] = { "id", "vni", "remote", "ttl", "hoplimit",
				    "tos", "df", "flowlabel", "dstport" };

static int geneve_value(struct geneve_args *g, struct nl_req *r, size_t k,
			const char *s)
{
	uint32_t v;
	int ttl;

	switch (k) {
	case G_ID:
	case G_VNI:
		if (udp_vni_arg(s, &g->vni))
			return EXIT_USAGE;
		g->has_vni = true;
		return 0;
	case G_REMOTE:
		return geneve_remote(g, s);
	case G_TTL:
	case G_HOPLIMIT:
		if (udp_ttl_arg(s, &ttl))
			return EXIT_USAGE;
		if (ttl < 0)
			nl_put_u8(r, IFLA_GENEVE_TTL_INHERIT, 1);
		g->ttl = ttl < 0 ? 0 : ttl;
		return 0;
	case G_TOS:
		return tos_arg(s, &g->tos);
	case G_DF:
		return udp_df_arg(r, IFLA_GENEVE_DF, s);
	case G_LABEL:
		return udp_label_arg(s, &g->label);
	}
	if (parse_u32(&v, s, 0) || v > 0xffff)	/* dstport */
		return invarg("dstport", s);
	g->port = htons(v);
	g->has_port = true;
	return 0;
}

static int geneve_finish(struct geneve_args *g, struct nl_req *r)
{
	int i;

	if (g->metadata && g->has_vni) {
		pr_err("geneve: both 'external' and vni cannot be specified\n");
		return EXIT_FAIL;
	}
	if (!g->metadata) {
		if (!g->has_vni) {
			pr_err("geneve: missing virtual network identifier\n");
			return EXIT_FAIL;
		}
		if (!g->remote.family) {
			pr_err("geneve: remote link partner not specified\n");
			return EXIT_FAIL;
		}
	}
	nl_put_u32(r, IFLA_GENEVE_ID, g->vni);
	if (g->remote.family == AF_INET)
		nl_put(r, IFLA_GENEVE_REMOTE, g->remote.data, 4);
	else if (g->remote.family == AF_INET6)
		nl_put(r, IFLA_GENEVE_REMOTE6, g->remote.data, 16);
	nl_put_u32(r, IFLA_GENEVE_LABEL, g->label);
	nl_put_u8(r, IFLA_GENEVE_TTL, g->ttl);
	nl_put_u8(r, IFLA_GENEVE_TOS, g->tos);
	if (g->has_port)
		nl_put_u16(r, IFLA_GENEVE_PORT, g->port);
	if (g->metadata)
		nl_put_flag(r, IFLA_GENEVE_COLLECT_METADATA);
	if (g->inner_inherit)
		nl_put_flag(r, IFLA_GENEVE_INNER_PROTO_INHERIT);
	for (i = 0; i < 3; i++)
		if (g->csum[i] >= 0)
			nl_put_u8(r, IFLA_GENEVE_UDP_CSUM + i, g->csum[i]);
	return 0;
}

static int geneve_parse(struct ipctx *ctx, struct nl_req *r,
			const char *kind, int argc, char **argv)
{
	struct geneve_args g = { .csum = { -1, -1, -1 } };
	size_t i;
	int rc;

	for (; argc > 0; argc--, argv++) {
		if (geneve_flag(&g, argv[0]))
			continue;
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (streq(argv[0], keys[i]))
				break;
		if (i == sizeof(keys) / sizeof(keys[0]))
			return kind_unknown("geneve", "command", argv[0],
					    geneve_usage);
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		rc = geneve_value(&g, r, i, argv[0]);
		if (rc)
			return rc;
	}
	return geneve_finish(&g, r);
}

static void geneve_print(struct ipctx *ctx, const struct rtattr *data)
{
	static const char *const keys[] = { "udp_csum", "udp_zero_csum6_tx",
					    "udp_zero_csum6_rx" };
	struct rtattr *tb[IFLA_GENEVE_MAX + 1];
	struct out *o = &ctx->out;
	int i;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_GENEVE_MAX, data);
	if (tb[IFLA_GENEVE_COLLECT_METADATA])
		out_bool(o, OUT_ANY, "external", "external ", true);
	if (tb[IFLA_GENEVE_ID] && nl_attr_len(tb[IFLA_GENEVE_ID]) >= 4)
		out_uint(o, OUT_ANY, "id", "id %u ", nl_attr_u32(tb[IFLA_GENEVE_ID]));
	if (tb[IFLA_GENEVE_REMOTE] && nl_attr_len(tb[IFLA_GENEVE_REMOTE]) >= 4)
		print_addr_attr(o, tb[IFLA_GENEVE_REMOTE], AF_INET, "remote",
				"remote %s ");
	else if (tb[IFLA_GENEVE_REMOTE6] &&
		 nl_attr_len(tb[IFLA_GENEVE_REMOTE6]) >= 16)
		print_addr_attr(o, tb[IFLA_GENEVE_REMOTE6], AF_INET6, "remote6",
				"remote %s ");
	print_udp_ttl(o, tb[IFLA_GENEVE_TTL_INHERIT], tb[IFLA_GENEVE_TTL]);
	print_tos_inherit(o, nl_attr_u8(tb[IFLA_GENEVE_TOS]));
	print_udp_df(o, tb[IFLA_GENEVE_DF]);
	print_udp_label(o, tb[IFLA_GENEVE_LABEL]);
	print_udp_port(o, tb[IFLA_GENEVE_PORT]);
	/* the kernel sends udpcsum for IPv4 only, udp6zerocsumtx for IPv6 */
	for (i = 0; i < 3; i++)
		print_yes_no(o, tb[IFLA_GENEVE_UDP_CSUM + i], keys[i],
			     csum_words[i]);
	if (tb[IFLA_GENEVE_INNER_PROTO_INHERIT])
		out_bool(o, OUT_ANY, "inner_proto_inherit", "innerprotoinherit ",
			 true);
}

const struct link_kind geneve_kind = {
	.name = "geneve",
	.parse = geneve_parse,
	.print = geneve_print,
	.usage = geneve_usage,
};
