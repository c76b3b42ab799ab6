/* ocop-registry.c: not written yet */
#include "config.h"
