/* type ipvlan and ipvtap: a mode and one flag. */
#include <string.h>
#include <linux/if_link.h>

#include "link_kind.h"
#include "usage_text.h"

static const char *const ipvlan_modes[] = { "l2", "l3", "l3s" };
static const char *const ipvlan_flags[] = { "bridge", "private", "vepa" };

static void ipvlan_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_IPVLAN);
}

static int word_index(const char *const *w, const char *s)
{
	int i;

	for (i = 0; i < 3; i++)
		if (streq(w[i], s))
			return i;
	return -1;
}

static int ipvlan_parse(struct ipctx *ctx, struct nl_req *r,
			const char *kind, int argc, char **argv)
{
	int mode = -1, flag = -1, i;

	for (; argc > 0; argc--, argv++) {
		if (streq(argv[0], "mode")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			mode = word_index(ipvlan_modes, argv[0]);
			if (mode < 0) {
				pr_err("Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"\n");
				return EXIT_FAIL;
			}
			continue;
		}
		i = word_index(ipvlan_flags, argv[0]);
		/* one flag only: a second one is an unknown option */
		if (i < 0 || flag >= 0)
			return kind_unknown("ipvlan", "option", argv[0],
					    ipvlan_usage);
		flag = i;
	}
	if (mode >= 0)
		nl_put_u16(r, IFLA_IPVLAN_MODE, mode);
	if (mode >= 0 || flag >= 0)
		nl_put_u16(r, IFLA_IPVLAN_FLAGS, flag > 0 ? 1u << (flag - 1) : 0);
	return EXIT_OK;
}

static void ipvlan_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_IPVLAN_MAX + 1];
	struct out *o = &ctx->out;
	unsigned int v;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_IPVLAN_MAX, data);
	if (tb[IFLA_IPVLAN_MODE] && nl_attr_len(tb[IFLA_IPVLAN_MODE]) >= 2) {
		v = nl_attr_u16(tb[IFLA_IPVLAN_MODE]);
		out_str(o, OUT_ANY, "mode", " mode %s ",
			v < 3 ? ipvlan_modes[v] : "unknown");
	}
	if (tb[IFLA_IPVLAN_FLAGS] && nl_attr_len(tb[IFLA_IPVLAN_FLAGS]) >= 2) {
		v = nl_attr_u16(tb[IFLA_IPVLAN_FLAGS]);
		if (v & IPVLAN_F_PRIVATE)
			out_bool(o, OUT_ANY, "private", "private ", true);
		else if (v & IPVLAN_F_VEPA)
			out_bool(o, OUT_ANY, "vepa", "vepa ", true);
		else
			out_bool(o, OUT_ANY, "bridge", "bridge ", true);
	}
}

const struct link_kind ipvlan_kind = {
	.name = "ipvlan", .parse = ipvlan_parse, .print = ipvlan_print,
	.usage = ipvlan_usage,
};
const struct link_kind ipvtap_kind = {
	.name = "ipvtap", .parse = ipvlan_parse, .print = ipvlan_print,
	.usage = ipvlan_usage,
};
