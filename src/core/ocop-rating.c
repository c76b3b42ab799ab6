/* ocop-rating.c: not written yet */
#include "config.h"
