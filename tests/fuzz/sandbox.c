/* A cage for harnesses that run whole ip commands with fuzzed arguments.
 *
 * Fuzzed commands really run: "link add", "netns add", "netns delete ../x",
 * "netns exec NAME rm ...".  So before the first input the harness moves into
 * a fresh network namespace and a private mount namespace, chroots into a
 * tmpfs that holds only what ip needs (proc and sys read-only, /etc/iproute2
 * read-only, /run/netns, /etc/netns, the fuzzer's own work directory), and
 * installs a seccomp filter that refuses execve and fork.  Nothing a fuzzed
 * command does can then reach the host's interfaces, routes or files, or run
 * another program.  Every FUZZ_RESET inputs the namespace and /run/netns are
 * replaced, so state made by earlier inputs does not pile up. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "sandbox.h"

enum { FUZZ_RESET = 256 };

static void die(const char *what)
{
	fprintf(stderr, "fuzz sandbox: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void mkdir_p(const char *root, const char *rel)
{
	char path[4096], *p;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (p = path + strlen(root) + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	if (mkdir(path, 0755) && errno != EEXIST)
		die(path);
}

static void bind_ro(const char *root, const char *src, bool ro)
{
	char dst[4096];

	struct stat st;

	if (stat(src, &st))
		return;
	snprintf(dst, sizeof(dst), "%s%s", root, src);
	if (S_ISDIR(st.st_mode)) {
		mkdir_p(root, src + 1);
	} else {
		int fd = open(dst, O_CREAT | O_WRONLY, 0644);	/* parent exists */

		if (fd < 0)
			die(dst);
		close(fd);
	}
	if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL))
		die(dst);
	if (ro && mount(NULL, dst, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL))
		die(dst);
}

static void mount_at(const char *root, const char *rel, const char *type,
		     unsigned long flags)
{
	char dst[4096];

	mkdir_p(root, rel);
	snprintf(dst, sizeof(dst), "%s/%s", root, rel);
	if (mount(type, dst, type, flags,
		  strcmp(type, "tmpfs") ? NULL : "mode=0755"))
		die(dst);
}

/* execve/execveat: EPERM.  clone without CLONE_VM (fork): EPERM.  Threads
 * and LeakSanitizer's tracer share memory and stay allowed; a vfork child
 * can only fail to exec and exit.  clone3: ENOSYS, so libc falls back.
 * inotify_init1: EPERM, so "ip netns monitor" (however abbreviated, in argv
 * or a batch file) fails at once instead of waiting for events forever. */
static void no_exec_no_fork(void)
{
	/* Jumps count the instructions skipped; targets: 11 EPERM, 12 ENOSYS,
	 * 13 ALLOW, 9 the clone flags check. */
	struct sock_filter f[] = {
		/* 0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
				 offsetof(struct seccomp_data, nr)),
		/* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_inotify_init1, 9, 0),
		/* 2 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_inotify_init, 8, 0),
		/* 3 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execve, 7, 0),
		/* 4 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execveat, 6, 0),
		/* 5 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_fork, 5, 0),
		/* 6 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 5, 0),
		/* 7 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 1, 0),
		/* 8 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		/* 9 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
				 offsetof(struct seccomp_data, args[0])),
		/* 10 */ BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_VM, 2, 0),
		/* 11 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		/* 12 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		/* 13 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		die("seccomp");
}

static void quiet_stdio(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		die("/dev/null");
	dup2(fd, 0);	/* "-batch -" must not wait for a terminal */
	dup2(fd, 1);	/* what ip prints is not the point, crashes are */
	if (fd > 1)
		close(fd);
}

/* 0, or -1 when the kernel would not give a new mount (seen once after
 * 12,000 resets): the caller then just tries again later. */
static int fresh_run_netns(void)
{
	umount2("/run/netns", MNT_DETACH);
	mkdir("/run/netns", 0755);
	return mount("tmpfs", "/run/netns", "tmpfs", MS_NOSUID | MS_NODEV,
		     "mode=0755");
}

void fuzz_sandbox_init(void)
{
	const char *root = "/run/ipfuzz-root";
	char cwd[4096];

	if (getuid() != 0) {
		fprintf(stderr, "fuzz sandbox: needs root (namespaces, chroot)\n");
		exit(1);
	}
	if (!getcwd(cwd, sizeof(cwd)))
		die("getcwd");
	quiet_stdio();
	if (unshare(CLONE_NEWNET | CLONE_NEWNS))
		die("unshare");
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		die("make / private");
	/* A tmpfs on /run of our own mount namespace: no trace on the host. */
	if (mount("tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") ||
	    mkdir(root, 0755))
		die("/run");
	if (mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755"))
		die(root);
	mount_at(root, "proc", "proc", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
	mount_at(root, "sys", "sysfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
	mount_at(root, "run", "tmpfs", MS_NOSUID | MS_NODEV);
	mount_at(root, "etc/netns", "tmpfs", MS_NOSUID | MS_NODEV);
	mkdir_p(root, "tmp");
	mkdir_p(root, "dev");
	bind_ro(root, "/dev/null", false);
	bind_ro(root, "/etc/iproute2", true);
	bind_ro(root, cwd, false);	/* corpus and crash files */
	if (chroot(root) || chdir(cwd))
		die("chroot");
	if (fresh_run_netns())
		die("/run/netns");
	no_exec_no_fork();
}

void fuzz_sandbox_tick(void)
{
	static unsigned int n;

	if (++n % FUZZ_RESET)
		return;
	/* Not fatal: a failed reset only means more state piles up. */
	if (unshare(CLONE_NEWNET) || fresh_run_netns())
		n--;
}
