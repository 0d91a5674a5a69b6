// Passwords (Argon2id), random tokens and keyed hashes, all from libsodium.
#pragma once
#include <string>
#include <string_view>

namespace fabrique::accounts {

// Argon2id hash in libsodium's self-describing string format (salt and costs included).
std::string hash_password(std::string_view password);
// Constant-time check of `password` against a hash from hash_password().
bool verify_password(std::string_view password, const std::string& hash);

// 32 random bytes as URL-safe base64 without padding (session tokens, browser secrets, keys).
std::string random_token();
// Hex BLAKE2b-256 of `data`: how tokens are stored, so a leaked table reveals no usable token.
std::string token_hash(std::string_view data);
// Hex keyed BLAKE2b-256 (a MAC) of `data` under `key`.
std::string keyed_hash(std::string_view key, std::string_view data);
// Constant-time equality.
bool equal_secrets(std::string_view a, std::string_view b);

// The CSRF token to put in forms for the browser holding `browser_secret` (a cookie).
std::string csrf_token(std::string_view server_key, std::string_view browser_secret);
// True when `submitted` is the CSRF token for `browser_secret`.
bool csrf_valid(std::string_view server_key, std::string_view browser_secret, std::string_view submitted);

}  // namespace fabrique::accounts
