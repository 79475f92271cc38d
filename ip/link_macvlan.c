/* type macvlan / macvtap: mode, flags, source MAC lists, broadcast queue. */
#include <string.h>
#include <linux/if_link.h>

#include "link_kind.h"
#include "usage_text.h"

/* MACVLAN_MODE_* are the bits 1 << index of these */
static const char *const modes[] = { "private", "vepa", "bridge", "passthru",
				     "source" };

static void macvlan_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_MACVLAN, kind);
}

/* A MAC of exactly 6 bytes; other lengths fail without a word, as in
 * iproute2. */
static int put_mac(struct nl_req *r, const char *arg)
{
	uint8_t mac[6];

	if (get_lladdr(mac, sizeof(mac), arg) != 6)
		return EXIT_FAIL;
	nl_put(r, IFLA_MACVLAN_MACADDR, mac, 6);
	return 0;
}

/* iproute2 cuts a word it tried as a MAC at its first ':' (it parses in
 * place), and then reads it as the next option under that name. */
static void cut_as_parsed(char *word)
{
	char *colon = strchr(word, ':');

	if (colon && !strchr(word, '.'))
		*colon = '\0';
}

/* macaddr add|del MAC, set [MAC...], flush; returns args used or -rc. */
static int macaddr_opt(struct nl_req *r, int argc, char **argv)
{
	struct rtattr *nest;
	int used = 1;

	if (argc < 2)
		return -incomplete_command();
	if (streq(argv[1], "add") || streq(argv[1], "del")) {
		if (argc < 3)
			return -incomplete_command();
		nl_put_u32(r, IFLA_MACVLAN_MACADDR_MODE, streq(argv[1], "add") ?
			   MACVLAN_MACADDR_ADD : MACVLAN_MACADDR_DEL);
		return put_mac(r, argv[2]) ? -EXIT_FAIL : 2;
	}
	if (streq(argv[1], "flush")) {
		nl_put_u32(r, IFLA_MACVLAN_MACADDR_MODE, MACVLAN_MACADDR_FLUSH);
		return 1;
	}
	if (!streq(argv[1], "set"))
		return -EXIT_FAIL - 1000;
	nl_put_u32(r, IFLA_MACVLAN_MACADDR_MODE, MACVLAN_MACADDR_SET);
	nest = link_nest(r, IFLA_MACVLAN_MACADDR_DATA);
	for (used = 2; used < argc; used++) {
		if (put_mac(r, argv[used])) {
			cut_as_parsed(argv[used]);
			break;
		}
	}
	nl_nest_end(r, nest);
	return used - 1;
}

static int mode_opt(int *mode, const char *arg)
{
	int i = must_be("mode", modes, 5, arg);

	if (i < 0)
		return EXIT_FAIL;
	*mode = 1 << i;
	return 0;
}

/* "flag X" or a bare flag word; returns the MACVLAN_FLAG_ bit, or -1. */
static int flag_word(const char *a, bool named)
{
	/* MACVLAN_FLAG_NOPROMISC is 1, MACVLAN_FLAG_NODST 2 */
	static const char *const flags[] = { "nopromisc", "nodst", "null" };
	int i;

	if (!named) {
		for (i = 0; i < 2 && !streq(a, flags[i]); i++)
			;
		return i < 2 ? 1 << i : -1;
	}
	i = must_be("flag", flags, 3, a);
	return i < 0 ? -1 : i < 2 ? 1 << i : 0;
}

/* macaddr set takes every following MAC; the first non-MAC (reported)
 * is read again as an option. */
static int bcqueuelen_opt(struct nl_req *r, const char *arg)
{
	uint32_t v;

	if (parse_u32(&v, arg, 0)) {
		pr_err("Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"%s\"\n",
		       arg);
		return EXIT_FAIL;
	}
	nl_put_u32(r, IFLA_MACVLAN_BC_QUEUE_LEN, v);
	return 0;
}

static int check_flags(const char *kind, int mode, int flags)
{
	if ((flags & MACVLAN_FLAG_NOPROMISC) && mode != MACVLAN_MODE_PASSTHRU) {
		pr_err("%s: nopromisc flag only valid in passthru mode\n",
		       kind);
		macvlan_usage(stderr, kind);
		return EXIT_FAIL;
	}
	return 0;
}

static int macvlan_parse(struct ipctx *ctx, struct nl_req *r,
			 const char *kind, int argc, char **argv)
{
	int flags = 0, mode = 0, f, n;
	bool has_flags = false;

	for (; argc > 0; argc--, argv++) {
		const char *a = argv[0];

		if (streq(a, "mode")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (mode_opt(&mode, argv[0]))
				return EXIT_FAIL;
		} else if (streq(a, "flag") || flag_word(a, false) >= 0) {
			if (streq(a, "flag") && !next_arg(&argc, &argv))
				return EXIT_USAGE;
			f = flag_word(argv[0], streq(a, "flag"));
			if (f < 0)
				return EXIT_FAIL;
			flags |= f;
			has_flags = true;
		} else if (streq(a, "macaddr")) {
			n = macaddr_opt(r, argc, argv);
			if (n == -EXIT_FAIL - 1000) {
				macvlan_usage(stderr, kind);
				return EXIT_FAIL;
			}
			if (n < 0)
				return -n;
			argc -= n;
			argv += n;
		} else if (streq(a, "bcqueuelen")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (bcqueuelen_opt(r, argv[0]))
				return EXIT_FAIL;
		} else {
			return kind_unknown(kind, "option", a, macvlan_usage);
		}
	}
	if (check_flags(kind, mode, flags))
		return EXIT_FAIL;
	/* The mode and flags go last, whatever their place on the line. */
	if (mode)
		nl_put_u32(r, IFLA_MACVLAN_MODE, mode);
	if (has_flags)
		nl_put_u16(r, IFLA_MACVLAN_FLAGS, flags);
	return EXIT_OK;
}

static void print_remotes(struct out *o, struct rtattr **tb)
{
	const struct rtattr *a;
	unsigned int left;
	char buf[64];

	if (!tb[IFLA_MACVLAN_MACADDR_COUNT])
		return;
	out_uint(o, OUT_ANY, "macaddr_count", "remotes (%u) ",
		 nl_attr_u32(tb[IFLA_MACVLAN_MACADDR_COUNT]));
	if (!tb[IFLA_MACVLAN_MACADDR_DATA])
		return;
	out_arr_open(o, "macaddr_data");
	left = nl_attr_len(tb[IFLA_MACVLAN_MACADDR_DATA]);
	for (a = nl_attr_data(tb[IFLA_MACVLAN_MACADDR_DATA]); RTA_OK(a, left);
	     a = nl_attr_next(a, &left)) {
		if (a->rta_type != IFLA_MACVLAN_MACADDR || nl_attr_len(a) < 6)
			continue;
		format_lladdr(nl_attr_data(a), 6, buf, sizeof(buf));
		out_str(o, OUT_ANY, NULL, "%s ", buf);
	}
	out_arr_close(o);
}

static const struct kind_field queue_lens[] = {
	{ IFLA_MACVLAN_BC_QUEUE_LEN, P_U32, "bcqueuelen" },
	{ IFLA_MACVLAN_BC_QUEUE_LEN_USED, P_U32, "usedbcqueuelen" },
};

static void macvlan_print(struct ipctx *ctx, const struct rtattr *data)
{
	struct rtattr *tb[IFLA_MACVLAN_MAX + 1];
	struct out *o = &ctx->out;
	const char *mode = "unknown";
	unsigned int flags;
	size_t i;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_MACVLAN_MAX, data);
	if (!tb[IFLA_MACVLAN_MODE] || nl_attr_len(tb[IFLA_MACVLAN_MODE]) < 4)
		return;
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (1u << i == nl_attr_u32(tb[IFLA_MACVLAN_MODE]))
			mode = modes[i];
	out_str(o, OUT_ANY, "mode", "mode %s ", mode);
	flags = nl_attr_u16(tb[IFLA_MACVLAN_FLAGS]);
	if (flags & MACVLAN_FLAG_NOPROMISC)
		out_bool(o, OUT_ANY, "nopromisc", "nopromisc ", true);
	if (flags & MACVLAN_FLAG_NODST)
		out_bool(o, OUT_ANY, "nodst", "nodst ", true);
	print_fields(o, queue_lens, 2, tb);
	if (nl_attr_u32(tb[IFLA_MACVLAN_MODE]) == MACVLAN_MODE_SOURCE)
		print_remotes(o, tb);
}

const struct link_kind macvlan_kind = {
	.name = "macvlan",
	.parse = macvlan_parse,
	.print = macvlan_print,
	.usage = macvlan_usage,
};

const struct link_kind macvtap_kind = {
	.name = "macvtap",
	.parse = macvlan_parse,
	.print = macvlan_print,
	.usage = macvlan_usage,
};
