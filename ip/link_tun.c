/* type tun: created with "ip tuntap", so only its details are shown. */
#include <stdlib.h>
#include <string.h>
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

static void tun_owner(struct out *o, const struct rtattr *a, bool user)
{
	char buf[256];
	unsigned int id;

	if (!a)
		return;
	id = nl_attr_u32(a);
	if (passwd_lookup(user ? "/etc/passwd" : "/etc/group", NULL, &id, buf,
			  sizeof(buf)))
		out_str(o, OUT_ANY, user ? "user" : "group",
			user ? "user %s " : "group %s ", buf);
	else
		out_uint(o, OUT_ANY, user ? "user" : "group",
			 user ? "user %u " : "group %u ", id);
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
	tun_owner(o, tb[IFLA_TUN_OWNER], true);
	tun_owner(o, tb[IFLA_TUN_GROUP], false);
}

const struct link_kind tun_kind = {
	.name = "tun",
	.print = tun_print,
};
