// Password hashing and token primitives on libsodium.
#include "accounts/crypto.hpp"

#include <sodium.h>

#include <stdexcept>

namespace fabrique::accounts {
namespace {

void ensure_sodium() {
  static const bool kReady = sodium_init() >= 0;
  if (!kReady) throw std::runtime_error("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  // OWASP's recommended Argon2id parameters (19 MiB, 2 passes, 1 lane). libsodium's "interactive"
  // preset takes 64 MiB per sign-in, which alone would break the server's 64 MB memory budget;
  // hashes keep their parameters, so older ones still verify.
  constexpr unsigned long long kOpsLimit = 2;
  constexpr std::size_t kMemLimit = 19 * 1024 * 1024;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view password, const std::string& hash) {
  ensure_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string token_hash(std::string_view data) {
  ensure_sodium();
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  return to_hex(h, sizeof h);
}

std::string keyed_hash(std::string_view key, std::string_view data) {
  ensure_sodium();
  // BLAKE2b keys are 16 to 64 bytes: derive a fixed-size key from whatever was stored.
  unsigned char k[32];
  crypto_generichash(k, sizeof k, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(), k, sizeof k);
  return to_hex(h, sizeof h);
}

bool equal_secrets(std::string_view a, std::string_view b) {
  ensure_sodium();
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string csrf_token(std::string_view server_key, std::string_view browser_secret) {
  return keyed_hash(server_key, std::string("csrf:") + std::string(browser_secret));
}

bool csrf_valid(std::string_view server_key, std::string_view browser_secret, std::string_view submitted) {
  if (browser_secret.empty() || submitted.empty()) return false;
  return equal_secrets(csrf_token(server_key, browser_secret), submitted);
}

}  // namespace fabrique::accounts
