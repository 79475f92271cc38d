/* IP tunnels: gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan (the
 * IFLA_GRE_* family), ipip, sit, ip6tnl (IFLA_IPTUN_*) and vti, vti6
 * (IFLA_VTI_*: addresses, keys, dev and fwmark only).  One argument
 * parser fills one struct for all of them; each family encodes and prints
 * its own attributes.  "set" starts from the link's current values, as the
 * reference does: it sends every attribute again. */
#include <arpa/inet.h>
#include <stddef.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include <netinet/in.h>

#include "link_kind.h"
#include "names.h"
#include "usage_text.h"

enum {
	T_GRE = 1,	/* keys, sequence numbers, checksums */
	T_V6 = 2,	/* IPv6 outer header: hoplimit, tclass, flowlabel */
	T_ERSPAN = 4,	/* erspan options accepted and sent */
	T_SIT = 8,	/* isatap, 6rd */
	T_VTI = 16,	/* IPsec: no flag words, no ttl, tos or encap */
};

struct tnl {
	unsigned int kind;
	uint8_t local[16], remote[16];
	uint32_t link, fwmark, ikey, okey, flowinfo, flags6, erspan_idx;
	uint16_t iflags, oflags, sit_flags, erspan_hwid;
	uint16_t encap_type, encap_flags, encap_sport, encap_dport;
	uint8_t ttl, tos, pmtudisc, ignore_df, encap_limit, proto;
	uint8_t erspan_ver, erspan_dir;
	bool metadata;
	uint8_t prefix6[16], relay4[4];
	uint16_t prefixlen, relaylen;
};

static unsigned int kind_flags(const char *name)
{
	static const struct {
		const char *name;
		unsigned char flags;
	} t[] = {
		{ "gre", T_GRE }, { "gretap", T_GRE },
		{ "erspan", T_GRE | T_ERSPAN },
		{ "ip6gre", T_GRE | T_V6 | T_ERSPAN },
		{ "ip6gretap", T_GRE | T_V6 | T_ERSPAN },
		{ "ip6erspan", T_GRE | T_V6 | T_ERSPAN },
		{ "ipip", 0 }, { "sit", T_SIT }, { "ip6tnl", T_V6 },
		{ "vti", T_VTI }, { "vti6", T_VTI | T_V6 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (streq(t[i].name, name))
			return t[i].flags;
	return 0;
}

static void tnl_defaults(struct tnl *t)
{
	t->pmtudisc = 1;
	if (t->kind & T_V6) {
		t->ttl = 64;
		t->encap_limit = 4;
		t->encap_flags = TUNNEL_ENCAP_FLAG_CSUM6;
	}
	t->erspan_ver = 1;
}

/* ---- usage ---- */

static void tnl_usage_of(FILE *f, const char *kind)
{
	unsigned int k = kind_flags(kind);
	const char *key = k & T_GRE ? ", KEY := { DOTTED_QUAD | NUMBER }" : "";

	if (k & T_VTI) {
		usage_print(f, USAGE_VTI, kind,
			    k & T_V6 ? "IPV6_ADDRESS" : "IP_ADDRESS");
		return;
	}
	usage_print(f, USAGE_TNL_HEAD, kind);
	if (k & T_GRE)
		usage_print(f, USAGE_TNL_GRE);
	if (k & T_V6)
		usage_print(f, USAGE_TNL_V6);
	else
		usage_print(f, USAGE_TNL_TTL, k & T_GRE ? " [ [no]ignore-df ]" : "");
	if (!(k & (T_GRE | T_V6)))
		usage_print(f, USAGE_TNL_MODE4, k & T_SIT ? "ip6ip | " : "",
			    k & T_SIT ? " [ isatap ]" : "");
	else if (!(k & T_GRE))
		usage_print(f, USAGE_TNL_MODE6);
	usage_print(f, USAGE_TNL_ENCAP);
	if (k & T_ERSPAN)
		usage_print(f, USAGE_TNL_ERSPAN);
	usage_print(f, USAGE_TNL_ADDR, k & T_V6 ? "IPV6_ADDRESS" : "IP_ADDRESS");
	usage_print(f, k & T_V6 ? USAGE_TNL_VALUES6 : USAGE_TNL_VALUES4, key);
}


/* ---- the current values ("set") ---- */

/* One attribute of a family and the struct tnl member it is read into
 * ("set" starts from the link's values) and sent from.  The request sends
 * the fields in table order, the reference's, each when its condition
 * holds; a field of the link that is absent keeps its default. */
struct tnl_field {
	uint8_t attr, off;
	uint8_t size;		/* bytes; A_ADDR: 4 or 16 by family */
	uint8_t flags;		/* a SEND_* condition, NONZERO, LOW_BIT */
};

enum { A_ADDR = 0, A_FLAG = 255 };	/* A_FLAG: present or not (bool) */
enum {
	SEND_ALWAYS, SEND_V4, SEND_V6, SEND_ERSPAN, SEND_ERSPAN1,
	SEND_ERSPAN2, SEND_SIT, SEND_NEVER,
	NONZERO = 8,		/* only when not 0 */
	LOW_BIT = 16,		/* ignore_df: 1 on, 2 given off */
	V4_ADDR = 32,		/* an address ipip and sit read (6rd) */
};

#define FIELD(attr, member, size, flags)                                       \
	{ attr, offsetof(struct tnl, member), size, flags }

/* the order of these is the order of the request */
static const struct tnl_field gre_fields[] = {
	FIELD(IFLA_GRE_IKEY, ikey, 4, SEND_ALWAYS),
	FIELD(IFLA_GRE_OKEY, okey, 4, SEND_ALWAYS),
	FIELD(IFLA_GRE_IFLAGS, iflags, 2, SEND_ALWAYS),
	FIELD(IFLA_GRE_OFLAGS, oflags, 2, SEND_ALWAYS),
	FIELD(IFLA_GRE_LOCAL, local, A_ADDR, SEND_ALWAYS | NONZERO),
	FIELD(IFLA_GRE_REMOTE, remote, A_ADDR, SEND_ALWAYS | NONZERO),
	FIELD(IFLA_GRE_LINK, link, 4, SEND_V6 | NONZERO),
	FIELD(IFLA_GRE_TTL, ttl, 1, SEND_V6),
	FIELD(IFLA_GRE_ENCAP_LIMIT, encap_limit, 1, SEND_V6),
	FIELD(IFLA_GRE_FLOWINFO, flowinfo, 4, SEND_V6),
	FIELD(IFLA_GRE_FLAGS, flags6, 4, SEND_V6),
	FIELD(IFLA_GRE_PMTUDISC, pmtudisc, 1, SEND_V4),
	FIELD(IFLA_GRE_IGNORE_DF, ignore_df, 1, SEND_V4 | NONZERO | LOW_BIT),
	FIELD(IFLA_GRE_TOS, tos, 1, SEND_V4),
	FIELD(IFLA_GRE_LINK, link, 4, SEND_V4 | NONZERO),
	FIELD(IFLA_GRE_TTL, ttl, 1, SEND_V4),
	FIELD(IFLA_GRE_FWMARK, fwmark, 4, SEND_ALWAYS),
	FIELD(IFLA_GRE_ERSPAN_VER, erspan_ver, 1, SEND_ERSPAN),
	FIELD(IFLA_GRE_ERSPAN_INDEX, erspan_idx, 4, SEND_ERSPAN1 | NONZERO),
	FIELD(IFLA_GRE_ERSPAN_DIR, erspan_dir, 1, SEND_ERSPAN2),
	FIELD(IFLA_GRE_ERSPAN_HWID, erspan_hwid, 2, SEND_ERSPAN2),
	FIELD(IFLA_GRE_ENCAP_TYPE, encap_type, 2, SEND_ALWAYS),
	FIELD(IFLA_GRE_ENCAP_FLAGS, encap_flags, 2, SEND_ALWAYS),
	FIELD(IFLA_GRE_ENCAP_SPORT, encap_sport, 2, SEND_ALWAYS),
	FIELD(IFLA_GRE_ENCAP_DPORT, encap_dport, 2, SEND_ALWAYS),
	FIELD(IFLA_GRE_COLLECT_METADATA, metadata, A_FLAG, SEND_NEVER),
};

/* after IFLA_IPTUN_PROTO and the metadata flag (iptnl_put) */
static const struct tnl_field iptnl_fields[] = {
	FIELD(IFLA_IPTUN_LOCAL, local, A_ADDR, SEND_ALWAYS | NONZERO),
	FIELD(IFLA_IPTUN_REMOTE, remote, A_ADDR, SEND_ALWAYS | NONZERO),
	FIELD(IFLA_IPTUN_TTL, ttl, 1, SEND_V6),
	FIELD(IFLA_IPTUN_ENCAP_LIMIT, encap_limit, 1, SEND_V6),
	FIELD(IFLA_IPTUN_FLOWINFO, flowinfo, 4, SEND_V6),
	FIELD(IFLA_IPTUN_FLAGS, flags6, 4, SEND_V6),
	FIELD(IFLA_IPTUN_PMTUDISC, pmtudisc, 1, SEND_V4),
	FIELD(IFLA_IPTUN_TOS, tos, 1, SEND_V4),
	FIELD(IFLA_IPTUN_TTL, ttl, 1, SEND_V4),
	FIELD(IFLA_IPTUN_LINK, link, 4, SEND_ALWAYS),
	FIELD(IFLA_IPTUN_FWMARK, fwmark, 4, SEND_ALWAYS),
	FIELD(IFLA_IPTUN_ENCAP_TYPE, encap_type, 2, SEND_ALWAYS),
	FIELD(IFLA_IPTUN_ENCAP_FLAGS, encap_flags, 2, SEND_ALWAYS),
	FIELD(IFLA_IPTUN_ENCAP_SPORT, encap_sport, 2, SEND_ALWAYS),
	FIELD(IFLA_IPTUN_ENCAP_DPORT, encap_dport, 2, SEND_ALWAYS),
	FIELD(IFLA_IPTUN_FLAGS, sit_flags, 2, SEND_SIT),
	FIELD(IFLA_IPTUN_PROTO, proto, 1, SEND_NEVER),
	FIELD(IFLA_IPTUN_COLLECT_METADATA, metadata, A_FLAG, SEND_NEVER),
	FIELD(IFLA_IPTUN_6RD_PREFIX, prefix6, 16, SEND_NEVER | V4_ADDR),
	FIELD(IFLA_IPTUN_6RD_RELAY_PREFIX, relay4, 4, SEND_NEVER | V4_ADDR),
	FIELD(IFLA_IPTUN_6RD_PREFIXLEN, prefixlen, 2, SEND_NEVER),
	FIELD(IFLA_IPTUN_6RD_RELAY_PREFIXLEN, relaylen, 2, SEND_NEVER),
};

static const struct tnl_field vti_fields[] = {
	FIELD(IFLA_VTI_IKEY, ikey, 4, SEND_ALWAYS),
	FIELD(IFLA_VTI_OKEY, okey, 4, SEND_ALWAYS),
	FIELD(IFLA_VTI_LOCAL, local, A_ADDR, SEND_ALWAYS | NONZERO),
	FIELD(IFLA_VTI_REMOTE, remote, A_ADDR, SEND_ALWAYS | NONZERO),
	FIELD(IFLA_VTI_FWMARK, fwmark, 4, SEND_ALWAYS),
	FIELD(IFLA_VTI_LINK, link, 4, SEND_ALWAYS | NONZERO),
};

#define N_FIELDS(t) (sizeof(t) / sizeof((t)[0]))
_Static_assert(sizeof(struct tnl) < 256, "offsets fit in a byte");

static size_t field_size(const struct tnl *t, const struct tnl_field *f)
{
	if (f->size != A_ADDR)
		return f->size;
	return t->kind & T_V6 ? 16 : 4;
}

/* The link's values, read as the reference reads them: the first bytes of
 * each attribute, whatever its length (a shorter one reads as its padding,
 * zeros).  It never looks at the link's kind, and gives up ("Failed to get
 * existing tunnel info") only on an address of the wrong size: false. */
static bool tnl_from_attrs(struct tnl *t, struct rtattr **tb,
			   const struct tnl_field *f, size_t n)
{
	for (; n--; f++) {
		const struct rtattr *a = tb[f->attr];
		size_t len = field_size(t, f), have;
		char *dst = (char *)t + f->off;

		if (f->size == A_FLAG) {
			*(bool *)dst = a != NULL;
			continue;
		}
		if (!a)
			continue;
		have = nl_attr_len(a);
		if (have != len && (f->size == A_ADDR ||
				    ((f->flags & V4_ADDR) && !(t->kind & T_V6))))
			return false;
		memset(dst, 0, len);
		memcpy(dst, nl_attr_data(a), have < len ? have : len);
	}
	return true;
}

struct cur_arg {
	struct tnl *t;
	bool ok;
};

/* "set" reads whatever IFLA_INFO_DATA the link has as the kind's own, as
 * the reference does (a vxlan's as ipip's, say): a link of another kind
 * fails on its address attributes, or later on the kernel's EOPNOTSUPP. */
static int current_cb(struct nlmsghdr *nlh, void *arg)
{
	struct cur_arg *c = arg;
	struct rtattr *d[IFLA_GRE_MAX + IFLA_IPTUN_MAX + 2];
	const struct rtattr *data;
	const char *kind;

	if (!link_msg_kind(nlh, &kind, &data) || !data)
		return 0;
	if (c->t->kind & T_VTI) {
		nl_parse_nested(d, IFLA_VTI_MAX, data);
		c->ok = tnl_from_attrs(c->t, d, vti_fields,
				       N_FIELDS(vti_fields));
	} else if (c->t->kind & T_GRE) {
		nl_parse_nested(d, IFLA_GRE_MAX, data);
		c->ok = tnl_from_attrs(c->t, d, gre_fields,
				       N_FIELDS(gre_fields));
	} else {
		nl_parse_nested(d, IFLA_IPTUN_MAX, data);
		c->ok = tnl_from_attrs(c->t, d, iptnl_fields,
				       N_FIELDS(iptnl_fields));
	}
	return 0;
}

static int tnl_current(struct ipctx *ctx, struct tnl *t, int ifindex)
{
	NL_REQ_DEFINE(req, 64);
	struct ifinfomsg *ifi;
	struct cur_arg c = { t, false };

	NL_REQ_INIT(req, RTM_GETLINK, NLM_F_REQUEST);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_index = ifindex;
	if (nl_get(ctx_lookup_nl(ctx), &req, current_cb, &c) < 0 || !c.ok) {
		pr_err("Failed to get existing tunnel info.\n");
		return EXIT_FAIL;
	}
	return 0;
}

/* ---- parsing ---- */

static int get_addr_arg(uint8_t *dst, const char *s, bool v6)
{
	struct inet_addr a;

	if (parse_addr(&a, s, v6 ? AF_INET6 : AF_INET))
		return addr_expected(v6 ? AF_INET6 : AF_INET, "address", s);
	memset(dst, 0, 16);
	if (!(a.flags & ADDR_DEFAULT))
		memcpy(dst, a.data, a.bytelen);
	return 0;
}

static int key_arg(uint32_t *key, const char *name, const char *s)
{
	uint32_t v;
	struct inet_addr a;

	if (strchr(s, '.')) {	/* the reference's wording for keys */
		if (parse_addr(&a, s, AF_INET))
			return ip_expected(s);
		memcpy(key, a.data, 4);
		return 0;
	}
	if (parse_u32(&v, s, 0)) {
		pr_err("invalid value for \"%s\": \"%s\"; it should be an unsigned integer\n",
			name, s);
		return EXIT_USAGE;
	}
	*key = htonl(v);
	return 0;
}

/* The GRE flag words, abbreviations allowed, tried in this order (so "no"
 * is nokey and "noi" noikey, as with the reference). */
static const struct {
	const char *word;
	unsigned char what;	/* 'i' iflags, 'o' oflags, 'b' both */
	uint16_t bits;		/* GRE_* (big-endian already) */
	bool on;
} gre_flags[] = {
	{ "nokey", 'b', GRE_KEY, 0 }, { "noikey", 'i', GRE_KEY, 0 },
	{ "nookey", 'o', GRE_KEY, 0 }, { "seq", 'b', GRE_SEQ, 1 },
	{ "iseq", 'i', GRE_SEQ, 1 }, { "oseq", 'o', GRE_SEQ, 1 },
	{ "noseq", 'b', GRE_SEQ, 0 }, { "noiseq", 'i', GRE_SEQ, 0 },
	{ "nooseq", 'o', GRE_SEQ, 0 }, { "csum", 'b', GRE_CSUM, 1 },
	{ "icsum", 'i', GRE_CSUM, 1 }, { "ocsum", 'o', GRE_CSUM, 1 },
	{ "nocsum", 'b', GRE_CSUM, 0 }, { "noicsum", 'i', GRE_CSUM, 0 },
	{ "noocsum", 'o', GRE_CSUM, 0 },
};

static void gre_flag_set(struct tnl *t, size_t i)
{
	uint16_t bits = gre_flags[i].bits;
	char w = gre_flags[i].what;

	if (w != 'o')
		t->iflags = gre_flags[i].on ? t->iflags | bits : t->iflags & ~bits;
	if (w != 'i')
		t->oflags = gre_flags[i].on ? t->oflags | bits : t->oflags & ~bits;
	if (bits == GRE_KEY && w != 'o')
		t->ikey = 0;
	if (bits == GRE_KEY && w != 'i')
		t->okey = 0;
}

/* The words without a value of both families' encapsulation and of GRE
 * ([no]pmtudisc is GRE's here too: abbreviated, which ipip's is not). */
static bool flag_word(struct tnl *t, const char *a)
{
	static const char *const encap[] = { "encap-csum", "encap-udp6-csum",
					     "encap-remcsum" };
	bool no = !strncmp(a, "no", 2);
	size_t i;

	for (i = 0; i < 3; i++)
		if (streq(no ? a + 2 : a, encap[i])) {
			if (no)
				t->encap_flags &= ~(1u << i);
			else
				t->encap_flags |= 1u << i;
			return true;
		}
	if (!(t->kind & T_GRE))
		return false;
	for (i = 0; i < sizeof(gre_flags) / sizeof(gre_flags[0]); i++)
		if (matches(a, gre_flags[i].word)) {
			gre_flag_set(t, i);
			return true;
		}
	if (!(t->kind & T_V6) && (matches(a, "nopmtudisc") || matches(a, "pmtudisc"))) {
		t->pmtudisc = a[0] == 'p';
		return true;
	}
	return false;
}

/* TUNNEL_ENCAP_NONE, _FOU and _GUE are 0, 1, 2 */
static const char *const encap_names[] = { "none", "fou", "gue" };

static int encap_arg(struct tnl *t, const char *key, const char *s)
{
	uint16_t v;

	if (streq(key, "encap")) {
		for (v = 0; v < 3 && !streq(s, encap_names[v]); v++)
			;
		if (v == 3)
			return invarg("Invalid encap type.", s);
		t->encap_type = v;
	} else if (streq(key, "encap-sport")) {
		if (streq(s, "auto"))
			v = 0;
		else if (parse_u16(&v, s, 0))
			return invarg("Invalid source port.", s);
		t->encap_sport = htons(v);
	} else {
		if (parse_u16(&v, s, 0))
			return invarg("Invalid destination port.", s);
		t->encap_dport = htons(v);
	}
	return 0;
}

static int erspan_arg(struct tnl *t, const char *key, const char *s)
{
	uint32_t v;

	if (streq(key, "erspan")) {
		if (parse_u32(&v, s, 0))
			return invarg("invalid erspan index\n", s);
		if (v == 0 || v >= 1u << 20)
			return invarg("erspan index must be > 0 and <= 20-bit\n", s);
		t->erspan_idx = v;
	} else if (streq(key, "erspan_ver")) {
		if (parse_u32(&v, s, 0) || v > 255)
			return invarg("invalid erspan version\n", s);
		if (v > 2)
			return invarg("erspan version must be 0/1/2\n", s);
		t->erspan_ver = v;
	} else if (streq(key, "erspan_dir")) {
		if (matches(s, "ingress"))
			t->erspan_dir = 0;
		else if (matches(s, "egress"))
			t->erspan_dir = 1;
		else
			return invarg("Invalid erspan direction.", s);
	} else {
		if (parse_u32(&v, s, 0) || v > 0xffff)
			return invarg("invalid erspan hwid\n", s);
		t->erspan_hwid = v;
	}
	return 0;
}

static int mode_arg(struct tnl *t, const char *s)
{
	static const struct {
		const char *word;
		unsigned char proto, v6, sit_only;
	} m[] = {
		{ "ipip", IPPROTO_IPIP, 0, 0 }, { "ip4ip4", IPPROTO_IPIP, 0, 0 },
		{ "ipv4/ipv4", IPPROTO_IPIP, 0, 0 },
		{ "mplsip", IPPROTO_MPLS, 0, 0 }, { "mpls/ipv4", IPPROTO_MPLS, 0, 0 },
		{ "any", 0, 0, 0 }, { "any/ipv4", 0, 0, 0 },
		{ "ip6ip", IPPROTO_IPV6, 0, 1 }, { "ipv6/ipv4", IPPROTO_IPV6, 0, 1 },
		{ "ip6ip6", IPPROTO_IPV6, 1, 0 }, { "ipv6/ipv6", IPPROTO_IPV6, 1, 0 },
		{ "ipip6", IPPROTO_IPIP, 1, 0 }, { "ip/ipv6", IPPROTO_IPIP, 1, 0 },
		{ "ipv4/ipv6", IPPROTO_IPIP, 1, 0 },
		{ "any", 0, 1, 0 }, { "any/ipv6", 0, 1, 0 },
	};
	bool v6 = t->kind & T_V6;
	size_t i;

	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (streq(s, m[i].word) && m[i].v6 == v6 &&
		    (!m[i].sit_only || (t->kind & T_SIT))) {
			t->proto = m[i].proto;
			return 0;
		}
	return invarg("Cannot guess tunnel mode.", s);
}

static int v6_flow_arg(struct tnl *t, const char *key, const char *s)
{
	uint32_t v;

	if (streq(key, "tclass") || streq(key, "flowlabel"))
		return flowinfo_word(&t->flowinfo, &t->flags6, s,
				     key[0] == 'f');
	if (streq(key, "dscp")) {
		if (!streq(s, "inherit"))
			return invarg("not inherit", s);
		t->flags6 |= IP6_TNL_F_RCV_DSCP_COPY;
		return 0;
	}
	/* encaplimit */
	if (streq(s, "none")) {
		t->flags6 |= IP6_TNL_F_IGN_ENCAP_LIMIT;
		return 0;
	}
	/* ip6tnl takes a bad number as 0; ip6gre refuses it */
	if (parse_u32(&v, s, 0) || v > 255) {
		if (t->kind & T_GRE)
			return invarg("invalid ELIM", s);
		v = 0;
	}
	t->encap_limit = v;
	t->flags6 &= ~IP6_TNL_F_IGN_ENCAP_LIMIT;
	return 0;
}

static int ttl_tos_arg(struct tnl *t, const char *key, const char *s)
{
	uint32_t v;
	bool v6 = t->kind & T_V6;

	if (streq(key, "ttl")) {
		if (streq(s, "inherit"))
			v = 0;
		else if (parse_u32(&v, s, 0) || v > 255)
			return invarg(v6 ? "invalid HLIM\n" : "invalid TTL\n", s);
		t->ttl = v;
		return 0;
	}
	if (v6)
		return v6_flow_arg(t, "tclass", s);
	if (streq(s, "inherit"))
		v = 1;
	else if (rt_dsfield_a2n(s, &v))
		return invarg("bad TOS value", s);
	t->tos = v;
	return 0;
}

static int fwmark_arg(struct tnl *t, const char *s)
{
	if ((t->kind & (T_V6 | T_VTI)) == T_V6 && streq(s, "inherit")) {
		t->flags6 |= IP6_TNL_F_USE_ORIG_FWMARK;
		t->fwmark = 0;
		return 0;
	}
	if (parse_u32(&t->fwmark, s, 0))
		return invarg("invalid fwmark\n", s);
	if (t->kind & T_V6)
		t->flags6 &= ~IP6_TNL_F_USE_ORIG_FWMARK;
	return 0;
}

static int prefix_6rd(struct tnl *t, const char *key, const char *s)
{
	struct inet_addr a;
	bool relay = streq(key, "6rd-relay_prefix");

	if (parse_prefix(&a, s, relay ? AF_INET : AF_INET6))
		return addr_expected(relay ? AF_INET : AF_INET6, "prefix", s);
	if (a.bitlen < 0)
		a.bitlen = a.bytelen * 8;
	if (relay) {
		memcpy(t->relay4, a.data, 4);
		t->relaylen = a.bitlen;
	} else {
		memcpy(t->prefix6, a.data, 16);
		t->prefixlen = a.bitlen;
	}
	return 0;
}

enum {
	W_KEY, W_IKEY, W_OKEY, W_REMOTE, W_LOCAL, W_DEV, W_TTL, W_TOS,
	W_FLOWLABEL, W_DSCP, W_ELIM, W_FWMARK, W_MODE, W_ENCAP, W_ERSPAN,
	W_6RD,
};
/* where a keyword is known, and whether an abbreviation of it counts */
enum { K_GRE = 1, K_IPTNL = 2, K_V6 = 4, K_V4 = 8, K_ERSPAN = 16,
       P_GRE = 32, P_ALL = 64, K_VTI = 128 };

static const struct {
	const char *word;
	unsigned char id, where;
} words[] = {
	{ "key", W_KEY, K_GRE | K_VTI | P_GRE },
	{ "ikey", W_IKEY, K_GRE | K_VTI | P_GRE },
	{ "okey", W_OKEY, K_GRE | K_VTI | P_GRE },
	{ "remote", W_REMOTE, K_GRE | K_IPTNL | K_VTI | P_GRE },
	{ "local", W_LOCAL, K_GRE | K_IPTNL | K_VTI | P_GRE },
	{ "dev", W_DEV, K_GRE | K_IPTNL | K_VTI | P_ALL },
	{ "ttl", W_TTL, K_GRE | K_IPTNL | P_GRE },
	{ "hoplimit", W_TTL, K_GRE | K_IPTNL | P_GRE },
	{ "hlim", W_TTL, K_GRE | K_IPTNL | P_GRE },
	{ "tos", W_TOS, K_GRE | K_IPTNL | P_GRE },
	{ "tclass", W_TOS, K_GRE | K_IPTNL | P_GRE },
	{ "tc", W_TOS, K_IPTNL },
	{ "dsfield", W_TOS, K_GRE | K_IPTNL | P_ALL },
	{ "flowlabel", W_FLOWLABEL, K_V6 | K_GRE | K_IPTNL },
	{ "fl", W_FLOWLABEL, K_V6 | K_GRE | K_IPTNL },
	{ "dscp", W_DSCP, K_V6 | K_GRE | K_IPTNL },
	{ "encaplimit", W_ELIM, K_V6 | K_GRE | K_IPTNL },
	{ "fwmark", W_FWMARK, K_GRE | K_IPTNL | K_VTI },
	{ "mode", W_MODE, K_IPTNL },
	{ "encap", W_ENCAP, K_GRE | K_IPTNL },
	{ "encap-sport", W_ENCAP, K_GRE | K_IPTNL },
	{ "encap-dport", W_ENCAP, K_GRE | K_IPTNL },
	{ "erspan", W_ERSPAN, K_ERSPAN | K_GRE },
	{ "erspan_ver", W_ERSPAN, K_ERSPAN | K_GRE },
	{ "erspan_dir", W_ERSPAN, K_ERSPAN | K_GRE },
	{ "erspan_hwid", W_ERSPAN, K_ERSPAN | K_GRE },
	{ "6rd-prefix", W_6RD, K_V4 | K_IPTNL },
	{ "6rd-relay_prefix", W_6RD, K_V4 | K_IPTNL },
};

static int value_word(const struct tnl *t, const char *a)
{
	unsigned int fam = t->kind & T_VTI ? K_VTI :
			   t->kind & T_GRE ? K_GRE : K_IPTNL;
	size_t i;

	/* P_GRE words are abbreviated for vti too */
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		unsigned int w = words[i].where;
		bool prefix = (w & P_ALL) || ((w & P_GRE) && fam != K_IPTNL);

		if (!(w & fam) || ((w & K_V6) && !(t->kind & T_V6)) ||
		    ((w & K_V4) && (t->kind & T_V6)) ||
		    ((w & K_ERSPAN) && !(t->kind & T_ERSPAN)))
			continue;
		if (prefix ? matches(a, words[i].word) : streq(a, words[i].word))
			return i;
	}
	return -1;
}

static int value_arg(struct ipctx *ctx, struct tnl *t, int w, const char *s)
{
	const char *word = words[w].word;
	bool v6 = t->kind & T_V6;
	int rc = 0;

	switch (words[w].id) {
	case W_KEY:
	case W_IKEY:
	case W_OKEY:
		if (words[w].id != W_OKEY) {
			t->iflags |= GRE_KEY;
			rc = key_arg(&t->ikey, word, s);
		}
		if (!rc && words[w].id != W_IKEY) {
			t->oflags |= GRE_KEY;
			rc = key_arg(&t->okey, word, s);
		}
		return rc;
	case W_REMOTE:
		return get_addr_arg(t->remote, s, v6);
	case W_LOCAL:
		return get_addr_arg(t->local, s, v6);
	case W_DEV:
		t->link = kind_dev(ctx, s);
		return t->link ? 0 : EXIT_USAGE;
	case W_TTL:
		return ttl_tos_arg(t, "ttl", s);
	case W_TOS:
		return ttl_tos_arg(t, "tos", s);
	case W_FLOWLABEL:
		return v6_flow_arg(t, "flowlabel", s);
	case W_DSCP:
		return v6_flow_arg(t, "dscp", s);
	case W_ELIM:
		return v6_flow_arg(t, "encaplimit", s);
	case W_FWMARK:
		return fwmark_arg(t, s);
	case W_MODE:
		return mode_arg(t, s);
	case W_ENCAP:
		return encap_arg(t, word, s);
	case W_ERSPAN:
		return erspan_arg(t, word, s);
	}
	return prefix_6rd(t, word, s);
}

/* The words without a value; false when a is none of them. */
static bool bare_word(struct tnl *t, const char *a)
{
	bool v6 = t->kind & T_V6, gre = t->kind & T_GRE;

	if (t->kind & T_VTI)	/* vti has no words without a value */
		return false;
	if (flag_word(t, a))
		return true;
	if (streq(a, "external"))
		t->metadata = true;
	else if (streq(a, "noencap"))
		t->encap_type = TUNNEL_ENCAP_NONE;
	else if (!v6 && !gre && (streq(a, "pmtudisc") || streq(a, "nopmtudisc")))
		t->pmtudisc = a[0] == 'p';
	else if (!v6 && gre && (streq(a, "ignore-df") || streq(a, "noignore-df")))
		t->ignore_df = a[0] == 'i' ? 1 : 2;	/* 2: given, off */
	else if (v6 && streq(a, "allow-localremote"))
		t->flags6 |= IP6_TNL_F_ALLOW_LOCAL_REMOTE;
	else if (v6 && streq(a, "noallow-localremote"))
		t->flags6 &= ~IP6_TNL_F_ALLOW_LOCAL_REMOTE;
	else if ((t->kind & T_SIT) && streq(a, "isatap"))
		t->sit_flags |= SIT_ISATAP;
	else if (!v6 && !gre && streq(a, "6rd-reset")) {
		memset(t->prefix6, 0, sizeof(t->prefix6));
		t->prefix6[0] = 0x20;
		t->prefix6[1] = 0x02;
		t->prefixlen = 16;
		memset(t->relay4, 0, sizeof(t->relay4));
		t->relaylen = 0;
	} else
		return false;
	return true;
}

static int tnl_args(struct ipctx *ctx, struct tnl *t, const char *kind,
		    int argc, char **argv)
{
	int w, rc;

	for (; argc > 0; argc--, argv++) {
		w = value_word(t, argv[0]);
		/* key, ikey and okey come before the GRE flags ("i" is ikey) */
		if ((w < 0 || words[w].id > W_OKEY) && bare_word(t, argv[0]))
			continue;
		if (w < 0) {
			tnl_usage_of(stderr, kind);
			return EXIT_FAIL;
		}
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		rc = value_arg(ctx, t, w, argv[0]);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- encoding ---- */

static bool is_zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static bool field_sent(const struct tnl *t, const struct tnl_field *f)
{
	bool v6 = t->kind & T_V6, erspan = t->kind & T_ERSPAN;

	switch (f->flags & 7) {
	case SEND_ALWAYS: return true;
	case SEND_V4: return !v6;
	case SEND_V6: return v6;
	case SEND_ERSPAN: return erspan;
	case SEND_ERSPAN1: return erspan && t->erspan_ver == 1;
	case SEND_ERSPAN2: return erspan && t->erspan_ver == 2;
	case SEND_SIT: return t->kind & T_SIT;
	}
	return false;
}

static void tnl_put_fields(struct nl_req *r, const struct tnl *t,
			   const struct tnl_field *f, size_t n)
{
	for (; n--; f++) {
		const uint8_t *p = (const uint8_t *)t + f->off;
		size_t len = field_size(t, f);
		uint8_t bit = *p & 1;

		if (!field_sent(t, f) ||
		    ((f->flags & NONZERO) && is_zero(p, len)))
			continue;
		nl_put(r, f->attr, f->flags & LOW_BIT ? &bit : p, len);
	}
}

static void gre_put(struct nl_req *r, const struct tnl *t)
{
	if (t->metadata)
		nl_put_flag(r, IFLA_GRE_COLLECT_METADATA);
	else
		tnl_put_fields(r, t, gre_fields, N_FIELDS(gre_fields));
}

static void iptnl_put(struct nl_req *r, const struct tnl *t)
{
	nl_put_u8(r, IFLA_IPTUN_PROTO, t->proto);
	if (t->metadata) {
		nl_put_flag(r, IFLA_IPTUN_COLLECT_METADATA);
		return;
	}
	tnl_put_fields(r, t, iptnl_fields, N_FIELDS(iptnl_fields));
	if (!(t->kind & T_SIT))
		return;
	if (t->prefixlen) {
		nl_put(r, IFLA_IPTUN_6RD_PREFIX, t->prefix6, 16);
		nl_put_u16(r, IFLA_IPTUN_6RD_PREFIXLEN, t->prefixlen);
	}
	if (t->relaylen) {
		nl_put(r, IFLA_IPTUN_6RD_RELAY_PREFIX, t->relay4, 4);
		nl_put_u16(r, IFLA_IPTUN_6RD_RELAY_PREFIXLEN, t->relaylen);
	}
}

static int tnl_parse(struct ipctx *ctx, struct nl_req *r, const char *kind,
		     int argc, char **argv)
{
	struct ifinfomsg *ifi = NLMSG_DATA(r->nlh);
	struct tnl t = { .kind = kind_flags(kind) };
	int rc;

	tnl_defaults(&t);
	if (!(r->nlh->nlmsg_flags & NLM_F_CREATE)) {
		rc = tnl_current(ctx, &t, ifi->ifi_index);
		if (rc)
			return rc;
	}
	rc = tnl_args(ctx, &t, kind, argc, argv);
	if (rc)
		return rc;
	if ((t.kind & (T_GRE | T_V6)) == T_GRE && (t.remote[0] & 0xf0) == 0xe0) {
		if (!t.ikey) {
			t.iflags |= GRE_KEY;
			memcpy(&t.ikey, t.remote, 4);
		}
		if (!t.okey) {
			t.oflags |= GRE_KEY;
			memcpy(&t.okey, t.remote, 4);
		}
		if (is_zero(t.local, 4)) {
			pr_err("A broadcast tunnel requires a source address.\n");
			return EXIT_FAIL;
		}
	}
	if (!(t.kind & (T_GRE | T_V6)) && !t.pmtudisc && t.ttl) {
		pr_err("ttl != 0 and nopmtudisc are incompatible\n");
		return EXIT_USAGE;
	}
	if (t.kind & T_VTI)
		tnl_put_fields(r, &t, vti_fields, N_FIELDS(vti_fields));
	else if (t.kind & T_GRE)
		gre_put(r, &t);
	else
		iptnl_put(r, &t);
	return 0;
}

/* ---- printing ---- */

static void print_endpoints(struct ipctx *ctx, const struct rtattr *remote,
			    const struct rtattr *local, const struct rtattr *link,
			    bool v6)
{
	struct out *o = &ctx->out;
	size_t n = v6 ? 16 : 4;
	const struct rtattr *a[2] = { remote, local };
	char buf[64];
	int i;

	for (i = 0; i < 2; i++) {
		const char *s = "any";

		if (a[i] && nl_attr_len(a[i]) >= n &&
		    !is_zero(nl_attr_data(a[i]), n))
			s = format_addr(v6 ? AF_INET6 : AF_INET,
					nl_attr_data(a[i]), n, buf, sizeof(buf));
		out_str(o, OUT_ANY, i ? "local" : "remote",
			i ? "local %s " : "remote %s ", s);
	}
	if (nl_attr_u32(link))
		out_str(o, OUT_ANY, "link", "dev %s ",
			ll_name_or_num(ctx, nl_attr_u32(link), buf, sizeof(buf)));
}

static void print_ttl(struct out *o, const struct rtattr *a, bool v6)
{
	unsigned int ttl = nl_attr_u8(a);

	if (!a)
		return;
	if (ttl) {
		out_uint(o, OUT_ANY, "ttl", v6 ? "hoplimit %u " : "ttl %u ", ttl);
		return;
	}
	out_uint(o, OUT_JSON, "ttl", NULL, 0);
	out_text(o, v6 ? "hoplimit inherit " : "ttl inherit ");
}

static void print_pmtudisc(struct out *o, const struct rtattr *a, bool always)
{
	bool on = nl_attr_u8(a);

	if (!a)
		return;
	out_bool(o, OUT_JSON, "pmtudisc", NULL, on);
	if (!on || always)
		out_text(o, on ? "pmtudisc " : "nopmtudisc ");
}

static void print_flag(struct out *o, const char *key, const char *text)
{
	out_bool(o, OUT_ANY, key, text, true);
}

/* encaplimit, tclass, flowlabel, dscp, allow-localremote, fwmark */
static void print_v6_flow(struct out *o, const struct rtattr *elim,
			  const struct rtattr *flowinfo,
			  const struct rtattr *flags)
{
	uint32_t f = nl_attr_u32(flags), fi = ntohl(nl_attr_u32(flowinfo));

	if (f & IP6_TNL_F_IGN_ENCAP_LIMIT)
		print_flag(o, "ip6_tnl_f_ign_encap_limit", "encaplimit none ");
	else if (elim)
		out_uint(o, OUT_ANY, "encap_limit", "encaplimit %u ",
			 nl_attr_u8(elim));
	if (f & IP6_TNL_F_USE_ORIG_TCLASS)
		print_flag(o, "ip6_tnl_f_use_orig_tclass", "tclass inherit ");
	else if (flowinfo)
		out_xstr(o, OUT_ANY, "tclass", o->json ? "0x%02llx" : "tclass 0x%02llx ",
			 (fi & IP6_TCLASS_MASK) >> 20);
	if (f & IP6_TNL_F_USE_ORIG_FLOWLABEL)
		print_flag(o, "ip6_tnl_f_use_orig_flowlabel", "flowlabel inherit ");
	else if (flowinfo)
		out_xstr(o, OUT_ANY, "flowlabel",
			 o->json ? "0x%05llx" : "flowlabel 0x%05llx ",
			 fi & IP6_LABEL_MASK);
	if (f & IP6_TNL_F_RCV_DSCP_COPY)
		print_flag(o, "ip6_tnl_f_rcv_dscp_copy", "dscp inherit ");
	if (f & IP6_TNL_F_MIP6_DEV)
		print_flag(o, "ip6_tnl_f_mip6_dev", "mip6 ");
	if (f & IP6_TNL_F_ALLOW_LOCAL_REMOTE)
		print_flag(o, "ip6_tnl_f_allow_local_remote", "allow-localremote ");
}

static void print_fwmark(struct out *o, const struct rtattr *a)
{
	if (nl_attr_u32(a))
		out_xstr(o, OUT_ANY, "fwmark", o->json ? "0x%llx" : "fwmark 0x%llx ",
			 nl_attr_u32(a));
}

/* the fwmark of an IPv6 tunnel: a number or "inherit" */
static void print_v6_fwmark(struct out *o, const struct rtattr *flags,
			    const struct rtattr *mark)
{
	if (nl_attr_u32(flags) & IP6_TNL_F_USE_ORIG_FWMARK)
		print_flag(o, "ip6_tnl_f_use_orig_fwmark", "fwmark inherit ");
	else
		print_fwmark(o, mark);
}

static void print_encap(struct out *o, struct rtattr **tb, int first)
{
	unsigned int type = nl_attr_u16(tb[first]);
	unsigned int flags = nl_attr_u16(tb[first + 1]);
	unsigned int sport = ntohs(nl_attr_u16(tb[first + 2]));
	unsigned int dport = ntohs(nl_attr_u16(tb[first + 3]));
	static const struct {
		unsigned int bit;
		const char *key, *word;
	} f[] = {
		{ TUNNEL_ENCAP_FLAG_CSUM, "csum", "encap-csum " },
		{ TUNNEL_ENCAP_FLAG_CSUM6, "csum6", "encap-csum6 " },
		{ TUNNEL_ENCAP_FLAG_REMCSUM, "remcsum", "encap-remcsum " },
	};
	size_t i;

	if (!type)
		return;
	out_obj_open(o, "encap");
	out_text(o, "encap ");
	out_str(o, OUT_ANY, "type", "%s ",
		type < 3 ? encap_names[type] : "unknown");
	out_uint(o, OUT_JSON, "sport", NULL, sport);
	if (sport)
		out_text(o, "encap-sport %u ", sport);
	else
		out_text(o, "encap-sport auto ");
	out_uint(o, OUT_ANY, "dport", "encap-dport %u ", dport);
	for (i = 0; i < 3; i++) {
		out_bool(o, OUT_JSON, f[i].key, NULL, flags & f[i].bit);
		out_text(o, "%s%s", flags & f[i].bit ? "" : "no", f[i].word);
	}
	out_obj_close(o);
}

/* an ikey (or okey) as a dotted quad */
static void print_key(struct out *o, bool okey, const struct rtattr *a)
{
	uint32_t key = nl_attr_u32(a);
	char buf[32];

	format_addr(AF_INET, &key, 4, buf, sizeof(buf));
	out_str(o, OUT_ANY, okey ? "okey" : "ikey", okey ? "okey %s " : "ikey %s ",
		buf);
}

static void print_gre_flags(struct out *o, struct rtattr **tb)
{
	static const struct {
		bool out;
		uint16_t bit;
		const char *key;
	} f[] = {
		{ 0, GRE_SEQ, "iseq" }, { 1, GRE_SEQ, "oseq" },
		{ 0, GRE_CSUM, "icsum" }, { 1, GRE_CSUM, "ocsum" },
	};
	uint16_t fl[2] = { nl_attr_u16(tb[IFLA_GRE_IFLAGS]),
			   nl_attr_u16(tb[IFLA_GRE_OFLAGS]) };
	char text[16];
	size_t i;

	for (i = 0; i < 2; i++)
		if (fl[i] & GRE_KEY)
			print_key(o, i, tb[i ? IFLA_GRE_OKEY : IFLA_GRE_IKEY]);
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (fl[f[i].out] & f[i].bit) {
			snprintf(text, sizeof(text), "%s ", f[i].key);
			print_flag(o, f[i].key, text);
		}
}

static void print_erspan(struct out *o, struct rtattr **tb)
{
	if (tb[IFLA_GRE_ERSPAN_INDEX])
		out_uint(o, OUT_ANY, "erspan_index", "erspan_index %u ",
			 nl_attr_u32(tb[IFLA_GRE_ERSPAN_INDEX]));
	if (tb[IFLA_GRE_ERSPAN_VER])
		out_uint(o, OUT_ANY, "erspan_ver", "erspan_ver %u ",
			 nl_attr_u8(tb[IFLA_GRE_ERSPAN_VER]));
	if (tb[IFLA_GRE_ERSPAN_DIR])
		out_str(o, OUT_ANY, "erspan_dir", "erspan_dir %s ",
			nl_attr_u8(tb[IFLA_GRE_ERSPAN_DIR]) ? "egress" : "ingress");
	if (tb[IFLA_GRE_ERSPAN_HWID])
		out_xstr(o, OUT_ANY, "erspan_hwid",
			 o->json ? "0x%llx" : "erspan_hwid 0x%llx ",
			 nl_attr_u16(tb[IFLA_GRE_ERSPAN_HWID]));
}

static const char *proto_name(unsigned int proto, bool v6)
{
	switch (proto) {
	case 0:
		return "any";
	case IPPROTO_IPIP:
		return v6 ? "ipip6" : "ipip";
	case IPPROTO_IPV6:
		return v6 ? "ip6ip6" : "ip6ip";
	case IPPROTO_MPLS:
		return v6 ? "mplsip6" : "mplsip";
	}
	return "unknown";
}

static void print_6rd(struct out *o, struct rtattr **tb)
{
	char buf[64];
	unsigned int len = nl_attr_u16(tb[IFLA_IPTUN_6RD_PREFIXLEN]);

	if (len && tb[IFLA_IPTUN_6RD_PREFIX] &&
	    nl_attr_len(tb[IFLA_IPTUN_6RD_PREFIX]) >= 16) {
		format_addr(AF_INET6, nl_attr_data(tb[IFLA_IPTUN_6RD_PREFIX]), 16,
			    buf, sizeof(buf));
		out_str(o, OUT_JSON, "prefix", NULL, buf);
		out_uint(o, OUT_JSON, "prefixlen", NULL, len);
		out_text(o, "6rd-prefix %s/%u ", buf, len);
	}
	len = nl_attr_u16(tb[IFLA_IPTUN_6RD_RELAY_PREFIXLEN]);
	if (len && tb[IFLA_IPTUN_6RD_RELAY_PREFIX] &&
	    nl_attr_len(tb[IFLA_IPTUN_6RD_RELAY_PREFIX]) >= 4) {
		format_addr(AF_INET, nl_attr_data(tb[IFLA_IPTUN_6RD_RELAY_PREFIX]),
			    4, buf, sizeof(buf));
		out_str(o, OUT_JSON, "relay_prefix", NULL, buf);
		out_uint(o, OUT_JSON, "relay_prefixlen", NULL, len);
		out_text(o, "6rd-relay_prefix %s/%u ", buf, len);
	}
}

/* The attributes both families print, in each one's numbers. */
struct tnl_attrs {
	uint8_t max, metadata, remote, local, link, ttl, tos, pmtudisc;
	uint8_t elim, flowinfo, flags, fwmark, encap;
	bool gre;
};

static const struct tnl_attrs gre_attrs = {
	IFLA_GRE_MAX, IFLA_GRE_COLLECT_METADATA, IFLA_GRE_REMOTE,
	IFLA_GRE_LOCAL, IFLA_GRE_LINK, IFLA_GRE_TTL, IFLA_GRE_TOS,
	IFLA_GRE_PMTUDISC, IFLA_GRE_ENCAP_LIMIT, IFLA_GRE_FLOWINFO,
	IFLA_GRE_FLAGS, IFLA_GRE_FWMARK, IFLA_GRE_ENCAP_TYPE, true,
};

static const struct tnl_attrs iptnl_attrs = {
	IFLA_IPTUN_MAX, IFLA_IPTUN_COLLECT_METADATA, IFLA_IPTUN_REMOTE,
	IFLA_IPTUN_LOCAL, IFLA_IPTUN_LINK, IFLA_IPTUN_TTL, IFLA_IPTUN_TOS,
	IFLA_IPTUN_PMTUDISC, IFLA_IPTUN_ENCAP_LIMIT, IFLA_IPTUN_FLOWINFO,
	IFLA_IPTUN_FLAGS, IFLA_IPTUN_FWMARK, IFLA_IPTUN_ENCAP_TYPE, false,
};

/* One printer for both families: the same fields, where the reference
 * puts them for each (fwmark moves about). */
static void tnl_print(struct ipctx *ctx, const struct rtattr *data,
		      const struct tnl_attrs *t, bool v6)
{
	struct rtattr *tb[(IFLA_GRE_MAX > IFLA_IPTUN_MAX ? IFLA_GRE_MAX :
			   IFLA_IPTUN_MAX) + 1];
	struct out *o = &ctx->out;

	if (!data)
		return;
	nl_parse_nested(tb, t->max, data);
	if (tb[t->metadata])
		print_flag(o, "external", "external ");
	if (!t->gre && tb[IFLA_IPTUN_PROTO])
		out_str(o, OUT_ANY, "proto", "%s ",
			proto_name(nl_attr_u8(tb[IFLA_IPTUN_PROTO]), v6));
	print_endpoints(ctx, tb[t->remote], tb[t->local], tb[t->link], v6);
	print_ttl(o, tb[t->ttl], v6);
	if (v6) {
		print_v6_flow(o, tb[t->elim], tb[t->flowinfo], tb[t->flags]);
		if (!t->gre)
			print_v6_fwmark(o, tb[t->flags], tb[t->fwmark]);
	} else {
		print_tos_inherit(o, nl_attr_u8(tb[t->tos]));
		print_pmtudisc(o, tb[t->pmtudisc], !t->gre);
		if (t->gre && nl_attr_u8(tb[IFLA_GRE_IGNORE_DF]))
			print_flag(o, "ignore_df", "ignore-df ");
		if (!t->gre && (nl_attr_u16(tb[IFLA_IPTUN_FLAGS]) & SIT_ISATAP))
			print_flag(o, "isatap", "isatap ");
		if (!t->gre)
			print_6rd(o, tb);
	}
	if (t->gre) {
		print_gre_flags(o, tb);
		if (v6)
			print_v6_fwmark(o, tb[t->flags], tb[t->fwmark]);
		else
			print_fwmark(o, tb[t->fwmark]);
		print_erspan(o, tb);
	}
	print_encap(o, tb, t->encap);
	if (!t->gre && !v6)
		print_fwmark(o, tb[t->fwmark]);
}

static void gre_print4(struct ipctx *ctx, const struct rtattr *data)
{
	tnl_print(ctx, data, &gre_attrs, false);
}

static void gre_print6(struct ipctx *ctx, const struct rtattr *data)
{
	tnl_print(ctx, data, &gre_attrs, true);
}

static void iptnl_print4(struct ipctx *ctx, const struct rtattr *data)
{
	tnl_print(ctx, data, &iptnl_attrs, false);
}

static void iptnl_print6(struct ipctx *ctx, const struct rtattr *data)
{
	tnl_print(ctx, data, &iptnl_attrs, true);
}

/* vti, vti6: as the others print them, keys as dotted quads when set */
static void vti_print(struct ipctx *ctx, const struct rtattr *data, bool v6)
{
	struct rtattr *tb[IFLA_VTI_MAX + 1];
	int i;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_VTI_MAX, data);
	print_endpoints(ctx, tb[IFLA_VTI_REMOTE], tb[IFLA_VTI_LOCAL],
			tb[IFLA_VTI_LINK], v6);
	for (i = 0; i < 2; i++)
		if (nl_attr_u32(tb[IFLA_VTI_IKEY + i]))
			print_key(&ctx->out, i, tb[IFLA_VTI_IKEY + i]);
	print_fwmark(&ctx->out, tb[IFLA_VTI_FWMARK]);
}

static void vti_print4(struct ipctx *ctx, const struct rtattr *data)
{
	vti_print(ctx, data, false);
}

static void vti_print6(struct ipctx *ctx, const struct rtattr *data)
{
	vti_print(ctx, data, true);
}

/* One parser and usage for all; each kind's name tells them apart. */
#define TNL_KIND(kind, print_fn)                                               \
	{ .name = kind, .parse = tnl_parse, .print = print_fn,                 \
	  .usage = tnl_usage_of }

const struct link_kind gre_kind = TNL_KIND("gre", gre_print4);
const struct link_kind gretap_kind = TNL_KIND("gretap", gre_print4);
const struct link_kind erspan_kind = TNL_KIND("erspan", gre_print4);
const struct link_kind ip6gre_kind = TNL_KIND("ip6gre", gre_print6);
const struct link_kind ip6gretap_kind = TNL_KIND("ip6gretap", gre_print6);
const struct link_kind ip6erspan_kind = TNL_KIND("ip6erspan", gre_print6);
const struct link_kind ipip_kind = TNL_KIND("ipip", iptnl_print4);
const struct link_kind sit_kind = TNL_KIND("sit", iptnl_print4);
const struct link_kind ip6tnl_kind = TNL_KIND("ip6tnl", iptnl_print6);
const struct link_kind vti_kind = TNL_KIND("vti", vti_print4);
const struct link_kind vti6_kind = TNL_KIND("vti6", vti_print6);
