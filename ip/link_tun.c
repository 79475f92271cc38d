/* type tun: created with "ip tuntap", so only its details are shown. */
#include <linux/if_link.h>

#include "link_kind.h"

static void tun_flag(struct out *o, const struct rtattr *a, const char *key,
		     const char *name)
{
	bool on = nl_attr_u8(a);

	if (o->json)
		out_bool(o, OUT_JSON, key, NULL, on);
	else
		out_text(o, "%s %s ", name, on ? "on" : "off");
}

static void tun_owner(struct out *o, const struct rtattr *a, const char *key)
{
	char buf[16];

	if (!a)
		return;
	snprintf(buf, sizeof(buf), "%u", nl_attr_u32(a));
	out_str(o, OUT_ANY, key, key[0] == 'u' ? "user %s " : "group %s ", buf);
}

static void tun_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_TUN_MAX + 1];
	struct out *o = &ctx->out;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_TUN_MAX, data);
	if (tb[IFLA_TUN_TYPE]) {
		unsigned int t = nl_attr_u8(tb[IFLA_TUN_TYPE]);

		out_str(o, OUT_ANY, "type", "type %s ",
			t == 1 ? "tun" : t == 2 ? "tap" : "UNKNOWN");
	}
	if (tb[IFLA_TUN_PI])
		tun_flag(o, tb[IFLA_TUN_PI], "pi", "pi");
	if (tb[IFLA_TUN_VNET_HDR])
		tun_flag(o, tb[IFLA_TUN_VNET_HDR], "vnet_hdr", "vnet_hdr");
	if (tb[IFLA_TUN_MULTI_QUEUE]) {
		if (o->json || nl_attr_u8(tb[IFLA_TUN_MULTI_QUEUE]))
			out_bool(o, OUT_ANY, "multi_queue", "multi_queue ",
				 nl_attr_u8(tb[IFLA_TUN_MULTI_QUEUE]));
	}
	if (tb[IFLA_TUN_NUM_QUEUES])
		out_uint(o, OUT_ANY, "numqueues", "numqueues %u ",
			 nl_attr_u32(tb[IFLA_TUN_NUM_QUEUES]));
	if (tb[IFLA_TUN_NUM_DISABLED_QUEUES])
		out_uint(o, OUT_ANY, "numdisabled", "numdisabled %u ",
			 nl_attr_u32(tb[IFLA_TUN_NUM_DISABLED_QUEUES]));
	if (tb[IFLA_TUN_PERSIST])
		tun_flag(o, tb[IFLA_TUN_PERSIST], "persist", "persist");
	tun_owner(o, tb[IFLA_TUN_OWNER], "user");
	tun_owner(o, tb[IFLA_TUN_GROUP], "group");
}

const struct link_kind tun_kind = {
	.name = "tun",
	.print = tun_print,
};
