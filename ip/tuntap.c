/* ip tuntap: persistent tun/tap devices, made and removed through the
 * /dev/net/tun ioctls, listed from the link dump and sysfs. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>

#include "ip.h"
#include "usage_text.h"

#define NO_ID UINT32_MAX	/* user/group not given (uid -1 is none) */

static int tuntap_usage(void)
{
	usage_print(stderr, USAGE_TUNTAP);
	return EXIT_USAGE;
}

struct tuntap_req {
	char name[IFNAMSIZ];
	unsigned int flags;	/* IFF_* of linux/if_tun.h */
	uint32_t user, group;
};

/* A number as strtol takes it (the value cut to 32 bits, as the reference
 * does on 64-bit machines), else a name from the file. */
static int get_owner(const char *arg, bool user, uint32_t *id)
{
	char *end;
	long long v = strtoll(arg, &end, 10);
	unsigned int found;

	if (*arg && !*end) {
		*id = (uint32_t)v;
		return 0;
	}
	if (passwd_lookup(user ? "/etc/passwd" : "/etc/group", arg, &found,
			  NULL, 0)) {
		*id = found;
		return 0;
	}
	pr_err("invalid %s \"%s\"\n", user ? "user" : "group", arg);
	return EXIT_USAGE;
}

static int get_mode(const char *arg, unsigned int *flags)
{
	unsigned int mode;

	if (matches(arg, "tun")) {
		mode = IFF_TUN;
	} else if (matches(arg, "tap")) {
		mode = IFF_TAP;
	} else {
		pr_err("Unknown tunnel mode \"%s\"\n", arg);
		return EXIT_USAGE;
	}
	if (*flags & (IFF_TUN | IFF_TAP) & ~mode) {
		pr_err("You managed to ask for more than one tunnel mode.\n");
		return EXIT_USAGE;
	}
	*flags |= mode;
	return 0;
}

static int set_name(struct tuntap_req *t, const char *key, const char *arg)
{
	if (!check_ifname(arg))
		return invarg(streq(key, "dev") ? "\"dev\" not a valid ifname" :
						  "\"name\" not a valid ifname",
			      arg);
	snprintf(t->name, sizeof(t->name), "%s", arg);
	return 0;
}

static const struct {
	const char *word;
	uint16_t set, clear;	/* IFF_* of linux/if_tun.h */
} __attribute__((packed)) tuntap_flag_words[] = {
	{ "one_queue", IFF_ONE_QUEUE, 0 },
	{ "pi", 0, IFF_NO_PI },
	{ "vnet_hdr", IFF_VNET_HDR, 0 },
	{ "multi_queue", IFF_MULTI_QUEUE, 0 },
};

static bool flag_word(struct tuntap_req *t, const char *arg)
{
	size_t i;

	for (i = 0; i < sizeof(tuntap_flag_words) / sizeof(tuntap_flag_words[0]);
	     i++) {
		if (matches(arg, tuntap_flag_words[i].word)) {
			t->flags |= tuntap_flag_words[i].set;
			t->flags &= ~tuntap_flag_words[i].clear;
			return true;
		}
	}
	return false;
}

/* user and group only for add: del takes them for a device name. */
static int tuntap_parse(int argc, char **argv, bool add, struct tuntap_req *t)
{
	int err = 0;

	for (; argc > 0 && !err; argc--, argv++) {
		const char *key = *argv;

		if (matches(key, "mode") || (add && matches(key, "user")) ||
		    (add && matches(key, "group")) || matches(key, "dev") ||
		    matches(key, "name")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
		}
		if (matches(key, "mode"))
			err = get_mode(*argv, &t->flags);
		else if (add && matches(key, "user"))
			err = get_owner(*argv, true, &t->user);
		else if (add && matches(key, "group"))
			err = get_owner(*argv, false, &t->group);
		else if (flag_word(t, key))
			;
		else if (matches(key, "dev"))
			err = set_name(t, key, *argv);
		else if (matches(key, "help"))
			err = tuntap_usage();
		else if (t->name[0])
			err = duparg2("name", *argv);
		else
			err = set_name(t, "name", *argv);
	}
	return err;
}

/* Make (add) or unmake the device persistent; add fails on one that
 * exists (IFF_TUN_EXCL). */
static int tuntap_apply(const struct tuntap_req *t, bool add)
{
	struct ifreq ifr;
	const char *what = "TUNSETIFF";
	int fd, ret = EXIT_FAIL;

	fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		pr_err("open: %s\n", err_text(errno));
		return EXIT_FAIL;
	}
	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, t->name, sizeof(ifr.ifr_name));
	ifr.ifr_flags = t->flags | (add ? IFF_TUN_EXCL : 0);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0)
		goto out;
	what = "TUNSETOWNER";
	if (add && t->user != NO_ID && ioctl(fd, TUNSETOWNER, (unsigned long)t->user) < 0)
		goto out;
	what = "TUNSETGROUP";
	if (add && t->group != NO_ID && ioctl(fd, TUNSETGROUP, (unsigned long)t->group) < 0)
		goto out;
	/* the kernel reads these arguments as unsigned long: pass one */
	what = "TUNSETPERSIST";
	if (ioctl(fd, TUNSETPERSIST, (unsigned long)add) < 0)
		goto out;
	ret = EXIT_OK;
out:
	if (ret)
		pr_err("ioctl(%s): %s\n", what, err_text(errno));
	close(fd);
	return ret;
}

static int tuntap_modify(int argc, char **argv, bool add)
{
	struct tuntap_req t = { .flags = IFF_NO_PI, .user = NO_ID,
				.group = NO_ID };
	int err = tuntap_parse(argc, argv, add, &t);

	if (err)
		return err;
	if (!(t.flags & (IFF_TUN | IFF_TAP))) {
		pr_err("You failed to specify a tunnel mode\n");
		return EXIT_FAIL;
	}
	return tuntap_apply(&t, add);
}

/* ---- show ---- */

/* One number from /sys/class/net/NAME/FILE (tun_flags is 0x..., owner and
 * group decimal, -1 for none); false, said as the reference says it, when
 * the file cannot be opened or holds no number. */
static bool sysfs_number(const char *name, const char *file, long long *v)
{
	char path[64], buf[32], *end;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/sys/class/net/%s/%s", name, file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		pr_err("fopen %s: %s\n", path, err_text(errno));
		return false;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	*v = strtoll(buf, &end, 0);
	if (end == buf || *end) {
		pr_err("value \"%s\" in file %s is not a number\n"
			       "Failed to parse %s\n", buf, path, path);
		return false;
	}
	return true;
}

static const struct {
	unsigned int bit;
	bool when_clear;
	const char *name;
} __attribute__((packed)) tun_flag_names[] = {
	{ IFF_TUN, false, "tun" },
	{ IFF_TAP, false, "tap" },
	{ IFF_NO_PI, true, "pi" },
	{ IFF_ONE_QUEUE, false, "one_queue" },
	{ IFF_MULTI_QUEUE, false, "multi_queue" },
	{ IFF_VNET_HDR, false, "vnet_hdr" },
	{ IFF_PERSIST, false, "persist" },
	{ IFF_NOFILTER, true, "filter" },
};

static void print_tun_flags(struct out *o, unsigned long long flags)
{
	unsigned long long rest = flags;
	size_t i;

	out_arr_open(o, "flags");
	for (i = 0; i < sizeof(tun_flag_names) / sizeof(tun_flag_names[0]); i++) {
		bool set = flags & tun_flag_names[i].bit;

		rest &= ~(unsigned long long)tun_flag_names[i].bit;
		if (set != tun_flag_names[i].when_clear)
			out_str(o, OUT_ANY, NULL, " %s", tun_flag_names[i].name);
	}
	if (rest) {
		char buf[24];

		snprintf(buf, sizeof(buf), "0x%llx", rest);
		out_str(o, OUT_ANY, NULL, " %s", buf);
	}
	out_arr_close(o);
}

/* Is fd FD of process PID a /dev/net/tun file attached to NAME?  Its
 * fdinfo says so on an "iff:" line. */
static bool fd_attached(int pid, int fd, const char *name)
{
	char path[64], link[16], line[64];
	size_t len = strlen(name);
	bool found = false;
	ssize_t n;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", pid, fd);
	n = readlink(path, link, sizeof(link));
	if (n < 0) {
		pr_err("readlink: %s\n", err_text(errno));
		return false;
	}
	if (n != 12 || memcmp(link, "/dev/net/tun", 12))
		return false;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", pid, fd);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = !strncmp(line, "iff:\t", 5) &&
			!strncmp(line + 5, name, len) && line[5 + len] == '\n';
	fclose(f);
	return found;
}

/* A /proc directory entry that is a number (a pid or an fd), or -1. */
static int entry_number(const char *s)
{
	int v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 99999999)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* One process holding NAME's queues: "comm(pid)" once per open file. */
static void print_holder(struct out *o, int pid, const char *name)
{
	char path[64], comm[64] = "";
	struct dirent *e;
	DIR *d;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/fd", pid);
	d = opendir(path);
	if (!d)
		return;
	while ((e = readdir(d))) {
		int fd = entry_number(e->d_name);

		if (fd < 0 || !fd_attached(pid, fd, name))
			continue;
		if (!comm[0]) {
			snprintf(path, sizeof(path), "/proc/%d/comm", pid);
			f = fopen(path, "re");
			if (f && fgets(comm, sizeof(comm), f))
				comm[strcspn(comm, "\n")] = '\0';
			if (f)
				fclose(f);
		}
		out_obj_open(o, NULL);
		out_str(o, OUT_ANY, "name", "%s", comm);
		out_int(o, OUT_ANY, "pid", "(%d)", pid);
		out_obj_close(o);
	}
	closedir(d);
}

/* -d: the processes that have the device open, found through /proc. */
static void print_holders(struct out *o, const char *name)
{
	struct dirent *e;
	DIR *d;

	out_nl(o);
	out_text(o, "\tAttached to processes:");
	out_arr_open(o, "processes");
	d = opendir("/proc");
	while (d && (e = readdir(d)))
		if (entry_number(e->d_name) >= 0)
			print_holder(o, entry_number(e->d_name), name);
	if (d)
		closedir(d);
	out_arr_close(o);
}

/* sysfs says -1 for none, else the id (JSON: the reference's unsigned
 * view of what it read). */
static void print_owner(struct out *o, const char *key, const char *fmt,
			long long id)
{
	if (id == -1)
		return;
	out_s64(o, OUT_TEXT, NULL, fmt, id);
	out_u64(o, OUT_JSON, key, NULL, (uint64_t)id);
}

static int tuntap_show_cb(struct nlmsghdr *nlh, void *arg)
{
	struct ipctx *ctx = arg;
	struct out *o = &ctx->out;
	struct rtattr *tb[IFLA_MAX + 1], *li[IFLA_INFO_MAX + 1], *attrs;
	long long flags, user, group;
	const char *name;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	attrs = nl_msg_attrs(nlh, sizeof(struct ifinfomsg), &len);
	nl_parse(tb, IFLA_MAX, attrs, len, NULL);
	if (!tb[IFLA_IFNAME] || !tb[IFLA_LINKINFO])
		return 0;
	nl_parse_nested(li, IFLA_INFO_MAX, tb[IFLA_LINKINFO]);
	if (!li[IFLA_INFO_KIND] || !streq(nl_attr_str(li[IFLA_INFO_KIND]), "tun"))
		return 0;
	name = nl_attr_str(tb[IFLA_IFNAME]);
	if (!sysfs_number(name, "tun_flags", &flags) ||
	    !sysfs_number(name, "owner", &user) ||
	    !sysfs_number(name, "group", &group))
		return 0;
	out_obj_open(o, NULL);
	out_cstr(o, OUT_ANY, C_IFNAME, "ifname", "%s:", name);
	print_tun_flags(o, (unsigned long long)flags);
	print_owner(o, "user", " user %lld", user);
	print_owner(o, "group", " group %lld", group);
	if (ctx->details)
		print_holders(o, name);
	out_obj_close(o);
	out_eol(o);
	return 0;
}

static int tuntap_show(struct ipctx *ctx)
{
	NL_REQ_DEFINE(req, 64);
	struct nl_sock *s = ctx_nl(ctx);
	struct ifinfomsg *ifi;
	struct rtattr *li;
	int err;

	if (!s)
		return EXIT_FAIL;
	NL_REQ_INIT(req, RTM_GETLINK, NLM_F_DUMP);
	ifi = nl_put_hdr(&req, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	li = nl_nest_start(&req, IFLA_LINKINFO);
	nl_put(&req, IFLA_INFO_KIND, "tun", 3);
	nl_nest_end(&req, li);
	out_begin(&ctx->out);
	err = nl_dump(s, &req, tuntap_show_cb, ctx);
	out_end(&ctx->out);
	return err < 0 ? dump_failed(s, err) : EXIT_OK;
}

int do_tuntap(struct ipctx *ctx, int argc, char **argv)
{
	const char *verb = argc > 0 ? argv[0] : "show";

	if (matches(verb, "add"))
		return tuntap_modify(argc - 1, argv + 1, true);
	if (matches(verb, "del"))
		return tuntap_modify(argc - 1, argv + 1, false);
	if (is_list_verb(verb))
		return tuntap_show(ctx);
	if (matches(verb, "help"))
		return tuntap_usage();
	return unknown_command("tuntap", verb);
}
