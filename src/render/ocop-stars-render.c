/* ocop-stars-render.c: not written yet */
#include "config.h"
