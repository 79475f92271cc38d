/* Pieces of the printer that routes and nexthop objects share (addresses,
 * gateways, devices, nexthop flags): below both, so neither calls the other. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <linux/mpls.h>

#include "rt_print.h"

enum out_color family_color(int family)
{
	return family == AF_INET ? C_INET : family == AF_INET6 ? C_INET6 : C_NONE;
}

/* MPLS labels as "L1/L2/...", up to the one marked bottom of stack. */
const char *mpls_text(const uint8_t *p, size_t len, char *buf,
			     size_t size)
{
	size_t i, off = 0;

	buf[0] = '\0';
	for (i = 0; i + 4 <= len && off < size; i += 4) {
		uint32_t e;

		memcpy(&e, p + i, 4);
		e = ntohl(e);
		off += snprintf(buf + off, size - off, "%s%u", i ? "/" : "",
				(e & MPLS_LS_LABEL_MASK) >> MPLS_LS_LABEL_SHIFT);
		if (e & MPLS_LS_S_MASK)
			break;
	}
	return buf;
}

const char *addr_text(int family, const struct rtattr *a, char *buf,
			     size_t size)
{
	if (family == AF_MPLS)
		return mpls_text(nl_attr_data(a), nl_attr_len(a), buf, size);
	return format_addr(family, nl_attr_data(a), nl_attr_len(a), buf, size);
}

/* -r names hosts (whole addresses and gateways) from /etc/hosts. */
const char *host_text(struct ipctx *ctx, int family,
			     const struct rtattr *a, char *buf, size_t size)
{
	if (ctx->resolve &&
	    hosts_lookup(family, nl_attr_data(a), nl_attr_len(a), buf, size))
		return buf;
	return addr_text(family, a, buf, size);
}

void rt_print_gateway(struct ipctx *ctx, int family, const struct rtattr *a)
{
	char buf[256];

	host_text(ctx, family, a, buf, sizeof(buf));
	out_text(&ctx->out, "via ");
	out_cstr(&ctx->out, OUT_ANY, family_color(family), "gateway", "%s ", buf);
}

void rt_print_ifname(struct ipctx *ctx, const char *key, int ifindex)
{
	char buf[32];

	out_text(&ctx->out, "%s ", key);
	out_cstr(&ctx->out, OUT_ANY, C_IFNAME, key, "%s ",
		 ll_name_or_num(ctx, ifindex, buf, sizeof(buf)));
}

void rt_print_flags(struct out *o, unsigned int flags)
{
	static const struct { unsigned int bit; const char *name; } names[] = {
		{ RTNH_F_DEAD, "dead" },	{ RTNH_F_ONLINK, "onlink" },
		{ RTNH_F_PERVASIVE, "pervasive" }, { RTNH_F_OFFLOAD, "offload" },
		{ RTNH_F_TRAP, "trap" },	{ RTM_F_NOTIFY, "notify" },
		{ RTNH_F_LINKDOWN, "linkdown" }, { RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
		{ RTM_F_OFFLOAD_FAILED, "rt_offload_failed" },
	};
	size_t i;

	out_arr_open(o, "flags");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].bit)
			out_str(o, OUT_ANY, NULL, "%s ", names[i].name);
	out_arr_close(o);
}
