/* ip address: add/change/replace/del, show (joined with links), flush. */
#include <errno.h>
#include <fnmatch.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>

#include "ip.h"
#include "usage_text.h"

#define NONE ((size_t)-1)
#define NO_NEXT UINT32_MAX
#define INFINITY_LIFE_TIME 0xffffffffu

static int addr_usage(void)
{
	usage_print(stderr, USAGE_ADDRESS);
	return EXIT_USAGE;
}

/* ---- addresses on the command line ---- */

/* The reference's rules for PREFIX/ADDR: a missing length means the whole
 * address, "default"/"any"/"all" are empty (length 0) and take no length.
 * Prints the error and returns EXIT_FAIL when the text is not one. */
static int get_inet(struct inet_addr *a, const char *s, int family,
		    bool prefix)
{
	const char *what = prefix ? "prefix" : "address";
	int err;

	if (family == AF_PACKET) {
		pr_err(
			"Error: \"%s\" may be inet %s, but it is not allowed in this context.\n",
			s, what);
		return EXIT_FAIL;
	}
	err = prefix ? parse_prefix(a, s, family) : parse_addr(a, s, family);
	if (!err && (a->flags & ADDR_DEFAULT) && (a->flags & ADDR_HAS_PREFIX))
		err = -EINVAL;
	if (err)
		return addr_expected(family, what, s);
	if (a->flags & ADDR_DEFAULT) {
		a->family = family;
		a->bytelen = 0;
		a->bitlen = 0;
	} else if (a->bitlen < 0) {
		a->bitlen = a->bytelen * 8;
	}
	return EXIT_OK;
}

/* A device by name; like the reference, "ifN" also names index N. */
static int dev_index(struct ipctx *ctx, const char *name)
{
	unsigned int idx = ll_index(ctx, name);

	if (!idx && !scan_uint(name, "if", 10, &idx))
		idx = 0;
	return (int)idx;
}

/* ---- address flags ---- */

static const struct {
	const char *name;
	unsigned int mask;
} ifa_flag_names[] = {
	{ "secondary", IFA_F_SECONDARY },
	{ "temporary", IFA_F_SECONDARY },
	{ "nodad", IFA_F_NODAD },
	{ "optimistic", IFA_F_OPTIMISTIC },
	{ "dadfailed", IFA_F_DADFAILED },
	{ "home", IFA_F_HOMEADDRESS },
	{ "deprecated", IFA_F_DEPRECATED },
	{ "tentative", IFA_F_TENTATIVE },
	{ "permanent", IFA_F_PERMANENT },
	{ "mngtmpaddr", IFA_F_MANAGETEMPADDR },
	{ "noprefixroute", IFA_F_NOPREFIXROUTE },
	{ "autojoin", IFA_F_MCAUTOJOIN },
	{ "stable-privacy", IFA_F_STABLE_PRIVACY },
};
#define N_IFA_FLAGS (sizeof(ifa_flag_names) / sizeof(ifa_flag_names[0]))

/* The flag a name stands for, 0 if it is not one. */
static unsigned int ifa_flag_of(const char *name)
{
	size_t i;

	for (i = 0; i < N_IFA_FLAGS; i++)
		if (streq(ifa_flag_names[i].name, name))
			return ifa_flag_names[i].mask;
	return 0;
}

static void print_ifa_flags(struct out *o, int family, unsigned int flags)
{
	size_t i;

	for (i = 0; i < N_IFA_FLAGS; i++) {
		unsigned int mask = ifa_flag_names[i].mask;

		if (mask == IFA_F_PERMANENT) {
			/* Printed by its absence, as the reference does. */
			if (!(flags & mask))
				out_bool(o, OUT_ANY, "dynamic", "dynamic ", true);
		} else if (flags & mask) {
			if (mask == IFA_F_SECONDARY && family == AF_INET6) {
				out_bool(o, OUT_ANY, "temporary", "temporary ", true);
			} else {
				out_str(o, OUT_TEXT, NULL, "%s ", ifa_flag_names[i].name);
				out_bool(o, OUT_JSON, ifa_flag_names[i].name, NULL, true);
			}
		}
		flags &= ~mask;
	}
	if (flags) {
		out_xstr(o, OUT_JSON, "ifa_flags", "%02x", flags);
		out_xstr(o, OUT_TEXT, NULL, "flags %02x ", flags);
	}
}

/* ---- one address, decoded ---- */

struct addr_view {
	struct ifaddrmsg *ifa;
	struct rtattr *tb[IFA_MAX + 1];
	struct rtattr *local;	/* IFA_LOCAL, else IFA_ADDRESS */
	struct rtattr *address;	/* IFA_ADDRESS, else IFA_LOCAL */
	unsigned int flags;
	const char *dev;	/* the link's name if known, else NULL */
};

static const uint8_t ifa_minlen[IFA_MAX + 1] = {
	[IFA_CACHEINFO] = sizeof(struct ifa_cacheinfo),
	[IFA_FLAGS] = 4,
	[IFA_RT_PRIORITY] = 4,
};

static int addr_decode(struct nlmsghdr *nlh, struct addr_view *v)
{
	struct rtattr *rta;
	size_t len;

	if ((nlh->nlmsg_type != RTM_NEWADDR && nlh->nlmsg_type != RTM_DELADDR) ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*v->ifa)))
		return -EBADMSG;
	v->ifa = NLMSG_DATA(nlh);
	rta = nl_msg_attrs(nlh, sizeof(*v->ifa), &len);
	nl_parse(v->tb, IFA_MAX, rta, len, ifa_minlen);
	v->flags = v->tb[IFA_FLAGS] ? nl_attr_u32(v->tb[IFA_FLAGS]) :
				      v->ifa->ifa_flags;
	v->local = v->tb[IFA_LOCAL] ? v->tb[IFA_LOCAL] : v->tb[IFA_ADDRESS];
	v->address = v->tb[IFA_ADDRESS] ? v->tb[IFA_ADDRESS] : v->tb[IFA_LOCAL];
	v->dev = NULL;
	return 0;
}

/* -r: a name from /etc/hosts (the first line with this address), as the
 * reference's resolver finds there.  No DNS: a listing never waits on the
 * network, nor sends anything out of the namespace. */
static bool hosts_name(int family, const uint8_t *addr, size_t len, char *buf,
		       size_t size)
{
	static const uint8_t v4mapped[12] = { [10] = 0xff, [11] = 0xff };

	if (family == AF_INET6 && len == 16 && !memcmp(addr, v4mapped, 12))
		return hosts_lookup(AF_INET, addr + 12, 4, buf, size);
	return hosts_lookup(family, addr, len, buf, size);
}

static const char *rta_addr(struct ipctx *ctx, int family,
			    const struct rtattr *a, char *buf, size_t size)
{
	if (ctx->resolve && hosts_name(family, nl_attr_data(a), nl_attr_len(a),
				       buf, size))
		return buf;
	return format_addr(family, nl_attr_data(a), nl_attr_len(a), buf, size);
}

/* -N prints scopes as numbers. */
static const char *scope_name(struct ipctx *ctx, unsigned int scope, char *buf,
			      size_t size)
{
	if (!ctx->numeric)
		return name_of(NT_SCOPES, scope, buf, size);
	snprintf(buf, size, "%u", scope);
	return buf;
}

static enum out_color family_color(int family)
{
	return family == AF_INET ? C_INET : family == AF_INET6 ? C_INET6 : C_NONE;
}

/* How an address is framed: after a link head (a newline first), or on its
 * own lines ("index: dev" first in oneline mode and flush listings). */
enum { ADDR_LEAD_NL = 1, ADDR_DEV = 2, ADDR_IFN = 4 /* showdump: "ifN:" */,
       ADDR_DELETED = 8 /* -echo of a delete: "Deleted " first */ };

static void print_addr_head(struct ipctx *ctx, struct addr_view *v,
			    unsigned int how)
{
	struct out *o = &ctx->out;
	int family = v->ifa->ifa_family;
	char buf[32];

	if (how & ADDR_DEV) {
		const char *dev = v->dev ? v->dev :
				  ll_name_or_num(ctx, v->ifa->ifa_index, buf,
						 sizeof(buf));

		out_int(o, OUT_JSON, "index", NULL, v->ifa->ifa_index);
		out_str(o, OUT_JSON, "dev", NULL, dev);
		out_text(o, "%u: %s", v->ifa->ifa_index, dev);
	}
	if (family == AF_INET || family == AF_INET6)
		out_str(o, OUT_ANY, "family", "    %s ", family_name(family));
	else if (family == AF_PACKET)
		out_str(o, OUT_ANY, "family", "    %s ", "link");
	else
		out_int(o, OUT_ANY, "family_index", "    family %d ", family);
}

static void print_addr_local(struct ipctx *ctx, struct addr_view *v)
{
	struct out *o = &ctx->out;
	int family = v->ifa->ifa_family;
	enum out_color c = family_color(family);
	char buf[256];

	out_cstr(o, OUT_ANY, c, "local", "%s",
		 rta_addr(ctx, family, v->local, buf, sizeof(buf)));
	if (v->address && (nl_attr_len(v->address) != nl_attr_len(v->local) ||
			   memcmp(nl_attr_data(v->address), nl_attr_data(v->local),
				  nl_attr_len(v->local)))) {
		out_text(o, " %s ", "peer");
		out_cstr(o, OUT_ANY, c, "address", "%s",
			 rta_addr(ctx, family, v->address, buf, sizeof(buf)));
	}
	out_int(o, OUT_ANY, "prefixlen", "/%d ", v->ifa->ifa_prefixlen);
	if (v->tb[IFA_RT_PRIORITY])
		out_uint(o, OUT_ANY, "metric", "metric %u ",
			 nl_attr_u32(v->tb[IFA_RT_PRIORITY]));
}

static void print_lifetimes(struct out *o, struct addr_view *v)
{
	struct ifa_cacheinfo ci;

	memcpy(&ci, nl_attr_data(v->tb[IFA_CACHEINFO]), sizeof(ci));
	out_nl(o);
	out_text(o, "       valid_lft ");
	if (ci.ifa_valid == INFINITY_LIFE_TIME) {
		out_uint(o, OUT_JSON, "valid_life_time", NULL, ci.ifa_valid);
		out_text(o, "forever");
	} else {
		out_uint(o, OUT_ANY, "valid_life_time", "%usec", ci.ifa_valid);
	}
	out_text(o, " preferred_lft ");
	if (ci.ifa_prefered == INFINITY_LIFE_TIME) {
		out_uint(o, OUT_JSON, "preferred_life_time", NULL, ci.ifa_prefered);
		out_text(o, "forever");
	} else if (v->flags & IFA_F_DEPRECATED) {
		out_int(o, OUT_ANY, "preferred_life_time", "%dsec",
			(int)ci.ifa_prefered);
	} else {
		out_uint(o, OUT_ANY, "preferred_life_time", "%usec",
			 ci.ifa_prefered);
	}
}

static void print_addr(struct ipctx *ctx, struct addr_view *v, unsigned int how)
{
	struct out *o = &ctx->out;
	int family = v->ifa->ifa_family;
	char buf[256];

	if (how & ADDR_LEAD_NL)
		out_text(o, "\n");
	out_obj_open(o, NULL);
	if (how & ADDR_DELETED)
		out_bool(o, OUT_ANY, "deleted", "Deleted ", true);
	if (how & ADDR_IFN) {
		out_int(o, OUT_ANY, "index", "if%d:", v->ifa->ifa_index);
		out_nl(o);
	}
	if (!ctx->brief)
		print_addr_head(ctx, v, how);
	if (v->local)
		print_addr_local(ctx, v);
	if (ctx->brief) {
		out_obj_close(o);
		return;
	}
	if (v->tb[IFA_BROADCAST]) {
		out_text(o, "%s ", "brd");
		out_cstr(o, OUT_ANY, family_color(family), "broadcast", "%s ",
			 rta_addr(ctx, family, v->tb[IFA_BROADCAST], buf, sizeof(buf)));
	}
	if (v->tb[IFA_ANYCAST]) {
		out_text(o, "%s ", "any");
		out_cstr(o, OUT_ANY, family_color(family), "anycast", "%s ",
			 rta_addr(ctx, family, v->tb[IFA_ANYCAST], buf, sizeof(buf)));
	}
	out_str(o, OUT_ANY, "scope", "scope %s ",
		scope_name(ctx, v->ifa->ifa_scope, buf, sizeof(buf)));
	print_ifa_flags(o, family, v->flags);
	if (v->tb[IFA_LABEL])
		out_str(o, OUT_ANY, "label", "%s", nl_attr_str(v->tb[IFA_LABEL]));
	if (v->tb[IFA_CACHEINFO])
		print_lifetimes(o, v);
	if (!(how & ADDR_LEAD_NL))
		out_text(o, "\n");
	out_obj_close(o);
}

/* ---- selectors of show and flush ---- */

struct addr_filter {
	int family;
	const char *dev;
	int ifindex;
	uint8_t scope, scopemask;
	unsigned int flags, flagmask;
	struct inet_addr pfx;	/* family AF_UNSPEC: no "to" */
	const char *label;
	bool up;
	int master;		/* ifindex; -1: nomaster */
	const char *kind;
	char slave_kind[64];
	bool slave;		/* "type KIND_slave", KIND may be empty */
	bool has_group;
	uint32_t group;
};

/* FLAG and -FLAG; "dynamic" and "primary" are the negations of
 * "permanent" and "secondary". */
static bool parse_flag_filter(struct addr_filter *f, const char *arg)
{
	bool inv = false;
	unsigned int mask;

	if (*arg == '-') {
		inv = true;
		arg++;
	}
	if (streq(arg, "dynamic")) {
		inv = !inv;
		arg = "permanent";
	} else if (streq(arg, "primary")) {
		inv = !inv;
		arg = "secondary";
	}
	mask = ifa_flag_of(arg);
	if (!mask)
		return false;
	f->flagmask |= mask;
	if (inv)
		f->flags &= ~mask;
	else
		f->flags |= mask;
	return true;
}

static bool label_matches(struct ipctx *ctx, const char *pattern,
			  struct addr_view *v)
{
	char buf[32];
	const char *label = v->tb[IFA_LABEL] ? nl_attr_str(v->tb[IFA_LABEL]) :
			    v->dev ? v->dev :
			    ll_name_or_num(ctx, v->ifa->ifa_index, buf, sizeof(buf));

	return fnmatch(pattern, label, 0) == 0;
}

/* "to PREFIX": the first bitlen bits of the local address. */
static bool prefix_matches(const struct inet_addr *p, const struct rtattr *a)
{
	const uint8_t *d;
	int bits = p->bitlen, bytes = bits / 8;
	size_t len;

	if (!a || p->family == AF_UNSPEC || bits <= 0)
		return true;
	len = nl_attr_len(a);
	if ((len != 4 && len != 16) || (len == 4) != (p->family == AF_INET))
		return false;
	d = nl_attr_data(a);
	if (memcmp(d, p->data, bytes))
		return false;
	bits %= 8;
	return !bits || !((d[bytes] ^ p->data[bytes]) & (0xff00 >> bits));
}

static bool addr_matches(struct ipctx *ctx, const struct addr_filter *f,
			 struct addr_view *v)
{
	if (f->family && f->family != v->ifa->ifa_family)
		return false;
	if ((f->scope ^ v->ifa->ifa_scope) & f->scopemask)
		return false;
	if ((f->flags ^ v->flags) & f->flagmask)
		return false;
	if (f->label && !label_matches(ctx, f->label, v))
		return false;
	return prefix_matches(&f->pfx, v->local);
}

static int parse_scope_filter(struct addr_filter *f, const char *arg)
{
	uint32_t scope;

	f->scopemask = 0xff;
	if (id_of(NT_SCOPES, arg, &scope) || scope > 255) {
		if (!streq(arg, "all"))
			return invarg("invalid \"scope\"\n", arg);
		scope = RT_SCOPE_NOWHERE;
		f->scopemask = 0;
	}
	f->scope = scope;
	return EXIT_OK;
}

static int parse_to_filter(struct addr_filter *f, const char *arg)
{
	int rc = get_inet(&f->pfx, arg, f->family, true);

	if (rc)
		return rc;
	if (f->family == AF_UNSPEC)
		f->family = f->pfx.family;
	return EXIT_OK;
}

static void parse_type_filter(struct addr_filter *f, const char *arg)
{
	size_t n = strlen(arg);

	if (n >= 6 && streq(arg + n - 6, "_slave") && n - 6 < sizeof(f->slave_kind)) {
		memcpy(f->slave_kind, arg, n - 6);
		f->slave_kind[n - 6] = '\0';
		f->slave = true;
	} else {
		f->kind = arg;
	}
}

static int link_get(struct ipctx *ctx, int index, const char *name,
		    struct nlmsghdr **out);
static const char *link_kind(struct nlmsghdr *nlh, bool slave, char *buf,
			     size_t size);

/* "vrf NAME": a master that must be a VRF device. */
static int parse_vrf_filter(struct ipctx *ctx, struct addr_filter *f,
			    const char *arg)
{
	struct nlmsghdr *nlh = NULL;
	char kind[32];
	int idx = dev_index(ctx, arg);

	if (idx && link_get(ctx, idx, NULL, &nlh) == 0 &&
	    streq(link_kind(nlh, false, kind, sizeof(kind)), "vrf")) {
		f->master = idx;
		free(nlh);
		return EXIT_OK;
	}
	free(nlh);
	return invarg("Not a valid VRF name\n", arg);
}

/* One keyword that takes a value; *used is set when it was one. */
static int parse_valued_filter(struct ipctx *ctx, struct addr_filter *f,
			       int *argc, char ***argv, bool *used)
{
	const char *key = (*argv)[0];

	*used = streq(key, "to") || streq(key, "scope") || streq(key, "label") ||
		streq(key, "group") || streq(key, "master") ||
		streq(key, "vrf") || streq(key, "type");
	if (!*used)
		return EXIT_OK;
	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	if (streq(key, "to"))
		return parse_to_filter(f, (*argv)[0]);
	if (streq(key, "scope"))
		return parse_scope_filter(f, (*argv)[0]);
	if (streq(key, "label")) {
		f->label = (*argv)[0];
	} else if (streq(key, "group")) {
		if (group_id((*argv)[0], &f->group))
			return invarg("Invalid \"group\" value\n", (*argv)[0]);
		f->has_group = true;
	} else if (streq(key, "master")) {
		f->master = dev_index(ctx, (*argv)[0]);
		if (!f->master)
			return invarg("Device does not exist\n", (*argv)[0]);
	} else if (streq(key, "vrf")) {
		return parse_vrf_filter(ctx, f, (*argv)[0]);
	} else {
		parse_type_filter(f, (*argv)[0]);
	}
	return EXIT_OK;
}

static int parse_filter(struct ipctx *ctx, struct addr_filter *f, int argc,
			char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];
		bool used;
		int rc = parse_valued_filter(ctx, f, &argc, &argv, &used);

		if (rc)
			return rc;
		if (used)
			continue;
		if (streq(a, "up")) {
			f->up = true;
		} else if (parse_flag_filter(f, a)) {
			continue;
		} else if (streq(a, "nomaster")) {
			f->master = -1;
		} else {
			if (streq(a, "dev")) {
				if (!next_arg(&argc, &argv))
					return EXIT_USAGE;
			} else if (matches(a, "help")) {
				return addr_usage();
			}
			if (f->dev)
				return duparg2("dev", argv[0]);
			f->dev = argv[0];
		}
	}
	return EXIT_OK;
}

/* ---- addresses kept for the join: a chain per link ---- */

/* The addresses are dumped first and kept (they are few and small); the
 * links are then printed as their dump streams in, each with its chain.
 * Keeping the links instead (about 1 KiB each) cost a page fault every
 * four of them and a copy at each doubling of the buffer. */

struct blob {
	char *p;
	size_t len, cap;
};

/* Room for n more bytes at the end; returns its offset or NONE. */
static size_t blob_grow(struct blob *b, size_t n)
{
	size_t off = b->len;

	n = NLMSG_ALIGN(n);
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		char *p;

		while (cap < b->len + n)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p)
			return NONE;
		b->p = p;
		b->cap = cap;
	}
	b->len += n;
	return off;
}

struct addr_rec {
	/* Offset of the link's next address, or NO_NEXT; 32 bits so that the
	 * message after it keeps netlink's 4-byte alignment. */
	uint32_t next;
	struct nlmsghdr h[];
};

struct addr_slot {
	int index;		/* 0: free */
	uint32_t head, tail;	/* offsets in addrs (below NO_NEXT) */
};

/* The order the links' addresses came in, for -o (see oneline_fast). */
struct link_order {
	int *index;		/* each link once, in order of first address */
	size_t n, cap;
	int last_family, last_index, max_index;
	bool ascending;		/* each family's addresses came by ifindex */
	bool not_hashed;	/* ... in an order the old hash walk cannot give */
};

struct addr_db {
	struct ipctx *ctx;
	const struct addr_filter *f;
	struct blob addrs;	/* struct addr_rec, back to back */
	struct addr_slot *slots;	/* ifindex -> chain of addresses */
	size_t cap, n;
	struct link_order order;
	struct blob link;	/* an IPv6 link message, completed (-6) */
	bool begun;		/* the listing's head (JSON "[") is out */
};

static struct addr_slot *db_slot(struct addr_db *db, int index)
{
	/* by ifindex itself, as the link cache (ip/common.c) */
	size_t i = (unsigned int)index & (db->cap - 1);

	while (db->slots[i].index && db->slots[i].index != index)
		i = (i + 1) & (db->cap - 1);
	return &db->slots[i];
}

static int db_grow(struct addr_db *db)
{
	struct addr_db bigger = { .cap = db->cap ? db->cap * 2 : 256 };
	size_t i;

	bigger.slots = calloc(bigger.cap, sizeof(*bigger.slots));
	if (!bigger.slots)
		return -ENOMEM;
	for (i = 0; i < db->cap; i++)
		if (db->slots[i].index)
			*db_slot(&bigger, db->slots[i].index) = db->slots[i];
	free(db->slots);
	db->slots = bigger.slots;
	db->cap = bigger.cap;
	return 0;
}

static size_t db_first_addr(struct addr_db *db, int index)
{
	struct addr_slot *s;

	if (!db->cap)
		return NONE;
	s = db_slot(db, index);
	return s->index ? s->head : NONE;
}

static struct addr_rec *db_rec(struct addr_db *db, size_t off)
{
	return (struct addr_rec *)(db->addrs.p + off);
}

static size_t next_rec(struct addr_db *db, size_t off)
{
	uint32_t next = db_rec(db, off)->next;

	return next == NO_NEXT ? NONE : next;
}

/* Before 6.9 the kernel walked links (for the link dump and for each
 * family's address dump alike) by a hash of 256 buckets of ifindex; since,
 * by ifindex.  An address dump in ifindex order that the bucket walk could
 * not have produced (or with every ifindex under 256, where both walks
 * agree) tells that the link dump comes in ifindex order too. */
static int order_note(struct link_order *o, int family, int index, bool first)
{
	if (family != AF_INET && family != AF_INET6)
		o->ascending = false;
	if (family == o->last_family && index < o->last_index)
		o->ascending = false;
	if (family == o->last_family && index > o->last_index &&
	    (o->last_index & 255) > (index & 255))
		o->not_hashed = true;
	o->last_family = family;
	o->last_index = index;
	if (index > o->max_index)
		o->max_index = index;
	if (!first)
		return 0;
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 256;
		int *p = realloc(o->index, cap * sizeof(*p));

		if (!p)
			return -ENOMEM;
		o->index = p;
		o->cap = cap;
	}
	o->index[o->n++] = index;
	return 0;
}

static int db_add_addr(struct nlmsghdr *nlh, void *arg)
{
	struct addr_db *db = arg;
	struct ifaddrmsg *ifa = NLMSG_DATA(nlh);
	struct addr_slot *s;
	size_t off;

	if (nlh->nlmsg_type != RTM_NEWADDR ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)))
		return 0;
	if ((db->n + 1) * 2 > db->cap && db_grow(db))
		return -ENOMEM;
	off = blob_grow(&db->addrs, sizeof(struct addr_rec) + nlh->nlmsg_len);
	if (off == NONE || off >= NO_NEXT)
		return -ENOMEM;
	db_rec(db, off)->next = NO_NEXT;
	memcpy(db_rec(db, off)->h, nlh, nlh->nlmsg_len);
	s = db_slot(db, ifa->ifa_index);
	if (order_note(&db->order, ifa->ifa_family, (int)ifa->ifa_index,
		       !s->index))
		return -ENOMEM;
	if (!s->index) {
		s->index = ifa->ifa_index;
		s->head = (uint32_t)off;
		db->n++;
	} else {
		db_rec(db, s->tail)->next = (uint32_t)off;
	}
	s->tail = (uint32_t)off;
	return 0;
}

static void db_free(struct addr_db *db)
{
	free(db->addrs.p);
	free(db->slots);
	free(db->order.index);
	free(db->link.p);
}

/* The kernel's IPv6 link dump (ip -6 addr) carries no IFLA_TXQLEN; the
 * reference then asks the device with an ioctl, and so do we. */
static bool ioctl_txqlen(const struct nlmsghdr *nlh, uint32_t *qlen)
{
	struct rtattr *tb[IFLA_MAX + 1], *rta;
	struct ifreq ifr = { 0 };
	size_t len;
	int fd, err;

	rta = nl_msg_attrs(nlh, sizeof(struct ifinfomsg), &len);
	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	if (tb[IFLA_TXQLEN] || !tb[IFLA_IFNAME])
		return false;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	str_copy(ifr.ifr_name, nl_attr_str(tb[IFLA_IFNAME]), IFNAMSIZ);
	err = ioctl(fd, SIOCGIFTXQLEN, &ifr);
	close(fd);
	*qlen = ifr.ifr_qlen;
	return err == 0 && ifr.ifr_qlen;
}

/* Append an attribute to the message built in b (at its start). */
static int msg_put(struct blob *b, uint16_t type, const void *data, size_t len)
{
	size_t off = blob_grow(b, RTA_LENGTH(len));
	struct rtattr *rta;

	if (off == NONE)
		return -ENOMEM;
	rta = (struct rtattr *)(b->p + off);
	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	memcpy(RTA_DATA(rta), data, len);
	((struct nlmsghdr *)b->p)->nlmsg_len = b->len;
	return 0;
}

/* The counters of the link, from a request of its own: with -s the
 * reference prints the counters the IPv6 link message lacks out of memory
 * it never filled in (zeros, mostly); we print the real ones.  Not the
 * carrier changes: without them both leave out the "transns" column. */
static int put_counters(struct addr_db *db, int index)
{
	struct rtattr *tb[IFLA_MAX + 1], *rta;
	struct nlmsghdr *full;
	size_t len;
	int err = 0;

	if (link_get(db->ctx, index, NULL, &full))
		return 0;	/* gone: printed without, like the reference */
	rta = nl_msg_attrs(full, sizeof(struct ifinfomsg), &len);
	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	if (tb[IFLA_STATS64])
		err = msg_put(&db->link, IFLA_STATS64,
			      nl_attr_data(tb[IFLA_STATS64]),
			      nl_attr_len(tb[IFLA_STATS64]));
	free(full);
	return err;
}

/* An IPv6 link message (ip -6 addr) completed with what it lacks, in
 * db->link; any other comes back as it is (NULL: out of memory). */
static struct nlmsghdr *complete_v6_link(struct addr_db *db,
					 struct nlmsghdr *nlh)
{
	struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	uint32_t qlen;
	size_t off;

	if (ifi->ifi_family != AF_INET6)
		return nlh;
	db->link.len = 0;
	off = blob_grow(&db->link, nlh->nlmsg_len);
	if (off == NONE)
		return NULL;
	memcpy(db->link.p, nlh, nlh->nlmsg_len);
	((struct nlmsghdr *)db->link.p)->nlmsg_len = db->link.len;
	if (ioctl_txqlen(nlh, &qlen) &&
	    msg_put(&db->link, IFLA_TXQLEN, &qlen, sizeof(qlen)))
		return NULL;
	if (db->ctx->stats && !db->ctx->brief &&
	    put_counters(db, ifi->ifi_index))
		return NULL;
	return (struct nlmsghdr *)db->link.p;
}

static uint32_t link_ext_mask(struct ipctx *ctx)
{
	return ctx->stats ? RTEXT_FILTER_VF :
			    RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS;
}

static int keep_reply(struct nlmsghdr *nlh, void *arg)
{
	struct nlmsghdr **out = arg;

	/* Too short for its header: no link (the callers read ifi_index). */
	if (nlh->nlmsg_type != RTM_NEWLINK || *out ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
		return 0;
	*out = malloc(nlh->nlmsg_len);
	if (!*out)
		return -ENOMEM;
	memcpy(*out, nlh, nlh->nlmsg_len);
	return 0;
}

/* One RTM_GETLINK by index or name; *out is a malloc'ed copy of the answer. */
static int link_get(struct ipctx *ctx, int index, const char *name,
		    struct nlmsghdr **out)
{
	NL_REQ_DEFINE(req, 256);
	struct ifinfomsg *ifi;
	struct nl_sock *s = ctx_lookup_nl(ctx);
	int err;

	if (!s)
		return -ENOTCONN;
	NL_REQ_INIT(req, RTM_GETLINK, 0);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = index;
	if (name)
		put_ifname(&req, name);
	nl_put_u32(&req, IFLA_EXT_MASK, link_ext_mask(ctx));
	*out = NULL;
	err = nl_get(s, &req, keep_reply, out);
	if (err) {
		free(*out);	/* a reply may have come before the error */
		*out = NULL;
	}
	if (!err && !*out)
		err = -ENODEV;
	return err;
}

/* "show dev NAME": just that link ("ifN" names index N, as in the
 * reference); *out is a malloc'ed copy. */
static int link_get_dev(struct ipctx *ctx, struct addr_filter *f,
			struct nlmsghdr **out)
{
	unsigned int idx;
	int err = link_get(ctx, 0, f->dev, out);

	if (err && scan_uint(f->dev, "if", 10, &idx) && idx)
		err = link_get(ctx, idx, NULL, out);
	if (err) {
		pr_err("Device \"%s\" does not exist.\n", f->dev);
		return EXIT_FAIL;
	}
	f->ifindex = ((struct ifinfomsg *)NLMSG_DATA(*out))->ifi_index;
	return EXIT_OK;
}

static int addr_dump(struct ipctx *ctx, int family, int ifindex, nl_cb cb,
		     void *arg)
{
	NL_REQ_DEFINE(req, 64);
	struct ifaddrmsg *ifa;
	struct nl_sock *s = ctx_nl(ctx);

	if (!s)
		return -ENOTCONN;
	NL_REQ_INIT(req, RTM_GETADDR, 0);
	ifa = nl_put_hdr(&req, sizeof(*ifa));
	ifa->ifa_family = family;
	ifa->ifa_index = ifindex;	/* strict checking: the kernel filters */
	return nl_dump(s, &req, cb, arg);
}

/* ---- show ---- */

static const char *link_kind(struct nlmsghdr *nlh, bool slave, char *buf,
			     size_t size)
{
	struct rtattr *tb[IFLA_MAX + 1], *li[IFLA_INFO_MAX + 1], *rta;
	size_t len;

	rta = nl_msg_attrs(nlh, sizeof(struct ifinfomsg), &len);
	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	nl_parse_nested(li, IFLA_INFO_MAX, tb[IFLA_LINKINFO]);
	rta = li[slave ? IFLA_INFO_SLAVE_KIND : IFLA_INFO_KIND];
	snprintf(buf, size, "%s", rta ? nl_attr_str(rta) : "");
	return buf;
}

/* The link's own selectors, applied where the reference applies them (when
 * it prints the link): -1 hides the link, 0 shows its addresses without
 * the head (any "label" does that), 1 shows the head too. */
static int link_selected(struct ipctx *ctx, const struct addr_filter *f,
			 struct nlmsghdr *nlh)
{
	struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	struct rtattr *tb[IFLA_MAX + 1], *rta;
	char kind[64];
	size_t len;

	if (f->up && !(ifi->ifi_flags & IFF_UP))
		return -1;
	if (f->label)
		return 0;
	if (!f->has_group && f->master <= 0 && !f->kind && !f->slave)
		return 1;
	rta = nl_msg_attrs(nlh, sizeof(*ifi), &len);
	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	if (f->has_group && tb[IFLA_GROUP] &&
	    nl_attr_u32(tb[IFLA_GROUP]) != f->group)
		return -1;
	/* "nomaster" is only the kernel's filter of the link dump. */
	if (f->master > 0 && (!tb[IFLA_MASTER] ||
			      (int)nl_attr_u32(tb[IFLA_MASTER]) != f->master))
		return -1;
	/* as iproute2: a link without IFLA_LINKINFO has no kind to match */
	if ((f->kind || f->slave) && !tb[IFLA_LINKINFO])
		return -1;
	if (f->kind && !streq(link_kind(nlh, false, kind, sizeof(kind)), f->kind))
		return -1;
	if (f->slave &&
	    !streq(link_kind(nlh, true, kind, sizeof(kind)), f->slave_kind))
		return -1;
	return 1;
}

/* Whether the link has an address the selectors keep (or, with no family
 * asked for, no address at all). */
static bool link_has_match(struct addr_db *db, const struct addr_filter *f,
			   size_t off, const char *dev)
{
	struct addr_view v;

	if (off == NONE)
		return f->family == AF_UNSPEC;
	for (; off != NONE; off = next_rec(db, off)) {
		if (addr_decode(db_rec(db, off)->h, &v))
			continue;
		v.dev = dev;
		if (addr_matches(db->ctx, f, &v))
			return true;
	}
	return false;
}

/* The chain from off (NONE: none, as for a link "up" hides); dev names the
 * link when the caller knows it (NULL: the link cache does). */
static void print_link_addrs(struct addr_db *db, const struct addr_filter *f,
			     size_t off, unsigned int how, const char *dev)
{
	struct out *o = &db->ctx->out;
	struct addr_view v;

	out_arr_open(o, "addr_info");
	for (; off != NONE; off = next_rec(db, off)) {
		if (addr_decode(db_rec(db, off)->h, &v))
			continue;
		v.dev = dev;
		if (addr_matches(db->ctx, f, &v)) {
			print_addr(db->ctx, &v, how);
		} else {
			/* The reference leaves an empty object for each
			 * address it filters out here: valid JSON, kept. */
			out_obj_open(o, NULL);
			out_obj_close(o);
		}
	}
	out_arr_close(o);
}

/* One link and its addresses; -ENOMEM is the only error. */
static int show_link(struct addr_db *db, const struct addr_filter *f,
		     struct nlmsghdr *nlh)
{
	struct ipctx *ctx = db->ctx;
	struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	bool addrs = f->family != AF_PACKET;
	bool heads = ctx->brief || !ctx->out.oneline || !addrs;
	size_t first = addrs ? db_first_addr(db, ifi->ifi_index) : NONE;
	unsigned int how;
	int sel = 0;

	if (addrs && !link_has_match(db, f, first, NULL))
		return 0;
	if (heads)
		sel = link_selected(ctx, f, nlh);
	/* Only for a head that is printed: an ioctl (or request) each. */
	if (sel > 0 && !(nlh = complete_v6_link(db, nlh)))
		return -ENOMEM;
	if (!db->begun) {
		out_begin(&ctx->out);
		db->begun = true;
	}
	if (sel <= 0 || print_link_begin(ctx, nlh, LINK_IN_ADDR)) {
		sel = sel > 0 ? 0 : sel;
		out_obj_open(&ctx->out, NULL);
	}
	how = sel > 0 && !ctx->brief ? ADDR_LEAD_NL : 0;
	/* iproute2 prints the index and name of each address under -echo
	 * even in a listing: its printer is the one of ip monitor then */
	if (!heads || ctx->echo)
		how |= ADDR_DEV;
	if (f->up && !(ifi->ifi_flags & IFF_UP))
		first = NONE;
	if (sel >= 0 && addrs)
		print_link_addrs(db, f, first, how, NULL);
	if (sel > 0) {
		if (ctx->stats && !ctx->brief)
			print_link_stats(ctx, nlh);
		print_link_end(ctx);
		return 0;
	}
	out_obj_close(&ctx->out);
	if (sel == 0 && ctx->brief && addrs)
		out_eol(&ctx->out);
	return 0;
}

static int show_link_cb(struct nlmsghdr *nlh, void *arg)
{
	struct addr_db *db = arg;

	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
		return 0;
	return show_link(db, db->f, nlh);
}

/* Every link, printed as the dump brings it; family is that of -4/-6. */
static int link_dump(struct ipctx *ctx, int family, struct addr_db *db)
{
	const struct addr_filter *f = db->f;
	NL_REQ_DEFINE(req, 256);
	struct ifinfomsg *ifi;

	NL_REQ_INIT(req, RTM_GETLINK, 0);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	/* As in the reference, the family of -4/-6 (not of "to"): with -6 the
	 * kernel's IPv6 dump answers (shorter link messages, no filters
	 * accepted); with -4 the generic one, unfiltered. */
	ifi->ifi_family = family;
	if (family != AF_UNSPEC && family != AF_PACKET)
		return ctx_dump(ctx, &req, show_link_cb, db);
	nl_put_u32(&req, IFLA_EXT_MASK, link_ext_mask(ctx));
	/* The kernel filters by master (-1: none) and kind for us. */
	if (f->master)
		nl_put_u32(&req, IFLA_MASTER, (uint32_t)f->master);
	if (f->kind) {
		struct rtattr *li = nl_nest_start(&req, IFLA_LINKINFO);

		nl_put_str(&req, IFLA_INFO_KIND, f->kind);
		nl_nest_end(&req, li);
	}
	return ctx_dump(ctx, &req, show_link_cb, db);
}

/* ip -o addr prints no link, only each address with its link's name, in
 * the order of the link dump.  When the selectors look at no link and the
 * address dump shows that links come in ifindex order (see order_note),
 * the names are all that is needed: one ioctl each, instead of a dump of
 * every link with all its attributes (for 8,000 veths, 35 ms of kernel
 * time, four fifths of the whole listing). */
static bool oneline_fast(struct ipctx *ctx, const struct addr_filter *f,
			 const struct link_order *o)
{
	return ctx->out.oneline && !ctx->out.json && !ctx->brief &&
	       f->family != AF_PACKET && !f->dev && !f->up && !f->master &&
	       !f->kind && !f->slave && !f->has_group &&
	       o->ascending && (o->max_index < 256 || o->not_hashed);
}

static int cmp_index(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int show_oneline(struct addr_db *db)
{
	struct link_order *o = &db->order;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	size_t i;

	if (fd < 0)
		return -errno;
	if (o->n)	/* qsort wants a real array, even of none */
		qsort(o->index, o->n, sizeof(*o->index), cmp_index);
	for (i = 0; i < o->n; i++) {
		struct ifreq ifr = { .ifr_ifindex = o->index[i] };
		size_t first = db_first_addr(db, o->index[i]);

		/* A link gone since the address dump: not in a link dump
		 * either. */
		if (ioctl(fd, SIOCGIFNAME, &ifr) < 0 ||
		    !link_has_match(db, db->f, first, ifr.ifr_name))
			continue;
		print_link_addrs(db, db->f, first, ADDR_DEV, ifr.ifr_name);
	}
	close(fd);
	return 0;
}

static int show_links(struct ipctx *ctx, int family, struct nlmsghdr *dev,
		      struct addr_db *db)
{
	int rc = EXIT_OK;

	if (dev) {
		ll_cache_note(ctx, dev);	/* its name, for -o and labels */
		if (show_link_cb(dev, db) < 0)
			rc = EXIT_FAIL;
	} else if (oneline_fast(ctx, db->f, &db->order)) {
		if (show_oneline(db) < 0)
			rc = EXIT_FAIL;
	} else {
		rc = link_dump(ctx, family, db);
	}
	if (!db->begun && rc == EXIT_OK) {
		out_begin(&ctx->out);
		db->begun = true;
	}
	if (db->begun)
		out_end(&ctx->out);
	return rc;
}

static int addr_show(struct ipctx *ctx, struct addr_filter *f)
{
	struct addr_db db = { .ctx = ctx, .f = f,
			      .order = { .ascending = true } };
	struct nlmsghdr *dev = NULL;
	int family = ctx->family, rc, err = 0;

	if (f->dev && (rc = link_get_dev(ctx, f, &dev)))
		return rc;
	if (f->family != AF_PACKET)
		err = addr_dump(ctx, f->family, f->ifindex, db_add_addr, &db);
	if (ctx->nl_open)
		warn_dump_intr(&ctx->nl);
	if (err < 0) {
		/* Worded as the reference words a failed dump (the link
		 * dump's, which it makes first). */
		rc = ctx->nl_open ? dump_failed(&ctx->nl, err) : EXIT_FAIL;
	} else {
		/* The link printer leaves out link/ether lines for inet-only
		 * views. */
		ctx->family = f->family;
		rc = show_links(ctx, family, dev, &db);
		ctx->family = family;
	}
	free(dev);
	db_free(&db);
	return rc;
}

/* ---- flush ---- */

struct flush_arg {
	struct ipctx *ctx;
	const struct addr_filter *f;
	struct blob del;	/* matching messages, to be deleted */
	int count;
};

/* Several requests in one datagram: the kernel handles them in turn.
 * (lib/nl sends one message at a time; flushing thousands of addresses
 * that way costs a round trip each.) */
static void send_batch(struct nl_sock *s, const char *buf, size_t len)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

	while (len && sendto(s->fd, buf, len, 0, (struct sockaddr *)&sa,
			     sizeof(sa)) < 0 && errno == EINTR)
		;
}

/* Print (with -s -s) and delete what is pending, as requests without
 * acks, like the reference: a delete that fails (a secondary gone with its
 * primary) is no error, the next round sees what is left, and the error
 * replies are skipped as stale. */
static void flush_send(struct flush_arg *a)
{
	struct ipctx *ctx = a->ctx;
	size_t off;

	for (off = 0; off < a->del.len;) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)(a->del.p + off);
		struct addr_view v;

		if (ctx->stats >= 2 && !addr_decode(nlh, &v))
			print_addr(ctx, &v, ADDR_DEV);
		nlh->nlmsg_type = RTM_DELADDR;
		nlh->nlmsg_flags = NLM_F_REQUEST;
		nlh->nlmsg_seq = ++ctx->nl.seq;
		nlh->nlmsg_pid = 0;
		off += NLMSG_ALIGN(nlh->nlmsg_len);
	}
	send_batch(&ctx->nl, a->del.p, a->del.len);
	a->del.len = 0;
}

/* Deletes go out while the dump runs, whenever the reference's 3.5 KiB
 * batch is full: deleting a primary takes its secondaries along, and the
 * rest of the dump then no longer shows (nor fails to delete) them. */
#define FLUSH_BATCH (4096 - 512)

static int flush_collect(struct nlmsghdr *nlh, void *arg)
{
	struct flush_arg *a = arg;
	struct addr_view v;
	size_t off;

	if (addr_decode(nlh, &v) || !addr_matches(a->ctx, a->f, &v))
		return 0;
	if (a->del.len + nlh->nlmsg_len > FLUSH_BATCH)
		flush_send(a);
	off = blob_grow(&a->del, nlh->nlmsg_len);
	if (off == NONE)
		return -ENOMEM;
	memcpy(a->del.p + off, nlh, nlh->nlmsg_len);
	a->count++;
	return 0;
}

static int flush_loop(struct flush_arg *a)
{
	struct ipctx *ctx = a->ctx;
	struct out *o = &ctx->out;
	int round = 0;

	for (;;) {
		if (ctx->loops && round >= ctx->loops) {
			out_flush(o);
			pr_err("*** Flush remains incomplete after %d rounds. ***\n",
			       ctx->loops);
			return EXIT_USAGE;	/* iproute2's -1: exit 255 */
		}
		a->count = 0;
		if (addr_dump(ctx, a->f->family, a->f->ifindex, flush_collect, a) < 0) {
			pr_err("Flush terminated\n");
			return EXIT_FAIL;
		}
		flush_send(a);
		if (a->count == 0)
			break;
		round++;
		if (ctx->stats)
			out_text(o, "\n*** Round %d, deleting %d addresses ***\n",
				 round, a->count);
		/* "primary" alone: one round, or promoted secondaries go too. */
		if ((a->f->flagmask & IFA_F_SECONDARY) &&
		    !(a->f->flags & IFA_F_SECONDARY))
			break;
	}
	if (ctx->stats && round == 0)
		out_text(o, "Nothing to flush.\n");
	else if (ctx->stats)
		out_text(o, "*** Flush is complete after %d round%s ***\n", round,
			 round > 1 ? "s" : "");
	return EXIT_OK;
}

static int addr_flush(struct ipctx *ctx, struct addr_filter *f)
{
	struct flush_arg a = { .ctx = ctx, .f = f };
	bool json = ctx->out.json;
	int rc;

	if (f->dev) {
		f->ifindex = dev_index(ctx, f->dev);
		if (!f->ifindex) {
			pr_err("Device \"%s\" does not exist.\n", f->dev);
			return EXIT_FAIL;
		}
	}
	/* Names for labels and listings, loaded before the dump starts. */
	if ((f->label || ctx->stats >= 2) && ll_cache_fill(ctx) < 0)
		return EXIT_FAIL;
	ctx->out.json = false;	/* the reference reports flushes as text */
	rc = flush_loop(&a);
	ctx->out.json = json;
	free(a.del.p);
	return rc;
}

static int addr_list_or_flush(struct ipctx *ctx, int argc, char **argv,
			      bool flush)
{
	struct addr_filter f = { .family = ctx->family };
	int rc;

	if (flush && argc <= 0) {
		pr_err("Flush requires arguments.\n");
		return EXIT_FAIL;
	}
	if (flush && f.family == AF_PACKET) {
		pr_err("Cannot flush link addresses.\n");
		return EXIT_FAIL;
	}
	rc = parse_filter(ctx, &f, argc, argv);
	if (rc)
		return rc;
	return flush ? addr_flush(ctx, &f) : addr_show(ctx, &f);
}

/* ---- add, change, replace, delete ---- */

struct addr_req {
	uint16_t type, flags;	/* RTM_NEWADDR/RTM_DELADDR, NLM_F_* */
	int family;
	struct inet_addr local, peer, brd, any;
	const char *local_arg, *dev, *label;
	int brd_mode;		/* 0 none, 1 address, -1 "+", -2 "-" */
	uint8_t prefixlen, scope;
	bool scoped, has_metric, has_valid, has_preferred;
	uint32_t metric, valid, preferred;
	unsigned int ifa_flags;
};

static int set_lifetime(uint32_t *lft, const char *arg)
{
	if (streq(arg, "forever")) {
		*lft = INFINITY_LIFE_TIME;
		return 0;
	}
	return parse_u32(lft, arg, 0);
}

/* home, nodad and mngtmpaddr mean something for IPv6 only. */
static void v6_flag(struct addr_req *r, const char *name, unsigned int flag)
{
	if (r->family == AF_INET6)
		r->ifa_flags |= flag;
	else
		pr_err(
			"Warning: %s option can be set only for IPv6 addresses\n",
			name);
}

static int parse_peer(struct addr_req *r, const char *arg)
{
	int rc;

	if (r->peer.bytelen)
		return duparg("peer", arg);
	rc = get_inet(&r->peer, arg, r->family, true);
	if (rc)
		return rc;
	if (r->family == AF_UNSPEC)
		r->family = r->peer.family;
	r->prefixlen = r->peer.bitlen;
	return EXIT_OK;
}

static int parse_brd(struct addr_req *r, const char *arg)
{
	int rc;

	if (r->brd_mode)
		return duparg("broadcast", arg);
	if (streq(arg, "+") || streq(arg, "-")) {
		r->brd_mode = arg[0] == '+' ? -1 : -2;
		return EXIT_OK;
	}
	rc = get_inet(&r->brd, arg, r->family, false);
	if (rc)
		return rc;
	if (r->family == AF_UNSPEC)
		r->family = r->brd.family;
	r->brd_mode = r->brd.bytelen ? 1 : 0;
	return EXIT_OK;
}

static int parse_any(struct addr_req *r, const char *arg)
{
	int rc;

	if (r->any.bytelen)
		return duparg("anycast", arg);
	rc = get_inet(&r->any, arg, r->family, false);
	if (rc)
		return rc;
	if (r->family == AF_UNSPEC)
		r->family = r->any.family;
	return EXIT_OK;
}

static int parse_local(struct addr_req *r, const char *arg)
{
	int rc;

	if (matches(arg, "help"))
		return addr_usage();
	if (r->local.bytelen)
		return duparg2("local", arg);
	r->local_arg = arg;
	rc = get_inet(&r->local, arg, r->family, true);
	if (rc)
		return rc;
	if (r->family == AF_UNSPEC)
		r->family = r->local.family;
	return EXIT_OK;
}

/* The keywords followed by a value, in valued_words' order: the metric's
 * three names before the lifetimes, so "pre" is preference. */
enum {
	V_PEER, V_REMOTE, V_BROADCAST, V_BRD, V_ANYCAST, V_SCOPE, V_DEV,
	V_LABEL, V_METRIC, V_PRIORITY, V_PREFERENCE, V_VALID, V_PREFERRED,
};
static const char valued_words[] =
	"=peer\0=remote\0broadcast\0=brd\0=anycast\0=scope\0=dev\0=label\0"
	"metric\0priority\0preference\0valid_lft\0preferred_lft\0";

static int parse_lifetime(struct addr_req *r, int w, const char *val)
{
	if (w == V_VALID) {
		r->has_valid = true;
		if (set_lifetime(&r->valid, val))
			return invarg("valid_lft value", val);
	} else {
		r->has_preferred = true;
		if (set_lifetime(&r->preferred, val))
			return invarg("preferred_lft value", val);
	}
	return EXIT_OK;
}

/* Keywords followed by a value; *used tells whether key was one. */
static int parse_modify_valued(struct addr_req *r, const char *key,
			       int *argc, char ***argv, bool *used)
{
	int w = keyword_index(key, valued_words);
	const char *val;
	uint32_t scope;

	*used = w >= 0;
	if (!*used)
		return EXIT_OK;
	if ((w == V_VALID && r->has_valid) ||
	    (w == V_PREFERRED && r->has_preferred))
		return duparg(w == V_VALID ? "valid_lft" : "preferred_lft", key);
	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	val = (*argv)[0];
	switch (w) {
	case V_PEER: case V_REMOTE:
		return parse_peer(r, val);
	case V_BROADCAST: case V_BRD:
		return parse_brd(r, val);
	case V_ANYCAST:
		return parse_any(r, val);
	case V_SCOPE:
		if (id_of(NT_SCOPES, val, &scope) || scope > 255)
			return invarg("invalid scope value.", val);
		r->scope = scope;
		r->scoped = true;
		break;
	case V_DEV:
		r->dev = val;
		break;
	case V_LABEL:
		r->label = val;
		break;
	case V_METRIC: case V_PRIORITY: case V_PREFERENCE:
		if (parse_u32(&r->metric, val, 0))
			return invarg("\"metric\" value is invalid\n", val);
		r->has_metric = true;
		break;
	default:
		return parse_lifetime(r, w, val);
	}
	return EXIT_OK;
}

static int parse_modify(struct addr_req *r, int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];
		bool used;
		int rc = parse_modify_valued(r, a, &argc, &argv, &used);

		if (rc)
			return rc;
		if (used)
			continue;
		if (streq(a, "home")) {
			v6_flag(r, "home", IFA_F_HOMEADDRESS);
		} else if (streq(a, "nodad")) {
			v6_flag(r, "nodad", IFA_F_NODAD);
		} else if (streq(a, "mngtmpaddr")) {
			v6_flag(r, "mngtmpaddr", IFA_F_MANAGETEMPADDR);
		} else if (streq(a, "optimistic")) {
			v6_flag(r, "optimistic", IFA_F_OPTIMISTIC);
		} else if (streq(a, "noprefixroute")) {
			r->ifa_flags |= IFA_F_NOPREFIXROUTE;
		} else if (streq(a, "autojoin")) {
			r->ifa_flags |= IFA_F_MCAUTOJOIN;
		} else if (ifa_flag_of(a)) {
			/* the other flag names are the kernel's to set:
			 * iproute2 warns and goes on */
			pr_err("Warning: %s option is not mutable from userspace\n", a);
		} else {
			if (streq(a, "local") && !next_arg(&argc, &argv))
				return EXIT_USAGE;
			rc = parse_local(r, argv[0]);
			if (rc)
				return rc;
		}
	}
	return EXIT_OK;
}

/* "brd +" / "brd -": the peer prefix with all host bits set / clear. */
static void make_broadcast(struct addr_req *r)
{
	uint32_t a;
	int i;

	r->brd = r->peer;
	if (r->brd.bitlen > 30)
		return;
	memcpy(&a, r->brd.data, 4);
	a = ntohl(a);
	for (i = 31; i >= r->brd.bitlen; i--) {
		if (r->brd_mode == -1)
			a |= 1u << (31 - i);
		else
			a &= ~(1u << (31 - i));
	}
	a = htonl(a);
	memcpy(r->brd.data, &a, 4);
	r->brd_mode = 1;
}

static bool is_multicast(const struct inet_addr *a)
{
	if (a->family == AF_INET)
		return a->bytelen && (a->data[0] & 0xf0) == 0xe0;
	return a->family == AF_INET6 && a->bytelen && a->data[0] == 0xff;
}

/* Checks the reference makes once the line is read, in its order. */
static int check_modify(struct ipctx *ctx, struct addr_req *r, int *ifindex)
{
	bool peer_given = r->peer.bytelen;

	if (!r->dev) {
		pr_err("Not enough information: \"dev\" argument is required.\n");
		return EXIT_FAIL;
	}
	if (!peer_given && r->local.bytelen) {
		if (r->type == RTM_DELADDR && r->local.family == AF_INET &&
		    !(r->local.flags & ADDR_HAS_PREFIX))
			pr_err(
				"Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
				"         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"
				"         This special behaviour is likely to disappear in further releases,\n"
				"         fix your scripts!\n",
				r->local_arg, r->local.bytelen * 8);
		else
			r->peer = r->local;
	}
	if (r->prefixlen == 0)
		r->prefixlen = r->local.bitlen;
	if (r->brd_mode < 0 && r->type != RTM_DELADDR) {
		if (r->family != AF_INET) {
			pr_err("Broadcast can be set only for IPv4 addresses\n");
			return EXIT_FAIL;
		}
		make_broadcast(r);
	}
	if (!r->scoped && r->type != RTM_DELADDR)
		r->scope = r->local.family == AF_INET && r->local.bytelen &&
			   r->local.data[0] == 127 ? RT_SCOPE_HOST : 0;
	*ifindex = dev_index(ctx, r->dev);
	if (!*ifindex) {
		pr_err("Cannot find device \"%s\"\n", r->dev);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int check_lifetimes(struct addr_req *r)
{
	if (!r->has_valid && !r->has_preferred)
		return EXIT_OK;
	if (!r->has_valid)
		r->valid = INFINITY_LIFE_TIME;
	if (!r->has_preferred)
		r->preferred = INFINITY_LIFE_TIME;
	if (!r->valid) {
		pr_err("valid_lft is zero\n");
		return EXIT_FAIL;
	}
	if (r->valid < r->preferred) {
		pr_err("preferred_lft is greater than valid_lft\n");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static void encode_modify(struct nl_req *req, struct addr_req *r, int ifindex)
{
	struct ifaddrmsg *ifa = nl_put_hdr(req, sizeof(*ifa));

	ifa->ifa_family = r->family;
	ifa->ifa_prefixlen = r->prefixlen;
	ifa->ifa_scope = r->scope;
	ifa->ifa_index = ifindex;
	if (r->ifa_flags <= 0xff)
		ifa->ifa_flags = r->ifa_flags;
	if (r->local_arg)
		nl_put(req, IFA_LOCAL, r->local.data, r->local.bytelen);
	if (r->peer.bytelen)
		nl_put(req, IFA_ADDRESS, r->peer.data, r->peer.bytelen);
	if (r->brd_mode > 0)
		nl_put(req, IFA_BROADCAST, r->brd.data, r->brd.bytelen);
	if (r->any.bytelen)
		nl_put(req, IFA_ANYCAST, r->any.data, r->any.bytelen);
	if (r->label)
		nl_put_str(req, IFA_LABEL, r->label);
	if (r->has_metric)
		nl_put_u32(req, IFA_RT_PRIORITY, r->metric);
	if (r->has_valid || r->has_preferred) {
		struct ifa_cacheinfo ci = { .ifa_prefered = r->preferred,
					    .ifa_valid = r->valid };

		nl_put(req, IFA_CACHEINFO, &ci, sizeof(ci));
	}
	if (r->ifa_flags > 0xff)
		nl_put_u32(req, IFA_FLAGS, r->ifa_flags);
}

/* -echo: one address as ip monitor shows it ("index: dev" first). */
void print_addr_msg(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct addr_view v;

	if (!nlh || addr_decode(nlh, &v))
		return;
	print_addr(ctx, &v, nlh->nlmsg_type == RTM_DELADDR ?
			    ADDR_DEV | ADDR_DELETED : ADDR_DEV);
}

static int addr_modify(struct ipctx *ctx, uint16_t type, uint16_t flags,
		       int argc, char **argv)
{
	NL_REQ_DEFINE(req, 512);
	struct addr_req r = { .type = type, .flags = flags,
			      .family = ctx->family };
	int ifindex = 0, rc;	/* set by check_modify() when rc is 0 */

	rc = parse_modify(&r, argc, argv);
	if (!rc)
		rc = check_modify(ctx, &r, &ifindex);
	if (!rc)
		rc = check_lifetimes(&r);
	if (rc)
		return rc;
	if ((r.ifa_flags & IFA_F_MCAUTOJOIN) && !is_multicast(&r.local)) {
		pr_err("autojoin needs multicast address\n");
		return EXIT_FAIL;
	}
	NL_REQ_INIT(req, type, flags);
	encode_modify(&req, &r, ifindex);
	return ctx_talk_echo(ctx, &req, print_addr_msg);
}

/* ---- save, showdump, restore: a magic word, then raw RTM_NEWADDR ---- */

#define ADDR_DUMP_MAGIC 0x47361222u

static int save_msg(struct nlmsghdr *nlh, void *arg)
{
	struct ipctx *ctx = arg;

	if (fwrite(nlh, 1, nlh->nlmsg_len, ctx->out.f) != nlh->nlmsg_len) {
		pr_err("Short write while saving nlmsg\n");
		return -EIO;
	}
	return 0;
}

/* Like the reference, "save" honours only "dev" (and -4/-6). */
static int addr_save(struct ipctx *ctx, int argc, char **argv)
{
	struct addr_filter f = { .family = ctx->family };
	int rc = parse_filter(ctx, &f, argc, argv);

	if (rc)
		return rc;
	if (f.dev && !(f.ifindex = dev_index(ctx, f.dev))) {
		pr_err("Device \"%s\" does not exist.\n", f.dev);
		return EXIT_FAIL;
	}
	if (saved_magic_write(ctx, ADDR_DUMP_MAGIC))
		return EXIT_FAIL;
	if (addr_dump(ctx, ctx->family, f.ifindex, save_msg, ctx) < 0) {
		pr_err("Save terminated\n");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int dump_check_magic(FILE *in)
{
	return saved_magic_check(in, ADDR_DUMP_MAGIC, "address");
}

static int showdump_one(struct ipctx *ctx, struct nlmsghdr *nlh, void *arg)
{
	struct addr_view v;
	struct ifaddrmsg *ifa = NLMSG_DATA(nlh);

	if (nlh->nlmsg_type == RTM_NEWADDR && !addr_decode(nlh, &v)) {
		print_addr(ctx, &v, ADDR_IFN);
		return 0;
	}
	/* Not an address: the reference still prints its "ifN:" line. */
	out_obj_open(&ctx->out, NULL);
	out_int(&ctx->out, OUT_ANY, "index", "if%d:", ifa->ifa_index);
	out_nl(&ctx->out);
	out_obj_close(&ctx->out);
	return 0;
}

static int addr_showdump(struct ipctx *ctx)
{
	struct out *o = &ctx->out;
	int rc;

	if (dump_check_magic(stdin))
		return EXIT_USAGE;
	out_begin(o);
	out_obj_open(o, NULL);
	out_arr_open(o, "addr_info");
	rc = saved_msgs_read(stdin, ctx, showdump_one, NULL);
	out_arr_close(o);
	out_obj_close(o);
	out_end(o);
	return rc ? EXIT_USAGE : EXIT_OK;
}

/* Each address is added again; one that is already there is reported and
 * skipped, any other refusal ends the restore. */
static int restore_one(struct ipctx *ctx, struct nlmsghdr *nlh, void *arg)
{
	struct nl_sock *s = ctx_nl(ctx);
	struct nl_req r = { .nlh = nlh, .cap = nlh->nlmsg_len };
	int err;

	if (!s)
		return -1;
	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_CREATE;
	err = nl_talk(s, &r, NULL, NULL);
	if (err < 0)
		nl_report(ctx, err);
	return err < 0 && err != -EEXIST ? -1 : 0;
}

static int addr_restore(struct ipctx *ctx)
{
	if (dump_check_magic(stdin))
		return EXIT_USAGE;
	return saved_msgs_read(stdin, ctx, restore_one, NULL) ? EXIT_USAGE : EXIT_OK;
}

/* Verbs in the reference's order, so abbreviations resolve the same way. */
int do_addr(struct ipctx *ctx, int argc, char **argv)
{
	const char *verb = argc > 0 ? argv[0] : NULL;

	if (!verb)
		return addr_list_or_flush(ctx, 0, NULL, false);
	argc--;
	argv++;
	if (matches(verb, "add"))
		return addr_modify(ctx, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL,
				   argc, argv);
	if (matches(verb, "change") || streq(verb, "chg"))
		return addr_modify(ctx, RTM_NEWADDR, NLM_F_REPLACE, argc, argv);
	if (matches(verb, "replace"))
		return addr_modify(ctx, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE,
				   argc, argv);
	if (matches(verb, "delete"))
		return addr_modify(ctx, RTM_DELADDR, 0, argc, argv);
	if (matches(verb, "list") || matches(verb, "show") ||
	    matches(verb, "lst"))
		return addr_list_or_flush(ctx, argc, argv, false);
	if (matches(verb, "flush"))
		return addr_list_or_flush(ctx, argc, argv, true);
	if (matches(verb, "save"))
		return addr_save(ctx, argc, argv);
	if (matches(verb, "showdump"))
		return addr_showdump(ctx);
	if (matches(verb, "restore"))
		return addr_restore(ctx);
	if (matches(verb, "help"))
		return addr_usage();
	pr_err("Command \"%s\" is unknown, try \"ip address help\".\n",
	       verb);
	return EXIT_USAGE;
}
