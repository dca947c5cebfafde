/** Published: the personal-data cipher (AES-GCM and keyed lookup hash) and the encrypted columns it checks. */
@org.springframework.modulith.NamedInterface("crypto")
package com.kcm.shared.crypto;
