/* XDP programs on a link, as iproute2 shows them: the mode after the MTU
 * ("xdpgeneric", with "/id:N" in ip address), and a "prog/xdp" line for
 * each program with what the kernel tells of it (name, tag, jited). */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <linux/if_link.h>

#include "link_kind.h"

/* The program's info by its id; false when it cannot be had (gone, or no
 * right to it): iproute2 then shows the id alone. */
static bool prog_info(uint32_t id, struct bpf_prog_info *info)
{
	union bpf_attr a;
	bool ok;
	int fd;

	memset(&a, 0, sizeof(a));
	a.prog_id = id;
	fd = syscall(__NR_bpf, BPF_PROG_GET_FD_BY_ID, &a, sizeof(a));
	if (fd < 0)
		return false;
	memset(info, 0, sizeof(*info));
	memset(&a, 0, sizeof(a));
	a.info.bpf_fd = fd;
	a.info.info_len = sizeof(*info);
	a.info.info = (uintptr_t)info;
	ok = !syscall(__NR_bpf, BPF_OBJ_GET_INFO_BY_FD, &a, sizeof(a)) &&
	     a.info.info_len;
	close(fd);
	return ok;
}

static void print_prog(struct ipctx *ctx, uint32_t id)
{
	struct out *o = &ctx->out;
	struct bpf_prog_info info;
	char name[BPF_OBJ_NAME_LEN + 1], tag[2 * BPF_TAG_SIZE + 1];
	int i;

	out_obj_open(o, "prog");
	out_uint(o, OUT_ANY, "id", "id %u ", id);
	if (prog_info(id, &info)) {
		memcpy(name, info.name, BPF_OBJ_NAME_LEN);
		name[BPF_OBJ_NAME_LEN] = '\0';
		for (i = 0; i < BPF_TAG_SIZE; i++)
			snprintf(tag + 2 * i, 3, "%02x", info.tag[i]);
		out_str(o, OUT_ANY, "name", "name %s ", name);
		out_str(o, OUT_ANY, "tag", "tag %s ", tag);
		out_uint(o, OUT_JSON, "jited", NULL, !!info.jited_prog_len);
		if (info.jited_prog_len)
			out_text(o, "jited ");
		if (ctx->details && info.load_time) {
			out_u64(o, OUT_ANY, "load_time", "load_time %llu ",
				info.load_time);
			out_uint(o, OUT_ANY, "created_by_uid", "created_by_uid %u ",
				 info.created_by_uid);
		}
		if (ctx->details && info.btf_id)
			out_uint(o, OUT_ANY, "btf_id", "btf_id %u ", info.btf_id);
	}
	out_obj_close(o);
}

/* Each mode with its program, in iproute2's order: generic, native,
 * offloaded. */
static const struct {
	uint8_t mode;
	uint16_t attr;
} modes[] = {
	{ XDP_ATTACHED_SKB, IFLA_XDP_SKB_PROG_ID },
	{ XDP_ATTACHED_DRV, IFLA_XDP_DRV_PROG_ID },
	{ XDP_ATTACHED_HW, IFLA_XDP_HW_PROG_ID },
};

static void print_attached(struct ipctx *ctx, uint8_t mode, uint32_t id)
{
	out_obj_open(&ctx->out, NULL);
	out_uint(&ctx->out, OUT_JSON, "mode", NULL, mode);
	print_prog(ctx, id);
	out_obj_close(&ctx->out);
}

/* JSON: the mode, the program, and each attached one with its mode. */
static void print_xdp_json(struct ipctx *ctx, struct rtattr **tb, uint8_t mode)
{
	struct out *o = &ctx->out;
	bool per_mode = false;
	size_t i;

	out_obj_open(o, "xdp");
	out_uint(o, OUT_JSON, "mode", NULL, mode);
	if (tb[IFLA_XDP_PROG_ID] && nl_attr_u32(tb[IFLA_XDP_PROG_ID]))
		print_prog(ctx, nl_attr_u32(tb[IFLA_XDP_PROG_ID]));
	out_arr_open(o, "attached");
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (!tb[modes[i].attr])
			continue;
		print_attached(ctx, modes[i].mode, nl_attr_u32(tb[modes[i].attr]));
		per_mode = true;
	}
	if (!per_mode && tb[IFLA_XDP_PROG_ID])	/* older kernels */
		print_attached(ctx, mode, nl_attr_u32(tb[IFLA_XDP_PROG_ID]));
	out_arr_close(o);
	out_obj_close(o);
}

/* The mode attached, 0 for none; tb filled from IFLA_XDP. */
static uint8_t xdp_mode(const struct rtattr *xdp, struct rtattr **tb)
{
	nl_parse_nested(tb, IFLA_XDP_MAX, xdp);
	return tb[IFLA_XDP_ATTACHED] ? nl_attr_u8(tb[IFLA_XDP_ATTACHED]) : 0;
}

void print_xdp_head(struct ipctx *ctx, const struct rtattr *xdp, bool in_addr)
{
	static const char *const names[] = {
		[XDP_ATTACHED_DRV] = "xdp", [XDP_ATTACHED_SKB] = "xdpgeneric",
		[XDP_ATTACHED_HW] = "xdpoffload", [XDP_ATTACHED_MULTI] = "xdpmulti",
	};
	struct rtattr *tb[IFLA_XDP_MAX + 1];
	uint8_t mode = xdp_mode(xdp, tb);
	uint32_t id;

	if (!mode)
		return;
	if (ctx->out.json) {
		print_xdp_json(ctx, tb, mode);
		return;
	}
	if (mode <= XDP_ATTACHED_MULTI)
		out_text(&ctx->out, "%s", names[mode]);
	else
		out_text(&ctx->out, "xdp[%u]", mode);
	id = tb[IFLA_XDP_PROG_ID] ? nl_attr_u32(tb[IFLA_XDP_PROG_ID]) : 0;
	if (in_addr && id)
		out_text(&ctx->out, "/id:%u", id);
	out_text(&ctx->out, " ");
}

static void print_prog_line(struct ipctx *ctx, const struct rtattr *a,
			    const char *what)
{
	if (!a || !nl_attr_u32(a))
		return;
	out_nl(&ctx->out);
	out_text(&ctx->out, "    prog/xdp%s ", what);
	print_prog(ctx, nl_attr_u32(a));
}

void print_xdp_progs(struct ipctx *ctx, const struct rtattr *xdp)
{
	struct rtattr *tb[IFLA_XDP_MAX + 1];
	uint8_t mode = xdp_mode(xdp, tb);

	if (!mode || ctx->out.json)
		return;
	print_prog_line(ctx, tb[IFLA_XDP_PROG_ID], "");
	if (mode != XDP_ATTACHED_MULTI)
		return;
	print_prog_line(ctx, tb[IFLA_XDP_SKB_PROG_ID], "generic");
	print_prog_line(ctx, tb[IFLA_XDP_DRV_PROG_ID], "drv");
	print_prog_line(ctx, tb[IFLA_XDP_HW_PROG_ID], "offload");
}
