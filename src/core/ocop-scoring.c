/* ocop-scoring.c: not written yet */
#include "config.h"
