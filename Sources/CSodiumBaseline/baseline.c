#include "baseline.h"

#include <sodium.h>
#include <string.h>

size_t plenum_baseline_verify(size_t count, const unsigned char *signature,
                              const unsigned char *message, unsigned long long message_length,
                              const unsigned char *public_key) {
    size_t verified = 0;
    for (size_t i = 0; i < count; i++) {
        if (crypto_sign_verify_detached(signature, message, message_length, public_key) == 0) {
            verified++;
        }
    }
    return verified;
}

unsigned char plenum_baseline_node_hashes(size_t count) {
    unsigned char buffer[65];
    unsigned char digest[32];
    memset(buffer, 0, sizeof buffer);
    buffer[0] = 1;
    for (size_t i = 0; i < count; i++) {
        crypto_hash_sha256(digest, buffer, sizeof buffer);
        memcpy(buffer + 1, digest, 32);
    }
    return digest[0];
}

size_t plenum_baseline_verify_distinct(size_t count, size_t distinct, const unsigned char *signatures,
                                       const unsigned char *messages, unsigned long long message_length,
                                       const unsigned char *public_keys) {
    size_t verified = 0;
    for (size_t i = 0; i < count; i++) {
        size_t k = i % distinct;
        if (crypto_sign_verify_detached(signatures + 64 * k, messages + message_length * k, message_length,
                                        public_keys + 32 * k) == 0) {
            verified++;
        }
    }
    return verified;
}

unsigned char plenum_baseline_hashes(size_t count, size_t length) {
    unsigned char buffer[4096];
    unsigned char digest[32];
    if (length > sizeof buffer) length = sizeof buffer;
    memset(buffer, 7, sizeof buffer);
    for (size_t i = 0; i < count; i++) {
        crypto_hash_sha256(digest, buffer, length);
        memcpy(buffer, digest, 32);
    }
    return digest[0];
}
