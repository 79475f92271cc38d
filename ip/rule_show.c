/* ip rule: the decoder, the filter, the printer, and the commands built on
 * dumps (list, flush, save, restore). */
#include <endian.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rule.h"

/* The first four bytes of "ip rule save", in host order (not route's). */
#define RULE_DUMP_MAGIC 0x71706986u

/* ---- decoding ---- */

/* The attributes copied into the view as they are: each must be at least
 * as long as its field (shorter ones are dropped by nl_parse). */
#define FIELD(attr, f) { attr, sizeof(((struct rule_view *)0)->f), \
			 offsetof(struct rule_view, f) }
static const struct {
	uint8_t attr, size;
	uint16_t off;
} rule_fields[] = {
	FIELD(FRA_PRIORITY, prio),	 FIELD(FRA_FWMARK, mark),
	FIELD(FRA_FWMASK, mask),	 FIELD(FRA_FLOW, flow),
	FIELD(FRA_GOTO, target),	 FIELD(FRA_TABLE, table),
	FIELD(FRA_SUPPRESS_PREFIXLEN, suppress_len),
	FIELD(FRA_SUPPRESS_IFGROUP, suppress_group),
	FIELD(FRA_TUN_ID, tun_id),	 FIELD(FRA_L3MDEV, l3mdev),
	FIELD(FRA_PROTOCOL, proto),	 FIELD(FRA_IP_PROTO, ipproto),
	FIELD(FRA_UID_RANGE, uid),	 FIELD(FRA_SPORT_RANGE, sport),
	FIELD(FRA_DPORT_RANGE, dport),
};

static void decode_attrs(struct rule_view *v, struct rtattr **tb)
{
	size_t i;

	for (i = 0; i < sizeof(rule_fields) / sizeof(rule_fields[0]); i++)
		if (tb[rule_fields[i].attr])
			memcpy((char *)v + rule_fields[i].off,
			       nl_attr_data(tb[rule_fields[i].attr]),
			       rule_fields[i].size);
	v->tun_id = be64toh(v->tun_id);
	v->src = tb[FRA_SRC];
	v->dst = tb[FRA_DST];
	v->nat = tb[RULE_NAT_ADDR];
	v->iif = tb[FRA_IIFNAME] ? nl_attr_str(tb[FRA_IIFNAME]) : NULL;
	v->oif = tb[FRA_OIFNAME] ? nl_attr_str(tb[FRA_OIFNAME]) : NULL;
}

/* 0, or -EBADMSG for a message too short for its header or not a rule. */
int rule_decode(const struct nlmsghdr *nlh, struct rule_view *v)
{
	struct rtattr *tb[FRA_MAX + 1];
	uint8_t minlen[FRA_MAX + 1] = { 0 };
	const struct fib_rule_hdr *frh = NLMSG_DATA(nlh);
	struct rtattr *rta;
	size_t len;
	int i;

	if ((nlh->nlmsg_type != RTM_NEWRULE && nlh->nlmsg_type != RTM_DELRULE) ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*frh)))
		return -EBADMSG;
	memset(v, 0, sizeof(*v));
	v->deleted = nlh->nlmsg_type == RTM_DELRULE;
	v->family = frh->family;
	v->src_len = frh->src_len;
	v->dst_len = frh->dst_len;
	v->tos = frh->tos;
	v->action = frh->action;
	v->flags = frh->flags;
	v->table = frh->table;
	for (i = 0; i < (int)(sizeof(rule_fields) / sizeof(rule_fields[0])); i++)
		minlen[rule_fields[i].attr] = rule_fields[i].size;
	minlen[RULE_NAT_ADDR] = 4;
	rta = nl_msg_attrs(nlh, sizeof(*frh), &len);
	nl_parse(tb, FRA_MAX, rta, len, minlen);
	for (i = 1; i <= FRA_MAX; i++)
		if (tb[i])
			v->has |= 1u << i;
	decode_attrs(v, tb);
	return 0;
}

/* ---- the filter ---- */

static int host_len(int family)
{
	return family == AF_INET ? 32 : family == AF_INET6 ? 128 : 0;
}

/* A "from"/"to" selector: same family, no longer than the rule's prefix,
 * and its first bits equal to the rule's address (when it has one). */
static bool prefix_fails(const struct inet_addr *p, int family, int len,
			 const struct rtattr *a)
{
	int bits = p->bitlen < 0 ? host_len(p->family) : p->bitlen;
	const uint8_t *d;
	int bytes = bits / 8;

	if (!p->family)
		return false;
	if (p->family != family || bits > len)
		return true;
	if (!a || bits <= 0)
		return false;
	if (nl_attr_len(a) * 8 < (size_t)bits)
		return true;
	d = nl_attr_data(a);
	if (memcmp(d, p->data, bytes))
		return true;
	bits %= 8;
	return bits && ((d[bytes] ^ p->data[bytes]) & (0xff00 >> bits));
}

static bool range_differs(const struct fib_rule_port_range *want,
			  const struct fib_rule_port_range *have)
{
	return want->start &&
	       (want->start != have->start || want->end != have->end);
}

static bool selectors_fail(const struct rule_filter *f,
			   const struct rule_view *v)
{
	if (f->fwmark && f->fwmark != v->mark)
		return true;
	if (f->fwmask && f->fwmask != v->mask)
		return true;
	if (f->iif[0] && (!v->iif || !streq(f->iif, v->iif)))
		return true;
	if (f->oif[0] && (!v->oif || !streq(f->oif, v->oif)))
		return true;
	if (f->l3mdev && !v->l3mdev)
		return true;
	if (f->uid_set && (!RULE_HAS(v, FRA_UID_RANGE) ||
			   f->uid.start != v->uid.start || f->uid.end != v->uid.end))
		return true;
	if (f->ipproto && f->ipproto != v->ipproto)
		return true;
	if (range_differs(&f->sport, &v->sport) ||
	    range_differs(&f->dport, &v->dport))
		return true;
	if (f->tun_id && f->tun_id != v->tun_id)
		return true;
	return f->table && f->table != v->table;
}

bool rule_wanted(const struct ipctx *ctx, const struct rule_filter *f,
		 const struct rule_view *v)
{
	if (ctx->family != AF_UNSPEC && v->family != ctx->family)
		return false;
	if (f->pref_set && f->pref != v->prio)
		return false;
	if (f->inverted && !(v->flags & FIB_RULE_INVERT))
		return false;
	if (prefix_fails(&f->src, v->family, v->src_len, v->src) ||
	    prefix_fails(&f->dst, v->family, v->dst_len, v->dst))
		return false;
	if (f->tos_set && f->tos != v->tos)
		return false;
	return !selectors_fail(f, v);
}

/* ---- the printer ---- */

static enum out_color family_color(int family)
{
	return family == AF_INET ? C_INET : family == AF_INET6 ? C_INET6 : C_NONE;
}

/* "from PREFIX" and " to PREFIX": the length only when not a host's. */
static void print_prefix(struct ipctx *ctx, const struct rule_view *v,
			 bool src)
{
	struct out *o = &ctx->out;
	const struct rtattr *a = src ? v->src : v->dst;
	unsigned int len = src ? v->src_len : v->dst_len;
	const char *key = src ? "src" : "dst";
	char buf[64];

	if (a) {
		out_text(o, src ? "from " : " to ");
		format_addr(v->family, nl_attr_data(a), nl_attr_len(a), buf,
			    sizeof(buf));
		out_cstr(o, OUT_ANY, family_color(v->family), key, "%s", buf);
		if (len != (unsigned int)host_len(v->family))
			out_uint(o, OUT_ANY, src ? "srclen" : "dstlen", "/%u", len);
	} else if (len) {
		out_str(o, OUT_ANY, key, src ? "from %s" : " to %s", "0");
		out_uint(o, OUT_ANY, src ? "srclen" : "dstlen", "/%u", len);
	} else if (src) {
		out_str(o, OUT_ANY, key, "from %s", "all");
	}
}

static void print_fwmark(struct out *o, const struct rule_view *v)
{
	if (!RULE_HAS(v, FRA_FWMARK) && !RULE_HAS(v, FRA_FWMASK))
		return;
	out_xstr(o, OUT_JSON, "fwmark", "%#llx", v->mark);
	out_xstr(o, OUT_TEXT, NULL, " fwmark %#llx", v->mark);
	if (RULE_HAS(v, FRA_FWMASK) && v->mask != 0xffffffffu) {
		out_xstr(o, OUT_JSON, "fwmask", "%#llx", v->mask);
		out_xstr(o, OUT_TEXT, NULL, "/%#llx", v->mask);
	}
}

static void print_dev(struct out *o, const char *key, const char *name,
		      const char *detached_key, bool detached)
{
	out_text(o, " %s ", key);
	out_cstr(o, OUT_ANY, C_IFNAME, key, "%s", name);
	if (detached)
		out_null(o, OUT_ANY, detached_key, " [detached]", NULL);
}

static void print_port_range(struct out *o, const char *key,
			     const struct fib_rule_port_range *r)
{
	char k[16], fmt[16];

	snprintf(fmt, sizeof(fmt), " %s %%u", key);
	if (r->start == r->end) {
		out_uint(o, OUT_ANY, key, fmt, r->start);
		return;
	}
	snprintf(k, sizeof(k), "%s_start", key);
	out_uint(o, OUT_ANY, k, fmt, r->start);
	snprintf(k, sizeof(k), "%s_end", key);
	out_uint(o, OUT_ANY, k, "-%u", r->end);
}

/* What the rule matches on, after "from": in the reference's order. */
static void print_selectors(struct ipctx *ctx, const struct rule_view *v)
{
	struct out *o = &ctx->out;
	char buf[64];

	print_prefix(ctx, v, false);
	if (v->tos)
		out_str(o, OUT_ANY, "tos", " tos %s",
			rt_dsfield_name(v->tos, ctx->numeric, buf, sizeof(buf)));
	print_fwmark(o, v);
	if (v->iif)
		print_dev(o, "iif", v->iif, "iif_detached",
			  v->flags & FIB_RULE_IIF_DETACHED);
	if (v->oif)
		print_dev(o, "oif", v->oif, "oif_detached",
			  v->flags & FIB_RULE_OIF_DETACHED);
	if (v->l3mdev)
		out_null(o, OUT_ANY, "l3mdev", " lookup [l3mdev-table]", NULL);
	if (RULE_HAS(v, FRA_UID_RANGE)) {
		out_uint(o, OUT_ANY, "uid_start", " uidrange %u", v->uid.start);
		out_uint(o, OUT_ANY, "uid_end", "-%u", v->uid.end);
	}
	if (RULE_HAS(v, FRA_IP_PROTO))
		out_str(o, OUT_ANY, "ipproto", " ipproto %s",
			ipproto_name(v->ipproto, ctx->numeric, buf, sizeof(buf)));
	if (RULE_HAS(v, FRA_SPORT_RANGE))
		print_port_range(o, "sport", &v->sport);
	if (RULE_HAS(v, FRA_DPORT_RANGE))
		print_port_range(o, "dport", &v->dport);
	if (RULE_HAS(v, FRA_TUN_ID))
		out_u64(o, OUT_ANY, "tun_id", " tun_id %llu", v->tun_id);
}

static void print_lookup(struct ipctx *ctx, const struct rule_view *v)
{
	struct out *o = &ctx->out;
	char buf[64];

	out_str(o, OUT_ANY, "table", " lookup %s",
		ctx_name_of(ctx, NT_TABLES, v->table, buf, sizeof(buf)));
	if (RULE_HAS(v, FRA_SUPPRESS_PREFIXLEN) && v->suppress_len != -1)
		out_int(o, OUT_ANY, "suppress_prefixlen",
			" suppress_prefixlength %d", v->suppress_len);
	if (RULE_HAS(v, FRA_SUPPRESS_IFGROUP) && v->suppress_group != -1)
		out_str(o, OUT_ANY, "suppress_ifgroup", " suppress_ifgroup %s",
			ctx_name_of(ctx, NT_GROUPS, v->suppress_group, buf,
				    sizeof(buf)));
}

static void print_realms(struct ipctx *ctx, uint32_t flow)
{
	struct out *o = &ctx->out;
	char buf[64];

	if (flow >> 16)
		out_str(o, OUT_ANY, "flow_from", " realms %s/",
			ctx_name_of(ctx, NT_REALMS, flow >> 16, buf, sizeof(buf)));
	else
		out_text(o, " realms ");
	out_str(o, OUT_ANY, "flow_to", "%s",
		ctx_name_of(ctx, NT_REALMS, flow & 0xffff, buf, sizeof(buf)));
}

static void print_nat(struct ipctx *ctx, const struct rule_view *v)
{
	struct out *o = &ctx->out;
	char buf[256];
	size_t len;

	if (!v->nat) {
		out_null(o, OUT_ANY, "masquerade", " masquerade", NULL);
		return;
	}
	len = nl_attr_len(v->nat);
	if (!ctx->resolve ||
	    !hosts_lookup(v->family, nl_attr_data(v->nat), len, buf, sizeof(buf)))
		format_addr(v->family, nl_attr_data(v->nat), len, buf, sizeof(buf));
	out_text(o, " map-to ");
	out_cstr(o, OUT_ANY, family_color(v->family), "nat_gateway", "%s", buf);
}

/* What the rule does, then who made it. */
static void print_action(struct ipctx *ctx, const struct rule_view *v)
{
	struct out *o = &ctx->out;
	char buf[64];

	if (v->table)
		print_lookup(ctx, v);
	if (RULE_HAS(v, FRA_FLOW))
		print_realms(ctx, v->flow);
	if (v->action == RTN_NAT) {
		print_nat(ctx, v);
	} else if (v->action == FR_ACT_GOTO) {
		if (RULE_HAS(v, FRA_GOTO))
			out_uint(o, OUT_ANY, "goto", " goto %u", v->target);
		else
			out_str(o, OUT_ANY, "goto", " goto %s", "none");
		if (v->flags & FIB_RULE_UNRESOLVED)
			out_null(o, OUT_ANY, "unresolved", " [unresolved]", NULL);
	} else if (v->action == FR_ACT_NOP) {
		out_null(o, OUT_ANY, "nop", " nop", NULL);
	} else if (v->action != FR_ACT_TO_TBL) {
		out_str(o, OUT_ANY, "action", " %s",
			rt_type_name(v->action, ctx->numeric, buf, sizeof(buf)));
	}
	if (RULE_HAS(v, FRA_PROTOCOL) &&
	    ((v->proto && v->proto != RTPROT_KERNEL) || ctx->details))
		out_str(o, OUT_ANY, "protocol", " proto %s",
			ctx_name_of(ctx, NT_PROTOS, v->proto, buf, sizeof(buf)));
}

void print_rule_view(struct ipctx *ctx, const struct rule_view *v)
{
	struct out *o = &ctx->out;

	out_obj_open(o, NULL);
	if (v->deleted)
		out_bool(o, OUT_ANY, "deleted", "Deleted ", true);
	out_uint(o, OUT_ANY, "priority", "%u:\t", v->prio);
	if (v->flags & FIB_RULE_INVERT)
		out_null(o, OUT_ANY, "not", "not ", NULL);
	print_prefix(ctx, v, true);
	print_selectors(ctx, v);
	print_action(ctx, v);
	out_obj_close(o);
	out_eol(o);
}

int print_rule(struct ipctx *ctx, struct nlmsghdr *nlh)
{
	struct rule_view v;

	if (rule_decode(nlh, &v))
		return -EBADMSG;
	print_rule_view(ctx, &v);
	return 0;
}

/* ---- list, flush, save ---- */

/* Deletes waiting while a flush reads a dump: 64 KiB, some 900 rules. */
enum { RULE_FLUSH_BUF = 65536, FLUSH_RESTART = -EINPROGRESS };

struct rule_dump {
	struct ipctx *ctx;
	const struct rule_filter *f;
	int action;
	int err;		/* first failure, as -errno */
	size_t used;		/* delete requests waiting in buf */
	char *buf;		/* RULE_FLUSH_BUF bytes, for flush only */
};

/* The waiting deletes go out in one datagram, all under one sequence
 * number, the last one asking for an ack: the kernel answers the batch
 * with that ack, after an error for each delete that failed.  The first
 * error stops the flush, as the reference's one request at a time does. */
static int flush_send(struct rule_dump *d)
{
	struct nl_sock *s = ctx_nl(d->ctx);
	struct nlmsghdr *m = (struct nlmsghdr *)d->buf;
	char *end = d->buf + d->used;
	int err;

	if (!d->used)
		return 0;
	if (!s)
		return -ENOTCONN;
	++s->seq;
	for (;;) {
		m->nlmsg_seq = s->seq;
		if ((char *)m + NLMSG_ALIGN(m->nlmsg_len) >= end)
			break;
		m = (struct nlmsghdr *)((char *)m + NLMSG_ALIGN(m->nlmsg_len));
	}
	m->nlmsg_flags |= NLM_F_ACK;
	s->errmsg[0] = '\0';
	s->err_is_warning = false;
	s->err_kind = NL_ERR_NONE;
	err = nl_send_batch(s, d->buf, d->used);
	if (!err)
		err = nl_recv_loop(s, s->seq, false, NULL, NULL);
	d->used = 0;
	if (err)
		nl_report_sock(s, err);
	return err;
}

/* Queue the delete of a rule; FLUSH_RESTART when the queue is full.  A
 * rule without a priority (the local table's, at 0) stays. */
static int flush_note(struct rule_dump *d, const struct nlmsghdr *nlh,
		      const struct rule_view *v)
{
	struct nlmsghdr *del;

	if ((d->f->protocol ^ v->proto) & d->f->protocolmask)
		return 0;
	if (!RULE_HAS(v, FRA_PRIORITY))
		return 0;
	if (d->used + NLMSG_ALIGN(nlh->nlmsg_len) > RULE_FLUSH_BUF)
		return FLUSH_RESTART;
	del = (struct nlmsghdr *)(d->buf + d->used);
	memcpy(del, nlh, nlh->nlmsg_len);
	del->nlmsg_type = RTM_DELRULE;
	del->nlmsg_flags = NLM_F_REQUEST;
	d->used += NLMSG_ALIGN(nlh->nlmsg_len);
	return 0;
}

static int dump_cb(struct nlmsghdr *nlh, void *arg)
{
	struct rule_dump *d = arg;
	struct rule_view v;

	if (rule_decode(nlh, &v) || !rule_wanted(d->ctx, d->f, &v))
		return 0;
	if (d->action == RULE_FLUSH)
		return flush_note(d, nlh, &v);
	if (d->action == RULE_SAVE) {
		if (fwrite(nlh, 1, nlh->nlmsg_len, d->ctx->out.f) != nlh->nlmsg_len)
			return (d->err = -EIO);
		return 0;
	}
	print_rule_view(d->ctx, &v);
	return 0;
}

static void dump_request(struct nl_req *req, int family)
{
	struct fib_rule_hdr *frh = nl_put_hdr(req, sizeof(*frh));

	frh->family = family;
}

/* A failed dump: the reference's words, and its exit codes (255 after
 * "Dump terminated", 1 for a reply cut short); a batch goes on. */
static int dump_error(struct ipctx *ctx, struct nl_sock *s, int err)
{
	if (dump_failed(s, err) == EXIT_FAIL)
		return EXIT_FAIL;
	ctx->soft_255 = true;
	return EXIT_USAGE;
}

static int rule_dump(struct ipctx *ctx, struct rule_dump *d, int family)
{
	NL_REQ_DEFINE(req, 64);
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return EXIT_FAIL;
	NL_REQ_INIT(req, RTM_GETRULE, 0);
	dump_request(&req, family);
	err = nl_dump(s, &req, dump_cb, d);
	warn_dump_intr(s);
	if (err && d->err == -EIO)	/* a write of save failed */
		return EXIT_FAIL;
	return err < 0 ? dump_error(ctx, s, err) : EXIT_OK;
}

/* The kernel's rule dump counts rules by position, so rules deleted while
 * it runs make it skip as many that come later (the reference leaves some
 * 2,700 of 10,000 behind).  So nothing is deleted while a dump runs: when
 * the queue of deletes is full, the dump is dropped with its socket, the
 * deletes go out, and a new dump starts from the first rule left. */
static int rule_flush(struct ipctx *ctx, struct rule_dump *d, int family)
{
	NL_REQ_DEFINE(req, 64);
	struct nl_sock s;
	int err, rc = EXIT_OK;

	do {
		if (rtnl_open(&s))
			return EXIT_FAIL;
		NL_REQ_INIT(req, RTM_GETRULE, 0);
		dump_request(&req, family);
		err = nl_dump(&s, &req, dump_cb, d);
		if (err < 0 && err != FLUSH_RESTART)
			rc = dump_error(ctx, &s, err);
		nl_close(&s);
		if (!rc && flush_send(d)) {
			pr_err("Dump terminated\n");
			ctx->soft_255 = true;
			rc = EXIT_USAGE;
		}
	} while (!rc && err == FLUSH_RESTART);
	return rc;
}

int rule_dump_cmd(struct ipctx *ctx, const struct rule_filter *f, int action)
{
	/* static: pages not touched (no flush) cost nothing */
	static union {
		struct nlmsghdr h;	/* aligned for the messages */
		char b[RULE_FLUSH_BUF];
	} flush_buf;
	struct rule_dump d = { .ctx = ctx, .f = f, .action = action };
	int family = ctx->family == AF_UNSPEC ? AF_INET : ctx->family;
	int rc;

	if (action == RULE_SAVE && (rc = saved_magic_write(ctx, RULE_DUMP_MAGIC)))
		return rc;
	if (action == RULE_FLUSH)
		d.buf = flush_buf.b;
	/* The binary stream of save stays one: no JSON brackets around it
	 * (the reference appends "[]" to it, which restore then refuses). */
	if (action != RULE_SAVE)
		out_begin(&ctx->out);
	rc = action == RULE_FLUSH ? rule_flush(ctx, &d, family) :
				    rule_dump(ctx, &d, family);
	if (action != RULE_SAVE)
		out_end(&ctx->out);
	return rc;
}

/* ---- restore: the magic word, then the saved messages ---- */

static int restore_one(struct ipctx *ctx, struct nlmsghdr *nlh, void *arg)
{
	int err;

	(void)arg;
	/* No NLM_F_EXCL: a rule that is there already is added again, as the
	 * reference does (its man page: "duplicates are not ignored"). */
	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
	err = ctx_talk_raw(ctx, nlh);
	if (err < 0 && err != -EEXIST) {
		nl_report(ctx, err);
		return -1;
	}
	return 0;
}

int rule_restore(struct ipctx *ctx)
{
	if (saved_magic_check(stdin, RULE_DUMP_MAGIC, "rule"))
		return EXIT_USAGE;
	return saved_msgs_read(stdin, ctx, restore_one, NULL) ? EXIT_USAGE
							      : EXIT_OK;
}
