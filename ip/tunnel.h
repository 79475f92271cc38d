/* ip tunnel: what the IPv4 (tunnel.c) and IPv6 (tunnel6.c) halves share.
 * Both drive the kernel's tunnel ioctls on the devices themselves (the base
 * devices gre0, tunl0, sit0, ip6tnl0, ... for add), as the reference does. */
#ifndef TUNNEL_H
#define TUNNEL_H

#include "ip.h"

/* One ioctl on device dev with a socket of family; 0 or -errno. */
int tnl_ioctl(int family, unsigned long cmd, const char *dev, void *data);
/* "get tunnel", "add tunnel", ... failures, worded as the reference. */
int tnl_get(int family, const char *dev, void *parm);
int tnl_add(int family, unsigned long cmd, const char *basedev,
	    const char *name, void *parm);
int tnl_del(int family, const char *dev, void *parm);

/* The "mode" words of both families: the protocol inside, and the family
 * of the outer header. */
struct tnl_mode {
	const char *name;
	uint8_t family, proto;
} __attribute__((packed));	/* 10 bytes an entry, not 16 */
/* The mode called m in family, or NULL. */
const struct tnl_mode *tnl_mode_find(const char *m, int family);
/* The same, with the reference's message when there is none. */
int tnl_mode_proto(const char *m, int family);

/* The keywords that take a value, in either family. */
enum { T_MODE, T_REMOTE, T_LOCAL, T_DEV, T_KEY, T_TTL, T_TOS, T_ENCAP,
       T_FLOW, T_DSCP };
/* The T_* of keyword w in family, or -1 for a word that is no keyword. */
int tnl_value_word(const char *w, int family);

/* key, ikey, okey: a number or a dotted quad, in network order. */
int tnl_key(uint32_t *key, const char *word, const char *arg);
/* key, ikey, okey with their value, into either family's parameters. */
int tnl_key_word(const char *w, const char *v, uint16_t *iflags,
		 uint16_t *oflags, uint32_t *ikey, uint32_t *okey);
/* A word that is no keyword: the name ("name NAME" or NAME; "help" prints
 * usage).  0, or an exit code. */
int tnl_name_word(int *argc, char ***argv, char *name, int (*usage)(void));
/* GRE flag words (seq, iseq, ..., csum); false when word is none of them. */
bool tnl_gre_flag(const char *word, uint16_t *iflags, uint16_t *oflags);
/* The head of a tunnel's line: "NAME: PROTO/outer " ("ip" or "ipv6"). */
void tnl_print_head(struct out *o, const char *name, int proto,
		    const char *outer);
/* The index of "dev PHYS_DEV" into *link: 0, or EXIT_FAIL said. */
int tnl_link(struct ipctx *ctx, const char *dev, int *link);
void tnl_print_keys(struct out *o, int proto, uint16_t iflags,
		    uint16_t oflags, uint32_t ikey, uint32_t okey);

/* The listing: links of the given ARPHRD types, each asked for its
 * parameters; get fills the parameters of one device (quietly: 0 or -1),
 * match says whether the filter keeps them, print prints them. */
struct tnl_list {
	const unsigned short *types;	/* ends with 0 */
	const char *name;		/* filter by name, or "" */
	int (*get)(struct ipctx *ctx, const char *dev, void *parm);
	bool (*match)(const void *filter, const void *parm);
	void (*print)(struct ipctx *ctx, const void *parm);
	const void *filter;
	void *parm;
};
int tnl_list(struct ipctx *ctx, int family, struct tnl_list *l);
/* After one tunnel: its counters with -s, then the end of its line. */
void tnl_end(struct ipctx *ctx, const struct rtattr *stats64);

/* One tunnel asked for by its name or mode: the reference prints it as
 * text whatever the output mode, without counters, then end. */
void tnl_print_one(struct ipctx *ctx,
		   void (*print)(struct ipctx *ctx, const void *parm),
		   const void *parm, const char *end);

/* The IPv6 half's commands (do_tunnel dispatches both halves). */
int tnl6_usage(void);
int tnl6_add(struct ipctx *ctx, int argc, char **argv, unsigned long cmd);
int tnl6_del(struct ipctx *ctx, int argc, char **argv);
int tnl6_show(struct ipctx *ctx, int argc, char **argv);

#endif
