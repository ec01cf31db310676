// The operands and output of one product as `ck_sgemm` lays them out (sgemm.c), shared with
// the Adam pipeline (sgemm_adam.h).
#pragma once
#include "CKernels.h"

typedef struct {
    const float *x; long xRowStride, xKStride;  // X[r, k] = x[r·xRowStride + k·xKStride]
    long xTileStride;                           // when packed: tile t of rows starts at x + t·xTileStride
    const float *y; long ldy;                   // Y[k, j] = y[k·ldy + j]
    float *c; long ldc; int transposedC;        // C[r, j], or C[j, r] when transposedC
    float alpha, beta;
    const float *bias;                          // per j (or per r when transposedC)
    const ck_adam_update *adam;                 // C is this Adam's gradient: apply it, store nothing
                                                // (`multiplyAdam`)
    int stream;                                 // store C past the caches (`ck_store_tile`)
} Product;
