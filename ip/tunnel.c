/* ip tunnel: IPv4 tunnels (gre, ipip, sit, isatap, vti) through the kernel's
 * tunnel ioctls, and what both address families share: the ioctl calls, the
 * listing (a link dump, then one ioctl per tunnel link), keys and counters. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/rtnetlink.h>
#include <linux/sockios.h>

#include "names.h"
#include "tunnel.h"
#include "usage_text.h"

#ifndef IP_DF
#define IP_DF 0x4000
#endif

static int usage(void)
{
	usage_print(stderr, USAGE_TUNNEL);
	return EXIT_USAGE;
}

/* ---- shared by both families ---- */

int tnl_ioctl(int family, unsigned long cmd, const char *dev, void *data)
{
	struct ifreq ifr;
	int fd, err = 0;

	memset(&ifr, 0, sizeof(ifr));
	/* memcpy, not strncpy: GCC -O3 warns about strncpy's truncation */
	memcpy(ifr.ifr_name, dev, strnlen(dev, IFNAMSIZ - 1));
	ifr.ifr_data = data;
	fd = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, cmd, &ifr))
		err = -errno;
	close(fd);
	return err;
}

static int tnl_fail(const char *what, const char *dev, int err)
{
	pr_err("%s tunnel \"%s\" failed: %s\n", what, dev,
	       err_text(-err));
	return EXIT_FAIL;
}

int tnl_get(int family, const char *dev, void *parm)
{
	int err = tnl_ioctl(family, SIOCGETTUNNEL, dev, parm);

	return err ? tnl_fail("get", dev, err) : 0;
}

/* change names the tunnel itself when it has a name; add always goes
 * through the base device.  The reference says "add" for both. */
int tnl_add(int family, unsigned long cmd, const char *basedev,
	    const char *name, void *parm)
{
	const char *dev = cmd == SIOCCHGTUNNEL && *name ? name : basedev;
	int err = tnl_ioctl(family, cmd, dev, parm);

	if (!err)
		return EXIT_OK;
	return tnl_fail("add", dev, err);	/* change too, as the reference */
}

int tnl_del(int family, const char *dev, void *parm)
{
	int err = tnl_ioctl(family, SIOCDELTUNNEL, dev, parm);

	return err ? tnl_fail("delete", dev, err) : EXIT_OK;
}

/* In the reference's order of trying them (first match wins). */
static const struct tnl_mode modes[] = {
	{ "ipip", AF_INET, IPPROTO_IPIP },	{ "ip/ip", AF_INET, IPPROTO_IPIP },
	{ "vti", AF_INET, IPPROTO_IPIP },	{ "gre", AF_INET, IPPROTO_GRE },
	{ "gre/ip", AF_INET, IPPROTO_GRE },	{ "sit", AF_INET, IPPROTO_IPV6 },
	{ "ipv6/ip", AF_INET, IPPROTO_IPV6 },
	{ "isatap", AF_INET, IPPROTO_IPV6 },
	{ "ipv6/ipv6", AF_INET6, IPPROTO_IPV6 },
	{ "ip6ip6", AF_INET6, IPPROTO_IPV6 },
	{ "vti6", AF_INET6, IPPROTO_IPV6 },
	{ "ip/ipv6", AF_INET6, IPPROTO_IPIP },
	{ "ipip6", AF_INET6, IPPROTO_IPIP },
	{ "gre/ipv6", AF_INET6, IPPROTO_GRE },
	{ "ip6gre", AF_INET6, IPPROTO_GRE },
	{ "any/ipv6", AF_INET6, 0 },		{ "any", AF_INET6, 0 },
};

const struct tnl_mode *tnl_mode_find(const char *m, int family)
{
	size_t i;

	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (modes[i].family == family && streq(m, modes[i].name))
			return &modes[i];
	return NULL;
}

int tnl_mode_proto(const char *m, int family)
{
	const struct tnl_mode *t = tnl_mode_find(m, family);

	if (t)
		return t->proto;
	pr_err("Unknown tunnel mode \"%s\"\n", m);
	return -1;
}

static const struct {
	const char *word;
	uint8_t id;
	bool v6_only;
} __attribute__((packed)) value_words[] = {
	{ "mode", T_MODE, false },	{ "remote", T_REMOTE, false },
	{ "local", T_LOCAL, false },	{ "dev", T_DEV, false },
	{ "key", T_KEY, false },	{ "ikey", T_KEY, false },
	{ "okey", T_KEY, false },	{ "ttl", T_TTL, false },
	{ "hoplimit", T_TTL, false },	{ "hlim", T_TTL, false },
	{ "tos", T_TOS, false },	{ "tclass", T_TOS, false },
	{ "tc", T_TOS, true },		{ "encaplimit", T_ENCAP, true },
	{ "flowlabel", T_FLOW, true },	{ "fl", T_FLOW, true },
	{ "dscp", T_DSCP, true },
};

int tnl_value_word(const char *w, int family)
{
	size_t i;

	for (i = 0; i < sizeof(value_words) / sizeof(value_words[0]); i++)
		if (streq(w, value_words[i].word) &&
		    (family == AF_INET6 || !value_words[i].v6_only))
			return value_words[i].id;
	/* any abbreviation of dsfield ("d" too) is the TOS */
	return matches(w, "dsfield") ? T_TOS : -1;
}

static int tnl_name(char *name, const char *arg)
{
	if (*name)
		return duparg2("name", arg);
	if (!check_ifname(arg))
		return invarg("\"name\" not a valid ifname", arg);
	strcpy(name, arg);
	return 0;
}

/* An IPv4 address or "any"; the reference's message and exit status. */
static int get_addr4(uint32_t *a, const char *arg)
{
	struct inet_addr ia;

	if (streq(arg, "any")) {
		*a = 0;
		return 0;
	}
	if (parse_addr(&ia, arg, AF_INET) || ia.flags & ADDR_DEFAULT)
		return ip_expected(arg);
	memcpy(a, ia.data, 4);
	return 0;
}

int tnl_key(uint32_t *key, const char *word, const char *arg)
{
	uint32_t v;

	if (strchr(arg, '.'))
		return get_addr4(key, arg);
	if (parse_u32(&v, arg, 0)) {
		pr_err(
			"invalid value for \"%s\": \"%s\"; it should be an unsigned integer\n",
			word, arg);
		return EXIT_USAGE;
	}
	*key = htonl(v);
	return 0;
}

int tnl_key_word(const char *w, const char *v, uint16_t *iflags,
		 uint16_t *oflags, uint32_t *ikey, uint32_t *okey)
{
	uint32_t k = 0;	/* gcc -O3 cannot see that errors return non-zero */
	int rc = tnl_key(&k, w, v);

	if (rc)
		return rc;
	if (*w != 'o') {
		*iflags |= GRE_KEY;
		*ikey = k;
	}
	if (*w != 'i') {
		*oflags |= GRE_KEY;
		*okey = k;
	}
	return 0;
}

int tnl_name_word(int *argc, char ***argv, char *name, int (*usage)(void))
{
	if (streq(**argv, "name")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
	} else if (matches(**argv, "help")) {
		return usage();
	}
	return tnl_name(name, **argv);
}

bool tnl_gre_flag(const char *word, uint16_t *iflags, uint16_t *oflags)
{
	static const char *const words[] = { "seq", "iseq", "oseq",
					     "csum", "icsum", "ocsum" };
	size_t i;

	for (i = 0; i < 6; i++) {
		uint16_t f = i < 3 ? GRE_SEQ : GRE_CSUM;

		if (!streq(word, words[i]))
			continue;
		if (i % 3 != 2)
			*iflags |= f;
		if (i % 3 != 1)
			*oflags |= f;
		return true;
	}
	return false;
}

static const char *tnl_proto_name(int proto)
{
	switch (proto) {
	case IPPROTO_IPIP:
		return "ip";
	case IPPROTO_GRE:
		return "gre";
	case IPPROTO_IPV6:
		return "ipv6";
	case 0:
		return "any";
	}
	return "unknown";
}

void tnl_print_head(struct out *o, const char *name, int proto,
		    const char *outer)
{
	char mode[16];

	out_obj_open(o, NULL);
	out_cstr(o, OUT_ANY, C_IFNAME, "ifname", "%s: ", name);
	snprintf(mode, sizeof(mode), "%s/%s", tnl_proto_name(proto), outer);
	out_str(o, OUT_ANY, "mode", "%s ", mode);
}

int tnl_link(struct ipctx *ctx, const char *dev, int *link)
{
	if (!dev)
		return 0;
	*link = ll_index(ctx, dev);
	if (*link)
		return 0;
	pr_err("Cannot find device \"%s\"\n", dev);
	return EXIT_FAIL;
}

void tnl_print_keys(struct out *o, int proto, uint16_t iflags,
		    uint16_t oflags, uint32_t ikey, uint32_t okey)
{
	static const char *const lines[][2] = {
		{ "rx_drop_ooseq", "  Drop packets out of sequence." },
		{ "rx_csum", "  Checksum in received packet is required." },
		{ "tx_seq", "  Sequence packets on output." },
		{ "tx_csum", "  Checksum output packets." },
	};
	bool on[4] = { iflags & GRE_SEQ, iflags & GRE_CSUM, oflags & GRE_SEQ,
		       oflags & GRE_CSUM };
	int i;

	if (iflags & GRE_KEY && oflags & GRE_KEY && ikey == okey) {
		out_uint(o, OUT_ANY, "key", " key %u", ntohl(ikey));
	} else {
		if (iflags & GRE_KEY)
			out_uint(o, OUT_ANY, "ikey", " ikey %u", ntohl(ikey));
		if (oflags & GRE_KEY)
			out_uint(o, OUT_ANY, "okey", " okey %u", ntohl(okey));
	}
	if (proto != IPPROTO_GRE)
		return;
	out_arr_open(o, "flags");
	for (i = 0; i < 4; i++) {
		if (!on[i])
			continue;
		out_str(o, OUT_JSON, NULL, "%s", lines[i][0]);
		if (!o->json) {
			out_nl(o);
			out_text(o, "%s", lines[i][1]);
		}
	}
	out_arr_close(o);
}

/* One head line of counters and its values under it, each value
 * left-aligned to its column's width. */
static void print_counter_row(struct out *o, const char *head,
			      const uint64_t *s, const uint8_t *col)
{
	int i;

	out_nl(o);
	out_text(o, "%s", head);
	out_nl(o);
	out_text(o, "   ");
	for (i = 0; i < 6; i++)
		out_text(o, " %-*llu", col[2 * i + 1],
			 (unsigned long long)s[col[2 * i]]);
}

/* The reference's four lines of counters (the old /proc/net/dev columns):
 * for each column, the counter (its index among the u64 of the kernel's
 * struct) and the width. */
#define COL(f, w) offsetof(struct rtnl_link_stats64, f) / 8, w
static void print_counters(struct out *o, const struct rtattr *a)
{
	static const uint8_t rx[] = {
		COL(rx_packets, 10), COL(rx_bytes, 12), COL(rx_errors, 6),
		COL(rx_frame_errors, 8), COL(rx_fifo_errors, 8),
		COL(multicast, 8),
	};
	static const uint8_t tx[] = {
		COL(tx_packets, 10), COL(tx_bytes, 12), COL(tx_errors, 6),
		COL(collisions, 8), COL(tx_carrier_errors, 8),
		COL(tx_dropped, 6),
	};
	struct rtnl_link_stats64 s;

	memset(&s, 0, sizeof(s));
	memcpy(&s, nl_attr_data(a),
	       nl_attr_len(a) < sizeof(s) ? nl_attr_len(a) : sizeof(s));
	print_counter_row(o, "RX: Packets    Bytes        Errors CsumErrs OutOfSeq Mcasts",
			  (const uint64_t *)&s, rx);
	print_counter_row(o, "TX: Packets    Bytes        Errors DeadLoop NoRoute  NoBufs",
			  (const uint64_t *)&s, tx);
}
#undef COL

void tnl_end(struct ipctx *ctx, const struct rtattr *stats64)
{
	if (stats64 && ctx->stats)
		print_counters(&ctx->out, stats64);
	out_obj_close(&ctx->out);
	out_plain(&ctx->out, "\n");
}

void tnl_print_one(struct ipctx *ctx,
		   void (*print)(struct ipctx *ctx, const void *parm),
		   const void *parm, const char *end)
{
	bool json = ctx->out.json;

	ctx->out.json = false;
	print(ctx, parm);
	out_plain(&ctx->out, "%s", end);
	ctx->out.json = json;
}

struct list_run {
	struct ipctx *ctx;
	struct tnl_list *l;
};

static bool type_listed(const unsigned short *types, unsigned short t)
{
	for (; *types; types++)
		if (*types == t)
			return true;
	return false;
}

static int list_cb(struct nlmsghdr *nlh, void *arg)
{
	struct list_run *run = arg;
	struct tnl_list *l = run->l;
	struct rtattr *tb[IFLA_MAX + 1];
	struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	struct rtattr *attrs;
	const char *name;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)) ||
	    !type_listed(l->types, ifi->ifi_type))
		return 0;
	attrs = nl_msg_attrs(nlh, sizeof(*ifi), &len);
	nl_parse(tb, IFLA_MAX, attrs, len, NULL);
	if (!tb[IFLA_IFNAME])
		return 0;
	name = nl_attr_str(tb[IFLA_IFNAME]);
	if (*l->name && !streq(l->name, name))
		return 0;
	if (l->get(run->ctx, name, l->parm) || !l->match(l->filter, l->parm))
		return 0;
	l->print(run->ctx, l->parm);
	tnl_end(run->ctx, tb[IFLA_STATS64]);
	return 0;
}

int tnl_list(struct ipctx *ctx, int family, struct tnl_list *l)
{
	NL_REQ_DEFINE(req, 64);
	struct list_run run = { ctx, l };
	struct ifinfomsg *ifi;
	int rc;

	NL_REQ_INIT(req, RTM_GETLINK, NLM_F_DUMP);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_family = family;
	out_begin(&ctx->out);
	rc = ctx_dump(ctx, &req, list_cb, &run);
	out_end(&ctx->out);
	return rc;
}

/* ---- IPv4 ---- */

struct args4 {
	struct ip_tunnel_parm p;
	const char *dev;
	bool isatap;
};

static int set_mode(struct args4 *a, const char *m)
{
	int proto = tnl_mode_proto(m, AF_INET);

	if (proto < 0)
		return EXIT_USAGE;
	if (a->p.iph.protocol && a->p.iph.protocol != proto) {
		pr_err(
			"You managed to ask for more than one tunnel mode.\n");
		return EXIT_USAGE;
	}
	a->p.iph.protocol = proto;
	if (streq(m, "vti"))
		a->p.i_flags |= VTI_ISVTI;
	if (streq(m, "isatap"))
		a->isatap = true;
	return 0;
}

static int get_ttl(struct ip_tunnel_parm *p, const char *arg)
{
	if (streq(arg, "inherit")) {
		p->iph.ttl = 0;
		return 0;
	}
	if (parse_u8(&p->iph.ttl, arg, 0))
		return invarg("invalid TTL\n", arg);
	return 0;
}

/* TOS: inherit, a value, or inherit/value; bit 0 stands for inherit. */
static int get_tos(struct ip_tunnel_parm *p, char *arg)
{
	char *slash = strchr(arg, '/');
	const char *v = arg;
	uint32_t ds;

	if (slash)
		*slash = '\0';
	p->iph.tos = 0;
	if (streq(arg, "inherit")) {
		p->iph.tos = 1;
		v = slash ? slash + 1 : NULL;
	}
	if (!v)
		return 0;
	if (rt_dsfield_a2n(v, &ds) || ds > 255)
		return invarg("bad TOS value", arg);
	p->iph.tos |= ds;
	return 0;
}

/* A word that is no keyword: the name; change starts from the tunnel's
 * parameters when its name comes first. */
static int name_word(struct args4 *a, int *argc, char ***argv,
		     unsigned long cmd, int count)
{
	int rc = tnl_name_word(argc, argv, a->p.name, usage);

	if (rc || cmd != SIOCCHGTUNNEL || count)
		return rc;
	memset(&a->p, 0, sizeof(a->p));
	return tnl_get(AF_INET, **argv, &a->p);
}

static int parse_word(struct args4 *a, int *argc, char ***argv,
		      unsigned long cmd, int count)
{
	struct ip_tunnel_parm *p = &a->p;
	char *w = **argv;
	int id;

	if (tnl_gre_flag(w, &p->i_flags, &p->o_flags))
		return 0;
	if (streq(w, "nopmtudisc") || streq(w, "pmtudisc")) {
		p->iph.frag_off = *w == 'n' ? 0 : htons(IP_DF);
		return 0;
	}
	id = tnl_value_word(w, AF_INET);
	if (id < 0)
		return name_word(a, argc, argv, cmd, count);
	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	switch (id) {
	case T_MODE:
		return set_mode(a, **argv);
	case T_KEY:
		return tnl_key_word(w, **argv, &p->i_flags, &p->o_flags,
				    &p->i_key, &p->o_key);
	case T_REMOTE:
		return get_addr4(&p->iph.daddr, **argv);
	case T_LOCAL:
		return get_addr4(&p->iph.saddr, **argv);
	case T_DEV:
		a->dev = **argv;
		return 0;
	case T_TTL:
		return get_ttl(p, **argv);
	default:
		return get_tos(p, **argv);
	}
}

/* A mode from the name when none was given: gre1, sit2, isatap0, ... */
static void mode_from_name(struct args4 *a)
{
	static const char *const prefixes[] = { "gre", "ipip", "sit",
						"isatap", "vti" };
	size_t i;

	for (i = 0; i < 5; i++)
		if (!strncmp(a->p.name, prefixes[i], strlen(prefixes[i]))) {
			set_mode(a, prefixes[i]);
			return;
		}
}

static bool is_multicast(uint32_t addr)
{
	return (ntohl(addr) & 0xf0000000) == 0xe0000000;
}

static int finish_args(struct ipctx *ctx, struct args4 *a)
{
	struct ip_tunnel_parm *p = &a->p;

	if (!p->iph.protocol)
		mode_from_name(a);
	if ((p->i_flags | p->o_flags) & GRE_KEY &&
	    !(p->i_flags & VTI_ISVTI) && p->iph.protocol != IPPROTO_GRE) {
		pr_err("Keys are not allowed with ipip and sit tunnels\n");
		return EXIT_FAIL;
	}
	if (tnl_link(ctx, a->dev, &p->link))
		return EXIT_FAIL;
	if (is_multicast(p->iph.daddr)) {
		if (!p->i_key) {
			p->i_key = p->iph.daddr;
			p->i_flags |= GRE_KEY;
		}
		if (!p->o_key) {
			p->o_key = p->iph.daddr;
			p->o_flags |= GRE_KEY;
		}
		if (!p->iph.saddr) {
			pr_err(
				"A broadcast tunnel requires a source address\n");
			return EXIT_FAIL;
		}
	}
	if (a->isatap)
		p->i_flags |= SIT_ISATAP;
	return 0;
}

static int parse_args4(struct ipctx *ctx, struct args4 *a, int argc,
		       char **argv, unsigned long cmd)
{
	int count = 0, rc;

	memset(a, 0, sizeof(*a));
	a->p.iph.version = 4;
	a->p.iph.ihl = 5;
	a->p.iph.frag_off = htons(IP_DF);
	for (; argc > 0; argc--, argv++, count++) {
		rc = parse_word(a, &argc, &argv, cmd, count);
		if (rc)
			return rc;
	}
	return finish_args(ctx, a);
}

static const char *basedev4(const struct ip_tunnel_parm *p)
{
	switch (p->iph.protocol) {
	case IPPROTO_IPIP:
		return p->i_flags & VTI_ISVTI ? "ip_vti0" : "tunl0";
	case IPPROTO_GRE:
		return "gre0";
	case IPPROTO_IPV6:
		return "sit0";
	}
	return NULL;
}

static int do_add4(struct ipctx *ctx, int argc, char **argv,
		   unsigned long cmd)
{
	struct args4 a;
	const char *base;
	int rc = parse_args4(ctx, &a, argc, argv, cmd);

	if (rc)
		return rc;
	if (a.p.iph.ttl && !a.p.iph.frag_off) {
		pr_err("ttl != 0 and nopmtudisc are incompatible\n");
		return EXIT_FAIL;
	}
	base = basedev4(&a.p);
	if (!base) {
		pr_err(
			"cannot determine tunnel mode (ipip, gre, vti or sit)\n");
		return EXIT_FAIL;
	}
	return tnl_add(AF_INET, cmd, base, a.p.name, &a.p);
}

static int do_del4(struct ipctx *ctx, int argc, char **argv)
{
	struct args4 a;
	const char *base;
	int rc = parse_args4(ctx, &a, argc, argv, SIOCDELTUNNEL);

	if (rc)
		return rc;
	base = basedev4(&a.p);
	return tnl_del(AF_INET, *a.p.name ? a.p.name : base ? base : "",
		       &a.p);
}

/* isatap: the potential routers, as " pr ADDR" or " pdr ADDR". */
static void print_prl(struct out *o, const char *dev)
{
	struct ip_tunnel_prl prl[16];
	char b[INET_ADDRSTRLEN];
	int i;

	memset(prl, 0, sizeof(prl));
	prl[0].datalen = sizeof(prl) - sizeof(prl[0]);
	if (tnl_ioctl(AF_INET, SIOCGETPRL, dev, prl))
		return;
	for (i = 1; i < 16; i++) {
		if (!prl[i].addr)
			continue;
		out_str(o, OUT_ANY, prl[i].flags & PRL_DEFAULT ? "pdr" : "pr",
			prl[i].flags & PRL_DEFAULT ? " pdr %s" : " pr %s",
			format_addr(AF_INET, &prl[i].addr, 4, b, sizeof(b)));
	}
}

static void print_6rd(struct out *o, const char *dev)
{
	struct ip_tunnel_6rd rd;
	char b[INET6_ADDRSTRLEN];

	memset(&rd, 0, sizeof(rd));
	if (tnl_ioctl(AF_INET, SIOCGET6RD, dev, &rd) || !rd.prefixlen)
		return;
	out_str(o, OUT_ANY, "6rd-prefix", " 6rd-prefix %s",
		format_addr(AF_INET6, &rd.prefix, 16, b, sizeof(b)));
	out_uint(o, OUT_ANY, "6rd-prefixlen", "/%u", rd.prefixlen);
	if (!rd.relay_prefix)
		return;
	out_str(o, OUT_ANY, "6rd-relay_prefix", " 6rd-relay_prefix %s",
		format_addr(AF_INET, &rd.relay_prefix, 4, b, sizeof(b)));
	out_uint(o, OUT_ANY, "6rd-relay_prefixlen", "/%u", rd.relay_prefixlen);
}

/* JSON has the address ("0.0.0.0"), text says "any" for none; the
 * reference colours "remote"'s value with the space after it. */
static void print_addr4(struct out *o, const char *key, uint32_t a)
{
	char b[INET_ADDRSTRLEN];
	const char *s = format_addr(AF_INET, &a, 4, b, sizeof(b));

	out_str(o, OUT_JSON, key, NULL, s);
	out_text(o, "%s ", key);
	out_cstr(o, OUT_TEXT, C_INET, NULL, *key == 'r' ? "%s " : "%s",
		 a ? s : "any");
}

static void print_tos(struct ipctx *ctx, uint8_t tos)
{
	struct out *o = &ctx->out;
	char b[16];

	if (!tos)
		return;
	if (o->json) {
		if (tos & ~1)
			out_xstr(o, OUT_JSON, "tos", "0x%02x", tos);
		return;
	}
	out_text(o, " tos%s", tos & 1 ? " inherit" : "");
	if (tos & ~1)
		out_text(o, "%c%s", tos & 1 ? '/' : ' ',
			 rt_dsfield_name(tos & ~1, ctx->numeric, b, sizeof(b)));
}

static void print_tunnel4(struct ipctx *ctx, const void *parm)
{
	const struct ip_tunnel_parm *p = parm;
	struct out *o = &ctx->out;
	const char *dev;

	tnl_print_head(o, p->name, p->iph.protocol, "ip");
	print_addr4(o, "remote", p->iph.daddr);
	print_addr4(o, "local", p->iph.saddr);
	if (p->iph.protocol == IPPROTO_IPV6 && p->i_flags & SIT_ISATAP)
		print_prl(o, p->name);
	dev = p->link ? ll_name(ctx, p->link) : NULL;
	if (dev)
		out_str(o, OUT_ANY, "dev", " dev %s", dev);
	if (p->iph.ttl)
		out_uint(o, OUT_ANY, "ttl", " ttl %u", p->iph.ttl);
	else
		out_text(o, " ttl inherit");
	print_tos(ctx, p->iph.tos);
	if (!(p->iph.frag_off & htons(IP_DF)))
		out_null(o, OUT_ANY, "nopmtudisc", " nopmtudisc", NULL);
	if (p->iph.protocol == IPPROTO_IPV6)
		print_6rd(o, p->name);
	tnl_print_keys(o, p->iph.protocol, p->i_flags, p->o_flags, p->i_key,
		       p->o_key);
}

static int get4(struct ipctx *ctx, const char *dev, void *parm)
{
	memset(parm, 0, sizeof(struct ip_tunnel_parm));
	return tnl_get(AF_INET, dev, parm) ? -1 : 0;
}

static bool match4(const void *filter, const void *parm)
{
	const struct ip_tunnel_parm *f = filter, *p = parm;

	return (!f->link || f->link == p->link) &&
	       (!f->iph.daddr || f->iph.daddr == p->iph.daddr) &&
	       (!f->iph.saddr || f->iph.saddr == p->iph.saddr) &&
	       (!f->i_key || f->i_key == p->i_key);
}

static int do_show4(struct ipctx *ctx, int argc, char **argv)
{
	static const unsigned short types[] = { ARPHRD_TUNNEL, ARPHRD_IPGRE,
						ARPHRD_SIT, 0 };
	struct ip_tunnel_parm got;
	struct tnl_list l = { types, "", get4, match4, print_tunnel4, NULL,
			      &got };
	struct args4 a;
	const char *base;
	int rc = parse_args4(ctx, &a, argc, argv, SIOCGETTUNNEL);

	if (rc)
		return rc;
	base = basedev4(&a.p);
	if (!base) {
		l.name = a.p.name;
		l.filter = &a.p;
		return tnl_list(ctx, AF_INET, &l);
	}
	if (tnl_get(AF_INET, *a.p.name ? a.p.name : base, &a.p))
		return EXIT_FAIL;
	tnl_print_one(ctx, print_tunnel4, &a.p, "\n");
	return EXIT_OK;
}

static int must_have_dev(const char *dev)
{
	if (dev)
		return 0;
	pr_err("Must specify device\n");
	return EXIT_USAGE;
}

static int special_ioctl(const char *dev, unsigned long cmd, void *data)
{
	int err = tnl_ioctl(AF_INET, cmd, dev, data);

	if (!err)
		return EXIT_OK;
	pr_err("%s: ioctl %lx failed: %s\n", dev, cmd, err_text(-err));
	return EXIT_FAIL;
}

static int prl_word(struct ip_tunnel_prl *prl, unsigned long *cmd,
		    const char *w, const char *v)
{
	*cmd = streq(w, "prl-delete") ? SIOCDELPRL : SIOCADDPRL;
	if (streq(w, "prl-default"))
		prl->flags |= PRL_DEFAULT;
	return get_addr4(&prl->addr, v);
}

static int do_prl(int argc, char **argv)
{
	struct ip_tunnel_prl prl;
	unsigned long cmd = 0;
	const char *dev = NULL;
	int count = 0, rc;

	memset(&prl, 0, sizeof(prl));
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		bool entry = streq(w, "prl-default") ||
			     streq(w, "prl-nodefault") ||
			     streq(w, "prl-delete");

		if (!entry && !streq(w, "dev")) {
			pr_err("Invalid PRL parameter \"%s\"\n", w);
			return EXIT_USAGE;
		}
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		if (!entry) {
			dev = *argv;
			continue;
		}
		rc = prl_word(&prl, &cmd, w, *argv);
		if (rc)
			return rc;
		if (++count > 1) {
			pr_err("One PRL entry at a time\n");
			return EXIT_USAGE;
		}
	}
	rc = must_have_dev(dev);
	return rc ? rc : special_ioctl(dev, cmd, &prl);
}

static int rd_prefix(struct ip_tunnel_6rd *rd, const char *w, const char *v)
{
	int family = streq(w, "6rd-prefix") ? AF_INET6 : AF_INET;
	struct inet_addr ia;

	if (parse_prefix(&ia, v, family))
		return addr_expected(family, "prefix", v);
	if (ia.bitlen < 0)
		ia.bitlen = ia.bytelen * 8;
	if (family == AF_INET6) {
		memcpy(&rd->prefix, ia.data, 16);
		rd->prefixlen = ia.bitlen;
	} else {
		memcpy(&rd->relay_prefix, ia.data, 4);
		rd->relay_prefixlen = ia.bitlen;
	}
	return 0;
}

static int do_6rd(int argc, char **argv)
{
	struct ip_tunnel_6rd rd;
	unsigned long cmd = 0;
	const char *dev = NULL;
	int rc;

	memset(&rd, 0, sizeof(rd));
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;

		if (streq(w, "6rd-reset")) {
			cmd = SIOCDEL6RD;
			continue;
		}
		if (!streq(w, "6rd-prefix") && !streq(w, "6rd-relay_prefix") &&
		    !streq(w, "dev")) {
			pr_err("Invalid 6RD parameter \"%s\"\n", w);
			return EXIT_USAGE;
		}
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		if (streq(w, "dev")) {
			dev = *argv;
			continue;
		}
		rc = rd_prefix(&rd, w, *argv);
		if (rc)
			return rc;
		cmd = SIOCADD6RD;
	}
	rc = must_have_dev(dev);
	return rc ? rc : special_ioctl(dev, cmd, &rd);
}

/* The reference takes an IPv6 mode given before any other "mode" as a
 * request for IPv6 tunnels, whatever -f says. */
static bool wants_ipv6(int argc, char **argv)
{
	int i;

	for (i = 0; i < argc - 1; i++)
		if (streq(argv[i], "mode"))
			return tnl_mode_find(argv[i + 1], AF_INET6);
	return false;
}

/* The two halves take the same verbs, but for prl and 6rd (IPv4 only);
 * each says "unknown" in its own words. */
int do_tunnel(struct ipctx *ctx, int argc, char **argv)
{
	bool v6 = wants_ipv6(argc, argv) || ctx->family == AF_INET6;
	const char *v = "show";

	if (!v6 && ctx->family != AF_UNSPEC && ctx->family != AF_INET) {
		pr_err("Unsupported protocol family: %d\n",
		       ctx->family);
		return EXIT_USAGE;
	}
	if (argc > 0) {
		v = *argv;
		argc--;
		argv++;
	}
	if (matches(v, "add") || matches(v, "change")) {
		unsigned long cmd = *v == 'a' ? SIOCADDTUNNEL : SIOCCHGTUNNEL;

		return v6 ? tnl6_add(ctx, argc, argv, cmd) :
			    do_add4(ctx, argc, argv, cmd);
	}
	if (matches(v, "delete"))
		return v6 ? tnl6_del(ctx, argc, argv) : do_del4(ctx, argc, argv);
	if (is_list_verb(v))
		return v6 ? tnl6_show(ctx, argc, argv) :
			    do_show4(ctx, argc, argv);
	if (!v6 && matches(v, "prl"))
		return do_prl(argc, argv);
	if (!v6 && matches(v, "6rd"))
		return do_6rd(argc, argv);
	if (matches(v, "help"))
		return v6 ? tnl6_usage() : usage();
	pr_err(v6 ? "Command \"%s\" is unknown, try \"ip -f inet6 tunnel help\".\n" :
			    "Command \"%s\" is unknown, try \"ip tunnel help\"\n", v);
	return EXIT_USAGE;
}
