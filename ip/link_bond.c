/* type bond: to be filled in. */
#include "link_kind.h"

const struct link_kind bond_kind = { .name = "bond" };
