/* The cage every harness that runs real ip commands enters first. */
#ifndef FUZZ_SANDBOX_H
#define FUZZ_SANDBOX_H

/* New net + mount namespace, chroot into a tmpfs, no exec, no fork.  Exits
 * when any step fails: the harness never runs uncaged. */
void fuzz_sandbox_init(void);
/* Call once per input: now and then starts over with an empty namespace. */
void fuzz_sandbox_tick(void);

#endif
