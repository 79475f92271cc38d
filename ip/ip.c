/* ip: global options, object dispatch and the batch loop. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/if_ether.h>

#include "ip.h"
#include "usage_text.h"

#ifndef IP_VERSION
#define IP_VERSION "0.1"
#endif

/* The OBJECT list ends on a line of its own after the one it starts on:
 * iproute2's bash completion takes the objects from "OBJECT := " to the next
 * line holding "}" (a sed range, which never ends on its first line). */
static int usage(void)
{
	usage_print(stderr, USAGE_IP);
	return EXIT_USAGE;
}

static int do_help(struct ipctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	return usage();
}

struct object {
	const char *name;
	int (*run)(struct ipctx *ctx, int argc, char **argv);
};

/* The reference's objects in the reference's order, so that abbreviations
 * resolve the same way ("ip n" is neighbor, not netns); NULL: not ours. */
static const struct object objects[] = {
	{ "address", do_addr },
	{ "addrlabel", NULL },
	{ "maddress", do_maddr },
	{ "route", do_route },
	{ "rule", do_rule },
	{ "neighbor", do_neigh },
	{ "neighbour", do_neigh },
	{ "ntable", NULL },
	{ "ntbl", NULL },
	{ "link", do_link },
	{ "l2tp", NULL },
	{ "fou", NULL },
	{ "ila", NULL },
	{ "macsec", NULL },
	{ "tunnel", do_tunnel },
	{ "tunl", do_tunnel },
	{ "tuntap", do_tuntap },
	{ "tap", do_tuntap },
	{ "token", NULL },
	{ "tcpmetrics", NULL },
	{ "monitor", do_monitor },
	{ "xfrm", NULL },
	{ "mroute", NULL },
	{ "mrule", NULL },
	{ "netns", do_netns },
	{ "netconf", NULL },
	{ "vrf", NULL },
	{ "sr", NULL },
	{ "nexthop", do_nexthop },
	{ "mptcp", NULL },
	{ "ioam", NULL },
	{ "help", do_help },
	{ "stats", NULL },
	{ "amt", NULL },
};

static int do_cmd(struct ipctx *ctx, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		if (!matches(argv[0], objects[i].name))
			continue;
		if (!objects[i].run) {
			pr_err(
				"Object \"%s\" is not supported by this ip, try \"ip help\".\n",
				objects[i].name);
			return EXIT_FAIL;
		}
		return objects[i].run(ctx, argc - 1, argv + 1);
	}
	pr_err("Object \"%s\" is unknown, try \"ip help\".\n", argv[0]);
	return EXIT_FAIL;
}

/* The batch argv grows as needed and is reused from line to line. */
struct batch_args {
	char **v;
	size_t cap;
};

static int push_arg(struct batch_args *a, size_t n, char *word)
{
	if (n + 1 >= a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 32;
		char **v = realloc(a->v, cap * sizeof(*v));

		if (!v)
			return -1;
		a->v = v;
		a->cap = cap;
	}
	a->v[n] = word;
	a->v[n + 1] = NULL;
	return 0;
}

/* Split a batch line in place as the reference does: '#' anywhere ends the
 * line (even inside quotes), blanks separate words, a quote opens a word only
 * at its start and its closing quote also ends the word; no escapes.
 * Returns the word count, -1 for an unterminated quote, -2 out of memory. */
static int split_line(char *line, struct batch_args *a)
{
	static const char blanks[] = " \t\r\n";
	char *p = line;
	size_t n = 0;

	p[strcspn(p, "#")] = '\0';
	for (;;) {
		char *start, quote = 0;

		p += strspn(p, blanks);
		if (!*p)
			break;
		if (*p == '"' || *p == '\'')
			quote = *p++;
		start = p;
		if (quote) {
			p = strchr(p, quote);
			if (!p)
				return -1;
		} else {
			p += strcspn(p, blanks);
		}
		if (*p)
			*p++ = '\0';
		if (push_arg(a, n++, start))
			return -2;
	}
	return (int)n;
}

/* Read one logical line; a backslash right before the newline joins the next
 * physical line.  *lineno ends on the last physical line, as the reference
 * reports it. */
static ssize_t read_logical_line(char **line, size_t *cap, FILE *f, int *lineno)
{
	ssize_t n = getline(line, cap, f);
	char *more = NULL;
	size_t mcap = 0;

	if (n < 0)
		return n;
	(*lineno)++;
	while (n >= 2 && (*line)[n - 1] == '\n' && (*line)[n - 2] == '\\') {
		ssize_t m = getline(&more, &mcap, f);

		n -= 2;
		(*line)[n] = '\0';
		if (m < 0)
			break;
		(*lineno)++;
		if ((size_t)(n + m + 1) > *cap) {
			char *grown = realloc(*line, n + m + 1);

			if (!grown)
				break;
			*line = grown;
			*cap = n + m + 1;
		}
		memcpy(*line + n, more, m + 1);
		n += m;
	}
	free(more);
	return n;
}

/* One batch line; returns <0 to end the batch with -(exit code). */
static int run_batch_line(struct ipctx *ctx, struct batch_args *a, char *line,
			  const char *name, int lineno)
{
	int argc = split_line(line, a), rc;

	if (argc == -1) {
		pr_err("Unterminated quoted string\n");
		return -EXIT_FAIL;
	}
	if (argc < 0) {
		pr_err("Cannot allocate memory\n");
		return -EXIT_FAIL;
	}
	if (!argc)
		return EXIT_OK;
	ctx->batch_line = lineno;
	ctx->soft_255 = false;
	rc = do_cmd(ctx, argc, a->v);
	out_flush(&ctx->out);
	ctx_reset(ctx);
	/* Usage errors end the batch, even with -force, and so do the
	 * errors after which the reference exits. */
	if ((rc == EXIT_USAGE && !ctx->soft_255) || (rc && exit_asked()))
		return -rc;
	if (rc) {
		pr_err("Command failed %s:%d\n", name, lineno);
		return ctx->force ? EXIT_FAIL : -EXIT_FAIL;
	}
	return EXIT_OK;
}

static int do_batch(struct ipctx *ctx, const char *name)
{
	FILE *f = streq(name, "-") ? stdin : fopen(name, "re");
	struct batch_args args = { 0 };
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, ret = EXIT_OK;

	if (!f) {
		pr_err("Cannot open file \"%s\" for reading: %s\n", name,
		       err_text(errno));
		return EXIT_FAIL;
	}
	ctx->batch_file = name;
	while (read_logical_line(&line, &cap, f, &lineno) >= 0) {
		int rc = run_batch_line(ctx, &args, line, name, lineno);

		if (rc < 0) {
			ret = -rc;
			break;
		}
		if (rc)
			ret = rc;
	}
	free(args.v);
	free(line);
	if (f != stdin)
		fclose(f);
	return ret;
}

struct opts {
	const char *batch;
	enum out_color_mode color;
	bool json, pretty, oneline;
};

/* The global options in the order the reference tries them, which decides
 * what an abbreviation means: "-h" is -human, "-b" is -batch, "-" is -loops. */
enum opt_id {
	O_LOOPS, O_FAMILY, O_4, O_6, O_0, O_MPLS, O_BRIDGE, O_HUMAN, O_HUMAN2,
	O_IEC, O_STATS, O_STATS2, O_DETAILS, O_RESOLVE, O_ONELINE, O_TSTAMP,
	O_TSHORT, O_VERSION, O_FORCE, O_BATCH, O_RCVBUF, O_COLOR, O_HELP,
	O_NETNS, O_NUMERIC, O_ALL, O_JSON, O_PRETTY, O_BRIEF, O_ECHO,
};

/* Their words, in enum opt_id's order, as one string (30 pointers and
 * padding cost more than the words). */
static const char option_words[] =
	"-loops\0-family\0-4\0-6\0-0\0-M\0-B\0-human\0-human-readable\0"
	"-iec\0-stats\0-statistics\0-details\0-resolve\0-oneline\0"
	"-timestamp\0-tshort\0-Version\0-force\0-batch\0-rcvbuf\0-color\0"
	"-help\0-netns\0-Numeric\0-all\0-json\0-pretty\0-brief\0-echo";

/* -4, -6, ... have no abbreviation to speak of, and -echo is exact in
 * iproute2 too. */
static bool option_exact(int id)
{
	return (id >= O_4 && id <= O_BRIDGE) || id == O_ECHO;
}

/* Those that take the next argument. */
static bool option_has_value(int id)
{
	return id == O_LOOPS || id == O_FAMILY || id == O_BATCH ||
	       id == O_RCVBUF || id == O_NETNS;
}

/* -c[olor][=always|auto|never]: the word before '=' must abbreviate -color;
 * an empty value means always. */
static bool parse_color_opt(const char *opt, enum out_color_mode *mode)
{
	const char *eq = strchr(opt, '=');
	size_t n = eq ? (size_t)(eq - opt) : strlen(opt);

	if (!n || n > strlen("-color") || strncmp(opt, "-color", n))
		return false;
	if (!eq || !eq[1] || streq(eq + 1, "always"))
		*mode = COLOR_ALWAYS;
	else if (streq(eq + 1, "auto"))
		*mode = COLOR_AUTO;
	else if (streq(eq + 1, "never"))
		*mode = COLOR_NEVER;
	else
		return false;
	return true;
}

/* The option's enum opt_id, or -1. */
static int find_option(const char *opt, enum out_color_mode *color)
{
	const char *w = option_words;
	int id;

	for (id = 0; id <= O_ECHO; id++, w += strlen(w) + 1) {
		if (id == O_COLOR) {
			if (parse_color_opt(opt, color))
				return id;
		} else if (option_exact(id) ? streq(opt, w) : matches(opt, w)) {
			return id;
		}
	}
	return -1;
}

/* An option with its value; returns 0, or -(exit code) to stop. */
static int apply_value_opt(struct ipctx *ctx, struct opts *o, int id,
			   const char *val)
{
	uint32_t size;
	int fam;

	switch (id) {
	case O_LOOPS:
		ctx->loops = (int)strtol(val, NULL, 10);	/* glibc's atoi() */
		break;
	case O_FAMILY:
		if (streq(val, "help"))
			return -usage();
		fam = family_of_word(val);
		if (fam == AF_UNSPEC)
			return -invarg("invalid protocol family", val);
		ctx->family = fam;
		break;
	case O_RCVBUF:
		if (parse_u32(&size, val, 0)) {
			pr_err("Invalid rcvbuf size '%s'\n", val);
			return -EXIT_USAGE;
		}
		break;
	case O_NETNS:
		ctx->netns = val;
		break;
	default:
		o->batch = val;
	}
	return 0;
}

static const unsigned char family_of[] = {
	[O_4] = AF_INET, [O_6] = AF_INET6, [O_0] = AF_PACKET,
	[O_MPLS] = AF_MPLS, [O_BRIDGE] = AF_BRIDGE,
};

static void apply_flag_opt(struct ipctx *ctx, struct opts *o, int id)
{
	switch (id) {
	case O_4: case O_6: case O_0: case O_MPLS: case O_BRIDGE:
		ctx->family = family_of[id];
		break;
	case O_HUMAN: case O_HUMAN2:
		ctx->human = true;
		break;
	case O_IEC:
		ctx->iec = true;
		break;
	case O_STATS: case O_STATS2:
		ctx->stats++;
		break;
	case O_DETAILS:
		ctx->details++;
		break;
	case O_RESOLVE:
		ctx->resolve = true;
		break;
	case O_ONELINE:
		o->oneline = true;
		break;
	case O_TSTAMP: case O_TSHORT:
		ctx->timestamp = true;
		if (id == O_TSHORT)
			ctx->tshort = true;
		break;
	case O_FORCE:
		ctx->force = true;
		break;
	case O_NUMERIC:
		ctx->numeric = true;
		break;
	case O_ALL:
		ctx->all = true;
		break;
	case O_JSON:
		o->json = true;
		break;
	case O_PRETTY:
		o->pretty = true;
		break;
	case O_BRIEF:
		ctx->brief = true;
		break;
	case O_ECHO:
		ctx->echo = true;
		break;
	}
}

/* Sentinel for "-V": print the version and exit 0. */
#define DONE_OK (-1000)

/* Returns the index of the first non-option argument, DONE_OK, or
 * -(exit code). */
static int parse_options(struct ipctx *ctx, struct opts *o, int argc,
			 char **argv)
{
	int i = 1;

	while (i < argc && argv[i][0] == '-') {
		const char *opt = argv[i];
		int id;

		if (streq(opt, "--"))
			return i + 1;
		if (opt[1] == '-')
			opt++;
		id = find_option(opt, &o->color);
		if (id < 0) {
			pr_err("Option \"%s\" is unknown, try \"ip -help\".\n",
			       opt);
			return -EXIT_USAGE;
		}
		if (id == O_VERSION) {
			out_plain(&ctx->out, "ip utility, iproute2-6.1.0 compatible, ip "
				  IP_VERSION "\n");
			return DONE_OK;
		}
		if (id == O_HELP)
			return -usage();
		if (option_has_value(id)) {
			int r;

			if (++i >= argc)
				return -usage();
			r = apply_value_opt(ctx, o, id, argv[i]);
			if (r)
				return r;
		} else {
			apply_flag_opt(ctx, o, id);
		}
		i++;
	}
	return i;
}

/* Started with fd 0, 1 or 2 closed, the netlink socket (or a file ip opens)
 * would take the number: the listing would be written into the socket as a
 * request to the kernel, which is what the reference does.  Hold the numbers
 * with read-only descriptors: writes to them still fail with EBADF, so a
 * closed stdout is still reported below.  No /dev in an initramfs: "/". */
static void hold_std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		if (open("/dev/null", O_RDONLY) < 0 &&
		    open("/", O_RDONLY | O_DIRECTORY) < 0)
			return;
	}
}

/* The end of the output: returns the exit code.  A reader that went away
 * (EPIPE: `ip link | head -1` where SIGPIPE is ignored) ends quietly with the
 * command's status, as the reference does.  Other lost output (a full disk,
 * a closed stdout) is an error here; the reference exits 0 and the output is
 * gone without a word (README, differences). */
static int finish_output(struct out *o, int rc)
{
	if (!out_flush(o) || o->err == -EPIPE || rc)
		return rc;
	pr_err("Error writing output: %s\n", err_text(-o->err));
	return EXIT_FAIL;
}

int main(int argc, char **argv)
{
	struct ipctx ctx = { .family = AF_UNSPEC, .loops = 10 };
	struct opts o = { .color = COLOR_NEVER };
	int first, rc;

	hold_std_fds();
	out_init(&ctx.out, stdout);
	first = parse_options(&ctx, &o, argc, argv);
	if (first == DONE_OK)
		return finish_output(&ctx.out, EXIT_OK);
	if (first < 0)
		return -first;
	ctx.out.json = o.json;
	ctx.out.pretty = o.pretty && o.json;
	ctx.out.oneline = o.oneline;
	out_set_color(&ctx.out, o.color);
	if (ctx.netns && netns_switch(&ctx, ctx.netns))
		return EXIT_USAGE;
	if (o.batch)
		rc = do_batch(&ctx, o.batch);
	else if (first < argc)
		rc = do_cmd(&ctx, argc - first, argv + first);
	else
		rc = usage();
	rc = finish_output(&ctx.out, rc);
	ll_cache_free(&ctx);
	if (ctx.nl_open)
		nl_close(&ctx.nl);
	return rc;
}
