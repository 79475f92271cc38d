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

/* The name of a user or group id from /etc/passwd or /etc/group (the id
 * is the third field of both), as getpwuid/getgrgid find it in files. */
static bool id_name(const char *file, unsigned int id, char *buf, size_t size)
{
	char line[512], *f2, *f3, *end;
	bool found = false, cont = false;
	FILE *f = fopen(file, "re");

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		bool head = !cont;

		/* the tail of a long line (a group's members) is no entry */
		cont = !strchr(line, '\n');
		f2 = head ? strchr(line, ':') : NULL;
		f3 = f2 ? strchr(f2 + 1, ':') : NULL;
		if (!f3 || f3[1] < '0' || f3[1] > '9')
			continue;
		if (strtoul(f3 + 1, &end, 10) != id || *end != ':')
			continue;
		*f2 = '\0';
		snprintf(buf, size, "%.255s", line);
		found = true;
	}
	fclose(f);
	return found;
}

static void tun_owner(struct out *o, const struct rtattr *a, bool user)
{
	char buf[256];
	unsigned int id;

	if (!a)
		return;
	id = nl_attr_u32(a);
	if (id_name(user ? "/etc/passwd" : "/etc/group", id, buf, sizeof(buf)))
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
