/* type vlan: encoded for kernels that have it (this one may not). */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/if_vlan.h>

#include "link_kind.h"
#include "usage_text.h"


static const struct {
	const char *name;
	unsigned int flag;
} flag_opts[] = {
	{ "reorder_hdr", VLAN_FLAG_REORDER_HDR }, { "gvrp", VLAN_FLAG_GVRP },
	{ "mvrp", VLAN_FLAG_MVRP }, { "loose_binding", VLAN_FLAG_LOOSE_BINDING },
	{ "bridge_binding", VLAN_FLAG_BRIDGE_BINDING },
};

static void vlan_usage(FILE *f, const char *kind)
{
	size_t i;

	usage_print(f, USAGE_VLAN);
	for (i = 0; i < sizeof(flag_opts) / sizeof(flag_opts[0]); i++)
		fprintf(f, "               [ %s { on | off } ]\n", flag_opts[i].name);
	usage_print(f, USAGE_VLAN_END);
}

static bool qos_pair(const char *s, struct ifla_vlan_qos_mapping *m)
{
	char buf[64], *colon;

	snprintf(buf, sizeof(buf), "%s", s);
	colon = strchr(buf, ':');
	if (!colon)
		return false;
	*colon = '\0';
	return !parse_u32(&m->from, buf, 0) && !parse_u32(&m->to, colon + 1, 0);
}

/* The mappings that follow (each word with a colon); returns how many
 * arguments they took, or -1 after the reference's error for a bad one,
 * which names the text before the colon whichever side is wrong. */
static int qos_map(struct nl_req *r, int type, int argc, char **argv)
{
	struct rtattr *nest = link_nest(r, type);
	struct ifla_vlan_qos_mapping m;
	int n;

	for (n = 0; n < argc && strchr(argv[n], ':'); n++) {
		if (!qos_pair(argv[n], &m)) {
			char from[64];

			snprintf(from, sizeof(from), "%.*s",
				 (int)strcspn(argv[n], ":"), argv[n]);
			invarg(type == IFLA_VLAN_INGRESS_QOS ?
			       "invalid ingress-qos-map" :
			       "invalid egress-qos-map", from);
			return -1;
		}
		nl_put(r, IFLA_VLAN_QOS_MAPPING, &m, sizeof(m));
	}
	nl_nest_end(r, nest);
	return n;
}

static int vlan_value(struct nl_req *r, struct ifla_vlan_flags *fl,
		      const char *key, const char *arg)
{
	size_t i;
	uint16_t id;
	int on;

	if (streq(key, "id")) {
		if (parse_u16(&id, arg, 0))
			return invarg("id is invalid", arg);
		nl_put_u16(r, IFLA_VLAN_ID, id);
		return 0;
	}
	if (streq(key, "protocol")) {
		return put_vlan_proto(r, IFLA_VLAN_PROTOCOL, arg,
				      "protocol is invalid");
	}
	for (i = 0; i < sizeof(flag_opts) / sizeof(flag_opts[0]); i++) {
		if (!streq(key, flag_opts[i].name))
			continue;
		on = link_on_off(key, arg);
		if (on < 0)
			return EXIT_FAIL;
		fl->mask |= flag_opts[i].flag;
		if (on)
			fl->flags |= flag_opts[i].flag;
		else
			fl->flags &= ~flag_opts[i].flag;
		return 0;
	}
	return -1;
}

static bool vlan_key(const char *a)
{
	static const char *const keys[] = { "id", "protocol", "reorder_hdr",
		"gvrp", "mvrp", "loose_binding", "bridge_binding" };
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (streq(a, keys[i]))
			return true;
	return false;
}

static int vlan_parse(struct ipctx *ctx, struct nl_req *r,
		      const char *kind, int argc, char **argv)
{
	struct ifla_vlan_flags fl = { 0, 0 };
	int rc, n;

	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];

		if (streq(a, "ingress-qos-map") || streq(a, "egress-qos-map")) {
			if (argc < 2)
				return incomplete_command();
			n = qos_map(r, a[0] == 'i' ? IFLA_VLAN_INGRESS_QOS :
				    IFLA_VLAN_EGRESS_QOS, argc - 1, argv + 1);
			if (n < 0)
				return EXIT_USAGE;
			argc -= n;
			argv += n;
			continue;
		}
		if (!vlan_key(a))
			return kind_unknown("vlan", "command", a, vlan_usage);
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		rc = vlan_value(r, &fl, a, argv[0]);
		if (rc)
			return rc;
	}
	if (fl.mask)
		nl_put(r, IFLA_VLAN_FLAGS, &fl, sizeof(fl));
	return EXIT_OK;
}

/* ---- printing (this kernel has no vlan: written to the reference's
 * documented layout, not compared here) ---- */

static void print_vlan_flags(struct out *o, unsigned int flags)
{
	static const struct {
		unsigned int flag;
		const char *name;
	} names[] = {
		{ VLAN_FLAG_REORDER_HDR, "REORDER_HDR" }, { VLAN_FLAG_GVRP, "GVRP" },
		{ VLAN_FLAG_MVRP, "MVRP" }, { VLAN_FLAG_LOOSE_BINDING, "LOOSE_BINDING" },
		{ VLAN_FLAG_BRIDGE_BINDING, "BRIDGE_BINDING" },
	};
	size_t i;

	out_arr_open(o, "flags");
	out_text(o, "<");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(flags & names[i].flag))
			continue;
		flags &= ~names[i].flag;
		out_str(o, OUT_ANY, NULL, flags ? "%s," : "%s", names[i].name);
	}
	if (flags)
		out_xstr(o, OUT_ANY, NULL, "%x", flags);
	out_text(o, "> ");
	out_arr_close(o);
}

static void print_qos_map(struct out *o, const char *key, const char *name,
			  const struct rtattr *map)
{
	const struct rtattr *a;
	unsigned int left = nl_attr_len(map);

	out_arr_open(o, key);
	out_nl(o);
	out_text(o, "      %s { ", name);
	for (a = nl_attr_data(map); RTA_OK(a, left); a = nl_attr_next(a, &left)) {
		struct ifla_vlan_qos_mapping m;

		if (nl_attr_len(a) < sizeof(m))
			continue;
		memcpy(&m, nl_attr_data(a), sizeof(m));
		out_obj_open(o, NULL);
		out_uint(o, OUT_JSON, "from", NULL, m.from);
		out_uint(o, OUT_JSON, "to", NULL, m.to);
		out_obj_close(o);
		out_text(o, "%u:%u ", m.from, m.to);
	}
	out_arr_close(o);
	out_text(o, "} ");
}

static void vlan_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_VLAN_MAX + 1];
	struct out *o = &ctx->out;
	struct ifla_vlan_flags fl;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_VLAN_MAX, data);
	if (!tb[IFLA_VLAN_ID] || nl_attr_len(tb[IFLA_VLAN_ID]) < 2)
		return;
	if (tb[IFLA_VLAN_PROTOCOL])
		print_vlan_proto(o, tb[IFLA_VLAN_PROTOCOL], "protocol", "[%d]");
	out_uint(o, OUT_ANY, "id", "id %u ", nl_attr_u16(tb[IFLA_VLAN_ID]));
	if (tb[IFLA_VLAN_FLAGS] && nl_attr_len(tb[IFLA_VLAN_FLAGS]) >= sizeof(fl)) {
		memcpy(&fl, nl_attr_data(tb[IFLA_VLAN_FLAGS]), sizeof(fl));
		print_vlan_flags(o, fl.flags);
	}
	if (tb[IFLA_VLAN_INGRESS_QOS])
		print_qos_map(o, "ingress_qos", "ingress-qos-map",
			      tb[IFLA_VLAN_INGRESS_QOS]);
	if (tb[IFLA_VLAN_EGRESS_QOS])
		print_qos_map(o, "egress_qos", "egress-qos-map",
			      tb[IFLA_VLAN_EGRESS_QOS]);
}

const struct link_kind vlan_kind = {
	.name = "vlan",
	.parse = vlan_parse,
	.print = vlan_print,
	.usage = vlan_usage,
};
