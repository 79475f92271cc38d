/* ip netns: named network namespaces, kept as bind mounts in /run/netns.
 *
 * A name is a file /run/netns/NAME with the namespace's nsfs inode mounted on
 * it, so the namespace lives on without any process in it.  Entering one for
 * a command (exec, -n) also gives the command a private mount namespace with
 * a /sys of its own and the files of /etc/netns/NAME over those of /etc. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/net_namespace.h>

#include "ip.h"
#include "usage_text.h"

#define RUN_DIR "/run/netns"
#define ETC_DIR "/etc/netns"

static int usage(void)
{
	usage_print(stderr, USAGE_NETNS);
	return EXIT_USAGE;
}

/* A name must stay one plain entry of /run/netns: nothing that walks out of
 * it, and (unlike the reference) no control characters, which would break
 * the one-name-a-line listings. */
static bool name_ok(const char *name)
{
	const unsigned char *p;

	if (!*name || strlen(name) > NAME_MAX || strchr(name, '/') ||
	    streq(name, ".") || streq(name, ".."))
		return false;
	for (p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

static int bad_name(const char *name)
{
	pr_err("Invalid netns name \"%s\"\n", name);
	return EXIT_USAGE;
}

static int no_name(void)
{
	pr_err("No netns name specified\n");
	return EXIT_FAIL;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static void run_path(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", RUN_DIR, name);
}

int netns_open(const char *name)
{
	char path[PATH_MAX];
	int fd;

	if (strchr(name, '/'))
		snprintf(path, sizeof(path), "%s", name);
	else
		run_path(path, sizeof(path), name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* ---- entering a namespace: net, then a mount namespace to go with it ---- */

/* sysfs shows the network devices of the namespace that mounted it: mount a
 * fresh one, read-only if the old one was. */
static int remount_sys(const char *name)
{
	unsigned long flags = 0;
	struct statvfs st;

	if (statvfs("/sys", &st) == 0 && (st.f_flag & ST_RDONLY))
		flags |= MS_RDONLY;
	/* Nothing mounted there, or no /sys at all: the mount below says
	 * what is wrong, as the reference does. */
	umount2("/sys", MNT_DETACH);
	if (mount(name, "/sys", "sysfs", flags, NULL) < 0) {
		pr_err("mount of /sys failed: %s\n", err_text(errno));
		return -1;
	}
	return 0;
}

/* Every file of /etc/netns/NAME over its namesake in /etc; a failure is
 * reported and the others still go on. */
static void bind_etc(const char *name)
{
	char dir[sizeof(ETC_DIR) + NAME_MAX + 2], src[PATH_MAX], dst[PATH_MAX];
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/%s", ETC_DIR, name);
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		if (streq(e->d_name, ".") || streq(e->d_name, ".."))
			continue;
		snprintf(src, sizeof(src), "%s/%s", dir, e->d_name);
		snprintf(dst, sizeof(dst), "/etc/%s", e->d_name);
		if (mount(src, dst, "none", MS_BIND, NULL) < 0)
			pr_err("Bind %s -> %s failed: %s\n", src, dst,
			       err_text(errno));
	}
	closedir(d);
}

int netns_switch(struct ipctx *ctx, const char *name)
{
	char path[PATH_MAX];
	int fd;

	(void)ctx;
	run_path(path, sizeof(path), name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		pr_err("Cannot open network namespace \"%s\": %s\n",
		       name, err_text(errno));
		return -1;
	}
	if (setns(fd, CLONE_NEWNET) < 0) {
		pr_err("setting the network namespace \"%s\" failed: %s\n",
		       name, err_text(errno));
		close(fd);
		return -1;
	}
	close(fd);
	if (unshare(CLONE_NEWNS) < 0) {
		pr_err("unshare failed: %s\n", err_text(errno));
		return -1;
	}
	/* Our mounts (sysfs, /etc binds) must not leak back to the caller's
	 * mount namespace; theirs may still reach us. */
	if (mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0) {
		pr_err("\"mount --make-rslave /\" failed: %s\n",
		       err_text(errno));
		return -1;
	}
	if (remount_sys(name))
		return -1;
	bind_etc(name);
	return 0;
}

/* ---- the entries of /run/netns, with their nsids ---- */

struct ns_ent {
	char *name;
	int nsid;	/* -1: none */
	bool bad;	/* the kernel refused to say */
};

struct ns_list {
	struct ns_ent *v;
	size_t n, cap;
};

static void ns_list_free(struct ns_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int ns_list_push(struct ns_list *l, const char *name)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct ns_ent *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].name = strdup(name);
	if (!l->v[l->n].name)
		return -ENOMEM;
	l->v[l->n].nsid = -1;
	l->v[l->n].bad = false;
	l->n++;
	return 0;
}

/* The names in directory order (the order the reference shows them in);
 * -errno when the directory cannot be read (ENOENT: no names yet). */
static int ns_list_read(struct ns_list *l)
{
	struct dirent *e;
	DIR *d = opendir(RUN_DIR);
	int err = 0;

	if (!d)
		return -errno;
	while (!err && (e = readdir(d)))
		if (!streq(e->d_name, ".") && !streq(e->d_name, ".."))
			err = ns_list_push(l, e->d_name);
	closedir(d);
	return err;
}

static int nsid_cb(struct nlmsghdr *nlh, void *arg)
{
	struct rtattr *tb[NETNSA_MAX + 1];
	struct rtattr *rta;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWNSID ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtgenmsg)))
		return 0;
	rta = nl_msg_attrs(nlh, sizeof(struct rtgenmsg), &len);
	nl_parse(tb, NETNSA_MAX, rta, len, NULL);
	if (tb[NETNSA_NSID] && nl_attr_len(tb[NETNSA_NSID]) >= 4)
		*(int *)arg = nl_attr_s32(tb[NETNSA_NSID]);
	return 0;
}

/* The nsid this namespace has for the one NAME names; -1 if none.  A
 * refusal (not a namespace file) is printed as the kernel worded it. */
static int nsid_of(struct ipctx *ctx, const char *name, bool *bad)
{
	NL_REQ_DEFINE(req, 64);
	struct nl_sock *s = ctx_nl(ctx);
	struct rtgenmsg *g;
	char path[PATH_MAX];
	int fd, err, nsid = -1;

	*bad = true;
	run_path(path, sizeof(path), name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !s) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	NL_REQ_INIT(req, RTM_GETNSID, 0);
	g = nl_put_hdr(&req, sizeof(*g));
	g->rtgen_family = AF_UNSPEC;
	nl_put_u32(&req, NETNSA_FD, fd);
	err = nl_talk(s, &req, nsid_cb, &nsid);
	close(fd);
	if (err < 0) {
		nl_report(ctx, err);
		return -1;
	}
	*bad = false;
	return nsid;
}

/* Read the names and their nsids.  The reference looks every name up once
 * more while listing; we ask once and repeat its complaint in ns_list_show. */
static int ns_list_scan(struct ipctx *ctx, struct ns_list *l)
{
	int err = ns_list_read(l);
	size_t i;

	if (err)
		return err;
	for (i = 0; i < l->n; i++)
		l->v[i].nsid = nsid_of(ctx, l->v[i].name, &l->v[i].bad);
	return 0;
}

/* ---- list ---- */

static int netns_list(struct ipctx *ctx)
{
	struct ns_list l = { 0 };
	struct out *o = &ctx->out;
	bool bad;
	size_t i;

	if (ns_list_scan(ctx, &l)) {
		ns_list_free(&l);
		return EXIT_OK;		/* no /run/netns: no names */
	}
	out_begin(o);
	for (i = 0; i < l.n; i++) {
		const struct ns_ent *e = &l.v[i];

		if (e->bad)
			nsid_of(ctx, e->name, &bad);	/* its complaint, again */
		out_obj_open(o, NULL);
		out_str(o, OUT_ANY, "name", "%s", e->name);
		if (e->nsid >= 0)
			out_int(o, OUT_ANY, "id", " (id: %d)", e->nsid);
		out_obj_close(o);
		out_eol(o);
	}
	out_end(o);
	ns_list_free(&l);
	return EXIT_OK;
}

/* ---- list-id ---- */

/* A name's nsid and its place in directory order, for the join. */
struct nsid_key {
	int nsid;
	size_t pos;
};

struct listid {
	struct ipctx *ctx;
	struct ns_list names;
	struct nsid_key *keys;	/* names with an nsid, sorted by nsid, pos */
	size_t n_keys;
};

static int cmp_key(const void *a, const void *b)
{
	const struct nsid_key *x = a, *y = b;

	if (x->nsid != y->nsid)
		return x->nsid < y->nsid ? -1 : 1;
	/* Same namespace under several names: the first in directory order. */
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Index the names by nsid once, so the dump is joined in n log n. */
static int listid_index(struct listid *li)
{
	size_t i;

	li->keys = malloc((li->names.n + 1) * sizeof(*li->keys));
	if (!li->keys)
		return -ENOMEM;
	for (i = 0; i < li->names.n; i++)
		if (li->names.v[i].nsid >= 0) {
			li->keys[li->n_keys].nsid = li->names.v[i].nsid;
			li->keys[li->n_keys++].pos = i;
		}
	qsort(li->keys, li->n_keys, sizeof(*li->keys), cmp_key);
	return 0;
}

static const char *listid_name(const struct listid *li, int nsid)
{
	size_t lo = 0, hi = li->n_keys;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (li->keys[mid].nsid < nsid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < li->n_keys && li->keys[lo].nsid == nsid)
		return li->names.v[li->keys[lo].pos].name;
	return NULL;
}

static int listid_cb(struct nlmsghdr *nlh, void *arg)
{
	struct rtattr *tb[NETNSA_MAX + 1];
	struct listid *li = arg;
	struct out *o = &li->ctx->out;
	const char *name;
	struct rtattr *rta;
	int nsid, cur = -1;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWNSID ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtgenmsg)))
		return 0;
	rta = nl_msg_attrs(nlh, sizeof(struct rtgenmsg), &len);
	nl_parse(tb, NETNSA_MAX, rta, len, NULL);
	if (!tb[NETNSA_NSID] || nl_attr_len(tb[NETNSA_NSID]) < 4)
		return 0;
	nsid = nl_attr_s32(tb[NETNSA_NSID]);
	out_obj_open(o, NULL);
	out_uint(o, OUT_ANY, "nsid", "nsid %u ", (unsigned int)nsid);
	/* Asked about another namespace: the kernel adds the id that namespace
	 * has here, which is what our names are keyed by. */
	if (tb[NETNSA_CURRENT_NSID] && nl_attr_len(tb[NETNSA_CURRENT_NSID]) >= 4) {
		cur = nl_attr_s32(tb[NETNSA_CURRENT_NSID]);
		if (cur < 0)
			out_text(o, "current-nsid unassigned ");
		else
			out_uint(o, OUT_ANY, "current-nsid", "current-nsid %u ",
				 (unsigned int)cur);
	} else {
		cur = nsid;
	}
	name = cur >= 0 ? listid_name(li, cur) : NULL;
	if (name)
		out_str(o, OUT_ANY, "name", "(iproute2 netns name: %s)", name);
	out_obj_close(o);
	out_eol(o);
	return 0;
}

struct listid_args {
	int target, nsid;	/* -1: not given */
};

static int parse_nsid_arg(int *v, const char *key, const char *arg)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 0);
	if (!*arg || *end || errno || n > INT_MAX || n < INT_MIN)
		return invarg(key[0] == 't' ? "\"target-nsid\" value is invalid"
					    : "\"nsid\" value is invalid", arg);
	if (n < 0)
		return invarg(key[0] == 't' ? "\"target-nsid\" value should be >= 0"
					    : "\"nsid\" value should be >= 0", arg);
	*v = (int)n;
	return 0;
}

static int parse_listid(struct listid_args *a, int argc, char **argv)
{
	int rc;

	for (; argc > 0; argc--, argv++) {
		int *slot;

		if (streq(*argv, "target-nsid"))
			slot = &a->target;
		else if (streq(*argv, "nsid"))
			slot = &a->nsid;
		else
			return usage();
		if (*slot >= 0)
			return duparg(*argv, *argv);
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		rc = parse_nsid_arg(slot, argv[-1], *argv);
		if (rc)
			return rc;
	}
	return 0;
}

/* Keep the one reply of a get, to print only once the kernel said yes. */
static int keep_reply(struct nlmsghdr *nlh, void *arg)
{
	struct nlmsghdr **keep = arg;

	if (nlh->nlmsg_type != RTM_NEWNSID || *keep)
		return 0;
	*keep = malloc(nlh->nlmsg_len);
	if (!*keep)
		return -ENOMEM;
	memcpy(*keep, nlh, nlh->nlmsg_len);
	return 0;
}

/* One nsid: on a refusal the reference prints nothing, not even "[]". */
static int listid_get(struct ipctx *ctx, struct listid *li, struct nl_req *req)
{
	struct nlmsghdr *reply = NULL;
	int rc = ctx_talk(ctx, req, keep_reply, &reply);

	if (!rc && reply) {
		out_begin(&ctx->out);
		listid_cb(reply, li);
		out_end(&ctx->out);
	}
	free(reply);
	return rc;
}

/* The reference reports a refused dump twice: the kernel's words, then
 * that the dump ended; and it counts it a local failure. */
static int listid_dump(struct ipctx *ctx, struct listid *li, struct nl_req *req)
{
	struct nl_sock *s = ctx_nl(ctx);
	int err;

	if (!s)
		return EXIT_FAIL;
	out_begin(&ctx->out);
	err = nl_dump(s, req, listid_cb, li);
	out_end(&ctx->out);
	if (err < 0) {
		if (s->errmsg[0])
			pr_err("Error: %s%s\n", s->errmsg,
			       s->errmsg[strlen(s->errmsg) - 1] == '.' ? "" : ".");
		pr_err("Dump terminated\n");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int listid_request(struct ipctx *ctx, struct listid *li,
			  const struct listid_args *a)
{
	NL_REQ_DEFINE(req, 64);
	struct rtgenmsg *g;

	NL_REQ_INIT(req, RTM_GETNSID, 0);
	g = nl_put_hdr(&req, sizeof(*g));
	g->rtgen_family = AF_UNSPEC;
	if (a->target >= 0)
		nl_put_u32(&req, NETNSA_TARGET_NSID, a->target);
	if (a->nsid < 0)
		return listid_dump(ctx, li, &req);
	nl_put_u32(&req, NETNSA_NSID, a->nsid);
	return listid_get(ctx, li, &req);
}

static int netns_list_id(struct ipctx *ctx, int argc, char **argv)
{
	struct listid_args a = { -1, -1 };
	struct listid li = { .ctx = ctx };
	int rc = parse_listid(&a, argc, argv);

	if (rc)
		return rc;
	ns_list_scan(ctx, &li.names);
	if (listid_index(&li)) {
		ns_list_free(&li.names);
		return EXIT_FAIL;
	}
	rc = listid_request(ctx, &li, &a);
	free(li.keys);
	ns_list_free(&li.names);
	return rc;
}

/* ---- add, attach ---- */

/* /run/netns must be a shared mount point, so that the namespaces mounted in
 * it show in every mount namespace that shares it.  When it is a plain
 * directory, bind it onto itself first; a lock on the directory keeps
 * parallel "ip netns add" from stacking one bind mount each. */
static int make_run_dir_shared(void)
{
	int fd, rc = 0;

	if (mount("", RUN_DIR, "none", MS_SHARED | MS_REC, NULL) == 0)
		return 0;
	if (errno != EINVAL)
		goto fail;
	fd = open(RUN_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		goto fail;
	flock(fd, LOCK_EX);
	/* Someone may have done it while we waited. */
	if (mount("", RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0) {
		if (errno != EINVAL ||
		    mount(RUN_DIR, RUN_DIR, "none", MS_BIND | MS_REC, NULL) < 0 ||
		    mount("", RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0)
			rc = -1;
	}
	close(fd);	/* drops the lock */
	if (!rc)
		return 0;
fail:
	pr_err("mount --make-shared %s failed: %s\n", RUN_DIR,
	       err_text(errno));
	return -1;
}

/* The file made with O_EXCL, and a way to reach that very file: by the time
 * we mount, a racing delete and add of the same name may have put another
 * file at its path, and mounting there would stack two namespaces on it. */
struct ns_file {
	char path[PATH_MAX];
	char via[32];		/* /proc/self/fd/N */
	int fd;
};

/* Mount a new namespace on the file; unshare, then go back where we were,
 * so that the rest of a batch still runs here. */
static int mount_new_netns(const char *name, const struct ns_file *f)
{
	int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC), rc = -1;

	if (self < 0) {
		pr_err("Cannot open current network namespace: %s\n",
		       err_text(errno));
		return -1;
	}
	if (unshare(CLONE_NEWNET) < 0) {
		pr_err("Failed to create a new network namespace \"%s\": %s\n",
		       name, err_text(errno));
	} else if (mount("/proc/self/ns/net", f->via, "none", MS_BIND, NULL) < 0) {
		pr_err("Bind /proc/self/ns/net -> %s failed: %s\n",
		       f->path, err_text(errno));
	} else {
		rc = 0;
	}
	if (setns(self, CLONE_NEWNET) < 0) {
		pr_err("Cannot return to the original network namespace: %s\n",
		       err_text(errno));
		rc = -1;
	}
	close(self);
	return rc;
}

static int mount_pid_netns(int pid, const struct ns_file *f)
{
	char src[64];

	snprintf(src, sizeof(src), "/proc/%d/ns/net", pid);
	if (mount(src, f->via, "none", MS_BIND, NULL) < 0) {
		pr_err("Bind %s -> %s failed: %s\n", src, f->path,
		       err_text(errno));
		return -1;
	}
	return 0;
}

/* Leave nothing behind: a half-made name would shadow a retry.  Only our
 * own file goes; the path may be another add's by now. */
static void ns_file_drop(const struct ns_file *f)
{
	struct stat ours, now;

	if (fstat(f->fd, &ours) == 0 && stat(f->path, &now) == 0 &&
	    same_file(&ours, &now))
		unlink(f->path);
}

/* add (pid 0: a new namespace) and attach (the namespace of pid). */
static int netns_create(const char *name, int pid)
{
	struct ns_file f;
	int rc;

	if (mkdir(RUN_DIR, 0755) < 0 && errno != EEXIST) {
		pr_err("mkdir %s failed: %s\n", RUN_DIR, err_text(errno));
		return EXIT_FAIL;
	}
	if (make_run_dir_shared())
		return EXIT_FAIL;
	run_path(f.path, sizeof(f.path), name);
	f.fd = open(f.path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (f.fd < 0) {
		pr_err("Cannot create namespace file \"%s\": %s\n",
		       f.path, err_text(errno));
		return EXIT_FAIL;
	}
	snprintf(f.via, sizeof(f.via), "/proc/self/fd/%d", f.fd);
	rc = pid ? mount_pid_netns(pid, &f) : mount_new_netns(name, &f);
	if (rc)
		ns_file_drop(&f);
	close(f.fd);
	return rc ? EXIT_FAIL : EXIT_OK;
}

static int netns_add(int argc, char **argv)
{
	if (argc < 1)
		return no_name();
	if (!name_ok(argv[0]))
		return bad_name(argv[0]);
	return netns_create(argv[0], 0);
}

/* A PID as the reference takes it: any int strtol reads whole, but 0. */
static bool parse_pid(int *pid, const char *s)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 0);
	if (!*s || *end || errno || n > INT_MAX || n < INT_MIN || n == 0)
		return false;
	*pid = (int)n;
	return true;
}

static int netns_attach(int argc, char **argv)
{
	int pid;

	if (argc < 2) {
		pr_err("No netns name and PID specified\n");
		return EXIT_FAIL;
	}
	if (!name_ok(argv[0]))
		return bad_name(argv[0]);
	if (!parse_pid(&pid, argv[1])) {
		pr_err("Invalid PID: %s\n", argv[1]);
		return EXIT_FAIL;
	}
	return netns_create(argv[0], pid);
}

/* ---- set ---- */

static int netns_set(struct ipctx *ctx, int argc, char **argv)
{
	NL_REQ_DEFINE(req, 64);
	struct rtgenmsg *g;
	char path[PATH_MAX];
	int fd, rc, nsid = -1;

	if (argc < 1)
		return no_name();
	if (!name_ok(argv[0]))
		return bad_name(argv[0]);
	if (argc < 2) {
		pr_err("No nsid specified\n");
		return EXIT_FAIL;
	}
	if (!streq(argv[1], "auto")) {
		char *end;
		long n;

		errno = 0;
		n = strtol(argv[1], &end, 0);
		if (!*argv[1] || *end || errno || n > INT_MAX || n < INT_MIN)
			return invarg("Invalid \"netnsid\" value", argv[1]);
		if (n < 0)
			return invarg("\"netnsid\" value should be >= 0", argv[1]);
		nsid = (int)n;
	}
	run_path(path, sizeof(path), argv[0]);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		pr_err("Cannot open network namespace \"%s\": %s\n",
		       argv[0], err_text(errno));
		return EXIT_FAIL;
	}
	NL_REQ_INIT(req, RTM_NEWNSID, 0);
	g = nl_put_hdr(&req, sizeof(*g));
	g->rtgen_family = AF_UNSPEC;
	nl_put_u32(&req, NETNSA_FD, fd);
	nl_put_u32(&req, NETNSA_NSID, (uint32_t)nsid);	/* -1: kernel picks */
	rc = ctx_talk(ctx, &req, NULL, NULL);
	close(fd);
	return rc;
}

/* ---- delete ---- */

static int delete_one(const char *name)
{
	char path[PATH_MAX];

	run_path(path, sizeof(path), name);
	/* Lazily: processes still inside keep the namespace alive. */
	umount2(path, MNT_DETACH);
	if (unlink(path) < 0) {
		pr_err("Cannot remove namespace file \"%s\": %s\n", path,
		       err_text(errno));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* -all: every name; unlike the reference, which stops at the first failure
 * and still exits 0, try them all and say that one failed. */
static int delete_all(void)
{
	struct ns_list l = { 0 };
	int rc = EXIT_OK;
	size_t i;

	if (ns_list_read(&l)) {
		ns_list_free(&l);
		return EXIT_OK;
	}
	for (i = 0; i < l.n; i++)
		if (delete_one(l.v[i].name))
			rc = EXIT_FAIL;
	ns_list_free(&l);
	return rc;
}

static int netns_delete(struct ipctx *ctx, int argc, char **argv)
{
	if (ctx->all)
		return delete_all();
	if (argc < 1)
		return no_name();
	if (!name_ok(argv[0]))
		return bad_name(argv[0]);
	return delete_one(argv[0]);
}

/* ---- identify, pids ---- */

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static int netns_identify(struct ipctx *ctx, int argc, char **argv)
{
	const char *pid = argc > 0 ? argv[0] : "self";
	const char *found = "";
	struct ns_list l = { 0 };
	char path[PATH_MAX];
	struct stat want, st;
	size_t i;
	int fd;

	if (argc > 1) {
		pr_err("extra arguments specified\n");
		return EXIT_FAIL;
	}
	/* The reference takes an empty PID for an empty name. */
	if (argc > 0 && !*pid)
		return bad_name(pid);
	if (argc > 0 && !all_digits(pid)) {
		pr_err("Specified string '%s' is not a pid\n", pid);
		return EXIT_FAIL;
	}
	snprintf(path, sizeof(path), "/proc/%s/ns/net", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &want) < 0) {
		pr_err("Cannot open network namespace: %s\n",
		       err_text(errno));
		if (fd >= 0)
			close(fd);
		return EXIT_FAIL;
	}
	close(fd);
	ns_list_read(&l);
	/* Several names for one namespace: the last in directory order. */
	for (i = 0; i < l.n; i++) {
		run_path(path, sizeof(path), l.v[i].name);
		if (stat(path, &st) == 0 && same_file(&st, &want))
			found = l.v[i].name;
	}
	out_plain(&ctx->out, "%s\n", found);
	ns_list_free(&l);
	return EXIT_OK;
}

static int netns_pids(struct ipctx *ctx, int argc, char **argv)
{
	char path[PATH_MAX];
	struct stat want, st;
	struct dirent *e;
	DIR *d;
	int fd;

	if (argc < 1)
		return no_name();
	if (!name_ok(argv[0]))
		return bad_name(argv[0]);
	if (argc > 1) {
		pr_err("extra arguments specified\n");
		return EXIT_FAIL;
	}
	run_path(path, sizeof(path), argv[0]);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &want) < 0) {
		pr_err("Cannot open network namespace: %s\n",
		       err_text(errno));
		if (fd >= 0)
			close(fd);
		return EXIT_FAIL;
	}
	close(fd);
	d = opendir("/proc");
	if (!d) {
		pr_err("Cannot open /proc: %s\n", err_text(errno));
		return EXIT_FAIL;
	}
	while ((e = readdir(d))) {
		if (!all_digits(e->d_name))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/ns/net", e->d_name);
		if (stat(path, &st) == 0 && same_file(&st, &want))
			out_plain(&ctx->out, "%s\n", e->d_name);
	}
	closedir(d);
	return EXIT_OK;
}

/* ---- monitor ---- */

static int netns_monitor(struct ipctx *ctx)
{
	char buf[sizeof(struct inotify_event) + NAME_MAX + 1]
		__attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;
	int fd;

	if (mkdir(RUN_DIR, 0755) < 0 && errno != EEXIST) {
		pr_err("mkdir %s failed: %s\n", RUN_DIR, err_text(errno));
		return EXIT_FAIL;
	}
	fd = inotify_init1(IN_CLOEXEC);
	if (fd < 0) {
		pr_err("inotify_init failed: %s\n", err_text(errno));
		return EXIT_FAIL;
	}
	if (inotify_add_watch(fd, RUN_DIR, IN_CREATE | IN_DELETE) < 0) {
		pr_err("inotify_add_watch failed: %s\n", err_text(errno));
		close(fd);
		return EXIT_FAIL;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0 || errno == EINTR) {
		char *p;

		for (p = buf; n > 0 && p < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)p;

			if (ev->mask & IN_CREATE)
				out_plain(&ctx->out, "add %s\n", ev->name);
			if (ev->mask & IN_DELETE)
				out_plain(&ctx->out, "delete %s\n", ev->name);
			p += sizeof(*ev) + ev->len;
		}
		/* Each event as it happens, even into a pipe. */
		if (out_flush(&ctx->out))
			break;
	}
	close(fd);
	return EXIT_FAIL;
}

/* ---- exec ---- */

/* In the child: enter, then become the command. */
static void __attribute__((noreturn))
exec_child(struct ipctx *ctx, const char *name, char **cmd)
{
	if (netns_switch(ctx, name))
		_exit(EXIT_USAGE);
	execvp(cmd[0], cmd);
	pr_err("exec of \"%s\" failed: %s\n", cmd[0], err_text(errno));
	_exit(EXIT_FAIL);
}

/* Run the command in a child and wait: returns its wait status, or -1. */
static int exec_forked(struct ipctx *ctx, const char *name, char **cmd)
{
	int status;
	pid_t pid;

	out_flush(&ctx->out);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		pr_err("fork failed: %s\n", err_text(errno));
		return -1;
	}
	if (pid == 0)
		exec_child(ctx, name, cmd);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			pr_err("waitpid failed: %s\n", err_text(errno));
			return -1;
		}
	}
	return status;
}

/* -all: the command once in each namespace, each under a header.  A command
 * that fails does not stop the others; one killed by a signal does. */
static int exec_all(struct ipctx *ctx, char **cmd)
{
	struct ns_list l = { 0 };
	int rc = EXIT_OK;
	size_t i;

	ns_list_read(&l);
	for (i = 0; i < l.n; i++) {
		int status;

		out_plain(&ctx->out, "\nnetns: %s\n", l.v[i].name);
		status = exec_forked(ctx, l.v[i].name, cmd);
		if (status < 0 || WIFSIGNALED(status)) {
			rc = EXIT_FAIL;
			break;
		}
	}
	ns_list_free(&l);
	return rc;
}

static int netns_exec(struct ipctx *ctx, int argc, char **argv)
{
	const char *name;
	int status;

	if (ctx->all) {
		if (argc < 1) {
			pr_err("No command specified\n");
			return EXIT_FAIL;
		}
		return exec_all(ctx, argv);
	}
	if (argc < 1)
		return no_name();
	name = argv[0];
	if (!name_ok(name))
		return bad_name(name);
	if (argc < 2) {
		pr_err("No command specified\n");
		return EXIT_FAIL;
	}
	/* A batch goes on after the command: keep this process where it is. */
	if (ctx->batch_file) {
		status = exec_forked(ctx, name, argv + 1);
		return status == 0 ? EXIT_OK : EXIT_FAIL;
	}
	if (netns_switch(ctx, name))
		return EXIT_USAGE;
	out_flush(&ctx->out);
	execvp(argv[1], argv + 1);
	pr_err("exec of \"%s\" failed: %s\n", argv[1], err_text(errno));
	return EXIT_FAIL;
}

/* ---- dispatch ---- */

/* "ip netns NAME CMD..." is a common slip for "ip netns exec NAME CMD...":
 * refuse it like the reference, and say what was probably meant. */
static int unknown_verb(int argc, char **argv)
{
	char path[PATH_MAX];
	int i;

	pr_err("Command \"%s\" is unknown, try \"ip netns help\".\n",
	       argv[0]);
	if (argc < 2 || !name_ok(argv[0]))
		return EXIT_USAGE;
	run_path(path, sizeof(path), argv[0]);
	if (access(path, F_OK) < 0)
		return EXIT_USAGE;
	pr_err("Did you mean \"ip netns exec");
	for (i = 0; i < argc; i++)
		pr_err(" %s", argv[i]);
	pr_err("\"?\n");
	return EXIT_USAGE;
}

int do_netns(struct ipctx *ctx, int argc, char **argv)
{
	const char *verb = argc > 0 ? argv[0] : "list";

	argc--;
	argv++;
	if (matches(verb, "list") || matches(verb, "show") || matches(verb, "lst"))
		return netns_list(ctx);
	if (matches(verb, "list-id"))
		return netns_list_id(ctx, argc, argv);
	if (matches(verb, "add"))
		return netns_add(argc, argv);
	if (matches(verb, "attach"))
		return netns_attach(argc, argv);
	if (matches(verb, "set"))
		return netns_set(ctx, argc, argv);
	if (matches(verb, "delete"))
		return netns_delete(ctx, argc, argv);
	if (matches(verb, "identify"))
		return netns_identify(ctx, argc, argv);
	if (matches(verb, "pids"))
		return netns_pids(ctx, argc, argv);
	if (matches(verb, "exec"))
		return netns_exec(ctx, argc, argv);
	if (matches(verb, "monitor"))
		return netns_monitor(ctx);
	if (matches(verb, "help"))
		return usage();
	return unknown_verb(argc + 1, argv - 1);
}
