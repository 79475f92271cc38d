/* Nexthop objects as ip nexthop prints them, the buckets of resilient
 * groups, and the "nh_info" line ip route -d prints after a route that uses
 * one (the same printer), with the cache that route dumps look ids up in. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/nexthop.h>

#include "nh.h"
#include "rt_print.h"

struct nh_cache {
	struct nlmsghdr **msgs;	/* copies, sorted by id */
	uint32_t *ids;
	size_t n, cap;
};

static uint32_t nh_id(const struct nlmsghdr *nlh)
{
	struct rtattr *tb[NHA_MAX + 1], *rta;
	size_t len;

	rta = nl_msg_attrs(nlh, sizeof(struct nhmsg), &len);
	nl_parse(tb, NHA_MAX, rta, len, NULL);
	return nl_attr_u32(tb[NHA_ID]);
}

static int nh_note(struct nlmsghdr *nlh, void *arg)
{
	struct nh_cache *c = arg;
	struct nlmsghdr *copy;

	if (nlh->nlmsg_type != RTM_NEWNEXTHOP ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct nhmsg)))
		return 0;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		void *m = realloc(c->msgs, cap * sizeof(*c->msgs));

		if (!m)
			return -ENOMEM;
		c->msgs = m;
		m = realloc(c->ids, cap * sizeof(*c->ids));
		if (!m)
			return -ENOMEM;
		c->ids = m;
		c->cap = cap;
	}
	copy = malloc(nlh->nlmsg_len);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, nlh, nlh->nlmsg_len);
	c->msgs[c->n] = copy;
	c->ids[c->n++] = nh_id(nlh);
	return 0;
}

/* The kernel dumps nexthops in id order already; keep the array sorted
 * anyway so lookups can bisect. */
static void nh_sort(struct nh_cache *c)
{
	size_t i, j;

	for (i = 1; i < c->n; i++)
		for (j = i; j > 0 && c->ids[j - 1] > c->ids[j]; j--) {
			uint32_t id = c->ids[j];
			struct nlmsghdr *m = c->msgs[j];

			c->ids[j] = c->ids[j - 1];
			c->msgs[j] = c->msgs[j - 1];
			c->ids[j - 1] = id;
			c->msgs[j - 1] = m;
		}
}

struct nh_cache *nh_cache_load(struct ipctx *ctx)
{
	NL_REQ_DEFINE(req, 64);
	struct nl_sock *s = ctx_nl(ctx);
	struct nh_cache *c = calloc(1, sizeof(*c));
	struct nhmsg *nhm;

	if (!c || !s)
		return c;
	NL_REQ_INIT(req, RTM_GETNEXTHOP, 0);
	nhm = nl_put_hdr(&req, sizeof(*nhm));
	nhm->nh_family = AF_UNSPEC;
	nl_dump(s, &req, nh_note, c);
	nh_sort(c);
	return c;
}

void nh_cache_free(struct nh_cache *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++)
		free(c->msgs[i]);
	free(c->msgs);
	free(c->ids);
	free(c);
}

static const struct nlmsghdr *nh_find(const struct nh_cache *c, uint32_t id)
{
	size_t lo = 0, hi = c ? c->n : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->ids[mid] == id)
			return c->msgs[mid];
		if (c->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* "group 5,3/7": members with their weight when it is not 1. */
static void print_nh_group(struct out *o, const struct rtattr *a)
{
	const struct nexthop_grp *g = nl_attr_data(a);
	size_t i, n = nl_attr_len(a) / sizeof(*g);

	out_text(o, "group ");
	out_arr_open(o, "group");
	for (i = 0; i < n; i++) {
		out_obj_open(o, NULL);
		out_uint(o, OUT_ANY, "id", i ? "/%u" : "%u", g[i].id);
		if (g[i].weight)
			out_uint(o, OUT_ANY, "weight", ",%u", g[i].weight + 1u);
		out_obj_close(o);
	}
	out_arr_close(o);
	out_text(o, " ");
}

/* Clock ticks (1/100 s) as seconds, printed as %g the way the reference
 * turns them into a timeval and back into a double. */
static void print_ticks(struct out *o, const char *key, const char *fmt,
			uint64_t t)
{
	char buf[32];
	unsigned int cs = (unsigned int)(t % 100);

	if (t >= 100 || !t) {
		format_g(buf, sizeof(buf),
			 (double)(t / 100) + (double)(cs * 10000u) / 1000000);
	} else {	/* below 1: format_g is exact only from 1 up */
		snprintf(buf, sizeof(buf), cs % 10 ? "0.%02u" : "0.%u",
			 cs % 10 ? cs : cs / 10);
	}
	out_num_str(o, OUT_ANY, key, fmt, buf);
}

static void print_res_group(struct out *o, const struct rtattr *a)
{
	struct rtattr *tb[NHA_RES_GROUP_MAX + 1];

	nl_parse_nested(tb, NHA_RES_GROUP_MAX, a);
	out_obj_open(o, "resilient_args");
	if (tb[NHA_RES_GROUP_BUCKETS])
		out_uint(o, OUT_ANY, "buckets", "buckets %u ",
			 nl_attr_u16(tb[NHA_RES_GROUP_BUCKETS]));
	if (tb[NHA_RES_GROUP_IDLE_TIMER])
		print_ticks(o, "idle_timer", "idle_timer %s ",
			    nl_attr_u32(tb[NHA_RES_GROUP_IDLE_TIMER]));
	if (tb[NHA_RES_GROUP_UNBALANCED_TIMER])
		print_ticks(o, "unbalanced_timer", "unbalanced_timer %s ",
			    nl_attr_u32(tb[NHA_RES_GROUP_UNBALANCED_TIMER]));
	if (tb[NHA_RES_GROUP_UNBALANCED_TIME])
		print_ticks(o, "unbalanced_time", "unbalanced_time %s ",
			    nl_attr_u64(tb[NHA_RES_GROUP_UNBALANCED_TIME]));
	out_obj_close(o);
}

/* Everything after "id N": shared by ip nexthop and ip route's nh_info.
 * Scope and protocol only when they say something, or with -d. */
static void print_nh_body(struct ipctx *ctx, const struct nhmsg *nhm,
			  struct rtattr **tb)
{
	struct out *o = &ctx->out;
	char buf[32];

	if (tb[NHA_GROUP])
		print_nh_group(o, tb[NHA_GROUP]);
	if (tb[NHA_GROUP_TYPE] &&
	    nl_attr_u16(tb[NHA_GROUP_TYPE]) == NEXTHOP_GRP_TYPE_RES)
		out_str(o, OUT_ANY, "type", "type %s ", "resilient");
	if (tb[NHA_RES_GROUP])
		print_res_group(o, tb[NHA_RES_GROUP]);
	rt_print_encap(ctx, tb[NHA_ENCAP_TYPE], tb[NHA_ENCAP]);
	if (tb[NHA_GATEWAY])
		rt_print_gateway(ctx, nhm->nh_family, tb[NHA_GATEWAY]);
	if (tb[NHA_OIF])
		rt_print_ifname(ctx, "dev", nl_attr_u32(tb[NHA_OIF]));
	if (nhm->nh_scope != RT_SCOPE_UNIVERSE || ctx->details)
		out_str(o, OUT_ANY, "scope", "scope %s ",
			ctx_name_of(ctx, NT_SCOPES, nhm->nh_scope, buf,
				    sizeof(buf)));
	if (tb[NHA_BLACKHOLE])
		out_null(o, OUT_ANY, "blackhole", "blackhole ", NULL);
	if (nhm->nh_protocol != RTPROT_UNSPEC || ctx->details)
		out_str(o, OUT_ANY, "protocol", "proto %s ",
			ctx_name_of(ctx, NT_PROTOS, nhm->nh_protocol, buf,
				    sizeof(buf)));
	rt_print_flags(o, nhm->nh_flags);
	if (tb[NHA_FDB])
		out_null(o, OUT_ANY, "fdb", "fdb", NULL);
}

static const uint8_t nha_minlen[NHA_MAX + 1] = {
	[NHA_ID] = 4, [NHA_GROUP_TYPE] = 2, [NHA_OIF] = 4, [NHA_MASTER] = 4,
	[NHA_ENCAP_TYPE] = 2,
};

static const struct nhmsg *nh_parse(const struct nlmsghdr *nlh,
				    struct rtattr **tb)
{
	struct rtattr *rta;
	size_t len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct nhmsg)))
		return NULL;
	rta = nl_msg_attrs(nlh, sizeof(struct nhmsg), &len);
	nl_parse(tb, NHA_MAX, rta, len, nha_minlen);
	return NLMSG_DATA(nlh);
}

static void print_bucket(struct out *o, const struct rtattr *a)
{
	struct rtattr *tb[NHA_RES_BUCKET_MAX + 1];

	nl_parse_nested(tb, NHA_RES_BUCKET_MAX, a);
	out_obj_open(o, "bucket");
	if (tb[NHA_RES_BUCKET_INDEX])
		out_uint(o, OUT_ANY, "index", "index %u ",
			 nl_attr_u16(tb[NHA_RES_BUCKET_INDEX]));
	if (tb[NHA_RES_BUCKET_IDLE_TIME])
		print_ticks(o, "idle_time", "idle_time %s ",
			    nl_attr_u64(tb[NHA_RES_BUCKET_IDLE_TIME]));
	if (tb[NHA_RES_BUCKET_NH_ID])
		out_uint(o, OUT_ANY, "nhid", "nhid %u ",
			 nl_attr_u32(tb[NHA_RES_BUCKET_NH_ID]));
	out_obj_close(o);
}

int print_nexthop(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct rtattr *tb[NHA_MAX + 1];
	const struct nhmsg *nhm = nh_parse(nlh, tb);
	struct out *o = &ctx->out;
	uint16_t t = nlh->nlmsg_type;
	bool bucket = t == RTM_NEWNEXTHOPBUCKET || t == RTM_DELNEXTHOPBUCKET;

	if (!nhm)
		return -EINVAL;
	out_obj_open(o, NULL);
	if (t == RTM_DELNEXTHOP || t == RTM_DELNEXTHOPBUCKET)
		out_bool(o, OUT_ANY, "deleted", "Deleted ", true);
	if (!bucket || tb[NHA_ID])
		out_uint(o, OUT_ANY, "id", "id %u ", nl_attr_u32(tb[NHA_ID]));
	if (!bucket) {
		print_nh_body(ctx, nhm, tb);
	} else {
		if (tb[NHA_RES_BUCKET])
			print_bucket(o, tb[NHA_RES_BUCKET]);
		rt_print_flags(o, nhm->nh_flags);
	}
	out_text(o, "\n");
	out_obj_close(o);
	return 0;
}

void print_nh_info(struct ipctx *ctx, const struct nh_cache *c, uint32_t id)
{
	const struct nlmsghdr *nlh = nh_find(c, id);
	struct rtattr *tb[NHA_MAX + 1];
	const struct nhmsg *nhm;

	if (!nlh || !(nhm = nh_parse(nlh, tb)))
		return;
	/* A real line break even with -o, as the reference prints it. */
	out_text(&ctx->out, "\n\tnh_info ");
	out_obj_open(&ctx->out, "nh_info");
	out_uint(&ctx->out, OUT_ANY, "id", "id %u ", nl_attr_u32(tb[NHA_ID]));
	print_nh_body(ctx, nhm, tb);
	out_obj_close(&ctx->out);
}
