/* ip: global options, object dispatch and the batch loop. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_ether.h>

#include "ip.h"

#ifndef IP_VERSION
#define IP_VERSION "0.1"
#endif

static int usage(void)
{
	fprintf(stderr,
		"Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"       ip [ -force ] -batch filename\n"
		"where  OBJECT := { address | help | link | netns | route }\n"
		"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
		"                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n"
		"                    -f[amily] { inet | inet6 | link } |\n"
		"                    -4 | -6 | -0 |\n"
		"                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n"
		"                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
		"                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n"
		"                    -c[olor]}\n");
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
	{ "address", do_addr },	{ "addrlabel", NULL },	{ "maddress", NULL },
	{ "route", do_route },	{ "rule", NULL },	{ "neighbor", NULL },
	{ "neighbour", NULL },	{ "ntable", NULL },	{ "ntbl", NULL },
	{ "link", do_link },	{ "l2tp", NULL },	{ "fou", NULL },
	{ "ila", NULL },	{ "macsec", NULL },	{ "tunnel", NULL },
	{ "tuntap", NULL },	{ "tap", NULL },	{ "token", NULL },
	{ "tcpmetrics", NULL },	{ "monitor", NULL },	{ "xfrm", NULL },
	{ "mroute", NULL },	{ "mrule", NULL },	{ "netns", do_netns },
	{ "netconf", NULL },	{ "vrf", NULL },	{ "sr", NULL },
	{ "nexthop", NULL },	{ "mptcp", NULL },	{ "ioam", NULL },
	{ "help", do_help },	{ "stats", NULL },	{ "amt", NULL },
};

static int do_cmd(struct ipctx *ctx, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		if (!matches(argv[0], objects[i].name))
			continue;
		if (!objects[i].run) {
			fprintf(stderr,
				"Object \"%s\" is not supported by this ip, try \"ip help\".\n",
				objects[i].name);
			return EXIT_FAIL;
		}
		return objects[i].run(ctx, argc - 1, argv + 1);
	}
	fprintf(stderr, "Object \"%s\" is unknown, try \"ip help\".\n", argv[0]);
	return EXIT_FAIL;
}

/* Split a batch line in place: blanks separate, quotes group, '#' ends. */
static int split_line(char *line, char **argv, int max)
{
	int argc = 0;
	char *p = line;

	while (*p) {
		char *start, quote = 0;

		p += strspn(p, " \t\r\n");
		if (!*p || *p == '#')
			break;
		if (*p == '"' || *p == '\'')
			quote = *p++;
		start = p;
		if (quote) {
			p = strchr(p, quote);
			if (!p)
				p = start + strlen(start);
		} else {
			p += strcspn(p, " \t\r\n");
		}
		if (*p)
			*p++ = '\0';
		if (argc >= max - 1)
			break;
		argv[argc++] = start;
	}
	argv[argc] = NULL;
	return argc;
}

/* Read one logical line; a trailing backslash joins the next one. */
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
		char *grown;

		if (m < 0)
			break;
		(*lineno)++;
		n -= 2;
		grown = realloc(*line, n + m + 1);
		if (!grown)
			break;
		*line = grown;
		*cap = n + m + 1;
		memcpy(*line + n, more, m + 1);
		n += m;
	}
	free(more);
	return n;
}

static int do_batch(struct ipctx *ctx, const char *name)
{
	FILE *f = streq(name, "-") ? stdin : fopen(name, "re");
	char *line = NULL, *argv[256];
	size_t cap = 0;
	int lineno = 0, ret = EXIT_OK;

	if (!f) {
		fprintf(stderr, "Cannot open file \"%s\" for reading: %s\n", name,
			strerror(errno));
		return EXIT_FAIL;
	}
	ctx->batch_file = name;
	while (read_logical_line(&line, &cap, f, &lineno) >= 0) {
		int argc = split_line(line, argv, 256), rc;

		if (!argc)
			continue;
		ctx->batch_line = lineno;
		rc = do_cmd(ctx, argc, argv);
		out_flush(&ctx->out);
		ctx_reset(ctx);
		if (rc == EXIT_USAGE) {
			ret = rc;	/* usage errors end the batch at once */
			break;
		}
		if (rc) {
			fprintf(stderr, "Command failed %s:%d\n", name, lineno);
			ret = EXIT_FAIL;
			if (!ctx->force)
				break;
		}
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return ret;
}

static int parse_family(const char *s)
{
	if (streq(s, "inet"))
		return AF_INET;
	if (streq(s, "inet6"))
		return AF_INET6;
	if (streq(s, "link"))
		return AF_PACKET;
	if (streq(s, "bridge"))
		return AF_BRIDGE;
	if (streq(s, "mpls"))
		return AF_MPLS;
	return -1;
}

struct opts {
	const char *batch;
	enum out_color_mode color;
	bool json, pretty, oneline;
};

/* -c, -color, -color=always|auto|never; false when it is not a colour option. */
static bool parse_color_opt(const char *opt, enum out_color_mode *mode)
{
	const char *eq = strchr(opt, '=');
	char word[16];
	size_t n = eq ? (size_t)(eq - opt) : strlen(opt);

	if (n >= sizeof(word))
		return false;
	memcpy(word, opt, n);
	word[n] = '\0';
	if (!matches(word, "-color"))
		return false;
	if (!eq) {
		*mode = COLOR_ALWAYS;
		return true;
	}
	if (streq(eq + 1, "always"))
		*mode = COLOR_ALWAYS;
	else if (streq(eq + 1, "auto"))
		*mode = COLOR_AUTO;
	else if (streq(eq + 1, "never"))
		*mode = COLOR_NEVER;
	else
		return false;
	return true;
}

/* Options that take a value; returns 1 if consumed, 0 if not ours, <0 exit. */
static int parse_valued_opt(struct ipctx *ctx, struct opts *o, const char *opt,
			    int *argc, char ***argv)
{
	const char *val;

	/* "-r" alone is -resolve: -rcvbuf needs at least "-rc". */
	bool rcvbuf = strlen(opt) >= 3 && matches(opt, "-rcvbuf");

	if (!matches(opt, "-loops") && !matches(opt, "-family") && !rcvbuf &&
	    !matches(opt, "-netns") && !matches(opt, "-batch"))
		return 0;
	if (*argc <= 1)
		return -usage();
	(*argc)--;
	(*argv)++;
	val = (*argv)[0];
	if (matches(opt, "-loops")) {
		ctx->loops = atoi(val);
	} else if (matches(opt, "-family")) {
		int fam;

		if (streq(val, "help"))
			return -usage();
		fam = parse_family(val);
		if (fam < 0)
			return -invarg("invalid protocol family", val);
		ctx->family = fam;
	} else if (rcvbuf) {
		uint32_t size;

		if (parse_u32(&size, val, 0)) {
			fprintf(stderr, "Invalid rcvbuf size '%s'\n", val);
			return -EXIT_USAGE;
		}
	} else if (matches(opt, "-netns")) {
		ctx->netns = val;
	} else {
		o->batch = val;
	}
	return 1;
}

/* Flag options, in the reference's order of prefix matching. */
static bool parse_flag_opt(struct ipctx *ctx, struct opts *o, const char *opt)
{
	if (streq(opt, "-4"))
		ctx->family = AF_INET;
	else if (streq(opt, "-6"))
		ctx->family = AF_INET6;
	else if (streq(opt, "-0"))
		ctx->family = AF_PACKET;
	else if (streq(opt, "-M"))
		ctx->family = AF_MPLS;
	else if (streq(opt, "-B"))
		ctx->family = AF_BRIDGE;
	else if (matches(opt, "-human") || matches(opt, "-human-readable"))
		ctx->human = true;
	else if (matches(opt, "-iec"))
		ctx->iec = true;
	else if (matches(opt, "-stats") || matches(opt, "-statistics"))
		ctx->stats++;
	else if (matches(opt, "-details"))
		ctx->details++;
	else if (matches(opt, "-resolve"))
		ctx->resolve = true;
	else if (matches(opt, "-oneline"))
		o->oneline = true;
	else if (matches(opt, "-timestamp") || matches(opt, "-tshort"))
		ctx->timestamp = true;
	else if (matches(opt, "-force"))
		ctx->force = true;
	else if (matches(opt, "-Numeric"))
		ctx->numeric = true;
	else if (matches(opt, "-all"))
		ctx->all = true;
	else if (matches(opt, "-json"))
		o->json = true;
	else if (matches(opt, "-pretty"))
		o->pretty = true;
	else if (matches(opt, "-brief"))
		ctx->brief = true;
	else
		return parse_color_opt(opt, &o->color);
	return true;
}

/* Returns the index of the first non-option argument, or -(exit code). */
static int parse_options(struct ipctx *ctx, struct opts *o, int argc,
			 char **argv)
{
	int left = argc;

	while (left > 1 && argv[1][0] == '-') {
		const char *opt = argv[1];
		int r;

		if (opt[1] == '-')
			opt++;
		if (matches(opt, "-Version")) {
			printf("ip utility, iproute2-6.1.0 compatible, ip " IP_VERSION "\n");
			return -EXIT_OK - 1000;
		}
		if (matches(opt, "-help") && !matches(opt, "-human"))
			return -usage();
		left--;
		argv++;
		r = parse_valued_opt(ctx, o, opt, &left, &argv);
		if (r < 0)
			return r;
		if (r == 0 && !parse_flag_opt(ctx, o, opt)) {
			fprintf(stderr, "Option \"%s\" is unknown, try \"ip -help\".\n",
				argv[0]);
			return -EXIT_USAGE;
		}
	}
	return argc - left + 1;
}

int main(int argc, char **argv)
{
	struct ipctx ctx = { .family = AF_UNSPEC, .loops = 10 };
	struct opts o = { .color = COLOR_NEVER };
	int first, rc;

	out_init(&ctx.out, stdout);
	first = parse_options(&ctx, &o, argc, argv);
	if (first == -EXIT_OK - 1000)
		return EXIT_OK;
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
	if (out_flush(&ctx.out) && !rc) {
		fprintf(stderr, "Error writing output: %s\n",
			strerror(-ctx.out.err));
		rc = EXIT_FAIL;
	}
	ll_cache_free(&ctx);
	if (ctx.nl_open)
		nl_close(&ctx.nl);
	return rc;
}
