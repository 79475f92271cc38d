/* type vrf: only the routing table. */
#include <linux/if_link.h>

#include "link_kind.h"
#include "usage_text.h"

static void vrf_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_VRF);
}

static int vrf_parse(struct ipctx *ctx, struct nl_req *r,
		     const char *kind, int argc, char **argv)
{
	uint32_t table;

	for (; argc > 0; argc--, argv++) {
		if (!streq(argv[0], "table"))
			return kind_unknown("vrf", "option", argv[0], vrf_usage);
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		if (id_of(NT_TABLES, argv[0], &table))
			return invarg("invalid table ID\n", argv[0]);
		nl_put_u32(r, IFLA_VRF_TABLE, table);
	}
	return EXIT_OK;
}

static void vrf_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_VRF_MAX + 1];

	nl_parse_nested(tb, IFLA_VRF_MAX, data);
	if (tb[IFLA_VRF_TABLE])
		out_uint(&ctx->out, OUT_ANY, "table", "table %u ",
			 nl_attr_u32(tb[IFLA_VRF_TABLE]));
}

const struct link_kind vrf_kind = {
	.name = "vrf",
	.parse = vrf_parse,
	.print = vrf_print,
	.usage = vrf_usage,
};

/* vrf_slave: the table of the VRF a link is in. */
static void vrf_slave_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_VRF_PORT_MAX + 1];

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_VRF_PORT_MAX, data);
	if (tb[IFLA_VRF_PORT_TABLE])
		out_uint(&ctx->out, OUT_ANY, "table", "table %u ",
			 nl_attr_u32(tb[IFLA_VRF_PORT_TABLE]));
}

const struct link_kind vrf_slave_kind = {
	.name = "vrf_slave",
	.print = vrf_slave_print,
};
