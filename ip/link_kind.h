/* Link kinds ("type veth", "type bridge", ...): one file each, one const
 * table in ip/link.c.  Private to the ip link code. */
#ifndef LINK_KIND_H
#define LINK_KIND_H

#include "ip.h"

struct link_kind {
	const char *name;
	/* ARGS after "type NAME" into the IFLA_INFO_DATA nest already open in
	 * r; returns an exit code (0 ok).  kind is the name: kinds that share
	 * a parser (the tunnels, macvtap, ipvtap) tell themselves apart. */
	int (*parse)(struct ipctx *ctx, struct nl_req *r, const char *kind,
		     int argc, char **argv);
	/* IFLA_INFO_DATA (or SLAVE_DATA) of a link, NULL when absent. */
	void (*print)(struct ipctx *ctx, const struct rtattr *data);
	/* The usage text of the kind named kind ("ip link help KIND" writes
	 * it to stdout). */
	void (*usage)(FILE *f, const char *kind);
};

const struct link_kind *link_kind_find(const char *name);

/* ip/link_xdp.c: an attached XDP program, after the MTU (in_addr: as ip
 * address shows it) and as "prog/xdp" lines. */
void print_xdp_head(struct ipctx *ctx, const struct rtattr *xdp, bool in_addr);
void print_xdp_progs(struct ipctx *ctx, const struct rtattr *xdp);

extern const struct link_kind veth_kind, bridge_kind, bridge_slave_kind,
	macvlan_kind, macvtap_kind, vxlan_kind, tun_kind, vlan_kind, vrf_kind,
	bond_kind, gre_kind, gretap_kind, erspan_kind, ip6gre_kind,
	ip6gretap_kind, ip6erspan_kind, ipip_kind, sit_kind, ip6tnl_kind,
	bond_slave_kind, vrf_slave_kind, geneve_kind, ipvlan_kind, ipvtap_kind,
	macsec_kind, vti_kind, vti6_kind, xfrm_kind;

/* The part of "ip link add" options that veth's "peer" reuses: parses
 * options for the ifinfomsg `ifi` into r up to "type"; returns the number
 * of arguments used, or -(exit code). */
int link_parse_peer(struct ipctx *ctx, struct nl_req *r,
		    struct ifinfomsg *ifi, int argc, char **argv);


/* A nest without NLA_F_NESTED, as the reference encodes them. */
struct rtattr *link_nest(struct nl_req *r, uint16_t type);

/* The index of the device of "dev NAME", or 0 after the reference's
 * "Cannot find device" (the caller's exit code: EXIT_USAGE). */
int kind_dev(struct ipctx *ctx, const char *name);

/* "on"/"off" arguments: 1, 0, or -1 after printing the reference's error. */
int link_on_off(const char *key, const char *arg);

/* An argument the kind does not know: the reference's "KIND: unknown
 * WHAT "ARG"?" (not for "help"), then the kind's usage; EXIT_FAIL. */
int kind_unknown(const char *kind, const char *what, const char *arg,
		 void (*usage)(FILE *f, const char *kind));
/* The index of arg in names[n]; else -1 after the reference's "must be
 * one of" error. */
int one_of(const char *key, const char *const *names, int n, const char *arg);
/* The same, worded 'must be "a", "b" or "c", not "x"'. */
int must_be(const char *key, const char *const *names, int n, const char *arg);
/* "off"/"on" in that wording: 0, 1 or -1. */
int on_off_strict(const char *key, const char *arg);

/* "802.1Q" or "802.1ad" (any case) into attr; else invarg(err). */
int put_vlan_proto(struct nl_req *r, int attr, const char *arg,
		   const char *err);
/* The protocol by name, "KEY NAME "; one without a name in `unknown`'s
 * format ("0x%x" for bridges, "[%d]" for vlans). */
void print_vlan_proto(struct out *o, const struct rtattr *a, const char *key,
		      const char *unknown);

/* Options of vxlan and geneve (tunnels print tos alike); each returns
 * 0 or the exit code after printing the reference's error. */
int udp_ttl_arg(const char *s, int *ttl);	/* auto: 0, inherit: -1 */
int tos_arg(const char *s, uint8_t *tos);	/* inherit: 1 */
int udp_df_arg(struct nl_req *r, int attr, const char *s);
int udp_label_arg(const char *s, uint32_t *label);	/* network order */
int udp_vni_arg(const char *s, uint32_t *vni);
void print_addr_attr(struct out *o, const struct rtattr *a, int family,
		     const char *key, const char *fmt);
void print_udp_ttl(struct out *o, const struct rtattr *inherit,
		   const struct rtattr *ttl);
void print_tos_inherit(struct out *o, unsigned int tos);
void print_udp_df(struct out *o, const struct rtattr *a);
void print_udp_label(struct out *o, const struct rtattr *a);
void print_udp_port(struct out *o, const struct rtattr *a);
/* JSON true/false, text "[no]WORD " (udpcsum and the like). */
void print_yes_no(struct out *o, const struct rtattr *a, const char *key,
		  const char *word);

/* A table-driven details printer: each attribute present is printed as
 * "TEXT VALUE " in text and "KEY": VALUE in JSON. */
enum kind_field_type {
	P_U8, P_U16, P_U32, P_U64,
	P_TIMER,	/* jiffies as seconds, print_timer */
	P_ID,		/* a bridge id: "8000.0:1b:..." */
	P_HEX,		/* u16, "0x.." */
	P_ONOFF,	/* u8 as on/off */
	P_FLAG,		/* u8: "TEXT " and true when not 0 */
	P_PRESENT,	/* "TEXT " and true when present */
	F_TEXT = 0x80,	/* names is "KEY\0TEXT": the text label differs */
};

/* 16 bytes, not 24 with a second pointer: the text label is most often
 * the JSON key, and there are a hundred of these. */
struct kind_field {
	unsigned short attr;
	unsigned char type;	/* a P_* value, maybe with F_TEXT */
	const char *names;	/* the JSON key, also the text label */
};

void print_fields(struct out *o, const struct kind_field *f, size_t n,
		  struct rtattr **tb);

/* Printing helpers for kind details. */
void print_hex_str(struct out *o, const char *key, const char *fmt,
		   unsigned long long v);

#endif
