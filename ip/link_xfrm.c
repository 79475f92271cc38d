/* type xfrm: an XFRM (IPsec) interface, its if_id and lower device, or
 * "external" (collect metadata) without either. */
#include <linux/if_link.h>

#include "link_kind.h"
#include "usage_text.h"

static void xfrm_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_XFRM);
}

static int xfrm_parse(struct ipctx *ctx, struct nl_req *r, const char *kind,
		      int argc, char **argv)
{
	uint32_t link = 0, if_id = 0;
	bool external = false;

	for (; argc > 0; argc--, argv++) {
		if (streq(argv[0], "external")) {
			external = true;
			continue;
		}
		if (!matches(argv[0], "dev") && !matches(argv[0], "if_id")) {
			xfrm_usage(stderr, kind);
			return EXIT_FAIL;
		}
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		if (argv[-1][0] == 'd') {
			link = kind_dev(ctx, argv[0]);
			if (!link)
				return EXIT_USAGE;
			continue;
		}
		if (parse_u32(&if_id, argv[0], 0) || !if_id)
			return invarg("if_id value is invalid", argv[0]);
		/* each one given is sent, as the reference does */
		nl_put_u32(r, IFLA_XFRM_IF_ID, if_id);
	}
	if (external && (link || if_id)) {
		pr_err("xfrmi: both 'external' and if_id/link cannot be specified\n");
		return EXIT_FAIL;
	}
	if (external) {
		nl_put_flag(r, IFLA_XFRM_COLLECT_METADATA);
		return 0;
	}
	if (!if_id)
		return missarg("IF_ID");
	if (link)
		nl_put_u32(r, IFLA_XFRM_LINK, link);
	return 0;
}

/* The lower device shows as the link's "@DEV" only. */
static void xfrm_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_XFRM_MAX + 1];
	uint32_t if_id;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_XFRM_MAX, data);
	if (tb[IFLA_XFRM_COLLECT_METADATA])
		out_bool(&ctx->out, OUT_ANY, "external", "external ", true);
	if_id = nl_attr_u32(tb[IFLA_XFRM_IF_ID]);
	if (if_id)
		print_hex_str(&ctx->out, "if_id", "if_id %#llx ", if_id);
}

const struct link_kind xfrm_kind = {
	.name = "xfrm",
	.parse = xfrm_parse,
	.print = xfrm_print,
	.usage = xfrm_usage,
};
