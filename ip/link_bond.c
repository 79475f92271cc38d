/* type bond: encoded for kernels that have it (this one may not). */
#include <arpa/inet.h>
#include <string.h>
#include <linux/if_link.h>

#include "link_kind.h"
#include "usage_text.h"

static const char *const modes[] = { "balance-rr", "active-backup",
	"balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb",
	NULL };
static const char *const arp_validate[] = { "none", "active", "backup",
	"all", "filter", "filter_active", "filter_backup", NULL };
static const char *const arp_all[] = { "any", "all", NULL };
static const char *const reselect[] = { "always", "better", "failure", NULL };
static const char *const fail_over[] = { "none", "active", "follow", NULL };
static const char *const xmit_hash[] = { "layer2", "layer3+4", "layer2+3",
	"encap2+3", "encap3+4", "vlan+srcmac", NULL };
static const char *const lacp_rate[] = { "slow", "fast", NULL };
static const char *const ad_select[] = { "stable", "bandwidth", "count", NULL };
static const char *const off_on[] = { "off", "on", NULL };

enum { B_U8, B_U16, B_U32, B_DEV, B_IP4, B_IP6, B_MAC, B_CLEAR, B_AD };

/* Each option once, for parsing (in this order, the usage's), printing
 * (in print_order) or both. */
static const struct bond_opt {
	const char *name;	/* the option word, also the text label */
	const char *key;	/* JSON key when not the name */
	unsigned short attr;
	unsigned char type;
	const char *const *names;	/* value names, else a number */
} opts[] = {
	{ "mode", NULL, IFLA_BOND_MODE, B_U8, modes },
	{ "active_slave", NULL, IFLA_BOND_ACTIVE_SLAVE, B_DEV, NULL },
	{ "clear_active_slave", NULL, IFLA_BOND_ACTIVE_SLAVE, B_CLEAR, NULL },
	{ "miimon", NULL, IFLA_BOND_MIIMON, B_U32, NULL },
	{ "updelay", NULL, IFLA_BOND_UPDELAY, B_U32, NULL },
	{ "downdelay", NULL, IFLA_BOND_DOWNDELAY, B_U32, NULL },
	{ "peer_notify_delay", NULL, IFLA_BOND_PEER_NOTIF_DELAY, B_U32, NULL },
	{ "use_carrier", NULL, IFLA_BOND_USE_CARRIER, B_U8, NULL },
	{ "arp_interval", NULL, IFLA_BOND_ARP_INTERVAL, B_U32, NULL },
	{ "arp_ip_target", NULL, IFLA_BOND_ARP_IP_TARGET, B_IP4, NULL },
	{ "ns_ip6_target", NULL, IFLA_BOND_NS_IP6_TARGET, B_IP6, NULL },
	{ "arp_validate", NULL, IFLA_BOND_ARP_VALIDATE, B_U32, arp_validate },
	{ "arp_all_targets", NULL, IFLA_BOND_ARP_ALL_TARGETS, B_U32, arp_all },
	{ "primary", NULL, IFLA_BOND_PRIMARY, B_DEV, NULL },
	{ "primary_reselect", NULL, IFLA_BOND_PRIMARY_RESELECT, B_U8, reselect },
	{ "fail_over_mac", NULL, IFLA_BOND_FAIL_OVER_MAC, B_U8, fail_over },
	{ "xmit_hash_policy", NULL, IFLA_BOND_XMIT_HASH_POLICY, B_U8, xmit_hash },
	{ "resend_igmp", NULL, IFLA_BOND_RESEND_IGMP, B_U32, NULL },
	{ "num_grat_arp", "num_peer_notif", IFLA_BOND_NUM_PEER_NOTIF, B_U8, NULL },
	{ "num_unsol_na", NULL, IFLA_BOND_NUM_PEER_NOTIF, B_U8, NULL },
	{ "all_slaves_active", NULL, IFLA_BOND_ALL_SLAVES_ACTIVE, B_U8, NULL },
	{ "min_links", NULL, IFLA_BOND_MIN_LINKS, B_U32, NULL },
	{ "lp_interval", NULL, IFLA_BOND_LP_INTERVAL, B_U32, NULL },
	{ "packets_per_slave", NULL, IFLA_BOND_PACKETS_PER_SLAVE, B_U32, NULL },
	{ "tlb_dynamic_lb", NULL, IFLA_BOND_TLB_DYNAMIC_LB, B_U8, NULL },
	{ "lacp_rate", "ad_lacp_rate", IFLA_BOND_AD_LACP_RATE, B_U8, lacp_rate },
	{ "lacp_active", "ad_lacp_active", IFLA_BOND_AD_LACP_ACTIVE, B_U8, off_on },
	{ "ad_select", NULL, IFLA_BOND_AD_SELECT, B_U8, ad_select },
	{ "ad_user_port_key", NULL, IFLA_BOND_AD_USER_PORT_KEY, B_U16, NULL },
	{ "ad_actor_sys_prio", NULL, IFLA_BOND_AD_ACTOR_SYS_PRIO, B_U16, NULL },
	{ "ad_actor_system", NULL, IFLA_BOND_AD_ACTOR_SYSTEM, B_MAC, NULL },
	{ "arp_missed_max", NULL, IFLA_BOND_MISSED_MAX, B_U8, NULL },
	{ "ad_info", NULL, IFLA_BOND_AD_INFO, B_AD, NULL },	/* shown only */
};

#define N_OPTS (sizeof(opts) / sizeof(opts[0]))

/* The details line shows them in the kernel's attribute order: indexes
 * into opts. */
static const unsigned char print_order[] = {
	0, 1, 3, 4, 5, 6, 7, 8, 31, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20,
	21, 22, 23, 26, 25, 27, 32, 29, 28, 30, 24,
};

static void bond_usage(FILE *f, const char *kind)
{
	size_t i, col = 11;

	usage_print(f, USAGE_BOND);
	for (i = 0; i < N_OPTS; i++) {
		if (opts[i].type >= B_CLEAR)
			continue;
		if (col + strlen(opts[i].name) > 72) {
			fprintf(f, "\n          ");
			col = 10;
		}
		col += fprintf(f, "%s%s", i ? " | " : " ", opts[i].name);
	}
	usage_print(f, USAGE_BOND_NAMED);
	for (i = 0; i < N_OPTS; i++) {
		const char *const *n = opts[i].names;

		if (!n || (i && opts[i - 1].names == n))
			continue;
		fprintf(f, "  %s:", opts[i].name);
		for (; *n; n++)
			fprintf(f, " %s", *n);
		fprintf(f, "\n");
	}
	usage_print(f, USAGE_BOND_END);
}

static int number(const struct bond_opt *o, const char *arg, uint32_t *v)
{
	uint32_t max = o->type == B_U8 ? 0xff : o->type == B_U16 ? 0xffff :
		       0xffffffffu;
	char msg[64];
	size_t n = 0;

	for (; o->names && o->names[n]; n++)
		if (streq(o->names[n], arg)) {
			*v = n;
			return 0;
		}
	if (!parse_u32(v, arg, 0) && *v <= max && (!o->names || *v < n))
		return 0;
	snprintf(msg, sizeof(msg), "invalid %s", o->name);
	return invarg(msg, arg);
}

/* "a,b,c" addresses into a nest of entries numbered from 0. */
static int targets(struct nl_req *r, const struct bond_opt *o, char *list)
{
	struct rtattr *nest = link_nest(r, o->attr);
	int family = o->type == B_IP4 ? AF_INET : AF_INET6, i = 0;
	char *tok = list, *end;

	/* strtok()'s split: empty entries ("a,,b", a trailing comma) pass */
	for (; *(tok += strspn(tok, ",")); tok = end, i++) {
		struct inet_addr a;

		end = tok + strcspn(tok, ",");
		if (*end)
			*end++ = '\0';
		/* the reference words the two differently */
		if (parse_addr(&a, tok, family))
			return family == AF_INET ? ip_expected(tok) :
			       addr_expected(family, "address", tok);
		nl_put(r, i, a.data, a.bytelen);
	}
	nl_nest_end(r, nest);
	return 0;
}

static int bond_value(struct ipctx *ctx, struct nl_req *r,
		      const struct bond_opt *o, const char *arg)
{
	char copy[1024];
	uint8_t mac[33] = { 0 };
	uint32_t v;
	int idx, n;

	switch (o->type) {
	case B_DEV:
		idx = kind_dev(ctx, arg);
		if (!idx)
			return EXIT_FAIL;
		nl_put_u32(r, o->attr, idx);
		return 0;
	case B_IP4:
	case B_IP6:
		snprintf(copy, sizeof(copy), "%s", arg);
		return targets(r, o, copy);
	case B_MAC:
		n = get_lladdr(mac, sizeof(mac) - 1, arg);
		if (n < 0)
			return EXIT_FAIL;
		nl_put(r, o->attr, mac, n);
		return 0;
	}
	if (number(o, arg, &v))
		return EXIT_USAGE;
	if (o->type == B_U8)
		nl_put_u8(r, o->attr, v);
	else if (o->type == B_U16)
		nl_put_u16(r, o->attr, v);
	else
		nl_put_u32(r, o->attr, v);
	return 0;
}

static int bond_parse(struct ipctx *ctx, struct nl_req *r,
		      const char *kind, int argc, char **argv)
{
	size_t i;
	int rc;

	for (; argc > 0; argc--, argv++) {
		const struct bond_opt *o = NULL;

		for (i = 0; i < N_OPTS; i++)
			if (opts[i].type != B_AD && streq(argv[0], opts[i].name))
				o = &opts[i];
		if (!o)
			return kind_unknown("bond", "command", argv[0], bond_usage);
		if (o->type == B_CLEAR) {
			nl_put_u32(r, o->attr, 0);
			continue;
		}
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		rc = bond_value(ctx, r, o, argv[0]);
		if (rc)
			return rc;
	}
	return EXIT_OK;
}

/* ---- printing: the details line ---- */

static uint32_t attr_num(const struct rtattr *a, unsigned int size)
{
	if (nl_attr_len(a) < size)
		return 0;
	return size == 1 ? nl_attr_u8(a) : size == 2 ? nl_attr_u16(a) :
	       nl_attr_u32(a);
}

static const char *json_key(const struct bond_opt *s)
{
	return s->key ? s->key : s->name;
}

/* "arp_ip_target 10.0.0.1,10.0.0.2 ": a JSON array of strings. */
static void print_targets(struct out *o, const struct bond_opt *s,
			  const struct rtattr *nest)
{
	const struct rtattr *a = nl_attr_data(nest);
	unsigned int left = nl_attr_len(nest);
	unsigned int size = s->type == B_IP4 ? 4 : 16;
	bool first = true;
	char buf[64];

	out_text(o, "%s ", s->name);
	out_arr_open(o, json_key(s));
	for (; RTA_OK(a, left); a = nl_attr_next(a, &left)) {
		if (nl_attr_len(a) < size)
			continue;
		format_addr(size == 4 ? AF_INET : AF_INET6, nl_attr_data(a),
			    size, buf, sizeof(buf));
		if (!first)
			out_text(o, ",");
		out_str(o, OUT_ANY, NULL, "%s", buf);
		first = false;
	}
	out_arr_close(o);
	out_text(o, " ");
}

static void print_ad_info(struct out *o, const struct rtattr *nest)
{
	static const struct {
		unsigned short attr;
		const char *key, *fmt;
	} f[] = {
		{ IFLA_BOND_AD_INFO_AGGREGATOR, "aggregator", "ad_aggregator %d " },
		{ IFLA_BOND_AD_INFO_NUM_PORTS, "num_ports", "ad_num_ports %d " },
		{ IFLA_BOND_AD_INFO_ACTOR_KEY, "actor_key", "ad_actor_key %d " },
		{ IFLA_BOND_AD_INFO_PARTNER_KEY, "partner_key", "ad_partner_key %d " },
	};
	struct rtattr *tb[IFLA_BOND_AD_INFO_MAX + 1];
	char buf[32];
	size_t i;

	nl_parse_nested(tb, IFLA_BOND_AD_INFO_MAX, nest);
	out_obj_open(o, "ad_info");
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (tb[f[i].attr])
			out_int(o, OUT_ANY, f[i].key, f[i].fmt,
				attr_num(tb[f[i].attr], 2));
	if (tb[IFLA_BOND_AD_INFO_PARTNER_MAC])
		out_str(o, OUT_ANY, "partner_mac", "ad_partner_mac %s ",
			format_lladdr(nl_attr_data(tb[IFLA_BOND_AD_INFO_PARTNER_MAC]),
				      nl_attr_len(tb[IFLA_BOND_AD_INFO_PARTNER_MAC]),
				      buf, sizeof(buf)));
	out_obj_close(o);
}

static void print_one(struct ipctx *ctx, const struct bond_opt *s,
		      const struct rtattr *a)
{
	static const unsigned char sizes[] = { 1, 2, 4 };
	struct out *o = &ctx->out;
	const char *key = json_key(s);
	char fmt[48], buf[64];
	uint32_t v = attr_num(a, s->type <= B_U32 ? sizes[s->type] : 4);
	size_t n = 0;

	snprintf(fmt, sizeof(fmt), "%s %%s ", s->name);
	if (s->type <= B_U32 && !s->names) {
		snprintf(fmt, sizeof(fmt), "%s %%u ", s->name);
		out_uint(o, OUT_ANY, key, fmt, v);
		return;
	}
	switch (s->type) {
	case B_DEV:
		if (v)
			out_str(o, OUT_ANY, key, fmt,
				ll_name_or_num(ctx, v, buf, sizeof(buf)));
		return;
	case B_MAC:
		out_str(o, OUT_ANY, key, fmt,
			format_lladdr(nl_attr_data(a), nl_attr_len(a), buf,
				      sizeof(buf)));
		return;
	case B_AD:
		print_ad_info(o, a);
		return;
	case B_IP4:
	case B_IP6:
		print_targets(o, s, a);
		return;
	}
	while (s->names[n] && n < v)	/* a named value */
		n++;
	if (s->attr == IFLA_BOND_ARP_VALIDATE && !v)
		out_null(o, OUT_ANY, key, fmt, "none");
	else if (s->names[n])
		out_str(o, OUT_ANY, key, fmt, s->names[n]);
}

static void bond_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_BOND_MAX + 1];
	size_t i;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_BOND_MAX, data);
	for (i = 0; i < sizeof(print_order); i++) {
		const struct bond_opt *s = &opts[print_order[i]];

		if (tb[s->attr])
			print_one(ctx, s, tb[s->attr]);
	}
}

const struct link_kind bond_kind = {
	.name = "bond",
	.parse = bond_parse,
	.print = bond_print,
	.usage = bond_usage,
};

/* ---- bond_slave: queue_id and prio to set, its state to show ---- */

static void bond_slave_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_BOND_SLAVE);
}

static int bond_slave_parse(struct ipctx *ctx, struct nl_req *r,
			    const char *kind, int argc, char **argv)
{
	uint32_t v;
	int32_t p;

	for (; argc > 0; argc--, argv++) {
		bool queue = streq(argv[0], "queue_id");

		if (!queue && !streq(argv[0], "prio"))
			return kind_unknown("bond_slave", "option", argv[0],
					    bond_slave_usage);
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		if (queue) {
			if (parse_u32(&v, argv[0], 0) || v > 0xffff)
				return invarg("queue_id is invalid", argv[0]);
			nl_put_u16(r, IFLA_BOND_SLAVE_QUEUE_ID, v);
		} else {
			if (parse_s32(&p, argv[0], 0))
				return invarg("prio is invalid", argv[0]);
			nl_put_u32(r, IFLA_BOND_SLAVE_PRIO, p);
		}
	}
	return EXIT_OK;
}

/* An 802.3ad port state: the number, then its bits by name ("<a,b> "). */
static void print_port_state(struct out *o, const char *key, uint32_t v)
{
	static const char *const bits[] = { "active", "short_timeout",
		"aggregating", "in_sync", "collecting", "distributing",
		"defaulted", "expired" };
	char fmt[64], skey[64];
	bool first = true;
	int i;

	snprintf(fmt, sizeof(fmt), "%s %%u ", key);
	out_uint(o, OUT_ANY, key, fmt, v);
	snprintf(skey, sizeof(skey), "%s_str", key);
	out_text(o, "%s <", skey);
	out_arr_open(o, skey);
	for (i = 0; i < 8; i++)
		if (v & (1u << i)) {
			out_str(o, OUT_ANY, NULL, first ? "%s" : ",%s", bits[i]);
			first = false;
		}
	out_arr_close(o);
	out_text(o, "> ");
}

static void bond_slave_print(struct ipctx *ctx, const struct rtattr *data)
{
	static const char *const states[] = { "ACTIVE", "BACKUP" };
	static const char *const mii[] = { "UP", "GOING_DOWN", "DOWN",
					   "GOING_BACK" };
	struct rtattr *tb[IFLA_BOND_SLAVE_MAX + 1];
	struct out *o = &ctx->out;
	char buf[64];
	uint32_t v;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_BOND_SLAVE_MAX, data);
	if (tb[IFLA_BOND_SLAVE_STATE] &&
	    (v = nl_attr_u8(tb[IFLA_BOND_SLAVE_STATE])) < 2)
		out_str(o, OUT_ANY, "state", "state %s ", states[v]);
	if (tb[IFLA_BOND_SLAVE_MII_STATUS] &&
	    (v = nl_attr_u8(tb[IFLA_BOND_SLAVE_MII_STATUS])) < 4)
		out_str(o, OUT_ANY, "mii_status", "mii_status %s ", mii[v]);
	if (tb[IFLA_BOND_SLAVE_LINK_FAILURE_COUNT])
		out_uint(o, OUT_ANY, "link_failure_count", "link_failure_count %u ",
			 attr_num(tb[IFLA_BOND_SLAVE_LINK_FAILURE_COUNT], 4));
	if (tb[IFLA_BOND_SLAVE_PERM_HWADDR])
		out_str(o, OUT_ANY, "perm_hwaddr", "perm_hwaddr %s ",
			format_lladdr(nl_attr_data(tb[IFLA_BOND_SLAVE_PERM_HWADDR]),
				      nl_attr_len(tb[IFLA_BOND_SLAVE_PERM_HWADDR]),
				      buf, sizeof(buf)));
	if (tb[IFLA_BOND_SLAVE_QUEUE_ID])
		out_uint(o, OUT_ANY, "queue_id", "queue_id %u ",
			 attr_num(tb[IFLA_BOND_SLAVE_QUEUE_ID], 2));
	if (tb[IFLA_BOND_SLAVE_PRIO])
		out_int(o, OUT_ANY, "prio", "prio %d ",
			attr_num(tb[IFLA_BOND_SLAVE_PRIO], 4));
	if (tb[IFLA_BOND_SLAVE_AD_AGGREGATOR_ID])
		out_uint(o, OUT_ANY, "ad_aggregator_id", "ad_aggregator_id %u ",
			 attr_num(tb[IFLA_BOND_SLAVE_AD_AGGREGATOR_ID], 2));
	if (tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE])
		print_port_state(o, "ad_actor_oper_port_state",
				 attr_num(tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE], 1));
	if (tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE])
		print_port_state(o, "ad_partner_oper_port_state",
				 attr_num(tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE], 2));
}

const struct link_kind bond_slave_kind = {
	.name = "bond_slave",
	.parse = bond_slave_parse,
	.print = bond_slave_print,
	.usage = bond_slave_usage,
};
