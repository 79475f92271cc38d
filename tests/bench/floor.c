/* floor: what an `ip addr` listing costs before any user-space work.  It
 * makes the two requests our ip makes for `ip -br addr` and `ip -j addr`
 * (every address, then every link with IFLA_EXT_MASK VF|SKIP_STATS), reads
 * every answer into one 32 KiB buffer and drops it: the time left is the
 * kernel building the dumps, plus the start-up and exit of a static
 * program.  Built like our ip (static glibc), it runs under the name "ip"
 * and ignores its arguments. */
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char buf[32768];

/* Read one dump to its end; 0 when it ended well. */
static int drain(int fd)
{
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		int left = (int)n;

		if (n <= 0)
			return 1;
		for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left))
			if (h->nlmsg_type == NLMSG_DONE ||
			    h->nlmsg_type == NLMSG_ERROR)
				return h->nlmsg_type == NLMSG_ERROR;
	}
}

static int dump(int fd, void *req, size_t len)
{
	return send(fd, req, len, 0) != (ssize_t)len || drain(fd);
}

int main(void)
{
	struct {
		struct nlmsghdr h;
		struct ifaddrmsg a;
	} addrs = { { sizeof(addrs), RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP,
		      1, 0 }, { 0 } };
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
		struct rtattr mask_hdr;
		__u32 mask;
	} links = { { sizeof(links), RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP,
		      2, 0 }, { 0 }, { RTA_LENGTH(4), IFLA_EXT_MASK },
		    RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0)
		return 1;
	return dump(fd, &addrs, sizeof(addrs)) || dump(fd, &links, sizeof(links));
}
