/* type bridge and bridge_slave (bridge ports): options and details. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>

#include "link_kind.h"
#include "usage_text.h"

enum opt_type { T_FLAG, T_U8, T_U16, T_U32, T_U64, T_ONOFF };

struct kind_opt {
	const char *name;
	unsigned short attr;
	unsigned char type;
};

/* The bridge's options that are a plain number. */
static const struct kind_opt bridge_opts[] = {
	{ "fdb_flush", IFLA_BR_FDB_FLUSH, T_FLAG },
	{ "forward_delay", IFLA_BR_FORWARD_DELAY, T_U32 },
	{ "hello_time", IFLA_BR_HELLO_TIME, T_U32 },
	{ "max_age", IFLA_BR_MAX_AGE, T_U32 },
	{ "ageing_time", IFLA_BR_AGEING_TIME, T_U32 },
	{ "stp_state", IFLA_BR_STP_STATE, T_U32 },
	{ "priority", IFLA_BR_PRIORITY, T_U16 },
	{ "vlan_filtering", IFLA_BR_VLAN_FILTERING, T_U8 },
	{ "group_fwd_mask", IFLA_BR_GROUP_FWD_MASK, T_U16 },
	{ "vlan_default_pvid", IFLA_BR_VLAN_DEFAULT_PVID, T_U16 },
	{ "vlan_stats_enabled", IFLA_BR_VLAN_STATS_ENABLED, T_U8 },
	{ "vlan_stats_per_port", IFLA_BR_VLAN_STATS_PER_PORT, T_U8 },
	{ "mcast_router", IFLA_BR_MCAST_ROUTER, T_U8 },
	{ "mcast_snooping", IFLA_BR_MCAST_SNOOPING, T_U8 },
	{ "mcast_query_use_ifaddr", IFLA_BR_MCAST_QUERY_USE_IFADDR, T_U8 },
	{ "mcast_querier", IFLA_BR_MCAST_QUERIER, T_U8 },
	{ "mcast_hash_elasticity", IFLA_BR_MCAST_HASH_ELASTICITY, T_U32 },
	{ "mcast_hash_max", IFLA_BR_MCAST_HASH_MAX, T_U32 },
	{ "mcast_last_member_count", IFLA_BR_MCAST_LAST_MEMBER_CNT, T_U32 },
	{ "mcast_startup_query_count", IFLA_BR_MCAST_STARTUP_QUERY_CNT, T_U32 },
	{ "mcast_last_member_interval", IFLA_BR_MCAST_LAST_MEMBER_INTVL, T_U64 },
	{ "mcast_membership_interval", IFLA_BR_MCAST_MEMBERSHIP_INTVL, T_U64 },
	{ "mcast_querier_interval", IFLA_BR_MCAST_QUERIER_INTVL, T_U64 },
	{ "mcast_query_interval", IFLA_BR_MCAST_QUERY_INTVL, T_U64 },
	{ "mcast_query_response_interval", IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, T_U64 },
	{ "mcast_startup_query_interval", IFLA_BR_MCAST_STARTUP_QUERY_INTVL, T_U64 },
	{ "mcast_stats_enabled", IFLA_BR_MCAST_STATS_ENABLED, T_U8 },
	{ "mcast_igmp_version", IFLA_BR_MCAST_IGMP_VERSION, T_U8 },
	{ "mcast_mld_version", IFLA_BR_MCAST_MLD_VERSION, T_U8 },
	{ "nf_call_iptables", IFLA_BR_NF_CALL_IPTABLES, T_U8 },
	{ "nf_call_ip6tables", IFLA_BR_NF_CALL_IP6TABLES, T_U8 },
	{ "nf_call_arptables", IFLA_BR_NF_CALL_ARPTABLES, T_U8 },
};

static const struct kind_opt *find_opt(const struct kind_opt *t, size_t n,
				       const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (streq(t[i].name, name))
			return &t[i];
	return NULL;
}

/* A numeric option's value; the error names the option like the
 * reference: "invalid forward_delay". */
static int put_number(struct nl_req *r, const struct kind_opt *o,
		      const char *arg, const char *errfmt)
{
	uint64_t v, max = o->type == T_U8 ? 0xff : o->type == T_U16 ? 0xffff :
			  o->type == T_U32 ? 0xffffffffu : UINT64_MAX;
	char msg[96];

	if (parse_u64(&v, arg, 0) || v > max) {
		snprintf(msg, sizeof(msg), errfmt, o->name);
		return invarg(msg, arg);
	}
	switch (o->type) {
	case T_U8: nl_put_u8(r, o->attr, v); break;
	case T_U16: nl_put_u16(r, o->attr, v); break;
	case T_U32: nl_put_u32(r, o->attr, v); break;
	default: nl_put_u64(r, o->attr, v); break;
	}
	return 0;
}

static void bridge_usage(FILE *f, const char *kind)
{
	size_t i;

	usage_print(f, USAGE_BRIDGE);
	for (i = 1; i < sizeof(bridge_opts) / sizeof(bridge_opts[0]); i++)
		fprintf(f, " |\n            %s NUMBER", bridge_opts[i].name);
	fprintf(f, " }\n");
}

static int bridge_special(struct nl_req *r, struct br_boolopt_multi *bm,
			  const char *key, const char *arg)
{
	uint8_t mac[33] = { 0 };
	uint32_t v;

	if (streq(key, "vlan_protocol")) {
		return put_vlan_proto(r, IFLA_BR_VLAN_PROTOCOL, arg,
				      "invalid vlan_protocol");
	}
	if (streq(key, "group_address")) {
		/* any length goes to the kernel, as from iproute2 */
		int n = get_lladdr(mac, sizeof(mac) - 1, arg);

		if (n < 0)
			return EXIT_FAIL;
		nl_put(r, IFLA_BR_GROUP_ADDR, mac, n);
		return 0;
	}
	/* no_linklocal_learn and mcast_vlan_snooping: bits of one boolopt. */
	if (parse_u32(&v, arg, 0) || v > 1)
		return invarg(streq(key, "no_linklocal_learn") ?
			      "invalid no_linklocal_learn" :
			      "invalid mcast_vlan_snooping", arg);
	v = streq(key, "no_linklocal_learn") ? 1u << BR_BOOLOPT_NO_LL_LEARN :
		1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING;
	bm->optmask |= v;
	if (streq(arg, "1") || strtoul(arg, NULL, 0))
		bm->optval |= v;
	else
		bm->optval &= ~v;
	return 0;
}

static int bridge_parse(struct ipctx *ctx, struct nl_req *r,
			const char *kind, int argc, char **argv)
{
	struct br_boolopt_multi bm = { 0, 0 };
	int rc;

	for (; argc > 0; argc--, argv++) {
		const char *key = argv[0];
		const struct kind_opt *o = find_opt(bridge_opts,
			sizeof(bridge_opts) / sizeof(bridge_opts[0]), key);

		if (o && o->type == T_FLAG) {
			nl_put_flag(r, o->attr);
			continue;
		}
		if (!o && strcmp(key, "vlan_protocol") &&
		    strcmp(key, "group_address") &&
		    strcmp(key, "no_linklocal_learn") &&
		    strcmp(key, "mcast_vlan_snooping"))
			return kind_unknown("bridge", "command", key, bridge_usage);
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		rc = o ? put_number(r, o, argv[0], "invalid %s") :
			 bridge_special(r, &bm, key, argv[0]);
		if (rc)
			return rc;
	}
	if (bm.optmask)
		nl_put(r, IFLA_BR_MULTI_BOOLOPT, &bm, sizeof(bm));
	return EXIT_OK;
}

/* ---- printing ---- */

static const struct kind_field br_head[] = {
	{ IFLA_BR_FORWARD_DELAY, P_U32, "forward_delay" },
	{ IFLA_BR_HELLO_TIME, P_U32, "hello_time" },
	{ IFLA_BR_MAX_AGE, P_U32, "max_age" },
	{ IFLA_BR_AGEING_TIME, P_U32, "ageing_time" },
	{ IFLA_BR_STP_STATE, P_U32, "stp_state" },
	{ IFLA_BR_PRIORITY, P_U16, "priority" },
	{ IFLA_BR_VLAN_FILTERING, P_U8, "vlan_filtering" },
};

static const struct kind_field br_mid[] = {
	{ IFLA_BR_BRIDGE_ID, P_ID, "bridge_id" },
	{ IFLA_BR_ROOT_ID, P_ID | F_TEXT, "root_id\0designated_root" },
	{ IFLA_BR_ROOT_PORT, P_U16, "root_port" },
	{ IFLA_BR_ROOT_PATH_COST, P_U32, "root_path_cost" },
	{ IFLA_BR_TOPOLOGY_CHANGE, P_U8, "topology_change" },
	{ IFLA_BR_TOPOLOGY_CHANGE_DETECTED, P_U8, "topology_change_detected" },
	{ IFLA_BR_HELLO_TIMER, P_TIMER, "hello_timer" },
	{ IFLA_BR_TCN_TIMER, P_TIMER, "tcn_timer" },
	{ IFLA_BR_TOPOLOGY_CHANGE_TIMER, P_TIMER, "topology_change_timer" },
	{ IFLA_BR_GC_TIMER, P_TIMER, "gc_timer" },
	{ IFLA_BR_VLAN_DEFAULT_PVID, P_U16, "vlan_default_pvid" },
	{ IFLA_BR_VLAN_STATS_ENABLED, P_U8, "vlan_stats_enabled" },
	{ IFLA_BR_VLAN_STATS_PER_PORT, P_U8, "vlan_stats_per_port" },
	{ IFLA_BR_GROUP_FWD_MASK, P_HEX, "group_fwd_mask" },
};

static const struct kind_field br_mcast[] = {
	{ IFLA_BR_MCAST_ROUTER, P_U8, "mcast_router" },
	{ IFLA_BR_MCAST_QUERY_USE_IFADDR, P_U8, "mcast_query_use_ifaddr" },
	{ IFLA_BR_MCAST_QUERIER, P_U8, "mcast_querier" },
	{ IFLA_BR_MCAST_HASH_ELASTICITY, P_U32, "mcast_hash_elasticity" },
	{ IFLA_BR_MCAST_HASH_MAX, P_U32, "mcast_hash_max" },
	{ IFLA_BR_MCAST_LAST_MEMBER_CNT, P_U32 | F_TEXT,
	  "mcast_last_member_cnt\0mcast_last_member_count" },
	{ IFLA_BR_MCAST_STARTUP_QUERY_CNT, P_U32 | F_TEXT,
	  "mcast_startup_query_cnt\0mcast_startup_query_count" },
	{ IFLA_BR_MCAST_LAST_MEMBER_INTVL, P_U64 | F_TEXT,
	  "mcast_last_member_intvl\0mcast_last_member_interval" },
	{ IFLA_BR_MCAST_MEMBERSHIP_INTVL, P_U64 | F_TEXT,
	  "mcast_membership_intvl\0mcast_membership_interval" },
	{ IFLA_BR_MCAST_QUERIER_INTVL, P_U64 | F_TEXT,
	  "mcast_querier_intvl\0mcast_querier_interval" },
	{ IFLA_BR_MCAST_QUERY_INTVL, P_U64 | F_TEXT,
	  "mcast_query_intvl\0mcast_query_interval" },
	{ IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, P_U64 | F_TEXT,
	  "mcast_query_response_intvl\0mcast_query_response_interval" },
	{ IFLA_BR_MCAST_STARTUP_QUERY_INTVL, P_U64 | F_TEXT,
	  "mcast_startup_query_intvl\0mcast_startup_query_interval" },
	{ IFLA_BR_MCAST_STATS_ENABLED, P_U8, "mcast_stats_enabled" },
	{ IFLA_BR_MCAST_IGMP_VERSION, P_U8, "mcast_igmp_version" },
	{ IFLA_BR_MCAST_MLD_VERSION, P_U8, "mcast_mld_version" },
	{ IFLA_BR_NF_CALL_IPTABLES, P_U8, "nf_call_iptables" },
	{ IFLA_BR_NF_CALL_IP6TABLES, P_U8, "nf_call_ip6tables" },
	{ IFLA_BR_NF_CALL_ARPTABLES, P_U8, "nf_call_arptables" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void bridge_print_boolopts(struct out *o, const struct rtattr *a)
{
	struct br_boolopt_multi bm;

	if (nl_attr_len(a) < sizeof(bm))
		return;
	memcpy(&bm, nl_attr_data(a), sizeof(bm));
	if (bm.optmask & (1u << BR_BOOLOPT_NO_LL_LEARN))
		out_uint(o, OUT_ANY, "no_linklocal_learn", "no_linklocal_learn %u ",
			 !!(bm.optval & (1u << BR_BOOLOPT_NO_LL_LEARN)));
	if (bm.optmask & (1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING))
		out_uint(o, OUT_ANY, "mcast_vlan_snooping",
			 "mcast_vlan_snooping %u ",
			 !!(bm.optval & (1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING)));
}

static void bridge_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_BR_MAX + 1];
	struct out *o = &ctx->out;
	char buf[64];

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_BR_MAX, data);
	print_fields(o, br_head, N(br_head), tb);
	if (tb[IFLA_BR_VLAN_PROTOCOL])
		print_vlan_proto(o, tb[IFLA_BR_VLAN_PROTOCOL], "vlan_protocol",
				 "0x%x");
	print_fields(o, br_mid, N(br_mid), tb);
	if (tb[IFLA_BR_GROUP_ADDR]) {
		format_lladdr(nl_attr_data(tb[IFLA_BR_GROUP_ADDR]),
			      nl_attr_len(tb[IFLA_BR_GROUP_ADDR]), buf, sizeof(buf));
		out_str(o, OUT_ANY, "group_addr", "group_address %s ", buf);
	}
	if (tb[IFLA_BR_MCAST_SNOOPING])
		out_uint(o, OUT_ANY, "mcast_snooping", "mcast_snooping %u ",
			 nl_attr_u8(tb[IFLA_BR_MCAST_SNOOPING]));
	if (tb[IFLA_BR_MULTI_BOOLOPT])
		bridge_print_boolopts(o, tb[IFLA_BR_MULTI_BOOLOPT]);
	print_fields(o, br_mcast, N(br_mcast), tb);
}

const struct link_kind bridge_kind = {
	.name = "bridge",
	.parse = bridge_parse,
	.print = bridge_print,
	.usage = bridge_usage,
};

/* ---- bridge ports ---- */

static const struct kind_opt port_opts[] = {
	{ "fdb_flush", IFLA_BRPORT_FLUSH, T_FLAG },
	{ "state", IFLA_BRPORT_STATE, T_U8 },
	{ "priority", IFLA_BRPORT_PRIORITY, T_U16 },
	{ "cost", IFLA_BRPORT_COST, T_U32 },
	{ "guard", IFLA_BRPORT_GUARD, T_ONOFF },
	{ "hairpin", IFLA_BRPORT_MODE, T_ONOFF },
	{ "fastleave", IFLA_BRPORT_FAST_LEAVE, T_ONOFF },
	{ "root_block", IFLA_BRPORT_PROTECT, T_ONOFF },
	{ "learning", IFLA_BRPORT_LEARNING, T_ONOFF },
	{ "flood", IFLA_BRPORT_UNICAST_FLOOD, T_ONOFF },
	{ "mcast_flood", IFLA_BRPORT_MCAST_FLOOD, T_ONOFF },
	{ "bcast_flood", IFLA_BRPORT_BCAST_FLOOD, T_ONOFF },
	{ "mcast_to_unicast", IFLA_BRPORT_MCAST_TO_UCAST, T_ONOFF },
	{ "proxy_arp", IFLA_BRPORT_PROXYARP, T_ONOFF },
	{ "proxy_arp_wifi", IFLA_BRPORT_PROXYARP_WIFI, T_ONOFF },
	{ "mcast_router", IFLA_BRPORT_MULTICAST_ROUTER, T_U8 },
	{ "mcast_fast_leave", IFLA_BRPORT_FAST_LEAVE, T_ONOFF },
	{ "neigh_suppress", IFLA_BRPORT_NEIGH_SUPPRESS, T_ONOFF },
	{ "group_fwd_mask", IFLA_BRPORT_GROUP_FWD_MASK, T_U16 },
	{ "vlan_tunnel", IFLA_BRPORT_VLAN_TUNNEL, T_ONOFF },
	{ "isolated", IFLA_BRPORT_ISOLATED, T_ONOFF },
	{ "locked", IFLA_BRPORT_LOCKED, T_ONOFF },
	{ "nobackup_port", IFLA_BRPORT_BACKUP_PORT, T_FLAG },
};

static void bridge_slave_usage(FILE *f, const char *kind)
{
	size_t i;

	usage_print(f, USAGE_BRIDGE_SLAVE);
	for (i = 1; i < N(port_opts) - 1; i++)
		fprintf(f, "%s%s %s", i > 1 ? " |\n            " : " ",
			port_opts[i].name,
			port_opts[i].type == T_ONOFF ? "{ on | off }" : "NUMBER");
	fprintf(f, " }\n");
}

static int port_value(struct ipctx *ctx, struct nl_req *r,
		      const struct kind_opt *o, const char *arg)
{
	int on;

	if (o->type != T_ONOFF)
		return put_number(r, o, arg, "%s is invalid");
	on = on_off_strict(o->name, arg);
	if (on < 0)
		return EXIT_FAIL;
	nl_put_u8(r, o->attr, on);
	return 0;
}

static int bridge_slave_parse(struct ipctx *ctx, struct nl_req *r,
			      const char *kind, int argc, char **argv)
{
	int rc;

	for (; argc > 0; argc--, argv++) {
		const char *key = argv[0];
		const struct kind_opt *o = find_opt(port_opts, N(port_opts), key);

		if (o && o->type == T_FLAG) {
			if (o->attr == IFLA_BRPORT_BACKUP_PORT)
				nl_put_u32(r, o->attr, 0);
			else
				nl_put_flag(r, o->attr);
			continue;
		}
		if (!o && !streq(key, "backup_port"))
			return kind_unknown("bridge_slave", "option", key,
					    bridge_slave_usage);
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		if (!o) {
			int idx = ll_index(ctx, argv[0]);

			if (!idx)
				return invarg("Device does not exist\n", argv[0]);
			nl_put_u32(r, IFLA_BRPORT_BACKUP_PORT, idx);
			continue;
		}
		rc = port_value(ctx, r, o, argv[0]);
		if (rc)
			return rc;
	}
	return EXIT_OK;
}

static const char *const port_states[] = {
	"disabled", "listening", "learning", "forwarding", "blocking",
};

static const struct kind_field port_a[] = {
	{ IFLA_BRPORT_PRIORITY, P_U16, "priority" },
	{ IFLA_BRPORT_COST, P_U32, "cost" },
	{ IFLA_BRPORT_MODE, P_ONOFF, "hairpin" },
	{ IFLA_BRPORT_GUARD, P_ONOFF, "guard" },
	{ IFLA_BRPORT_PROTECT, P_ONOFF, "root_block" },
	{ IFLA_BRPORT_FAST_LEAVE, P_ONOFF, "fastleave" },
	{ IFLA_BRPORT_LEARNING, P_ONOFF, "learning" },
	{ IFLA_BRPORT_UNICAST_FLOOD, P_ONOFF, "flood" },
	{ IFLA_BRPORT_ID, P_HEX | F_TEXT, "id\0port_id" },
	{ IFLA_BRPORT_NO, P_HEX | F_TEXT, "no\0port_no" },
	{ IFLA_BRPORT_DESIGNATED_PORT, P_U16, "designated_port" },
	{ IFLA_BRPORT_DESIGNATED_COST, P_U16, "designated_cost" },
	{ IFLA_BRPORT_BRIDGE_ID, P_ID | F_TEXT,
	  "bridge_id\0designated_bridge" },
	{ IFLA_BRPORT_ROOT_ID, P_ID | F_TEXT, "root_id\0designated_root" },
	{ IFLA_BRPORT_HOLD_TIMER, P_TIMER, "hold_timer" },
	{ IFLA_BRPORT_MESSAGE_AGE_TIMER, P_TIMER, "message_age_timer" },
	{ IFLA_BRPORT_FORWARD_DELAY_TIMER, P_TIMER, "forward_delay_timer" },
	{ IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, P_U8, "topology_change_ack" },
	{ IFLA_BRPORT_CONFIG_PENDING, P_U8, "config_pending" },
	{ IFLA_BRPORT_PROXYARP, P_ONOFF, "proxy_arp" },
	{ IFLA_BRPORT_PROXYARP_WIFI, P_ONOFF, "proxy_arp_wifi" },
	{ IFLA_BRPORT_MULTICAST_ROUTER, P_U8 | F_TEXT,
	  "multicast_router\0mcast_router" },
};

static const struct kind_field port_c[] = {
	{ IFLA_BRPORT_MCAST_FLOOD, P_ONOFF, "mcast_flood" },
	{ IFLA_BRPORT_BCAST_FLOOD, P_ONOFF, "bcast_flood" },
	{ IFLA_BRPORT_MCAST_TO_UCAST, P_ONOFF, "mcast_to_unicast" },
	{ IFLA_BRPORT_NEIGH_SUPPRESS, P_ONOFF, "neigh_suppress" },
};

static const struct kind_field port_d[] = {
	{ IFLA_BRPORT_VLAN_TUNNEL, P_ONOFF, "vlan_tunnel" },
	{ IFLA_BRPORT_ISOLATED, P_ONOFF, "isolated" },
	{ IFLA_BRPORT_LOCKED, P_ONOFF, "locked" },
};

/* Known group forward mask bits by name, others in hex. */
static void print_fwd_mask_str(struct out *o, unsigned int mask)
{
	static const char *const names[16] = {
		[0] = "stp", [2] = "lacp", [14] = "lldp",
	};
	char buf[128] = "";
	size_t at = 0;
	int i;

	for (i = 0; i < 16; i++) {
		if (!(mask & (1u << i)))
			continue;
		if (names[i])
			at += snprintf(buf + at, sizeof(buf) - at, "%s,", names[i]);
		else
			at += snprintf(buf + at, sizeof(buf) - at, "0x%x,", 1u << i);
	}
	if (at)
		buf[at - 1] = '\0';
	else
		snprintf(buf, sizeof(buf), "0x0");
	out_str(o, OUT_ANY, "group_fwd_mask_str", "group_fwd_mask_str %s ", buf);
}

static void bridge_slave_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_BRPORT_MAX + 1];
	struct out *o = &ctx->out;
	char buf[32];

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_BRPORT_MAX, data);
	if (tb[IFLA_BRPORT_STATE]) {
		unsigned int s = nl_attr_u8(tb[IFLA_BRPORT_STATE]);

		if (s < N(port_states))
			out_str(o, OUT_ANY, "state", "state %s ", port_states[s]);
		else
			out_uint(o, OUT_ANY, "state_index", "state (%d) ", s);
	}
	print_fields(o, port_a, N(port_a), tb);
	if (tb[IFLA_BRPORT_FAST_LEAVE])
		out_on_off(o, OUT_TEXT, NULL, "mcast_fast_leave %s ",
			   nl_attr_u8(tb[IFLA_BRPORT_FAST_LEAVE]));
	print_fields(o, port_c, N(port_c), tb);
	if (tb[IFLA_BRPORT_GROUP_FWD_MASK]) {
		unsigned int m = nl_attr_u16(tb[IFLA_BRPORT_GROUP_FWD_MASK]);

		print_hex_str(o, "group_fwd_mask", "group_fwd_mask %#llx ", m);
		print_fwd_mask_str(o, m);
	}
	print_fields(o, port_d, N(port_d), tb);
	if (tb[IFLA_BRPORT_BACKUP_PORT])
		out_str(o, OUT_ANY, "backup_port", "backup_port %s ",
			ll_name_or_num(ctx, nl_attr_u32(tb[IFLA_BRPORT_BACKUP_PORT]),
				       buf, sizeof(buf)));
}

const struct link_kind bridge_slave_kind = {
	.name = "bridge_slave",
	.parse = bridge_slave_parse,
	.print = bridge_slave_print,
	.usage = bridge_slave_usage,
};
