/* Context, error reporting and the link cache shared by every object. */
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_link.h>

#include "ip.h"

struct nl_sock *ctx_nl(struct ipctx *ctx)
{
	if (!ctx->nl_open) {
		int err = nl_open(&ctx->nl, NETLINK_ROUTE);

		if (err) {
			fprintf(stderr, "Cannot open netlink socket: %s\n",
				strerror(-err));
			return NULL;
		}
		ctx->nl_open = true;
	}
	return &ctx->nl;
}

/* Between batch lines: links may have changed, forget what we knew. */
void ctx_reset(struct ipctx *ctx)
{
	ll_cache_free(ctx);
}

static void print_extack(const char *kind, const char *msg)
{
	size_t n = strlen(msg);

	fprintf(stderr, "%s: %s%s\n", kind, msg,
		n && msg[n - 1] == '.' ? "" : ".");
}

int nl_report(struct ipctx *ctx, int err)
{
	if (ctx->nl_open && ctx->nl.errmsg[0] && !ctx->nl.err_is_warning)
		print_extack("Error", ctx->nl.errmsg);
	else
		fprintf(stderr, "RTNETLINK answers: %s\n", strerror(-err));
	return EXIT_KERNEL;
}

void nl_warn(struct ipctx *ctx)
{
	if (ctx->nl_open && ctx->nl.errmsg[0] && ctx->nl.err_is_warning)
		print_extack("Warning", ctx->nl.errmsg);
}

int ctx_talk(struct ipctx *ctx, struct nl_req *r, nl_cb cb, void *arg)
{
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return EXIT_FAIL;
	err = nl_talk(s, r, cb, arg);
	if (err < 0)
		return nl_report(ctx, err);
	nl_warn(ctx);
	return EXIT_OK;
}

int ctx_dump(struct ipctx *ctx, struct nl_req *r, nl_cb cb, void *arg)
{
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return EXIT_FAIL;
	err = nl_dump(s, r, cb, arg);
	if (s->dump_intr)
		fprintf(stderr, "Dump was interrupted and may be inconsistent.\n");
	if (err < 0) {
		if (s->errmsg[0])
			print_extack("Error", s->errmsg);
		else
			fprintf(stderr, "Dump terminated\n");
		return EXIT_KERNEL;
	}
	return EXIT_OK;
}

int invarg(const char *msg, const char *arg)
{
	fprintf(stderr, "Error: argument \"%s\" is wrong: %s\n", arg, msg);
	return EXIT_USAGE;
}

int duparg(const char *key, const char *arg)
{
	fprintf(stderr, "Error: duplicate \"%s\": \"%s\" is the second value.\n",
		key, arg);
	return EXIT_USAGE;
}

int duparg2(const char *key, const char *arg)
{
	fprintf(stderr, "Error: either \"%s\" is duplicate, or \"%s\" is a garbage.\n",
		key, arg);
	return EXIT_USAGE;
}

int incomplete_command(void)
{
	fprintf(stderr, "Command line is not complete. Try option \"help\"\n");
	return EXIT_USAGE;
}

int missarg(const char *key)
{
	fprintf(stderr, "Error: argument \"%s\" is required\n", key);
	return EXIT_USAGE;
}

/* Step to the value of a keyword; false (after printing) if there is none. */
bool next_arg(int *argc, char ***argv)
{
	if (*argc <= 1) {
		incomplete_command();
		return false;
	}
	(*argc)--;
	(*argv)++;
	return true;
}

bool check_ifname(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n >= IFNAMSIZ)
		return false;
	for (; *name; name++)
		if (*name == '/' || *name == ':' || *name == ' ' ||
		    *name == '\t' || *name == '\n')
			return false;
	return true;
}

/* ---- link cache: open addressing on ifindex ---- */

struct ll_ent {
	int index;		/* 0: free slot */
	unsigned int flags;
	unsigned short type;
	char name[IFNAMSIZ];
};

struct link_cache {
	struct ll_ent *slots;
	size_t cap, n;
	bool full;		/* every link of the namespace is in */
};

static struct ll_ent *ll_slot(struct link_cache *c, int index)
{
	size_t i = ((unsigned int)index * 2654435761u) & (c->cap - 1);

	while (c->slots[i].index && c->slots[i].index != index)
		i = (i + 1) & (c->cap - 1);
	return &c->slots[i];
}

static int ll_grow(struct link_cache *c)
{
	struct link_cache bigger = { .cap = c->cap ? c->cap * 2 : 64 };
	size_t i;

	bigger.slots = calloc(bigger.cap, sizeof(*bigger.slots));
	if (!bigger.slots)
		return -ENOMEM;
	for (i = 0; i < c->cap; i++)
		if (c->slots[i].index)
			*ll_slot(&bigger, c->slots[i].index) = c->slots[i];
	free(c->slots);
	c->slots = bigger.slots;
	c->cap = bigger.cap;
	return 0;
}

static struct link_cache *ll_cache(struct ipctx *ctx)
{
	if (!ctx->links)
		ctx->links = calloc(1, sizeof(*ctx->links));
	return ctx->links;
}

void ll_cache_note(struct ipctx *ctx, const struct nlmsghdr *nlh)
{
	struct link_cache *c = ll_cache(ctx);
	const struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	struct rtattr *tb[IFLA_MAX + 1], *rta;
	struct ll_ent *e;
	size_t len;

	if (!c || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)) || ifi->ifi_index <= 0)
		return;
	if ((c->n + 1) * 2 > c->cap && ll_grow(c))
		return;
	rta = nl_msg_attrs(nlh, sizeof(*ifi), &len);
	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	e = ll_slot(c, ifi->ifi_index);
	if (!e->index)
		c->n++;
	e->index = ifi->ifi_index;
	e->flags = ifi->ifi_flags;
	e->type = ifi->ifi_type;
	strncpy(e->name, nl_attr_str(tb[IFLA_IFNAME]), IFNAMSIZ - 1);
	e->name[IFNAMSIZ - 1] = '\0';
}

static struct ll_ent *ll_find(struct ipctx *ctx, int index)
{
	struct link_cache *c = ctx->links;
	struct ll_ent *e;

	if (!c || !c->cap || index <= 0)
		return NULL;
	e = ll_slot(c, index);
	return e->index ? e : NULL;
}

static int ll_note_cb(struct nlmsghdr *nlh, void *arg)
{
	if (nlh->nlmsg_type == RTM_NEWLINK)
		ll_cache_note(arg, nlh);
	return 0;
}

/* One RTM_GETLINK, by index or by name; the answer lands in the cache. */
static int ll_query(struct ipctx *ctx, int index, const char *name)
{
	NL_REQ_DEFINE(req, 256);
	struct ifinfomsg *ifi;
	struct nl_sock *s = ctx_nl(ctx);

	if (!s)
		return -ENOTCONN;
	NL_REQ_INIT(req, RTM_GETLINK, 0);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = index;
	if (name)
		nl_put_str(&req, IFLA_IFNAME, name);
	/* Ask for no statistics: a lookup needs only the name. */
	nl_put_u32(&req, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	return nl_talk(s, &req, ll_note_cb, ctx);
}

int ll_index(struct ipctx *ctx, const char *name)
{
	struct link_cache *c;
	size_t i;

	if (!name || !*name || strlen(name) >= IFNAMSIZ)
		return 0;
	if (ll_query(ctx, 0, name) < 0)
		return 0;
	c = ctx->links;
	for (i = 0; c && i < c->cap; i++)
		if (c->slots[i].index && streq(c->slots[i].name, name))
			return c->slots[i].index;
	return 0;
}

int ll_cache_fill(struct ipctx *ctx)
{
	NL_REQ_DEFINE(req, 128);
	struct ifinfomsg *ifi;
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return -ENOTCONN;
	if (ctx->links && ctx->links->full)
		return 0;
	NL_REQ_INIT(req, RTM_GETLINK, 0);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	nl_put_u32(&req, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	err = nl_dump(s, &req, ll_note_cb, ctx);
	if (!err && ctx->links)
		ctx->links->full = true;
	return err;
}

const char *ll_name(struct ipctx *ctx, int ifindex)
{
	struct ll_ent *e = ll_find(ctx, ifindex);

	if (!e && ifindex > 0 && !(ctx->links && ctx->links->full)) {
		ll_query(ctx, ifindex, NULL);
		e = ll_find(ctx, ifindex);
	}
	return e ? e->name : NULL;
}

const char *ll_name_or_num(struct ipctx *ctx, int ifindex, char *buf,
			   size_t size)
{
	const char *n = ll_name(ctx, ifindex);

	if (n)
		return n;
	snprintf(buf, size, "if%d", ifindex);
	return buf;
}

unsigned int ll_flags(struct ipctx *ctx, int ifindex)
{
	struct ll_ent *e;

	ll_name(ctx, ifindex);
	e = ll_find(ctx, ifindex);
	return e ? e->flags : 0;
}

void ll_cache_free(struct ipctx *ctx)
{
	if (!ctx->links)
		return;
	free(ctx->links->slots);
	free(ctx->links);
	ctx->links = NULL;
}
