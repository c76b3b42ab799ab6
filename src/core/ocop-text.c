/* ocop-text.c: not written yet */
#include "config.h"
