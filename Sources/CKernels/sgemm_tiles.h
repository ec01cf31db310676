// The bf16 product on 16 × 16 tiles of fp32 sums, written once against tile operations that
// sgemm_amx.c defines twice: as AMX's instructions (tileloadd, tdpbf16ps, tilestored) and as
// their C emulation, so the blocking, padding and stores below are tested on every CPU with
// AVX512-BF16 and run on tiles where the CPU has them.
//
// tdpbf16ps C += A·B takes A as 16 rows × 16 k-pairs (one row of X, 64 bytes) and B as 16 k-pairs
// × 16 columns (16 words of Y): exactly the operands' packed layouts (bf16_pack.h). Each 32 × 32
// block of C sums in four tiles over K in steps of 16 pairs, so every tile is full: K is padded
// with zero pairs to whole tiles; rows and columns past C's edges read whatever the packing space
// holds, and their sums are computed but never stored.
//
// Defined before including: TILE_PRODUCT (the function's name), TILE_TARGET (its attributes),
// TILE_CONFIG(cfg), TILE_ZERO(t), TILE_LOAD(t, base, strideBytes), TILE_DOT(c, a, b),
// TILE_STORE(t, base, strideBytes), TILE_RELEASE().

static TILE_TARGET int TILE_PRODUCT(int transA, int transB, long m, long n, long k, float alpha, const float *a,
                                    long lda, const float *b, long ldb, float beta, float *c, long ldc,
                                    const float *bias, const ck_adam_update *adam) {
    enum { edge = 16, block = 32 };
    long pairs = (k + 1) / 2, depth = (pairs + edge - 1) / edge * edge, rows = (m + block - 1) / block * block;
    uint32_t *space = ck_bf16_space(rows * depth + depth * block + block * block);
    if (!space) return 0;
    uint32_t *x = space, *panel = x + rows * depth;
    float *sums = (float *)(panel + depth * block);
    ck_pack_rows(m, k, a, transA ? 1 : lda, transA ? lda : 1, x, depth);
    for (long r = 0; r < m; r++) memset(x + r * depth + pairs, 0, (size_t)(depth - pairs) * 4);
    memset(panel + pairs * block, 0, (size_t)((depth - pairs) * block) * 4);
    // Configured once: the packing and the stores called between tile instructions use no tiles,
    // so the configuration (and nothing the next block needs from the tiles) survives them.
    ck_tile_config config = ck_tile_config_uniform(edge, edge * 4);
    TILE_CONFIG(&config);
    int stream = ck_streams_output(adam, beta, m, n);
    for (long n0 = 0; n0 < n; n0 += block) {
        long columns = n - n0 < block ? n - n0 : block;
        ck_pack_columns(columns, k, transB ? b + n0 * ldb : b + n0, transB ? 1 : ldb, transB ? ldb : 1, panel, block);
        for (long m0 = 0; m0 < m; m0 += block) {
            const uint32_t *x0 = x + m0 * depth, *x1 = x0 + edge * depth;
            TILE_ZERO(0); TILE_ZERO(1); TILE_ZERO(2); TILE_ZERO(3);
            for (long p0 = 0; p0 < depth; p0 += edge) {
                TILE_LOAD(4, x0 + p0, depth * 4);
                TILE_LOAD(5, x1 + p0, depth * 4);
                TILE_LOAD(6, panel + p0 * block, block * 4);
                TILE_LOAD(7, panel + p0 * block + edge, block * 4);
                TILE_DOT(0, 4, 6); TILE_DOT(1, 4, 7); TILE_DOT(2, 5, 6); TILE_DOT(3, 5, 7);
            }
            TILE_STORE(0, sums, block * 4);
            TILE_STORE(1, sums + edge, block * 4);
            TILE_STORE(2, sums + edge * block, block * 4);
            TILE_STORE(3, sums + edge * block + edge, block * 4);
            long height = m - m0 < block ? m - m0 : block;
            ck_store_sums(sums, block, height, columns, c + m0 * ldc + n0, ldc, alpha, beta, bias ? bias + n0 : 0,
                          adam, m0 * ldc + n0, stream);
        }
    }
    TILE_RELEASE();
    if (stream) _mm_sfence();
    return 1;
}

// The tiles' arithmetic ceiling: four tiles of sums over A and B tiles that stay loaded (every
// A pair 0.5, every B pair 1), `repetitions` times from zero; tile 0's sums (16 × 16, each
// 64 · 32 · 0.5 = 1024) go to `sums`. Returns the FLOPs of one repetition.
static TILE_TARGET long TILE_PEAK(long repetitions, float *sums) {
    enum { steps = 64 };
    uint32_t a[16 * 16], b[16 * 16];
    for (int i = 0; i < 16 * 16; i++) { a[i] = 0x3F003F00u; b[i] = 0x3F803F80u; }
    ck_tile_config config = ck_tile_config_uniform(16, 64);
    TILE_CONFIG(&config);
    TILE_LOAD(4, a, 64); TILE_LOAD(5, a, 64); TILE_LOAD(6, b, 64); TILE_LOAD(7, b, 64);
    for (long rep = 0; rep < repetitions; rep++) {
        TILE_ZERO(0); TILE_ZERO(1); TILE_ZERO(2); TILE_ZERO(3);
        for (int s = 0; s < steps; s++) {
            TILE_DOT(0, 4, 6); TILE_DOT(1, 4, 7); TILE_DOT(2, 5, 6); TILE_DOT(3, 5, 7);
        }
        TILE_STORE(0, sums, 64);
    }
    TILE_RELEASE();
    return 2L * steps * 4 * 16 * 16 * 32;
}
