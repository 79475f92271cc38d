/* ip -6 tunnel: IPv6 tunnels (ip6ip6, ipip6, ip6gre, vti6, any) through
 * the kernel's tunnel ioctls on ip6tnl0, ip6gre0 and ip6_vti0. */
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_arp.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include <linux/sockios.h>

#include "tunnel.h"
#include "usage_text.h"

int tnl6_usage(void)
{
	usage_print(stderr, USAGE_TUNNEL6);
	return EXIT_USAGE;
}

struct args6 {
	struct ip6_tnl_parm2 p;
	const char *dev;
};

static void parm_init(struct ip6_tnl_parm2 *p, bool defaults)
{
	memset(p, 0, sizeof(*p));
	p->proto = IPPROTO_IPV6;
	if (defaults) {
		p->hop_limit = 64;
		p->encap_limit = 4;
	}
}

static int set_mode(struct ip6_tnl_parm2 *p, const char *m)
{
	int proto = tnl_mode_proto(m, AF_INET6);

	if (proto < 0)
		return EXIT_USAGE;
	p->proto = proto;
	if (streq(m, "vti6"))
		p->i_flags |= VTI_ISVTI;
	return 0;
}

static int get_addr6(struct in6_addr *a, const char *arg)
{
	struct inet_addr ia;

	if (parse_addr(&ia, arg, AF_INET6)) {
		pr_err(
			"Error: inet6 address is expected rather than \"%s\".\n",
			arg);
		return EXIT_FAIL;
	}
	memcpy(a, ia.data, 16);
	return 0;
}

/* A bad encaplimit is taken by the reference (with whatever its stack
 * held); we keep the limit there was. */
static void set_encap(struct ip6_tnl_parm2 *p, const char *arg)
{
	if (streq(arg, "none")) {
		p->flags |= IP6_TNL_F_IGN_ENCAP_LIMIT;
		return;
	}
	parse_u8(&p->encap_limit, arg, 0);
	p->flags &= ~IP6_TNL_F_IGN_ENCAP_LIMIT;
}

static int name_word(struct args6 *a, int *argc, char ***argv,
		     unsigned long cmd, int count)
{
	int rc = tnl_name_word(argc, argv, a->p.name, tnl6_usage);

	if (rc || cmd != SIOCCHGTUNNEL || count)
		return rc;
	parm_init(&a->p, false);
	return tnl_get(AF_INET6, **argv, &a->p);
}

static int value_word(struct args6 *a, int id, const char *w, const char *v)
{
	struct ip6_tnl_parm2 *p = &a->p;

	switch (id) {
	case T_MODE:
		return set_mode(p, v);
	case T_REMOTE:
	case T_LOCAL:
		return get_addr6(id == T_REMOTE ? &p->raddr : &p->laddr, v);
	case T_DEV:
		a->dev = v;
		return 0;
	case T_ENCAP:
		set_encap(p, v);
		return 0;
	case T_TTL:
		if (parse_u8(&p->hop_limit, v, 0))
			return invarg("invalid TTL", v);
		return 0;
	case T_FLOW:
		return flowinfo_word(&p->flowinfo, &p->flags, v, true);
	case T_DSCP:
		if (!streq(v, "inherit"))
			return invarg("not inherit", v);
		p->flags |= IP6_TNL_F_RCV_DSCP_COPY;
		return 0;
	case T_KEY:
		return tnl_key_word(w, v, &p->i_flags, &p->o_flags, &p->i_key,
				    &p->o_key);
	default:
		return flowinfo_word(&p->flowinfo, &p->flags, v, false);
	}
}

static int parse_word(struct args6 *a, int *argc, char ***argv,
		      unsigned long cmd, int count)
{
	struct ip6_tnl_parm2 *p = &a->p;
	const char *w = **argv;
	int id;

	if (tnl_gre_flag(w, &p->i_flags, &p->o_flags))
		return 0;
	if (streq(w, "allow-localremote")) {
		p->flags |= IP6_TNL_F_ALLOW_LOCAL_REMOTE;
		return 0;
	}
	if (streq(w, "noallow-localremote")) {
		p->flags &= ~IP6_TNL_F_ALLOW_LOCAL_REMOTE;
		return 0;
	}
	id = tnl_value_word(w, AF_INET6);
	if (id < 0)
		return name_word(a, argc, argv, cmd, count);
	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	return value_word(a, id, w, **argv);
}

static int parse_args6(struct ipctx *ctx, struct args6 *a, int argc,
		       char **argv, unsigned long cmd)
{
	int count = 0, rc;

	a->dev = NULL;
	for (; argc > 0; argc--, argv++, count++) {
		rc = parse_word(a, &argc, &argv, cmd, count);
		if (rc)
			return rc;
	}
	return tnl_link(ctx, a->dev, &a->p.link);
}

static const char *basedev6(const struct ip6_tnl_parm2 *p)
{
	if (p->proto == IPPROTO_GRE)
		return "ip6gre0";
	return p->i_flags & VTI_ISVTI ? "ip6_vti0" : "ip6tnl0";
}

int tnl6_add(struct ipctx *ctx, int argc, char **argv, unsigned long cmd)
{
	struct args6 a;
	int rc;

	parm_init(&a.p, true);
	rc = parse_args6(ctx, &a, argc, argv, cmd);
	if (rc)
		return rc;
	if (!*a.p.name)
		pr_err("Tunnel interface name not specified\n");
	return tnl_add(AF_INET6, cmd, basedev6(&a.p), a.p.name, &a.p);
}

int tnl6_del(struct ipctx *ctx, int argc, char **argv)
{
	struct args6 a;
	int rc;

	parm_init(&a.p, true);
	rc = parse_args6(ctx, &a, argc, argv, SIOCDELTUNNEL);
	if (rc)
		return rc;
	return tnl_del(AF_INET6, *a.p.name ? a.p.name : basedev6(&a.p), &a.p);
}

static void print_addr6(struct out *o, const char *key,
			const struct in6_addr *a)
{
	char b[INET6_ADDRSTRLEN];

	out_text(o, "%s ", key);
	out_cstr(o, OUT_ANY, C_INET6, key, *key == 'r' ? "%s " : "%s",
		 format_addr(AF_INET6, a, 16, b, sizeof(b)));
}

/* " tclass 0x00" in text, "tclass":"0x00" in JSON; flowinfo is in
 * parentheses. */
static void hex_field(struct out *o, const char *key, const char *fmt,
		      unsigned int v)
{
	char b[16], text[32];

	snprintf(b, sizeof(b), fmt, v);
	snprintf(text, sizeof(text),
		 streq(key, "flowinfo") ? " (%s %%s)" : " %s %%s", key);
	out_str(o, OUT_ANY, key, text, b);
}

/* encaplimit, hoplimit, tclass, flowlabel: a value, or what is inherited. */
static void print_limits(struct out *o, const struct ip6_tnl_parm2 *p)
{
	uint32_t fi = ntohl(p->flowinfo);

	if (p->flags & IP6_TNL_F_IGN_ENCAP_LIMIT)
		out_null(o, OUT_ANY, "ip6_tnl_f_ign_encap_limit",
			 " encaplimit none", NULL);
	else
		out_uint(o, OUT_ANY, "encap_limit", " encaplimit %u",
			 p->encap_limit);
	if (p->hop_limit)
		out_uint(o, OUT_ANY, "hoplimit", " hoplimit %u", p->hop_limit);
	else
		out_text(o, " hoplimit inherit");
	if (p->flags & IP6_TNL_F_USE_ORIG_TCLASS)
		out_null(o, OUT_ANY, "ip6_tnl_f_use_orig_tclass",
			 " tclass inherit", NULL);
	else
		hex_field(o, "tclass", "0x%02x", (fi & IP6_TCLASS_MASK) >> 20);
	if (p->flags & IP6_TNL_F_USE_ORIG_FLOWLABEL)
		out_null(o, OUT_ANY, "ip6_tnl_f_use_orig_flowlabel",
			 " flowlabel inherit", NULL);
	else
		hex_field(o, "flowlabel", "0x%05x", fi & IP6_LABEL_MASK);
	hex_field(o, "flowinfo", "0x%08x", fi);
}

static void print_tunnel6(struct ipctx *ctx, const void *parm)
{
	const struct ip6_tnl_parm2 *p = parm;
	struct out *o = &ctx->out;
	const char *dev = p->link ? ll_name(ctx, p->link) : NULL;

	tnl_print_head(o, p->name, p->proto, "ipv6");
	print_addr6(o, "remote", &p->raddr);
	print_addr6(o, "local", &p->laddr);
	if (dev)
		out_str(o, OUT_ANY, "link", " dev %s", dev);
	print_limits(o, p);
	if (p->flags & IP6_TNL_F_RCV_DSCP_COPY)
		out_null(o, OUT_ANY, "ip6_tnl_f_rcv_dscp_copy", " dscp inherit",
			 NULL);
	if (p->flags & IP6_TNL_F_ALLOW_LOCAL_REMOTE)
		out_null(o, OUT_ANY, "ip6_tnl_f_allow_local_remote",
			 " allow-localremote", NULL);
	tnl_print_keys(o, p->proto, p->i_flags, p->o_flags, p->i_key,
		       p->o_key);
}

static int get6(struct ipctx *ctx, const char *dev, void *parm)
{
	parm_init(parm, false);
	return tnl_get(AF_INET6, dev, parm) ? -1 : 0;
}

static bool match6(const void *filter, const void *parm)
{
	const struct ip6_tnl_parm2 *f = filter, *p = parm;
	uint32_t diff = ntohl(f->flowinfo ^ p->flowinfo);
	uint32_t ff = ntohl(f->flowinfo);

	return (!f->link || f->link == p->link) &&
	       (IN6_IS_ADDR_UNSPECIFIED(&f->laddr) ||
		IN6_ARE_ADDR_EQUAL(&f->laddr, &p->laddr)) &&
	       (IN6_IS_ADDR_UNSPECIFIED(&f->raddr) ||
		IN6_ARE_ADDR_EQUAL(&f->raddr, &p->raddr)) &&
	       (!f->proto || !p->proto || f->proto == p->proto) &&
	       (!f->encap_limit || f->encap_limit == p->encap_limit) &&
	       (!f->hop_limit || f->hop_limit == p->hop_limit) &&
	       (!(ff & IP6_TCLASS_MASK) || !(diff & IP6_TCLASS_MASK)) &&
	       (!(ff & IP6_LABEL_MASK) || !(diff & IP6_LABEL_MASK)) &&
	       (!f->flags || f->flags & p->flags);
}

int tnl6_show(struct ipctx *ctx, int argc, char **argv)
{
	static const unsigned short types[] = { ARPHRD_TUNNEL6, ARPHRD_IP6GRE,
						0 };
	struct ip6_tnl_parm2 got;
	struct args6 a;
	struct tnl_list l = { types, "", get6, match6, print_tunnel6, &a.p,
			      &got };
	int rc;

	parm_init(&a.p, false);
	a.p.proto = 0;
	rc = parse_args6(ctx, &a, argc, argv, SIOCGETTUNNEL);
	if (rc)
		return rc;
	if (!*a.p.name || ctx->stats) {
		l.name = a.p.name;
		return tnl_list(ctx, AF_INET6, &l);
	}
	if (tnl_get(AF_INET6, a.p.name, &a.p))
		return EXIT_FAIL;
	tnl_print_one(ctx, print_tunnel6, &a.p, "");
	return EXIT_OK;
}
