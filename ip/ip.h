/* Shared declarations of the command layer. */
#ifndef IP_H
#define IP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "nl.h"
#include "out.h"
#include "util.h"

/* Exit codes of the reference. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* local failure: no such device, ... */
	EXIT_KERNEL = 2,	/* the kernel refused */
	EXIT_USAGE = 255,	/* bad command line */
};

struct link_cache;

/* Everything a command needs, passed down instead of globals. */
struct ipctx {
	int family;		/* AF_UNSPEC, AF_INET, AF_INET6, AF_PACKET, ... */
	int stats;		/* -s, counted */
	int details;		/* -d, counted */
	bool human;		/* -h */
	bool iec;		/* -iec */
	bool resolve;		/* -r */
	bool numeric;		/* -N */
	bool brief;		/* -br */
	bool force;		/* -force */
	bool all;		/* -a / -all */
	bool echo;		/* -echo: print what the kernel made or removed */
	bool soft_255;		/* exit 255 that the reference returns
				 * rather than exits with: a batch goes on */
	bool timestamp;		/* -t */
	bool tshort;		/* -ts: the short form on the event's line */
	int loops;		/* -l */
	const char *netns;	/* -n */
	const char *batch_file;
	int batch_line;
	struct out out;
	struct nl_sock nl;
	bool nl_open;
	struct link_cache *links;
	struct nsid_memo *nsid_memo;	/* see netns_name_of */
	/* Second socket for link lookups made while `nl` is reading a dump. */
	struct nl_sock nl_lookup;
	bool nl_lookup_open;
	/* ll_index's last answer, kept across batch lines while no link
	 * request was sent (nl.link_changes is still memo_gen). */
	char memo_name[16];
	int memo_index;
	uint32_t memo_gen;
	/* The link a link dump is handing to its callback, and its
	 * attributes, parsed (see ctx_link_attrs). */
	const struct nlmsghdr *link_msg;
	struct rtattr **link_tb;
};

/* ip/common.c */
/* A route netlink socket of a command's own; 0, or -errno after the
 * reference's words. */
int rtnl_open(struct nl_sock *s);
struct nl_sock *ctx_nl(struct ipctx *ctx);
/* ctx_nl, or a second socket while a callback reads the first's replies. */
struct nl_sock *ctx_lookup_nl(struct ipctx *ctx);
void ctx_reset(struct ipctx *ctx);
/* Print a kernel error as the reference does; returns EXIT_KERNEL. */
int nl_report(struct ipctx *ctx, int err);
/* The same for a request made on socket s (a second one, during a dump). */
int nl_report_sock(const struct nl_sock *s, int err);
void nl_warn(struct ipctx *ctx);
/* Request with ack; prints errors and warnings; returns an exit code. */
int ctx_talk(struct ipctx *ctx, struct nl_req *r, nl_cb cb, void *arg);
int ctx_dump(struct ipctx *ctx, struct nl_req *r, nl_cb cb, void *arg);
/* ctx_talk for add/change/delete requests: with -echo the kernel's copy
 * of the object goes to print, or NULL when it sent none (see common.c). */
typedef void (*echo_print_fn)(struct ipctx *ctx, struct nlmsghdr *nlh);
int ctx_talk_echo(struct ipctx *ctx, struct nl_req *r, echo_print_fn print);
/* The reference's warning after a dump the kernel marked interrupted. */
void warn_dump_intr(const struct nl_sock *s);
/* After nl_dump failed with err: the reference's messages for each cause
 * (receive error, NLMSG_ERROR, NLMSG_DONE error, truncated datagram) and
 * "Dump terminated"; returns the exit code.  For dump loops of their own. */
int dump_failed(struct nl_sock *s, int err);

/* A flush deletes what its dump lists, in batches of requests sent as one
 * datagram without acks, of the reference's size (so as many rounds). */
enum { FLUSH_BUF = 4096 - 512 };
struct flush_batch {
	union {
		struct nlmsghdr align;
		char buf[FLUSH_BUF];
	};
	size_t used;
	int count;		/* requests added this round */
};
/* Add nlh as a request of `type`, sending the batch first when full. */
int flush_batch_add(struct ipctx *ctx, struct flush_batch *b,
		    const struct nlmsghdr *nlh, uint16_t type);
/* Send what is batched; an error is said ("Failed to send flush
 * request") and returned as -errno.  Answers (errors only) are skipped. */
int flush_batch_send(struct ipctx *ctx, struct flush_batch *b);

/* Usage errors, each printing the reference's text; all return EXIT_USAGE. */
int invarg(const char *msg, const char *arg);
int duparg(const char *key, const char *arg);
int duparg2(const char *key, const char *arg);
int incomplete_command(void);
int missarg(const char *key);
/* The tclass and flowlabel bits of an IPv6 flowinfo word (host order). */
#define IP6_TCLASS_MASK 0x0ff00000u
#define IP6_LABEL_MASK 0x000fffffu
/* tclass or flowlabel (label) of the IPv6 tunnels, ip link's and ip
 * tunnel's alike: "inherit" sets its IP6_TNL_F_USE_ORIG_* bit in *flags,
 * a hex number goes into its bits of *flowinfo (network order) and clears
 * that bit.  0, or the reference's usage error. */
int flowinfo_word(uint32_t *flowinfo, uint32_t *flags, const char *arg,
		  bool label);
/* "list", "show" or "lst", each abbreviated as far as one likes. */
bool is_list_verb(const char *v);
/* "Command CMD is unknown, try ip OBJECT help." */
int unknown_command(const char *object, const char *cmd);
/* Where the reference calls exit() in the middle of a command: a batch
 * ends there, with rc and without "Command failed".  A process-wide mark,
 * as exit() is: the address parsers that print these errors have no
 * context to carry it. */
int exit_now(int rc);
bool exit_asked(void);
/* "Error: inet6 prefix is expected rather than "x"." (what: "address" or
 * "prefix"; family AF_UNSPEC: "any valid"), and "Error: an IP address is
 * expected rather than "x"": errors after which the reference exits, so
 * both return exit_now(EXIT_FAIL). */
int addr_expected(int family, const char *what, const char *arg);
/* A family's name in listings: "inet", "inet6", "link", ..., "???". */
const char *family_name(int family);
int ip_expected(const char *arg);
/* Parsing helpers over argv. */
bool next_arg(int *argc, char ***argv);

/* Link lookups: by name (or alternative name) with one RTM_GETLINK, by index
 * through a hash. */
int ll_index(struct ipctx *ctx, const char *name);	/* 0 when absent */
void put_ifname(struct nl_req *r, const char *name);	/* for a lookup */
const char *ll_name(struct ipctx *ctx, int ifindex);	/* NULL when absent */
/* "ifN" placeholder for unknown indexes, like the reference. */
const char *ll_name_or_num(struct ipctx *ctx, int ifindex, char *buf,
			   size_t size);
/* A dump will join many objects with links: keep lookups cheap (names are
 * asked one by one at first, then every link is loaded with one dump). */
int ll_cache_fill(struct ipctx *ctx);
/* Remember a link seen in a dump (name, type, flags). */
void ll_cache_note(struct ipctx *ctx, const struct nlmsghdr *nlh);
/* In a callback of a link dump (ctx_dump): the attributes of the link it
 * was given, parsed by IFLA_ type (NULL for another message). */
struct rtattr **ctx_link_attrs(struct ipctx *ctx, const struct nlmsghdr *nlh);
void ll_cache_forget(struct ipctx *ctx, int ifindex);
int ll_cache_preload(struct ipctx *ctx);
unsigned int ll_flags(struct ipctx *ctx, int ifindex);
/* name_of(), or the bare number under -N. */
const char *ctx_name_of(struct ipctx *ctx, enum name_table t, uint32_t id,
			char *buf, size_t size);
void ll_cache_free(struct ipctx *ctx);
unsigned short ll_type(struct ipctx *ctx, int ifindex);
/* A link-layer address in the reference's text for a link of this type. */
const char *ll_addr_text(const struct rtattr *a, unsigned short type,
			 char *buf, size_t size);
/* An RTM_NEWLINK message's IFLA_INFO_KIND ("" when none) and
 * IFLA_INFO_DATA (NULL when none); false for any other message.  The
 * GETLINK callbacks that look at a link's kind share it. */
bool link_msg_kind(const struct nlmsghdr *nlh, const char **kind,
		   const struct rtattr **data);
/* One RTM_GETLINK: is NAME a link of this kind ("vrf")? */
bool ll_is_kind(struct ipctx *ctx, const char *name, const char *kind);
bool check_ifname(const char *name);
int family_of_word(const char *s);	/* "inet" ... or AF_UNSPEC */
int group_id(const char *s, uint32_t *id);
int get_lladdr(uint8_t *out, size_t max, const char *arg);
/* The name under /run/netns of the namespace this one knows as nsid (its
 * own socket: callable while a dump is read); false when none has it. */
bool netns_name_of(struct ipctx *ctx, int nsid, char *buf, size_t size);
/* ip monitor: names once found are kept until nsid_memo_free. */
void nsid_memo_start(struct ipctx *ctx);
void nsid_memo_free(struct ipctx *ctx);
/* The nsid this namespace gives to the namespace behind fd, or -1. */
int nsid_of_fd(struct nl_sock *s, int fd);
/* The table of the VRF device NAME; 0 when it is not a VRF. */
uint32_t vrf_table(struct ipctx *ctx, const char *name);
/* showdump and restore: each saved message to fn until end of file;
 * -1 (said on stderr) for a broken stream, or fn's negative value. */
/* save: the magic word (EXIT_FAIL, said, to a terminal or on a failed
 * write); restore and showdump: check it (-1, said, from a terminal or
 * for another word; `what` names the dump: "route", "rule", ...). */
int saved_magic_write(struct ipctx *ctx, uint32_t magic);
/* Send a saved message as it is (fresh sequence number); 0 or -errno
 * from its ack, said by nobody. */
int ctx_talk_raw(struct ipctx *ctx, struct nlmsghdr *nlh);
int saved_magic_check(FILE *in, uint32_t want, const char *what);
typedef int (*saved_msg_fn)(struct ipctx *ctx, struct nlmsghdr *nlh, void *arg);
int saved_msgs_read(FILE *in, struct ipctx *ctx, saved_msg_fn fn, void *arg);

/* Objects. */
int do_link(struct ipctx *ctx, int argc, char **argv);
int do_addr(struct ipctx *ctx, int argc, char **argv);
int do_route(struct ipctx *ctx, int argc, char **argv);
int do_netns(struct ipctx *ctx, int argc, char **argv);
int do_monitor(struct ipctx *ctx, int argc, char **argv);
int do_tuntap(struct ipctx *ctx, int argc, char **argv);
int do_maddr(struct ipctx *ctx, int argc, char **argv);
int do_rule(struct ipctx *ctx, int argc, char **argv);

/* ip/rule_show.c: one rule message (RTM_NEWRULE, or RTM_DELRULE printed
 * "Deleted ..."), unfiltered, in the current output mode; -EBADMSG for a
 * message that is not one (for ip monitor). */
int print_rule(struct ipctx *ctx, struct nlmsghdr *nlh);
int do_neigh(struct ipctx *ctx, int argc, char **argv);
int do_nexthop(struct ipctx *ctx, int argc, char **argv);
int do_tunnel(struct ipctx *ctx, int argc, char **argv);

/* ip/link.c: one link, in the current output mode. */
int print_link(struct ipctx *ctx, struct nlmsghdr *nlh);
/* ip address prints a link in three steps, with its addresses between the
 * head (which opens the JSON object) and the end (which closes it):
 *   print_link_begin(ctx, nlh, LINK_IN_ADDR); ...addresses...;
 *   if (ctx->stats) print_link_stats(ctx, nlh); print_link_end(ctx);
 * LINK_IN_ADDR drops what ip address leaves out of the head ("mode ..."),
 * and, when ctx->family is neither AF_UNSPEC nor AF_PACKET (ip -4/-6 addr,
 * "to PREFIX"), the link/ether line (kept with -d); in -br mode it prints
 * only name and state unless ctx->family is AF_PACKET (ip -br -0 addr). */
enum { LINK_IN_ADDR = 1, LINK_ECHO = 2, LINK_DELETED = 4 };
/* -echo: the head of ip monitor ("Deleted " first for a removed link, no
 * qlen), like LINK_IN_ADDR otherwise; nothing for NULL. */
void print_link_echo(struct ipctx *ctx, struct nlmsghdr *nlh);
int print_link_begin(struct ipctx *ctx, struct nlmsghdr *nlh, unsigned int how);
void print_link_stats(struct ipctx *ctx, struct nlmsghdr *nlh);
void print_link_end(struct ipctx *ctx);
/* Pieces the brief address listing shares. */
void print_link_flags(struct out *o, unsigned int flags);
const char *oper_name(unsigned int state, char *buf, size_t size);
const char *ll_type_name(struct ipctx *ctx, unsigned short type, char *buf,
			 size_t size);
/* ip/neigh.c: one neighbour message (RTM_NEWNEIGH, or RTM_DELNEIGH as
 * "Deleted ...", RTM_GETNEIGH as "miss ...") in the current output mode,
 * for ip monitor ("dev" left out when it filters on one). */
int print_neigh(struct ipctx *ctx, struct nlmsghdr *nlh, bool show_dev);
/* ip/netns.c: enter the named namespace (for -n); prints its own error. */
int netns_switch(struct ipctx *ctx, const char *name);
/* ip/netns.c: an fd of the namespace NAME (/run/netns/NAME, or a path when NAME
 * has a '/'), for IFLA_NET_NS_FD; -errno when it cannot be opened. */
int netns_open(const char *name);
/* ip/addr.c: one address message as ip monitor shows it ("Deleted " first
 * for a removal, "index: dev" before it). */
void print_addr_msg(struct ipctx *ctx, struct nlmsghdr *nlh);
/* ip/netconf.c: one netconf message, as ip monitor shows it. */
void print_netconf(struct ipctx *ctx, struct nlmsghdr *nlh);

#endif
