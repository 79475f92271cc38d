/* What several link kinds share: the complaint about an unknown word, a
 * word from a fixed list, the vlan protocol (bridge and vlan), the options
 * of the UDP tunnels (vxlan and geneve take ttl, tos, df and flowlabel
 * alike, and tunnels print tos the same way) and a table-driven printer of
 * plain fields.  One copy of each keeps the binary small. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>

#include "link_kind.h"

int kind_unknown(const char *kind, const char *what, const char *arg,
		 void (*usage)(FILE *f, const char *kind))
{
	if (!matches(arg, "help"))
		pr_err("%s: unknown %s \"%s\"?\n", kind, what, arg);
	usage(stderr, kind);
	return EXIT_FAIL;
}

int kind_dev(struct ipctx *ctx, const char *name)
{
	int idx = ll_index(ctx, name);

	if (!idx)
		pr_err("Cannot find device \"%s\"\n", name);
	return idx;
}

/* The reference words this error two ways: 'must be one of "a", "b", not'
 * and 'must be "a", "b" or "c", not'. */
static int bad_choice(const char *key, const char *const *names, int n,
		      const char *arg, bool listed)
{
	int i;

	pr_err("Error: argument of \"%s\" must be %s", key,
	       listed ? "one of " : "");
	for (i = 0; i < n; i++)
		pr_err("\"%s\"%s", names[i], i + 1 == n ? "" :
		       i + 2 == n && !listed ? " or " : ", ");
	pr_err(", not \"%s\"\n", arg);
	return -1;
}

static int word_in(const char *const *names, int n, const char *arg)
{
	int i;

	for (i = 0; i < n && !streq(names[i], arg); i++)
		;
	return i < n ? i : -1;
}

int one_of(const char *key, const char *const *names, int n, const char *arg)
{
	int i = word_in(names, n, arg);

	return i >= 0 ? i : bad_choice(key, names, n, arg, true);
}

int must_be(const char *key, const char *const *names, int n, const char *arg)
{
	int i = word_in(names, n, arg);

	return i >= 0 ? i : bad_choice(key, names, n, arg, false);
}

int on_off_strict(const char *key, const char *arg)
{
	static const char *const off_on[] = { "off", "on" };

	return one_of(key, off_on, 2, arg);
}

int udp_ttl_arg(const char *s, int *ttl)
{
	uint32_t v = 0;

	if (streq(s, "inherit")) {
		*ttl = -1;
		return 0;
	}
	if (!streq(s, "auto")) {
		if (parse_u32(&v, s, 0))
			return invarg("invalid TTL", s);
		if (v > 255)
			return invarg("TTL must be <= 255", s);
	}
	*ttl = v;
	return 0;
}

int tos_arg(const char *s, uint8_t *tos)
{
	uint32_t v = 1;

	if (!streq(s, "inherit") && (parse_u32(&v, s, 16) || v > 255))
		return invarg("bad TOS value", s);
	*tos = v;
	return 0;
}

int udp_df_arg(struct nl_req *r, int attr, const char *s)
{
	/* VXLAN_DF_* and GENEVE_DF_* are the same numbers */
	static const char *const df[] = { "unset", "set", "inherit" };
	int i;

	for (i = 0; i < 3; i++)
		if (streq(s, df[i])) {
			nl_put_u8(r, attr, i);
			return 0;
		}
	return invarg("DF must be 'unset', 'set' or 'inherit'", s);
}

int udp_label_arg(const char *s, uint32_t *label)
{
	uint32_t v;

	if (parse_u32(&v, s, 0) || v > 0xfffff)
		return invarg("invalid flowlabel", s);
	*label = htonl(v);
	return 0;
}

int udp_vni_arg(const char *s, uint32_t *vni)
{
	if (parse_u32(vni, s, 0) || *vni >= 1u << 24)
		return invarg("invalid id", s);
	return 0;
}

int put_vlan_proto(struct nl_req *r, int attr, const char *arg,
		   const char *err)
{
	if (strcasecmp(arg, "802.1Q") && strcasecmp(arg, "802.1ad"))
		return invarg(err, arg);
	nl_put_u16(r, attr, htons(strcasecmp(arg, "802.1Q") ? ETH_P_8021AD :
							    ETH_P_8021Q));
	return 0;
}

/* ---- printing ---- */

void print_vlan_proto(struct out *o, const struct rtattr *a, const char *key,
		      const char *unknown)
{
	uint16_t p = ntohs(nl_attr_u16(a));
	char buf[16], fmt[32];

	snprintf(buf, sizeof(buf), unknown, p);
	snprintf(fmt, sizeof(fmt), "%s %%s ", key);
	out_str(o, OUT_ANY, key, fmt, p == ETH_P_8021Q ? "802.1Q" :
		p == ETH_P_8021AD ? "802.1ad" : buf);
}

/* An address attribute of the given family as "KEY": "ADDR" / FMT. */
void print_addr_attr(struct out *o, const struct rtattr *a, int family,
		     const char *key, const char *fmt)
{
	char buf[64];

	format_addr(family, nl_attr_data(a), nl_attr_len(a), buf, sizeof(buf));
	out_str(o, OUT_ANY, key, fmt, buf);
}

void print_udp_ttl(struct out *o, const struct rtattr *inherit,
		   const struct rtattr *ttl)
{
	unsigned int v;

	if (inherit && nl_attr_u8(inherit)) {
		out_text(o, "ttl inherit ");
	} else if (ttl) {
		v = nl_attr_u8(ttl);
		if (o->json || v)
			out_uint(o, OUT_ANY, "ttl", "ttl %u ", v);
		else
			out_text(o, "ttl auto ");
	}
}

void print_tos_inherit(struct out *o, unsigned int tos)
{
	if (!tos)
		return;
	out_xstr(o, OUT_JSON, "tos", "0x%llx", tos);
	if (tos == 1)
		out_text(o, "tos inherit ");
	else
		out_text(o, "tos 0x%x ", tos);
}

void print_udp_df(struct out *o, const struct rtattr *a)
{
	unsigned int df;

	if (!a)
		return;
	df = nl_attr_u8(a);
	if (df == VXLAN_DF_UNSET)
		out_str(o, OUT_JSON, "df", NULL, "unset");
	else
		out_str(o, OUT_ANY, "df", "df %s ",
			df == VXLAN_DF_SET ? "set" : "inherit");
}

void print_udp_label(struct out *o, const struct rtattr *a)
{
	uint32_t v;

	if (a && (v = ntohl(nl_attr_u32(a))))
		out_xstr(o, OUT_ANY, "label", o->json ? "0x%llx" : "flowlabel 0x%llx ",
			 v);
}

void print_udp_port(struct out *o, const struct rtattr *a)
{
	if (a)
		out_uint(o, OUT_ANY, "port", "dstport %u ", ntohs(nl_attr_u16(a)));
}

void print_yes_no(struct out *o, const struct rtattr *a, const char *key,
		  const char *word)
{
	if (!a)
		return;
	out_bool(o, OUT_JSON, key, NULL, nl_attr_u8(a));
	out_text(o, "%s%s ", nl_attr_u8(a) ? "" : "no", word);
}

/* ---- printing a table of fields ---- */

void print_hex_str(struct out *o, const char *key, const char *fmt,
		   unsigned long long v)
{
	out_xstr(o, OUT_JSON, key, "%#llx", v);
	out_xstr(o, OUT_TEXT, key, fmt, v);
}

/* Jiffies (1/100 s) as "%4i.%.2i" text / "%i.%.2i" JSON number. */
static void print_timer(struct out *o, const char *key, uint64_t t)
{
	char buf[64];

	if (o->json) {
		snprintf(buf, sizeof(buf), "%i.%.2i", (int)(t / 100),
			 (int)(t % 100));
		out_num_str(o, OUT_JSON, key, NULL, buf);
	} else {
		out_text(o, "%s %4i.%.2i ", key, (int)(t / 100), (int)(t % 100));
	}
}

/* "8000.0:1b:..." the way the reference prints it (ether_ntoa style). */
static void print_bridge_id(struct out *o, const struct rtattr *a,
			    const char *key, const char *text)
{
	const uint8_t *p = nl_attr_data(a);
	char buf[64], fmt[64];

	if (nl_attr_len(a) < 8)
		return;
	snprintf(buf, sizeof(buf), "%.2x%.2x.%x:%x:%x:%x:%x:%x", p[0], p[1],
		 p[2], p[3], p[4], p[5], p[6], p[7]);
	snprintf(fmt, sizeof(fmt), "%s %%s ", text);
	out_str(o, OUT_ANY, key, fmt, buf);
}

static void print_field(struct out *o, const struct kind_field *f,
			const struct rtattr *a)
{
	const char *key = f->names, *text = key;
	unsigned int type = f->type & ~F_TEXT;
	char fmt[80];

	if (f->type & F_TEXT)
		text += strlen(key) + 1;
	snprintf(fmt, sizeof(fmt), type == P_U64 ? "%s %%llu " :
		 type == P_ONOFF ? "%s %%s " :
		 type >= P_FLAG ? "%s " : "%s %%u ", text);
	switch (type) {
	case P_U8: out_uint(o, OUT_ANY, key, fmt, nl_attr_u8(a)); break;
	case P_U16: out_uint(o, OUT_ANY, key, fmt, nl_attr_u16(a)); break;
	case P_U32: out_uint(o, OUT_ANY, key, fmt, nl_attr_u32(a)); break;
	case P_U64: out_u64(o, OUT_ANY, key, fmt, nl_attr_u64(a)); break;
	case P_TIMER: print_timer(o, key, nl_attr_u64(a)); break;
	case P_ID: print_bridge_id(o, a, key, text); break;
	case P_ONOFF: out_on_off(o, OUT_ANY, key, fmt, nl_attr_u8(a)); break;
	case P_FLAG:
		if (nl_attr_u8(a))
			out_bool(o, OUT_ANY, key, fmt, true);
		break;
	case P_PRESENT: out_bool(o, OUT_ANY, key, fmt, true); break;
	case P_HEX:
		snprintf(fmt, sizeof(fmt), "%s %%#llx ", text);
		print_hex_str(o, key, fmt, nl_attr_u16(a));
		break;
	}
}

void print_fields(struct out *o, const struct kind_field *f, size_t n,
		  struct rtattr **tb)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tb[f[i].attr])
			print_field(o, &f[i], tb[f[i].attr]);
}

