/* ip neigh: the kernel's neighbour tables (ARP, NDP, proxies): show, flush,
 * add/change/replace/delete and get.  Listings come in the kernel's order
 * (its hash order) and stream: nothing is kept but the link names. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/socket.h>
#include <linux/neighbour.h>

#include "ip.h"
#include "names.h"
#include "route.h"
#include "usage_text.h"

static int neigh_usage(void)
{
	usage_print(stderr, USAGE_NEIGH);
	return EXIT_USAGE;
}

/* ---- the printer ---- */

struct neigh_view {
	const struct nlmsghdr *nlh;
	const struct ndmsg *ndm;
	struct rtattr *tb[NDA_MAX + 1];
	uint32_t ext_flags;
};

static const uint8_t nda_minlen[NDA_MAX + 1] = {
	[NDA_CACHEINFO] = sizeof(struct nda_cacheinfo),
	[NDA_PROBES] = 4,
	[NDA_PROTOCOL] = 1,
	[NDA_FLAGS_EXT] = 4,
};

static int neigh_decode(struct nlmsghdr *nlh, struct neigh_view *v)
{
	struct rtattr *rta;
	size_t len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ndmsg)))
		return -1;
	v->nlh = nlh;
	v->ndm = NLMSG_DATA(nlh);
	rta = nl_msg_attrs(nlh, sizeof(struct ndmsg), &len);
	nl_parse(v->tb, NDA_MAX, rta, len, nda_minlen);
	v->ext_flags = v->tb[NDA_FLAGS_EXT] ? nl_attr_u32(v->tb[NDA_FLAGS_EXT])
					    : 0;
	return 0;
}

/* The destination; bridge entries carry IPv4 or IPv6 by their length. */
static void print_dst(struct ipctx *ctx, const struct neigh_view *v,
		      const char *fmt)
{
	const struct rtattr *a = v->tb[NDA_DST];
	int family = v->ndm->ndm_family;
	char buf[256];
	const char *s;

	if (!a)
		return;
	if (family == AF_BRIDGE)
		family = nl_attr_len(a) == 16 ? AF_INET6 : AF_INET;
	if (ctx->resolve && hosts_lookup(family, nl_attr_data(a),
					 nl_attr_len(a), buf, sizeof(buf)))
		s = buf;
	else
		s = format_addr(family, nl_attr_data(a), nl_attr_len(a), buf,
				sizeof(buf));
	out_cstr(&ctx->out, OUT_ANY,
		 family == AF_INET ? C_INET : family == AF_INET6 ? C_INET6 : C_NONE,
		 "dst", fmt, s);
}

static const char *lladdr_of(struct ipctx *ctx, const struct neigh_view *v,
			     char *buf, size_t size)
{
	return ll_addr_text(v->tb[NDA_LLADDR],
			    ll_type(ctx, v->ndm->ndm_ifindex), buf, size);
}

static const char *dev_of(struct ipctx *ctx, const struct neigh_view *v,
			  char *buf, size_t size)
{
	return ll_name_or_num(ctx, v->ndm->ndm_ifindex, buf, size);
}

/* -br: address, device and link-layer address in columns. */
static void print_neigh_brief(struct ipctx *ctx, const struct neigh_view *v,
			      bool show_dev)
{
	char buf[256];

	print_dst(ctx, v, "%-39s ");
	if (show_dev && v->ndm->ndm_ifindex)
		out_cstr(&ctx->out, OUT_ANY, C_IFNAME, "dev", "%-16s ",
			 dev_of(ctx, v, buf, sizeof(buf)));
	if (v->tb[NDA_LLADDR])
		out_cstr(&ctx->out, OUT_ANY, C_MAC, "lladdr", "%s",
			 lladdr_of(ctx, v, buf, sizeof(buf)));
}

/* The flags in the reference's order; the extended ones (managed) above
 * the eight of ndm_flags. */
static void print_flags(struct out *o, const struct neigh_view *v)
{
	static const struct {
		uint16_t bit;
		const char *name;
	} __attribute__((packed)) flags[] = {
		{ NTF_ROUTER, "router" },
		{ NTF_PROXY, "proxy" },
		{ NTF_EXT_MANAGED << 8, "managed" },
		{ NTF_EXT_LEARNED, "extern_learn" },
		{ NTF_OFFLOADED, "offload" },
	};
	uint32_t all = v->ndm->ndm_flags | v->ext_flags << 8;
	size_t i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (all & flags[i].bit)
			out_null(o, OUT_ANY, flags[i].name, "%s ", flags[i].name);
}

/* USER_HZ: the unit of the kernel's neighbour timers. */
static unsigned int user_hz(void)
{
	static unsigned int hz;

	if (!hz)
		hz = (unsigned int)getauxval(AT_CLKTCK);
	if (!hz)
		hz = 100;
	return hz;
}

/* -s: reference count, timers (seconds since last used, confirmed and
 * updated) and probes, spaced as the reference spaces them. */
static void print_stats(struct out *o, const struct neigh_view *v)
{
	if (v->tb[NDA_CACHEINFO]) {
		struct nda_cacheinfo ci;
		unsigned int hz = user_hz();

		memcpy(&ci, nl_attr_data(v->tb[NDA_CACHEINFO]), sizeof(ci));
		if (ci.ndm_refcnt)
			out_uint(o, OUT_ANY, "refcnt", " ref %u", ci.ndm_refcnt);
		out_uint(o, OUT_ANY, "used", " used %u", ci.ndm_used / hz);
		out_uint(o, OUT_ANY, "confirmed", "/%u", ci.ndm_confirmed / hz);
		out_uint(o, OUT_ANY, "updated", "/%u", ci.ndm_updated / hz);
	}
	if (v->tb[NDA_PROBES])
		out_uint(o, OUT_ANY, "probes", "probes %u ",
			 nl_attr_u32(v->tb[NDA_PROBES]));
}

static void print_state(struct out *o, unsigned int nud)
{
	unsigned int bit;
	char buf[16];

	out_arr_open(o, "state");
	for (bit = 1; bit < 256; bit <<= 1) {
		const char *name = nud_state_name(bit, buf);

		if (!(nud & bit))
			continue;
		if (name)
			out_str(o, OUT_ANY, NULL, "%s ", name);
		else
			out_xstr(o, OUT_ANY, NULL, "0x%llx ", bit);
	}
	out_arr_close(o);
}

static void print_neigh_view(struct ipctx *ctx, const struct neigh_view *v,
			     bool show_dev)
{
	struct out *o = &ctx->out;
	char buf[256];

	out_obj_open(o, NULL);
	if (v->nlh->nlmsg_type == RTM_DELNEIGH)
		out_bool(o, OUT_ANY, "deleted", "Deleted ", true);
	else if (v->nlh->nlmsg_type == RTM_GETNEIGH)
		out_null(o, OUT_ANY, "miss", "%s ", "miss");
	if (ctx->brief) {
		print_neigh_brief(ctx, v, show_dev);
		goto end;
	}
	print_dst(ctx, v, "%s ");
	if (show_dev && v->ndm->ndm_ifindex) {
		out_text(o, "dev ");
		out_cstr(o, OUT_ANY, C_IFNAME, "dev", "%s ",
			 dev_of(ctx, v, buf, sizeof(buf)));
	}
	if (v->tb[NDA_LLADDR]) {
		out_text(o, "lladdr ");
		out_cstr(o, OUT_ANY, C_MAC, "lladdr", "%s ",
			 lladdr_of(ctx, v, buf, sizeof(buf)));
	}
	print_flags(o, v);
	if (ctx->stats)
		print_stats(o, v);
	if (v->ndm->ndm_state)
		print_state(o, v->ndm->ndm_state);
	if (v->tb[NDA_PROTOCOL])
		out_str(o, OUT_ANY, "protocol", "proto %s ",
			ctx_name_of(ctx, NT_PROTOS, nl_attr_u8(v->tb[NDA_PROTOCOL]),
				    buf, sizeof(buf)));
end:
	out_obj_close(o);
	out_eol(o);
}

int print_neigh(struct ipctx *ctx, struct nlmsghdr *nlh, bool show_dev)
{
	struct neigh_view v;

	if (neigh_decode(nlh, &v))
		return -1;
	print_neigh_view(ctx, &v, show_dev);
	return 0;
}

/* ---- add, change, replace, delete ---- */

struct neigh_mod {
	struct rt_prefix dst;
	const char *dev, *lladdr;
	unsigned int state;
	uint8_t flags;
	uint8_t protocol;
	bool dst_ok, dev_ok, proto_ok;
	uint32_t ext_flags;
};

/* "dev" as the reference finds it: a name, or "ifN" for index N. */
static int dev_index_of(struct ipctx *ctx, const char *name)
{
	unsigned int idx = ll_index(ctx, name);

	if (!idx && !scan_uint(name, "if", 10, &idx))
		idx = 0;
	if (!idx)
		pr_err("Cannot find device \"%s\"\n", name);
	return (int)idx;
}

/* The destination, bare or after "to"; "help" there is the usage for get,
 * and is skipped by add and the others, as the reference skips it.  0, or
 * an exit code. */
static int parse_mod_dst(struct ipctx *ctx, struct neigh_mod *m, int *argc,
			 char ***argv, bool get)
{
	if (streq(**argv, "to") && !next_arg(argc, argv))
		return EXIT_USAGE;
	if (matches(**argv, "help")) {
		if (get)
			return neigh_usage();
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
	}
	if (m->dst_ok)
		return duparg2("to", **argv);
	if (rt_get_addr(&m->dst, **argv, ctx->family))
		return exit_now(EXIT_FAIL);
	m->dst_ok = true;
	return 0;
}

static int parse_mod_proxy(struct ipctx *ctx, struct neigh_mod *m,
			   const char *v)
{
	if (matches(v, "help"))
		return neigh_usage();
	if (m->dst_ok)
		return duparg("address", v);
	if (rt_get_addr(&m->dst, v, ctx->family))
		return exit_now(EXIT_FAIL);
	m->dst_ok = m->dev_ok = true;
	m->flags |= NTF_PROXY;
	return 0;
}

/* One keyword with its value, if it takes one; 0, or an exit code. */
static int parse_mod_word(struct ipctx *ctx, struct neigh_mod *m, int *argc,
			  char ***argv)
{
	const char *a = **argv;
	uint32_t proto;

	if (matches(a, "lladdr") || streq(a, "nud") || matches(a, "proxy") ||
	    streq(a, "dev") || matches(a, "protocol")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
	}
	if (matches(a, "lladdr")) {
		if (m->lladdr)
			return duparg("lladdr", **argv);
		m->lladdr = **argv;
	} else if (streq(a, "nud")) {
		if (nud_state_a2n(**argv, &m->state))
			return invarg("nud state is bad", **argv);
	} else if (matches(a, "proxy")) {
		return parse_mod_proxy(ctx, m, **argv);
	} else if (streq(a, "router")) {
		m->flags |= NTF_ROUTER;
	} else if (matches(a, "extern_learn")) {
		m->flags |= NTF_EXT_LEARNED;
	} else if (streq(a, "dev")) {
		m->dev = **argv;
		m->dev_ok = true;
	} else if (matches(a, "protocol")) {
		if (rt_proto_a2n(**argv, &proto))
			return invarg("\"protocol\" value is invalid\n", **argv);
		m->protocol = proto;
		m->proto_ok = true;
	} else if (streq(a, "use")) {
		m->flags |= NTF_USE;
	} else if (streq(a, "managed")) {
		/* the kernel keeps it resolved: no state unless "nud" follows */
		m->ext_flags |= NTF_EXT_MANAGED;
		m->state = 0;
	} else {
		return parse_mod_dst(ctx, m, argc, argv, false);
	}
	return 0;
}

typedef int (*mod_word_fn)(struct ipctx *ctx, struct neigh_mod *m,
			   int *argc, char ***argv);

/* Every word of the command line, each with its value; 0 or an exit code. */
static int parse_words(struct ipctx *ctx, struct neigh_mod *m, int argc,
		       char **argv, mod_word_fn word)
{
	int rc;

	for (; argc > 0; argc--, argv++) {
		rc = word(ctx, m, &argc, &argv);
		if (rc)
			return rc;
	}
	return 0;
}

/* The request past the command line: link-layer address and device. */
static int put_mod(struct ipctx *ctx, struct nl_req *req, struct ndmsg *ndm,
		   const struct neigh_mod *m)
{
	uint8_t lla[32];

	ndm->ndm_family = m->dst.family;
	ndm->ndm_state = m->state;
	ndm->ndm_flags = m->flags;
	/* The reference's order of attributes: protocol, destination,
	 * extended flags, link-layer address. */
	if (m->proto_ok)
		nl_put_u8(req, NDA_PROTOCOL, m->protocol);
	nl_put(req, NDA_DST, m->dst.data, m->dst.bytelen);
	if (m->ext_flags)
		nl_put_u32(req, NDA_FLAGS_EXT, m->ext_flags);
	if (m->lladdr && !streq(m->lladdr, "null")) {
		int len = get_lladdr(lla, sizeof(lla), m->lladdr);

		if (len < 0)
			return EXIT_FAIL;
		nl_put(req, NDA_LLADDR, lla,
		       (size_t)len < sizeof(lla) ? (size_t)len : sizeof(lla));
	}
	if (m->dev) {
		ndm->ndm_ifindex = dev_index_of(ctx, m->dev);
		if (!ndm->ndm_ifindex)
			return EXIT_FAIL;
	}
	return 0;
}

static int neigh_modify(struct ipctx *ctx, int cmd, unsigned int flags,
			int argc, char **argv)
{
	NL_REQ_DEFINE(req, 256);
	struct neigh_mod m = { .state = NUD_PERMANENT };
	struct ndmsg *ndm;
	int rc = parse_words(ctx, &m, argc, argv, parse_mod_word);

	if (rc)
		return rc;
	if (!m.dev_ok || !m.dst_ok || m.dst.family == AF_UNSPEC) {
		pr_err("Device and destination are required arguments.\n");
		return EXIT_USAGE;
	}
	NL_REQ_INIT(req, cmd, NLM_F_ACK | flags);
	ndm = nl_put_hdr(&req, sizeof(*ndm));
	rc = put_mod(ctx, &req, ndm, &m);
	if (rc)
		return rc;
	rc = ctx_talk(ctx, &req, NULL, NULL);
	return rc == EXIT_KERNEL ? exit_now(rc) : rc;
}

/* ---- get ---- */

static int get_answer(struct nlmsghdr *nlh, void *arg)
{
	struct ipctx *ctx = arg;

	if (nlh->nlmsg_type == RTM_NEWNEIGH)
		print_neigh(ctx, nlh, true);
	return 0;
}

static int parse_get_word(struct ipctx *ctx, struct neigh_mod *m, int *argc,
			  char ***argv)
{
	const char *a = **argv;

	if (streq(a, "dev")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		m->dev = **argv;
		return 0;
	}
	if (matches(a, "proxy")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return parse_mod_proxy(ctx, m, **argv);
	}
	return parse_mod_dst(ctx, m, argc, argv, true);
}

/* The kernel looks one entry up (RTM_GETNEIGH with an address); unlike
 * the reference, -j prints it as JSON. */
static int neigh_get(struct ipctx *ctx, int argc, char **argv)
{
	NL_REQ_DEFINE(req, 256);
	struct neigh_mod m = { 0 };
	struct nl_sock *s;
	struct ndmsg *ndm;
	int err, rc = parse_words(ctx, &m, argc, argv, parse_get_word);

	if (rc)
		return rc;
	if (!m.dev || !m.dst_ok || m.dst.family == AF_UNSPEC) {
		pr_err("Device and address are required arguments.\n");
		return EXIT_FAIL;
	}
	NL_REQ_INIT(req, RTM_GETNEIGH, 0);
	ndm = nl_put_hdr(&req, sizeof(*ndm));
	ndm->ndm_ifindex = dev_index_of(ctx, m.dev);
	if (!ndm->ndm_ifindex)
		return EXIT_FAIL;
	ndm->ndm_family = m.dst.family;
	ndm->ndm_flags = m.flags;
	nl_put(&req, NDA_DST, m.dst.data, m.dst.bytelen);
	s = ctx_nl(ctx);
	if (!s)
		return EXIT_FAIL;
	out_begin(&ctx->out);
	err = nl_get(s, &req, get_answer, ctx);
	out_end(&ctx->out);
	return err < 0 ? nl_report(ctx, err) : EXIT_OK;
}

/* ---- show and flush ---- */

enum { NUD_FILTER_NONE = 0x100 };	/* "nud none" asks for state 0 */

struct neigh_filter {
	int family;
	int index;
	int master;		/* -1: "nomaster" */
	unsigned int state;
	uint8_t ndm_flags;
	uint8_t protocol;	/* 0: any */
	bool unused;
	bool nud_given;
	struct rt_prefix pfx;
	const char *dev;
};

struct neigh_dump {
	struct ipctx *ctx;
	struct neigh_filter *f;
	struct flush_batch *fb;	/* flush: delete requests not yet sent */
};

static int parse_nud_filter(struct neigh_filter *f, const char *v, bool flush)
{
	unsigned int st;

	if (!f->nud_given)
		f->state = 0;
	f->nud_given = true;
	if (nud_state_a2n(v, &st)) {
		if (!streq(v, "all"))
			return invarg("nud state is bad", v);
		st = ~0u;
		if (flush)
			st &= ~NUD_NOARP;
	}
	f->state |= st ? st : NUD_FILTER_NONE;
	return 0;
}

static int parse_master_filter(struct ipctx *ctx, struct neigh_filter *f,
			       const char *v, bool vrf)
{
	f->master = ll_index(ctx, v);
	if (!f->master)
		return invarg(vrf ? "Not a valid VRF name\n"
				  : "Device does not exist\n", v);
	if (vrf && !ll_is_kind(ctx, v, "vrf"))
		return invarg("Not a valid VRF name\n", v);
	return 0;
}

static bool filter_takes_value(const char *a)
{
	return streq(a, "dev") || streq(a, "master") || streq(a, "vrf") ||
	       streq(a, "nud") || matches(a, "protocol");
}

static int parse_filter_word(struct ipctx *ctx, struct neigh_filter *f,
			     int *argc, char ***argv, bool flush)
{
	const char *a = **argv;
	uint32_t proto;

	if (filter_takes_value(a) && !next_arg(argc, argv))
		return EXIT_USAGE;
	if (streq(a, "dev")) {
		if (f->dev)
			return duparg("dev", **argv);
		f->dev = **argv;
	} else if (streq(a, "master") || streq(a, "vrf")) {
		return parse_master_filter(ctx, f, **argv, streq(a, "vrf"));
	} else if (streq(a, "nomaster")) {
		f->master = -1;
	} else if (streq(a, "unused")) {
		f->unused = true;
	} else if (streq(a, "nud")) {
		return parse_nud_filter(f, **argv, flush);
	} else if (streq(a, "proxy")) {
		f->ndm_flags = NTF_PROXY;
	} else if (matches(a, "protocol")) {
		if (rt_proto_a2n(**argv, &proto))
			return invarg("invalid \"protocol\"\n", **argv);
		f->protocol = proto;
	} else {
		if (streq(a, "to") && !next_arg(argc, argv))
			return EXIT_USAGE;
		if (matches(**argv, "help"))
			return neigh_usage();
		if (rt_get_prefix(&f->pfx, **argv, f->family))
			return exit_now(EXIT_FAIL);
		if (f->family == AF_UNSPEC)
			f->family = f->pfx.family;
	}
	return 0;
}

/* Compare the first `bits` bits of two addresses. */
static bool prefix_matches(const struct rt_prefix *p, const struct rtattr *a)
{
	int bits = p->bitlen, bytes = bits / 8, rest = bits % 8;
	const uint8_t *d;

	if (!a || !p->family || bits <= 0)
		return true;
	if (nl_attr_len(a) < p->bytelen || bytes > 16)
		return false;
	d = nl_attr_data(a);
	if (memcmp(d, p->data, bytes))
		return false;
	return !rest || !((d[bytes] ^ p->data[bytes]) & (0xff << (8 - rest)));
}

/* The reference's selection: proxies and externally learned entries pass
 * any "nud", state 0 passes only "nud none" (or "all"). */
static bool neigh_wanted(const struct neigh_filter *f,
			 const struct neigh_view *v)
{
	const struct ndmsg *ndm = v->ndm;
	const struct rtattr *ci = v->tb[NDA_CACHEINFO];

	if (f->family && f->family != ndm->ndm_family)
		return false;
	if (f->index && f->index != ndm->ndm_ifindex)
		return false;
	if (!(f->state & ndm->ndm_state) && !(ndm->ndm_flags & NTF_PROXY) &&
	    !(ndm->ndm_flags & NTF_EXT_LEARNED) &&
	    (ndm->ndm_state || !(f->state & NUD_FILTER_NONE)))
		return false;
	if (!prefix_matches(&f->pfx, v->tb[NDA_DST]))
		return false;
	if (f->protocol && (!v->tb[NDA_PROTOCOL] ||
			    nl_attr_u8(v->tb[NDA_PROTOCOL]) != f->protocol))
		return false;
	if (f->unused && ci &&
	    ((const struct nda_cacheinfo *)nl_attr_data(ci))->ndm_refcnt)
		return false;
	return true;
}

static int dump_cb(struct nlmsghdr *nlh, void *arg)
{
	struct neigh_dump *d = arg;
	struct neigh_view v;

	if (nlh->nlmsg_type != RTM_NEWNEIGH || neigh_decode(nlh, &v) ||
	    !neigh_wanted(d->f, &v))
		return 0;
	if (d->fb) {
		if (flush_batch_add(d->ctx, d->fb, nlh, RTM_DELNEIGH))
			return -EIO;
		if (d->ctx->stats < 2)
			return 0;
	}
	print_neigh_view(d->ctx, &v, !d->f->index);
	return 0;
}

static int neigh_dump(struct ipctx *ctx, struct neigh_dump *d,
		      const char *fail)
{
	NL_REQ_DEFINE(req, 128);
	struct nl_sock *s = ctx_nl(ctx);
	struct ndmsg *ndm;
	int err;

	if (!s)
		return EXIT_FAIL;
	NL_REQ_INIT(req, RTM_GETNEIGH, 0);
	ndm = nl_put_hdr(&req, sizeof(*ndm));
	ndm->ndm_family = d->f->family;
	ndm->ndm_flags = d->f->ndm_flags;
	/* Strict checking: the kernel keeps only this device's (or this
	 * master's) entries. */
	if (d->f->index)
		nl_put_u32(&req, NDA_IFINDEX, d->f->index);
	if (d->f->master)
		nl_put_u32(&req, NDA_MASTER, d->f->master);
	err = nl_dump(s, &req, dump_cb, d);
	warn_dump_intr(s);
	if (err < 0) {
		if (d->fb) {
			pr_err("%s\n", fail);
			return exit_now(EXIT_FAIL);
		}
		return dump_failed(s, err);
	}
	return EXIT_OK;
}

enum { FLUSH_ROUNDS = 10 };

static int neigh_flush(struct ipctx *ctx, struct neigh_dump *d)
{
	struct flush_batch fb;
	int round = 0, rc;

	d->fb = &fb;
	while (round < FLUSH_ROUNDS) {
		fb.count = 0;
		fb.used = 0;
		rc = neigh_dump(ctx, d, "Flush terminated");
		if (rc)
			return rc;
		if (fb.count == 0) {
			if (!ctx->stats)
				return EXIT_OK;
			if (round == 0)
				out_text(&ctx->out, "Nothing to flush.\n");
			else
				out_text(&ctx->out,
					 "*** Flush is complete after %d round%s ***\n",
					 round, round > 1 ? "s" : "");
			return EXIT_OK;
		}
		round++;
		if (flush_batch_send(ctx, &fb))
			return exit_now(EXIT_FAIL);
		if (ctx->stats) {
			out_text(&ctx->out, "\n*** Round %d, deleting %d entries ***\n",
				 round, fb.count);
			out_flush(&ctx->out);
		}
		/* Failed entries may not go at once: later rounds leave them. */
		d->f->state &= ~NUD_FAILED;
	}
	out_text(&ctx->out, "*** Flush not complete bailing out after %d rounds\n",
		 FLUSH_ROUNDS);
	return EXIT_FAIL;
}

static int neigh_list(struct ipctx *ctx, int argc, char **argv, bool flush)
{
	struct neigh_filter f = { .family = ctx->family };
	struct neigh_dump d = { .ctx = ctx, .f = &f };
	bool json = ctx->out.json;
	int rc;

	if (flush && argc <= 0) {
		pr_err("Flush requires arguments.\n");
		return EXIT_FAIL;
	}
	f.state = flush ? ~(unsigned int)(NUD_PERMANENT | NUD_NOARP)
			: 0xff & ~NUD_NOARP;
	for (; argc > 0; argc--, argv++) {
		rc = parse_filter_word(ctx, &f, &argc, &argv, flush);
		if (rc)
			return rc;
	}
	if (f.dev) {
		f.index = dev_index_of(ctx, f.dev);
		if (!f.index)
			return EXIT_FAIL;
	}
	/* Names are looked up while the dump fills the socket's buffer. */
	ll_cache_fill(ctx);
	if (flush) {
		/* The reference flushes outside any JSON context: its -s
		 * lines and the -s -s listing are text even under -j. */
		ctx->out.json = false;
		rc = neigh_flush(ctx, &d);
		ctx->out.json = json;
		return rc;
	}
	out_begin(&ctx->out);
	rc = neigh_dump(ctx, &d, "Dump terminated");
	out_end(&ctx->out);
	return rc;
}

static const struct {
	const char *word;
	uint8_t cmd;
	uint16_t flags;
} __attribute__((packed)) modify_cmds[] = {
	{ "add", RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL },
	{ "change", RTM_NEWNEIGH, NLM_F_REPLACE },
	{ "chg", RTM_NEWNEIGH, NLM_F_REPLACE },
	{ "replace", RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE },
	{ "delete", RTM_DELNEIGH, 0 },
};

int do_neigh(struct ipctx *ctx, int argc, char **argv)
{
	const char *a;
	size_t i;

	if (argc < 1)
		return neigh_list(ctx, 0, NULL, false);
	a = argv[0];
	for (i = 0; i < sizeof(modify_cmds) / sizeof(modify_cmds[0]); i++) {
		const char *w = modify_cmds[i].word;

		if (streq(w, "chg") ? streq(a, w) : matches(a, w))
			return neigh_modify(ctx, modify_cmds[i].cmd,
					    modify_cmds[i].flags, argc - 1,
					    argv + 1);
	}
	if (matches(a, "get"))
		return neigh_get(ctx, argc - 1, argv + 1);
	if (is_list_verb(a))
		return neigh_list(ctx, argc - 1, argv + 1, false);
	if (matches(a, "flush"))
		return neigh_list(ctx, argc - 1, argv + 1, true);
	if (matches(a, "help"))
		return neigh_usage();
	return unknown_command("neigh", a);
}
