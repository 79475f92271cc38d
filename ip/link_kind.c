/* What several link kinds share: the complaint about an unknown word, a
 * word from a fixed list, and the options of the UDP tunnels (vxlan and
 * geneve take ttl, tos, df and flowlabel alike, and tunnels print tos the
 * same way).  One copy of each keeps the binary small. */
#include <arpa/inet.h>
#include <string.h>
#include <linux/if_link.h>

#include "link_kind.h"

int kind_unknown(const char *kind, const char *what, const char *arg,
		 void (*usage)(FILE *f))
{
	if (!matches(arg, "help"))
		fprintf(stderr, "%s: unknown %s \"%s\"?\n", kind, what, arg);
	usage(stderr);
	return EXIT_FAIL;
}

int one_of(const char *key, const char *const *names, int n, const char *arg)
{
	int i;

	for (i = 0; i < n; i++)
		if (streq(names[i], arg))
			return i;
	fprintf(stderr, "Error: argument of \"%s\" must be one of ", key);
	for (i = 0; i < n; i++)
		fprintf(stderr, "\"%s\"%s", names[i], i + 1 < n ? ", " : "");
	fprintf(stderr, ", not \"%s\"\n", arg);
	return -1;
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

/* ---- printing ---- */

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
