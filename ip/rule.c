/* ip rule: the grammar of selectors and actions, add and delete, and the
 * dispatch of the commands. */
#include <endian.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "usage_text.h"

static int rule_usage(void)
{
	usage_print(stderr, USAGE_RULE);
	return EXIT_USAGE;
}

/* ---- pieces both grammars read ---- */

/* A prefix as the reference's get_prefix reads it ("all" is one of no
 * length, a bare address one of the host's); like it, a bad one ends a
 * batch. */
static int rule_prefix(struct ipctx *ctx, struct inet_addr *a, const char *s,
		       int family)
{
	bool ip = family == AF_UNSPEC || family == AF_INET || family == AF_INET6;

	if (family == AF_PACKET) {
		pr_err(
			"Error: \"%s\" may be inet prefix, but it is not allowed in this context.\n",
			s);
		return exit_now(EXIT_FAIL);
	}
	if (ip && !parse_prefix(a, s, family) &&
	    (a->flags & (ADDR_DEFAULT | ADDR_HAS_PREFIX)) !=
		    (ADDR_DEFAULT | ADDR_HAS_PREFIX)) {
		if (a->bitlen < 0)
			a->bitlen = a->family == AF_INET6 ? 128 : 32;
		return 0;
	}
	return addr_expected(family, "prefix", s);
}

/* The reference's check_ifname: a name the kernel could have. */
static bool name_ok(const char *s)
{
	size_t n = strlen(s);

	return n && n < 16 && !strpbrk(s, "/ \t\n\v\f\r");
}

/* sscanf(s, "%u-%u") with glibc: how many numbers it read (the values
 * wrap as the conversion's do). */
static int scan_range(const char *s, unsigned long *lo, unsigned long *hi)
{
	char *end;

	*lo = strtoul(s, &end, 10);
	if (end == s)
		return 0;
	if (*end != '-')
		return 1;
	s = end + 1;
	*hi = strtoul(s, &end, 10);
	return end == s ? 1 : 2;
}

/* The reference words a bad dport as "invalid dport range". */
static int get_ports(struct fib_rule_port_range *r, const char *s, bool dst)
{
	unsigned long lo, hi;
	int n = scan_range(s, &lo, &hi);

	if (n == 0)
		return invarg(dst ? "invalid dport range\n" : "invalid port range\n",
			      s);
	r->start = (uint16_t)lo;
	r->end = (uint16_t)(n == 2 ? hi : lo);
	return 0;
}

static int get_uids(struct fib_rule_uid_range *r, const char *s)
{
	unsigned long lo, hi;

	if (scan_range(s, &lo, &hi) != 2)
		return invarg("invalid UID range\n", s);
	r->start = (uint32_t)lo;
	r->end = (uint32_t)hi;
	return 0;
}

/* "MARK[/MASK]"; mask stays untouched without a slash. */
static int get_fwmark(const char *s, uint32_t *mark, uint32_t *mask,
		      bool *has_mask)
{
	char buf[64];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);

	snprintf(buf, sizeof(buf), "%.*s", (int)n, s);
	if (n >= sizeof(buf) || parse_u32(mark, buf, 0))
		return invarg("fwmark value is invalid\n", buf);
	*has_mask = slash;
	if (slash && parse_u32(mask, slash + 1, 0))
		return invarg("fwmask value is invalid\n", slash + 1);
	return 0;
}

/* Packed: 10 bytes an entry instead of 16 (49 of them). */
struct keyword {
	const char *word;
	bool exact;
	uint8_t id;
} __attribute__((packed));

static int keyword_id(const struct keyword *k, size_t n, const char *a)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (k[i].exact ? streq(a, k[i].word) : matches(a, k[i].word))
			return k[i].id;
	return -1;
}

/* ---- list and flush: the filter ---- */

enum {
	K_FROM, K_TO, K_PREF, K_TOS, K_FWMARK, K_IIF, K_OIF, K_UIDS,
	K_IPPROTO, K_SPORT, K_DPORT, K_TUN_ID, K_TABLE, K_PROTO,
	/* add and delete only */
	K_NOT, K_L3MDEV, K_REALMS, K_SUP_LEN, K_SUP_GROUP, K_NAT,
};

/* In the reference's order, which decides abbreviations ("t" is tun_id,
 * "d" is dst, "p" is preference). */
static const struct keyword filter_words[] = {
	{ "from", false, K_FROM },	{ "tun_id", false, K_TUN_ID },
	{ "to", false, K_TO },		{ "preference", false, K_PREF },
	{ "order", false, K_PREF },	{ "priority", false, K_PREF },
	{ "tos", true, K_TOS },		{ "dsfield", true, K_TOS },
	{ "fwmark", true, K_FWMARK },	{ "dev", true, K_IIF },
	{ "iif", true, K_IIF },		{ "oif", true, K_OIF },
	{ "uidrange", true, K_UIDS },	{ "ipproto", true, K_IPPROTO },
	{ "sport", true, K_SPORT },	{ "dport", true, K_DPORT },
	{ "lookup", false, K_TABLE },	{ "table", false, K_TABLE },
	{ "protocol", false, K_PROTO }, { "dst", false, K_TO },
	{ "src", false, K_FROM },
};

/* The values both grammars read alike, with the same words: 0 with *n
 * set, an exit code, or -1 for a keyword that is none of them. */
static int common_value(int id, const char *v, uint64_t *n)
{
	uint32_t u;
	int p;

	switch (id) {
	case K_PREF:
		if (parse_u32(&u, v, 0))
			return invarg("preference value is invalid\n", v);
		break;
	case K_TOS:
		if (rt_dsfield_a2n(v, &u))
			return invarg("TOS value is invalid\n", v);
		break;
	case K_IPPROTO:
		if ((p = ipproto_id(v)) < 0)
			return invarg("Invalid \"ipproto\" value\n", v);
		u = p;
		break;
	case K_TUN_ID:
		return parse_u64(n, v, 0) ?
			invarg("\"tun_id\" value is invalid\n", v) : 0;
	case K_IIF:
	case K_OIF:
		if (!name_ok(v))
			return invarg(id == K_IIF ? "\"iif\"/\"dev\" not a valid ifname" :
						    "\"oif\" not a valid ifname", v);
		return 0;
	default:
		return -1;
	}
	*n = u;
	return 0;
}

static int filter_proto(struct rule_filter *f, const char *v)
{
	f->protocolmask = ~0u;
	if (!rt_proto_a2n(v, &f->protocol))
		return 0;
	if (!streq(v, "all"))
		return invarg("invalid \"protocol\"\n", v);
	f->protocol = f->protocolmask = 0;
	return 0;
}

static int filter_value(struct ipctx *ctx, struct rule_filter *f, int id,
			const char *v, int family)
{
	uint64_t n;
	int rc = common_value(id, v, &n);

	if (rc > 0)
		return rc;
	switch (id) {
	case K_FROM:
		return rule_prefix(ctx, &f->src, v, family);
	case K_TO:
		return rule_prefix(ctx, &f->dst, v, family);
	case K_PREF:
		f->pref = n;
		f->pref_set = true;
		return 0;
	case K_TOS:
		f->tos = n;
		f->tos_set = true;
		return 0;
	case K_FWMARK: {
		uint32_t mask = 0;
		bool has_mask;

		rc = get_fwmark(v, &f->fwmark, &mask, &has_mask);
		if (!rc && has_mask)
			f->fwmask = mask;
		return rc;
	}
	case K_IIF:
	case K_OIF:
		strcpy(id == K_IIF ? f->iif : f->oif, v);
		return 0;
	case K_UIDS:
		f->uid_set = true;
		return get_uids(&f->uid, v);
	case K_IPPROTO:
		f->ipproto = n;
		return 0;
	case K_SPORT:
		return get_ports(&f->sport, v, false);
	case K_DPORT:
		return get_ports(&f->dport, v, true);
	case K_TUN_ID:
		f->tun_id = n;
		return 0;
	case K_TABLE:
		if (rt_table_a2n(v, &f->table))
			return invarg("table id value is invalid\n", v);
		return 0;
	default:
		return filter_proto(f, v);
	}
}

static int parse_filter(struct ipctx *ctx, struct rule_filter *f, int argc,
			char **argv)
{
	int family = ctx->family == AF_UNSPEC ? AF_INET : ctx->family;

	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];
		int id, rc;

		if (streq(a, "not") || streq(a, "l3mdev")) {
			*(a[0] == 'n' ? &f->inverted : &f->l3mdev) = true;
			continue;
		}
		id = keyword_id(filter_words,
				sizeof(filter_words) / sizeof(filter_words[0]), a);
		if (id < 0)	/* a bare prefix is "to PREFIX" */
			rc = rule_prefix(ctx, &f->dst, a, family);
		else if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		else
			rc = filter_value(ctx, f, id, argv[0], family);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- add and delete ---- */

static const struct keyword modify_words[] = {
	{ "not", true, K_NOT },		{ "from", true, K_FROM },
	{ "to", true, K_TO },		{ "preference", false, K_PREF },
	{ "order", false, K_PREF },	{ "priority", false, K_PREF },
	{ "tos", true, K_TOS },		{ "dsfield", false, K_TOS },
	{ "fwmark", true, K_FWMARK },	{ "realms", false, K_REALMS },
	{ "protocol", false, K_PROTO }, { "tun_id", false, K_TUN_ID },
	{ "table", false, K_TABLE },	{ "lookup", true, K_TABLE },
	{ "suppress_prefixlength", false, K_SUP_LEN },
	{ "sup_pl", true, K_SUP_LEN },
	{ "suppress_ifgroup", false, K_SUP_GROUP },
	{ "sup_group", true, K_SUP_GROUP },
	{ "dev", true, K_IIF },		{ "iif", true, K_IIF },
	{ "oif", true, K_OIF },		{ "l3mdev", true, K_L3MDEV },
	{ "uidrange", true, K_UIDS },	{ "nat", true, K_NAT },
	{ "map-to", false, K_NAT },	{ "ipproto", true, K_IPPROTO },
	{ "sport", true, K_SPORT },	{ "dport", true, K_DPORT },
};

struct rule_mod {
	struct nl_req *req;
	struct fib_rule_hdr *frh;
	uint32_t table;		/* the last "table" given */
	bool table_ok, l3mdev;
};

static int mod_prefix(struct ipctx *ctx, struct rule_mod *m, const char *v,
		      bool src)
{
	struct inet_addr a;

	if (rule_prefix(ctx, &a, v, m->frh->family))
		return EXIT_FAIL;
	*(src ? &m->frh->src_len : &m->frh->dst_len) = a.bitlen;
	nl_put(m->req, src ? FRA_SRC : FRA_DST, a.data,
	       (a.flags & ADDR_DEFAULT) ? 0 : a.bytelen);
	return 0;
}

static int mod_nat(struct ipctx *ctx, struct rule_mod *m, const char *v)
{
	struct inet_addr a;

	pr_err("Warning: route NAT is deprecated\n");
	if (parse_addr(&a, v, AF_INET))
		return ip_expected(v);
	nl_put(m->req, RULE_NAT_ADDR, a.data, 4);
	m->frh->action = RTN_NAT;
	return 0;
}

static int mod_table(struct rule_mod *m, const char *v)
{
	if (rt_table_a2n(v, &m->table))
		return invarg("invalid table ID\n", v);
	if (m->table < 256) {
		m->frh->table = m->table;
	} else {
		m->frh->table = RT_TABLE_UNSPEC;
		nl_put_u32(m->req, FRA_TABLE, m->table);
	}
	m->table_ok = true;
	return 0;
}

static int mod_marks(struct rule_mod *m, const char *v)
{
	uint32_t mark, mask;
	bool has_mask;
	int rc = get_fwmark(v, &mark, &mask, &has_mask);

	if (rc)
		return rc;
	nl_put_u32(m->req, FRA_FWMARK, mark);
	if (has_mask)
		nl_put_u32(m->req, FRA_FWMASK, mask);
	return 0;
}

/* The selectors and actions that are a number or a name. */
static int mod_number(struct rule_mod *m, int id, const char *v)
{
	uint32_t n;
	int32_t len;

	switch (id) {
	case K_REALMS:
		if (rt_realms_a2n(v, &n))
			return invarg("invalid realms\n", v);
		nl_put_u32(m->req, FRA_FLOW, n);
		return 0;
	case K_PROTO:
		if (rt_proto_a2n(v, &n))
			return invarg("\"protocol\" value is invalid\n", v);
		nl_put_u8(m->req, FRA_PROTOCOL, n);
		return 0;
	case K_SUP_LEN:
		if (parse_s32(&len, v, 0) || len < 0)
			return invarg("suppress_prefixlength value is invalid\n", v);
		nl_put_u32(m->req, FRA_SUPPRESS_PREFIXLEN, len);
		return 0;
	default:
		if (group_id(v, &n))
			return invarg("Invalid \"suppress_ifgroup\" value\n", v);
		nl_put_u32(m->req, FRA_SUPPRESS_IFGROUP, n);
		return 0;
	}
}

/* What common_value read, into the request. */
static void mod_common(struct rule_mod *m, int id, const char *v, uint64_t n)
{
	switch (id) {
	case K_PREF:
		nl_put_u32(m->req, FRA_PRIORITY, n);
		break;
	case K_TOS:
		m->frh->tos = n;
		break;
	case K_IPPROTO:
		nl_put_u8(m->req, FRA_IP_PROTO, n);
		break;
	case K_TUN_ID:
		nl_put_u64(m->req, FRA_TUN_ID, htobe64(n));
		break;
	default:
		nl_put_str(m->req, id == K_IIF ? FRA_IIFNAME : FRA_OIFNAME, v);
	}
}

static int mod_value(struct ipctx *ctx, struct rule_mod *m, int id,
		     const char *v)
{
	struct fib_rule_uid_range uids;
	struct fib_rule_port_range ports;
	uint64_t n;
	int rc = common_value(id, v, &n);

	if (rc >= 0) {
		if (!rc)
			mod_common(m, id, v, n);
		return rc;
	}
	switch (id) {
	case K_FROM:
	case K_TO:
		return mod_prefix(ctx, m, v, id == K_FROM);
	case K_FWMARK:
		return mod_marks(m, v);
	case K_TABLE:
		return mod_table(m, v);
	case K_UIDS:
		if (get_uids(&uids, v))
			return EXIT_USAGE;
		nl_put(m->req, FRA_UID_RANGE, &uids, sizeof(uids));
		return 0;
	case K_NAT:
		return mod_nat(ctx, m, v);
	case K_SPORT:
	case K_DPORT:
		if (get_ports(&ports, v, id == K_DPORT))
			return EXIT_USAGE;
		nl_put(m->req, id == K_SPORT ? FRA_SPORT_RANGE : FRA_DPORT_RANGE,
		       &ports, sizeof(ports));
		return 0;
	default:
		return mod_number(m, id, v);
	}
}

/* A word no keyword claims: "[type] TYPE", "goto NUMBER", "nop", help. */
static int mod_type(struct rule_mod *m, int *argc, char ***argv)
{
	uint32_t type, target;

	if (streq((*argv)[0], "type") && !next_arg(argc, argv))
		return EXIT_USAGE;
	if (matches((*argv)[0], "help"))
		return -1;
	if (matches((*argv)[0], "goto")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		if (parse_u32(&target, (*argv)[0], 0))
			return invarg("invalid target\n", (*argv)[0]);
		nl_put_u32(m->req, FRA_GOTO, target);
		type = FR_ACT_GOTO;
	} else if (matches((*argv)[0], "nop")) {
		type = FR_ACT_NOP;
	} else if (rt_type_a2n((*argv)[0], &type)) {
		return invarg("Failed to parse rule type", (*argv)[0]);
	}
	m->frh->action = type;
	m->table_ok = true;
	return 0;
}

static int mod_word(struct ipctx *ctx, struct rule_mod *m, int *argc,
		    char ***argv)
{
	int id = keyword_id(modify_words,
			    sizeof(modify_words) / sizeof(modify_words[0]),
			    (*argv)[0]);

	switch (id) {
	case -1:
		return mod_type(m, argc, argv);
	case K_NOT:
		m->frh->flags |= FIB_RULE_INVERT;
		return 0;
	case K_L3MDEV:
		nl_put_u8(m->req, FRA_L3MDEV, 1);
		m->table_ok = m->l3mdev = true;
		return 0;
	default:
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return mod_value(ctx, m, id, (*argv)[0]);
	}
}

static void print_rule_echo(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	if (nlh)
		print_rule(ctx, nlh);
}

static int rule_modify(struct ipctx *ctx, int cmd, int argc, char **argv)
{
	NL_REQ_DEFINE(req, 1024);
	struct rule_mod m = { .req = &req };
	int rc;

	if (argc <= 0) {
		pr_err("\"ip rule %s\" requires arguments.\n",
		       cmd == RTM_NEWRULE ? "add" : "del");
		return EXIT_FAIL;
	}
	NL_REQ_INIT(req, cmd, cmd == RTM_NEWRULE ? NLM_F_CREATE | NLM_F_EXCL : 0);
	m.frh = nl_put_hdr(&req, sizeof(*m.frh));
	m.frh->family = ctx->family;
	m.frh->action = cmd == RTM_NEWRULE ? FR_ACT_TO_TBL : FR_ACT_UNSPEC;
	for (; argc > 0; argc--, argv++) {
		rc = mod_word(ctx, &m, &argc, &argv);
		if (rc)
			return rc < 0 ? rule_usage() : rc;
	}
	if (m.l3mdev && m.table) {
		pr_err("table can not be specified for l3mdev rules\n");
		return EINVAL;	/* the reference's exit code: -(-EINVAL) */
	}
	if (m.frh->family == AF_UNSPEC)
		m.frh->family = AF_INET;
	if (!m.table_ok && cmd == RTM_NEWRULE)
		m.frh->table = RT_TABLE_MAIN;
	return ctx_talk_echo(ctx, &req, print_rule_echo);
}

/* ---- the commands ---- */

static int rule_list(struct ipctx *ctx, int argc, char **argv, int action)
{
	struct rule_filter f;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = parse_filter(ctx, &f, argc, argv);
	return rc ? rc : rule_dump_cmd(ctx, &f, action);
}

int do_rule(struct ipctx *ctx, int argc, char **argv)
{
	const char *a = argc > 0 ? argv[0] : "list";

	if (is_list_verb(a))
		return rule_list(ctx, argc - 1, argv + 1, RULE_LIST);
	if (matches(a, "save")) {
		if (argc > 1) {
			pr_err("\"ip rule save\" does not take any arguments.\n");
			return EXIT_FAIL;
		}
		return rule_list(ctx, 0, NULL, RULE_SAVE);
	}
	if (matches(a, "restore"))
		return rule_restore(ctx);
	if (matches(a, "add"))
		return rule_modify(ctx, RTM_NEWRULE, argc - 1, argv + 1);
	if (matches(a, "delete"))
		return rule_modify(ctx, RTM_DELRULE, argc - 1, argv + 1);
	if (matches(a, "flush"))
		return rule_list(ctx, argc - 1, argv + 1, RULE_FLUSH);
	if (matches(a, "help"))
		return rule_usage();
	return unknown_command("rule", a);
}
