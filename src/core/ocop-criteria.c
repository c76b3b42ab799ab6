/* ocop-criteria.c: not written yet */
#include "config.h"
