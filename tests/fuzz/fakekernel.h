/* The fake kernel behind replay and fakekernel.so (see replay.c). */
#ifndef FAKEKERNEL_H
#define FAKEKERNEL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

struct frame {
	uint32_t len;		/* payload bytes */
	uint32_t pid;		/* sender port id */
	int32_t err;		/* >0: recvmsg fails with this errno */
	uint32_t keep;		/* 1: keep seq and pid as they are */
};

/* Read the script; 0 or -1 (after a message). */
int fk_load(const char *path);
/* Use buf (frames, not copied) as the script, from its start. */
void fk_set_script(uint8_t *buf, size_t len);
/* A request went out: remember its sequence number. */
void fk_sent(const void *buf, size_t len);
/* The next frame, as recvmsg() would return it (MSG_PEEK, MSG_TRUNC too). */
ssize_t fk_recvmsg(int fd, struct msghdr *msg, int flags);

#endif
