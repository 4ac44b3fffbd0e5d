#ifndef PLENUM_SODIUM_BASELINE_H
#define PLENUM_SODIUM_BASELINE_H

#include <stddef.h>

/// Calls libsodium's crypto_sign_verify_detached `count` times on the same inputs, straight from
/// C: the ceiling the Swift wrapper is measured against. Returns how many verified.
size_t plenum_baseline_verify(size_t count, const unsigned char *signature,
                              const unsigned char *message, unsigned long long message_length,
                              const unsigned char *public_key);

/// Calls crypto_sign_verify_detached `count` times, cycling through `distinct` different
/// signers (64-byte signatures, messages of `message_length` bytes and 32-byte keys, each laid
/// end to end), as a verifier meets them: different keys and messages, not one input repeated.
size_t plenum_baseline_verify_distinct(size_t count, size_t distinct, const unsigned char *signatures,
                                       const unsigned char *messages, unsigned long long message_length,
                                       const unsigned char *public_keys);

/// Calls crypto_hash_sha256 `count` times over a 65-byte node buffer, the Merkle node shape;
/// returns the first byte of the last digest so the work cannot be optimized away.
unsigned char plenum_baseline_node_hashes(size_t count);

/// Calls crypto_hash_sha256 `count` times over a buffer of `length` bytes (at most 4,096), each
/// digest feeding the next; returns the first byte of the last digest.
unsigned char plenum_baseline_hashes(size_t count, size_t length);

#endif
