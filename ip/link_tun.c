/* type tun: created with "ip tuntap", so only its details are shown. */
#include <stdlib.h>
#include <string.h>
#include <linux/if_link.h>

#include "link_kind.h"

static const struct kind_field tun_head[] = {
	{ IFLA_TUN_PI, P_ONOFF, "pi" },
	{ IFLA_TUN_VNET_HDR, P_ONOFF, "vnet_hdr" },
};

static const struct kind_field tun_tail[] = {
	{ IFLA_TUN_NUM_QUEUES, P_U32, "numqueues" },
	{ IFLA_TUN_NUM_DISABLED_QUEUES, P_U32, "numdisabled" },
	{ IFLA_TUN_PERSIST, P_ONOFF, "persist" },
};

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
	print_fields(o, tun_head, 2, tb);
	if (tb[IFLA_TUN_MULTI_QUEUE]) {
		if (o->json || nl_attr_u8(tb[IFLA_TUN_MULTI_QUEUE]))
			out_bool(o, OUT_ANY, "multi_queue", "multi_queue ",
				 nl_attr_u8(tb[IFLA_TUN_MULTI_QUEUE]));
	}
	print_fields(o, tun_tail, 3, tb);
	tun_owner(o, tb[IFLA_TUN_OWNER], true);
	tun_owner(o, tb[IFLA_TUN_GROUP], false);
}

const struct link_kind tun_kind = {
	.name = "tun",
	.print = tun_print,
};
