/* ip route: argument parsing, add/change/replace/delete, get, dispatch. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/icmpv6.h>
#include <linux/mpls.h>

#include "route.h"
#include "usage_text.h"

/* ---- addresses the way the reference reads them ---- */

/* The shared parser, plus what routes need on top: "default", "any" and
 * "all" take no length and carry no bytes without a family, and only
 * "default" counts as a given length (it selects default routes only). */
static int route_addr(struct rt_prefix *p, const char *s, int family,
		      bool prefix)
{
	struct inet_addr a;
	int max;

	memset(p, 0, sizeof(*p));
	if (prefix ? parse_prefix(&a, s, family) : parse_addr(&a, s, family))
		return -1;
	p->family = a.family;
	memcpy(p->data, a.data, sizeof(p->data));
	max = a.family == AF_INET ? 32 : a.family == AF_INET6 ? 128 : 0;
	if (a.flags & ADDR_DEFAULT) {
		if (a.flags & ADDR_HAS_PREFIX)
			return -1;
		p->bytelen = max / 8;
		p->bitlen = 0;
		p->flags = streq(s, "default") ? PFX_LEN_GIVEN : 0;
		return 0;
	}
	p->bytelen = a.bytelen;
	p->bitlen = (a.flags & ADDR_HAS_PREFIX) ? a.bitlen : max;
	p->flags = (a.flags & ADDR_HAS_PREFIX) ? PFX_LEN_GIVEN : 0;
	return 0;
}

/* MPLS labels "L1/L2/..." as iproute2's mpls_pton reads them: each a
 * number in C syntax below 2^20, the last one marked bottom of stack.
 * Four fit here (iproute2 takes 64; the kernel's limit is 30). */
static int mpls_labels(struct rt_prefix *p, const char *s)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < sizeof(p->data) / 4; i++) {
		char *end;
		unsigned long label = strtoul(s, &end, 0);
		uint32_t entry;

		if (label >= 1u << 20 || end == s || (*end && *end != '/'))
			return -1;
		entry = htonl(label << MPLS_LS_LABEL_SHIFT |
			      (*end ? 0 : 1u << MPLS_LS_S_SHIFT));
		memcpy(p->data + 4 * i, &entry, 4);
		if (!*end) {
			p->family = AF_MPLS;
			p->bytelen = 4 * (i + 1);
			p->bitlen = 20;
			return 0;
		}
		s = end + 1;
	}
	pr_err("Error: too many labels.\n");
	return -1;
}

/* An MPLS prefix: one label, then an optional "/LEN" of at most 20 (the
 * reference cuts at the first '/', so "100/200" is no label stack here). */
static int mpls_prefix(struct rt_prefix *p, const char *s)
{
	char label[32];
	const char *slash = strchr(s, '/');
	uint32_t len;

	if (!slash)
		return mpls_labels(p, s);
	if ((size_t)(slash - s) >= sizeof(label))
		return -1;
	memcpy(label, s, slash - s);
	label[slash - s] = '\0';
	if (mpls_labels(p, label) || parse_u32(&len, slash + 1, 0) || len > 20)
		return -1;
	p->bitlen = len;
	p->flags = PFX_LEN_GIVEN;
	return 0;
}

/* "via link LLADDR": the bytes as ip link reads them. */
static int link_addr(struct rt_prefix *p, const char *s)
{
	int n;

	memset(p, 0, sizeof(*p));
	n = get_lladdr(p->data, sizeof(p->data), s);
	if (n < 0)
		return -1;
	p->family = AF_PACKET;
	p->bytelen = n > (int)sizeof(p->data) ? (int)sizeof(p->data) : n;
	p->bitlen = p->bytelen * 8;
	return 0;
}

/* The link family (-0) takes no IP prefix anywhere in ip route. */
static int not_in_context(const char *s, const char *what)
{
	pr_err(
		"Error: \"%s\" may be inet %s, but it is not allowed in this context.\n",
		s, what);
	return EXIT_FAIL;
}

int rt_get_addr(struct rt_prefix *p, const char *s, int family)
{
	int rc = family == AF_PACKET ? link_addr(p, s) :
		 family == AF_MPLS ? mpls_labels(p, s) :
		 route_addr(p, s, family, false);

	if (!rc)
		return 0;
	return addr_expected(family, "address", s);
}

int rt_get_prefix(struct rt_prefix *p, const char *s, int family)
{
	if (family == AF_PACKET)
		return not_in_context(s, "prefix");
	if (!(family == AF_MPLS ? mpls_prefix(p, s) :
	      route_addr(p, s, family, true)))
		return 0;
	return addr_expected(family, "prefix", s);
}

/* ---- add, change, replace, delete ---- */

struct rt_mod {
	struct ipctx *ctx;
	struct nl_req *req;
	struct rtmsg *r;
	struct nl_req *mx;	/* RTA_METRICS payload, built aside */
	uint32_t mxlock;
	const char *dev;
	bool gw_ok, dst_ok, nhs_ok, scope_ok, table_ok, type_ok, nhid;
};

enum mx_kind { MX_U32, MX_TIME, MX_BOOL, MX_HOPS };

static const struct mx_word {
	const char *word;
	bool prefix;		/* matched by abbreviation */
	uint8_t rtax;
	uint8_t kind;
	uint8_t time_scale;	/* kernel units per millisecond (rtt 8, rttvar 4) */
	const char *what;	/* for "\"what\" value is invalid" */
} mx_words[] = {
	{ "mtu", false, RTAX_MTU, MX_U32, 0, "mtu" },
	{ "hoplimit", false, RTAX_HOPLIMIT, MX_HOPS, 0, "hoplimit" },
	{ "advmss", false, RTAX_ADVMSS, MX_U32, 0, "mss" },
	{ "reordering", true, RTAX_REORDERING, MX_U32, 0, "reordering" },
	{ "rtt", false, RTAX_RTT, MX_TIME, 8, "rtt" },
	{ "rto_min", false, RTAX_RTO_MIN, MX_TIME, 1, "rto_min" },
	{ "window", true, RTAX_WINDOW, MX_U32, 0, "window" },
	{ "cwnd", true, RTAX_CWND, MX_U32, 0, "cwnd" },
	{ "initcwnd", true, RTAX_INITCWND, MX_U32, 0, "initcwnd" },
	{ "initrwnd", true, RTAX_INITRWND, MX_U32, 0, "initrwnd" },
	{ "features", true, RTAX_FEATURES, MX_U32, 0, "features" },
	{ "quickack", true, RTAX_QUICKACK, MX_BOOL, 0, "quickack" },
	{ "congctl", true, RTAX_CC_ALGO, MX_U32, 0, "congctl" },
	{ "rttvar", true, RTAX_RTTVAR, MX_TIME, 4, "rttvar" },
	{ "ssthresh", true, RTAX_SSTHRESH, MX_U32, 0, "ssthresh" },
};

/* "NUMBER[s|ms]"; a bare number is taken raw, in kernel units. */
static int parse_time_rtt(const char *s, uint32_t *val, bool *raw)
{
	char *p;
	double t;

	if (strchr(s, '.')) {
		t = scan_double(s, &p);
		if (t < 0 || p == s)
			return -1;
	} else {
		unsigned long long v;

		/* 64 bits on every target, as the reference's unsigned long on
		 * x86-64 (a 32-bit one would refuse 4294967296, which wraps) */
		errno = 0;
		v = strtoull(s, &p, 0);
		/* as in iproute2: "-1" is all ones, only an overflow fails */
		if (p == s || (v == ULLONG_MAX && errno == ERANGE))
			return -1;
		t = v;
	}
	*raw = !*p;
	if (!strcasecmp(p, "s") || !strcasecmp(p, "sec") || !strcasecmp(p, "secs"))
		t *= 1000;
	else if (*p && strcasecmp(p, "ms") && strcasecmp(p, "msec") &&
		 strcasecmp(p, "msecs"))
		return -1;
	/* Values past UINT_MAX wrap, as iproute2's double to unsigned int
	 * conversion does on x86-64 (through a 64-bit integer, 0 from 2^63
	 * on); spelled out, since out of range the conversion is undefined
	 * (UBSan, fuzz_route).  A fraction rounds up ("1.5" is 2). */
	*val = t < 9223372036854775808.0 ? (uint32_t)(uint64_t)t : 0;
	if (*val < t)
		*val += 1;
	return 0;
}

static const struct mx_word *mx_lookup(const char *a)
{
	size_t i;

	for (i = 0; i < sizeof(mx_words) / sizeof(mx_words[0]); i++)
		if (mx_words[i].prefix ? matches(a, mx_words[i].word)
				       : streq(a, mx_words[i].word))
			return &mx_words[i];
	return NULL;
}

static int mx_value(struct rt_mod *m, const struct mx_word *w, const char *v)
{
	char what[48];
	uint32_t val;
	bool raw;

	snprintf(what, sizeof(what), "\"%s\" value is invalid\n", w->what);
	if (w->rtax == RTAX_FEATURES) {
		if (!streq(v, "ecn"))
			return invarg("\"features\" value not valid\n", v);
		val = RTAX_FEATURE_ECN;
	} else if (w->kind == MX_TIME) {
		if (parse_time_rtt(v, &val, &raw))
			return invarg(what, v);
		if (!raw)
			val *= w->time_scale;
	} else if (parse_u32(&val, v, 0) || (w->kind == MX_HOPS && val > 255)) {
		return invarg(what, v);
	}
	if (w->kind == MX_BOOL && val > 1) {
		snprintf(what, sizeof(what), "\"%s\" value should be 0 or 1\n",
			 w->what);
		return invarg(what, v);
	}
	nl_put_u32(m->mx, w->rtax, val);
	return 0;
}

static int parse_metric(struct rt_mod *m, const struct mx_word *w, int *argc,
			char ***argv)
{
	bool lockable = w->kind != MX_BOOL && w->rtax != RTAX_FEATURES &&
			w->rtax != RTAX_RTO_MIN;

	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	if (w->rtax == RTAX_RTO_MIN)
		m->mxlock |= 1u << RTAX_RTO_MIN;
	if (lockable && streq((*argv)[0], "lock")) {
		m->mxlock |= 1u << w->rtax;
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
	}
	if (w->rtax == RTAX_CC_ALGO) {
		nl_put(m->mx, RTAX_CC_ALGO, (*argv)[0], strlen((*argv)[0]));
		return 0;
	}
	return mx_value(m, w, (*argv)[0]);
}

static int put_addr_attr(struct nl_req *req, struct rtmsg *r, int type,
			 const char *s, bool prefix)
{
	struct rt_prefix a;

	if (prefix ? rt_get_prefix(&a, s, r->rtm_family)
		   : rt_get_addr(&a, s, r->rtm_family))
		return EXIT_FAIL;
	if (r->rtm_family == AF_UNSPEC)
		r->rtm_family = a.family;
	if (a.bytelen)
		nl_put(req, type, a.data, a.bytelen);
	if (type == RTA_SRC)
		r->rtm_src_len = a.bitlen;
	else if (type == RTA_DST)
		r->rtm_dst_len = a.bitlen;
	return 0;
}

/* "via [FAMILY] ADDR": RTA_GATEWAY in the route's family, else RTA_VIA. */
int rt_get_via(struct rt_prefix *a, int *argc, char ***argv, int family)
{
	int f;

	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	f = family_of_word((*argv)[0]);
	if (f != AF_UNSPEC && !next_arg(argc, argv))
		return EXIT_USAGE;
	return rt_get_addr(a, (*argv)[0], f == AF_UNSPEC ? family : f);
}

static int parse_via(struct nl_req *req, struct rtmsg *r, int *argc,
		     char ***argv)
{
	struct rt_prefix a;
	uint8_t via[2 + 16];
	uint16_t fam16;
	int rc = rt_get_via(&a, argc, argv, r->rtm_family);

	if (rc)
		return rc;
	if (r->rtm_family == AF_UNSPEC)
		r->rtm_family = a.family;
	if (a.family == r->rtm_family) {
		nl_put(req, RTA_GATEWAY, a.data, a.bytelen);
		return 0;
	}
	fam16 = a.family;
	memcpy(via, &fam16, 2);
	memcpy(via + 2, a.data, a.bytelen);
	nl_put(req, RTA_VIA, via, 2 + a.bytelen);
	return 0;
}

/* Keywords taking one value that go straight into the request, in the
 * reference's order: those it tries before the metrics, then those after
 * them and "onlink". */
enum {
	MV_TOS, MV_DSFIELD, MV_EXPIRES, MV_METRIC, MV_PRIORITY, MV_PREFERENCE,
	MV_SCOPE, MV_REALMS, MV_NHID, MV_PROTOCOL, MV_TABLE, MV_VRF, MV_DEV,
	MV_OIF, MV_PREF,
};
static const char mod_words_early[] =
	"=tos\0dsfield\0=expires\0metric\0priority\0=preference\0=scope\0";
static const char mod_words_late[] =
	"realms\0=nhid\0protocol\0table\0vrf\0=dev\0=oif\0pref\0";

static int parse_mod_pref(struct rt_mod *m, const char *v)
{
	uint8_t pref;

	if (streq(v, "low"))
		pref = ICMPV6_ROUTER_PREF_LOW;
	else if (streq(v, "medium"))
		pref = ICMPV6_ROUTER_PREF_MEDIUM;
	else if (streq(v, "high"))
		pref = ICMPV6_ROUTER_PREF_HIGH;
	else if (parse_u8(&pref, v, 0))
		return invarg("\"pref\" value is invalid\n", v);
	nl_put_u8(m->req, RTA_PREF, pref);
	return 0;
}

static int parse_mod_value(struct rt_mod *m, int w, const char *v)
{
	struct rtmsg *r = m->r;
	uint32_t id;

	if (w == MV_TOS || w == MV_DSFIELD) {
		if (rt_dsfield_a2n(v, &id))
			return invarg("\"tos\" value is invalid\n", v);
		r->rtm_tos = id;
	} else if (w == MV_EXPIRES) {
		if (parse_u32(&id, v, 0))
			return invarg("\"expires\" value is invalid\n", v);
		nl_put_u32(m->req, RTA_EXPIRES, id);
	} else if (w == MV_METRIC || w == MV_PRIORITY || w == MV_PREFERENCE) {
		if (parse_u32(&id, v, 0))
			return invarg("\"metric\" value is invalid\n", v);
		nl_put_u32(m->req, RTA_PRIORITY, id);
	} else if (w == MV_SCOPE) {
		if (rt_scope_a2n(v, &id))
			return invarg("invalid \"scope\" value\n", v);
		r->rtm_scope = id;
		m->scope_ok = true;
	} else if (w == MV_REALMS) {
		if (rt_realms_a2n(v, &id))
			return invarg("\"realm\" value is invalid\n", v);
		nl_put_u32(m->req, RTA_FLOW, id);
	} else if (w == MV_NHID) {
		if (parse_u32(&id, v, 0))
			return invarg("\"id\" value is invalid\n", v);
		nl_put_u32(m->req, RTA_NH_ID, id);
		m->nhid = true;
	} else if (w == MV_PROTOCOL) {
		if (rt_proto_a2n(v, &id))
			return invarg("\"protocol\" value is invalid\n", v);
		r->rtm_protocol = id;
	} else if (w == MV_TABLE || w == MV_VRF) {
		if (w == MV_VRF ? !(id = vrf_table(m->ctx, v)) :
		    rt_table_a2n(v, &id) != 0)
			return invarg(w == MV_VRF ? "Invalid VRF\n" :
				      "\"table\" value is invalid\n", v);
		if (id < 256) {
			r->rtm_table = id;
		} else {
			r->rtm_table = RT_TABLE_UNSPEC;
			nl_put_u32(m->req, RTA_TABLE, id);
		}
		m->table_ok = true;
	} else if (w == MV_DEV || w == MV_OIF) {
		m->dev = v;
	} else {
		return parse_mod_pref(m, v);
	}
	return 0;
}

/* [TYPE] PREFIX, where a type word never starts with a digit. */
static int parse_dst(struct rt_mod *m, int *argc, char ***argv)
{
	uint32_t type;

	if (streq((*argv)[0], "to") && !next_arg(argc, argv))
		return EXIT_USAGE;
	if (((*argv)[0][0] < '0' || (*argv)[0][0] > '9') &&
	    !rt_type_a2n((*argv)[0], &type)) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		m->r->rtm_type = type;
		m->type_ok = true;
	}
	if (matches((*argv)[0], "help"))
		return -1;
	if (m->dst_ok)
		return duparg2("to", (*argv)[0]);
	m->dst_ok = true;
	return put_addr_attr(m->req, m->r, RTA_DST, (*argv)[0], true);
}

static int parse_mod_word(struct rt_mod *m, int *argc, char ***argv)
{
	const char *a = (*argv)[0];
	const struct mx_word *w;
	int v;

	if (streq(a, "src") || streq(a, "from")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return put_addr_attr(m->req, m->r, a[0] == 's' ? RTA_PREFSRC : RTA_SRC,
				     (*argv)[0], a[0] == 'f');
	}
	if (streq(a, "via")) {
		if (m->gw_ok)
			return invarg("use nexthop syntax to specify multiple via\n", a);
		m->gw_ok = true;
		return parse_via(m->req, m->r, argc, argv);
	}
	v = keyword_index(a, mod_words_early);
	if (v >= 0) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return parse_mod_value(m, v, (*argv)[0]);
	}
	w = mx_lookup(a);
	if (w)
		return parse_metric(m, w, argc, argv);
	if (streq(a, "onlink")) {
		m->r->rtm_flags |= RTNH_F_ONLINK;
		return 0;
	}
	v = keyword_index(a, mod_words_late);
	if (v >= 0) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return parse_mod_value(m, MV_REALMS + v, (*argv)[0]);
	}
	if (matches(a, "fastopen_no_cookie")) {
		static const struct mx_word fo = { "fastopen_no_cookie", true,
			RTAX_FASTOPEN_NO_COOKIE, MX_BOOL, 0, "fastopen_no_cookie" };

		return parse_metric(m, &fo, argc, argv);
	}
	if (streq(a, "encap") && *argc <= 1) {
		pr_err("Error: unexpected end of line after \"encap\"\n");
		return EXIT_USAGE;
	}
	if (streq(a, "encap") || streq(a, "as") || streq(a, "ttl-propagate")) {
		pr_err("Error: \"%s\" is not supported by this ip.\n", a);
		return EXIT_USAGE;
	}
	return parse_dst(m, argc, argv);
}

static int nodev(const char *name)
{
	pr_err("Cannot find device \"%s\"\n", name);
	return EXIT_FAIL;
}

/* One "nexthop ..." group; stops at the next word it does not know. */
static int parse_one_nh(struct ipctx *ctx, struct nl_req *mp, struct rtmsg *r,
			struct rtnexthop *nh, int *argc, char ***argv)
{
	uint32_t v;

	while ((*argv)++, --(*argc) > 0) {
		const char *a = (*argv)[0];

		if (streq(a, "via")) {
			int rc = parse_via(mp, r, argc, argv);

			if (rc)
				return rc;
		} else if (streq(a, "dev")) {
			if (!next_arg(argc, argv))
				return EXIT_USAGE;
			nh->rtnh_ifindex = ll_index(ctx, (*argv)[0]);
			if (!nh->rtnh_ifindex) {
				nodev((*argv)[0]);
				return -1;
			}
		} else if (streq(a, "weight")) {
			if (!next_arg(argc, argv))
				return EXIT_USAGE;
			if (parse_u32(&v, (*argv)[0], 0) || v == 0 || v > 256)
				return invarg("\"weight\" is invalid\n", (*argv)[0]);
			nh->rtnh_hops = v - 1;
		} else if (streq(a, "onlink")) {
			nh->rtnh_flags |= RTNH_F_ONLINK;
		} else if (matches(a, "realms")) {
			if (!next_arg(argc, argv))
				return EXIT_USAGE;
			if (rt_realms_a2n((*argv)[0], &v))
				return invarg("\"realm\" value is invalid\n", (*argv)[0]);
			nl_put_u32(mp, RTA_FLOW, v);
		} else {
			break;
		}
	}
	return 0;
}

static int parse_nexthops(struct ipctx *ctx, struct rt_mod *m, int argc,
			  char **argv)
{
	NL_REQ_DEFINE(mp, 4096);
	size_t hdr = NLMSG_LENGTH(0);

	NL_REQ_INIT(mp, 0, 0);
	while (argc > 0) {
		struct rtnexthop *nh;
		size_t at;
		int rc;

		if (!streq(argv[0], "nexthop")) {
			pr_err(
				"Error: \"nexthop\" or end of line is expected instead of \"%s\"\n",
				argv[0]);
			return EXIT_USAGE;
		}
		if (argc <= 1) {
			pr_err("Error: unexpected end of line after \"nexthop\"\n");
			return EXIT_USAGE;
		}
		at = NLMSG_ALIGN(mp.nlh->nlmsg_len);
		nh = nl_put_hdr(&mp, sizeof(*nh));
		if (!nh)
			return EXIT_USAGE;
		rc = parse_one_nh(ctx, &mp, m->r, nh, &argc, &argv);
		if (rc) {
			if (rc < 0) {
				pr_err("Error: cannot parse nexthop\n");
				return EXIT_USAGE;
			}
			return rc;
		}
		nh = (struct rtnexthop *)((char *)mp.nlh + at);
		nh->rtnh_len = mp.nlh->nlmsg_len - at;
	}
	if (mp.nlh->nlmsg_len > hdr)
		nl_put(m->req, RTA_MULTIPATH, (char *)mp.nlh + hdr,
		       mp.nlh->nlmsg_len - hdr);
	return 0;
}

/* Defaults the reference fills in after parsing: family, table, scope. */
static void mod_defaults(struct rt_mod *m, int cmd)
{
	struct rtmsg *r = m->r;
	int t = r->rtm_type;

	if (r->rtm_family == AF_UNSPEC)
		r->rtm_family = AF_INET;
	/* MPLS routes are unicast, a delete too */
	if (!m->type_ok && r->rtm_family == AF_MPLS)
		r->rtm_type = t = RTN_UNICAST;
	if (!m->table_ok && (t == RTN_LOCAL || t == RTN_BROADCAST ||
			     t == RTN_NAT || t == RTN_ANYCAST))
		r->rtm_table = RT_TABLE_LOCAL;
	if (m->scope_ok)
		return;
	if (r->rtm_family == AF_INET6 || r->rtm_family == AF_MPLS)
		r->rtm_scope = RT_SCOPE_UNIVERSE;
	else if (t == RTN_LOCAL || t == RTN_NAT)
		r->rtm_scope = RT_SCOPE_HOST;
	else if (t == RTN_BROADCAST || t == RTN_MULTICAST || t == RTN_ANYCAST)
		r->rtm_scope = RT_SCOPE_LINK;
	else if (t == RTN_UNICAST || t == RTN_UNSPEC) {
		if (cmd == RTM_DELROUTE)
			r->rtm_scope = RT_SCOPE_NOWHERE;
		else if (!m->gw_ok && !m->nhs_ok && !m->nhid)
			r->rtm_scope = RT_SCOPE_LINK;
	}
}

static int mod_finish(struct ipctx *ctx, struct rt_mod *m, int cmd)
{
	size_t hdr = NLMSG_LENGTH(0);

	if (m->dev) {
		int idx = ll_index(ctx, m->dev);

		if (!idx)
			return nodev(m->dev);
		nl_put_u32(m->req, RTA_OIF, idx);
	}
	if (m->mx->nlh->nlmsg_len > hdr) {
		if (m->mxlock)
			nl_put_u32(m->mx, RTAX_LOCK, m->mxlock);
		nl_put(m->req, RTA_METRICS, (char *)m->mx->nlh + hdr,
		       m->mx->nlh->nlmsg_len - hdr);
	}
	return 0;
}

/* -echo: the route as a listing shows it ("Deleted " first for a delete).
 * Without one, iproute2 gives its printer the ack instead and complains
 * about it: the header of a capped ack without extack, as its is. */
static void print_route_echo(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct rt_filter f;

	if (!nlh) {
		pr_err("Not a route: %08x %08x %08x\n",
		       (unsigned int)NLMSG_LENGTH(sizeof(struct nlmsgerr)),
		       NLMSG_ERROR, NLM_F_CAPPED);
		return;
	}
	rt_filter_init(&f);
	print_route(ctx, &f, nlh);
}

static int route_modify(struct ipctx *ctx, int cmd, unsigned int flags,
			int argc, char **argv)
{
	NL_REQ_DEFINE(req, 8192);
	NL_REQ_DEFINE(mx, 512);
	struct rt_mod m = { .ctx = ctx, .req = &req, .mx = &mx };
	int rc;

	NL_REQ_INIT(req, cmd, flags);
	NL_REQ_INIT(mx, 0, 0);
	m.r = nl_put_hdr(&req, sizeof(*m.r));
	m.r->rtm_family = ctx->family;
	m.r->rtm_table = RT_TABLE_MAIN;
	m.r->rtm_scope = RT_SCOPE_NOWHERE;
	if (cmd != RTM_DELROUTE) {
		m.r->rtm_protocol = RTPROT_BOOT;
		m.r->rtm_scope = RT_SCOPE_UNIVERSE;
		m.r->rtm_type = RTN_UNICAST;
	}
	for (; argc > 0; argc--, argv++) {
		if (streq(argv[0], "nexthop")) {
			m.nhs_ok = true;
			break;
		}
		rc = parse_mod_word(&m, &argc, &argv);
		if (rc)
			return rc < 0 ? route_usage() : rc;
	}
	if (!m.dst_ok)
		return route_usage();
	rc = mod_finish(ctx, &m, cmd);
	if (!rc && m.nhs_ok)
		rc = parse_nexthops(ctx, &m, argc, argv);
	if (rc)
		return rc;
	mod_defaults(&m, cmd);
	return ctx_talk_echo(ctx, &req, print_route_echo);
}

/* ---- get ---- */

struct rt_get {
	struct ipctx *ctx;
	const char *idev, *odev;
	uint32_t mark;
	bool connected, fibmatch, from_ok, addr_ok;
};

static int ipproto_a2n(const char *s, uint8_t *p)
{
	static const struct { const char *name; uint8_t id; } t[] = {
		{ "icmp", 1 }, { "igmp", 2 }, { "tcp", 6 }, { "udp", 17 },
		{ "dccp", 33 }, { "ipv6-icmp", 58 }, { "sctp", 132 },
		{ "udplite", 136 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcasecmp(s, t[i].name)) {
			*p = t[i].id;
			return 0;
		}
	return parse_u8(p, s, 0) ? -1 : 0;
}

static int get_dst(struct nl_req *req, struct rtmsg *r, struct rt_get *g,
		   int *argc, char ***argv)
{
	struct rt_prefix a;
	int want;

	if (streq((*argv)[0], "to") && !next_arg(argc, argv))
		return EXIT_USAGE;
	if (matches((*argv)[0], "help"))
		return -1;
	if (rt_get_prefix(&a, (*argv)[0], r->rtm_family))
		return EXIT_FAIL;
	if (r->rtm_family == AF_UNSPEC)
		r->rtm_family = a.family;
	if (a.bytelen)
		nl_put(req, RTA_DST, a.data, a.bytelen);
	want = r->rtm_family == AF_INET ? 32 : r->rtm_family == AF_INET6 ? 128 : -1;
	if (want > 0 && a.bitlen != want) {
		pr_err(
			"Warning: /%u as prefix is invalid, only /%d (or none) is supported.\n",
			a.bitlen, want);
		r->rtm_dst_len = want;
	} else {
		r->rtm_dst_len = a.bitlen;
	}
	g->addr_ok = true;
	return 0;
}

/* The keywords of "route get" taking a value, in the reference's order. */
enum {
	GV_TOS, GV_DSFIELD, GV_FROM, GV_IIF, GV_MARK, GV_OIF, GV_DEV, GV_UID,
	GV_SPORT, GV_DPORT, GV_IPPROTO,
};
static const char get_words[] = "=tos\0dsfield\0from\0iif\0mark\0oif\0=dev\0"
				"uid\0=sport\0=dport\0ipproto\0";

static int get_value(struct nl_req *req, struct rtmsg *r, struct rt_get *g,
		     int w, const char *v)
{
	uint32_t id;
	uint16_t port;
	uint8_t proto;

	if (w == GV_TOS || w == GV_DSFIELD) {
		if (rt_dsfield_a2n(v, &id))
			return invarg("TOS value is invalid\n", v);
		r->rtm_tos = id;
	} else if (w == GV_FROM) {
		if (matches(v, "help"))
			return -1;
		g->from_ok = true;
		return put_addr_attr(req, r, RTA_SRC, v, true);
	} else if (w == GV_IIF) {
		g->idev = v;
	} else if (w == GV_MARK) {
		if (parse_u32(&g->mark, v, 0))
			return invarg("invalid mark value", v);
	} else if (w == GV_OIF || w == GV_DEV) {
		g->odev = v;
	} else if (w == GV_UID) {
		if (parse_u32(&id, v, 0))
			return invarg("invalid UID\n", v);
		nl_put_u32(req, RTA_UID, id);
	} else if (w == GV_SPORT || w == GV_DPORT) {
		if (parse_u16(&port, v, 0))
			return invarg(w == GV_SPORT ? "invalid sport\n"
						    : "invalid dport\n", v);
		nl_put_u16(req, w == GV_SPORT ? RTA_SPORT : RTA_DPORT, htons(port));
	} else {
		if (ipproto_a2n(v, &proto))
			return invarg("Invalid \"ipproto\" value\n", v);
		nl_put_u8(req, RTA_IP_PROTO, proto);
	}
	return 0;
}

/* The keywords in the reference's order of prefix matching. */
static int parse_get(struct nl_req *req, struct rtmsg *r, struct rt_get *g,
		     int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];
		int w = keyword_index(a, get_words), rc;

		if (w >= 0 && !matches(a, "notify") &&
		    !matches(a, "connected")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			rc = get_value(req, r, g, w, argv[0]);
		} else if (matches(a, "notify")) {
			r->rtm_flags |= RTM_F_NOTIFY;
			rc = 0;
		} else if (matches(a, "connected")) {
			g->connected = true;
			rc = 0;
		} else if (matches(a, "vrf")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (!vrf_table(g->ctx, argv[0]))
				return invarg("Invalid VRF\n", argv[0]);
			g->odev = argv[0];
			rc = 0;
		} else if (streq(a, "as") || streq(a, "flowlabel")) {
			pr_err("Error: \"%s\" is not supported by this ip.\n", a);
			return EXIT_USAGE;
		} else if (matches(a, "fibmatch")) {
			g->fibmatch = true;
			rc = 0;
		} else {
			rc = get_dst(req, r, g, &argc, &argv);
		}
		if (rc)
			return rc;
	}
	return 0;
}

struct get_answer {
	struct ipctx *ctx;
	bool has_src;
	struct nlmsghdr *msg;	/* a copy: printing may reuse the socket */
};

static int get_answer_cb(struct nlmsghdr *nlh, void *arg)
{
	struct get_answer *a = arg;
	struct rtattr *tb[RTA_MAX + 1], *rta;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWROUTE ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtmsg)))
		return 0;
	rta = nl_msg_attrs(nlh, sizeof(struct rtmsg), &len);
	nl_parse(tb, RTA_MAX, rta, len, NULL);
	a->has_src = tb[RTA_PREFSRC] || tb[RTA_SRC];
	free(a->msg);
	a->msg = malloc(nlh->nlmsg_len);
	if (!a->msg)
		return -ENOMEM;
	memcpy(a->msg, nlh, nlh->nlmsg_len);
	return 0;
}

static int get_print(struct ipctx *ctx, struct get_answer *ans)
{
	struct rt_filter f;

	rt_filter_init(&f);
	f.cloned = 2;
	out_begin(&ctx->out);
	if (ans->msg)
		print_route(ctx, &f, ans->msg);
	out_end(&ctx->out);
	free(ans->msg);
	return EXIT_OK;
}

static int get_devs(struct ipctx *ctx, struct nl_req *req, struct rt_get *g)
{
	int idx;

	if (g->idev) {
		idx = ll_index(ctx, g->idev);
		if (!idx)
			return nodev(g->idev);
		nl_put_u32(req, RTA_IIF, idx);
	}
	if (g->odev) {
		idx = ll_index(ctx, g->odev);
		if (!idx)
			return nodev(g->odev);
		nl_put_u32(req, RTA_OIF, idx);
	}
	return 0;
}

static int route_get_once(struct ipctx *ctx, int argc, char **argv)
{
	NL_REQ_DEFINE(req, 1024);
	struct rt_get g = { .ctx = ctx };
	struct get_answer ans = { .ctx = ctx };
	struct rtmsg *r;
	int rc;

	NL_REQ_INIT(req, RTM_GETROUTE, 0);
	r = nl_put_hdr(&req, sizeof(*r));
	r->rtm_family = ctx->family;
	rc = parse_get(&req, r, &g, argc, argv);
	if (rc)
		return rc < 0 ? route_usage() : rc;
	if (!g.addr_ok) {
		pr_err("need at least a destination address\n");
		return EXIT_FAIL;
	}
	rc = get_devs(ctx, &req, &g);
	if (rc)
		return rc;
	if (g.mark)
		nl_put_u32(&req, RTA_MARK, g.mark);
	if (r->rtm_family == AF_UNSPEC)
		r->rtm_family = AF_INET;
	if (r->rtm_family == AF_INET)
		r->rtm_flags |= RTM_F_LOOKUP_TABLE;
	if (g.fibmatch)
		r->rtm_flags |= RTM_F_FIB_MATCH;
	if (g.connected && !g.from_ok) {
		rc = ctx_talk(ctx, &req, get_answer_cb, &ans);
		if (rc) {
			free(ans.msg);
			return rc;
		}
		/* The reference shows the first answer, then asks again. */
		get_print(ctx, &ans);
		ans.msg = NULL;
		/* ...and the second answer as text, even under -j. */
		ctx->out.json = false;
		if (!ans.has_src) {
			pr_err("Failed to connect the route\n");
			return EXIT_FAIL;
		}
	}
	rc = ctx_talk(ctx, &req, get_answer_cb, &ans);
	if (rc) {
		free(ans.msg);
		return rc;
	}
	return get_print(ctx, &ans);
}

/* "connected" may switch JSON off; the next batch line must not inherit it. */
static int route_get(struct ipctx *ctx, int argc, char **argv)
{
	bool json = ctx->out.json;
	int rc = route_get_once(ctx, argc, argv);

	ctx->out.json = json;
	return rc;
}

/* ---- dispatch ---- */

int route_usage(void)
{
	usage_print(stderr, USAGE_ROUTE);
	return EXIT_USAGE;
}

static const struct {
	const char *word;
	int cmd;
	unsigned int flags;
} modify_cmds[] = {
	{ "add", RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL },
	{ "change", RTM_NEWROUTE, NLM_F_REPLACE },
	{ "chg", RTM_NEWROUTE, NLM_F_REPLACE },
	{ "replace", RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE },
	{ "prepend", RTM_NEWROUTE, NLM_F_CREATE },
	{ "append", RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND },
	{ "test", RTM_NEWROUTE, NLM_F_EXCL },
	{ "delete", RTM_DELROUTE, 0 },
};

int do_route(struct ipctx *ctx, int argc, char **argv)
{
	const char *a;
	size_t i;

	if (argc < 1)
		return route_list(ctx, 0, NULL, RT_LIST);
	a = argv[0];
	for (i = 0; i < sizeof(modify_cmds) / sizeof(modify_cmds[0]); i++) {
		bool hit = streq(modify_cmds[i].word, "chg") ? streq(a, "chg")
							     : matches(a, modify_cmds[i].word);
		if (hit)
			return route_modify(ctx, modify_cmds[i].cmd,
					    NLM_F_ACK | modify_cmds[i].flags,
					    argc - 1, argv + 1);
	}
	if (matches(a, "list") || matches(a, "show") || matches(a, "lst"))
		return route_list(ctx, argc - 1, argv + 1, RT_LIST);
	if (matches(a, "get"))
		return route_get(ctx, argc - 1, argv + 1);
	if (matches(a, "flush"))
		return route_list(ctx, argc - 1, argv + 1, RT_FLUSH);
	if (matches(a, "save"))
		return route_list(ctx, argc - 1, argv + 1, RT_SAVE);
	if (matches(a, "restore"))
		return route_restore(ctx);
	if (matches(a, "showdump"))
		return route_showdump(ctx);
	if (matches(a, "help"))
		return route_usage();
	pr_err("Command \"%s\" is unknown, try \"ip route help\".\n", a);
	return EXIT_USAGE;
}
