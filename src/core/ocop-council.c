/* ocop-council.c: not written yet */
#include "config.h"
