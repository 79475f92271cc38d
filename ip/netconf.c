/* Per-device IP configuration (RTM_NEWNETCONF) as the reference prints it:
 * for ip monitor's netconf events. */
#include <linux/netconf.h>

#include "ip.h"
#include "route.h"

static void print_rp_filter(struct out *o, uint32_t v)
{
	static const char *const names[] = { "off", "strict", "loose" };

	if (v < 3)
		out_str(o, OUT_ANY, "rp_filter", "rp_filter %s ", names[v]);
	else
		out_uint(o, OUT_ANY, "rp_filter", "rp_filter %u ", v);
}

static void netconf_onoff(struct out *o, struct rtattr *a, const char *key)
{
	char fmt[48];

	if (!a || nl_attr_len(a) < 4)
		return;
	snprintf(fmt, sizeof(fmt), "%s %%s ", key);
	out_on_off(o, OUT_ANY, key, fmt, nl_attr_u32(a) != 0);
}

static void netconf_dev(struct ipctx *ctx, int ifindex)
{
	char buf[32];
	const char *name;

	if (ifindex == NETCONFA_IFINDEX_ALL)
		name = "all";
	else if (ifindex == NETCONFA_IFINDEX_DEFAULT)
		name = "default";
	else
		name = ll_name_or_num(ctx, ifindex, buf, sizeof(buf));
	out_cstr(&ctx->out, OUT_ANY, C_IFNAME, "interface", "%s ", name);
}

void print_netconf(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct rtattr *tb[NETCONFA_MAX + 1], *rta;
	struct netconfmsg *n = NLMSG_DATA(nlh);
	struct out *o = &ctx->out;
	size_t len;
	int dev = 0;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*n)))
		return;
	rta = nl_msg_attrs(nlh, NLMSG_ALIGN(sizeof(*n)), &len);
	nl_parse(tb, NETCONFA_MAX, rta, len, NULL);
	if (tb[NETCONFA_IFINDEX] && nl_attr_len(tb[NETCONFA_IFINDEX]) >= 4)
		dev = nl_attr_s32(tb[NETCONFA_IFINDEX]);
	out_obj_open(o, NULL);
	if (nlh->nlmsg_type == RTM_DELNETCONF)
		out_bool(o, OUT_ANY, "deleted", "Deleted ", true);
	out_str(o, OUT_ANY, "family", "%s ", family_name(n->ncm_family));
	if (tb[NETCONFA_IFINDEX])
		netconf_dev(ctx, dev);
	netconf_onoff(o, tb[NETCONFA_FORWARDING], "forwarding");
	if (tb[NETCONFA_RP_FILTER] && nl_attr_len(tb[NETCONFA_RP_FILTER]) >= 4)
		print_rp_filter(o, nl_attr_u32(tb[NETCONFA_RP_FILTER]));
	netconf_onoff(o, tb[NETCONFA_MC_FORWARDING], "mc_forwarding");
	netconf_onoff(o, tb[NETCONFA_PROXY_NEIGH], "proxy_neigh");
	netconf_onoff(o, tb[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN],
		      "ignore_routes_with_linkdown");
	netconf_onoff(o, tb[NETCONFA_INPUT], "input");
	out_obj_close(o);
	out_eol(o);
}
