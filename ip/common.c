/* Context, error reporting and the link cache shared by every object. */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/ip6_tunnel.h>
#include <linux/net_namespace.h>

#include "ip.h"

int rtnl_open(struct nl_sock *s)
{
	int err = nl_open(s, NETLINK_ROUTE);

	if (err)
		pr_err("Cannot open netlink socket: %s\n",
		       err_text(-err));
	return err;
}

struct nl_sock *ctx_nl(struct ipctx *ctx)
{
	if (!ctx->nl_open) {
		if (rtnl_open(&ctx->nl))
			return NULL;
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

	pr_err("%s: %s%s\n", kind, msg,
	       n && msg[n - 1] == '.' ? "" : ".");
}

int nl_report_sock(const struct nl_sock *s, int err)
{
	if (s && s->errmsg[0] && !s->err_is_warning)
		print_extack("Error", s->errmsg);
	else
		pr_err("RTNETLINK answers: %s\n", err_text(-err));
	return EXIT_KERNEL;
}

int nl_report(struct ipctx *ctx, int err)
{
	return nl_report_sock(ctx->nl_open ? &ctx->nl : NULL, err);
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

/* The first message before the ack: the kernel's copy of the object. */
static int echo_keep(struct nlmsghdr *nlh, void *arg)
{
	struct nlmsghdr **msg = arg;

	if (*msg)
		return 0;
	*msg = malloc(nlh->nlmsg_len);
	if (!*msg)
		return -ENOMEM;
	memcpy(*msg, nlh, nlh->nlmsg_len);
	return 0;
}

/* -echo asks the kernel for a copy of what the request made, changed or
 * removed, and prints it once the request succeeded.  Some requests get
 * none (IPv6 addresses, link set, a change that changes nothing): print
 * gets NULL then, after an empty object in JSON ("[{}]", as iproute2). */
int ctx_talk_echo(struct ipctx *ctx, struct nl_req *r, echo_print_fn print)
{
	struct nlmsghdr *msg = NULL;
	int rc;

	if (!ctx->echo)
		return ctx_talk(ctx, r, NULL, NULL);
	r->nlh->nlmsg_flags |= NLM_F_ECHO;
	rc = ctx_talk(ctx, r, echo_keep, &msg);
	if (rc == EXIT_OK) {
		out_begin(&ctx->out);
		if (!msg) {
			out_obj_open(&ctx->out, NULL);
			out_obj_close(&ctx->out);
		}
		print(ctx, msg);
		out_end(&ctx->out);
	}
	free(msg);
	return rc;
}

static int links_dump(struct ipctx *ctx, struct nl_sock *s, struct nl_req *r,
		      nl_cb cb, void *arg);

/* A failed dump, worded as the reference words each cause (checked with
 * crafted replies in tests/nl_decoder.bats); returns the exit code.  The
 * reference exits 0 after some of these; we do not. */
int dump_failed(struct nl_sock *s, int err)
{
	switch (s->err_kind) {
	case NL_ERR_TRUNC:
		pr_err("!!!Remnant of size %u\n", s->remnant);
		return EXIT_FAIL;
	case NL_ERR_RECV:
		pr_err("netlink receive error %s (%d)\n",
		       err_text(-err), -err);
		break;
	case NL_ERR_ACK:	/* the reference ignores extack here */
		pr_err("RTNETLINK answers: %s\n", err_text(-err));
		break;
	case NL_ERR_ACK_SHORT:
		pr_err("ERROR truncated\n");
		break;
	case NL_ERR_DONE:
		if (s->errmsg[0])
			print_extack("Error", s->errmsg);
		else if (err == -EMSGSIZE)
			pr_err("Error: Buffer too small for object.\n");
		else if (err != -ENOENT && err != -EOPNOTSUPP)
			pr_err("RTNETLINK answers: %s\n", err_text(-err));
		break;
	default:
		if (s->errmsg[0]) {
			print_extack("Error", s->errmsg);
			return EXIT_KERNEL;
		}
	}
	pr_err("Dump terminated\n");
	return EXIT_KERNEL;
}

void warn_dump_intr(const struct nl_sock *s)
{
	if (s->dump_intr)
		pr_err("Dump was interrupted and may be inconsistent.\n");
}

int ctx_dump(struct ipctx *ctx, struct nl_req *r, nl_cb cb, void *arg)
{
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return EXIT_FAIL;
	if (r->nlh->nlmsg_type == RTM_GETLINK)
		err = links_dump(ctx, s, r, cb, arg);
	else
		err = nl_dump(s, r, cb, arg);
	warn_dump_intr(s);
	return err < 0 ? dump_failed(s, err) : EXIT_OK;
}

int flush_batch_send(struct ipctx *ctx, struct flush_batch *b)
{
	int err;

	if (!b->used)
		return 0;
	err = nl_send_batch(&ctx->nl, b->buf, b->used);
	if (err) {
		pr_err("Failed to send flush request: %s\n",
		       err_text(-err));
		return err;
	}
	b->used = 0;
	return 0;
}

int flush_batch_add(struct ipctx *ctx, struct flush_batch *b,
		    const struct nlmsghdr *nlh, uint16_t type)
{
	struct nlmsghdr *fn;

	if (nlh->nlmsg_len > sizeof(b->buf))
		return 0;
	if (NLMSG_ALIGN(b->used) + nlh->nlmsg_len > sizeof(b->buf) &&
	    flush_batch_send(ctx, b))
		return -EIO;
	fn = (struct nlmsghdr *)(b->buf + NLMSG_ALIGN(b->used));
	memcpy(fn, nlh, nlh->nlmsg_len);
	fn->nlmsg_type = type;
	fn->nlmsg_flags = NLM_F_REQUEST;
	fn->nlmsg_seq = ++ctx->nl.seq;
	b->used = NLMSG_ALIGN(b->used) + nlh->nlmsg_len;
	b->count++;
	return 0;
}

int invarg(const char *msg, const char *arg)
{
	pr_err("Error: argument \"%s\" is wrong: %s\n", arg, msg);
	return EXIT_USAGE;
}

int flowinfo_word(uint32_t *flowinfo, uint32_t *flags, const char *arg,
		  bool label)
{
	uint32_t v, mask = label ? IP6_LABEL_MASK : IP6_TCLASS_MASK;
	uint32_t flag = label ? IP6_TNL_F_USE_ORIG_FLOWLABEL :
				IP6_TNL_F_USE_ORIG_TCLASS;

	*flowinfo &= ~htonl(mask);
	if (streq(arg, "inherit")) {
		*flags |= flag;
		return 0;
	}
	if (parse_u32(&v, arg, 16) || v > (label ? IP6_LABEL_MASK : 0xffu))
		return invarg(label ? "invalid Flowlabel" : "invalid TClass",
			      arg);
	*flowinfo |= htonl(label ? v : v << 20);
	*flags &= ~flag;
	return 0;
}

int duparg(const char *key, const char *arg)
{
	pr_err("Error: duplicate \"%s\": \"%s\" is the second value.\n",
	       key, arg);
	return EXIT_USAGE;
}

int duparg2(const char *key, const char *arg)
{
	pr_err("Error: either \"%s\" is duplicate, or \"%s\" is a garbage.\n",
	       key, arg);
	return EXIT_USAGE;
}

int incomplete_command(void)
{
	pr_err("Command line is not complete. Try option \"help\"\n");
	return EXIT_USAGE;
}

bool is_list_verb(const char *v)
{
	return matches(v, "list") || matches(v, "show") || matches(v, "lst");
}

int unknown_command(const char *object, const char *cmd)
{
	pr_err("Command \"%s\" is unknown, try \"ip %s help\".\n", cmd,
	       object);
	return EXIT_USAGE;
}

static bool exiting;

const char *family_name(int family)
{
	switch (family) {
	case AF_INET: return "inet";
	case AF_INET6: return "inet6";
	case AF_PACKET: return "link";
	case AF_MPLS: return "mpls";
	case AF_BRIDGE: return "bridge";
	default: return "???";
	}
}

static const char *family_word(int family)
{
	return family == AF_UNSPEC ? "any valid" : family_name(family);
}

int addr_expected(int family, const char *what, const char *arg)
{
	pr_err("Error: %s %s is expected rather than \"%s\".\n",
	       family_word(family), what, arg);
	return exit_now(EXIT_FAIL);
}

int ip_expected(const char *arg)
{
	pr_err("Error: an IP address is expected rather than \"%s\"\n",
	       arg);
	return exit_now(EXIT_FAIL);
}

int exit_now(int rc)
{
	exiting = true;
	return rc;
}

bool exit_asked(void)
{
	return exiting;
}

int missarg(const char *key)
{
	pr_err("Error: argument \"%s\" is required\n", key);
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
	bool join;		/* ll_cache_fill: many lookups are coming */
	unsigned int misses;	/* lookups the cache could not answer */
};

/* Slots by ifindex itself: the kernel numbers links from 1 up, so a dump's
 * links fill the table from its start, each next to the one before (a veth
 * and its peer, looked up together, share a cache line), and only the pages
 * they need are touched (a multiplicative hash spread 16,000 links over all
 * of a 900 KB table: a page fault every 50 links). */
static struct ll_ent *ll_slot(struct link_cache *c, int index)
{
	size_t i = (unsigned int)index & (c->cap - 1);

	while (c->slots[i].index && c->slots[i].index != index)
		i = (i + 1) & (c->cap - 1);
	return &c->slots[i];
}

static int ll_grow(struct link_cache *c)
{
	/* By four: every table left behind cost its pages too. */
	struct link_cache bigger = { .cap = c->cap ? c->cap * 4 : 64 };
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

/* Note a link, its attributes parsed into tb; also give the links it names
 * (lower device or peer in this namespace, master), 0 for none, when
 * `refs` is not NULL. */
static void ll_note(struct ipctx *ctx, const struct ifinfomsg *ifi,
		    struct rtattr **tb, int *refs)
{
	struct link_cache *c = ll_cache(ctx);
	struct rtattr *link = tb[IFLA_LINK], *master = tb[IFLA_MASTER];
	struct ll_ent *e;

	if (refs && link && RTA_PAYLOAD(link) >= 4 && !tb[IFLA_LINK_NETNSID])
		refs[0] = nl_attr_s32(link);
	if (refs && master && RTA_PAYLOAD(master) >= 4)
		refs[1] = nl_attr_u32(master);
	if (!c || ifi->ifi_index <= 0)
		return;
	if ((c->n + 1) * 2 > c->cap && ll_grow(c))
		return;
	e = ll_slot(c, ifi->ifi_index);
	if (!e->index)
		c->n++;
	e->index = ifi->ifi_index;
	e->flags = ifi->ifi_flags;
	e->type = ifi->ifi_type;
	str_copy(e->name, nl_attr_str(tb[IFLA_IFNAME]), IFNAMSIZ);
}

/* A link message's attributes into tb; its header, or NULL if too short. */
static struct ifinfomsg *link_parse(const struct nlmsghdr *nlh,
				    struct rtattr **tb)
{
	struct rtattr *rta;
	size_t len;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
		return NULL;
	rta = nl_msg_attrs(nlh, sizeof(struct ifinfomsg), &len);
	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	return NLMSG_DATA(nlh);
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

void ll_cache_note(struct ipctx *ctx, const struct nlmsghdr *nlh)
{
	struct rtattr *tb[IFLA_MAX + 1];
	struct ifinfomsg *ifi = link_parse(nlh, tb);

	if (ifi)
		ll_note(ctx, ifi, tb, NULL);
}

struct rtattr **ctx_link_attrs(struct ipctx *ctx, const struct nlmsghdr *nlh)
{
	return nlh == ctx->link_msg ? ctx->link_tb : NULL;
}

/* Drop a link that is gone: the entries after it in its run of slots move
 * back, so that lookups (which stop at a free slot) still find them. */
void ll_cache_forget(struct ipctx *ctx, int index)
{
	struct link_cache *c = ctx->links;
	struct ll_ent *e = ll_find(ctx, index);
	size_t i, j;

	if (!e)
		return;
	i = e - c->slots;
	c->slots[i].index = 0;
	c->n--;
	c->full = false;
	for (j = (i + 1) & (c->cap - 1); c->slots[j].index;
	     j = (j + 1) & (c->cap - 1)) {
		struct ll_ent moved = c->slots[j];

		c->slots[j].index = 0;
		*ll_slot(c, moved.index) = moved;
	}
}

/* ---- link dumps: names of links that come later in the same dump ---- */

/* A link names others (veth peer, lower device, master) that may come later
 * in the dump.  Asking the kernel for each would cost a request per link, and
 * asking on the dump's own socket would eat the rest of the dump.  So every
 * link goes into the cache as it arrives, and a link naming one not seen yet
 * is held back, with the links after it so the kernel's order stays, until
 * the names are known.  The hold is bounded: when it is full, or at the end,
 * the held links go out and any name still unknown is looked up. */
enum { LD_HOLD = 256 };

struct held {
	struct nlmsghdr *msg;	/* a copy, after tb */
	int refs[2];
	bool parsed;		/* a link: tb holds its attributes */
	struct rtattr *tb[];
};

struct link_dump {
	struct ipctx *ctx;
	nl_cb cb;
	void *arg;
	int ret;		/* first non-zero answer of cb */
	size_t head, n;
	struct held **q;	/* LD_HOLD of them, allocated when first needed */
	struct rtattr *tb[IFLA_MAX + 1];	/* the message at hand, parsed */
};

static bool refs_known(struct ipctx *ctx, const int *refs)
{
	return (refs[0] <= 0 || ll_find(ctx, refs[0])) &&
	       (refs[1] <= 0 || ll_find(ctx, refs[1]));
}

/* cb on one link, whose parsed attributes the printers find with
 * ctx_link_attrs while it runs: each link is parsed once. */
static int ld_pass(struct link_dump *d, struct nlmsghdr *m, struct rtattr **tb)
{
	struct ipctx *ctx = d->ctx;
	const struct nlmsghdr *msg = ctx->link_msg;
	struct rtattr **attrs = ctx->link_tb;
	int ret;

	ctx->link_msg = tb ? m : NULL;
	ctx->link_tb = tb;
	ret = d->cb(m, d->arg);
	ctx->link_msg = msg;
	ctx->link_tb = attrs;
	return ret;
}

/* Hand held links to cb while their names are known (all of them: force). */
static int ld_release(struct link_dump *d, bool force)
{
	for (; d->head < d->n; d->head++) {
		struct held *h = d->q[d->head];

		if (!force && !refs_known(d->ctx, h->refs))
			return d->ret;
		if (!d->ret)
			d->ret = ld_pass(d, h->msg, h->parsed ? h->tb : NULL);
		free(h);
	}
	d->head = d->n = 0;
	return d->ret;
}

/* Keep a copy of the link at hand, with its parsed attributes moved along. */
static int ld_hold(struct link_dump *d, struct nlmsghdr *nlh, const int *refs,
		   bool parsed)
{
	size_t tbsize = sizeof(d->tb), i;
	struct held *h;

	if (!d->q && !(d->q = malloc(LD_HOLD * sizeof(*d->q))))
		return -ENOMEM;
	h = malloc(sizeof(*h) + tbsize + nlh->nlmsg_len);
	if (!h)
		return -ENOMEM;
	h->msg = (struct nlmsghdr *)((char *)h->tb + tbsize);
	memcpy(h->msg, nlh, nlh->nlmsg_len);
	for (i = 0; parsed && i <= IFLA_MAX; i++)
		h->tb[i] = d->tb[i] ? (struct rtattr *)((char *)h->msg +
					((char *)d->tb[i] - (char *)nlh)) : NULL;
	memcpy(h->refs, refs, sizeof(h->refs));
	h->parsed = parsed;
	d->q[d->n++] = h;
	return 0;
}

static int ld_cb(struct nlmsghdr *nlh, void *arg)
{
	struct link_dump *d = arg;
	int refs[2] = { 0, 0 };
	struct ifinfomsg *ifi = NULL;

	if ((ifi = link_parse(nlh, d->tb)))
		ll_note(d->ctx, ifi, d->tb, refs);
	/* This link may be the one the held ones wait for (a veth's peer
	 * comes right after it): let them go first, and this one need not
	 * be copied at all. */
	if (d->head < d->n && ld_release(d, false))
		return d->ret;
	if (d->head == d->n && refs_known(d->ctx, refs))
		return ld_pass(d, nlh, ifi ? d->tb : NULL);
	if (d->n == LD_HOLD && ld_release(d, true))
		return d->ret;
	if (ld_hold(d, nlh, refs, ifi))
		return -ENOMEM;
	return ld_release(d, false);
}

static int links_dump(struct ipctx *ctx, struct nl_sock *s, struct nl_req *r,
		      nl_cb cb, void *arg)
{
	struct link_dump d = { .ctx = ctx, .cb = cb, .arg = arg };
	int err, ret;

	err = nl_dump(s, r, ld_cb, &d);
	if (err < 0 && !d.ret)
		d.ret = err;	/* drop what is held: the dump failed */
	ret = ld_release(&d, true);
	free(d.q);
	return err < 0 ? err : ret < 0 ? ret : 0;
}

static int ll_note_cb(struct nlmsghdr *nlh, void *arg)
{
	if (nlh->nlmsg_type == RTM_NEWLINK)
		ll_cache_note(arg, nlh);
	return 0;
}

#ifndef ALTIFNAMSIZ
#define ALTIFNAMSIZ 128	/* linux/if.h, which clashes with net/if.h */
#endif

struct ll_answer {
	struct ipctx *ctx;
	int index;
};

static int ll_answer_cb(struct nlmsghdr *nlh, void *arg)
{
	struct ll_answer *a = arg;
	struct ifinfomsg *ifi = NLMSG_DATA(nlh);

	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return 0;
	ll_cache_note(a->ctx, nlh);
	a->index = ifi->ifi_index;
	return 0;
}

/* The socket for a lookup: not the main one while a callback is reading its
 * replies (a request sent there would clobber them, or eat a dump's rest). */
struct nl_sock *ctx_lookup_nl(struct ipctx *ctx)
{
	struct nl_sock *s = ctx_nl(ctx);

	if (!s || !s->busy)
		return s;
	if (!ctx->nl_lookup_open) {
		if (nl_open(&ctx->nl_lookup, NETLINK_ROUTE) < 0)
			return NULL;
		ctx->nl_lookup_open = true;
	}
	return &ctx->nl_lookup;
}

/* A link's name or alternative name in a request that looks it up: the
 * kernel takes names of IFNAMSIZ and more only as IFLA_ALT_IFNAME. */
void put_ifname(struct nl_req *r, const char *name)
{
	nl_put_str(r, strlen(name) < IFNAMSIZ ? IFLA_IFNAME : IFLA_ALT_IFNAME,
		   name);
}

/* One RTM_GETLINK, by index or by name (see put_ifname).  The answer lands
 * in the cache; returns its index, 0 for none, or -errno. */
static int ll_query(struct ipctx *ctx, int index, const char *name)
{
	NL_REQ_DEFINE(req, 512);
	struct ll_answer a = { ctx, 0 };
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
	/* Ask for no statistics: a lookup needs only the name. */
	nl_put_u32(&req, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	err = nl_get(s, &req, ll_answer_cb, &a);
	return err < 0 ? err : a.index;
}

int ll_index(struct ipctx *ctx, const char *name)
{
	int index;

	if (!name || !*name || strlen(name) >= ALTIFNAMSIZ)
		return 0;
	/* A batch of 100,000 "route add ... dev X" asks for X on every line:
	 * the last answer stands until this process changes a link (another
	 * process renaming links under a running batch is not seen, as with
	 * the reference, which keeps every answer for the whole batch). */
	if (ctx->memo_index && ctx->nl_open && streq(ctx->memo_name, name) &&
	    ctx->memo_gen == ctx->nl.link_changes)
		return ctx->memo_index;
	index = ll_query(ctx, 0, name);
	if (index <= 0)
		return 0;
	if (strlen(name) < sizeof(ctx->memo_name)) {
		memcpy(ctx->memo_name, name, strlen(name) + 1);
		ctx->memo_index = index;
		ctx->memo_gen = ctx->nl.link_changes;
	}
	return index;
}

static int ll_load_all(struct ipctx *ctx)
{
	NL_REQ_DEFINE(req, 128);
	struct ifinfomsg *ifi;
	struct nl_sock *s = ctx_lookup_nl(ctx);
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

/* Lazy: a dump of every link costs the kernel as much as `ip link` (8,000
 * links: 40 ms), while most joins name a handful of links (all routes via
 * one device) or come with the links already noted (ip link, ip address).
 * So lookups ask for one link each, and only after LL_MISSES of them that
 * the cache could not answer is every link loaded with one dump. */
enum { LL_MISSES = 32 };

int ll_cache_fill(struct ipctx *ctx)
{
	struct link_cache *c;

	if (!ctx_nl(ctx))
		return -ENOTCONN;
	c = ll_cache(ctx);
	if (!c)
		return -ENOMEM;
	c->join = true;
	return 0;
}

/* ip monitor: every link of now, as the reference loads them before its
 * first event; links made later are still asked for by index. */
int ll_cache_preload(struct ipctx *ctx)
{
	int err = ll_load_all(ctx);

	if (ctx->links)
		ctx->links->full = false;
	return err;
}

const char *ll_name(struct ipctx *ctx, int ifindex)
{
	struct ll_ent *e = ll_find(ctx, ifindex);
	struct link_cache *c = ctx->links;

	if (e || ifindex <= 0 || (c && c->full))
		return e ? e->name : NULL;
	if (c && c->join && ++c->misses > LL_MISSES)
		ll_load_all(ctx);
	else
		ll_query(ctx, ifindex, NULL);
	e = ll_find(ctx, ifindex);
	return e ? e->name : NULL;
}

const char *ll_name_or_num(struct ipctx *ctx, int ifindex, char *buf,
			   size_t size)
{
	const char *n = ifindex ? ll_name(ctx, ifindex) : "*";

	if (n)
		return n;
	snprintf(buf, size, "if%d", ifindex);
	return buf;
}

const char *ctx_name_of(struct ipctx *ctx, enum name_table t, uint32_t id,
			char *buf, size_t size)
{
	if (!ctx->numeric)
		return name_of(t, id, buf, size);
	snprintf(buf, size, "%u", id);
	return buf;
}

unsigned int ll_flags(struct ipctx *ctx, int ifindex)
{
	struct ll_ent *e;

	ll_name(ctx, ifindex);
	e = ll_find(ctx, ifindex);
	return e ? e->flags : 0;
}

/* The link's ARPHRD type, for printing addresses met on it (0: unknown). */
unsigned short ll_type(struct ipctx *ctx, int ifindex)
{
	struct ll_ent *e;

	ll_name(ctx, ifindex);
	e = ll_find(ctx, ifindex);
	return e ? e->type : 0;
}

/* A link-layer address as the reference shows it: IP tunnels carry IP
 * addresses there (ip link, and neighbours on such links). */
const char *ll_addr_text(const struct rtattr *a, unsigned short type,
			 char *buf, size_t size)
{
	size_t len = nl_attr_len(a);

	if (len == 4 && (type == ARPHRD_TUNNEL || type == ARPHRD_SIT ||
			 type == ARPHRD_IPGRE))
		return format_addr(AF_INET, nl_attr_data(a), 4, buf, size);
	if (len == 16 && (type == ARPHRD_TUNNEL6 || type == ARPHRD_IP6GRE))
		return format_addr(AF_INET6, nl_attr_data(a), 16, buf, size);
	return format_lladdr(nl_attr_data(a), len, buf, size);
}

bool link_msg_kind(const struct nlmsghdr *nlh, const char **kind,
		   const struct rtattr **data)
{
	struct rtattr *tb[IFLA_MAX + 1], *li[IFLA_INFO_MAX + 1], *rta;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return false;
	rta = nl_msg_attrs(nlh, sizeof(struct ifinfomsg), &len);
	nl_parse(tb, IFLA_MAX, rta, len, NULL);
	nl_parse_nested(li, IFLA_INFO_MAX, tb[IFLA_LINKINFO]);
	*kind = nl_attr_str(li[IFLA_INFO_KIND]);
	*data = li[IFLA_INFO_DATA];
	return true;
}

/* One GETLINK by name, its answer to cb; ack: with NLM_F_ACK (nl_talk). */
static int getlink_by_name(struct ipctx *ctx, const char *name, bool ack,
			   nl_cb cb, void *arg)
{
	NL_REQ_DEFINE(req, 256);
	struct nl_sock *s = ctx_lookup_nl(ctx);
	struct ifinfomsg *ifi;

	if (!s)
		return -1;
	NL_REQ_INIT(req, RTM_GETLINK, 0);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	nl_put_str(&req, IFLA_IFNAME, name);
	nl_put_u32(&req, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	return ack ? nl_talk(s, &req, cb, arg) : nl_get(s, &req, cb, arg);
}

static int kind_cb(struct nlmsghdr *nlh, void *arg)
{
	const struct rtattr *data;
	const char *kind;

	if (link_msg_kind(nlh, &kind, &data))
		snprintf(arg, IFNAMSIZ, "%s", kind);
	return 0;
}

/* One GETLINK by name: is the link of this kind? ("vrf NAME" filters) */
bool ll_is_kind(struct ipctx *ctx, const char *name, const char *kind)
{
	char got[IFNAMSIZ] = "";

	if (getlink_by_name(ctx, name, true, kind_cb, got) < 0)
		return false;
	return streq(got, kind);
}

void ll_cache_free(struct ipctx *ctx)
{
	if (ctx->nl_lookup_open) {
		nl_close(&ctx->nl_lookup);
		ctx->nl_lookup_open = false;
	}
	if (!ctx->links)
		return;
	free(ctx->links->slots);
	free(ctx->links);
	ctx->links = NULL;
}

/* A group name or number.  iproute2 reads the number with strtol into an
 * int: blanks and a sign pass, the value wraps to 32 bits and a negative
 * result is refused, so 2147483648 is an error and 4294967296 is group 0. */
int group_id(const char *s, uint32_t *id)
{
	char *end;
	int32_t v;

	v = (int32_t)(uint32_t)strtol(s, &end, 0);
	if (end == s || *end)
		return id_of(NT_GROUPS, s, id);
	if (v < 0)
		return -EINVAL;
	*id = v;
	return 0;
}

/* A link-layer address as iproute2 reads one: hex parts split at ':',
 * each read as sscanf %x reads (so "0x1", " a" and "1zz" pass), or IPv4
 * in any spelling an address takes ("2.0" is 4 bytes).  At most max bytes
 * are stored; the length is returned, max + 1 when there are more parts
 * (iproute2 reports that length).  -1 after saying which part is wrong. */
int get_lladdr(uint8_t *out, size_t max, const char *arg)
{
	char copy[256], *p = copy;
	struct inet_addr v4;
	size_t i;

	if (strchr(arg, '.')) {
		if (parse_addr(&v4, arg, AF_INET)) {
			pr_err("\"%s\" is invalid lladdr.\n", arg);
			return -1;
		}
		if (max < 4)
			return -1;
		memcpy(out, v4.data, 4);
		return 4;
	}
	snprintf(copy, sizeof(copy), "%s", arg);
	for (i = 0; i < max; i++) {
		char *colon = strchr(p, ':');
		unsigned int byte;

		if (colon)
			*colon++ = '\0';
		if (!scan_uint(p, "", 16, &byte) || byte > 255) {
			pr_err("\"%s\" is invalid lladdr.\n", p);
			return -1;
		}
		out[i] = byte;
		if (!colon)
			break;
		p = colon;
	}
	return (int)i + 1;
}

/* A family keyword (-f, "via inet6 ...", "from inet ..."); AF_UNSPEC if none. */
int family_of_word(const char *s)
{
	if (streq(s, "inet"))
		return AF_INET;
	if (streq(s, "inet6"))
		return AF_INET6;
	if (streq(s, "link"))
		return AF_PACKET;
	if (streq(s, "mpls"))
		return AF_MPLS;
	if (streq(s, "bridge"))
		return AF_BRIDGE;
	return AF_UNSPEC;
}

/* A message already built (restore): sent as it is, with a fresh sequence
 * number; 0 or -errno from the ack, nothing said. */
int ctx_talk_raw(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return -ENOTCONN;
	nlh->nlmsg_seq = ++s->seq;
	s->errmsg[0] = '\0';
	s->err_is_warning = false;
	err = nl_send(s, nlh);
	return err ? err : nl_recv_loop(s, s->seq, false, NULL, NULL);
}

/* The first word of a saved dump: never to a terminal. */
int saved_magic_write(struct ipctx *ctx, uint32_t magic)
{
	if (isatty(fileno(ctx->out.f))) {
		pr_err("Not sending a binary stream to stdout\n");
		return EXIT_FAIL;
	}
	/* out first: the reference's magic precedes its errors */
	if (fwrite(&magic, sizeof(magic), 1, ctx->out.f) != 1 ||
	    fflush(ctx->out.f)) {
		pr_err("Can't write magic to dump file\n");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int saved_magic_check(FILE *in, uint32_t want, const char *what)
{
	uint32_t magic = 0;
	size_t n;

	if (isatty(fileno(in))) {
		pr_err("Can't restore %s dump from a terminal\n", what);
		return -1;
	}
	n = fread(&magic, sizeof(magic), 1, in);
	if (magic != want) {
		pr_err("Magic mismatch (%d elems, %x magic)\n", (int)n,
		       magic);
		return -1;
	}
	return 0;
}

/* Messages as "save" wrote them, to the end of the file; a short or
 * oversized one is an error.  A message shorter than its family header
 * reads as zeros there, not as the previous message. */
int saved_msgs_read(FILE *in, struct ipctx *ctx, saved_msg_fn fn, void *arg)
{
	union {
		struct nlmsghdr h;
		char b[16384];
	} buf;

	for (;;) {
		size_t n = fread(&buf.h, 1, sizeof(buf.h), in), l;
		int rc;

		if (n == 0 && feof(in))
			return 0;
		if (n != sizeof(buf.h)) {
			if (ferror(in))
				pr_err("rtnl_from_file: fread: %s\n",
				       err_text(errno));
			if (feof(in))
				pr_err("rtnl-from_file: truncated message\n");
			return -1;
		}
		if (buf.h.nlmsg_len < sizeof(buf.h) ||
		    buf.h.nlmsg_len > sizeof(buf)) {
			pr_err("!!!malformed message: len=%d @%lu\n",
			       (int)buf.h.nlmsg_len, (unsigned long)ftell(in));
			return -1;
		}
		l = NLMSG_ALIGN(buf.h.nlmsg_len - sizeof(buf.h));
		memset(buf.b + sizeof(buf.h), 0, sizeof(struct rtmsg));
		if (fread(buf.b + sizeof(buf.h), 1, l, in) != l) {
			pr_err("rtnl-from_file: truncated message\n");
			return -1;
		}
		rc = fn(ctx, &buf.h, arg);
		if (rc < 0)
			return rc;
	}
}

/* ---- network namespace names, for "link-netns NAME" and the like ---- */

static int nsid_cb(struct nlmsghdr *nlh, void *arg)
{
	struct rtattr *tb[NETNSA_MAX + 1], *rta;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWNSID)
		return 0;
	rta = nl_msg_attrs(nlh, sizeof(struct rtgenmsg), &len);
	nl_parse(tb, NETNSA_MAX, rta, len, NULL);
	if (tb[NETNSA_NSID])
		*(int *)arg = nl_attr_s32(tb[NETNSA_NSID]);
	return 0;
}

/* The nsid this namespace gives to the namespace behind fd, or -1. */
int nsid_of_fd(struct nl_sock *s, int fd)
{
	NL_REQ_DEFINE(req, 64);
	struct rtgenmsg *g;
	int id = -1;

	NL_REQ_INIT(req, RTM_GETNSID, 0);
	g = nl_put_hdr(&req, sizeof(*g));
	g->rtgen_family = AF_UNSPEC;
	nl_put_u32(&req, NETNSA_FD, fd);
	if (nl_talk(s, &req, nsid_cb, &id) < 0)
		return -1;
	return id;
}

struct nsid_memo {
	size_t n;
	struct {
		int nsid;
		char *name;
	} *v;
};

/* ip monitor remembers the names it finds: an event about a namespace
 * that is gone by the time it is printed still names it, as in the
 * reference (whose map of names lives as long as the monitor). */
void nsid_memo_start(struct ipctx *ctx)
{
	if (!ctx->nsid_memo)
		ctx->nsid_memo = calloc(1, sizeof(*ctx->nsid_memo));
}

void nsid_memo_free(struct ipctx *ctx)
{
	struct nsid_memo *m = ctx->nsid_memo;
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++)
		free(m->v[i].name);
	free(m->v);
	free(m);
	ctx->nsid_memo = NULL;
}

static const char *nsid_memo_find(struct ipctx *ctx, int nsid)
{
	struct nsid_memo *m = ctx->nsid_memo;
	size_t i;

	for (i = 0; m && i < m->n; i++)
		if (m->v[i].nsid == nsid)
			return m->v[i].name;
	return NULL;
}

static void nsid_memo_add(struct ipctx *ctx, int nsid, const char *name)
{
	struct nsid_memo *m = ctx->nsid_memo;
	char *copy = strdup(name);
	void *v = copy ? realloc(m->v, (m->n + 1) * sizeof(*m->v)) : NULL;

	if (!v) {
		free(copy);
		return;
	}
	m->v = v;
	m->v[m->n].nsid = nsid;
	m->v[m->n++].name = copy;
}

static bool netns_name_scan(int nsid, char *buf, size_t size);

/* Name under /run/netns of the namespace with this nsid. */
bool netns_name_of(struct ipctx *ctx, int nsid, char *buf, size_t size)
{
	const char *known = nsid_memo_find(ctx, nsid);

	if (known) {
		snprintf(buf, size, "%s", known);
		return true;
	}
	if (!netns_name_scan(nsid, buf, size))
		return false;
	if (ctx->nsid_memo)
		nsid_memo_add(ctx, nsid, buf);
	return true;
}

/* Uses its own socket: it may be called while a dump is being read. */
static bool netns_name_scan(int nsid, char *buf, size_t size)
{
	struct nl_sock s;
	struct dirent *de;
	DIR *d = opendir("/run/netns");
	bool found = false;

	if (!d)
		return false;
	if (nl_open(&s, NETLINK_ROUTE)) {
		closedir(d);
		return false;
	}
	while (!found && (de = readdir(d))) {
		int fd;

		if (streq(de->d_name, ".") || streq(de->d_name, ".."))
			continue;
		fd = netns_open(de->d_name);
		if (fd < 0)
			continue;
		if (nsid_of_fd(&s, fd) == nsid) {
			snprintf(buf, size, "%s", de->d_name);
			found = true;
		}
		close(fd);
	}
	nl_close(&s);
	closedir(d);
	return found;
}

/* "vrf NAME" of ip route and ip link: the routing table of the VRF device
 * NAME, by one GETLINK; 0 when NAME is not a VRF (or does not exist). */
static int vrf_table_cb(struct nlmsghdr *nlh, void *arg)
{
	struct rtattr *vrf[IFLA_VRF_MAX + 1];
	const struct rtattr *data;
	const char *kind;
	uint32_t *table = arg;

	if (!link_msg_kind(nlh, &kind, &data) || !streq(kind, "vrf") || !data)
		return 0;
	nl_parse_nested(vrf, IFLA_VRF_MAX, data);
	if (vrf[IFLA_VRF_TABLE] && nl_attr_len(vrf[IFLA_VRF_TABLE]) >= 4)
		*table = nl_attr_u32(vrf[IFLA_VRF_TABLE]);
	return 0;
}

uint32_t vrf_table(struct ipctx *ctx, const char *name)
{
	uint32_t table = 0;

	if (strlen(name) >= IFNAMSIZ ||
	    getlink_by_name(ctx, name, false, vrf_table_cb, &table) < 0)
		return 0;
	return table;
}
