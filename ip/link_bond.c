/* type bond: encoded for kernels that have it (this one may not). */
#include <arpa/inet.h>
#include <string.h>
#include <linux/if_link.h>

#include "link_kind.h"

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

enum { B_U8, B_U16, B_U32, B_DEV, B_IP4, B_IP6, B_MAC, B_CLEAR };

static const struct bond_opt {
	const char *name;
	unsigned short attr;
	unsigned char type;
	const char *const *names;	/* value names, else a number */
} opts[] = {
	{ "mode", IFLA_BOND_MODE, B_U8, modes },
	{ "active_slave", IFLA_BOND_ACTIVE_SLAVE, B_DEV, NULL },
	{ "clear_active_slave", IFLA_BOND_ACTIVE_SLAVE, B_CLEAR, NULL },
	{ "miimon", IFLA_BOND_MIIMON, B_U32, NULL },
	{ "updelay", IFLA_BOND_UPDELAY, B_U32, NULL },
	{ "downdelay", IFLA_BOND_DOWNDELAY, B_U32, NULL },
	{ "peer_notify_delay", IFLA_BOND_PEER_NOTIF_DELAY, B_U32, NULL },
	{ "use_carrier", IFLA_BOND_USE_CARRIER, B_U8, NULL },
	{ "arp_interval", IFLA_BOND_ARP_INTERVAL, B_U32, NULL },
	{ "arp_ip_target", IFLA_BOND_ARP_IP_TARGET, B_IP4, NULL },
	{ "ns_ip6_target", IFLA_BOND_NS_IP6_TARGET, B_IP6, NULL },
	{ "arp_validate", IFLA_BOND_ARP_VALIDATE, B_U32, arp_validate },
	{ "arp_all_targets", IFLA_BOND_ARP_ALL_TARGETS, B_U32, arp_all },
	{ "primary", IFLA_BOND_PRIMARY, B_DEV, NULL },
	{ "primary_reselect", IFLA_BOND_PRIMARY_RESELECT, B_U8, reselect },
	{ "fail_over_mac", IFLA_BOND_FAIL_OVER_MAC, B_U8, fail_over },
	{ "xmit_hash_policy", IFLA_BOND_XMIT_HASH_POLICY, B_U8, xmit_hash },
	{ "resend_igmp", IFLA_BOND_RESEND_IGMP, B_U32, NULL },
	{ "num_grat_arp", IFLA_BOND_NUM_PEER_NOTIF, B_U8, NULL },
	{ "num_unsol_na", IFLA_BOND_NUM_PEER_NOTIF, B_U8, NULL },
	{ "all_slaves_active", IFLA_BOND_ALL_SLAVES_ACTIVE, B_U8, NULL },
	{ "min_links", IFLA_BOND_MIN_LINKS, B_U32, NULL },
	{ "lp_interval", IFLA_BOND_LP_INTERVAL, B_U32, NULL },
	{ "packets_per_slave", IFLA_BOND_PACKETS_PER_SLAVE, B_U32, NULL },
	{ "tlb_dynamic_lb", IFLA_BOND_TLB_DYNAMIC_LB, B_U8, NULL },
	{ "lacp_rate", IFLA_BOND_AD_LACP_RATE, B_U8, lacp_rate },
	{ "lacp_active", IFLA_BOND_AD_LACP_ACTIVE, B_U8, off_on },
	{ "ad_select", IFLA_BOND_AD_SELECT, B_U8, ad_select },
	{ "ad_user_port_key", IFLA_BOND_AD_USER_PORT_KEY, B_U16, NULL },
	{ "ad_actor_sys_prio", IFLA_BOND_AD_ACTOR_SYS_PRIO, B_U16, NULL },
	{ "ad_actor_system", IFLA_BOND_AD_ACTOR_SYSTEM, B_MAC, NULL },
	{ "arp_missed_max", IFLA_BOND_MISSED_MAX, B_U8, NULL },
};

static void bond_usage(FILE *f)
{
	size_t i, col = 11;

	fprintf(f, "Usage: ... bond [ OPTION VALUE ]... [ clear_active_slave ]\n"
		   "OPTION := {");
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		if (opts[i].type == B_CLEAR)
			continue;
		if (col + strlen(opts[i].name) > 72) {
			fprintf(f, "\n          ");
			col = 10;
		}
		col += fprintf(f, "%s%s", i ? " | " : " ", opts[i].name);
	}
	fprintf(f, " }\n"
		   "Named values (numbers work too):\n");
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		const char *const *n = opts[i].names;

		if (!n || (i && opts[i - 1].names == n))
			continue;
		fprintf(f, "  %s:", opts[i].name);
		for (; *n; n++)
			fprintf(f, " %s", *n);
		fprintf(f, "\n");
	}
	fprintf(f, "arp_ip_target and ns_ip6_target take comma-separated addresses.\n");
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
	char *tok, *save = NULL;

	for (tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save), i++) {
		struct inet_addr a;

		if (parse_addr(&a, tok, family)) {
			fprintf(stderr, "Error: an %s address is expected rather than \"%s\"\n",
				family == AF_INET ? "IP" : "IPv6", tok);
			return EXIT_FAIL;
		}
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
		idx = ll_index(ctx, arg);
		if (!idx) {
			fprintf(stderr, "Cannot find device \"%s\"\n", arg);
			return EXIT_FAIL;
		}
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

static int bond_parse(struct ipctx *ctx, struct nl_req *r, int argc,
		      char **argv)
{
	size_t i;
	int rc;

	for (; argc > 0; argc--, argv++) {
		const struct bond_opt *o = NULL;

		for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
			if (streq(argv[0], opts[i].name))
				o = &opts[i];
		if (!o) {
			if (!matches(argv[0], "help"))
				fprintf(stderr, "bond: unknown command \"%s\"?\n",
					argv[0]);
			bond_usage(stderr);
			return EXIT_FAIL;
		}
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

const struct link_kind bond_kind = {
	.name = "bond",
	.parse = bond_parse,
	.usage = bond_usage,
};
