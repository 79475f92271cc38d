/* Pieces of the printer that routes and nexthop objects share (addresses,
 * gateways, devices, nexthop flags): below both, so neither calls the other. */
#include <arpa/inet.h>
#include <endian.h>
#include <stdio.h>
#include <string.h>
#include <linux/lwtunnel.h>
#include <linux/mpls.h>
#include <linux/mpls_iptunnel.h>
#include <linux/seg6.h>
#include <linux/seg6_iptunnel.h>

#include "rt_print.h"

enum out_color family_color(int family)
{
	return family == AF_INET ? C_INET : family == AF_INET6 ? C_INET6 : C_NONE;
}

/* MPLS labels as "L1/L2/...", up to the one marked bottom of stack. */
const char *mpls_text(const uint8_t *p, size_t len, char *buf, size_t size)
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
const char *host_text(struct ipctx *ctx, int family, const struct rtattr *a,
		      char *buf, size_t size)
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

/* ---- lightweight tunnel encapsulation (RTA_ENCAP, NHA_ENCAP) ---- */

static const char *const encap_names[] = {
	[LWTUNNEL_ENCAP_MPLS] = "mpls",	[LWTUNNEL_ENCAP_IP] = "ip",
	[LWTUNNEL_ENCAP_ILA] = "ila",	[LWTUNNEL_ENCAP_IP6] = "ip6",
	[LWTUNNEL_ENCAP_SEG6] = "seg6",	[LWTUNNEL_ENCAP_BPF] = "bpf",
	[LWTUNNEL_ENCAP_SEG6_LOCAL] = "seg6local",
	[LWTUNNEL_ENCAP_RPL] = "rpl",	[LWTUNNEL_ENCAP_IOAM6] = "ioam6",
	[LWTUNNEL_ENCAP_XFRM] = "xfrm",
};

/* The attributes of ip and ip6 encapsulation share their numbers but for
 * the names of two (ttl/hoplimit, tos/tc). */
static void print_encap_ip(struct ipctx *ctx, const struct rtattr *encap,
			   int family)
{
	struct out *o = &ctx->out;
	struct rtattr *tb[LWTUNNEL_IP_MAX + 1];
	bool v6 = family == AF_INET6;
	uint16_t flags;
	uint64_t id;
	char buf[64];

	nl_parse_nested(tb, LWTUNNEL_IP_MAX, encap);
	if (tb[LWTUNNEL_IP_ID]) {
		id = nl_attr_u64(tb[LWTUNNEL_IP_ID]);
		out_u64(o, OUT_ANY, "id", "id %llu ", be64toh(id));
	}
	if (tb[LWTUNNEL_IP_SRC])
		out_cstr(o, OUT_ANY, family_color(family), "src", "src %s ",
			 addr_text(family, tb[LWTUNNEL_IP_SRC], buf, sizeof(buf)));
	if (tb[LWTUNNEL_IP_DST])
		out_cstr(o, OUT_ANY, family_color(family), "dst", "dst %s ",
			 addr_text(family, tb[LWTUNNEL_IP_DST], buf, sizeof(buf)));
	if (tb[LWTUNNEL_IP_TTL])
		out_uint(o, OUT_ANY, v6 ? "hoplimit" : "ttl",
			 v6 ? "hoplimit %u " : "ttl %u ",
			 nl_attr_u8(tb[LWTUNNEL_IP_TTL]));
	if (tb[LWTUNNEL_IP_TOS])
		out_uint(o, OUT_ANY, v6 ? "tc" : "tos", v6 ? "tc %u " : "tos %u ",
			 nl_attr_u8(tb[LWTUNNEL_IP_TOS]));
	if (!tb[LWTUNNEL_IP_FLAGS])
		return;
	flags = nl_attr_u16(tb[LWTUNNEL_IP_FLAGS]);	/* big endian */
	if (flags & htons(0x04))
		out_bool(o, OUT_ANY, "key", "key ", true);
	if (flags & htons(0x01))
		out_bool(o, OUT_ANY, "csum", "csum ", true);
	if (flags & htons(0x08))
		out_bool(o, OUT_ANY, "seq", "seq ", true);
}

/* Segment routing: the mode, then the segments last to first, as they
 * were given.  (An HMAC key id, "hmac N", is not shown.) */
static void print_encap_seg6(struct ipctx *ctx, const struct rtattr *encap)
{
	static const char *const modes[] = {
		"inline", "encap", "l2encap", "encap.red", "l2encap.red",
	};
	struct out *o = &ctx->out;
	struct rtattr *tb[SEG6_IPTUNNEL_MAX + 1];
	const struct seg6_iptunnel_encap *t;
	const struct ipv6_sr_hdr *srh;
	size_t len;
	char buf[64];
	int i;

	nl_parse_nested(tb, SEG6_IPTUNNEL_MAX, encap);
	len = nl_attr_len(tb[SEG6_IPTUNNEL_SRH]);
	if (len < sizeof(*t) + sizeof(*srh))
		return;
	t = nl_attr_data(tb[SEG6_IPTUNNEL_SRH]);
	srh = t->srh;
	out_str(o, OUT_ANY, "mode", "mode %s ",
		t->mode >= 0 && t->mode < (int)(sizeof(modes) / sizeof(modes[0])) ?
			modes[t->mode] : "<unknown>");
	if (len < sizeof(*t) + sizeof(*srh) + (srh->first_segment + 1u) * 16)
		return;
	out_text(o, "segs %d [ ", srh->first_segment + 1);
	out_arr_open(o, "segs");
	for (i = srh->first_segment; i >= 0; i--)
		out_cstr(o, OUT_ANY, C_INET6, NULL, "%s ",
			 format_addr(AF_INET6, &srh->segments[i], 16, buf,
				     sizeof(buf)));
	out_arr_close(o);
	out_text(o, "] ");
}

static void print_encap_mpls(struct ipctx *ctx, const struct rtattr *encap)
{
	struct rtattr *tb[MPLS_IPTUNNEL_MAX + 1];
	char buf[64];

	nl_parse_nested(tb, MPLS_IPTUNNEL_MAX, encap);
	if (tb[MPLS_IPTUNNEL_DST])
		out_str(&ctx->out, OUT_ANY, "dst", " %s ",
			addr_text(AF_MPLS, tb[MPLS_IPTUNNEL_DST], buf,
				  sizeof(buf)));
	if (tb[MPLS_IPTUNNEL_TTL])
		out_uint(&ctx->out, OUT_ANY, "ttl", "ttl %u ",
			 nl_attr_u8(tb[MPLS_IPTUNNEL_TTL]));
}

void rt_print_encap(struct ipctx *ctx, const struct rtattr *type,
		    const struct rtattr *encap)
{
	uint16_t t;

	if (!type || !encap)
		return;
	t = nl_attr_u16(type);
	out_str(&ctx->out, OUT_ANY, "encap", " encap %s ",
		t < sizeof(encap_names) / sizeof(encap_names[0]) &&
				encap_names[t] ? encap_names[t] : "unknown");
	if (t == LWTUNNEL_ENCAP_MPLS)
		print_encap_mpls(ctx, encap);
	else if (t == LWTUNNEL_ENCAP_IP)
		print_encap_ip(ctx, encap, AF_INET);
	else if (t == LWTUNNEL_ENCAP_IP6)
		print_encap_ip(ctx, encap, AF_INET6);
	else if (t == LWTUNNEL_ENCAP_SEG6)
		print_encap_seg6(ctx, encap);
}
