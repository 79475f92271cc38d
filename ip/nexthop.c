/* ip nexthop: nexthop objects (single nexthops, groups, resilient groups
 * and their buckets) through RTM_*NEXTHOP and RTM_GETNEXTHOPBUCKET.  The
 * printer lives in nh_print.c, where ip route -d finds it too. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/nexthop.h>

#include "names.h"
#include "nh.h"
#include "route.h"
#include "usage_text.h"

static int nh_usage(void)
{
	usage_print(stderr, USAGE_NEXTHOP);
	return EXIT_USAGE;
}

static int parse_id(uint32_t *id, const char *s)
{
	return parse_u32(id, s, 0) ? invarg("invalid id value", s) : 0;
}

static int dev_index(struct ipctx *ctx, const char *name, int *idx)
{
	*idx = ll_index(ctx, name);
	return *idx ? 0 : invarg("Device does not exist\n", name);
}

/* The header every request here starts with. */
static struct nhmsg *nh_hdr(struct nl_req *req, int family)
{
	struct nhmsg *nhm = nl_put_hdr(req, sizeof(*nhm));

	nhm->nh_family = family;
	return nhm;
}

/* The header, then the id (0 too: the kernel has the words for it). */
static void nh_hdr_id(struct nl_req *req, int family, uint32_t id)
{
	nh_hdr(req, family);
	nl_put_u32(req, NHA_ID, id);
}

/* ---- add, replace, delete ---- */

/* "id[,weight]/id[,weight]/...", each member written straight into the
 * request (as many as it holds; iproute2 6.1 stops at 127, its buffer's
 * size).  A bad id is reported with the text of the first member up to its
 * ',' or '/', as the reference cuts the word in place while it reads it. */
static int parse_group(struct nl_req *req, const char *arg)
{
	struct rtattr *nest = nl_nest_start(req, NHA_GROUP);
	const char *p = arg;
	char first[64];

	snprintf(first, sizeof(first), "%.*s", (int)strcspn(arg, "/,"), arg);
	if (!*arg || !nest)
		return invarg("\"group\" value is invalid\n", first);
	nest->rta_type = NHA_GROUP;	/* an array, not a nest */
	for (;;) {
		size_t len = strcspn(p, "/"), idlen = strcspn(p, ",/");
		struct nexthop_grp *g = nl_put_hdr(req, sizeof(*g));
		char word[64];
		uint32_t w;

		snprintf(word, sizeof(word), "%.*s", (int)idlen, p);
		if (!g || idlen >= sizeof(word) || parse_u32(&g->id, word, 0))
			return invarg("\"group\" value is invalid\n", first);
		if (idlen < len) {
			snprintf(word, sizeof(word), "%.*s",
				 (int)(len - idlen - 1), p + idlen + 1);
			if (len - idlen - 1 >= sizeof(word) ||
			    parse_u32(&w, word, 0) || w == 0 || w > 256)
				return invarg("\"weight\" is invalid\n", word);
			g->weight = w - 1;
		}
		if (!p[len])
			break;
		p += len + 1;
	}
	nl_nest_end(req, nest);
	return 0;
}

/* Timers in seconds, sent in clock ticks (1/100 s): below 2^32 ticks. */
static int parse_timer(struct nl_req *req, uint16_t type, const char *s,
		       const char *what)
{
	uint32_t v;

	if (parse_u32(&v, s, 0) || v >= UINT32_MAX / 100)
		return invarg(what, s);
	nl_put_u32(req, type, v * 100);
	return 0;
}

/* After "type resilient": its own words, up to the first other one, which
 * is left for the caller.  The nest is sent even empty, unless the line ends
 * there (the reference's requests, which the kernel answers differently). */
static int parse_res_args(struct nl_req *req, int *argc, char ***argv)
{
	struct rtattr *nest;
	int rc = 0;

	if (*argc <= 1)
		return 0;
	nest = nl_nest_start(req, NHA_RES_GROUP);

	while (!rc && *argc > 1) {
		const char *a = (*argv)[1];
		uint16_t buckets;

		if (!streq(a, "buckets") && !streq(a, "idle_timer") &&
		    !streq(a, "unbalanced_timer"))
			break;
		(*argc)--;
		(*argv)++;
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		if (streq(a, "buckets")) {
			if (parse_u16(&buckets, (*argv)[0], 0))
				return invarg("invalid buckets value", (*argv)[0]);
			nl_put_u16(req, NHA_RES_GROUP_BUCKETS, buckets);
		} else if (streq(a, "idle_timer")) {
			rc = parse_timer(req, NHA_RES_GROUP_IDLE_TIMER, (*argv)[0],
					 "invalid idle timer value");
		} else {
			rc = parse_timer(req, NHA_RES_GROUP_UNBALANCED_TIMER,
					 (*argv)[0], "invalid unbalanced timer value");
		}
	}
	nl_nest_end(req, nest);
	return rc;
}

static int parse_type(struct nl_req *req, int *argc, char ***argv)
{
	const char *t;
	uint16_t type;
	int rc = 0;

	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	t = (*argv)[0];
	if (streq(t, "mpath"))
		type = NEXTHOP_GRP_TYPE_MPATH;
	else if (streq(t, "resilient"))
		type = NEXTHOP_GRP_TYPE_RES;
	else
		return invarg("\"type\" value is invalid\n", t);
	if (type == NEXTHOP_GRP_TYPE_RES)
		rc = parse_res_args(req, argc, argv);
	if (!rc)
		nl_put_u16(req, NHA_GROUP_TYPE, type);
	return rc;
}

/* "via [FAMILY] ADDRESS": the first address or device fixes the family. */
static int parse_gateway(struct nl_req *req, struct nhmsg *nhm, int *argc,
			 char ***argv)
{
	struct rt_prefix a;
	int rc = rt_get_via(&a, argc, argv, nhm->nh_family);

	if (rc)
		return rc;
	if (nhm->nh_family == AF_UNSPEC)
		nhm->nh_family = a.family;
	else if (nhm->nh_family != a.family)
		return invarg("address family mismatch\n", (*argv)[0]);
	nl_put(req, NHA_GATEWAY, a.data, a.bytelen);
	return 0;
}

/* Lightweight tunnel encapsulation is not ours to build: the words are
 * checked as the reference checks them, then refused. */
static int refuse_encap(int *argc, char ***argv)
{
	static const char *const types[] = {
		"mpls", "ip", "ila", "ip6", "bpf", "seg6", "seg6local",
		"rpl", "ioam6", "xfrm",
	};
	size_t i;

	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (streq((*argv)[0], types[i]))
			break;
	if (i == sizeof(types) / sizeof(types[0]))
		return invarg("\"encap type\" value is invalid\n", (*argv)[0]);
	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	pr_err("Error: \"encap\" is not supported by this ip.\n");
	return EXIT_USAGE;
}

static int parse_nh_word(struct ipctx *ctx, struct nl_req *req,
			 struct nhmsg *nhm, int *argc, char ***argv)
{
	const char *a = (*argv)[0];
	uint32_t v;
	int idx;

	if (streq(a, "id")) {
		if (!next_arg(argc, argv) || parse_id(&v, (*argv)[0]))
			return EXIT_USAGE;
		nl_put_u32(req, NHA_ID, v);
	} else if (streq(a, "dev")) {
		if (!next_arg(argc, argv) || dev_index(ctx, (*argv)[0], &idx))
			return EXIT_USAGE;
		nl_put_u32(req, NHA_OIF, idx);
		if (nhm->nh_family == AF_UNSPEC)
			nhm->nh_family = AF_INET;
	} else if (streq(a, "via")) {
		return parse_gateway(req, nhm, argc, argv);
	} else if (streq(a, "blackhole")) {
		nl_put(req, NHA_BLACKHOLE, NULL, 0);
		if (nhm->nh_family == AF_UNSPEC)
			nhm->nh_family = AF_INET;
	} else if (streq(a, "fdb")) {
		nl_put(req, NHA_FDB, NULL, 0);
	} else if (streq(a, "onlink")) {
		nhm->nh_flags |= RTNH_F_ONLINK;
	} else if (streq(a, "group")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return parse_group(req, (*argv)[0]);
	} else if (streq(a, "type")) {
		return parse_type(req, argc, argv);
	} else if (streq(a, "encap")) {
		return refuse_encap(argc, argv);
	} else if (matches(a, "protocol")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		if (rt_proto_a2n((*argv)[0], &v))
			return invarg("\"protocol\" value is invalid\n", (*argv)[0]);
		nhm->nh_protocol = v;
	} else if (streq(a, "help")) {
		return nh_usage();
	} else {
		return invarg("", a);
	}
	return 0;
}

static void nh_echo(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	if (nlh)
		print_nexthop(ctx, nlh);
}

static int nh_modify(struct ipctx *ctx, uint16_t cmd, uint16_t flags,
		     int argc, char **argv)
{
	NL_REQ_DEFINE(req, 8192);
	struct nhmsg *nhm;
	int rc;

	NL_REQ_INIT(req, cmd, flags);
	nhm = nh_hdr(&req, ctx->family);
	for (; argc > 0; argc--, argv++) {
		rc = parse_nh_word(ctx, &req, nhm, &argc, &argv);
		if (rc)
			return rc;
	}
	if (req.overflow)
		return invarg("\"group\" value is invalid\n", "");
	return ctx_talk_echo(ctx, &req, nh_echo);
}

/* ---- get ---- */

static int get_cb(struct nlmsghdr *nlh, void *arg)
{
	struct ipctx *ctx = arg;
	int rc;

	out_begin(&ctx->out);
	rc = print_nexthop(ctx, nlh);
	out_end(&ctx->out);
	return rc < 0 ? rc : 1;
}

static int nh_get_req(struct ipctx *ctx, struct nl_req *req)
{
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return EXIT_FAIL;
	err = nl_get(s, req, get_cb, ctx);
	return err < 0 ? nl_report(ctx, err) : EXIT_OK;
}

static int nh_get_id(struct ipctx *ctx, uint32_t id)
{
	NL_REQ_DEFINE(req, 64);

	NL_REQ_INIT(req, RTM_GETNEXTHOP, 0);
	nh_hdr_id(&req, ctx->family, id);
	return nh_get_req(ctx, &req);
}

static int nh_get(struct ipctx *ctx, int argc, char **argv)
{
	uint32_t id = 0;

	for (; argc > 0; argc--, argv++) {
		if (!streq(argv[0], "id"))
			return nh_usage();
		if (!next_arg(&argc, &argv) || parse_id(&id, argv[0]))
			return EXIT_USAGE;
	}
	if (!id)
		return nh_usage();
	return nh_get_id(ctx, id);
}

/* ---- show, flush ---- */

struct nh_filter {
	struct ipctx *ctx;
	int ifindex, master;
	uint32_t proto;		/* 0: any */
	uint32_t id, nhid;	/* buckets: 0 for any */
	bool groups, fdb;
	unsigned int flushed;
};

/* "master DEV" and "vrf NAME" both select by master device. */
static int parse_master(struct ipctx *ctx, struct nh_filter *f,
			const char *name, bool vrf)
{
	if (vrf && !ll_is_kind(ctx, name, "vrf"))
		return invarg("Invalid VRF\n", name);
	f->master = ll_index(ctx, name);
	if (!f->master)
		return invarg(vrf ? "VRF does not exist\n" :
				    "Device does not exist\n", name);
	return 0;
}

/* The selector words that show, flush and bucket list share: 0, an exit
 * code, or -1 when the word is none of them. */
static int parse_selector(struct nh_filter *f, int *argc, char ***argv)
{
	const char *a = (*argv)[0];

	if (matches(a, "dev")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return dev_index(f->ctx, (*argv)[0], &f->ifindex);
	}
	if (matches(a, "master") || matches(a, "vrf")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		return parse_master(f->ctx, f, (*argv)[0], !matches(a, "master"));
	}
	if (matches(a, "help"))
		return nh_usage();
	return -1;
}

static void filter_attrs(struct nl_req *req, const struct nh_filter *f)
{
	if (f->ifindex)
		nl_put_u32(req, NHA_OIF, f->ifindex);
	if (f->groups)
		nl_put(req, NHA_GROUPS, NULL, 0);
	if (f->master)
		nl_put_u32(req, NHA_MASTER, f->master);
	if (f->fdb)
		nl_put(req, NHA_FDB, NULL, 0);
}

static int list_cb(struct nlmsghdr *nlh, void *arg)
{
	struct nh_filter *f = arg;
	const struct nhmsg *nhm = NLMSG_DATA(nlh);

	if (nlh->nlmsg_type != RTM_NEWNEXTHOP)
		return 0;
	if (f->proto && nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(*nhm)) &&
	    nhm->nh_protocol != f->proto)
		return 0;
	print_nexthop(f->ctx, nlh);
	return 0;
}

static int nh_delete(struct nl_sock *s, uint32_t id)
{
	NL_REQ_DEFINE(req, 64);
	int err;

	NL_REQ_INIT(req, RTM_DELNEXTHOP, 0);
	nh_hdr_id(&req, AF_UNSPEC, id);
	if (!s)
		return -1;
	err = nl_talk(s, &req, NULL, NULL);
	if (err < 0)
		nl_report_sock(s, err);
	return err < 0 ? -1 : 0;
}

/* Each nexthop of the dump is deleted as it comes, on a second socket, as
 * the reference does (a later part of a long dump no longer has it). */
static int flush_cb(struct nlmsghdr *nlh, void *arg)
{
	struct nh_filter *f = arg;
	const struct nhmsg *nhm = NLMSG_DATA(nlh);
	struct rtattr *tb[NHA_MAX + 1], *rta;
	uint32_t id;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWNEXTHOP ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*nhm)))
		return 0;
	if (f->proto && nhm->nh_protocol != f->proto)
		return 0;
	rta = nl_msg_attrs(nlh, sizeof(*nhm), &len);
	nl_parse(tb, NHA_MAX, rta, len, NULL);
	id = nl_attr_u32(tb[NHA_ID]);
	if (id && !nh_delete(ctx_lookup_nl(f->ctx), id))
		f->flushed++;
	return 0;
}

static int nh_dump(struct nh_filter *f, nl_cb cb)
{
	NL_REQ_DEFINE(req, 128);

	NL_REQ_INIT(req, RTM_GETNEXTHOP, 0);
	nh_hdr(&req, f->ctx->family);
	filter_attrs(&req, f);
	return ctx_dump(f->ctx, &req, cb, f);
}

/* Without selectors, groups go first: a member's deletion would change
 * them under the dump. */
static int nh_flush(struct nh_filter *f, bool all)
{
	int rc;

	if (all) {
		f->groups = true;
		rc = nh_dump(f, flush_cb);
		if (rc)
			return rc;
		f->groups = false;
	}
	rc = nh_dump(f, flush_cb);
	if (rc)
		return rc;
	if (f->flushed)
		out_plain(&f->ctx->out, "Flushed %u nexthops\n", f->flushed);
	else
		out_plain(&f->ctx->out, "Nothing to flush\n");
	return EXIT_OK;
}

static int nh_list_flush(struct ipctx *ctx, int argc, char **argv, bool flush)
{
	struct nh_filter f = { .ctx = ctx };
	bool all = argc == 0;
	int rc;

	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];
		uint32_t id;

		rc = parse_selector(&f, &argc, &argv);
		if (rc >= 0) {
			if (rc)
				return rc;
		} else if (matches(a, "groups")) {
			f.groups = true;
		} else if (streq(a, "id")) {
			/* One nexthop: the rest of the line is not read. */
			if (!next_arg(&argc, &argv) || parse_id(&id, argv[0]))
				return EXIT_USAGE;
			if (!flush)
				return nh_get_id(ctx, id);
			return nh_delete(ctx_nl(ctx), id) ? EXIT_FAIL : EXIT_OK;
		} else if (matches(a, "protocol")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (parse_u32(&f.proto, argv[0], 0))
				return invarg("invalid protocol value", argv[0]);
		} else if (matches(a, "fdb")) {
			f.fdb = true;
		} else {
			return invarg("", a);
		}
	}
	if (flush)
		return nh_flush(&f, all);
	ll_cache_fill(ctx);
	out_begin(&ctx->out);
	rc = nh_dump(&f, list_cb);
	out_end(&ctx->out);
	return rc;
}

/* ---- buckets of resilient groups ---- */

static int bucket_list_cb(struct nlmsghdr *nlh, void *arg)
{
	struct nh_filter *f = arg;

	if (nlh->nlmsg_type == RTM_NEWNEXTHOPBUCKET)
		print_nexthop(f->ctx, nlh);
	return 0;
}

static int bucket_list(struct ipctx *ctx, int argc, char **argv)
{
	NL_REQ_DEFINE(req, 128);
	struct nh_filter f = { .ctx = ctx };
	struct rtattr *nest;
	int rc;

	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];

		rc = parse_selector(&f, &argc, &argv);
		if (rc >= 0) {
			if (rc)
				return rc;
		} else if (streq(a, "id") || streq(a, "nhid")) {
			if (!next_arg(&argc, &argv) ||
			    parse_id(streq(a, "id") ? &f.id : &f.nhid, argv[0]))
				return EXIT_USAGE;
		} else {
			return invarg("", a);
		}
	}
	NL_REQ_INIT(req, RTM_GETNEXTHOPBUCKET, 0);
	nh_hdr(&req, ctx->family);
	filter_attrs(&req, &f);	/* dev and master: no groups nor fdb here */
	if (f.id)
		nl_put_u32(&req, NHA_ID, f.id);
	if (f.nhid) {
		nest = nl_nest_start(&req, NHA_RES_BUCKET);
		nl_put_u32(&req, NHA_RES_BUCKET_NH_ID, f.nhid);
		nl_nest_end(&req, nest);
	}
	out_begin(&ctx->out);
	rc = ctx_dump(ctx, &req, bucket_list_cb, &f);
	out_end(&ctx->out);
	return rc;
}

static int bucket_get(struct ipctx *ctx, int argc, char **argv)
{
	NL_REQ_DEFINE(req, 64);
	struct rtattr *nest;
	uint32_t id = 0;
	uint16_t index = 0;
	bool have_index = false;

	for (; argc > 0; argc--, argv++) {
		if (streq(argv[0], "id")) {
			if (!next_arg(&argc, &argv) || parse_id(&id, argv[0]))
				return EXIT_USAGE;
		} else if (streq(argv[0], "index")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (parse_u16(&index, argv[0], 0))
				return invarg("invalid bucket index value", argv[0]);
			have_index = true;
		} else {
			return nh_usage();
		}
	}
	if (!id || !have_index)
		return nh_usage();
	NL_REQ_INIT(req, RTM_GETNEXTHOPBUCKET, 0);
	nh_hdr_id(&req, ctx->family, id);
	nest = nl_nest_start(&req, NHA_RES_BUCKET);
	nl_put_u16(&req, NHA_RES_BUCKET_INDEX, index);
	nl_nest_end(&req, nest);
	return nh_get_req(ctx, &req);
}

static int nh_bucket(struct ipctx *ctx, int argc, char **argv)
{
	const char *c = argc ? argv[0] : "list";

	if (is_list_verb(c))
		return bucket_list(ctx, argc ? argc - 1 : 0, argv + !!argc);
	if (matches(c, "get"))
		return bucket_get(ctx, argc - 1, argv + 1);
	if (matches(c, "help"))
		return nh_usage();
	return unknown_command("nexthop", c);
}

int do_nexthop(struct ipctx *ctx, int argc, char **argv)
{
	const char *c;

	if (argc < 1)
		return nh_list_flush(ctx, 0, argv, false);
	c = argv[0];
	if (matches(c, "add"))
		return nh_modify(ctx, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL,
				 argc - 1, argv + 1);
	if (matches(c, "replace"))
		return nh_modify(ctx, RTM_NEWNEXTHOP,
				 NLM_F_CREATE | NLM_F_REPLACE, argc - 1, argv + 1);
	if (matches(c, "delete"))
		return nh_modify(ctx, RTM_DELNEXTHOP, 0, argc - 1, argv + 1);
	if (is_list_verb(c))
		return nh_list_flush(ctx, argc - 1, argv + 1, false);
	if (matches(c, "get"))
		return nh_get(ctx, argc - 1, argv + 1);
	if (matches(c, "flush"))
		return nh_list_flush(ctx, argc - 1, argv + 1, true);
	if (matches(c, "bucket"))
		return nh_bucket(ctx, argc - 1, argv + 1);
	if (matches(c, "help"))
		return nh_usage();
	return unknown_command("nexthop", c);
}
